import type { SourceDocument } from '../document';
import { grammarOf, parse, type SyntaxNode, type Tree } from '../parsers/treeSitter';
import { OPAQUE_METHODS, PASSTHROUGH, SANITIZER, carriesArguments, carriesData, declaredResourceType, healthWordOf, isOpaqueName, isUnrelatedType, namesMetadata, scalarNames } from './healthNames';
import { pathDetail, type Flow, type FlowSource } from './flow';
import { fieldKind } from '../people/fields';
import { aboutHl7, hl7Segment, mayHoldSegment } from './hl7Text';
import { MEMBER_GATE_LANGUAGES, membersMayFlow } from './memberGate';
import { healthQuery, literalBody } from './sqlQuery';
import { SyntaxRoles, syntaxTable, type ExpressionRole, type Role, type StructureRole } from './syntaxRoles';
import { sinkApplies, type TokenSink } from './tokenFlow';

/**
 * Health data into sinks for the languages parsed with tree-sitter (Python, Java, Kotlin, C#, Go, PHP, Ruby,
 * Swift), within each function: parameters, declarations, assignments (destructuring and tuples too), loops,
 * property access, string interpolation and concatenation, calls and map literals, with encryption, hashing and
 * masking calls stopping the flow. The language's syntax comes from its table (syntaxRoles.ts); the sinks are
 * the rules' regexes, matched against the text and then tied to the call they start.
 */

/** Where a literal value that the identifier detectors recognise lies, as a source (or undefined). */
export type LiteralSource = (start: number, end: number) => FlowSource | undefined;

/**
 * Flows of a document to the given sinks; undefined when the document cannot be parsed here (no grammar, not
 * prepared), so the caller falls back to the token flow. `shortcut` (default true): no parse when no sink's
 * arguments can carry data, or (Java, C#) no member holding a sink can receive health data (memberGate.ts)
 * (false: the slow path, for comparison).
 */
export function treeFlows(doc: SourceDocument, sinks: TokenSink[], literalSource?: LiteralSource, shortcut = true): Flow[] | undefined {
  const table = syntaxTable(doc.language.id);
  if (!table || !grammarOf(doc.language.id)) return undefined;
  const applicable = sinks.filter((s) => sinkApplies(s, doc.text));
  const matches = sinkMatches(doc, applicable);
  if (!matches.length) return [];
  if (shortcut && MEMBER_GATE_LANGUAGES.has(doc.language.id)) {
    const carrying = matches.filter((m) => argumentsMayCarry(doc, m)).map((m) => ({ at: m.at, open: argumentsOpen(doc, m), kind: m.sink.kind }));
    if (!carrying.length || !membersMayFlow(doc, table, carrying, literalSource)) return [];
  } else if (shortcut && !matches.some((m) => argumentsMayCarry(doc, m))) return [];
  const parsed = parsedDocument(doc);
  return parsed && new Walker(doc, parsed.tree, parsed.roles, literalSource).run(matches);
}

interface Parsed {
  doc: SourceDocument;
  tree: Tree;
  roles: SyntaxRoles;
}

/** The last document parsed on this thread: the rules of each sink kind run one after the other on it. */
let last: Parsed | undefined;

function parsedDocument(doc: SourceDocument): Parsed | undefined {
  if (last?.doc === doc) return last;
  releaseParsedDocument();
  const table = syntaxTable(doc.language.id);
  const tree = table && parse(doc.language.id, doc.text);
  if (!table || !tree) return undefined;
  last = { doc, tree, roles: new SyntaxRoles(table, tree) };
  return last;
}

/** Frees the syntax tree kept for the last document (it is freed anyway when the next one is parsed). */
export function releaseParsedDocument(): void {
  last?.tree.delete();
  last = undefined;
}

interface SinkMatch {
  sink: TokenSink;
  /** The first non-space character of the regex match, and its end. */
  at: number;
  end: number;
  /** The span of the regex's `recv` group: a receiver whose own data is what the sink keeps. */
  recv?: [number, number];
}

function sinkMatches(doc: SourceDocument, sinks: TokenSink[]): SinkMatch[] {
  const out: SinkMatch[] = [];
  for (const sink of sinks) {
    sink.re.lastIndex = 0;
    for (let m = sink.re.exec(doc.text); m; m = sink.re.exec(doc.text)) {
      if (m[0].length === 0) {
        sink.re.lastIndex++;
        continue;
      }
      const at = m.index + m[0].search(/\S/);
      if (doc.scopes.scopeAt(at) !== 'code') continue;
      const recv = m.groups?.recv;
      const recvAt = recv !== undefined ? m.index + m[0].indexOf(recv) : -1;
      out.push({ sink, at, end: m.index + m[0].length, recv: recv !== undefined ? [recvAt, recvAt + recv.length] : undefined });
    }
  }
  return out;
}

