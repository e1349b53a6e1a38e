import type * as EmbeddedFlows from '../dataflow/embeddedFlows';
import type * as JsFlow from '../dataflow/jsFlow';
import { HEALTH_HINT } from '../dataflow/healthNames';
import { SHARING_HOST, SINK_KINDS, type Flow, type SinkKind } from '../dataflow/flow';
import { tokenFlows, type TokenSink } from '../dataflow/tokenFlow';
import { treeFlows, type LiteralSource } from '../dataflow/treeFlow';
import type { SourceDocument } from '../document';
import { looksLikeMirthExport } from '../formats/mirthChannel';
import { maskValue } from '../mask';
import { filterable } from '../prefilter';
import { escapeRegExp, requiredLiterals } from '../regexLiterals';
import type { Detector, DetectorContext, DetectorHit } from './detector';
import { nationalIdentifier } from './nationalIdentifier';

const JS_LANGUAGES = new Set(['javascript', 'typescript']);

/**
 * Words of the sinks of JS/TS (checkCall() in jsFlow.ts), tested before a file is parsed. Some words are sinks only
 * beside another (JS_SINKS_BESIDE): a file whose only hint is `openmrsFetch(…)` or `set.add(…)` is not parsed.
 */
const JS_SINK_WORDS =
  /console\.|logger|\blog\.|winston|pino|bunyan|localStorage|sessionStorage|AsyncStorage|localforage|objectStore|persistReducer|defineStore|\bpersist\(|localStorageSync|createPersistedState|Preferences\.set|MMKV|electron-store|caches\.open|registerRoute|writeAsStringAsync|RNFS\.|process\.std|FileUtil|System\.(?:out|err)|cookie|writeFile|appendFile|outputFile|writeJson|createWriteStream|Sentry|mixpanel|analytics|segment|amplitude|posthog|heap\.|datadogRum|DD_RUM|gtag|\bga\(|logEvent|dataLayer|crashlytics|Bugsnag|LogRocket|newrelic|Intercom|FullStory|hj\(|clarity|getInstance|dropbox|dbx\.|drive\.files/i;
/** FullStory's `FS.`, in its case (`fs.` is Node's file system, whose sinks have words of their own). */
const FULLSTORY = /FS\./;
/** The hosts of SHARING_HOST without their paths (a base URL and a path are often joined in code). */
const SHARING_HOST_NAMES = new RegExp((requiredLiterals(SHARING_HOST.source, SHARING_HOST.flags) ?? ['']).map((l) => escapeRegExp(l.split('/')[0])).join('|'), 'i');
const JS_SINKS_BESIDE: ReadonlyArray<readonly [RegExp, RegExp]> = [
  // IndexedDB writes (on a handle from `openDB`, `indexedDB`, Dexie or a `transaction(…)`, or named `db`/`store`)
  // and the Cache API's (on `caches.open(…)`)
  [/\.(?:put|add|bulkPut|bulkAdd)\(/, /db|store|dexie|transaction|caches/i],
  // an upload: only to a file-sharing host
  [/fetch|axios|got\.|superagent|request\.|ky\./i, SHARING_HOST_NAMES],
  // a logger of the `debug` package: only once imported
  [/\bdebug\b/i, /['"]debug['"]/],
];
/**
 * Any of the words alone, case aside (and `.pipe(`, which writes only into a `createWriteStream`): the test of the
 * slow path, and the literals of the prefilter.
 */
const JS_SINK_HINT = new RegExp([JS_SINK_WORDS.source, FULLSTORY.source, '\\.pipe\\(', ...JS_SINKS_BESIDE.map(([sink]) => sink.source)].join('|'), 'i');

/** Whether a JS/TS file (or a page's scripts) may call a sink; `exact` false: JS_SINK_HINT (the slow path). */
function mayCallJsSink(doc: SourceDocument, exact: boolean): boolean {
  if (!exact) return hinted(doc, JS_SINK_HINT);
  return hinted(doc, JS_SINK_WORDS) || hinted(doc, FULLSTORY) || JS_SINKS_BESIDE.some(([sink, beside]) => hinted(doc, sink) && hinted(doc, beside));
}

/**
 * Sources the tree-sitter flow recognises without a health word in the file: HL7 v2 segments that a value is
 * tested against (`HasPrefix(msg, "MSH|")`) and DICOM readers (`pydicom.dcmread`, the `source` role of the
 * flow tables).
 */
const TREE_SOURCE_HINT = /MSH\||PID\||OBX\||\^A0\d|\^R01|\bhl7|dcmread|pydicom|DicomFile|dicom\.Parse/i;

/** JS/TS flows are computed once per document and shared by every rule that reports one kind of sink. */
const jsCache = new WeakMap<SourceDocument, Flow[]>();

/**
 * Health data reaching a sink (logs, client storage, cookies, files, analytics, sharing services): the finding
 * sits on the sink with a related location at the source. Options: `kind` (the sink kind this rule reports) and
 * `sinks` ({ language: [regex | { regex, unlessFile, ifFile }] }) for the token-level flow of languages other than JS/TS.
 */
export const healthDataFlow: Detector = {
  name: 'health-data-flow',
  run(doc, options, context) {
    const kind = options.kind as SinkKind;
    if (!SINK_KINDS.includes(kind)) return [];
    if (doc.language.family === 'xml') return embedded(doc, context).filter((f) => f.kind === kind).map((f) => toHit(doc, f));
    let flows: Flow[];
    if (JS_LANGUAGES.has(doc.language.id)) {
      if (!hinted(doc, HEALTH_HINT) || !mayCallJsSink(doc, context.prefilter !== false)) return [];
      let cached = jsCache.get(doc);
      if (!cached) {
        // Loaded on first use: it brings the TypeScript compiler, tens of megabytes a worker without JS/TS files never needs.
        const { jsFlows } = require('../dataflow/jsFlow') as typeof JsFlow;
        jsCache.set(doc, (cached = jsFlows(doc.file, doc.text, literalSources(doc, context))));
      }
      flows = cached;
    } else {
      if (!hinted(doc, HEALTH_HINT) && !hinted(doc, TREE_SOURCE_HINT)) return [];
      // The sinks none of whose literals the file holds cannot match: their regexes are not run.
      const sinks = tokenSinks(options, doc.language.id).filter((s) => context.mayHold?.(s.literals) ?? true);
      if (!sinks.length) return [];
      // Each rule has its own sinks: nothing to share between rules here (the parsed tree is, in treeFlow).
      flows = treeFlows(doc, sinks, literalSources(doc, context), context.prefilter !== false) ?? tokenFlows(doc, sinks);
    }
    return flows.filter((f) => f.kind === kind).map((f) => toHit(doc, f));
  },
  literals(options) {
    // A flow ends at a sink: in JS/TS a file without the sink hint is not parsed; in the other languages flows are
    // looked for only where one of the rule's sink regexes matches. One literal of one of them must be there.
    const regexes = [{ regex: JS_SINK_HINT.source, flags: JS_SINK_HINT.flags }];
    for (const e of sinkEntries(options)) {
      if (!e) return undefined;
      regexes.push({ regex: e.regex, flags: '' });
    }
    const literals: string[] = [];
    for (const { regex, flags } of regexes) {
      const required = requiredLiterals(regex, flags);
      if (!required) return undefined;
      literals.push(...required);
    }
    return literals;
  },
  partLiterals(options) {
    return sinkEntries(options).map((e) => e && requiredLiterals(e.regex));
  },
};

const embeddedCache = new WeakMap<SourceDocument, Flow[]>();

/**
 * Flows of code inside HTML pages and Vue/Svelte components (`<script>` blocks) and inside Mirth Connect
 * channel exports (scripts, File Writers): computed once per document, the compiler loaded only when needed.
 */
function embedded(doc: SourceDocument, context: DetectorContext): Flow[] {
  let cached = embeddedCache.get(doc);
  if (!cached) {
    const html = doc.language.id === 'html' && hinted(doc, HEALTH_HINT) && mayCallJsSink(doc, context.prefilter !== false) && /<script\b/i.test(doc.text);
    const wanted = html || (doc.language.id !== 'html' && looksLikeMirthExport(doc.text));
    cached = wanted ? (require('../dataflow/embeddedFlows') as typeof EmbeddedFlows).embeddedFlows(doc, literalSources(doc, context)) : [];
    embeddedCache.set(doc, cached);
  }
  return cached;
}

const hints = new WeakMap<SourceDocument, Map<RegExp, boolean>>();

/** A cheap text test, run once per document however many flow rules ask (each sink kind is a rule). */
function hinted(doc: SourceDocument, hint: RegExp): boolean {
  let byHint = hints.get(doc);
  if (!byHint) hints.set(doc, (byHint = new Map()));
  let found = byHint.get(hint);
  if (found === undefined) byHint.set(hint, (found = hint.test(doc.text)));
  return found;
}

const identifierHits = new WeakMap<SourceDocument, DetectorHit[]>();

/** Literal national identifiers that the patient-data detector recognises (test values excluded) as sources. */
function literalSources(doc: SourceDocument, context: DetectorContext): LiteralSource {
  return (start, end) => {
    if (!/\d{2}/.test(doc.text.slice(start, end))) return undefined;
    let hits = identifierHits.get(doc);
    if (!hits) identifierHits.set(doc, (hits = nationalIdentifier.run(doc, { kinds: ['patient', 'person'] }, { settings: { ...context.settings, syntheticData: 'ignore' } })));
    const hit = hits.find((h) => h.start >= start && h.end <= end);
    return hit && { start: hit.start, end: hit.end, label: `a literal ${hit.params?.label ?? 'national identifier'}` };
  };
}

function toHit(doc: SourceDocument, f: Flow): DetectorHit {
  const sink = safeLabel(f.sink);
  const source = safeLabel(f.source.label);
  return {
    start: f.start,
    end: f.end,
    params: { sink: f.detail ? `${sink} (${f.detail})` : sink, source },
    // The sink call's literals may be the data itself (a logged identifier) or a secret (a client's token).
    sensitive: doc.language.family === 'xml' ? quotedSpans(doc, f.start, f.end) : stringSpans(doc, f.start, f.end),
    fix: f.fix,
    related: [{ file: doc.file, range: doc.index.rangeOf(f.source.start, f.source.end), message: `Health data: ${source}` }],
  };
}

/**
 * A sink or source as a message names it: call arguments cut (`Dropbox(token).files_upload` →
 * `Dropbox().files_upload`) and digit runs masked (a literal key can be an identifier).
 */
function safeLabel(label: string): string {
  let s = label;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, '()');
  }
  return s.replace(/\d[\d .\-/]{2,}\d/g, (digits) => maskValue(digits));
}

/**
 * The quoted runs between two offsets of code embedded in XML (a Mirth script, whose whole text is character
 * data to the XML lexer), quotes written as characters or as entities.
 */
function quotedSpans(doc: SourceDocument, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of doc.text.slice(start, end).matchAll(/(["'`]|&apos;|&quot;)[\s\S]*?\1/g)) spans.push([start + m.index!, start + m.index! + m[0].length]);
  return spans;
}

/** The string literals between two offsets, as [start, end] spans. */
function stringSpans(doc: SourceDocument, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = start; i < end; i++) {
    if (doc.scopes.scopeAt(i) !== 'string') continue;
    const from = i;
    while (i < end && doc.scopes.scopeAt(i) === 'string') i++;
    spans.push([from, i]);
  }
  return spans;
}

interface SinkEntry {
  regex: string;
  unlessFile?: string;
  ifFile?: string;
  kind?: SinkKind;
}

/** One entry of a rule's `sinks` table: a regex, or { regex, unlessFile, ifFile, kind }. */
function sinkEntry(e: unknown): SinkEntry | undefined {
  if (typeof e === 'string') return { regex: e };
  if (e && typeof e === 'object' && typeof (e as { regex?: unknown }).regex === 'string') return e as SinkEntry;
  return undefined;
}

/** Every sink entry of a rule's table, all languages. */
function sinkEntries(options: Record<string, unknown>): Array<SinkEntry | undefined> {
  const table = options.sinks;
  if (!table || typeof table !== 'object') return [];
  return Object.values(table as Record<string, unknown>).flatMap((entries) => (Array.isArray(entries) ? entries.map(sinkEntry) : []));
}

const compiled = new WeakMap<object, Map<string, TokenSink[]>>();

function tokenSinks(options: Record<string, unknown>, language: string): TokenSink[] {
  const table = options.sinks;
  if (!table || typeof table !== 'object') return [];
  let byLanguage = compiled.get(table);
  if (!byLanguage) compiled.set(table, (byLanguage = new Map()));
  let sinks = byLanguage.get(language);
  if (!sinks) {
    const entries = (table as Record<string, unknown>)[language];
    sinks = (Array.isArray(entries) ? entries : []).flatMap((e): TokenSink[] => {
      const sink = sinkEntry(e);
      if (!sink) return [];
      const re = (r: string | undefined) => (r ? new RegExp(r) : undefined);
      return [
        {
          kind: sink.kind ?? (options.kind as SinkKind),
          re: new RegExp(sink.regex, 'gm'),
          unlessFile: re(sink.unlessFile),
          ifFile: re(sink.ifFile),
          literals: filterable(requiredLiterals(sink.regex)),
        },
      ];
    });
    byLanguage.set(language, sinks);
  }
  return sinks;
}
