import ts from 'typescript';
import { HEALTH_RESOURCE_TYPES, OPAQUE_METHODS, PASSTHROUGH, SANITIZER, healthWordOf, isOpaqueName, namesMetadata, resourceTypeInText } from './healthNames';
import { REMOVABLE_OR_SYNCED, SHARED_TMP, SHARING_HOST, type Flow, type FlowSource, type SinkKind } from './flow';
import { selectSource } from './sqlSelect';
import type { LiteralSource } from './treeFlow';

/** A binding: the source it carries, or null for a name known to hold something clean. */
export type Binding = FlowSource | null;

/**
 * What the host a script runs in gives it (an integration engine's message object, its variable maps): asked
 * first for every identifier, property access and call; undefined leaves the expression to the usual rules.
 */
export type HostSource = (e: ts.Expression, sf: ts.SourceFile) => Binding | undefined;

/**
 * Follows health data through one JavaScript or TypeScript file with the TypeScript parser (no type checker:
 * one file, no program): within each function and the module, through declarations, destructuring, assignments,
 * spreads, templates, property access, calls and the callbacks of promises, observables and array methods, to
 * the sinks in checkCall().
 */
export function jsFlows(fileName: string, text: string, literalSource?: LiteralSource, host?: HostSource): Flow[] {
  const kind = /\.tsx$/i.test(fileName) ? ts.ScriptKind.TSX : /\.(?:m|c)?tsx?$/i.test(fileName) ? ts.ScriptKind.TS : /\.jsx$/i.test(fileName) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  return new Walker(sf, literalSource, host).run();
}

/**
 * What a name is, besides the data it holds: the request of a handler about patients (`req` in
 * `router.post('/patients', (req, res) => …)`), a handle on IndexedDB (`openDB`, `new Dexie`, a transaction, an
 * object store), a cache of the Cache API, an unencrypted key-value store on the device (`new MMKV()` without a
 * key), a logging function (`createDebug('app:x')`).
 */
type Role = 'request' | 'idb' | 'cache' | 'kv' | 'logger';

class Env {
  private readonly vars = new Map<string, Binding>();
  private readonly roles = new Map<Role, Set<string>>();
  /** Write streams (`fs.createWriteStream(path)`) and the path they write to. */
  readonly streams = new Map<string, ts.Expression | undefined>();

  constructor(readonly parent?: Env) {}

  lookup(name: string): Binding | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.vars.get(name);
    return undefined;
  }
  mark(role: Role, name: string): void {
    let names = this.roles.get(role);
    if (!names) this.roles.set(role, (names = new Set()));
    names.add(name);
  }
  is(role: Role, name: string): boolean {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.roles.get(role)?.has(name)) return true;
    return false;
  }
  stream(name: string): { path: ts.Expression | undefined } | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.streams.has(name)) return { path: e.streams.get(name) };
    return undefined;
  }
  bind(name: string, b: Binding): void {
    this.vars.set(name, b);
  }
}

const ROUTE_METHOD = /^(?:get|post|put|patch|delete|del|all|use|route|head|options)$/;
const REQUEST_PARAM = /^(?:req|request|ctx|context|event|evt)$/;
const REQUEST_DATA = new Set(['body', 'params', 'query', 'payload', 'form', 'files', 'file', 'fields']);
const FHIR_READ = /(?:^|\.)(?:read|vread|search|searchAll|get|fetch|request|resource|patient|everything|operation|getResource|fetchResource)$/i;
/** Calls that run SQL given as their first argument (node-postgres, mysql2, pg-promise, better-sqlite3, knex, Prisma, TypeORM). */
const SQL_CALL = /^(?:query|execute|raw|any|many|manyOrNone|one|oneOrNone|all|get|each|unsafe|\$queryRaw|\$queryRawUnsafe|queryRaw|queryRawUnsafe)$/;
/** Tags of SQL template literals (postgres.js, slonik, Prisma). */
const SQL_TAG = /^(?:sql|SQL|Prisma\.sql|\w+\.sql|\$queryRaw|\w+\.\$queryRaw)$/;
/** Storage reads whose key names what they return (`sessionStorage.getItem('patient')`). */
const KEYED_READ = /^(?:window\.)?(?:localStorage|sessionStorage|AsyncStorage|localforage)\.getItem$/;
/** Methods whose callback's first parameter is (an element of) the value they are called on. */
const ELEMENT_CALLBACK = /^(?:forEach|map|flatMap|filter|find|findLast|some|every|sort|each)$/;
/** RxJS operators whose callback returns the next value of the stream; the others pass the value on. */
const RX_MAPPING = /^(?:map|switchMap|mergeMap|concatMap|exhaustMap|flatMap)$/;
const RX_PASSING = /^(?:tap|filter|first|last|take|takeWhile|skipWhile|distinctUntilChanged|debounceTime|throttleTime|delay|shareReplay|share|finalize|catchError|retry|timeout|startWith|defaultIfEmpty)$/;
/** Callees that start a query on a table named by their first argument (knex, its transactions). */
const QUERY_BUILDER = /^(?:knex|db|trx|tx|database|connection|conn|qb|pg|mysql)$/;
/** Methods naming the table a query reads (`qb.from('patients')`, `knex.table('patients')`, `db.collection('patients')`). */
const TABLE_METHOD = /^(?:from|table|collection|getRepository|getCollection|model)$/;
/** Methods whose result is a count, an id or a status rather than rows. */
const BUILDER_RESULT = /^(?:insert|insertOne|insertMany|update|updateOne|updateMany|del|delete|deleteOne|deleteMany|increment|decrement|truncate|countDocuments|estimatedDocumentCount)$/;
/** Data-fetching hooks whose result is what their fetcher returns. */
const DATA_HOOK = /^(?:useQuery|useSuspenseQuery|useInfiniteQuery|useSWR|useSWRImmutable|createQuery|injectQuery|useAsync)$/;
/** Methods that look a record up (`get`, `findById`, `loadPatient`), not counts, checks or writes. */
const LOOKUP = /^(?:get|find|findOne|findById|findByPk|findUnique|findFirst|load|fetch|read|lookup|retrieve|fetchOne|getOne)(?:[A-Z]\w*)?$/;
/** Calls that send their arguments away and return an acknowledgement, a status or the other side's response. */
const SENDING = /^(?:send|post|publish|emit|dispatch|notify|submit|upload|transmit|forward|enqueue|deliver|relay)(?:[A-Z_]|$)/;
/** Types that are a way to stored records (an ORM repository, a Dexie table), whatever their names say. */
const DATA_ACCESS = /(?:Repository|Repo|Table|Collection|Store|Dao|Model|EntityManager)$/;
/** Word of a type name saying it holds no record: component props, query parameters, options. */
/** Member types of flags, counts and ids. */
const SCALAR_TYPE = /^(?:boolean|number|bigint|true|false|Date|null|undefined|void)(?:\s*\|\s*(?:null|undefined))*$/;
const NON_RECORD_TYPE_WORD = /(?:Props|Params|Args|Options|Opts|Filters?|Criteria|Query|Event|Handler|Actions?|Dispatch|Hook|Component|Config|Settings)$/;

