import ts from 'typescript';
import type { SourceDocument } from '../document';
import { mirthExport, setting, type MirthExport } from '../formats/mirthChannel';
import { REMOVABLE_OR_SYNCED, SHARED_TMP, type Flow, type FlowSource } from './flow';
import { healthWordOf } from './healthNames';
import { jsFlows, type Binding } from './jsFlow';
import type { LiteralSource } from './treeFlow';

/**
 * Flows of code that lives inside another kind of file: the `<script>` blocks of HTML pages and of Vue and
 * Svelte components, and the scripts and connectors of Mirth Connect channel exports (transformers, filters,
 * channel scripts, code templates; File Writer destinations). Loaded with the TypeScript compiler, on first use.
 */
export function embeddedFlows(doc: SourceDocument, literalSource: LiteralSource): Flow[] {
  if (doc.language.id === 'html') return scriptBlockFlows(doc, literalSource);
  const mirth = doc.language.family === 'xml' ? mirthExport(doc.text) : undefined;
  return mirth ? mirthFlows(mirth, literalSource) : [];
}

// ---------- HTML, Vue, Svelte ----------

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** `type`s of script elements that hold data or templates, not code. */
const NOT_CODE = /\btype\s*=\s*["']?(?!(?:text|application)\/(?:javascript|ecmascript)|module\b)/i;

/**
 * Every script block analysed as one module, in a copy of the file where everything else is blanked (line
 * breaks kept): offsets in the copy are offsets in the file.
 */
function scriptBlockFlows(doc: SourceDocument, literalSource: LiteralSource): Flow[] {
  const text = doc.text;
  const parts: string[] = [];
  let last = 0;
  let typescript = false;
  for (const m of text.matchAll(SCRIPT_BLOCK)) {
    const attrs = m[1];
    if (NOT_CODE.test(attrs) || !/\S/.test(m[2])) continue;
    if (/\blang\s*=\s*["']?tsx?\b/i.test(attrs)) typescript = true;
    const bodyStart = m.index! + m[0].indexOf('>') + 1;
    parts.push(blank(text.slice(last, bodyStart)), m[2]);
    last = bodyStart + m[2].length;
  }
  if (!parts.length) return [];
  parts.push(blank(text.slice(last)));
  return jsFlows(typescript ? 'component.ts' : 'component.js', parts.join(''), literalSource);
}

function blank(s: string): string {
  return s.replace(/[^\n\r]/g, ' ');
}

// ---------- Mirth Connect ----------

/**
 * HL7 v2 segments about the patient, the visit and the clinical content; not MSH, EVN, MSA, ERR (the message's
 * own header, event and acknowledgement, which hold control ids, types and dates).
 */
const PATIENT_SEGMENTS = new Set([
  'PID', 'PD1', 'PD2', 'NK1', 'PV1', 'PV2', 'MRG', 'IN1', 'IN2', 'IN3', 'GT1', 'DG1', 'DRG', 'AL1', 'IAM', 'PR1', 'OBX', 'OBR',
  'NTE', 'ORC', 'RXA', 'RXE', 'RXO', 'RXD', 'RXR', 'RXC', 'SPM', 'TXA', 'PRB', 'GOL', 'PTH', 'ACC', 'UB1', 'UB2', 'ZPI',
]);
/** A segment (`PID`) or one of its fields or components (`PID.5`, `PID.5.1`) as E4X names them. */
const SEGMENT_KEY = /^([A-Z][A-Z0-9]{2})(?:\.\d+)*$/;
/** The inbound message and the outbound template in transformer scripts. */
const MESSAGE_ROOTS = new Set(['msg', 'tmp']);
const PREPROCESSOR_ROOTS = new Set(['msg', 'tmp', 'message']);
/** Methods of `connectorMessage`, `message` and `messageObject` that return a whole message. */
const WHOLE_MESSAGE = /^(?:getRawData|getEncodedData|getTransformedData|getProcessedRawData|getRawMessage|getEncodedMessage|getResponseData)$/;
/** The engine's variable maps: `$('key')` and its typed forms, `channelMap.get('key')`. */
const MAP_SHORTHAND = /^\$(?:c|co|s|g|gc|r|cfg)?$/;
const MAP_OBJECT = /^(?:channelMap|connectorMap|sourceMap|globalMap|globalChannelMap|responseMap|configurationMap)$/;
/** File Writer templates that write the message itself. */
const MESSAGE_TEMPLATE = /\$\{\s*message\.(?:encodedData|rawData|transformedData|processedRawData|encoded|raw)\s*\}|\$\{\s*(?:encodedData|rawData|msg)\s*\}/;

function mirthFlows(mirth: MirthExport, literalSource: LiteralSource): Flow[] {
  const flows: Flow[] = [];
  for (const script of mirth.scripts) {
    const at = (i: number) => script.offsets[Math.min(Math.max(i, 0), script.offsets.length - 1)];
    const literals: LiteralSource = (s, e) => literalSource(at(s), at(e));
    // In a preprocessor, `message` is the raw message as received.
    const roots = script.element === 'preprocessingScript' ? PREPROCESSOR_ROOTS : MESSAGE_ROOTS;
    for (const f of jsFlows('transformer.js', script.text, literals, (e, sf) => mirthSource(e, sf, roots))) {
      flows.push({ ...f, fix: undefined, start: at(f.start), end: at(f.end), source: { ...f.source, start: at(f.source.start), end: at(f.source.end) } });
    }
  }
  for (const c of mirth.connectors) {
    if (!/^(?:File|Document) Writer$/.test(c.transport) && !/(?:File|Document)DispatcherProperties$/.test(c.propertiesClass)) continue;
    // Only the local file system: SFTP, FTP, SMB, WebDAV and S3 writers send the file elsewhere.
    if ((setting(c, 'scheme')?.text.trim().toUpperCase() ?? 'FILE') !== 'FILE') continue;
    const template = setting(c, 'template');
    if (!template) continue;
    // The message itself, or a variable named after health data (`${patientSummary}`).
    const whole = MESSAGE_TEMPLATE.exec(template.text);
    const named = whole ? undefined : [...template.text.matchAll(/\$\{\s*(\w+)\s*\}/g)].find((v) => healthWordOf(v[1]));
    if (!whole && !named) continue;
    const folder = setting(c, 'host');
    const at = folder ?? template;
    const path = folder?.text.trim() ?? '';
    const detail = REMOVABLE_OR_SYNCED.test(path) ? 'removable media or a synced personal folder' : SHARED_TMP.test(path) ? 'a shared temporary folder' : undefined;
    const source: FlowSource = { start: template.start, end: template.end, label: whole ? `the HL7 message \`${whole[0]}\`` : `\`${named![0]}\`` };
    flows.push({ kind: 'file', start: at.start, end: at.end, sink: `the ${c.transport || 'File Writer'} "${c.name.slice(0, 40)}"`, source, detail });
  }
  return flows;
}

/**
 * What Mirth gives a script: the message (`msg`, `tmp`, `connectorMessage.getRawData()`), its segments by
 * name (`msg['PID']['PID.5']` carries the patient's name, `msg['MSH']['MSH.10']` a control id), and the variable
 * maps, whose keys say what they hold (`$('patientName')`).
 */
function mirthSource(e: ts.Expression, sf: ts.SourceFile, roots: ReadonlySet<string>): Binding | undefined {
  const src = (label: string): FlowSource => ({ start: e.getStart(sf), end: e.getEnd(), label });
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    const arg = e.arguments[0];
    const key = arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
    const lookup = ts.isIdentifier(callee)
      ? MAP_SHORTHAND.test(callee.text)
      : ts.isPropertyAccessExpression(callee) && callee.name.text === 'get' && ts.isIdentifier(callee.expression) && MAP_OBJECT.test(callee.expression.text);
    if (lookup) return key && healthWordOf(key) ? src(`the \`${key}\` map entry`) : null;
    if (ts.isPropertyAccessExpression(callee) && WHOLE_MESSAGE.test(callee.name.text)) return src(`the HL7 message from \`${callee.name.text}\``);
  }
  // Nearest the root wins (`msg['PID']['PID.5']` is the PID segment's); a key in brackets is the E4X idiom for a
  // segment of any message (`hl7['PID']` in a code template), a property only of `msg` and `tmp`.
  let bracketed: string | undefined;
  let property: string | undefined;
  let cur: ts.Expression = e;
  for (;;) {
    if (ts.isElementAccessExpression(cur)) {
      const key = ts.isStringLiteralLike(cur.argumentExpression) ? SEGMENT_KEY.exec(cur.argumentExpression.text)?.[1] : undefined;
      if (key) bracketed = key;
    } else if (ts.isPropertyAccessExpression(cur)) {
      const key = SEGMENT_KEY.exec(cur.name.text)?.[1];
      if (key) property = key;
    } else if (!ts.isCallExpression(cur) && !ts.isNonNullExpression(cur) && !ts.isParenthesizedExpression(cur)) break;
    cur = cur.expression;
  }
  const rootIsMessage = ts.isIdentifier(cur) && roots.has(cur.text);
  const segment = bracketed ?? (rootIsMessage ? property : undefined);
  if (segment) return PATIENT_SEGMENTS.has(segment) ? src(`the HL7 ${segment} segment`) : null;
  return rootIsMessage ? src(`the HL7 message \`${cur.getText(sf)}\``) : undefined;
}
