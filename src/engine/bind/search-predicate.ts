// Predicates over "any column" and search terms, shared by `where`, `search` and `find` (search-operator.md,
// where-operator.md, find-operator.md):
//   - `* has "x"`, `* contains "x"`, `* == v`, `* =~ "x"`... : true when the operator holds for at least one column;
//   - `Col:"term"` : `Col has "term"`, with the term's wildcards (below);
//   - in search/find only, a bare string literal is a term searched in every column:
//       `x` → has, `*x` → hassuffix, `x*` → hasprefix, `*x*` → contains, `a*b` → matches regex `\ba.*b\b`;
//   - `search kind=case_sensitive`: every string operator of the predicate becomes its case-sensitive form.
// The boolean skeleton (and / or / not() / parentheses) is walked here; every other leaf is bound by bindExpr.
//
// [U] How `*` reads a column that is not a string is undocumented ("`*` does a full text search across all
// columns", best-practices.md; Microsoft's analyser types `*` as dynamic): a string operator tests every column's
// text (tostring), `==`/`!=`-style comparisons test the columns whose type compares with the value and skip the
// others. Negated operators (`* !has "x"`) would need a choice between "no column" and "some column": refused.

import { diagnostic, type Span } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { lookupScalar } from '../functions/registry.js';
import { isRefusal } from '../functions/types.js';
import type { BoundExpr } from '../plan/expr.js';
import { bindExpr, resolveContext } from './bind-expr.js';
import { call, colRef, convertTo, foldIfConstant, literal } from './build.js';
import { report } from './report.js';
import { binaryOperator } from './scalar-operators.js';
import type { BindContext, RowScope } from './scope.js';

export interface SearchPredicateOptions {
  /** A bare string literal is a term searched in every column (search, find). */
  readonly bareTerms: boolean;
  /** `search kind=case_sensitive`: string operators become their `_cs` forms. */
  readonly caseSensitive: boolean;
  /** `*` stands for the columns from this index on (search's own `$table` column is not searched). */
  readonly starFrom?: number;
}

const WHERE_OPTIONS: SearchPredicateOptions = { bareTerms: false, caseSensitive: false };

/** Operators that `*` may stand on the left of (the parser's list), with their case-sensitive forms. */
const CASE_SENSITIVE: Readonly<Record<string, string>> = {
  has: 'has_cs', '!has': '!has_cs', hasprefix: 'hasprefix_cs', '!hasprefix': '!hasprefix_cs',
  hassuffix: 'hassuffix_cs', '!hassuffix': '!hassuffix_cs', contains: 'contains_cs', '!contains': '!contains_cs',
  startswith: 'startswith_cs', '!startswith': '!startswith_cs', endswith: 'endswith_cs', '!endswith': '!endswith_cs',
  '=~': '==', '!~': '!=',
};

const NEGATED = new Set(['!=', '!~', '!has', '!has_cs', '!hasprefix', '!hasprefix_cs', '!hassuffix', '!hassuffix_cs', '!contains',
  '!contains_cs', '!startswith', '!startswith_cs', '!endswith', '!endswith_cs']);

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** What `*` may stand left of (the parser's list): string operators, `==`, `=~`, `!~` and `matches regex`. */
const STAR_OPERATORS = new Set<string>([
  ...Object.keys(CASE_SENSITIVE), ...Object.values(CASE_SENSITIVE), 'has_cs', 'hasprefix_cs', 'hassuffix_cs', 'contains_cs',
  'startswith_cs', 'endswith_cs', 'matches regex',
]);

/** Does the predicate use `*` as a column, `:` or (for search) bare terms? Then it needs this binder. */
export function usesSearchSyntax(e: A.Expression): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.kind === 'Star' || (n.kind === 'Binary' && n.op === ':')) found = true;
  });
  return found;
}

/** Binds a `where` predicate that uses `*` or `:` (plain predicates go straight to bindExpr). */
export function bindWherePredicate(e: A.Expression, scope: RowScope, ctx: BindContext): BoundExpr | undefined {
  return bindSearchPredicate(e, scope, ctx, WHERE_OPTIONS);
}

