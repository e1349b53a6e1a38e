import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { builtinRulesDir } from '../paths';
import { grammarOf, type Language, type SyntaxNode, type Tree } from '../parsers/treeSitter';

/**
 * What the health-data flow needs to know about a language's syntax, as data beside the rules
 * (rules/flow/<language>.yaml): for each role, the node types that play it and where their parts are.
 * (Tree-sitter queries would say the same, but compiling them takes seconds for the Swift grammar.)
 *
 * Roles:
 * - `scope`: a function, method, lambda or closure; names bound inside it are its own.
 * - `param` (`name`, `type`): a parameter.
 * - `assign` (`left`, `right`, `type`): a declaration or assignment; several `left`/`right` nodes are paired one
 *   to one. `update` (`x += y`): the same, adding to what the target holds.
 * - `loop` (`left`, `right`, `type`): a loop (or `if let`) whose variables take the collection's elements.
 * - `append` (`left`, `right` or `query`): a call that adds its arguments to its receiver (`sb.append(x)`,
 *   `rows.Add(x)`): the receiver then holds what they carry; with `query`, only a literal query of health data
 *   counts (`cursor.execute("SELECT mrn … FROM patients")`).
 * - `name`: a variable; `member` (`object`, `name`): a property; `index` (`object`, `key`): an element read with a
 *   literal key; `call` (`function` or `receiver` and `name`, `args`): a call; `pair` (`key`, `value`): a map
 *   entry or a named argument; `string`: a string literal (its interpolations are its descendants).
 * - `source`: a call whose result is health data whatever its arguments (`pydicom.dcmread(path)`: a DICOM dataset,
 *   patient attributes included).
 * - `request`: the payload of an HTTP request (`$_POST`, `request.get_json()`): health data in a function whose
 *   text (decorators and route included) names health data, as a handler of a patient route.
 * - `opaque`: an expression whose value does not carry the data it is computed from (a comparison, a type
 *   test), or a part of an expression that is not a value (the type in a cast).
 *
 * Each entry: `types` (node types), optional `target` (the role goes to these nodes instead, parts are relative
 * to them), `parts` (part name → selector or list of selectors), `has` (selectors that must find a node),
 * `when` (selector → regex the text of one found node must match whole). The first entry of a role that applies
 * to a node wins; `opaque` wins over every other expression role, `source` and `request` over `call`, `member` and
 * `name`.
 *
 * Selectors are steps joined by `/`: `.` the node, `field` its children in a field, `*` its named children, `**`
 * all its children (tokens too); `:type` after a step (or alone, for named children) keeps nodes of that type;
 * `[i]` keeps the i-th result (negative from the end): `*[0]:call` is the first child if it is a call,
 * `:call[0]` the first call among the children.
 */
export type ExpressionRole = 'name' | 'member' | 'index' | 'call' | 'pair' | 'string' | 'source' | 'request' | 'opaque';
export type StructureRole = 'scope' | 'param' | 'assign' | 'update' | 'loop' | 'append';

export interface Role<K extends string = string> {
  kind: K;
  node: SyntaxNode;
  parts: Record<string, SyntaxNode[]>;
}

const EXPRESSION_ROLES: readonly string[] = ['name', 'member', 'index', 'call', 'pair', 'string', 'source', 'request', 'opaque'];
const STRUCTURE_ROLES: readonly string[] = ['scope', 'param', 'assign', 'update', 'loop', 'append'];

interface Step {
  /** Where the step goes from a node: itself, a field's children, its named children, or all its children. */
  from: 'self' | 'field' | 'named' | 'all';
  field?: string;
  /** Keeps only the i-th node (negative from the end), before and after the type test. */
  pickFirst?: number;
  /** Keeps only nodes of this type. */
  type?: string;
  pick?: number;
}

interface Entry {
  role: ExpressionRole | StructureRole;
  target?: Step[];
  parts: Array<[string, Step[][]]>;
  has: Step[][];
  when: Array<[Step[], RegExp]>;
}

/** A language's syntax table: the entries of each node type, in file order. */
export interface SyntaxTable {
  byType: Map<string, Entry[]>;
  scopeTypes: Set<string>;
  /**
   * Per role, each entry's `when` patterns unanchored: a node matching the entry lies in a text only where all of
   * its patterns match somewhere (an entry without `when` can be anywhere).
   */
  hints: Partial<Record<Entry['role'], RegExp[][]>>;
}

