import ts from 'typescript';
import { HEALTH_RESOURCE_TYPES, OPAQUE_METHODS, PASSTHROUGH, SANITIZER, healthWordOf, isOpaqueName, resourceTypeInText } from './healthNames';
import { REMOVABLE_OR_SYNCED, SHARED_TMP, SHARING_HOST, type Flow, type FlowSource, type SinkKind } from './flow';
import type { LiteralSource } from './treeFlow';

/**
 * Follows health data through one JavaScript or TypeScript file with the TypeScript parser (no type checker:
 * one file, no program): within each function and the module, through declarations, destructuring, assignments,
 * spreads, templates, property access and calls, to the sinks in sinkOf().
 */
export function jsFlows(fileName: string, text: string, literalSource?: LiteralSource): Flow[] {
  const kind = /\.tsx$/i.test(fileName) ? ts.ScriptKind.TSX : /\.(?:m|c)?tsx?$/i.test(fileName) ? ts.ScriptKind.TS : /\.jsx$/i.test(fileName) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  return new Walker(sf, literalSource).run();
}

/** A binding: the source it carries, or null for a name known to hold something clean. */
type Binding = FlowSource | null;

class Env {
  private readonly vars = new Map<string, Binding>();
  /** Request objects of handlers about patients (`req` in `router.post('/patients', (req, res) => …)`). */
  readonly requests = new Set<string>();
  /** Write streams (`fs.createWriteStream(path)`) and the path they write to. */
  readonly streams = new Map<string, ts.Expression | undefined>();

  constructor(readonly parent?: Env) {}

  lookup(name: string): Binding | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.vars.get(name);
    return undefined;
  }
  isRequest(name: string): boolean {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.requests.has(name)) return true;
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
const TYPE_NAMES = new RegExp(`\\b(?:${[...HEALTH_RESOURCE_TYPES].join('|')})\\b`);

