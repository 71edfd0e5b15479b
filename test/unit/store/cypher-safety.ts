import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * Static check that no Cypher string in src/store is built from user input, with the TypeScript
 * compiler API. Every `cypher:` property of an object literal (a Query) and every argument of
 * runSchema is a sink; each expression that reaches it is traced back to its declarations:
 *
 * - literals are fixed; a template, a concatenation, a `?:` or `??` is as fixed as its parts (the
 *   condition of a `?:` chooses between fixed texts and never reaches the string);
 * - a module constant is as fixed as its initializer, a local variable as its initializer and
 *   every assignment and push to it; `M[key]` of a fixed map is fixed whatever the key (labels
 *   from an enum map), and so are join, map, filter ... of fixed arrays;
 * - a function's parameter is fixed only when every call of the function in src passes a fixed
 *   value (a helper such as ENTITY_PROJECTION('e')); a function nothing calls, or one passed
 *   around as a value, has parameters of unknown origin;
 * - a number may be spelled into Cypher when the function first checks it with
 *   `Number.isInteger(x)` and throws otherwise (Cypher takes no parameter for a hop count);
 * - anything else (a parameter from the API, a call this check does not know) is a finding.
 */

export interface Finding {
  file: string;
  line: number;
  sink: string;
  reason: string;
}

export interface SafetyReport {
  sinks: number;
  findings: Finding[];
}

type Reason = string | null;

const ARRAY_ELEMENT_METHODS = new Set(['map', 'flatMap', 'filter', 'forEach', 'some', 'every', 'find', 'findIndex', 'sort']);
/** Methods whose result is as fixed as their receiver and arguments. */
const PURE_METHODS = new Set([
  'join',
  'filter',
  'slice',
  'sort',
  'reverse',
  'concat',
  'flat',
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'split',
  'padStart',
  'padEnd',
  'repeat',
  'toString',
  'toFixed',
  'at',
  'replace',
  'replaceAll',
  'find',
]);
/** Methods whose function argument only selects or orders: its result never becomes text. */
const SELECTING_CALLBACK = new Set(['filter', 'sort', 'find', 'some', 'every', 'findIndex']);

const isFunctionLike = (n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration =>
  ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n);

class Analyzer {
  private readonly checker: ts.TypeChecker;
  private readonly files: ts.SourceFile[];
  private readonly memo = new Map<string, Reason>();
  private readonly busy = new Set<string>();
  private readonly calls = new Map<ts.Node, ts.CallExpression[]>();
  private readonly escapes = new Set<ts.Node>();
  private readonly writes = new Map<ts.Symbol, ts.Expression[]>();
  private readonly pushes = new Map<ts.Symbol, ts.Expression[]>();
  private ids = new WeakMap<ts.Node, number>();
  private nextId = 0;

  constructor(program: ts.Program, files: ts.SourceFile[]) {
    this.checker = program.getTypeChecker();
    this.files = files;
    for (const f of files) this.index(f);
  }

  private id(n: ts.Node): number {
    let v = this.ids.get(n);
    if (v === undefined) this.ids.set(n, (v = this.nextId++));
    return v;
  }

  private symbolOf(n: ts.Node): ts.Symbol | undefined {
    let s = this.checker.getSymbolAtLocation(n);
    if (s && s.flags & ts.SymbolFlags.Alias) s = this.checker.getAliasedSymbol(s);
    return s;
  }

  /** The function a symbol names: a function declaration, or a const holding an arrow or function. */
  private functionOf(s: ts.Symbol | undefined): ts.Node | undefined {
    const d = s?.valueDeclaration ?? s?.declarations?.[0];
    if (!d) return undefined;
    if (isFunctionLike(d)) return d;
    if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
      return d.initializer;
    return undefined;
  }

