import { visit } from 'jsonc-parser';
import type { SourceDocument } from '../document';
import { contextWords } from '../identifiers/recognize';

/**
 * What a URL written in a file is used for, read from the syntax around it:
 * - `connection`: something connects or sends to it: an argument of an HTTP, socket, FTP or URL-building
 *   call, the value of a base URL, endpoint, host, webhook, redirect or proxy setting, an HTML form action or
 *   script/iframe source, a download command in a script, a proxy directive of a web server;
 * - `value`: a whole URL held in code or configuration whose use the file does not show;
 * - `data`: a value inside structured data or text: FHIR resources, terminology and RDF, a query parameter of
 *   another URL, a FHIR token (`system|code`), a namespace, project metadata, a link in prose, a message.
 */
export type UrlUse = 'connection' | 'value' | 'data';

export interface UrlUseOptions {
  /** Callees (the dotted chain before the call's parenthesis) that connect to, send to or build a URL. */
  connectionCalls: RegExp;
  /** Words in a key, variable, attribute, flag or callee name saying the value is a place to connect to. */
  endpointWords: Set<string>;
  /** Words saying the value names a thing (a code system, a namespace, a profile) rather than a place. */
  identifierWords: Set<string>;
  /** Words of keys and enclosing keys holding project metadata (homepage, license, issue tracker, scm). */
  metadataWords: Set<string>;
  /** Shell commands whose URL arguments are downloads or uploads. */
  networkCommands: RegExp;
  /** Web-server directives whose URL argument receives traffic (`proxy_pass`, `ProxyPass`, `return 301`). */
  serverDirectives: RegExp;
  /** HTML `tag.attribute` pairs that load or send to their URL (`script.src`, `form.action`). */
  htmlSources: Set<string>;
  /** Keys of structured health data whose URL value is a network address (FHIR `Endpoint.address`). */
  fhirAddressKeys: Set<string>;
}

const CODE_FAMILIES = new Set(['c-like', 'python', 'hash', 'lua']);

export function urlUse(doc: SourceDocument, start: number, end: number, o: UrlUseOptions): UrlUse {
  const text = doc.text;
  const next = text.charAt(end);
  // `system|code` (a FHIR token) or a URL inside another URL's query is a value, whatever holds it.
  if (next === '|' || /[?&][\w.:$%-]*=$/.test(text.slice(Math.max(0, start - 80), start))) return 'data';
  if (doc.language.id === 'http' || /\.(?:http|rest)$/i.test(doc.file)) return requestLineUse(doc, start);
  switch (doc.language.family) {
    case 'json':
      return jsonUse(doc, start, o);
    case 'xml':
      return xmlUse(doc, start, o);
    case 'yaml':
      return yamlUse(doc, start, o);
    case 'ini':
    case 'hcl':
      return lineKeyUse(lineBefore(text, start), o) ?? 'value';
    case 'shell':
      return shellUse(logicalLineBefore(text, start), o);
    default:
      return CODE_FAMILIES.has(doc.language.family) ? codeUse(doc, start, o) : 'data';
  }
}

function wordsOf(name: string): string[] {
  return contextWords(name).trim().split(' ').filter(Boolean);
}

/** The use a name gives its value: a place (endpoint words), a name of a thing (identifier words) or neither. */
function nameUse(name: string, o: UrlUseOptions): UrlUse | undefined {
  const words = wordsOf(name);
  if (words.some((w) => o.identifierWords.has(w) || o.metadataWords.has(w))) return 'data';
  if (words.some((w) => o.endpointWords.has(w))) return 'connection';
  return undefined;
}

/** Enclosing keys, outermost first, then the key itself: metadata words in it or its parent make it data. */
function pathUse(path: string[], o: UrlUseOptions): UrlUse {
  if (path.slice(-2).some((p) => wordsOf(p).some((w) => o.metadataWords.has(w)))) return 'data';
  const own = path[path.length - 1];
  return (own !== undefined ? nameUse(own, o) : undefined) ?? 'value';
}

function lineBefore(text: string, start: number): string {
  return text.slice(Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 400), start);
}

/**
 * The text before a URL on its logical line: physical lines ending in `\` continue the one before
 * (`LABEL a=… \⏎ b="http://…"`, `curl -X POST \⏎ http://…`).
 */
function logicalLineBefore(text: string, start: number): string {
  let from = text.lastIndexOf('\n', start - 1) + 1;
  for (let n = 0; n < 50 && from > 0 && /\\[ \t]*\r?\n$/.test(text.slice(Math.max(0, from - 4), from)); n++) {
    from = text.lastIndexOf('\n', from - 2) + 1;
  }
  return text.slice(Math.max(from, start - 4000), start).replace(/\\[ \t]*\r?\n/g, ' ');
}