/** Arguments longer than this are not read lexically: the file is parsed. */
const MAX_ARGUMENTS_READ = 4000;
/** What a string argument may hold that makes it data: an interpolation, a format, digits, an HL7 segment. */
const STRING_MAY_CARRY = /[\p{N}${}#%\\|]/u;
/** What code between a call's parentheses may be that carries data: a name, a call, a number. */
const CODE_MAY_CARRY = /[\p{L}\p{N}_$@]/u;

/**
 * Whether a sink call's arguments, read lexically, may carry health data. Only a name (a variable, a call, a
 * property), an interpolated or formatted string, a literal with digits (an identifier) or an HL7 segment can:
 * `log.info("Export started")` cannot, and a file whose sinks are all like that is not parsed. When in doubt (no
 * parenthesis, a receiver that is the data, a storage key) it says yes.
 */
export function argumentsMayCarry(doc: SourceDocument, m: Pick<SinkMatch, 'sink' | 'at' | 'end' | 'recv'>): boolean {
  if (m.recv || m.sink.kind === 'client-storage') return true;
  const text = doc.text;
  const open = argumentsOpen(doc, m);
  if (open < 0) return true;
  const limit = Math.min(text.length, open + MAX_ARGUMENTS_READ);
  for (let i = open + 1, depth = 0; i < limit; i++) {
    const region = doc.scopes.regionAt(i);
    if (region) {
      if (region.kind === 'string' && STRING_MAY_CARRY.test(text.slice(region.start, region.end))) return true;
      i = region.end - 1;
      continue;
    }
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return false;
    else if (CODE_MAY_CARRY.test(c)) return true;
  }
  return true;
}

/** The parenthesis that opens a sink call's arguments, within the sink regex's match; -1 when there is none. */
function argumentsOpen(doc: SourceDocument, m: Pick<SinkMatch, 'at' | 'end'>): number {
  const text = doc.text;
  const inCode = (i: number) => doc.scopes.scopeAt(i) === 'code';
  for (let i = m.end - 1, depth = 0; i >= m.at; i--) {
    if (text[i] === ')' && inCode(i)) depth++;
    else if (text[i] === '(' && inCode(i) && depth-- === 0) return i;
  }
  return -1;
}

/**
 * A binding: the source a name carries, null for a name known to hold something clean, or UNKNOWN for a
 * parameter that says nothing (it hides an outer name, and what it holds is judged by its name alone).
 */
type Binding = FlowSource | null;
const UNKNOWN = Symbol('unknown');

class Env {
  private readonly vars = new Map<string, Binding | typeof UNKNOWN>();
  constructor(readonly parent?: Env) {}

  lookup(name: string): Binding | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) {
      const b = e.vars.get(name);
      if (b !== undefined) return b === UNKNOWN ? undefined : b;
    }
    return undefined;
  }
  bind(name: string, b: Binding | typeof UNKNOWN): void {
    this.vars.set(name, b);
  }
}

/** Deeper expressions than this are not followed (generated code). */
const MAX_DEPTH = 200;

/**
 * The order of events at one offset: what ends there (scopes left, assignments made: inner ones first), then
 * parameters and loop variables bound, then scopes entered, then sinks checked.
 */
const enum Order {
  End,
  Bind,
  Enter,
  Sink,
}

interface Event {
  at: number;
  order: Order;
  /** For events at an end: where their node starts (the inner of two nodes ending together goes first). */
  start?: number;
  apply(): void;
}

class Walker {
  private env = new Env();
  private readonly flows: Flow[] = [];
  private readonly text: string;
  /** Type names the file imports from a library that is not FHIR (`android.os.Bundle`). */
  private readonly foreignTypes: Set<string>;
  /** Names the file declares as numbers or flags (`public int PatientsSkipped { get; set; }`). */
  private readonly scalars: Set<string>;
  /** Names given a literal query of health data (`QUERY = "SELECT mrn, … FROM patients"`), anywhere in the file. */
  private readonly queries = new Map<string, FlowSource>();
  /** Names of buffers in memory (`io.StringIO()`, `new StringWriter()`, a CSV writer over one): no file sinks. */
  private readonly memory = new Set<string>();
  /** Per function, whether it names health data (for request payloads). */
  private readonly healthScopes = new Map<number, boolean>();
  /** Whether the file is about HL7 v2 (bare segment ids such as `"PID"` then count as segments). */
  private hl7File?: boolean;
  /** Whether the file may hold an HL7 v2 segment or message type at all (most do not: no name is then looked for). */
  private hl7Text?: boolean;
  /** Per function, the names tested against an HL7 v2 segment (`strings.HasPrefix(msg, "MSH|")`). */
  private readonly hl7Names = new Map<number, Map<string, FlowSource>>();

  constructor(
    private readonly doc: SourceDocument,
    private readonly tree: Tree,
    private readonly roles: SyntaxRoles,
    private readonly literalSource?: LiteralSource,
  ) {
    this.text = doc.text;
    this.foreignTypes = foreignTypes(doc.text);
    this.scalars = scalarNames(doc.text);
  }