export function bindSearchPredicate(e: A.Expression, scope: RowScope, ctx: BindContext, opts: SearchPredicateOptions): BoundExpr | undefined {
  switch (e.kind) {
    case 'Paren':
      if (e.expression.kind === 'Pipeline') break;
      return bindSearchPredicate(e.expression, scope, ctx, opts);
    case 'Star':
      // `search *`, `search * and P`: every row.
      return literal('bool', true, e.span);
    case 'StringLiteral':
      if (opts.bareTerms) return termOverColumns(e.value, e.span, allColumns(scope, e.span, opts), opts, true, ctx);
      break;
    case 'Call':
      if (e.callee.name === 'not' && e.args.length === 1 && !scope.lets.lookup('not') && needsThisBinder(e.args[0]!, opts)) {
        const inner = bindSearchPredicate(e.args[0]!, scope, ctx, opts);
        return inner && applyScalar('not', [inner], e.span, ctx);
      }
      break;
    case 'Binary':
      if (e.op === 'and' || e.op === 'or') {
        const l = bindSearchPredicate(e.left, scope, ctx, opts);
        const r = bindSearchPredicate(e.right, scope, ctx, opts);
        return l && r && binaryOperator(e.op, l, r, e.span, ctx);
      }
      if (e.op === ':') {
        const term = e.right.kind === 'StringLiteral' ? e.right : undefined;
        if (!term) return report(ctx, 'bind-wrong-type', e.right.span, { what: "the term of ':'", expected: 'a string literal', got: e.right.kind });
        const columns = e.left.kind === 'Star' ? allColumns(scope, e.left.span, opts) : [bindExpr(e.left, scope, ctx)];
        return termOverColumns(term.value, e.span, columns, opts, e.left.kind === 'Star', ctx);
      }
      if (e.left.kind === 'Star') return starOperator(e, scope, ctx, opts);
      if (opts.caseSensitive && CASE_SENSITIVE[e.op]) {
        const l = bindExpr(e.left, scope, ctx);
        const r = bindExpr(e.right, scope, ctx);
        return l && r && binaryOperator(CASE_SENSITIVE[e.op] as A.BinaryOp, l, r, e.span, ctx);
      }
      break;
    case 'ListOp':
      if (opts.caseSensitive && (e.op === 'in~' || e.op === '!in~')) {
        return bindExpr({ ...e, op: e.op === 'in~' ? 'in' : '!in' }, scope, ctx);
      }
      break;
  }
  if (opts.caseSensitive) {
    const insensitive = firstCaseInsensitive(e);
    if (insensitive) return report(ctx, 'bind-not-supported', insensitive.span, { name: `search kind=case_sensitive over '${insensitive.what}' inside an expression` });
  }
  return bindExpr(e, scope, ctx);
}

function needsThisBinder(e: A.Expression, opts: SearchPredicateOptions): boolean {
  if (opts.caseSensitive || usesSearchSyntax(e)) return true;
  if (!opts.bareTerms) return false;
  let found = false;
  walkBoolean(e, (n) => {
    if (n.kind === 'StringLiteral') found = true;
  });
  return found;
}

/** Columns of the input as bound references (undefined entries mark a failure already reported). */
function allColumns(scope: RowScope, span: Span, opts: SearchPredicateOptions): (BoundExpr | undefined)[] {
  return scope.schema.map((c, i) => colRef(c, i, span)).slice(opts.starFrom ?? 0);
}

/** A search term over the given columns: the operator follows the term's wildcards (search-operator.md). */
function termOverColumns(
  term: string,
  span: Span,
  columns: readonly (BoundExpr | undefined)[],
  opts: SearchPredicateOptions,
  everyColumn: boolean,
  ctx: BindContext,
): BoundExpr | undefined {
  if (columns.some((c) => c === undefined)) return undefined;
  const { op, needle } = termOperator(term, opts.caseSensitive);
  if (/^\*+$/.test(term)) return literal('bool', true, span);
  const right = literal('string', needle, span);
  return anyColumn(columns as BoundExpr[], op, right, span, everyColumn, ctx);
}

function termOperator(term: string, caseSensitive: boolean): { op: A.BinaryOp; needle: string } {
  const cs = (op: string) => (caseSensitive ? `${op}_cs` : op) as A.BinaryOp;
  const lead = term.startsWith('*');
  const trail = term.endsWith('*') && term.length > 1;
  const inner = term.slice(lead ? 1 : 0, trail ? term.length - 1 : term.length);
  if (!inner.includes('*')) {
    if (lead && trail) return { op: cs('contains'), needle: inner };
    if (lead) return { op: cs('hassuffix'), needle: inner };
    if (trail) return { op: cs('hasprefix'), needle: inner };
    return { op: cs('has'), needle: inner };
  }
  // `bi*lg` → `\bbi.*lg\b` (a leading or trailing `*` drops that side's word boundary); case-insensitive unless
  // kind=case_sensitive [U: the page's table shows the regex without the case rule that the default implies].
  const body = inner.split('*').map(escapeRegex).join('.*');
  return { op: 'matches regex', needle: `${caseSensitive ? '' : '(?i)'}${lead ? '' : '\\b'}${body}${trail ? '' : '\\b'}` };
}

function escapeRegex(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$#&~\-\s]/g, (c) => (/\s/.test(c) ? c : `\\${c}`));
}

/** `* op right`: the operator over every column of the input. */
function starOperator(e: A.BinaryExpr, scope: RowScope, ctx: BindContext, opts: SearchPredicateOptions): BoundExpr | undefined {
  const op = (opts.caseSensitive ? (CASE_SENSITIVE[e.op] ?? e.op) : e.op) as A.BinaryOp;
  if (NEGATED.has(op)) return report(ctx, 'bind-not-supported', e.span, { name: `'* ${e.op}' (a negated operator over every column)` });
  if (!STAR_OPERATORS.has(op)) return report(ctx, 'bind-star-not-allowed', e.left.span, {});
  const right = bindExpr(e.right, scope, ctx);
  if (!right) return undefined;
  return anyColumn(allColumns(scope, e.left.span, opts) as BoundExpr[], op, right, e.span, true, ctx);
}