/** `KEY=`, `key: `, `key = "`, `-Uri '`, `--endpoint-url ` just before the URL. */
function lineKeyUse(before: string, o: UrlUseOptions): UrlUse | undefined {
  const m = /(?:^|[\s{,;(])(?:export\s+|ENV\s+|set\s+)?["']?(-{0,2}[\w$@.\-[\]]+)["']?\s*(?:[:=]|:=|=>|\s)\s*["'`]?$/.exec(before);
  return m ? nameUse(m[1].replace(/^-+/, ''), o) : undefined;
}

// ---- code ------------------------------------------------------------------------------------------------

const STRING_PREFIX = /^(?:[\w@$]{0,3})["'`]{1,3}$/;

/** Callees that check or assert something about their argument. */
const PREDICATE_CALL = /^(?:is|has|can|should|check|validate|verify|assert|expect|ensure|reject|rejects|accepts|allow|allows|deny|denies|must)(?:[A-Z_]|$)/;

function codeUse(doc: SourceDocument, start: number, o: UrlUseOptions): UrlUse {
  const region = doc.scopes.regionAt(start);
  const text = doc.text;
  // A URL in the middle of a string is part of a message, a query or a usage text, not the string's value.
  if (region && !STRING_PREFIX.test(text.slice(region.start, start))) return 'data';
  const literalStart = region?.start ?? start;
  const before = statementBefore(text, literalStart);
  const call = enclosingCall(before);
  if (call) {
    if (o.connectionCalls.test(call.callee)) return 'connection';
    // `isSecureBaseUrl("http://…")`, `assertRejected(…)`, `expect(…)`: a check of the URL, not a use of it.
    if (PREDICATE_CALL.test(call.callee.slice(call.callee.lastIndexOf('.') + 1))) return 'data';
    const byCallee = nameUse(call.callee.slice(call.callee.lastIndexOf('.') + 1), o);
    if (byCallee) return byCallee;
    // `new Coding("http://…", code)`, `assertEquals("http://…", url)`: an argument of some other call is data
    // unless it is named (`url: "http://…"`, `baseUrl = "http://…"`).
    const named = lineKeyUse(call.argsBefore, o);
    return named ?? (call.argsBefore.trim() === '' ? nameUse(call.callee, o) ?? 'data' : 'data');
  }
  return lineKeyUse(before, o) ?? assignmentUse(before, o) ?? constantUse(doc, before, o) ?? 'value';
}

/**
 * A constant given the URL and passed to a connection call elsewhere in the file
 * (`HIE_DOCUMENTS = "http://…"` then `session.post(HIE_DOCUMENTS, …)`, `new URL(LAB_API + path)`).
 */
function constantUse(doc: SourceDocument, before: string, o: UrlUseOptions): UrlUse | undefined {
  const name = /([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>[\]?.]+\s*)?(?<![=!<>])=(?![=>])\s*$/.exec(before)?.[1];
  if (!name || name.length < 3) return undefined;
  const text = doc.text;
  const uses = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (let m = uses.exec(text); m; m = uses.exec(text)) {
    if (doc.scopes.scopeAt(m.index) !== 'code') continue;
    const call = enclosingCall(statementBefore(text, m.index));
    if (call && o.connectionCalls.test(call.callee)) return 'connection';
  }
  return undefined;
}

/** The statement's text before a literal: from the last `;`, `{` or `}` (within 400 characters). */
function statementBefore(text: string, at: number): string {
  const from = Math.max(0, at - 400);
  const window = text.slice(from, at);
  const cut = Math.max(window.lastIndexOf(';'), window.lastIndexOf('{'), window.lastIndexOf('}'));
  return window.slice(cut + 1);
}

/** `NAME = process.env.X || "…"`, `val url: String = "…"`: the declared name of the statement. */
function assignmentUse(before: string, o: UrlUseOptions): UrlUse | undefined {
  const m = /([\w$]+)\s*(?::\s*[\w<>[\]?.]+\s*)?(?<![=!<>])=(?![=>])/.exec(before);
  return m ? nameUse(m[1], o) : undefined;
}

/** The innermost call still open before a literal, with the arguments written before it. */
function enclosingCall(before: string): { callee: string; argsBefore: string } | undefined {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c === '[') return undefined;
      const head = before.slice(0, i).replace(/\s*<[^<>()]*>\s*$/, '');
      const m = /((?:new\s+)?[\w$][\w$.:]*(?:\(\))?(?:\.[\w$]+)*)\s*$/.exec(head);
      if (!m) return undefined;
      return { callee: m[1].replace(/\(\)/g, '').replace(/\s+/g, ' '), argsBefore: before.slice(i + 1) };
    }
  }
  return undefined;
}