  run(matches: SinkMatch[]): Flow[] {
    for (const m of matches) this.roles.cover(m.at);
    const sinks = matches.flatMap((m) => {
      const call = this.callAt(m.at, m.end);
      return call ? [{ match: m, call }] : [];
    });
    if (!sinks.length) return [];
    const scopes = this.roles.structure.filter((r) => r.kind === 'scope').sort((a, b) => a.node.startIndex - b.node.startIndex);
    const tops = outermost(scopes);
    const topOf = (at: number) => tops.find((t) => t.startIndex <= at && at < t.endIndex);
    const needed = new Set(sinks.map((s) => topOf(s.match.at)));
    const wanted = (at: number) => {
      const top = topOf(at);
      return !top || needed.has(top);
    };
    const events: Event[] = [];
    for (const r of this.roles.structure) {
      if (wanted(r.node.startIndex)) events.push(...this.eventsOf(r));
    }
    for (const { match, call } of sinks) events.push({ at: match.at, order: Order.Sink, apply: () => this.checkSink(match, call) });
    events.sort((a, b) => a.at - b.at || a.order - b.order || (b.start ?? 0) - (a.start ?? 0));
    for (const e of events) e.apply();
    return this.flows;
  }

  // ---------- structure ----------

  private eventsOf(r: Role<StructureRole>): Event[] {
    const n = r.node;
    switch (r.kind) {
      case 'scope': {
        let outer: Env | undefined;
        return [
          { at: n.startIndex, order: Order.Enter, apply: () => ((outer = this.env), (this.env = new Env(outer))) },
          { at: n.endIndex, order: Order.End, start: n.startIndex, apply: () => (this.env = outer ?? this.env) },
        ];
      }
      case 'param':
        return [{ at: n.startIndex, order: Order.Bind, apply: () => this.bindParam(r) }];
      case 'assign':
      case 'update':
        return [{ at: n.endIndex, order: Order.End, start: n.startIndex, apply: () => this.assign(r) }];
      case 'loop': {
        const right = r.parts.right?.[0];
        return [{ at: right ? right.endIndex : n.startIndex, order: Order.Bind, apply: () => this.loop(r) }];
      }
      case 'append':
        return [{ at: n.endIndex, order: Order.End, start: n.startIndex, apply: () => this.append(r) }];
    }
  }

  /** `sb.append(x)`, `rows.Add(x)`, `cursor.execute(query)`: the receiver now holds what the arguments carry. */
  private append(r: Role<StructureRole>): void {
    const rights = r.parts.right ?? [];
    const query = r.parts.query;
    // a `query` part only counts as a query (`cursor.execute(sql, (mrn,))` does not make the cursor an mrn), and
    // another literal SELECT leaves the receiver with its results (`cursor.execute("SELECT count(*) …")`)
    const source = query ? this.queryIn(query) : this.firstTaint(rights);
    if (!source && query && this.descendants(query, 'string').some((s) => SQL_SELECT.test(literalBody(s.node.text)))) {
      for (const l of r.parts.left ?? []) if (this.roles.expressions.get(l.id)?.kind === 'name') this.env.bind(bareName(l.text), null);
      return;
    }
    if (!source) return;
    for (const l of r.parts.left ?? []) {
      const role = this.roles.expressions.get(l.id);
      if (role?.kind === 'name' && !namesMetadata(bareName(l.text))) this.env.bind(bareName(l.text), source);
      else if (role?.kind === 'member' || role?.kind === 'index') this.assignProperty(role, undefined, source);
    }
  }

  private bindParam(r: Role<StructureRole>): void {
    for (const name of r.parts.name ?? []) {
      const text = bareName(name.text);
      const typed = this.typedSource(r.parts.type?.[0], name);
      this.env.bind(text, typed ?? (healthWordOf(text) ? this.src(name, `\`${text}\``) : UNKNOWN));
    }
  }

  private assign(r: Role<StructureRole>): void {
    let lefts = r.parts.left ?? [];
    let rights = r.parts.right ?? [];
    // `a, b = x, y`: two lists of the same length are paired one to one.
    if (lefts.length === 1 && rights.length === 1 && this.isList(lefts[0]) && this.isList(rights[0]) && lefts[0].namedChildCount === rights[0].namedChildCount) {
      lefts = lefts[0].namedChildren.filter((c) => c !== null);
      rights = rights[0].namedChildren.filter((c) => c !== null);
    }
    const type = r.parts.type?.[0];
    if (lefts.length > 1 && lefts.length === rights.length) {
      lefts.forEach((l, i) => this.bindTarget(l, rights[i], this.taint(rights[i]), type, r.kind === 'update'));
      return;
    }
    const source = this.firstTaint(rights);
    for (const l of lefts) this.bindTarget(l, rights.length === 1 ? rights[0] : undefined, source, type, r.kind === 'update');
  }

  /** A node listing several expressions or targets, with no role of its own (`a, b`, `x, y`). */
  private isList(n: SyntaxNode): boolean {
    return n.namedChildCount > 1 && !this.roles.expressions.has(n.id) && /list|tuple|pattern/.test(n.type);
  }