class Walker {
  private readonly flows: Flow[] = [];
  /** Each function's environment, once its parameters are bound: where its return value is evaluated. */
  private readonly fnEnvs = new Map<ts.Node, Env>();
  /** Callbacks whose first parameter receives a value with a source (`.then(p => …)` on a patient read). */
  private readonly presetParams = new Map<ts.Node, FlowSource>();
  /** Callbacks whose first parameter is a cache of the Cache API (`caches.open('v1').then((cache) => …)`). */
  private readonly cacheCallbacks = new Set<ts.Node>();
  /** Calls whose result was computed while visiting them (RxJS pipes, callbacks' returns); null for clean. */
  private readonly callResults = new Map<ts.Node, Binding>();
  /** Classes of this file that extend Dexie: `new ClinicDb()` is an IndexedDB handle. */
  private readonly dexieClasses = new Set<string>();
  /** The text of string constants (`const url = \`/api/patients/${id}\``), holes as `${…}`. */
  private readonly consts = new Map<string, string>();
  /** The declared return types of this file's functions and methods, by name (`…(): Promise<Patient>`). */
  private readonly returnTypes = new Map<string, ts.TypeNode>();
  private readonly returnVerdicts = new Map<string, string | undefined>();
  /** Interfaces and type aliases of this file, by name: their members say whether they hold health data. */
  private readonly localTypes = new Map<string, ts.NodeArray<ts.TypeElement>>();
  private readonly localTypeVerdicts = new Map<string, string | undefined>();
  /** Names the `debug` package's factory is imported under. */
  private readonly debugFactories = new Set<string>();
  /** Classes of on-device key-value stores imported here (react-native-mmkv's MMKV, electron-store's default). */
  private readonly kvClasses = new Set<string>();

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly literalSource?: LiteralSource,
    private readonly host?: HostSource,
  ) {}

  run(): Flow[] {
    this.declarations(this.sf);
    this.visit(this.sf, new Env());
    return this.flows;
  }

  /**
   * What the file declares before any statement runs (hoisting): its interfaces and type aliases, the return
   * types of its functions and methods, the `debug` package's factory.
   */
  private declarations(sf: ts.SourceFile): void {
    const visit = (n: ts.Node): void => {
      if (ts.isInterfaceDeclaration(n)) this.localTypes.set(n.name.text, n.members);
      else if (ts.isTypeAliasDeclaration(n) && ts.isTypeLiteralNode(n.type)) this.localTypes.set(n.name.text, n.type.members);
      else if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && n.importClause) {
        const from = n.moduleSpecifier.text;
        const clause = n.importClause;
        if (from === 'debug' && clause.name) this.debugFactories.add(clause.name.text);
        if (from === 'electron-store' && clause.name) this.kvClasses.add(clause.name.text);
        if (from === 'react-native-mmkv' && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
          for (const el of clause.namedBindings.elements) if ((el.propertyName ?? el.name).text === 'MMKV') this.kvClasses.add(el.name.text);
        }
      }
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name) && n.type) {
        this.returnTypes.set(n.name.text, n.type);
      } else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer)) && n.initializer.type) {
        this.returnTypes.set(n.name.text, n.initializer.type);
      }
      // Top-level declarations and class members; not what functions declare inside their bodies.
      if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    ts.forEachChild(sf, visit);
  }

  /** The health type a function or method of this file is declared to return, if any (types are read lazily). */
  private declaredReturn(name: string): string | undefined {
    const type = this.returnTypes.get(name);
    if (!type) return undefined;
    if (!this.returnVerdicts.has(name)) this.returnVerdicts.set(name, this.healthType(type));
    return this.returnVerdicts.get(name);
  }

  /** `healthTypeIn`, and types declared in this file whose members hold health data (`interface Intake { symptoms: string[] }`). */
  private healthType(type: ts.Node): string | undefined {
    return healthTypeIn(type, (name) => this.localTypeHolds(name));
  }

  private localTypeHolds(name: string): boolean {
    const members = this.localTypes.get(name);
    if (!members) return false;
    if (this.localTypeVerdicts.has(name)) return this.localTypeVerdicts.get(name) !== undefined;
    this.localTypeVerdicts.set(name, undefined); // a type that refers to itself holds nothing by that
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.name) continue;
      const key = propertyName(m.name);
      // Flags, numbers and callbacks say something about the data, not the data (`showAllergies: boolean`).
      if (m.type && (SCALAR_TYPE.test(m.type.getText(this.sf)) || ts.isFunctionTypeNode(m.type))) continue;
      if ((key && healthWordOf(key)) || (m.type && this.healthType(m.type))) {
        this.localTypeVerdicts.set(name, name);
        return true;
      }
    }
    return false;
  }

  private text(e: ts.Expression): string | undefined {
    return literalishText(e, this.sf, this.consts);
  }

  private visit(node: ts.Node, env: Env, routeHandler = false): void {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const inner = new Env(env);
      this.fnEnvs.set(node, inner);
      const named = (node as ts.FunctionLikeDeclaration).name;
      const aboutPatients = routeHandler || (named && ts.isIdentifier(named) && healthWordOf(named.text) !== undefined);
      const preset = this.presetParams.get(node);
      const first = node.parameters[0]?.name;
      if (this.cacheCallbacks.has(node) && first && ts.isIdentifier(first)) inner.mark('cache', first.text);
      node.parameters.forEach((p, i) => {
        const given = i === 0 ? preset : undefined;
        if (ts.isIdentifier(p.name)) {
          if (aboutPatients && REQUEST_PARAM.test(p.name.text)) inner.mark('request', p.name.text);
          const typed = (p.type && this.typedSource(p.type, p.name)) ?? given;
          if (typed) inner.bind(p.name.text, typed);
          // A parameter property (`constructor(private repo: Repository<Patient>)`) is `this.repo` too.
          if (typed && ts.isConstructorDeclaration(node) && ts.getModifiers(p)?.length) env.bind(`this.${p.name.text}`, typed);
        } else this.bindPattern(p.name, undefined, inner, given);
      });
      this.visit(node.body as ts.Node, inner);
      return;
    }
    if (ts.isClassLike(node)) {
      this.visitClass(node, env);
      return;
    }
    if (ts.isVariableDeclaration(node)) {
      if (node.initializer) this.visit(node.initializer, env);
      this.declare(node, env);
      return;
    }
    if (ts.isForOfStatement(node)) {
      this.visit(node.expression, env);
      const from = this.taint(node.expression, env);
      if (ts.isVariableDeclarationList(node.initializer)) {
        for (const d of node.initializer.declarations) {
          if (ts.isIdentifier(d.name)) env.bind(d.name.text, from ?? this.valueSource(d.name, undefined, env));
          else this.bindPattern(d.name, undefined, env, from);
        }
      } else if (ts.isIdentifier(node.initializer) && from) env.bind(node.initializer.text, from);
      this.visit(node.statement, env);
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      this.visit(node.right, env);
      this.assign(node.left, node.right, env);
      return;
    }
    if (ts.isCallExpression(node)) {
      const route = this.isPatientRoute(node);
      this.visit(node.expression, env);
      if (!this.visitPipe(node, env)) {
        this.presetCallback(node, env);
        for (const a of node.arguments) this.visit(a, env, route);
      }
      this.checkCall(node, env);
      return;
    }
    ts.forEachChild(node, (c) => this.visit(c, env));
  }

  /** A class: its typed fields (`patients!: Table<Patient>`) are `this.patients` in its methods. */
  private visitClass(node: ts.ClassLikeDeclaration, env: Env): void {
    const inner = new Env(env);
    const base = node.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(this.sf))) ?? [];
    if (node.name && base.some((b) => /(?:^|\.)Dexie$/.test(b))) this.dexieClasses.add(node.name.text);
    for (const m of node.members) {
      if (ts.isPropertyDeclaration(m) && m.type && m.name && ts.isIdentifier(m.name)) {
        const typed = this.typedSource(m.type, m.name);
        if (typed) inner.bind(`this.${m.name.text}`, typed);
      }
    }
    ts.forEachChild(node, (c) => this.visit(c, inner));
  }

  /**
   * Callbacks given a value: `.then(cb)`, `.subscribe(cb)` and `.catch`-less promise chains, array methods
   * (`rows.forEach(r => …)`): the callback's first parameter takes the source of what it is called on.
   */
  private presetCallback(call: ts.CallExpression, env: Env): void {
    const method = lastName(call.expression);
    if (!method || !ts.isPropertyAccessExpression(call.expression)) return;
    if (method !== 'then' && method !== 'subscribe' && !ELEMENT_CALLBACK.test(method)) return;
    const fn = call.arguments[0];
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return;
    if (method === 'then' && isCacheOpen(call.expression.expression, this.sf)) this.cacheCallbacks.add(fn);
    const from = this.taint(call.expression.expression, env);
    if (from) this.presetParams.set(fn, from);
  }

  /**
   * `source$.pipe(map(…), tap(…))`: each operator's callback receives the value the previous one gave, and the
   * pipe's result is the last value. True when the call was such a pipe (its arguments are then visited).
   */
  private visitPipe(call: ts.CallExpression, env: Env): boolean {
    if (lastName(call.expression) !== 'pipe' || !ts.isPropertyAccessExpression(call.expression)) return false;
    let current: FlowSource | undefined = this.taint(call.expression.expression, env);
    for (const a of call.arguments) {
      const op = ts.isCallExpression(a) ? lastName(a.expression) : undefined;
      const fn = ts.isCallExpression(a) ? a.arguments[0] : undefined;
      const isFn = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn));
      if (isFn && current && op && (RX_MAPPING.test(op) || RX_PASSING.test(op))) this.presetParams.set(fn, current);
      this.visit(a, env);
      if (op && RX_MAPPING.test(op)) current = isFn ? this.returnTaint(fn as ts.FunctionLikeDeclaration) : undefined;
      else if (!op || !RX_PASSING.test(op)) current = undefined;
    }
    this.callResults.set(call, current ?? null);
    return true;
  }

  /** The source of what a function returns, evaluated in its environment (after it was visited). */
  private returnTaint(fn: ts.FunctionLikeDeclaration): FlowSource | undefined {
    const fnEnv = this.fnEnvs.get(fn);
    if (!fnEnv || !fn.body) return undefined;
    if (!ts.isBlock(fn.body)) return this.taint(fn.body, fnEnv);
    let found: FlowSource | undefined;
    const walk = (n: ts.Node): void => {
      if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression) found = this.taint(n.expression, fnEnv);
      else ts.forEachChild(n, walk);
    };
    ts.forEachChild(fn.body, walk);
    return found;
  }

  // ---------- sources ----------

  private src(node: ts.Node, label: string): FlowSource {
    return { start: node.getStart(this.sf), end: node.getEnd(), label };
  }

  /**
   * A declared type naming a record about a patient: a FHIR resource (`p: Patient`, `Observation[]`,
   * `Bundle<Condition>`, `fhir4.Encounter | null`) or a type named after health data (`PatientEntity`,
   * `Repository<PatientEntity>`), not an id, a service, props or options (`PatientId`, `PatientService`).
   */
  private typedSource(type: ts.TypeNode, at: ts.Node): FlowSource | undefined {
    // `errors: FieldErrors<PatientForm>`, `patientCount: number`: the name says what it holds about the data,
    // unless the type is a way to the data (`repo: Repository<Patient>`).
    if (ts.isIdentifier(at) && isOpaqueName(at.text) && !(ts.isTypeReferenceNode(type) && DATA_ACCESS.test(type.typeName.getText(this.sf)))) return undefined;
    const name = this.healthType(type);
    return name ? this.src(at, `\`${at.getText(this.sf).slice(0, 40)}\` of type ${name}`) : undefined;
  }

  /** The health-data source an expression's value carries, if any. */
  taint(e: ts.Expression, env: Env): FlowSource | undefined {
    if (this.host) {
      const given = this.host(e, this.sf);
      if (given !== undefined) return given ?? undefined;
    }
    if (ts.isIdentifier(e)) {
      const bound = env.lookup(e.text);
      if (bound !== undefined) return bound ?? undefined;
      return healthWordOf(e.text) ? this.src(e, `\`${e.text}\``) : undefined;
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isPropertyAccessExpression(e)) {
        const member = env.lookup(`this.${e.name.text}`);
        if (member) return member;
      }
      const name = ts.isPropertyAccessExpression(e) ? e.name.text : literalText(e.argumentExpression);
      if (name !== undefined && isOpaqueName(name)) return undefined;
      const root = rootIdentifier(e);
      if (root && env.is('request', root) && chainNames(e).some((n) => REQUEST_DATA.has(n))) return this.src(e, `\`${this.namesOf(e)}\` of a patient route`);
      if (name !== undefined && healthWordOf(name)) return this.src(e, `\`${this.namesOf(e)}\``);
      return this.taint(e.expression, env);
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return this.callTaint(e, env);
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) {
      // `null as Encounter | null`, `<Patient>JSON.parse(text)`: the code says what the value is.
      return this.taint(e.expression, env) ?? this.typedSource(e.type, e);
    }
    if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isSpreadElement(e)) {
      return this.taint(e.expression, env);
    }
    if (ts.isTemplateExpression(e)) return firstOf(e.templateSpans.map((s) => () => this.taint(s.expression, env)));
    if (ts.isTaggedTemplateExpression(e)) {
      const tag = calleeText(e.tag, this.sf);
      if (SQL_TAG.test(tag)) return this.querySource(e, this.text(e.template));
      return ts.isTemplateExpression(e.template) ? this.taint(e.template, env) : undefined;
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.CommaToken) {
        return this.taint(e.left, env) ?? this.taint(e.right, env);
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return this.taint(e.right, env);
      return undefined;
    }
    if (ts.isConditionalExpression(e)) return this.taint(e.whenTrue, env) ?? this.taint(e.whenFalse, env);
    if (ts.isStringLiteralLike(e)) return this.literalSource?.(e.getStart(this.sf), e.getEnd());
    if (ts.isArrayLiteralExpression(e)) return firstOf(e.elements.map((x) => () => this.taint(x, env)));
    if (ts.isObjectLiteralExpression(e)) return this.objectTaint(e, env);
    return undefined;
  }

  private objectTaint(e: ts.ObjectLiteralExpression, env: Env): FlowSource | undefined {
    const type = resourceTypeOf(e);
    if (type && HEALTH_RESOURCE_TYPES.has(type)) return this.src(e, `a FHIR ${type} resource`);
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) {
        const t = this.taint(p.expression, env);
        if (t) return t;
        continue;
      }
      const key = p.name && propertyName(p.name);
      if (key !== undefined && isOpaqueName(key)) continue;
      if (ts.isShorthandPropertyAssignment(p)) {
        const t = this.taint(p.name, env);
        if (t) return t;
      } else if (ts.isPropertyAssignment(p)) {
        const t = this.taint(p.initializer, env);
        if (t) return t;
        if (key !== undefined && healthWordOf(key) && carriesValue(p.initializer, env)) return this.src(p, `\`${key}\``);
      }
    }
    return undefined;
  }

  private callTaint(e: ts.CallExpression | ts.NewExpression, env: Env): FlowSource | undefined {
    const known = this.callResults.get(e);
    if (known !== undefined) return known ?? undefined;
    const callee = calleeText(e.expression, this.sf);
    const method = lastName(e.expression);
    if (SANITIZER.test(callee)) return undefined;
    const args = e.arguments ?? [];
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      const fn = args[0];
      const callback = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn : undefined;
      // `.then(r => r.json())`, `.map(p => p.name)`: what the callback returns.
      if ((method === 'then' || method === 'map' || method === 'flatMap') && callback && this.fnEnvs.has(callback)) return this.remember(e, this.returnTaint(callback));
      // A promise that failed gives nothing; one that did not still gives its value.
      if (method === 'catch' || method === 'finally') return this.taint(e.expression.expression, env);
    }
    // `pool.query('SELECT … FROM patients')`: before the name test, which takes `query` for a handle.
    if (ts.isCallExpression(e) && method && SQL_CALL.test(method) && args[0]) {
      const q = this.querySource(e, this.text(args[0]));
      if (q) return q;
    }
    // A function or method of this file declared to return health data: `loadReports(id): Promise<DiagnosticReport[]>`.
    const declared = method && (ts.isIdentifier(e.expression) || (ts.isPropertyAccessExpression(e.expression) && e.expression.expression.kind === ts.SyntaxKind.ThisKeyword)) ? this.declaredReturn(method) : undefined;
    if (declared) return this.src(e, `a ${declared} from \`${method}()\``);
    // A stored table as a query builder starts it: `knex('patients').where(…)`, `db.from('admissions')`.
    const named = args[0] && (ts.isStringLiteralLike(args[0]) ? args[0].text : ts.isIdentifier(args[0]) && method && /^get/.test(method) ? args[0].text : undefined);
    const table = ts.isCallExpression(e) && named && (QUERY_BUILDER.test(callee) || (method !== undefined && TABLE_METHOD.test(method))) ? named : undefined;
    if (table && healthWordOf(table.split('.').pop()!)) return this.src(e, `rows of the \`${table.slice(0, 40)}\` table`);
    if (method && BUILDER_RESULT.test(method)) return undefined;
    // Data-fetching hooks give what their fetcher returns: `useQuery({ queryFn })`, `useSWR(key, fetcher)`.
    if (ts.isCallExpression(e) && method && DATA_HOOK.test(method)) {
      const fetched = firstOf(args.map((a) => () => this.fetcherTaint(a, env)));
      if (fetched) return fetched;
    }
    // Before the name test, which takes `findById` for an id.
    // In a handler of a patient route, what is looked up by the route's parameters is the patient's record:
    // `await patientService.get(req.params.id)`, `repo.findOne({ where: { id: req.params.id } })`.
    if (ts.isCallExpression(e) && method && LOOKUP.test(method) && args.some((a) => this.readsRequest(a, env))) {
      return this.src(e, `a record looked up by \`${method}()\` in a patient route`);
    }
    if (method && !PASSTHROUGH.test(method) && (OPAQUE_METHODS.test(method) || isOpaqueName(method))) return undefined;
    if (ts.isCallExpression(e) && e.typeArguments) {
      // `http.get<Patient>(…)`, `axios.get<Observation[]>(…)`, `useQuery<Encounter>(…)`: the code says what comes back.
      for (const t of e.typeArguments) {
        const name = this.healthType(t);
        if (name) return this.src(e, `a ${name} from \`${callee.slice(0, 40)}()\``);
      }
    }
    if (ts.isCallExpression(e) && method && FHIR_READ.test(method)) {
      for (const a of args) {
        const type = ts.isObjectLiteralExpression(a) ? resourceTypeOf(a) : this.text(a) && resourceTypeInText(this.text(a)!);
        if (type && HEALTH_RESOURCE_TYPES.has(type)) return this.src(e, `a FHIR ${type} read`);
      }
      const url = args[0] && this.text(args[0]);
      if (url && isHealthRoute(url)) return this.src(e, `a response from \`${url.replace(/\?.*$/, '').slice(0, 50)}\``);
    }
    if (ts.isCallExpression(e) && KEYED_READ.test(callee) && args[0]) {
      const key = literalText(args[0]);
      if (key && healthWordOf(key)) return this.src(e, `the \`${key}\` entry`);
    }
    if (method && healthWordOf(method) && ts.isCallExpression(e)) return this.src(e, `\`${method}()\``);
    if (ts.isPropertyAccessExpression(e.expression) && !/^(?:JSON|Object|Array|String|Promise|Buffer)$/.test(e.expression.expression.getText(this.sf))) {
      const recv = this.taint(e.expression.expression, env);
      if (recv) return recv;
    }
    // What a call returns carries its arguments (`toCsv(rows)`, `format(p)`), unless the call sends them
    // somewhere and returns an acknowledgement or a response (`send(event)`, `publish(msg)`).
    if (method && SENDING.test(method)) return undefined;
    return firstOf(args.map((a) => () => this.taint(a, env)));
  }

  /** Whether an expression reads the parameters, query or body of the request of a patient route. */
  private readsRequest(e: ts.Node, env: Env): boolean {
    if ((ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && !ts.isFunctionLike(e)) {
      const root = rootIdentifier(e);
      if (root && env.is('request', root) && chainNames(e).some((n) => REQUEST_DATA.has(n))) return true;
    }
    if (ts.isFunctionLike(e)) return false;
    return ts.forEachChild(e, (c) => (this.readsRequest(c, env) ? true : undefined)) ?? false;
  }

  /** What a data hook's fetcher gives: a function's return, a declared function, `{ queryFn }`. */
  private fetcherTaint(a: ts.Expression, env: Env): FlowSource | undefined {
    if ((ts.isArrowFunction(a) || ts.isFunctionExpression(a)) && this.fnEnvs.has(a)) return this.returnTaint(a);
    if (ts.isIdentifier(a)) {
      const declared = this.declaredReturn(a.text);
      return declared ? this.src(a, `a ${declared} from \`${a.text}()\``) : undefined;
    }
    if (ts.isObjectLiteralExpression(a)) {
      const fn = a.properties.find((p) => p.name && propertyName(p.name) === 'queryFn');
      if (fn && ts.isPropertyAssignment(fn)) return this.fetcherTaint(fn.initializer, env);
    }
    return undefined;
  }

  private remember(call: ts.Node, source: FlowSource | undefined): FlowSource | undefined {
    this.callResults.set(call, source ?? null);
    return source;
  }

  /** Rows of a SELECT of a patient table or of person and health columns (not of counts and sums). */
  private querySource(at: ts.Node, sql: string | undefined): FlowSource | undefined {
    const what = sql && selectSource(sql);
    return what ? this.src(at, `rows of a SELECT of ${what}`) : undefined;
  }

  /** The names of a property chain, without call arguments or literal values: `req.body.patient`. */
  private namesOf(e: ts.Expression): string {
    const names = chainNames(e);
    return names.join('.').slice(0, 60);
  }

  // ---------- bindings ----------

  private declare(d: ts.VariableDeclaration, env: Env): void {
    if (ts.isIdentifier(d.name)) {
      if (d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) {
        const text = this.text(d.initializer);
        if (text !== undefined) this.consts.set(d.name.text, text);
      }
      if (d.initializer && this.isDebugLogger(d.initializer)) env.mark('logger', d.name.text);
      if (d.initializer && isCacheOpen(d.initializer, this.sf)) env.mark('cache', d.name.text);
      if (d.initializer && ts.isNewExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && this.kvClasses.has(d.initializer.expression.text)) {
        // Encrypted when given a key: `new MMKV({ encryptionKey })`, `new Store({ encryptionKey })`.
        if (!d.initializer.arguments?.some((a) => /\bencryptionKey\b/.test(a.getText(this.sf)))) env.mark('kv', d.name.text);
      }
      const typed = d.type && this.typedSource(d.type, d.name);
      if (d.initializer && isWriteStream(d.initializer)) env.streams.set(d.name.text, (d.initializer as ts.CallExpression).arguments[0]);
      if (d.initializer && this.isIdbHandle(d.initializer, env)) env.mark('idb', d.name.text);
      env.bind(d.name.text, typed ?? this.valueSource(d.name, d.initializer, env));
      return;
    }
    this.bindPattern(d.name, d.initializer, env);
  }

  /** `createDebug('app:x')` (the `debug` package's factory), `require('debug')('app:x')`, `debug.extend('x')`. */
  private isDebugLogger(e: ts.Expression): boolean {
    if (!ts.isCallExpression(e)) return false;
    const callee = e.expression;
    if (ts.isIdentifier(callee)) return this.debugFactories.has(callee.text);
    if (ts.isCallExpression(callee)) return /^require\(\s*['"]debug['"]\s*\)$/.test(callee.getText(this.sf));
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'extend' && ts.isIdentifier(callee.expression) && this.debugFactories.has(callee.expression.text);
  }

  /**
   * An IndexedDB database, open request, transaction or object store: `openDB(…)` (idb), `indexedDB.open(…)`,
   * `new Dexie(…)` or a Dexie subclass, `db.transaction(…)`, `tx.objectStore(…)`, `await dbPromise`.
   */
  private isIdbHandle(e: ts.Expression, env: Env): boolean {
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (ts.isIdentifier(e)) return env.is('idb', e.text);
    if (ts.isPropertyAccessExpression(e)) return e.name.text === 'result' && ts.isIdentifier(e.expression) && env.is('idb', e.expression.text);
    if (ts.isNewExpression(e)) {
      const cls = e.expression.getText(this.sf);
      return /(?:^|\.)Dexie$/.test(cls) || this.dexieClasses.has(cls);
    }
    if (!ts.isCallExpression(e)) return false;
    const callee = calleeText(e.expression, this.sf);
    if (/(?:^|\.)(?:openDB|openDb)$/.test(callee) || /^(?:window\.)?indexedDB\.open$/.test(callee)) return true;
    const method = lastName(e.expression);
    const root = rootIdentifier(e.expression);
    return (method === 'transaction' || method === 'objectStore') && root !== undefined && (env.is('idb', root) || /^(?:db|idb|database|tx|transaction)$/i.test(root));
  }

  /**
   * What a name holds once given a value: the value's source; else, when the name itself says health data and
   * the value was not protected on the way (`const patients = await repo.findAll()`), the name; else clean.
   */
  private valueSource(name: ts.Identifier, value: ts.Expression | undefined, env: Env): Binding {
    const t = value && this.taint(value, env);
    if (t) return t;
    if (!healthWordOf(name.text) || (value && (isProtected(value, this.sf) || ts.isLiteralExpression(value)))) return null;
    return this.src(name, `\`${name.text}\``);
  }

  /**
   * Destructuring: each name takes the source of what it is taken from (`given` when the value is not an
   * expression here: a callback's argument, a loop's element), unless the name is opaque.
   */
  private bindPattern(pattern: ts.BindingName, init: ts.Expression | undefined, env: Env, given?: FlowSource): void {
    const from = init ? this.taint(init, env) : given;
    const visitName = (name: ts.BindingName, key?: string): void => {
      if (ts.isIdentifier(name)) {
        const opaque = isOpaqueName(name.text) || (key !== undefined && isOpaqueName(key));
        env.bind(name.text, opaque ? null : from ?? (healthWordOf(name.text) || (key && healthWordOf(key)) ? this.src(name, `\`${key ?? name.text}\``) : null));
        return;
      }
      for (const el of name.elements) {
        if (ts.isOmittedExpression(el)) continue;
        const k = el.propertyName ? propertyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
        visitName(el.name, ts.isObjectBindingPattern(name) ? k : undefined);
      }
    };
    visitName(pattern);
  }

  private assign(left: ts.Expression, right: ts.Expression, env: Env): void {
    const t = this.taint(right, env);
    if (ts.isIdentifier(left)) {
      if (this.isIdbHandle(right, env)) env.mark('idb', left.text);
      env.bind(left.text, this.valueSource(left, right, env));
      return;
    }
    if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(right) && !t) {
      // `this.prescriptions = list`, the member typed `MedicationRequest[]`: the code says what `list` holds.
      const member = env.lookup(`this.${left.name.text}`);
      if (member) env.bind(right.text, this.src(right, `\`${right.text}\`, stored in ${member.label}`));
    }
    if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) {
      const target = calleeText(left.expression, this.sf);
      const key = ts.isPropertyAccessExpression(left) ? left.name.text : literalText(left.argumentExpression);
      if (/^(?:window\.)?(?:localStorage|sessionStorage)$/.test(target)) {
        const source = t ?? (key && healthWordOf(key) ? this.src(left, `the \`${key}\` key`) : undefined);
        if (source) this.report('client-storage', left, `${target}[…] =`, source);
      } else if (/^(?:window\.)?document$/.test(target) && key === 'cookie' && t) {
        this.report('cookie', left, 'document.cookie', t);
      } else {
        const put = t ?? (key && healthWordOf(key) && carriesValue(right, env) ? this.src(left, `\`${key}\``) : undefined);
        const root = rootIdentifier(left);
        // Putting health data into an object makes the object carry it (`record.diagnosis = d`).
        if (put && root && root !== 'this' && env.lookup(root) == null) env.bind(root, put);
      }
    }
  }

  // ---------- sinks ----------

  private isPatientRoute(call: ts.CallExpression): boolean {
    const method = lastName(call.expression);
    if (!method || !ROUTE_METHOD.test(method) || !ts.isPropertyAccessExpression(call.expression)) return false;
    const first = call.arguments[0];
    const path = first && this.text(first);
    return Boolean(path && path.startsWith('/') && path.split(/[/:{}?&=.-]+/).some((seg) => seg && healthWordOf(seg)));
  }

  private checkCall(call: ts.CallExpression, env: Env): void {
    const callee = calleeText(call.expression, this.sf);
    const args = call.arguments;
    const anyArg = (from = 0) => firstOf(args.slice(from).map((a) => () => this.taint(a, env)));
    const keyed = (keyIdx: number, valueIdx: number) => {
      if (args.some((a) => isProtected(a, this.sf))) return undefined;
      if (args[valueIdx] && !carriesValue(args[valueIdx], env)) return undefined;
      const key = args[keyIdx] && literalText(args[keyIdx]);
      return key && healthWordOf(key) ? this.src(args[keyIdx], `the \`${key}\` key`) : undefined;
    };
    let m: RegExpExecArray | null;

    if (
      /^(?:console|_?logger|_?log|winston|pino|bunyan|consola|signale|(?:\w+\.)*(?:logger|log))\.(?:log|info|warn|warning|error|debug|trace|fatal|verbose|silly|dir|table|notice|critical|http|child)$/i.test(callee) ||
      /^(?:java\.lang\.)?System\.(?:out|err)\.print(?:ln)?$/.test(callee) ||
      /^process\.(?:stdout|stderr)\.write$/.test(callee) ||
      (ts.isIdentifier(call.expression) && env.is('logger', call.expression.text))
    ) {
      const s = anyArg();
      if (s) this.report('log', call.expression, callee, s);
      return;
    }
    if ((m = /^(?:window\.)?(localStorage|sessionStorage|AsyncStorage|localforage)\.(setItem|mergeItem|multiSet|multiMerge)$/.exec(callee))) {
      const s = (m[2].startsWith('multi') ? anyArg() : this.taint(args[1] ?? args[0], env)) ?? keyed(0, 1);
      if (s) this.report('client-storage', call.expression, callee, s);
      return;
    }
    // Capacitor Preferences (and its predecessor Storage): plain files and UserDefaults on the device.
    if (/^(?:Preferences|Storage)\.set$/.test(callee) && args[0] && ts.isObjectLiteralExpression(args[0]) && prop(args[0], 'key') && prop(args[0], 'value')) {
      const keyNode = valueOf(prop(args[0], 'key'));
      const key = keyNode && literalText(keyNode);
      const s = this.taint(valueOf(prop(args[0], 'value'))!, env) ?? (key && healthWordOf(key) ? this.src(keyNode!, `the \`${key}\` key`) : undefined);
      if (s) this.report('client-storage', call.expression, callee, s);
      return;
    }
    if ((m = /^(\w+)\.set$/.exec(callee)) && env.is('kv', m[1])) {
      const s = this.taint(args[1] ?? args[0], env) ?? keyed(0, 1);
      if (s) this.report('client-storage', call.expression, callee, s);
      return;
    }
    // The Cache API of service workers: `cache.put(request, new Response(…))`, `cache.addAll(['/api/patients/…'])`.
    if ((m = /^(\w+)\.(put|add|addAll)$/.exec(callee)) && env.is('cache', m[1])) {
      const route = args.map((a) => this.text(a) ?? (ts.isArrayLiteralExpression(a) ? a.elements.map((x) => this.text(x) ?? '').join(' ') : '')).flatMap((t) => t.split(' ')).find(isHealthRoute);
      const s = (m[2] === 'put' ? anyArg(1) : undefined) ?? (route ? this.src(call, `the response of \`${route.slice(0, 50)}\``) : undefined);
      if (s) this.report('client-storage', call.expression, `Cache API ${m[2]}`, s);
      return;
    }
    // Workbox caching the responses of a patient route in Cache Storage.
    if (/(?:^|\.)registerRoute$/.test(callee) && args[0] && args[1] && ts.isNewExpression(args[1]) && /(?:^|\.)(?:CacheFirst|NetworkFirst|StaleWhileRevalidate|CacheOnly)$/.test(args[1].expression.getText(this.sf))) {
      const route = routesIn(args[0], this.sf).find(isHealthRoute);
      if (route) this.report('client-storage', call.expression, `workbox ${args[1].expression.getText(this.sf)}`, this.src(args[0], `the responses of \`${route.slice(0, 50)}\``));
      return;
    }
    if ((m = /\.(put|add|bulkPut|bulkAdd)$/.exec(callee)) && this.isIdbWrite(call.expression, callee, env)) {
      const s = anyArg();
      if (s) this.report('client-storage', call.expression, `IndexedDB ${m[1]}`, s);
      return;
    }
    if (/^(?:Cookies|cookies|res|response|reply|ctx\.cookies|\w+\.cookies)\.(?:set|cookie|setCookie)$/.test(callee) && args.length >= 2) {
      this.cookie(call, callee, this.taint(args[1], env) ?? keyed(0, 1));
      return;
    }
    if ((m = /^(?:(?:fs|fse|fsp|fsExtra|fs\.promises|promises|(?:\w+\.)?fs)\.)?(writeFile|writeFileSync|appendFile|appendFileSync|outputFile|outputFileSync|writeJson|writeJsonSync|writeJSON|outputJson|outputJsonSync)$/.exec(callee))) {
      const s = this.taint(args[1] ?? args[0], env);
      if (s) this.file(call, callee, args[0], args[2], s);
      return;
    }
    if ((m = /^(\w+)\.(write|end)$/.exec(callee)) && env.stream(m[1])) {
      const s = anyArg();
      if (s) this.file(call, callee, env.stream(m[1])!.path, undefined, s);
      return;
    }
    // `stringify(rows).pipe(out)`, `csvStream.pipe(out)`: whatever flows into a file's write stream.
    if (/\.pipe$/.test(callee) && args[0] && ts.isIdentifier(args[0]) && env.stream(args[0].text) && ts.isPropertyAccessExpression(call.expression)) {
      const s = this.taint(call.expression.expression, env);
      if (s) this.file(call, callee, env.stream(args[0].text)!.path, undefined, s);
      return;
    }
    // Mirth Connect's file API in channel scripts: FileUtil.write(path, append, data); files of React Native
    // apps (expo-file-system, react-native-fs), readable in backups and on rooted devices.
    if (/^(?:FileUtil\.(?:write|writeFile)|FileSystem\.writeAsStringAsync|RNFS\.(?:writeFile|appendFile))$/.test(callee)) {
      const s = anyArg();
      if (s) this.file(call, callee, args[0], undefined, s);
      return;
    }
    // A Set-Cookie header written by hand (`res.setHeader('Set-Cookie', …)`), which says its own attributes.
    if (/(?:^|\.)(?:setHeader|header|set|append)$/.test(callee) && args[0] && /^set-cookie$/i.test(literalText(args[0]) ?? '') && args[1]) {
      const s = this.taint(args[1], env);
      const attributes = this.text(args[1]) ?? '';
      const missing = [/;\s*secure\b/i.test(attributes) ? '' : 'Secure', /;\s*httponly\b/i.test(attributes) ? '' : 'HttpOnly'].filter(Boolean);
      if (s && missing.length) this.report('cookie', call.expression, `${callee}('Set-Cookie')`, s, `without ${missing.join(' and ')}`);
      return;
    }
    if (/(?:^|\.)(?:defineStore|persistReducer|localStorageSync|createPersistedState)$/.test(callee) || (callee === 'persist' && args.length === 2 && ts.isObjectLiteralExpression(args[1]))) {
      this.persistedStore(call, callee, env);
      return;
    }
    if (
      /^(?:Sentry|Bugsnag|LogRocket|newrelic)\.(?:captureMessage|captureException|captureEvent|setUser|setContext|setExtra|setExtras|setTag|setTags|addBreadcrumb|notify|leaveBreadcrumb|identify|track|addPageAction|setCustomAttribute)$/.test(callee) ||
      /^(?:mixpanel|analytics|segment|rudderanalytics|amplitude|posthog|heap|datadogRum|DD_RUM|window\.analytics|window\.dataLayer|dataLayer|mixpanel\.people)\.(?:track|identify|page|group|register|register_once|alias|set|set_once|capture|logEvent|setUserProperties|addUserProperties|addAction|addError|setUser|setUserProperty|setGlobalContext|setGlobalContextProperty|push)$/.test(callee) ||
      /^(?:gtag|ga|logEvent|setUserProperties|(?:\w+\.)?analytics\(\)\.logEvent|(?:\w+\.)?crashlytics\(\)\.(?:log|setAttribute|setAttributes))$/.test(callee) ||
      // Intercom, FullStory, Hotjar, Clarity, Amplitude's instance API
      /^(?:window\.)?(?:Intercom|hj|clarity)$|^(?:window\.)?(?:FS|FullStory)\.(?:identify|setUserVars|event|setProperties)$|\.getInstance\(\)\.(?:logEvent|setUserProperties|setUserId)$/.test(callee)
    ) {
      const s = anyArg();
      if (s) this.report('analytics', call.expression, callee, s);
      return;
    }
    if (/(?:^|\.)(?:dbx|dropbox|Dropbox)\.(?:filesUpload|filesUploadSessionStart|filesUploadSessionAppendV2)$/.test(callee) || /(?:^|\.)drive\.files\.(?:create|update)$/.test(callee)) {
      const s = anyArg();
      if (s) this.report('external-share', call.expression, callee, s, 'a consumer file-sharing service');
      return;
    }
    if (/^(?:fetch|axios|axios\.(?:post|put|patch)|got\.(?:post|put)|superagent\.(?:post|put)|request\.(?:post|put)|ky\.(?:post|put)|\$\.post)$/.test(callee) && args[0]) {
      const url = this.text(args[0]);
      if (url && SHARING_HOST.test(url)) {
        const s = anyArg(1);
        if (s) this.report('external-share', call.expression, callee, s, `${SHARING_HOST.exec(url)![0]}`);
      }
    }
  }

  /**
   * `put`/`add`/`bulkPut`/`bulkAdd` on IndexedDB: on a handle bound in this file, on an object store
   * (`tx.objectStore('x').put`), or on a Dexie table of a database named as one (`clinicDb.patients.bulkPut`).
   */
  private isIdbWrite(callee: ts.Expression, text: string, env: Env): boolean {
    const root = rootIdentifier(callee);
    if (root && root !== 'this' && env.is('idb', root)) return true;
    // `(await openDB('np', 1)).put(…)`, `(await dbPromise).add(…)`: a handle opened in place.
    if (ts.isPropertyAccessExpression(callee) && this.isIdbHandle(callee.expression, env)) return true;
    return /(?:objectStore\([^)]*\)|\bstore|\bdb|\bidb|indexedDB)\.\w+$/i.test(text) || /^(?:this\.)?\w*(?:db|Db|DB)\.\w+\.\w+$/.test(text);
  }

  /**
   * A state store persisted to web storage: a Pinia store with `persist` (pinia-plugin-persistedstate) whose
   * persisted state holds health data, a redux-persist `persistReducer` whose whitelisted slices (or whole
   * reducer) are named after health data, unless the storage or a transform encrypts.
   */
  private persistedStore(call: ts.CallExpression, callee: string, env: Env): void {
    const secureStorage = (e: ts.Expression | undefined) => e !== undefined && (SANITIZER.test(e.getText(this.sf)) || /secure|keychain/i.test(e.getText(this.sf)));

    if (callee === 'persist') {
      this.zustandStore(call, env, secureStorage);
      return;
    }
    // ngrx-store-localstorage `localStorageSync({ keys })`, vuex-persistedstate `createPersistedState({ paths })`:
    // the slices they keep, by name.
    if (/(?:^|\.)(?:localStorageSync|createPersistedState)$/.test(callee)) {
      const config = objectArg(call.arguments[0]);
      if (secureStorage(valueOf(prop(config, 'storage'))) || secureStorage(valueOf(prop(config, 'storageKeySerializer')))) return;
      const listed = valueOf(prop(config, 'keys')) ?? valueOf(prop(config, 'paths'));
      const slice = [...(names(listed) ?? []), ...(objectKeys(listed) ?? [])].find((n) => healthWordOf(n));
      if (slice) this.report('client-storage', call.expression, callee, this.src(listed!, `the \`${slice}\` state`));
      return;
    }
    if (/defineStore$/.test(callee)) {
      const id = args0Text(call);
      const options = objectArg(call.arguments[1]) ?? objectArg(call.arguments[2]);
      const persist = prop(options, 'persist');
      const setting = valueOf(persist);
      if (!persist || !setting || setting.kind === ts.SyntaxKind.FalseKeyword) return;
      const config = objectArg(setting);
      if (secureStorage(valueOf(prop(config, 'storage'))) || secureStorage(valueOf(prop(config, 'serializer')))) return;
      const picked = names(valueOf(prop(config, 'pick')) ?? valueOf(prop(config, 'paths')));
      const state = valueOf(prop(objectArg(call.arguments[1]), 'state'));
      const stateObject = state && (ts.isArrowFunction(state) || ts.isFunctionExpression(state)) ? returnedObject(state) : undefined;
      let source: FlowSource | undefined;
      for (const p of stateObject?.properties ?? []) {
        const key = p.name && propertyName(p.name);
        if (!key || (picked && !picked.includes(key.split('.')[0])) || isOpaqueName(key)) continue;
        const value = ts.isPropertyAssignment(p) ? p.initializer : undefined;
        source = (value && this.taint(value, env)) ?? (healthWordOf(key) ? this.src(p, `the \`${key}\` state`) : undefined);
        if (source) break;
      }
      if (!source && !picked && id && healthWordOf(id)) source = this.src(call.arguments[0], `the \`${id}\` store`);
      if (source) this.report('client-storage', persist, `Pinia persist (${id ?? 'store'})`, source);
      return;
    }
    const config = objectArg(call.arguments[0]);
    if (!config) return;
    const transforms = valueOf(prop(config, 'transforms'));
    if (secureStorage(valueOf(prop(config, 'storage'))) || (transforms && SANITIZER.test(transforms.getText(this.sf)))) return;
    const whitelist = valueOf(prop(config, 'whitelist'));
    const listed = names(whitelist);
    const keyNode = valueOf(prop(config, 'key'));
    const key = keyNode && literalText(keyNode);
    let source: FlowSource | undefined;
    if (listed) {
      const slice = listed.find((n) => healthWordOf(n));
      if (slice) source = this.src(whitelist!, `the \`${slice}\` slice`);
    } else {
      const reducer = call.arguments[1];
      if (key && healthWordOf(key)) source = this.src(call.arguments[0], `the \`${key}\` state`);
      else if (reducer && ts.isIdentifier(reducer) && healthWordOf(reducer.text)) source = this.src(reducer, `\`${reducer.text}\``);
    }
    if (source) this.report('client-storage', call.expression, 'redux-persist persistReducer', source);
  }

  /**
   * zustand's `persist(creator, { name, storage, partialize })` keeps the store in localStorage unless told
   * otherwise: reported when the state it keeps holds health data, by its keys and values or by the store's
   * declared type (`create<IntakeState>()(persist(…))`).
   */
  private zustandStore(call: ts.CallExpression, env: Env, secureStorage: (e: ts.Expression | undefined) => boolean): void {
    const options = objectArg(call.arguments[1]);
    if (!prop(options, 'name') || secureStorage(valueOf(prop(options, 'storage')))) return;
    const creator = call.arguments[0];
    const state = creator && (ts.isArrowFunction(creator) || ts.isFunctionExpression(creator)) ? returnedObject(creator) : undefined;
    const partial = valueOf(prop(options, 'partialize'));
    const kept = partial && (ts.isArrowFunction(partial) || ts.isFunctionExpression(partial)) ? returnedObject(partial) : undefined;
    let source: FlowSource | undefined;
    for (const p of (kept ?? state)?.properties ?? []) {
      const key = p.name && propertyName(p.name);
      if (!key || isOpaqueName(key) || (ts.isPropertyAssignment(p) && (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer)))) continue;
      source = (ts.isPropertyAssignment(p) && !kept ? this.taint(p.initializer, env) : undefined) ?? (healthWordOf(key) ? this.src(p, `the \`${key}\` state`) : undefined);
      if (source) break;
    }
    // The store's type: `create<IntakeState>()(persist(…))` or `persist<IntakeState>(…)`.
    const outer = call.parent && ts.isCallExpression(call.parent) && ts.isCallExpression(call.parent.expression) ? call.parent.expression : undefined;
    const typeArgs = call.typeArguments ?? outer?.typeArguments;
    if (!source && !kept && typeArgs?.length) {
      const name = this.healthType(typeArgs[0]);
      if (name) source = this.src(typeArgs[0], `a store of type ${name}`);
    }
    const storeName = valueOf(prop(options, 'name'));
    if (source) this.report('client-storage', call.expression, `zustand persist (${(storeName && literalText(storeName)) ?? 'store'})`, source);
  }

  private file(call: ts.CallExpression, callee: string, pathArg: ts.Expression | undefined, options: ts.Expression | undefined, source: FlowSource): void {
    const path = pathArg && this.text(pathArg);
    const mode = options && ts.isObjectLiteralExpression(options) ? numericProperty(options, 'mode') : undefined;
    const worldReadable = mode !== undefined && (mode & 0o004) !== 0;
    const detail = path && REMOVABLE_OR_SYNCED.test(path) ? 'removable media or a synced personal folder' : path && SHARED_TMP.test(path) ? 'a shared temporary folder' : worldReadable ? 'a world-readable file mode' : undefined;
    this.report('file', call.expression, callee, source, detail);
  }

  /** A cookie holding health data without both `secure` and `httpOnly` set; the fix sets them. */
  private cookie(call: ts.CallExpression, callee: string, source: FlowSource | undefined): void {
    if (!source) return;
    const jsCookie = /^Cookies\./.test(callee);
    const wanted = jsCookie ? ['secure'] : ['secure', 'httpOnly'];
    const opts = call.arguments[2];
    let missing = wanted;
    let edit: { start: number; end: number; newText: string } | undefined;
    if (opts && ts.isObjectLiteralExpression(opts)) {
      missing = wanted.filter((k) => !opts.properties.some((p) => p.name && propertyName(p.name) === k && ts.isPropertyAssignment(p) && p.initializer.kind === ts.SyntaxKind.TrueKeyword));
      const present = opts.properties.filter((p) => p.name && missing.includes(propertyName(p.name) ?? ''));
      if (missing.length && !present.length) {
        const at = opts.getStart(this.sf) + 1;
        edit = { start: at, end: at, newText: ` ${missing.map((k) => `${k}: true`).join(', ')},` };
      }
    } else if (!opts) {
      const at = call.arguments[1].getEnd();
      edit = { start: at, end: at, newText: `, { ${wanted.map((k) => `${k}: true`).join(', ')} }` };
    }
    if (!missing.length) return;
    const fix = edit ? { description: `Set ${missing.join(' and ')} on the cookie`, edits: [edit] } : undefined;
    this.report('cookie', call.expression, callee, source, `without ${missing.join(' and ')}`, fix);
  }

  private report(kind: SinkKind, at: ts.Node, sink: string, source: FlowSource, detail?: string, fix?: Flow['fix']): void {
    this.flows.push({ kind, start: at.getStart(this.sf), end: at.getEnd(), sink: sink.slice(0, 60), source, detail, fix });
  }
}

