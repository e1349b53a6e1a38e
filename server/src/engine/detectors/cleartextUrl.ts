import { parse as parseYaml } from 'yaml';
import type { SourceDocument } from '../document';
import { fileRoleOf } from '../fileRole';
import { escapeRegExp } from '../regexLiterals';
import { stringList, stringMap, type Detector, type DetectorHit } from './detector';
import { hostMatcher, urlPrefixMatcher } from './hostPatterns';
import { urlUse, type UrlUseOptions } from './urlUse';

interface Options {
  schemes: Record<string, string>;
  isLocal: (host: string) => boolean;
  isIdentifierUrl: (hostAndPath: string) => boolean;
  canonicalPath?: RegExp;
  identifierKey?: RegExp;
  use: UrlUseOptions;
}

const compiledOptions = new WeakMap<Record<string, unknown>, Options>();

function compile(raw: Record<string, unknown>): Options {
  let o = compiledOptions.get(raw);
  if (!o) {
    const keys = stringList(raw, 'identifierKeys').filter((k) => k.length > 0).flatMap(keyVariants);
    const canonical = raw.canonicalPath;
    o = {
      schemes: stringMap(raw, 'schemes'),
      isLocal: hostMatcher(stringList(raw, 'localHosts')),
      isIdentifierUrl: urlPrefixMatcher(stringList(raw, 'identifierUrls')),
      canonicalPath: typeof canonical === 'string' ? new RegExp(canonical) : undefined,
      use: {
        connectionCalls: new RegExp(stringList(raw, 'connectionCalls').join('|') || '(?!)'),
        endpointWords: new Set(stringList(raw, 'endpointWords')),
        identifierWords: new Set(stringList(raw, 'identifierWords')),
        metadataWords: new Set(stringList(raw, 'metadataWords')),
        networkCommands: new RegExp(typeof raw.networkCommands === 'string' ? raw.networkCommands : '(?!)', 'i'),
        serverDirectives: new RegExp(typeof raw.serverDirectives === 'string' ? raw.serverDirectives : '(?!)', 'i'),
        htmlSources: new Set(stringList(raw, 'htmlSources')),
        fhirAddressKeys: new Set(stringList(raw, 'fhirAddressKeys')),
      },
      // `"system": "`, `system='`, `.setSystem("`, `xmlns:xsi="`, `mrnSystem = "`, `MRN_SYSTEM=`: the URL is the
      // value of an identifier key, alone or at the end of a camelCase or snake_case name.
      identifierKey: keys.length
        ? new RegExp(
            `(?:^|(?<=[^A-Za-z0-9$])|(?<=[a-z0-9])(?=[A-Z])|(?<=_))(?:set|with|Set|With)?(?:${keys.join('|')})` +
              `(?::[\\w.-]+)?["']?\\s*(?:[:=]|=>|\\()?\\s*\\[?\\s*["'\`]?$`,
          )
        : undefined,
    };
    compiledOptions.set(raw, o);
  }
  return o;
}