  private loop(r: Role<StructureRole>): void {
    const source = this.firstTaint(r.parts.right ?? []);
    for (const l of r.parts.left ?? []) this.bindTarget(l, undefined, source, r.parts.type?.[0], false);
  }

  /** Gives a target (a name, a property, or a pattern of names) what a value carries. */
  private bindTarget(target: SyntaxNode, value: SyntaxNode | undefined, source: FlowSource | undefined, type: SyntaxNode | undefined, update: boolean): void {
    const role = this.roles.expressions.get(target.id);
    if (role?.kind === 'name') {
      const name = bareName(target.text);
      const typed = this.typedSource(type, target);
      const query = value && this.queryIn([value]);
      if (query) this.queries.set(name, query);
      if (value || type) this[this.isMemoryBuffer(value, type) ? 'remember' : 'forget'](name);
      if (typed) this.env.bind(name, typed);
      else if (!update && (namesMetadata(name) || (type && (SCALAR_TYPE.test(type.text) || isUnrelatedType(type.text))))) this.env.bind(name, null);
      else if (update) this.env.bind(name, source ?? this.env.lookup(name) ?? null);
      else this.env.bind(name, this.valueSource(target, name, value, source));
      return;
    }
    if (role?.kind === 'member' || role?.kind === 'index') {
      this.assignProperty(role, value, source);
      return;
    }
    for (const child of target.namedChildren) if (child) this.bindTarget(child, undefined, source, type, update);
  }

  /**
   * What a name holds once given a value: the value's source; else, when the name itself says health data and
   * the value is neither a constant nor protected (`patients = repo.find_all()`), the name; else clean.
   */
  private valueSource(target: SyntaxNode, name: string, value: SyntaxNode | undefined, source: FlowSource | undefined): Binding {
    if (source) return source;
    if (isOpaqueName(name) || !healthWordOf(name)) return null;
    if (value && (!this.hasReference(value) || this.isProtected(value))) return null;
    return this.src(target, `\`${name}\``);
  }

  /** Putting health data into an object makes the object carry it (`record.diagnosis = d`). */
  private assignProperty(role: Role<ExpressionRole>, value: SyntaxNode | undefined, source: FlowSource | undefined): void {
    const key = role.kind === 'member' ? role.parts.name?.[0].text : literalText(role.parts.key?.[0]);
    const put = source ?? (key && healthWordOf(key) && value && this.carriesValue(value) ? this.src(role.node, `\`${key}\``) : undefined);
    const root = this.rootName(role.node);
    if (put && root && !/^(?:self|this|\$this)$/.test(root) && this.env.lookup(root) == null) this.env.bind(root, put);
  }

