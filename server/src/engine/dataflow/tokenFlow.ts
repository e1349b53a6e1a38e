import type { SourceDocument } from '../document';
import { HEALTH_RESOURCE_TYPES, SANITIZER, healthWordOf, isOpaqueName } from './healthNames';
import { pathDetail, type Flow, type FlowSource, type SinkKind } from './flow';

/**
 * Health data into sinks for languages without a parser here (Python, Java, Kotlin, C#, Go, PHP, Ruby, Swift,
 * Dart): a token-level flow within each function. A sink call's arguments (and the receiver a sink names with a
 * `recv` group) are split into name chains; a chain carries health data when one of its names says so, or when
 * its root was assigned, earlier in the same function, from something that does. Chains inside a call to an
 * encryption, hashing or masking function are ignored.
 */
export interface TokenSink {
  kind: SinkKind;
  re: RegExp;
  /** The sink does not apply in a file that matches (a file using EncryptedSharedPreferences). */
  unlessFile?: RegExp;
  /** The sink applies only to files matching this (`SharedPreferences` for a chained `.putString(`). */
  ifFile?: RegExp;
  /** Lower-case strings one of which a text holds wherever `re` matches (undefined: unknown). */
  literals?: string[];
}

const FUNCTION_HEADER: Record<string, RegExp> = {
  python: /^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(([^)]*)/gm,
  ruby: /^[ \t]*def[ \t]+[\w.?!]+[ \t]*\(?([^)\n]*)/gm,
  go: /^func[ \t]+(?:\([^)]*\)[ \t]*)?\w+[ \t]*\(([^)]*)/gm,
  php: /\bfunction[ \t]+\w+[ \t]*\(([^)]*)/g,
  swift: /\bfunc[ \t]+\w+[ \t]*(?:<[^>]*>)?\(([^)]*)/g,
  kotlin: /\bfun[ \t]+(?:<[^>]*>[ \t]*)?[\w.]+[ \t]*\(([^)]*)/g,
  dart: /^[ \t]*(?:(?:static|Future<[^>]*>|void|async|[\w<>?]+)[ \t]+)+\w+[ \t]*\(([^)]*)\)[ \t]*(?:async[ \t]*)?\{/gm,
  java: /^[ \t]*(?:@\w+[ \t]+)*(?:(?:public|private|protected|internal|static|final|async|override|virtual|synchronized|abstract)[ \t]+)+[\w<>[\],.? ]+[ \t]+\w+[ \t]*\(([^)]*)/gm,
};
FUNCTION_HEADER.csharp = FUNCTION_HEADER.java;
FUNCTION_HEADER.groovy = FUNCTION_HEADER.java;
FUNCTION_HEADER.scala = FUNCTION_HEADER.kotlin;

const TYPE_NAME = new RegExp(`\\b(?:${[...HEALTH_RESOURCE_TYPES].join('|')})\\b`);
/** `Patient p`, `p: Patient`, `p Patient` (Go), `Patient $p` (PHP) in a parameter list or declaration. */
const TYPED_NAME = new RegExp(
  `(?:\\b(?:${[...HEALTH_RESOURCE_TYPES].join('|')})(?:<[^>]*>|\\[\\]|\\?)?\\s+\\$?(\\w+))|(?:\\$?(\\w+)\\s*:?\\s*(?:\\[\\]|\\*|\\?)*(?:[\\w.]+\\.)?(?:${[...HEALTH_RESOURCE_TYPES].join('|')})\\b)`,
  'g',
);
const ASSIGNMENT =
  /^[ \t]*(?:(?:val|var|let|const|final|auto|my|local|readonly|private|public|protected|static|late)[ \t]+)*(?:([\w<>[\]?.]+)[ \t]+)?([$@]?[A-Za-z_]\w*)(?:[ \t]*,[ \t]*[$@]?[A-Za-z_]\w*)*[ \t]*(?::[ \t]*([\w<>[\]?.,]+)[ \t]*)?(?::=|=)(?![=>~])[ \t]*(.*)$/gm;