class Walker {
  private readonly flows: Flow[] = [];

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly literalSource?: LiteralSource,
  ) {}

  run(): Flow[] {
    this.visit(this.sf, new Env());
    return this.flows;
  }

  private visit(node: ts.Node, env: Env, routeHandler = false): void {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const inner = new Env(env);
      const named = (node as ts.FunctionLikeDeclaration).name;
      const aboutPatients = routeHandler || (named && ts.isIdentifier(named) && healthWordOf(named.text) !== undefined);
      for (const p of node.parameters) {
        if (ts.isIdentifier(p.name)) {
          if (aboutPatients && REQUEST_PARAM.test(p.name.text)) inner.requests.add(p.name.text);
          const typed = p.type && this.typedSource(p.type, p.name);
          if (typed) inner.bind(p.name.text, typed);
        } else this.bindPattern(p.name, undefined, inner);
      }
      this.visit(node.body as ts.Node, inner);
      return;
    }
    if (ts.isVariableDeclaration(node)) {
      if (node.initializer) this.visit(node.initializer, env);
      this.declare(node, env);
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
      for (const a of node.arguments) this.visit(a, env, route);
      this.checkCall(node, env);
      return;
    }
    ts.forEachChild(node, (c) => this.visit(c, env));
  }

  // ---------- sources ----------

  private src(node: ts.Node, label: string): FlowSource {
    return { start: node.getStart(this.sf), end: node.getEnd(), label };
  }

  /** A declared type naming a FHIR resource about a patient (`p: Patient`, `Observation[]`, `Bundle<Condition>`). */
  private typedSource(type: ts.TypeNode, at: ts.Node): FlowSource | undefined {
    const m = TYPE_NAMES.exec(type.getText(this.sf));
    return m ? this.src(at, `\`${at.getText(this.sf)}\` of type ${m[0]}`) : undefined;
  }

  /** The health-data source an expression's value carries, if any. */
  taint(e: ts.Expression, env: Env): FlowSource | undefined {
    if (ts.isIdentifier(e)) {
      const bound = env.lookup(e.text);
      if (bound !== undefined) return bound ?? undefined;
      return healthWordOf(e.text) ? this.src(e, `\`${e.text}\``) : undefined;
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const name = ts.isPropertyAccessExpression(e) ? e.name.text : literalText(e.argumentExpression);
      if (name !== undefined && isOpaqueName(name)) return undefined;
      const root = rootIdentifier(e);
      if (root && env.isRequest(root) && chainNames(e).some((n) => REQUEST_DATA.has(n))) return this.src(e, `\`${this.namesOf(e)}\` of a patient route`);
      if (name !== undefined && healthWordOf(name)) return this.src(e, `\`${this.namesOf(e)}\``);
      return this.taint(e.expression, env);
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return this.callTaint(e, env);
    if (
      ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) ||
      ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e) || ts.isSpreadElement(e)
    ) {
      return this.taint(e.expression, env);
    }
    if (ts.isTemplateExpression(e)) return firstOf(e.templateSpans.map((s) => () => this.taint(s.expression, env)));
    if (ts.isTaggedTemplateExpression(e)) return ts.isTemplateExpression(e.template) ? this.taint(e.template, env) : undefined;
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
    const callee = calleeText(e.expression, this.sf);
    const method = lastName(e.expression);
    if (SANITIZER.test(callee)) return undefined;
    if (method && !PASSTHROUGH.test(method) && (OPAQUE_METHODS.test(method) || isOpaqueName(method))) return undefined;
    const args = e.arguments ?? [];
    if (ts.isCallExpression(e) && method && FHIR_READ.test(method)) {
      for (const a of args) {
        const type = ts.isObjectLiteralExpression(a) ? resourceTypeOf(a) : literalishText(a, this.sf) && resourceTypeInText(literalishText(a, this.sf)!);
        if (type && HEALTH_RESOURCE_TYPES.has(type)) return this.src(e, `a FHIR ${type} read`);
      }
    }
    if (method && healthWordOf(method) && ts.isCallExpression(e)) return this.src(e, `\`${method}()\``);
    if (ts.isPropertyAccessExpression(e.expression) && !/^(?:JSON|Object|Array|String|Promise|Buffer)$/.test(e.expression.expression.getText(this.sf))) {
      const recv = this.taint(e.expression.expression, env);
      if (recv) return recv;
    }
    return firstOf(args.map((a) => () => this.taint(a, env)));
  }

  /** The names of a property chain, without call arguments or literal values: `req.body.patient`. */
  private namesOf(e: ts.Expression): string {
    const names = chainNames(e);
    return names.join('.').slice(0, 60);
  }

  // ---------- bindings ----------

  private declare(d: ts.VariableDeclaration, env: Env): void {
    if (ts.isIdentifier(d.name)) {
      const typed = d.type && this.typedSource(d.type, d.name);
      if (d.initializer && isWriteStream(d.initializer)) env.streams.set(d.name.text, (d.initializer as ts.CallExpression).arguments[0]);
      env.bind(d.name.text, typed ?? this.valueSource(d.name, d.initializer, env));
      return;
    }
    this.bindPattern(d.name, d.initializer, env);
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

  /** Destructuring: each name takes the source of what it is taken from, unless the name is opaque. */
  private bindPattern(pattern: ts.BindingName, init: ts.Expression | undefined, env: Env): void {
    const from = init ? this.taint(init, env) : undefined;
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
      env.bind(left.text, this.valueSource(left, right, env));
      return;
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
    const path = first && literalishText(first, this.sf);
    return Boolean(path && path.startsWith('/') && path.split(/[/:{}?&=.-]+/).some((seg) => seg && healthWordOf(seg)));
  }

  private checkCall(call: ts.CallExpression, env: Env): void {
    const callee = calleeText(call.expression, this.sf);
    const args = call.arguments;
    const anyArg = (from = 0) => firstOf(args.slice(from).map((a) => () => this.taint(a, env)));
    const keyed = (keyIdx: number) => {
      if (args.some((a) => isProtected(a, this.sf))) return undefined;
      const key = args[keyIdx] && literalText(args[keyIdx]);
      return key && healthWordOf(key) ? this.src(args[keyIdx], `the \`${key}\` key`) : undefined;
    };
    let m: RegExpExecArray | null;

    if (/^(?:console|_?logger|_?log|winston|pino|bunyan|consola|signale|(?:\w+\.)*(?:logger|log))\.(?:log|info|warn|warning|error|debug|trace|fatal|verbose|silly|dir|table|notice|critical|http|child)$/i.test(callee)) {
      const s = anyArg();
      if (s) this.report('log', call.expression, callee, s);
      return;
    }
    if ((m = /^(?:window\.)?(localStorage|sessionStorage|AsyncStorage|localforage)\.(setItem|mergeItem|multiSet|multiMerge)$/.exec(callee))) {
      const s = (m[2].startsWith('multi') ? anyArg() : this.taint(args[1] ?? args[0], env)) ?? keyed(0);
      if (s) this.report('client-storage', call.expression, callee, s);
      return;
    }
    if (/(?:objectStore\([^)]*\)|\bstore|\bdb|\bidb|indexedDB)\.(?:put|add)$/i.test(callee)) {
      const s = anyArg();
      if (s) this.report('client-storage', call.expression, `IndexedDB ${lastName(call.expression)}`, s);
      return;
    }
    if (/^(?:Cookies|cookies|res|response|reply|ctx\.cookies|\w+\.cookies)\.(?:set|cookie|setCookie)$/.test(callee) && args.length >= 2) {
      this.cookie(call, callee, this.taint(args[1], env) ?? keyed(0));
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
    if (
      /^(?:Sentry|Bugsnag|LogRocket|newrelic)\.(?:captureMessage|captureException|captureEvent|setUser|setContext|setExtra|setExtras|setTag|setTags|addBreadcrumb|notify|leaveBreadcrumb|identify|track|addPageAction|setCustomAttribute)$/.test(callee) ||
      /^(?:mixpanel|analytics|segment|rudderanalytics|amplitude|posthog|heap|datadogRum|DD_RUM|window\.analytics|window\.dataLayer|dataLayer|mixpanel\.people)\.(?:track|identify|page|group|register|register_once|alias|set|set_once|capture|logEvent|setUserProperties|addUserProperties|addAction|addError|setUser|setUserProperty|setGlobalContext|setGlobalContextProperty|push)$/.test(callee) ||
      /^(?:gtag|ga|logEvent|setUserProperties|(?:\w+\.)?analytics\(\)\.logEvent|(?:\w+\.)?crashlytics\(\)\.(?:log|setAttribute|setAttributes))$/.test(callee)
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
      const url = literalishText(args[0], this.sf);
      if (url && SHARING_HOST.test(url)) {
        const s = anyArg(1);
        if (s) this.report('external-share', call.expression, callee, s, `${SHARING_HOST.exec(url)![0]}`);
      }
    }
  }

  private file(call: ts.CallExpression, callee: string, pathArg: ts.Expression | undefined, options: ts.Expression | undefined, source: FlowSource): void {
    const path = pathArg && literalishText(pathArg, this.sf);
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

function literalText(e: ts.Node): string | undefined {
  return ts.isStringLiteralLike(e) ? e.text : undefined;
}

/** A string literal's text, or a template's literal parts with `${…}` for each hole. */
function literalishText(e: ts.Expression, sf: ts.SourceFile): string | undefined {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return (literalishText(e.left, sf) ?? '${…}') + (literalishText(e.right, sf) ?? '${…}');
  }
  if (ts.isCallExpression(e) && /^(?:path\.)?(?:join|resolve)$/.test(e.expression.getText(sf))) {
    return e.arguments.map((a) => literalishText(a, sf) ?? '${…}').join('/');
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

/** A value passed through encryption, hashing or masking (`encrypt(x)`, `await hmac(x)`). */
function isProtected(e: ts.Expression, sf: ts.SourceFile): boolean {
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && SANITIZER.test(e.expression.getText(sf));
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