  private rootName(n: SyntaxNode): string | undefined {
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const role = this.roles.expressions.get(n.id);
      if (role?.kind === 'name') return bareName(n.text);
      const next = role?.kind === 'member' || role?.kind === 'index' ? role.parts.object?.[0] : role?.kind === 'call' ? role.parts.receiver?.[0] ?? role.parts.function?.[0] : undefined;
      if (!next) return undefined;
      n = next;
    }
    return undefined;
  }

  private remember(name: string): void {
    this.memory.add(name);
  }

  private forget(name: string): void {
    this.memory.delete(name);
  }

  /** A buffer in memory, or a writer over one (`csv.writer(buf)`, `new PrintWriter(sw)`, `csv.NewWriter(&buf)`). */
  private isMemoryBuffer(value: SyntaxNode | undefined, type: SyntaxNode | undefined): boolean {
    if (type && MEMORY_BUFFER.test(type.text)) return true;
    if (!value) return false;
    if (MEMORY_BUFFER.test(value.text)) return true;
    const role = this.roles.expressions.get(value.id);
    if (role?.kind !== 'call' || !/writer|printer|stream|encoder/i.test(this.text.slice(value.startIndex, argsStartOf(role)))) return false;
    return this.descendants(role.parts.args ?? [], 'name').some((a) => this.memory.has(bareName(a.node.text)));
  }

  // ---------- sinks ----------

  /**
   * The call a sink regex matched: the outermost call whose callee holds the match's start and whose
   * arguments start within the match or right after it (`Timber.tag(t).d(`, `data.write(to:`, `puts "…"`).
   */
  private callAt(at: number, end: number): Role<ExpressionRole> | undefined {
    let reach = end;
    while (reach < this.text.length && /[ \t]/.test(this.text[reach])) reach++;
    let best: Role<ExpressionRole> | undefined;
    // An empty range at a token's start finds the node before it: ask for the token's first character.
    for (let n: SyntaxNode | null = this.tree.rootNode.descendantForIndex(at, at + 1); n; n = n.parent) {
      const role = this.roles.expressions.get(n.id);
      if (role?.kind !== 'call') continue;
      const argsStart = argsStartOf(role);
      if (at >= argsStart) break;
      if (argsStart <= reach) best = role;
    }
    return best;
  }

  private checkSink(match: SinkMatch, call: Role<ExpressionRole>): void {
    const { sink, at } = match;
    if (this.flows.some((f) => f.start === at && f.kind === sink.kind)) return;
    const receiver = call.parts.receiver?.[0] ?? call.parts.function?.[0];
    const root = receiver && this.rootName(receiver);
    if (sink.kind === 'file' && root && this.memory.has(root)) return;
    const args = call.parts.args ?? [];
    const recvNode = match.recv && this.tree.rootNode.descendantForIndex(match.recv[0], match.recv[1]);
    const source = this.firstTaint(args) ?? (recvNode ? this.taint(recvNode) : undefined) ?? (sink.kind === 'client-storage' ? this.keySource(args) : undefined);
    if (!source) return;
    let calleeEnd = Math.min(match.end, argsStartOf(call));
    while (calleeEnd > at && /[\s(:]/.test(this.text[calleeEnd - 1])) calleeEnd--;
    const argsEnd = args.length ? args[args.length - 1].endIndex : call.node.endIndex;
    this.flows.push({
      kind: sink.kind,
      start: at,
      end: calleeEnd,
      sink: this.text.slice(at, calleeEnd).replace(/\s+/g, '').slice(0, 60),
      source,
      detail: sink.kind === 'file' ? pathDetail(this.doc, at, argsEnd) : undefined,
    });
  }

  /** A storage call whose key names health data: `putString("diagnosis", …)`, `set(…, forKey: "dossier")`. */
  private keySource(args: SyntaxNode[]): FlowSource | undefined {
    if (args.some((a) => SANITIZER.test(a.text))) return undefined;
    for (const s of this.descendants(args, 'string')) {
      const key = literalText(s.node);
      if (key !== undefined && /^[\w.-]+$/.test(key) && healthWordOf(key)) return this.src(s.node, `the \`${key}\` key`);
    }
    return undefined;
  }

  private descendants(nodes: SyntaxNode[], kind: ExpressionRole): Array<Role<ExpressionRole>> {
    const out: Array<Role<ExpressionRole>> = [];
    const visit = (n: SyntaxNode, depth: number) => {
      const role = this.roles.expressions.get(n.id);
      if (role?.kind === kind) out.push(role);
      if (depth < MAX_DEPTH) for (const c of n.namedChildren) if (c) visit(c, depth + 1);
    };
    for (const n of nodes) visit(n, 0);
    return out;
  }

  // ---------- sources ----------

  private src(n: SyntaxNode, label: string): FlowSource {
    return { start: n.startIndex, end: n.endIndex, label };
  }

  private typedSource(type: SyntaxNode | undefined, name: SyntaxNode): FlowSource | undefined {
    const resource = type && declaredResourceType(type.text);
    if (!resource || this.foreignTypes.has(resource)) return undefined;
    return this.src(name, `\`${bareName(name.text)}\` of type ${resource}`);
  }

  private firstTaint(nodes: SyntaxNode[]): FlowSource | undefined {
    for (const n of nodes) {
      const t = this.taint(n);
      if (t) return t;
    }
    return undefined;
  }

  /** The health-data source an expression's value carries, if any. */
  private taint(n: SyntaxNode, depth = 0): FlowSource | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const role = this.roles.expressions.get(n.id);
    const part = (name: string) => role?.parts[name]?.[0];
    switch (role?.kind) {
      case 'opaque':
        return undefined;
      case 'name': {
        const name = bareName(n.text);
        const bound = this.env.lookup(name);
        if (bound) return bound;
        const hl7 = this.hl7Name(n, name);
        if (hl7 || bound === null) return hl7;
        return healthWordOf(name) && !this.scalars.has(name) ? this.src(n, `\`${name}\``) : undefined;
      }
      case 'source':
        return this.src(n, `\`${chainLabel(n.text)}\``);
      case 'request':
        return this.handlesHealthData(n) ? this.src(n, `the request payload \`${chainLabel(n.text)}\``) : undefined;
      case 'member':
      case 'index': {
        const key = role.kind === 'member' ? part('name')?.text : literalText(part('key'));
        if (key !== undefined && (isOpaqueName(key) || this.scalars.has(key))) return undefined;
        if (key !== undefined && healthWordOf(key)) return this.src(n, `\`${chainLabel(n.text)}\``);
        const object = part('object');
        return object && (role.kind === 'index' || carriesData(key)) ? this.taint(object, depth + 1) : undefined;
      }
      case 'call':
        return this.callTaint(role, depth);
      case 'pair': {
        const keyNode = part('key');
        const key = keyNode && (literalText(keyNode) ?? bareName(keyNode.text));
        if (key && isOpaqueName(key)) return undefined;
        const value = part('value');
        const t = value && this.taint(value, depth + 1);
        if (t) return t;
        return key && healthWordOf(key) && value && this.carriesValue(value) ? this.src(n, `\`${key}\``) : undefined;
      }
      case 'string': {
        // an HL7 v2 message written out with its patient segment (`"MSH|…\rPID|…"`, `"PID|1||" + mrn`)
        if (HL7_PATIENT_TEXT.test(literalBody(n.text))) return this.src(n, 'an HL7 v2 message with a PID segment');
        if (!this.hasReference(n)) return this.literalSource?.(n.startIndex, n.endIndex);
        break;
      }
    }
    for (const c of n.namedChildren) {
      const t = c && this.taint(c, depth + 1);
      if (t) return t;
    }
    return undefined;
  }

  private callTaint(role: Role<ExpressionRole>, depth: number): FlowSource | undefined {
    const n = role.node;
    const callee = this.text.slice(n.startIndex, argsStartOf(role));
    if (SANITIZER.test(callee)) return undefined;
    const fn = role.parts.function?.[0];
    const fnRole = fn && this.roles.expressions.get(fn.id);
    const methodNode = role.parts.name?.[0] ?? (fnRole?.kind === 'member' ? fnRole.parts.name?.[0] : fnRole?.kind === 'name' ? fn : undefined);
    // `getPatientIdentifierTypeByName(n)` gives a patient identifier type: what a lookup gives is named before `By`.
    const method = methodNode && bareName(methodNode.text).replace(/(?<=[a-z0-9])(?:By|_by_)[A-Z_a-z]\w*$/, '');
    // `prepare('SELECT mrn, birth_date FROM patients')`, `$pdo->query(…)`, `pd.read_sql(QUERY, engine)`: the
    // query's result, whatever the call is named.
    const query = this.queryIn(role.parts.args ?? []);
    if (query) return query;
    if (method && !PASSTHROUGH.test(method) && (OPAQUE_METHODS.test(method) || isOpaqueName(method))) return undefined;
    if (method && healthWordOf(method)) return this.src(n, `\`${method}()\``);
    // `state = program.getCurrentState()`, `getConcept(code)`: a call named for some other thing gives that thing.
    const receiver = role.parts.receiver?.[0] ?? (fnRole?.kind === 'member' ? fnRole.parts.object?.[0] : undefined);
    // `->select('ward', DB::raw('count(*)'))`, `.values_list('id', flat=True)`: columns picked by name
    if (method && COLUMN_PICK.test(method) && !this.picksHealthColumn(role)) return undefined;
    const t = receiver && carriesData(method) ? this.taint(receiver, depth + 1) : undefined;
    // `targets.Select(t => t.PatientId)`, `patients.map { it.name }`: a mapping gives what its function gives.
    const mapping = t && method && MAPPING.test(method) ? this.lambdaIn(role.parts.args ?? []) : undefined;
    if (mapping) return this.lambdaTaint(mapping, t!, depth);
    if (t) return t;
    if (!carriesArguments(method)) return undefined;
    for (const a of role.parts.args ?? []) {
      const s = this.taint(a, depth + 1);
      if (s) return s;
    }
    return undefined;
  }

  /** A literal query of health data among call arguments, written out or through a name given one. */
  private queryIn(args: SyntaxNode[]): FlowSource | undefined {
    for (const a of args) {
      for (const s of this.descendants([a], 'string')) {
        const label = healthQuery(s.node.text);
        if (label) return this.src(s.node, label);
      }
      for (const name of this.descendants([a], 'name')) {
        const q = this.queries.get(bareName(name.node.text));
        if (q) return q;
      }
    }
    return undefined;
  }

  /**
   * An HL7 v2 message or segment: a name the same function tests against a segment's start
   * (`strings.HasPrefix(msg, "MSH|")`, `message.StartsWith("MSH|")`, `seg.startswith("PID|")`).
   */
  private hl7Name(at: SyntaxNode, name: string): FlowSource | undefined {
    if (!(this.hl7Text ??= mayHoldSegment(this.text))) return undefined;
    const scope = this.enclosingScope(at);
    if (!scope) return undefined;
    let names = this.hl7Names.get(scope.id);
    if (!names) {
      this.hl7Names.set(scope.id, (names = new Map()));
      for (const role of this.roles.expressions.values()) {
        if (role.kind !== 'call' || role.node.startIndex < scope.startIndex || role.node.endIndex > scope.endIndex) continue;
        // a test of the value (`HasPrefix`, `startswith`, `Contains`), not a formatting call (`Sprintf("MSH|…", now)`)
        if (!HL7_TEST.test(role.parts.name?.[0]?.text ?? '')) continue;
        const values = this.directValues(role.parts.args ?? []);
        const strings = values.filter((v) => this.roles.expressions.get(v.id)?.kind === 'string');
        if (!strings.some((s) => hl7Segment(s.text, (this.hl7File ??= aboutHl7(this.text))))) continue;
        const tested = values.filter((v) => this.roles.expressions.get(v.id)?.kind === 'name');
        const receiver = role.parts.receiver?.[0];
        // `msg.startswith("MSH|")`: the receiver is tested; `strings.HasPrefix(msg, "MSH|")`: an argument is.
        if (receiver && values.length === 1 && this.roles.expressions.get(receiver.id)?.kind === 'name') tested.push(receiver);
        for (const t of tested) {
          const tname = bareName(t.text);
          if (!names.has(tname) && !namesMetadata(tname)) names.set(tname, this.src(t, `the HL7 v2 message \`${tname}\``));
        }
      }
    }
    return names.get(name);
  }

  /** A call's arguments as values: through argument lists and wrappers, not into expressions. */
  private directValues(args: SyntaxNode[]): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const visit = (n: SyntaxNode, depth: number) => {
      if (this.roles.expressions.has(n.id)) out.push(n);
      else if (depth < 3) for (const c of n.namedChildren) if (c) visit(c, depth + 1);
    };
    for (const a of args) visit(a, 0);
    return out;
  }

  /** Whether the function around a node (its decorators, route and class included) names health data. */
  private handlesHealthData(n: SyntaxNode): boolean {
    // a script's top level (a PHP page, a Python script) is judged by the whole file
    const scope = this.enclosingScope(n) ?? this.tree.rootNode;
    let known = this.healthScopes.get(scope.id);
    if (known === undefined) {
      // a decorated Python function, an annotated Java/C# method: the decorations are the parent's first children
      const outer = scope.parent && /decorated|annotated/.test(scope.parent.type) ? scope.parent : scope;
      const words: string[] = this.text.slice(outer.startIndex, outer.endIndex).match(/[A-Za-z_]\w*/g) ?? [];
      // the class it belongs to (`class PatientController`)
      for (let p = outer.parent; p; p = p.parent) {
        const name = /class|object|impl/.test(p.type) ? p.childForFieldName('name') : null;
        // (its words one by one: `PatientController` is not health data, but it handles patients)
        if (name) words.push(...name.text.split(/(?<=[a-z0-9])(?=[A-Z])|_/));
      }
      this.healthScopes.set(scope.id, (known = [...new Set(words)].some((w) => healthWordOf(w) !== undefined)));
    }
    return known;
  }

  /** The outermost function around a node, whose names are its own. */
  private enclosingScope(n: SyntaxNode): SyntaxNode | undefined {
    let found: SyntaxNode | undefined;
    for (let p: SyntaxNode | null = n.parent; p; p = p.parent) if (this.roles.isScope(p)) found = p;
    return found;
  }

  /** Whether a query builder's column pick names a health column or all of them (false when it names only others). */
  private picksHealthColumn(call: Role<ExpressionRole>): boolean {
    const names = this.directValues(call.parts.args ?? [])
      .filter((v) => this.roles.expressions.get(v.id)?.kind === 'string')
      .map((v) => literalText(v) ?? '');
    if (!names.length) return true;
    return names.some((n) => {
      const column = n.replace(/^.*\s+as\s+/i, '').replace(/^.*\./, '').trim();
      return column === '*' || healthWordOf(column) !== undefined || fieldKind(column) !== undefined;
    });
  }

  /** The function literal among a call's arguments (`t => …`, `{ it.name }`, `lambda p: …`). */
  private lambdaIn(args: SyntaxNode[]): SyntaxNode | undefined {
    const visit = (n: SyntaxNode, depth: number): SyntaxNode | undefined => {
      if (this.roles.isScope(n)) return n;
      if (depth >= 3 || this.roles.expressions.has(n.id)) return undefined;
      for (const c of n.namedChildren) {
        const found = c && visit(c, depth + 1);
        if (found) return found;
      }
      return undefined;
    };
    for (const a of args) {
      const found = visit(a, 0);
      if (found) return found;
    }
    return undefined;
  }

  /** What a function literal gives when its parameters (or Kotlin's `it`) take the elements of a source. */
  private lambdaTaint(lambda: SyntaxNode, elements: FlowSource, depth: number): FlowSource | undefined {
    this.roles.cover(lambda.startIndex);
    const own = (n: SyntaxNode) => {
      for (let p = n.parent; p; p = p.parent) if (this.roles.isScope(p)) return p.id === lambda.id;
      return false;
    };
    const params = this.roles.structure
      .filter((r) => r.kind === 'param' && r.node.startIndex >= lambda.startIndex && r.node.endIndex <= lambda.endIndex)
      .flatMap((r) => r.parts.name ?? [])
      .filter(own);
    const outer = this.env;
    this.env = new Env(outer);
    try {
      if (params.length) for (const p of params) this.env.bind(bareName(p.text), elements);
      else this.env.bind('it', elements);
      for (const c of lambda.namedChildren) {
        if (!c || params.some((p) => p.startIndex >= c.startIndex && p.endIndex <= c.endIndex)) continue;
        const t = this.taint(c, depth + 1);
        if (t) return t;
      }
      return undefined;
    } finally {
      this.env = outer;
    }
  }

  /** Whether an expression reads a variable, a property or a call (not only literals). */
  private hasReference(n: SyntaxNode, depth = 0): boolean {
    const kind = this.roles.expressions.get(n.id)?.kind;
    if (kind === 'name' || kind === 'member' || kind === 'index' || kind === 'call' || kind === 'source' || kind === 'request') return true;
    return depth < MAX_DEPTH && n.namedChildren.some((c) => c !== null && this.hasReference(c, depth + 1));
  }

  /** Whether a property's value is data rather than a constant, an opaque name or a protected value. */
  private carriesValue(n: SyntaxNode): boolean {
    if (!this.hasReference(n) || this.isProtected(n)) return false;
    const role = this.roles.expressions.get(n.id);
    if (role?.kind === 'name') return !isOpaqueName(bareName(n.text)) && this.env.lookup(bareName(n.text)) !== null;
    if (role?.kind === 'member') return !isOpaqueName(role.parts.name?.[0].text ?? '');
    return true;
  }

  /** A value passed through encryption, hashing or masking (`encrypt(x)`, `await hmac(x)`, `try seal(x)`). */
  private isProtected(n: SyntaxNode): boolean {
    let cur: SyntaxNode | null = n;
    while (cur && !this.roles.expressions.has(cur.id) && cur.namedChildCount === 1) cur = cur.namedChild(0);
    const role = cur && this.roles.expressions.get(cur.id);
    return role?.kind === 'call' && SANITIZER.test(this.text.slice(role.node.startIndex, argsStartOf(role)));
  }
}