// ---- shell, Dockerfile, web servers ------------------------------------------------------------------------

function shellUse(before: string, o: UrlUseOptions): UrlUse {
  // a Dockerfile's `RUN` runs the shell command that follows it
  const line = before.replace(/^\s+/, '').replace(/^RUN\s+(?:--[\w-]+=\S+\s+)*/, '');
  if (/^LABEL\s/i.test(line)) return 'data';
  if (o.serverDirectives.test(line)) return 'connection';
  // The command the URL belongs to: after the last `|`, `;`, `&&`, `||`, `$(` or backtick.
  const command = line.split(/\|\||&&|[|;`]|\$\(/).pop() ?? line;
  if (o.networkCommands.test(command)) return 'connection';
  if (/^\s*(?:echo|printf|cat|print|Write-(?:Host|Output))\b/i.test(command)) return 'data';
  return lineKeyUse(command, o) ?? 'value';
}

function requestLineUse(doc: SourceDocument, start: number): UrlUse {
  return /^\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+$/.test(lineBefore(doc.text, start)) ? 'connection' : 'data';
}

// ---- JSON --------------------------------------------------------------------------------------------------

const jsonPaths = new WeakMap<SourceDocument, { fhir: boolean; paths: Map<number, string[]> }>();

/** For each string value holding `://`, the keys leading to it (array indices left out). */
function jsonIndex(doc: SourceDocument): { fhir: boolean; paths: Map<number, string[]> } {
  let index = jsonPaths.get(doc);
  if (!index) {
    const paths = new Map<number, string[]>();
    const stack: string[] = [];
    const kinds: Array<'object' | 'array'> = [];
    let pendingKey: string | undefined;
    let fhir = false;
    const enter = (kind: 'object' | 'array') => {
      stack.push(pendingKey ?? '');
      kinds.push(kind);
      pendingKey = undefined;
    };
    const leave = () => {
      stack.pop();
      kinds.pop();
    };
    visit(doc.text, {
      onObjectBegin: () => enter('object'),
      onObjectEnd: leave,
      onArrayBegin: () => enter('array'),
      onArrayEnd: leave,
      onObjectProperty: (key) => {
        pendingKey = key;
        if (key === 'resourceType') fhir = true;
      },
      onLiteralValue: (value, offset) => {
        if (typeof value === 'string' && value.includes('://')) paths.set(offset, [...stack, pendingKey ?? ''].filter(Boolean));
        pendingKey = undefined;
      },
    }, { allowTrailingComma: true, disallowComments: false });
    index = { fhir, paths };
    jsonPaths.set(doc, index);
  }
  return index;
}

function jsonUse(doc: SourceDocument, start: number, o: UrlUseOptions): UrlUse {
  const region = doc.scopes.regionAt(start);
  if (region && !STRING_PREFIX.test(doc.text.slice(region.start, start))) return 'data';
  const index = jsonIndex(doc);
  const path = index.paths.get(region?.start ?? start);
  if (!path) return 'data';
  if (/(?:^|\/)(?:package|composer|bower|manifest|app)\.json$/i.test(doc.file)) return 'data';
  return index.fhir ? fhirUse(path, o) : pathUse(path, o);
}

/** In FHIR resources every URL is data except the few elements that are network addresses. */
function fhirUse(path: string[], o: UrlUseOptions): UrlUse {
  const key = path[path.length - 1] ?? '';
  if (o.fhirAddressKeys.has(key)) return 'connection';
  return key === 'url' && path[path.length - 2] === 'implementation' ? 'connection' : 'data';
}

// ---- XML and HTML ------------------------------------------------------------------------------------------

interface XmlIndex {
  kind: 'fhir' | 'data' | 'other';
  /** Tags in document order: offsets, name, and the element path above them. */
  tags: Array<{ start: number; end: number; name: string; path: string[] }>;
}

const xmlIndexes = new WeakMap<SourceDocument, XmlIndex>();

function xmlIndex(doc: SourceDocument): XmlIndex {
  let index = xmlIndexes.get(doc);
  if (!index) {
    const head = doc.text.slice(0, 4096);
    const kind = /xmlns\s*=\s*["']http:\/\/hl7\.org\/fhir["']/.test(head)
      ? 'fhir'
      : /urn:hl7-org:v3|<rdf:RDF|<(?:xs|xsd):schema|\.(?:rdf|owl|xsd|xsl|xslt|ttl)$/i.test(head + doc.file)
        ? 'data'
        : 'other';
    const tags: XmlIndex['tags'] = [];
    const stack: string[] = [];
    const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<([/!?]?)([\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
      if (m[2] === undefined || m[1] === '!' || m[1] === '?') continue;
      const name = m[2];
      if (m[1] === '/') {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        continue;
      }
      tags.push({ start: m.index, end: m.index + m[0].length, name, path: [...stack] });
      if (!m[3].endsWith('/') && !/^(?:meta|link|br|hr|img|input|base|source|embed)$/i.test(name)) stack.push(name);
    }
    index = { kind, tags };
    xmlIndexes.set(doc, index);
  }
  return index;
}

function xmlUse(doc: SourceDocument, start: number, o: UrlUseOptions): UrlUse {
  const index = xmlIndex(doc);
  if (index.kind === 'data') return 'data';
  const tag = lastTagBefore(index.tags, start);
  if (!tag) return 'data';
  const html = doc.language.id === 'html';
  if (start < tag.end) {
    // An attribute value: its name, or the name/key attribute beside a generic `value`.
    const inTag = doc.text.slice(tag.start, start);
    const attr = /([\w:.-]+)\s*=\s*["']?$/.exec(inTag)?.[1];
    if (!attr) return 'data';
    const own = attr.replace(/^[\w.-]+:/, '');
    if (html) return o.htmlSources.has(`${tag.name.toLowerCase()}.${own.toLowerCase()}`) ? 'connection' : 'data';
    if (index.kind === 'fhir') return own === 'value' && o.fhirAddressKeys.has(tag.name) ? 'connection' : 'data';
    if (/^(?:xmlns|schemaLocation|noNamespaceSchemaLocation)$/.test(own) || attr.startsWith('xmlns:')) return 'data';
    let name = own;
    if (/^(?:value|content|default|defaultValue)$/i.test(own)) {
      const whole = doc.text.slice(tag.start, tag.end);
      name = /\b(?:[\w-]+:)?(?:name|key|id|property)\s*=\s*["']([^"']+)["']/.exec(whole)?.[1] ?? tag.name;
    }
    return pathUse([...tag.path, tag.name, name], o);
  }
  if (html || index.kind === 'fhir') return 'data';
  // Element text: `<url>http://…</url>`, or a plist `<key>FooURL</key><string>http://…</string>`.
  const textBefore = doc.text.slice(tag.end, start);
  if (textBefore.trim() !== '') return 'data';
  if (tag.name === 'string') {
    const key = /<key>([^<]*)<\/key>(?:\s|<!--[\s\S]*?-->)*$/.exec(doc.text.slice(Math.max(0, tag.start - 300), tag.start))?.[1];
    if (key) return nameUse(key, o) ?? 'value';
  }
  return pathUse([...tag.path, tag.name], o);
}

function lastTagBefore(tags: XmlIndex['tags'], offset: number): XmlIndex['tags'][number] | undefined {
  let lo = 0;
  let hi = tags.length - 1;
  let found: XmlIndex['tags'][number] | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tags[mid].start < offset) {
      found = tags[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

// ---- YAML --------------------------------------------------------------------------------------------------

const SHELL_KEYS = /^(?:run|script|command|cmd|entrypoint|args|before_script|after_script|exec|test)$/i;

function yamlUse(doc: SourceDocument, start: number, o: UrlUseOptions): UrlUse {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const own = /^(\s*)(?:-\s+)*["']?([^"'#:]+?)["']?\s*:\s+(.*)$/.exec(before);
  const value = own ? own[3] : before.replace(/^\s*(?:-\s+)*/, '');
  const path = yamlParents(text, lineStart, own ? own[1].length : before.search(/\S|$/));
  if (own) path.push(own[2].trim());
  const key = path[path.length - 1] ?? '';
  if (SHELL_KEYS.test(key) || path.some((p) => SHELL_KEYS.test(p))) return shellUse(value.replace(/^["'[\s]+/, ''), o);
  // `- FHIR_URL=http://…` in a compose environment list.
  const assigned = /([\w.-]+)=["']?$/.exec(value)?.[1];
  if (assigned) return nameUse(assigned, o) ?? 'value';
  if (value.replace(/["'\s[]/g, '') !== '') return 'data';
  return pathUse(path, o);
}

/** The keys of the lines above with less indentation, outermost first (at most 200 lines up). */
function yamlParents(text: string, lineStart: number, indent: number): string[] {
  const parents: string[] = [];
  let end = lineStart - 1;
  for (let n = 0; n < 200 && end > 0 && indent > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const m = /^(\s*)(?:-\s+)*["']?([^"'#:\s][^"'#:]*?)["']?\s*:(?:\s|$)/.exec(line);
    if (!m || line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (m[1].length < indent) {
      parents.unshift(m[2].trim());
      indent = m[1].length;
    }
  }
  return parents;
}