const tables = new Map<string, SyntaxTable | null>();

/** The syntax table of a language, or undefined when the language has no grammar loaded or no table. */
export function syntaxTable(languageId: string): SyntaxTable | undefined {
  if (!grammarOf(languageId)) return undefined;
  if (!tables.has(languageId)) {
    const file = path.join(builtinRulesDir(), 'flow', `${languageId}.yaml`);
    tables.set(languageId, fs.existsSync(file) ? compileTable(parseYaml(fs.readFileSync(file, 'utf8')), file) : null);
  }
  return tables.get(languageId) ?? undefined;
}

type RawEntry = { types: string[]; target?: string; parts?: Record<string, string | string[]>; has?: string[]; when?: Record<string, string> };

function compileTable(raw: Record<string, RawEntry[]>, file: string): SyntaxTable {
  const byType = new Map<string, Entry[]>();
  const scopeTypes = new Set((raw.scope ?? []).flatMap((e) => e.types));
  const hints: SyntaxTable['hints'] = {};
  for (const [role, entries] of Object.entries(raw)) {
    if (!EXPRESSION_ROLES.includes(role) && !STRUCTURE_ROLES.includes(role)) throw new Error(`${file}: unknown role '${role}'`);
    hints[role as Entry['role']] = entries.map((e) => Object.values(e.when ?? {}).map((v) => new RegExp(v, 's')));
    for (const e of entries) {
      const entry: Entry = {
        role: role as Entry['role'],
        target: e.target === undefined ? undefined : selector(e.target),
        parts: Object.entries(e.parts ?? {}).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map(selector)]),
        has: (e.has ?? []).map(selector),
        when: Object.entries(e.when ?? {}).map(([k, v]) => [selector(k), new RegExp(`^(?:${v})$`, 's')]),
      };
      for (const t of e.types) {
        const list = byType.get(t) ?? [];
        list.push(entry);
        byType.set(t, list);
      }
    }
  }
  return { byType, scopeTypes, hints };
}

/** Selectors by their text: one object for one text, as SyntaxRoles.visit() keys what it selected by them. */
const selectors = new Map<string, Step[]>();

function selector(text: string): Step[] {
  let steps = selectors.get(text);
  if (!steps) selectors.set(text, (steps = parseSelector(text)));
  return steps;
}

function parseSelector(text: string): Step[] {
  return text.split('/').map((s) => {
    const m = /^(\.|\*\*|\*|\w*)(?:\[(-?\d+)\])?(?::(\w+))?(?:\[(-?\d+)\])?$/.exec(s);
    if (!m || (m[1] === '' && !m[3])) throw new Error(`bad selector step '${s}' in '${text}'`);
    const index = (i: string | undefined) => (i === undefined ? undefined : Number(i));
    const from = m[1] === '.' ? 'self' : m[1] === '**' ? 'all' : m[1] === '*' || m[1] === '' ? 'named' : 'field';
    return { from, field: from === 'field' ? m[1] : undefined, pickFirst: index(m[2]), type: m[3], pick: index(m[4]) };
  });
}

/** The node types and field names a table names, to check them against the grammar. */
export function namesInTable(table: SyntaxTable): { types: string[]; fields: string[] } {
  const types = new Set(table.byType.keys());
  const fields = new Set<string>();
  const visit = (steps: Step[]) =>
    steps.forEach((s) => {
      if (s.field) fields.add(s.field);
      if (s.type) types.add(s.type);
    });
  for (const entries of table.byType.values()) {
    for (const e of entries) {
      if (e.target) visit(e.target);
      e.parts.forEach(([, sels]) => sels.forEach(visit));
      e.has.forEach(visit);
      e.when.forEach(([s]) => visit(s));
    }
  }
  return { types: [...types], fields: [...fields] };
}

function select(node: SyntaxNode, steps: Step[]): SyntaxNode[] {
  let current = [node];
  for (const step of steps) {
    let next: Array<SyntaxNode | null> = [];
    for (const n of current) {
      if (step.from === 'self') next.push(n);
      else if (step.from === 'field') next.push(...n.childrenForFieldName(step.field!));
      else if (step.from === 'named') next.push(...n.namedChildren);
      else next.push(...n.children);
    }
    next = next.filter((c) => c !== null);
    if (step.pickFirst !== undefined) next = next.slice(step.pickFirst).slice(0, 1);
    if (step.type) next = next.filter((c) => c!.type === step.type);
    if (step.pick !== undefined) next = next.slice(step.pick).slice(0, 1);
    current = next as SyntaxNode[];
  }
  return current;
}