/**
 * OR over the columns of `col op right`. With `everyColumn` (the `*` forms), a string operator reads a non-string
 * column through its text and a comparison skips the columns whose type does not compare (see the header).
 */
function anyColumn(columns: readonly BoundExpr[], op: A.BinaryOp, right: BoundExpr, span: Span, everyColumn: boolean, ctx: BindContext): BoundExpr | undefined {
  const stringOp = !COMPARISONS.has(op);
  const tests: BoundExpr[] = [];
  for (const col of columns) {
    let left = col;
    if (everyColumn && stringOp && col.type !== 'string' && col.type !== 'dynamic') {
      if (col.type === 'decimal') return report(ctx, 'bind-not-supported', span, { name: `'${op}' over every column with a decimal column (${colName(col)})` });
      left = convertTo(col, 'string');
    }
    const scratch: BindContext = { ...ctx, diagnostics: [] };
    const test = binaryOperator(op, left, right, span, scratch);
    if (!test) {
      if (stringOp || !everyColumn) {
        ctx.diagnostics.push(...scratch.diagnostics);
        return undefined;
      }
      continue; // a column whose type does not compare with the value
    }
    tests.push(test);
  }
  return anyOf(tests, span, ctx) ?? literal('bool', false, span);
}

/** `or` over the tests as a balanced tree: a search over every table has thousands of columns, and a left-deep
 * chain that long would nest deeper than evaluation can recurse. */
function anyOf(tests: readonly BoundExpr[], span: Span, ctx: BindContext): BoundExpr | undefined {
  if (tests.length <= 1) return tests[0];
  const mid = tests.length >> 1;
  const l = anyOf(tests.slice(0, mid), span, ctx);
  const r = anyOf(tests.slice(mid), span, ctx);
  return l && r && binaryOperator('or', l, r, span, ctx);
}

function colName(e: BoundExpr): string {
  return e.kind === 'Column' ? e.name : 'a column';
}

/** A registered scalar function over bound arguments (not() over a walked predicate). */
function applyScalar(name: string, args: readonly BoundExpr[], span: Span, ctx: BindContext): BoundExpr | undefined {
  const def = lookupScalar(name)!;
  const r = def.resolve(
    args.map((a) => a.type),
    resolveContext(args, ctx),
  );
  if (isRefusal(r)) {
    ctx.diagnostics.push(diagnostic('bind-wrong-type', span, { what: `'${name}'`, expected: 'a bool', got: args.map((a) => a.type).join(', ') }));
    return undefined;
  }
  const converted = args.map((a, i) => (r.argTypes?.[i] ? convertTo(a, r.argTypes[i]!) : a));
  return foldIfConstant(call(def.name, converted, r.returnType, r.invoke, span, def.deterministic));
}

/** The first case-insensitive string operator in an expression (kind=case_sensitive cannot reach inside calls). */
function firstCaseInsensitive(e: A.Expression): { what: string; span: Span } | undefined {
  let found: { what: string; span: Span } | undefined;
  walk(e, (n) => {
    if (found) return;
    if (n.kind === 'Binary' && CASE_SENSITIVE[n.op]) found = { what: n.op, span: n.span };
    else if (n.kind === 'ListOp' && (n.op === 'in~' || n.op === '!in~' || n.op === 'has_any' || n.op === 'has_all')) found = { what: n.op, span: n.span };
  });
  return found;
}

type AnyNode = { readonly kind: string; readonly span: Span } & Record<string, unknown>;

/** Visits every syntax node below e (not into tabular subqueries' own predicates' meaning: a plain walk). */
function walk(e: A.Expression, visit: (n: A.Expression) => void): void {
  const stack: unknown[] = [e];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
      continue;
    }
    if (!n || typeof n !== 'object' || !('kind' in n)) continue;
    visit(n as A.Expression);
    for (const [k, v] of Object.entries(n as AnyNode)) if (k !== 'span' && v && typeof v === 'object') stack.push(v);
  }
}

/** Visits the leaves of the boolean skeleton (and / or / not() / parentheses). */
function walkBoolean(e: A.Expression, visit: (n: A.Expression) => void): void {
  if (e.kind === 'Paren') return walkBoolean(e.expression, visit);
  if (e.kind === 'Binary' && (e.op === 'and' || e.op === 'or')) {
    walkBoolean(e.left, visit);
    walkBoolean(e.right, visit);
    return;
  }
  if (e.kind === 'Call' && e.callee.name === 'not' && e.args.length === 1) return walkBoolean(e.args[0]!, visit);
  visit(e);
}
