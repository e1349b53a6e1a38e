import type { Located } from './located';
import { child, decodeXmlSpan, elements, parseXml, textOf, type XmlElement } from './xmlTree';

/**
 * Exports of the Mirth Connect / NextGen Connect integration engine (channels, code template libraries), read
 * with the XML parser: their connectors (what each sends or receives, and how) and the JavaScript they run.
 */

/** A source or destination connector of a channel. */
export interface MirthConnector {
  /** The connector's name as shown in the Administrator (`To RIS`). */
  name: string;
  /** `TCP Listener`, `TCP Sender`, `File Writer`, `SMTP Sender`, ... */
  transport: string;
  /** The `class` of its `<properties>` (`com.mirth.connect.connectors.tcp.TcpDispatcherProperties`). */
  propertiesClass: string;
  properties: XmlElement;
}

/** A script the engine runs: a transformer step, a filter rule, a channel script, a code template. */
export interface MirthScript {
  /** The element holding it (`script`, `postprocessingScript`, `code`). */
  element: string;
  /** The decoded JavaScript. */
  text: string;
  /** For each character of `text`, its offset in the document (the last entry is the end). */
  offsets: number[];
}

export interface MirthExport {
  connectors: MirthConnector[];
  scripts: MirthScript[];
}

/** Elements whose text is JavaScript run by the engine. */
const SCRIPT_ELEMENTS = new Set(['script', 'preprocessingScript', 'postprocessingScript', 'deployScript', 'undeployScript', 'code']);

/** A cheap test on the raw text before parsing: a channel or code template export. */
export function looksLikeMirthExport(text: string): boolean {
  return /<(?:channel|codeTemplateLibrary|codeTemplate)[\s>]/.test(text) && /com\.mirth\.connect|<transportName>/.test(text);
}

const cache = new Map<string, MirthExport | undefined>();

/** The connectors and scripts of a Mirth export, or undefined when the text is not one. */
export function mirthExport(text: string): MirthExport | undefined {
  if (!looksLikeMirthExport(text)) return undefined;
  // Several rules read the same document in a row: keep the last parse.
  if (cache.has(text)) return cache.get(text);
  const root = parseXml(text);
  const result = root && readExport(text, root);
  cache.clear();
  cache.set(text, result);
  return result;
}

function readExport(text: string, root: XmlElement): MirthExport {
  const connectors: MirthConnector[] = [];
  const scripts: MirthScript[] = [];
  const visit = (el: XmlElement, parent?: XmlElement): void => {
    if ((el.local === 'sourceConnector' || (el.local === 'connector' && parent?.local === 'destinationConnectors')) && child(el, 'properties')) {
      const properties = child(el, 'properties')!;
      connectors.push({
        name: textOf(child(el, 'name'))?.text ?? '',
        transport: textOf(child(el, 'transportName'))?.text ?? '',
        propertiesClass: properties.attributes.get('class')?.text ?? '',
        properties,
      });
    }
    // `code` holds JavaScript only in a code template's properties.
    if (SCRIPT_ELEMENTS.has(el.local) && (el.local !== 'code' || parent?.local === 'properties') && el.texts.length) {
      const first = el.texts[0];
      const last = el.texts[el.texts.length - 1];
      const decoded = decodeXmlSpan(text, first.start, last.end);
      if (/\S/.test(decoded.text)) scripts.push({ element: el.local, ...decoded });
    }
    for (const c of el.children) visit(c, el);
  };
  visit(root);
  return { connectors, scripts };
}

/** The text of a descendant element of a connector's properties, found by its path of local names. */
export function setting(connector: MirthConnector, ...path: string[]): Located | undefined {
  let el: XmlElement | undefined = connector.properties;
  for (const name of path) el = child(el, name);
  return textOf(el);
}

/**
 * Whether a connector's properties turn TLS on: the SSL/TLS settings the commercial extensions add to its
 * plugin properties (`<sslEnabled>true</sslEnabled>`, `<tlsEnabled>`, an `SSLSettingsProperties` element with
 * `<enabled>true</enabled>`).
 */
export function tlsEnabled(connector: MirthConnector): boolean {
  const on = (el: XmlElement | undefined) => textOf(el)?.text.trim().toLowerCase() === 'true';
  for (const el of elements(connector.properties)) {
    if (/^(?:ssl|tls)(?:Enabled)?$/i.test(el.local) && on(el)) return true;
    if (/ssl|tls/i.test(el.local) && on(child(el, 'enabled'))) return true;
  }
  return false;
}
