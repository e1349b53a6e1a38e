import type * as JsFlow from '../dataflow/jsFlow';
import { HEALTH_HINT } from '../dataflow/healthNames';
import { SINK_KINDS, type Flow, type SinkKind } from '../dataflow/flow';
import { tokenFlows, type TokenSink } from '../dataflow/tokenFlow';
import { treeFlows, type LiteralSource } from '../dataflow/treeFlow';
import type { SourceDocument } from '../document';
import type { Detector, DetectorContext, DetectorHit } from './detector';
import { nationalIdentifier } from './nationalIdentifier';

const JS_LANGUAGES = new Set(['javascript', 'typescript']);

/** A cheap test that a JS/TS file calls something the flow analysis treats as a sink, before parsing it. */
const JS_SINK_HINT =
  /console\.|logger|\blog\.|winston|pino|bunyan|localStorage|sessionStorage|AsyncStorage|localforage|objectStore|\.put\(|\.add\(|cookie|writeFile|appendFile|outputFile|writeJson|createWriteStream|Sentry|mixpanel|analytics|segment|amplitude|posthog|heap\.|datadogRum|DD_RUM|gtag|\bga\(|logEvent|dataLayer|crashlytics|Bugsnag|LogRocket|newrelic|dropbox|dbx\.|drive\.files|fetch|axios|got\.|superagent|request\.|ky\./i;

/** Flows are computed once per document and shared by every rule that reports one kind of sink. */
const jsCache = new WeakMap<SourceDocument, Flow[]>();
const tokenCache = new WeakMap<SourceDocument, Map<string, Flow[]>>();

/**
 * Health data reaching a sink (logs, client storage, cookies, files, analytics, sharing services): the finding
 * sits on the sink with a related location at the source. Options: `kind` (the sink kind this rule reports) and
 * `sinks` ({ language: [regex | { regex, unlessFile }] }) for the token-level flow of languages other than JS/TS.
 */
export const healthDataFlow: Detector = {
  name: 'health-data-flow',
  run(doc, options, context) {
    const kind = options.kind as SinkKind;
    if (!SINK_KINDS.includes(kind) || !hinted(doc, HEALTH_HINT)) return [];
    let flows: Flow[];
    if (JS_LANGUAGES.has(doc.language.id)) {
      if (!hinted(doc, JS_SINK_HINT)) return [];
      let cached = jsCache.get(doc);
      // Loaded on first use: it brings the TypeScript compiler, tens of megabytes a worker without JS/TS files never needs.
      const { jsFlows } = require('../dataflow/jsFlow') as typeof JsFlow;
      if (!cached) jsCache.set(doc, (cached = jsFlows(doc.file, doc.text, literalSources(doc, context))));
      flows = cached;
    } else {
      const sinks = tokenSinks(options, doc.language.id);
      if (!sinks.length) return [];
      const key = JSON.stringify(options.sinks?.[doc.language.id as never] ?? []);
      let byOptions = tokenCache.get(doc);
      if (!byOptions) tokenCache.set(doc, (byOptions = new Map()));
      let cached = byOptions.get(key);
      if (!cached) byOptions.set(key, (cached = treeFlows(doc, sinks, literalSources(doc, context)) ?? tokenFlows(doc, sinks)));
      flows = cached;
    }
    return flows.filter((f) => f.kind === kind).map((f) => toHit(doc, f));
  },
};

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
  return {
    start: f.start,
    end: f.end,
    params: { sink: f.detail ? `${f.sink} (${f.detail})` : f.sink, source: f.source.label },
    fix: f.fix,
    related: [{ file: doc.file, range: doc.index.rangeOf(f.source.start, f.source.end), message: `Health data: ${f.source.label}` }],
  };
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
      if (typeof e === 'string') return [{ kind: options.kind as SinkKind, re: new RegExp(e, 'gm') }];
      if (e && typeof e === 'object' && typeof (e as { regex?: unknown }).regex === 'string') {
        const { regex, unlessFile, kind } = e as { regex: string; unlessFile?: string; kind?: SinkKind };
        return [{ kind: kind ?? (options.kind as SinkKind), re: new RegExp(regex, 'gm'), unlessFile: unlessFile ? new RegExp(unlessFile) : undefined }];
      }
      return [];
    });
    byLanguage.set(language, sinks);
  }
  return sinks;
}