// ---------- helpers ----------

function firstOf<T>(thunks: Array<() => T | undefined>): T | undefined {
  for (const t of thunks) {
    const v = t();
    if (v !== undefined) return v;
  }
  return undefined;
}

/** `caches.open('v1')`, awaited or not: a cache of the Cache API. */
function isCacheOpen(e: ts.Expression, sf: ts.SourceFile): boolean {
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && /^(?:self\.|window\.|globalThis\.)?caches\.open$/.test(e.expression.getText(sf));
}

/** The paths a route matcher tests: its strings, its regular expressions' sources (`/\\/api\\/patients/`). */
function routesIn(matcher: ts.Node, sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n)) out.push(n.text);
    else if (ts.isRegularExpressionLiteral(n)) out.push(n.getText(sf).replace(/^\/|\/[a-z]*$/g, '').replace(/\\\//g, '/'));
    ts.forEachChild(n, visit);
  };
  visit(matcher);
  return out;
}

function objectArg(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  return e && ts.isObjectLiteralExpression(e) ? e : undefined;
}

/** A property of an object literal by key (`{ storage }` or `{ storage: x }`). */
function prop(o: ts.ObjectLiteralExpression | undefined, key: string): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined {
  return o?.properties.find(
    (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name !== undefined && propertyName(p.name) === key,
  );
}

function valueOf(p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined): ts.Expression | undefined {
  return p && ts.isPropertyAssignment(p) ? p.initializer : p?.name;
}

/** The strings of an array literal (`['ui', 'medications']`). */
function names(e: ts.Expression | undefined): string[] | undefined {
  return e && ts.isArrayLiteralExpression(e) ? e.elements.flatMap((x) => literalText(x) ?? []) : undefined;
}

/** The keys of an object literal (`keys: [{ patient: ['current'] }]` lists objects too). */
function objectKeys(e: ts.Expression | undefined): string[] | undefined {
  if (!e || !ts.isArrayLiteralExpression(e)) return undefined;
  return e.elements.flatMap((x) => (ts.isObjectLiteralExpression(x) ? x.properties.flatMap((p) => (p.name ? propertyName(p.name) ?? [] : [])) : []));
}

/** The first argument of a call when it is a string literal (a store id, a key). */
function args0Text(call: ts.CallExpression): string | undefined {
  return call.arguments[0] && literalText(call.arguments[0]);
}

/** The object literal a function returns: `() => ({ … })` or `function () { return { … }; }`. */
function returnedObject(fn: ts.ArrowFunction | ts.FunctionExpression): ts.ObjectLiteralExpression | undefined {
  let body: ts.Node = fn.body;
  if (ts.isBlock(body)) {
    const ret = body.statements.find(ts.isReturnStatement);
    if (!ret?.expression) return undefined;
    body = ret.expression;
  }
  while (ts.isParenthesizedExpression(body)) body = body.expression;
  return ts.isObjectLiteralExpression(body) ? body : undefined;
}

/**
 * The name of a type in a type annotation that holds a record about a patient: a FHIR resource type or a type
 * named after health data (`PatientEntity`, `MedicationsState`), not a type for ids, services, props or options.
 * Function types are skipped: `onSelect: (p: Patient) => void` holds a callback, not a patient.
 */
export function healthTypeIn(type: ts.Node, local?: (name: string) => boolean): string | undefined {
  let found: string | undefined;
  const walk = (n: ts.Node): void => {
    if (found || ts.isFunctionTypeNode(n) || ts.isConstructorTypeNode(n)) return;
    if (ts.isTypeReferenceNode(n) || ts.isExpressionWithTypeArguments(n)) {
      const full = ts.isTypeReferenceNode(n) ? n.typeName : n.expression;
      const name = ts.isIdentifier(full) ? full.text : ts.isQualifiedName(full) ? full.right.text : ts.isPropertyAccessExpression(full) ? full.name.text : undefined;
      if (name && (HEALTH_RESOURCE_TYPES.has(name) || (!NON_RECORD_TYPE_WORD.test(name) && (healthWordOf(name) !== undefined || local?.(name))))) {
        found = name;
        return;
      }
      // `FieldErrors<PatientForm>`, `PatientIdMap<…>`: a type about the data (its errors, ids) holds none of it.
      if (name && isOpaqueName(name) && !DATA_ACCESS.test(name)) return;
    }
    ts.forEachChild(n, walk);
  };
  walk(type);
  return found;
}

/**
 * A request path whose segments name health data (`/api/patients/${id}/summary`, `/fhir/Encounter`), unless its
 * last segment names something about the data rather than the data (`/patients/count`, `/patients/config`).
 */
function isHealthRoute(url: string): boolean {
  if (!url.includes('/')) return false;
  const segments = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '').split('/').filter((s) => s && !s.includes('${'));
  const last = segments[segments.length - 1];
  // `/patients/count`, `/patients/search/config`, `/patients/anonymised`: about the data, not the data (a summary is).
  if (last !== undefined && (namesMetadata(last) || (isOpaqueName(last) && !/^summar/i.test(last)))) return false;
  return segments.some((s) => healthWordOf(s) !== undefined);
}