/** Calls that test a value against a text: a prefix, a suffix, a part, equality. */
const HL7_TEST = /^(?:HasPrefix|HasSuffix|Contains|startswith|endswith|startsWith|endsWith|StartsWith|EndsWith|contains|includes|Index|IndexOf|indexOf|find|index|Equal|EqualFold|equals|Equals|str_starts_with|str_contains|strpos|start_with\?|include\?)$/;

/** The text of an HL7 v2 message with its patient identification segment, or of that segment. */
const HL7_PATIENT_TEXT = /^(?:MSH\|[\s\S]*PID\||PID\|)/;

/** A literal SQL query that reads (its text, without quotes). */
const SQL_SELECT = /^\s*(?:\(\s*)?(?:WITH|SELECT)\b/i;

/** Query-builder methods that pick columns by name (Laravel, Django, SQLAlchemy, jOOQ-like builders). */
const COLUMN_PICK = /^(?:select|addSelect|pluck|value|values|values_list|only|with_entities)$/;

/** Methods that give, for each element, what a function given to them gives. */
const MAPPING = /^(?:map|mapNotNull|mapIndexed|mapTo|flatMap|Select|SelectMany|ConvertAll|transform)$/;

/** Buffers in memory, as constructed or declared: what is written to them is not written to a file. */
const MEMORY_BUFFER =
  /^(?:new\s+|&)?(?:[\w.]*\.)?(?:StringIO|BytesIO|StringWriter|StringBuilder|StringBuffer|ByteArrayOutputStream|CharArrayWriter|MemoryStream|bytes\.Buffer|strings\.Builder)\b|^new\((?:bytes\.Buffer|strings\.Builder)\)/;

/** Declared types of counts, flags and indices, which cannot hold a record (a measurement may be a `double`). */
const SCALAR_TYPE = /^(?:int|long|short|byte|boolean|bool|char|Integer|Long|Short|Byte|Boolean|Character|u?int\d*|usize|isize|Int|UInt|Bool)\??$/;

/** Where a call's arguments start (its end when it has none: `patient.name` in Ruby). */
function argsStartOf(call: Role<ExpressionRole>): number {
  const args = call.parts.args;
  return args?.length ? Math.min(...args.map((a) => a.startIndex)) : call.node.endIndex;
}

function outermost(scopes: Array<Role<StructureRole>>): SyntaxNode[] {
  const tops: SyntaxNode[] = [];
  for (const s of scopes) {
    const last = tops[tops.length - 1];
    if (!last || s.node.startIndex >= last.endIndex) tops.push(s.node);
  }
  return tops;
}

/** A variable's name without sigils and splats: `$patient`, `@record`, `*args`, `&block`. */
function bareName(text: string): string {
  return text.replace(/^[$@&*]+/, '');
}

/** A string literal's or symbol's text without quotes or prefixes; undefined for anything else. */
function literalText(n: SyntaxNode | undefined): string | undefined {
  if (!n) return undefined;
  const m = /^(?:[a-zA-Z@$]{0,3}["'`]+|:)([^"'`]*)["'`]*$/s.exec(n.text);
  return m?.[1];
}

/** A property chain as a label: names only, call arguments and computed keys elided so no value is shown. */
function chainLabel(text: string): string {
  let s = text.replace(/\s+/g, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, '()');
  }
  s = s.replace(/\[([^[\]]*)\]/g, (m: string, k: string) => (/^(?:["':]?[A-Za-z_]\w*["']?)$/.test(k) ? m : '[…]'));
  return s.replace(/^\$/, '').slice(0, 60);
}

/** Health resource type names that may also be library types, when the file imports them from a library. */
const AMBIGUOUS_TYPES = /^\s*import\s+(?:static\s+)?((?:[\w]+\.)+)(Bundle|Condition)\s*;?\s*$/gm;

function foreignTypes(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(AMBIGUOUS_TYPES)) if (!/fhir|hl7/i.test(m[1])) out.add(m[2]);
  return out;
}