const AUTHORITY = /^[^\s"'`<>/?#\\,;)]*/;
const REST = /^[^\s"'`<>\\);]*/;
/** Punctuation that ends a sentence or a statement rather than the URL. */
const TRAILING = /[.,:!?]+$/;

/** Cleartext URLs (`http://`, `ftp://`, ...) to hosts that are not local, not identifiers and not namespaces. */
export const cleartextUrl: Detector = {
  name: 'cleartext-url',
  run(doc, rawOptions) {
    const o = compile(rawOptions);
    const schemes = Object.keys(o.schemes);
    if (schemes.length === 0) return [];
    const re = new RegExp(`\\b(${schemes.map(escapeRegExp).join('|')})://`, 'gi');
    const text = doc.text;
    const hits: DetectorHit[] = [];
    let internalHosts: ((host: string) => boolean) | undefined;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const scheme = m[1].toLowerCase();
      const afterScheme = start + m[0].length;
      const authority = AUTHORITY.exec(text.slice(afterScheme, afterScheme + 2048))![0];
      const rest = REST.exec(text.slice(afterScheme, afterScheme + 4096))![0].replace(TRAILING, '');
      const end = afterScheme + rest.length;
      if (authority === '' && !isConcatenated(text, afterScheme)) continue;
      const at = authority.lastIndexOf('@');
      const hostPort = authority.slice(at + 1);
      const host = (hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0]).toLowerCase();
      if (host && o.isLocal(host)) continue;
      const hostAndPath = rest.slice(at + 1).toLowerCase();
      if (o.isIdentifierUrl(hostAndPath)) continue;
      if (o.canonicalPath?.test(rest)) continue;
      if (isIdentifierValue(doc, start, o) || insideXmlDeclaration(doc, start)) continue;
      if (host && !host.includes('.') && !host.includes(':')) {
        internalHosts ??= internalHostMatcher(doc);
        if (internalHosts(host)) continue;
      }
      const use = urlUse(doc, start, end, o.use);
      // A test's or a sample's URL values are its inputs and expectations; only its connections count.
      if (use === 'data' || (use === 'value' && fileRoleOf(doc.file) !== 'production')) continue;
      const weak = use === 'value' ? 'no connection to it is made in this file' : isPrivateHost(host) ? 'local or private network host' : undefined;
      const sensitive: Array<[number, number]> = [];
      if (at >= 0) {
        // The password, or the whole user part when it has none (a token used as the user name).
        const colon = authority.indexOf(':');
        sensitive.push(colon >= 0 && colon < at ? [afterScheme + colon + 1, afterScheme + at] : [afterScheme, afterScheme + at]);
      }
      for (const q of rest.matchAll(/[?&;#][^=&#]+=([^&#]*)/g)) {
        const valueStart = afterScheme + q.index! + q[0].length - q[1].length;
        if (q[1]) sensitive.push([valueStart, valueStart + q[1].length]);
      }
      const secure = o.schemes[scheme];
      hits.push({
        start,
        end,
        params: { scheme, host: host && !/[${}%<]/.test(host) ? host : 'a host set at run time' },
        sensitive,
        severity: weak ? 'info' : undefined,
        note: weak,
        fix: secure
          ? { description: `Use ${secure}://`, edits: [{ start, end: start + scheme.length, newText: secure }] }
          : undefined,
      });
    }
    return hits;
  },
};

/**
 * A host only reachable inside a network: private IPv4 ranges, link-local addresses, and single-label names
 * (a container, a cluster service, a machine on the LAN), which no public DNS resolves.
 */
function isPrivateHost(host: string): boolean {
  if (!host) return false;
  if (/^(?:10|127)\.|^192\.168\.|^172\.(?:1[6-9]|2\d|3[01])\.|^169\.254\./.test(host)) return true;
  return /^[a-z0-9-]+$/i.test(host) && !/^\d+$/.test(host);
}

/** `"http://" + host`: a scheme literal joined to a host at run time, unlike `url.startsWith("http://")`. */
function isConcatenated(text: string, afterScheme: number): boolean {
  return /^["'`]?\s*(\+|\.\s|\.\.|<>|&\s)/.test(text.slice(afterScheme, afterScheme + 8));
}

function isIdentifierValue(doc: SourceDocument, start: number, o: Options): boolean {
  if (!o.identifierKey) return false;
  const region = doc.scopes.regionAt(start);
  const until = region?.kind === 'string' ? region.start + 1 : start;
  const lineStart = doc.text.lastIndexOf('\n', until - 1) + 1;
  const before = doc.text.slice(Math.max(lineStart, until - 200), until);
  return o.identifierKey.test(before);
}

/** A URL inside `<!DOCTYPE ...>` or `<!ENTITY ...>` names a DTD, not a place data goes. */
function insideXmlDeclaration(doc: SourceDocument, start: number): boolean {
  if (doc.language.family !== 'xml') return false;
  const window = doc.text.slice(Math.max(0, start - 400), start);
  const decl = Math.max(window.lastIndexOf('<!DOCTYPE'), window.lastIndexOf('<!ENTITY'));
  return decl >= 0 && !window.slice(decl).includes('>');
}

/** Hosts the file itself defines: compose services (and their hostnames), nginx upstream groups. */
function internalHostMatcher(doc: SourceDocument): (host: string) => boolean {
  const names = new Set<string>();
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(doc.baseName)) {
    try {
      const parsed = parseYaml(doc.text, { logLevel: 'silent' }) as { services?: Record<string, { hostname?: string; container_name?: string }> };
      for (const [name, svc] of Object.entries(parsed?.services ?? {})) {
        names.add(name.toLowerCase());
        if (svc?.hostname) names.add(String(svc.hostname).toLowerCase());
        if (svc?.container_name) names.add(String(svc.container_name).toLowerCase());
      }
    } catch {
      // an invalid compose file defines no services
    }
  }
  for (const m of doc.text.matchAll(/\bupstream\s+([\w.-]+)\s*\{/g)) names.add(m[1].toLowerCase());
  return (host) => names.has(host);
}

/** `system` → system, System, SYSTEM and their plurals, as a regex alternative each. */
function keyVariants(key: string): string[] {
  const forms = [key, key[0].toUpperCase() + key.slice(1), key.toUpperCase()];
  return [...new Set([...forms, ...forms.map((k) => (k === k.toUpperCase() ? `${k}S` : `${k}s`))])].map(escapeRegExp);
}