function literalText(e: ts.Node): string | undefined {
  return ts.isStringLiteralLike(e) ? e.text : undefined;
}

/** A string literal's text, or a template's literal parts with `${…}` for each hole. */
function literalishText(e: ts.Expression, sf: ts.SourceFile, consts?: ReadonlyMap<string, string>): string | undefined {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isIdentifier(e)) return consts?.get(e.text);
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return (literalishText(e.left, sf, consts) ?? '${…}') + (literalishText(e.right, sf, consts) ?? '${…}');
  }
  if (ts.isCallExpression(e) && /^(?:path\.)?(?:join|resolve)$/.test(e.expression.getText(sf))) {
    return e.arguments.map((a) => literalishText(a, sf, consts) ?? '${…}').join('/');
  }
  return undefined;
}

function propertyName(n: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isStringLiteralLike(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

function resourceTypeOf(o: ts.ObjectLiteralExpression): string | undefined {
  for (const p of o.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === 'resourceType') return literalText(p.initializer);
  }
  return undefined;
}

function numericProperty(o: ts.ObjectLiteralExpression, key: string): number | undefined {
  for (const p of o.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key && ts.isNumericLiteral(p.initializer)) return Number(p.initializer.text);
  }
  return undefined;
}

/** Whether a property's value is data rather than a constant or a protected value. */
function carriesValue(e: ts.Expression, env: Env): boolean {
  if (ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return false;
  if (ts.isIdentifier(e)) return !isOpaqueName(e.text) && env.lookup(e.text) !== null && e.text !== 'undefined';
  if (ts.isCallExpression(e)) return !SANITIZER.test(e.expression.getText());
  if (ts.isPropertyAccessExpression(e)) return !isOpaqueName(e.name.text);
  return !ts.isFunctionLike(e);
}

/** A value passed through encryption, hashing or masking (`encrypt(x)`, `await hmac(x)`, `JSON.stringify(redact(p))`). */
function isProtected(e: ts.Expression, sf: ts.SourceFile): boolean {
  for (;;) {
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    if (!ts.isCallExpression(e)) return false;
    if (SANITIZER.test(e.expression.getText(sf))) return true;
    // Through encodings that keep what they are given: `JSON.stringify(…)`, `String(…)`, `encodeURIComponent(…)`.
    const method = lastName(e.expression);
    if (!method || !PASSTHROUGH.test(method) || !e.arguments[0]) return false;
    e = e.arguments[0];
  }
}

function rootIdentifier(e: ts.Expression): string | undefined {
  let cur: ts.Expression = e;
  while (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur) || ts.isCallExpression(cur) || ts.isNonNullExpression(cur)) cur = cur.expression;
  if (cur.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return ts.isIdentifier(cur) ? cur.text : undefined;
}

function chainNames(e: ts.Expression): string[] {
  const names: string[] = [];
  let cur: ts.Expression = e;
  for (;;) {
    if (ts.isPropertyAccessExpression(cur)) names.unshift(cur.name.text);
    else if (ts.isElementAccessExpression(cur)) names.unshift(literalText(cur.argumentExpression) ?? '[…]');
    else if (!ts.isCallExpression(cur) && !ts.isNonNullExpression(cur)) break;
    cur = cur.expression;
  }
  if (ts.isIdentifier(cur)) names.unshift(cur.text);
  else if (cur.kind === ts.SyntaxKind.ThisKeyword) names.unshift('this');
  return names;
}

function lastName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e)) return literalText(e.argumentExpression);
  return undefined;
}

/** A callee as written without spaces, optional chaining or `this.`: `this.logger?.info` → `logger.info`. */
function calleeText(e: ts.Expression, sf: ts.SourceFile): string {
  return e.getText(sf).replace(/\s+/g, '').replace(/\?\./g, '.').replace(/^this\./, '');
}

function isWriteStream(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && /(?:^|\.)createWriteStream$/.test(e.expression.getText());
}