const byIdOf = new WeakMap<SyntaxTable, Array<Entry[] | undefined>>();

function entriesById(table: SyntaxTable, language: Language): ReadonlyArray<Entry[] | undefined> {
  let byId = byIdOf.get(table);
  if (!byId) {
    byId = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      const type = language.nodeTypeForId(id);
      if (type && language.nodeTypeIsNamed(id)) byId[id] = table.byType.get(type);
    }
    byIdOf.set(table, byId);
  }
  return byId;
}

/**
 * The roles of a parsed file's nodes. Outside functions the file is walked at once; each top-level function
 * (or lambda) only when cover() asks for it, since most functions in a file hold no sink.
 */
export class SyntaxRoles {
  /** Expression roles by node id. */
  readonly expressions = new Map<number, Role<ExpressionRole>>();
  /** Structure roles, in the order walked (not always the document's). */
  readonly structure: Array<Role<StructureRole>> = [];
  private readonly deferred: SyntaxNode[] = [];
  /** The table's entries by node type id (named types only): one call into the parser per node walked, not two. */
  private readonly byId: ReadonlyArray<Entry[] | undefined>;

  constructor(
    private readonly table: SyntaxTable,
    tree: Tree,
  ) {
    this.byId = entriesById(table, tree.language);
    this.walk(tree.rootNode, true);
  }

  /** Whether a node is a function, method, lambda or closure of the language. */
  isScope(node: SyntaxNode): boolean {
    return this.table.scopeTypes.has(node.type);
  }

  /** Walks the inside of the top-level scope holding an offset, unless done. */
  cover(at: number): void {
    const i = this.deferred.findIndex((n) => n.startIndex <= at && at < n.endIndex);
    if (i >= 0) this.walk(this.deferred.splice(i, 1)[0], false);
  }

  /** Visits a subtree (without its root when `top` is false, the root having been visited when deferred). */
  private walk(root: SyntaxNode, top: boolean): void {
    const cursor = root.walk();
    try {
      if (!top && !cursor.gotoFirstChild()) return;
      for (;;) {
        let enter = true;
        const entries = this.byId[cursor.nodeTypeId];
        if (entries) {
          const node = cursor.currentNode;
          this.visit(node, entries);
          if (top && this.table.scopeTypes.has(node.type)) {
            this.deferred.push(node);
            enter = false;
          }
        }
        if (enter && cursor.gotoFirstChild()) continue;
        // The cursor cannot leave the subtree it was made for: at its root both moves fail.
        while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
      }
    } finally {
      cursor.delete();
    }
  }

  private visit(node: SyntaxNode, entries: Entry[]): void {
    const taken = new Set<string>();
    // The entries of a type often ask for the same selectors of a node (`function`, `arguments`): each node
    // the syntax tree gives is an object made anew, so each selector is taken once per node.
    const selected = new Map<Step[], SyntaxNode[]>();
    const fromNode = (s: Step[]) => {
      let nodes = selected.get(s);
      if (!nodes) selected.set(s, (nodes = select(node, s)));
      return nodes;
    };
    for (const e of entries) {
      if (taken.has(e.role)) continue;
      if (!e.has.every((s) => fromNode(s).length > 0)) continue;
      if (!e.when.every(([s, re]) => fromNode(s).some((n) => re.test(n.text)))) continue;
      taken.add(e.role);
      for (const target of e.target ? fromNode(e.target) : [node]) {
        const parts: Record<string, SyntaxNode[]> = {};
        for (const [name, sels] of e.parts) parts[name] = sels.flatMap((s) => (target === node ? fromNode(s) : select(target, s)));
        if (STRUCTURE_ROLES.includes(e.role)) {
          this.structure.push({ kind: e.role as StructureRole, node: target, parts });
          continue;
        }
        const existing = this.expressions.get(target.id);
        if (!existing || (e.role === 'opaque' && existing.kind !== 'opaque') || ((e.role === 'source' || e.role === 'request') && (existing.kind === 'call' || existing.kind === 'member' || existing.kind === 'name'))) this.expressions.set(target.id, { kind: e.role as ExpressionRole, node: target, parts });
      }
    }
  }
}