  /** Call sites, functions used as values, assignments and pushes: what the rules ask about. */
  private index(file: ts.SourceFile): void {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = ts.isPropertyAccessExpression(n.expression) ? n.expression.name : n.expression;
        const fn = this.functionOf(this.symbolOf(callee));
        if (fn) this.calls.set(fn, [...(this.calls.get(fn) ?? []), n]);
        if (ts.isPropertyAccessExpression(n.expression) && ['push', 'unshift'].includes(n.expression.name.text)) {
          const s = this.symbolOf(n.expression.expression);
          if (s) this.pushes.set(s, [...(this.pushes.get(s) ?? []), ...n.arguments]);
        }
      }
      if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      ) {
        const s = this.symbolOf(n.left);
        if (s) this.writes.set(s, [...(this.writes.get(s) ?? []), n.right]);
      }
      if (ts.isIdentifier(n) && !this.isCallee(n) && !this.isDeclarationName(n)) {
        const fn = this.functionOf(this.symbolOf(n));
        if (fn) this.escapes.add(fn);
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }

  private isCallee(n: ts.Identifier): boolean {
    const p = n.parent;
    if (ts.isCallExpression(p) && p.expression === n) return true;
    return ts.isPropertyAccessExpression(p) && p.name === n && ts.isCallExpression(p.parent) && p.parent.expression === p;
  }

  private isDeclarationName(n: ts.Identifier): boolean {
    const p = n.parent;
    return (
      ((ts.isVariableDeclaration(p) ||
        ts.isFunctionDeclaration(p) ||
        ts.isParameter(p) ||
        ts.isBindingElement(p) ||
        ts.isPropertyAssignment(p) ||
        ts.isMethodDeclaration(p)) &&
        p.name === n) ||
      ts.isImportSpecifier(p) ||
      ts.isExportSpecifier(p) ||
      ts.isImportClause(p) ||
      ts.isNamespaceImport(p) ||
      (ts.isPropertyAccessExpression(p) && p.name === n && !this.functionOf(this.symbolOf(n)))
    );
  }

  private where(n: ts.Node): string {
    const f = n.getSourceFile();
    const { line } = f.getLineAndCharacterOfPosition(n.getStart());
    return `${path.basename(f.fileName)}:${line + 1}`;
  }

  private unsafe(n: ts.Node, why: string): Reason {
    return `${this.where(n)} \`${n.getText().replace(/\s+/g, ' ').slice(0, 80)}\`: ${why}`;
  }

  private inAnalyzed(n: ts.Node): boolean {
    return this.files.includes(n.getSourceFile());
  }

  /** Null when `e` (the part of it that `path` selects) holds fixed text only, else why not. */
  check(e: ts.Expression, path: string[] = []): Reason {
    const key = `${this.id(e)}|${path.join('.')}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    // a cycle (a helper that calls itself): the other ways in decide
    if (this.busy.has(key)) return null;
    this.busy.add(key);
    const result = this.checkNow(e, path);
    this.busy.delete(key);
    this.memo.set(key, result);
    return result;
  }

  private all(exprs: readonly ts.Expression[], path: string[] = []): Reason {
    for (const x of exprs) {
      const r = this.check(x, path);
      if (r) return r;
    }
    return null;
  }

  private checkNow(e: ts.Expression, path: string[]): Reason {
    if (ts.isStringLiteral(e) || ts.isNumericLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isRegularExpressionLiteral(e))
      return null;
    if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return null;
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isSatisfiesExpression(e)
    ) {
      return this.check(e.expression, path);
    }
    if (ts.isTemplateExpression(e)) return this.all(e.templateSpans.map((s) => s.expression));
    if (ts.isPrefixUnaryExpression(e)) return this.check(e.operand);
    if (ts.isTypeOfExpression(e)) return null;
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) return this.all([e.left, e.right]);
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken)
        return this.all([e.left, e.right], path);
      if (op === ts.SyntaxKind.CommaToken) return this.check(e.right, path);
      // comparisons and arithmetic give booleans and numbers of fixed spelling
      if (
        [
          ts.SyntaxKind.EqualsEqualsEqualsToken,
          ts.SyntaxKind.ExclamationEqualsEqualsToken,
          ts.SyntaxKind.EqualsEqualsToken,
          ts.SyntaxKind.ExclamationEqualsToken,
          ts.SyntaxKind.LessThanToken,
          ts.SyntaxKind.GreaterThanToken,
          ts.SyntaxKind.LessThanEqualsToken,
          ts.SyntaxKind.GreaterThanEqualsToken,
          ts.SyntaxKind.InKeyword,
          ts.SyntaxKind.InstanceOfKeyword,
        ].includes(op)
      ) {
        return null;
      }
      return this.all([e.left, e.right]);
    }
    if (ts.isConditionalExpression(e)) return this.all([e.whenTrue, e.whenFalse], path);
    if (ts.isArrayLiteralExpression(e)) {
      if (path[0] === 'length') return null;
      const rest = path.length ? path.slice(1) : [];
      return this.all(
        e.elements.map((x) => (ts.isSpreadElement(x) ? x.expression : x)),
        ts.isSpreadElement(e.elements[0] ?? e) ? path : rest,
      );
    }
    if (ts.isObjectLiteralExpression(e)) return this.checkObject(e, path);
    if (ts.isElementAccessExpression(e)) return this.check(e.expression, ['*', ...path]);
    if (ts.isPropertyAccessExpression(e)) {
      if (e.name.text === 'length') return null;
      const r = this.check(e.expression, [e.name.text, ...path]);
      return r && this.guardedInteger(e) ? null : r;
    }
    if (ts.isIdentifier(e)) {
      // the project's own folder: where schema/neo4j.cypher is read from
      if (e.text === 'undefined' || e.text === '__dirname') return null;
      const r = this.checkIdentifier(e, path);
      return r && this.guardedInteger(e) ? null : r;
    }
    if (ts.isCallExpression(e)) return this.checkCall(e, path);
    if (isFunctionLike(e)) return this.unsafe(e, 'a function as a value');
    return this.unsafe(e, `a ${ts.SyntaxKind[e.kind]}, which this check does not follow`);
  }

  private checkObject(e: ts.ObjectLiteralExpression, path: string[]): Reason {
    const [head, ...rest] = path;
    const props = e.properties;
    const valueOf = (p: ts.ObjectLiteralElementLike): ts.Expression | undefined =>
      ts.isPropertyAssignment(p)
        ? p.initializer
        : ts.isShorthandPropertyAssignment(p)
          ? p.name
          : ts.isSpreadAssignment(p)
            ? p.expression
            : undefined;
    if (head === undefined || head === '*') {
      for (const p of props) {
        const v = valueOf(p);
        if (!v) return this.unsafe(p, 'a method in an object');
        const r = this.check(v, ts.isSpreadAssignment(p) ? path : rest);
        if (r) return r;
      }
      return null;
    }
    const named = props.find((p) => !ts.isSpreadAssignment(p) && p.name && ts.isIdentifier(p.name) && p.name.text === head);
    if (named) return this.check(valueOf(named)!, rest);
    return this.all(
      props.filter(ts.isSpreadAssignment).map((p) => p.expression),
      path,
    );
  }

  private checkIdentifier(e: ts.Identifier, path: string[]): Reason {
    const s = this.symbolOf(e);
    const d = s?.valueDeclaration ?? s?.declarations?.[0];
    if (!s || !d) return this.unsafe(e, 'a name this check cannot resolve');
    if (!this.inAnalyzed(d)) return this.unsafe(e, 'comes from outside the checked files');
    if (ts.isEnumMember(d)) return null;
    if (ts.isShorthandPropertyAssignment(d)) {
      const value = this.checker.getShorthandAssignmentValueSymbol(d);
      const vd = value?.valueDeclaration ?? value?.declarations?.[0];
      if (!value || !vd) return this.unsafe(e, 'a name this check cannot resolve');
      if (ts.isVariableDeclaration(vd) && ts.isIdentifier(vd.name)) return this.checkVariable(vd, value, path);
      if (ts.isBindingElement(vd)) return this.checkBinding(vd, path);
      if (ts.isParameter(vd)) return this.checkParameter(vd, path);
      return this.unsafe(e, `a ${ts.SyntaxKind[vd.kind]}`);
    }
    if (ts.isVariableDeclaration(d) && ts.isIdentifier(d.name)) return this.checkVariable(d, s, path);
    if (ts.isBindingElement(d)) return this.checkBinding(d, path);
    if (ts.isParameter(d)) return this.checkParameter(d, path);
    return this.unsafe(e, `a ${ts.SyntaxKind[d.kind]}`);
  }

  private checkVariable(d: ts.VariableDeclaration, s: ts.Symbol, path: string[]): Reason {
    const list = d.parent;
    if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)) return this.check(list.parent.expression, ['*', ...path]);
    if (d.initializer) {
      const r = this.check(d.initializer, path);
      if (r) return r;
    }
    const r = this.all(this.writes.get(s) ?? [], path);
    if (r) return r;
    if (path.length === 0 || path[0] === '*') return this.all(this.pushes.get(s) ?? [], path.slice(1));
    return null;
  }

  /** `const [a, b] = x`, `({ from }) => ...`: the root, with the path to the part. */
  private checkBinding(d: ts.BindingElement, path: string[]): Reason {
    const prefix: string[] = [];
    let n: ts.Node = d;
    while (ts.isBindingElement(n)) {
      const pattern: ts.BindingPattern = n.parent;
      if (ts.isObjectBindingPattern(pattern)) {
        const name = n.propertyName ?? n.name;
        if (!ts.isIdentifier(name)) return this.unsafe(n, 'a computed destructuring');
        prefix.unshift(name.text);
      } else prefix.unshift('*');
      n = pattern.parent;
    }
    const full = [...prefix, ...path];
    if (ts.isVariableDeclaration(n)) {
      const list = n.parent;
      if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)) return this.check(list.parent.expression, ['*', ...full]);
      return n.initializer ? this.check(n.initializer, full) : this.unsafe(n, 'a destructuring without a value');
    }
    if (ts.isParameter(n)) return this.checkParameter(n, full);
    return this.unsafe(d, 'a destructuring this check does not follow');
  }

  private checkParameter(p: ts.ParameterDeclaration, path: string[]): Reason {
    const fn = p.parent;
    const index = fn.parameters.indexOf(p);
    const call = fn.parent;
    // a callback: its parameters are elements of what it is called on
    if (ts.isCallExpression(call) && call.arguments.includes(fn as ts.Expression)) {
      const callee = call.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Array' && method === 'from') {
          return index === 0 ? this.check(call.arguments[0], ['*', ...path]) : null;
        }
        if (ARRAY_ELEMENT_METHODS.has(method))
          return method === 'sort' || index === 0 ? this.check(callee.expression, ['*', ...path]) : null;
        if (method === 'replace' || method === 'replaceAll') return this.check(callee.expression);
      }
      return this.unsafe(p, 'a parameter of a callback this check does not follow');
    }
    if (p.dotDotDotToken) return this.unsafe(p, 'a rest parameter');
    if (!isFunctionLike(fn)) return this.unsafe(p, 'a parameter of a constructor or accessor');
    const name =
      ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)
        ? fn.name?.getText()
        : ts.isVariableDeclaration(fn.parent)
          ? fn.parent.name.getText()
          : '(anonymous)';
    if (this.escapes.has(fn)) return this.unsafe(p, `a parameter of ${name}, which is passed around as a value: who calls it is unknown`);
    const calls = this.calls.get(fn) ?? [];
    if (!calls.length)
      return this.unsafe(p, `a parameter of ${name}, which nothing in the checked files calls: where its values come from is unknown`);
    for (const c of calls) {
      const arg = c.arguments[index];
      if (arg && ts.isSpreadElement(arg)) return this.unsafe(arg, 'a spread argument');
      const r = arg ? this.check(arg, path) : p.initializer ? this.check(p.initializer, path) : null;
      if (r) return `${r}\n    (passed as ${p.name.getText()} of ${name} at ${this.where(c)})`;
    }
    return null;
  }

  private returnsOf(fn: ts.Node): ts.Expression[] {
    if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [fn.body];
    const out: ts.Expression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
      if (!isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (body) ts.forEachChild(body, visit);
    return out;
  }

  private checkCall(e: ts.CallExpression, path: string[]): Reason {
    const callee = e.expression;
    const fnArgs = (): Reason => this.all(e.arguments.filter((a) => !isFunctionLike(a)));
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const recv = callee.expression;
      const recvName = ts.isIdentifier(recv) ? recv.text : '';
      if (recvName === 'Object' && ['entries', 'keys', 'values', 'fromEntries'].includes(method)) return fnArgs();
      if (recvName === 'Array' && method === 'from')
        return e.arguments[1] ? this.all(this.returnsOf(e.arguments[1])) : this.check(e.arguments[0]);
      if (recvName === 'JSON' && method === 'stringify') return fnArgs();
      if (recvName === 'path' && ['join', 'resolve'].includes(method)) return fnArgs();
      // a project file at a fixed path (schema/neo4j.cypher) is not user input
      if (recvName === 'fs' && method === 'readFileSync') return this.check(e.arguments[0]);
      if (method === 'map' || method === 'flatMap') {
        const cb = e.arguments[0];
        return cb && isFunctionLike(cb) ? this.all(this.returnsOf(cb), path.slice(1)) : this.unsafe(e, 'map without an inline callback');
      }
      if (PURE_METHODS.has(method)) {
        const r = this.check(recv);
        if (r) return r;
        for (const a of e.arguments) {
          if (SELECTING_CALLBACK.has(method)) continue;
          if (isFunctionLike(a)) {
            const rr = this.all(this.returnsOf(a));
            if (rr) return rr;
          } else {
            const rr = this.check(a);
            if (rr) return rr;
          }
        }
        return null;
      }
    }
    if (ts.isIdentifier(callee) && ['String', 'Number'].includes(callee.text)) return fnArgs();
    const fn = this.functionOf(this.symbolOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee));
    if (fn && this.inAnalyzed(fn)) {
      const r = this.all(this.returnsOf(fn), path);
      return r ? `${r}\n    (returned by ${callee.getText()} at ${this.where(e)})` : null;
    }
    return this.unsafe(e, 'a call this check does not know');
  }

  /** `if (!Number.isInteger(x) || ...) throw ...` earlier in the same function. */
  private guardedInteger(e: ts.Expression): boolean {
    let fn: ts.Node | undefined = e.parent;
    while (fn && !isFunctionLike(fn)) fn = fn.parent;
    const body = fn && (fn as ts.FunctionLikeDeclaration).body;
    if (!body || !ts.isBlock(body)) return false;
    const text = e.getText();
    return body.statements.some(
      (s) =>
        ts.isIfStatement(s) &&
        s.end <= e.getStart() &&
        s.expression.getText().includes(`!Number.isInteger(${text})`) &&
        (ts.isThrowStatement(s.thenStatement) || (ts.isBlock(s.thenStatement) && s.thenStatement.statements.some(ts.isThrowStatement))),
    );
  }

  /** Every sink in the target files, and what is wrong with each that is not fixed text. */
  report(targets: ts.SourceFile[]): SafetyReport {
    const findings: Finding[] = [];
    let sinks = 0;
    const add = (n: ts.Expression, sink: string): void => {
      sinks++;
      const reason = this.check(n);
      if (reason)
        findings.push({
          file: n.getSourceFile().fileName,
          line: n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1,
          sink,
          reason,
        });
    };
    for (const f of targets) {
      const visit = (n: ts.Node): void => {
        if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'cypher' && ts.isObjectLiteralExpression(n.parent))
          add(n.initializer, 'cypher:');
        if (
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          n.expression.name.text === 'runSchema' &&
          n.arguments[0]
        )
          add(n.arguments[0], 'runSchema()');
        ts.forEachChild(n, visit);
      };
      visit(f);
    }
    return { sinks, findings };
  }
}

/** Checks `targets` (file names) within a program made of `roots`; `texts` replaces the text of some files. */
export function checkCypherSafety(
  roots: string[],
  targets: (fileName: string) => boolean,
  texts: Record<string, string> = {},
): SafetyReport {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    noResolve: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => texts[path.resolve(f)] ?? read(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) =>
    texts[path.resolve(f)] !== undefined ? ts.createSourceFile(f, texts[path.resolve(f)], lang, true) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram(roots, options, host);
  const files = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/') && roots.includes(path.resolve(f.fileName)));
  return new Analyzer(program, files).report(files.filter((f) => targets(f.fileName)));
}

export const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The real check: every Cypher sink in src/store, with every caller in src. */
export function checkStore(texts: Record<string, string> = {}): SafetyReport {
  const store = `${path.join(SRC, 'store')}${path.sep}`;
  return checkCypherSafety(tsFiles(SRC), (f) => path.resolve(f).startsWith(store) && !f.endsWith(`${path.sep}executor.ts`), texts);
}