const FOR_LOOP = /\bfor[ \t]*\(?[ \t]*(?:(?:val|var|let|final|const)[ \t]+)?(?:([\w<>[\]?.]+)[ \t]+)?\$?(\w+)(?:[ \t]*,[ \t]*\$?\w+)?[ \t]*(?:\bin\b|:(?!:)|\bof\b)[ \t]*(.+)$/gm;
const CHAIN = /[$@]?[A-Za-z_]\w*(?:[ \t]*(?:\?\.|\.|->|::)[ \t]*[A-Za-z_]\w*)*/y;
const STRING_KEY = /^\[\s*:?["']?([A-Za-z_]\w*)["']?\s*\]/;

interface Event {
  at: number;
  apply(): void;
}

export function tokenFlows(doc: SourceDocument, sinks: TokenSink[]): Flow[] {
  const text = doc.text;
  const lang = doc.language.id;
  const applicable = sinks.filter((s) => sinkApplies(s, text));
  if (!applicable.length) return [];
  const flows: Flow[] = [];
  const base = new Map<string, FlowSource | null>();
  let vars = new Map(base);
  let inFunction = false;
  const events: Event[] = [];
  const code = (i: number) => doc.scopes.scopeAt(i) === 'code';

  const header = FUNCTION_HEADER[lang];
  if (header) {
    header.lastIndex = 0;
    for (let m = header.exec(text); m; m = header.exec(text)) {
      if (!code(m.index + m[0].search(/\S/))) continue;
      const params = m[1] ?? '';
      const paramsAt = m.index + m[0].length - params.length;
      events.push({
        at: m.index,
        apply: () => {
          vars = new Map(base);
          inFunction = true;
          TYPED_NAME.lastIndex = 0;
          for (let t = TYPED_NAME.exec(params); t; t = TYPED_NAME.exec(params)) {
            const name = t[1] ?? t[2];
            const at = paramsAt + t.index;
            vars.set(name, { start: at, end: at + t[0].length, label: `\`${name}\` of type ${TYPE_NAME.exec(t[0])![0]}` });
          }
        },
      });
    }
  }

  for (const re of [ASSIGNMENT, FOR_LOOP]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const loop = re === FOR_LOOP;
      const rhs = loop ? m[3] : m[4];
      const name = m[2].replace(/^[$@]/, '');
      const nameAt = m.index + m[0].lastIndexOf(m[2], m[0].length - rhs.length - 1);
      if (!code(nameAt)) continue;
      const type = loop ? m[1] : m[1] ?? m[3];
      const rhsAt = m.index + m[0].length - rhs.length;
      events.push({
        at: nameAt,
        apply: () => {
          const typed = type && TYPE_NAME.exec(type);
          const named = healthWordOf(name) && !SANITIZER.test(rhs) ? { start: nameAt, end: nameAt + name.length, label: `\`${name}\`` } : undefined;
          const source = typed ? { start: nameAt, end: nameAt + name.length, label: `\`${name}\` of type ${typed[0]}` } : exprSource(rhsAt, rhsAt + rhs.length) ?? named;
          if (!inFunction) base.set(name, source ?? null);
          vars.set(name, source ?? null);
        },
      });
    }
  }

  for (const sink of applicable) {
    sink.re.lastIndex = 0;
    for (let m = sink.re.exec(text); m; m = sink.re.exec(text)) {
      if (m[0].length === 0) {
        sink.re.lastIndex++;
        continue;
      }
      const at = m.index + m[0].search(/\S/);
      if (!code(at)) continue;
      const end = m.index + m[0].length;
      const argsEnd = text[end - 1] === '(' ? closingParen(end) : lineEnd(end);
      const recv = m.groups?.recv;
      const recvAt = recv !== undefined ? m.index + m[0].indexOf(recv) : -1;
      events.push({
        at,
        apply: () => {
          const source = exprSource(end, argsEnd) ?? (recv ? exprSource(recvAt, recvAt + recv.length) : undefined) ?? (sink.kind === 'client-storage' && !SANITIZER.test(text.slice(end, argsEnd)) ? keySource(end, argsEnd) : undefined);
          if (!source) return;
          const calleeEnd = text[end - 1] === '(' ? end - 1 : end;
          const sinkName = text.slice(at, calleeEnd).replace(/\s+/g, '');
          const detail = sink.kind === 'file' ? pathDetail(doc, at, argsEnd) : undefined;
          flows.push({ kind: sink.kind, start: at, end: calleeEnd, sink: sinkName.slice(0, 60), source, detail });
        },
      });
    }
  }

  events.sort((a, b) => a.at - b.at);
  for (const e of events) e.apply();
  return flows;

  function exprSource(start: number, end: number): FlowSource | undefined {
    let i = start;
    while (i < end) {
      const ch = text[i];
      if (!code(i)) {
        const region = doc.scopes.regionAt(i);
        const stop = Math.min(region ? region.end : i + 1, end);
        if (region?.kind === 'string') {
          const key = STRING_KEY.exec(text.slice(Math.max(region.start - 1, 0), stop + 1));
          if (key && text[region.start - 1] === '[' && !isOpaqueName(key[1]) && healthWordOf(key[1])) {
            return { start: region.start, end: region.end, label: `\`${key[1]}\`` };
          }
          const s = interpolated(region.start, stop);
          if (s) return s;
        }
        i = stop;
        continue;
      }
      if (!/[A-Za-z_$@]/.test(ch) || (i > 0 && /[\w$]/.test(text[i - 1]))) {
        i++;
        continue;
      }
      CHAIN.lastIndex = i;
      const m = CHAIN.exec(text);
      if (!m) {
        i++;
        continue;
      }
      const chainEnd = Math.min(i + m[0].length, end);
      const chain = text.slice(i, chainEnd);
      const next = text.slice(chainEnd).match(/^\s*(.)/)?.[1];
      if (next === '(' && SANITIZER.test(chain)) {
        i = closingParen(text.indexOf('(', chainEnd) + 1);
        continue;
      }
      const s = chainSource(chain, i);
      if (s) return s;
      i = chainEnd;
    }
    return undefined;
  }

  function chainSource(chain: string, at: number): FlowSource | undefined {
    const names = chain.split(/\s*(?:\?\.|\.|->|::)\s*/).map((n) => n.replace(/^[$@]/, ''));
    const last = names[names.length - 1];
    if (isOpaqueName(last)) return undefined;
    const root = names[0] === 'self' || names[0] === 'this' ? names[1] : names[0];
    const bound = root !== undefined ? vars.get(root) : undefined;
    if (bound !== undefined) {
      if (bound) return bound;
      if (names.length === 1 || (root === names[names.length - 1])) return undefined;
    }
    if (names.some((n) => healthWordOf(n))) return { start: at, end: at + chain.length, label: `\`${names.join('.').slice(0, 60)}\`` };
    return undefined;
  }

  /** Holes of interpolated strings: f"{p}", $"{p}", "#{p}", "${p}", "$p", "\(p)". */
  function interpolated(start: number, end: number): FlowSource | undefined {
    const s = text.slice(start, end);
    const prefix = text.slice(Math.max(0, start - 2), start);
    const holes: RegExp[] = [/#\{([^}]*)\}/g, /\$\{([^}]*)\}/g, /\\\(([^)]*)\)/g, /\$([A-Za-z_]\w*(?:->\w+)*)/g];
    if (/[fF$]["']?$/.test(prefix) || /[fF$]$/.test(prefix)) holes.push(/\{([^{}:!]+)[^{}]*\}/g);
    for (const re of holes) {
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const inner = m[1];
        const innerAt = start + m.index + m[0].indexOf(inner);
        for (const c of inner.matchAll(/[$@]?[A-Za-z_]\w*(?:\s*(?:\?\.|\.|->)\s*[A-Za-z_]\w*)*/g)) {
          const src = chainSource(c[0], innerAt + c.index!);
          if (src) return src;
        }
      }
    }
    return undefined;
  }

  /** A storage call whose key names health data: `putString("diagnosis", …)`, `set(…, forKey: "dossier")`. */
  function keySource(start: number, end: number): FlowSource | undefined {
    for (let i = start; i < end; ) {
      const region = doc.scopes.regionAt(i);
      if (region?.kind === 'string') {
        const content = text.slice(region.start + 1, region.end - 1);
        if (/^[\w.-]+$/.test(content) && healthWordOf(content)) return { start: region.start, end: region.end, label: `the \`${content}\` key` };
        i = region.end;
      } else i++;
    }
    return undefined;
  }

  function closingParen(from: number): number {
    let depth = 1;
    for (let i = from; i < text.length; i++) {
      if (!code(i)) continue;
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) return i;
    }
    return text.length;
  }

  function lineEnd(from: number): number {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl;
  }
}

/** Whether a sink applies to a file, by its `unlessFile` and `ifFile` tests. */
export function sinkApplies(sink: TokenSink, text: string): boolean {
  return !sink.unlessFile?.test(text) && (!sink.ifFile || sink.ifFile.test(text));
}
