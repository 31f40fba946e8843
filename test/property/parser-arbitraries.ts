// fast-check arbitraries of KQL ASTs the parser can produce, for the fuzz test (parser-fuzz.test.ts). They build
// ASTs, not text: the text comes from print(), so every generated query exercises the printer too. Parentheses
// are added where precedence needs them (low → high: pipe, or, and, comparison, + -, * / %, unary, postfix;
// docs logical-operators.md), exactly as the parser would read them back.
import fc from 'fast-check';
import type { Assignment, Expression, NameRef, OperatorParam, Script, SortKey, Statement, TabularOperator } from '../../src/parser/index.js';
import { decodeTimespan } from '../../src/parser/literals.js';

export const sp = { start: 0, end: 0 };
const PREC = { pipe: 0, or: 1, and: 2, cmp: 3, add: 4, mul: 5, unary: 6, postfix: 7, primary: 8 };

function prec(e: Expression): number {
  switch (e.kind) {
    case 'Pipeline':
    case 'Print':
    case 'Datatable':
    case 'Range':
    case 'Union':
    case 'Externaldata':
    case 'Evaluate':
      return PREC.pipe;
    case 'Binary':
      if (e.op === 'or') return PREC.or;
      if (e.op === 'and') return PREC.and;
      if (e.op === '+' || e.op === '-') return PREC.add;
      if (e.op === '*' || e.op === '/' || e.op === '%') return PREC.mul;
      return PREC.cmp;
    case 'ListOp':
    case 'Between':
      return PREC.cmp;
    case 'Unary':
      return PREC.unary;
    case 'Member':
    case 'Index':
      return PREC.postfix;
    default:
      return PREC.primary;
  }
}
/** `e` where an operand of precedence `min` or tighter is required: parenthesised when it binds more loosely. */
export const at = (e: Expression, min: number): Expression => (prec(e) < min ? { kind: 'Paren', expression: e, span: sp } : e);

const id = (name: string, quoted = false) => ({ kind: 'Identifier' as const, name, quoted, span: sp });
export const N = (name: string): Expression => ({ kind: 'Name', name, quoted: false, span: sp });
const NR = (name: string): NameRef => ({ kind: 'Name', name, quoted: false, span: sp });

// Names: plain, soft keywords (valid as names), digit-led, and quoted ones the printer must escape.
const plainNames = ['a', 'b', 'Col1', 'x_y', '_z', 'count', 'title', 'kind', 'type', 'step', '5_Min', 'Timestamp', 'Url', 'where', 'on'];
export const ident = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...plainNames).map((n) => id(n)) },
  { weight: 1, arbitrary: fc.constantFrom('a b', 'by', 'and', "it's", 'x"y', '1d', 'has').map((n) => id(n, true)) },
);
/** Names the parser reads back unchanged after an operator's parameters (`kind = x` there is printed `['kind'] = x`). */
const itemIdent = ident.filter((i) => i.quoted || i.name !== 'kind');
const nameRef = ident.map((i): Expression => ({ kind: 'Name', name: i.name, quoted: i.quoted, span: sp }));

const stringLit = fc
  .record({ value: fc.string({ maxLength: 10, unit: 'grapheme' }), obfuscated: fc.boolean() })
  .map(({ value, obfuscated }): Expression => (obfuscated ? { kind: 'StringLiteral', value, obfuscated: true, span: sp } : { kind: 'StringLiteral', value, span: sp }));
const longLit = fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }).map((value): Expression => ({ kind: 'LongLiteral', value, span: sp }));
const smallLong = fc.bigInt({ min: 0n, max: 1000n }).map((value): Expression => ({ kind: 'LongLiteral', value, span: sp }));
const realLit = fc
  .double({ min: 0, noNaN: true, noDefaultInfinity: true })
  .filter((v) => !Object.is(v, -0))
  .map((value): Expression => ({ kind: 'RealLiteral', value, span: sp }));
const timespanLit = fc
  .constantFrom('1d', '1.5h', '30m', '10s', '100ms', '5microseconds', '1tick', '2min', '7days', '0.25hours')
  .map((text): Expression => ({ kind: 'TimespanLiteral', ticks: decodeTimespan(text)!, text, span: sp }));
const typedLit = fc
  .constantFrom(['int', 'int', null], ['real', 'real', 'nan'], ['datetime', 'datetime', '2026-01-01 10:00:00.1234567'], ['timespan', 'time', '0.12:34:56.7'], ['guid', 'guid', '74be27de-1e4e-49d9-b579-fe0b331d3642'], ['bool', 'bool', 'true'], ['long', 'long', '-5'])
  .map(([type, text, content]): Expression => ({ kind: 'TypedLiteral', type: { kind: 'ScalarType', type: type as 'int', text: text!, span: sp }, text: content, span: sp }));
const boolLit = fc.boolean().map((value): Expression => ({ kind: 'BoolLiteral', value, span: sp }));
const dynNode = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constant({ kind: 'DynNull' as const, span: sp }),
    fc.string({ maxLength: 6 }).map((value) => ({ kind: 'StringLiteral' as const, value, span: sp })),
    fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map((value) => ({ kind: 'LongLiteral' as const, value, span: sp })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((value) => ({ kind: 'RealLiteral' as const, value, span: sp })),
    fc.boolean().map((value) => ({ kind: 'BoolLiteral' as const, value, span: sp })),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => ({ kind: 'DynArray' as const, items, span: sp })),
    fc.array(fc.record({ key: fc.string({ maxLength: 4 }), value: tie('node') }), { maxLength: 3 }).map((entries) => ({ kind: 'DynBag' as const, entries, span: sp })),
  ),
})).node;
const dynLit = dynNode.map((value): Expression => ({ kind: 'DynamicLiteral', value: value as never, span: sp }));
const scalarTypeRef = fc.constantFrom('string', 'long', 'int', 'real', 'bool', 'datetime', 'timespan', 'dynamic', 'guid', 'double').map((t) => ({
  kind: 'ScalarType' as const,
  type: (t === 'double' ? 'real' : t) as 'string',
  text: t,
  span: sp,
}));

const binaryOps = ['or', 'and', '+', '-', '*', '/', '%', '==', '!=', '=~', '!~', '<', '<=', '>', '>=', 'has', '!has', 'has_cs', 'hasprefix', '!hassuffix_cs', 'contains', '!contains_cs', 'startswith', '!endswith', 'matches regex', ':'] as const;
/** The operators whose left operand may be `*` ("any column"). */
const starOps = ['has', '!contains', '==', '=~', '!~', ':', 'startswith_cs'] as const;
const listOps = ['in', '!in', 'in~', '!in~', 'has_any', 'has_all'] as const;

/**
 * A subquery followed by more items would take them as its own (`f(T | project x, y)` projects y), so only the
 * last item of a list may be a bare pipeline; the parser reads earlier ones only when parenthesised.
 */
const barePipelineLast = (items: Expression[]): Expression[] =>
  items.map((x, i) => (x.kind === 'Pipeline' && i < items.length - 1 ? { kind: 'Paren', expression: x, span: sp } : x));

/** Scalar expressions; `tabular` is mixed in where KQL accepts a subquery (list items, call arguments, parens). */
export function expressions(tabular: fc.Arbitrary<Expression>): fc.Arbitrary<Expression> {
  const { expr } = fc.letrec((tie) => {
    const e = tie('expr') as fc.Arbitrary<Expression>;
    return {
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        nameRef,
        stringLit,
        longLit,
        realLit,
        timespanLit,
        typedLit,
        boolLit,
        dynLit,
        fc.tuple(fc.constantFrom(...binaryOps), e, e).map(([op, l, r]): Expression => {
          const p = prec({ kind: 'Binary', op, left: l, right: r, span: sp } as Expression);
          return { kind: 'Binary', op, left: at(l, p), right: at(r, p + 1), span: sp };
        }),
        fc.tuple(fc.constantFrom(...starOps), e).map(([op, r]): Expression => ({ kind: 'Binary', op, left: { kind: 'Star', span: sp }, right: at(r, PREC.cmp + 1), span: sp })),
        fc.tuple(fc.constantFrom(...listOps), e, fc.array(fc.oneof(e, tabular), { minLength: 1, maxLength: 3 })).map(
          ([op, l, items]): Expression => ({ kind: 'ListOp', op, left: at(l, PREC.cmp), items: barePipelineLast(items), span: sp }),
        ),
        fc.tuple(fc.boolean(), e, e, e).map(([negated, l, lo, hi]): Expression => ({ kind: 'Between', negated, left: at(l, PREC.cmp), low: at(lo, PREC.add), high: at(hi, PREC.add), span: sp })),
        fc.tuple(fc.constantFrom('-', '+'), e).map(([op, x]): Expression => ({ kind: 'Unary', op: op as '-', operand: at(x, PREC.unary), span: sp })),
        fc
          .tuple(
            // Not typed-literal words (`int(`, `datetime(`...): the lexer reads those as one literal token, never as a call.
            fc.constantFrom('f', 'strcat', 'count', 'toscalar', 'bin', 'iff', 'range', 'dynamic_to_json'),
            fc.array(
              fc.oneof(
                { weight: 4, arbitrary: e },
                { weight: 1, arbitrary: tabular },
                { weight: 1, arbitrary: fc.constant<Expression>({ kind: 'Star', span: sp }) },
                { weight: 1, arbitrary: fc.tuple(ident, e).map(([name, value]): Expression => ({ kind: 'NamedArg', name, value: at(value, PREC.or), span: sp })) },
                { weight: 1, arbitrary: scalarTypeRef.map((type): Expression => ({ kind: 'TypeOf', type, span: sp })) },
              ),
              { maxLength: 3 },
            ),
          )
          .map(([callee, args]): Expression => ({ kind: 'Call', callee: id(callee), args: barePipelineLast(args), span: sp })),
        // `0.x` would lex as the real `0.` followed by `x`: a number target of `.` needs parentheses.
        fc.tuple(e, ident).map(([target, member]): Expression => ({
          kind: 'Member',
          target: target.kind === 'LongLiteral' || target.kind === 'RealLiteral' ? { kind: 'Paren', expression: target, span: sp } : at(target, PREC.postfix),
          member,
          span: sp,
        })),
        fc.tuple(e, e).map(([target, index]): Expression => ({ kind: 'Index', target: at(target, PREC.postfix), index: at(index, PREC.or), span: sp })),
        e.map((x): Expression => ({ kind: 'Paren', expression: x, span: sp })),
        tabular.map((x): Expression => ({ kind: 'Paren', expression: x, span: sp })),
      ),
    };
  });
  return expr;
}

const simpleTabular: fc.Arbitrary<Expression> = fc.constantFrom<Expression>(
  { kind: 'Pipeline', source: N('T'), operators: [{ kind: 'Count', span: sp }], span: sp },
  { kind: 'Pipeline', source: N('U'), operators: [{ kind: 'Project', items: [{ kind: 'Assignment', names: [], expression: N('x'), span: sp }], span: sp }], span: sp },
);
export const scalar = expressions(simpleTabular);
const pred = scalar.map((x) => at(x, PREC.or));
const assignment = fc.tuple(fc.array(itemIdent, { maxLength: 2 }), pred).map(([names, expression]): Assignment => ({ kind: 'Assignment', names, expression, span: sp }));
const assignments = fc.array(assignment, { minLength: 1, maxLength: 3 });
const sortKey = fc
  .record({
    expression: pred,
    order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }),
    nulls: fc.option(fc.constantFrom('first' as const, 'last' as const), { nil: undefined }),
  })
  .map(({ expression, order, nulls }): SortKey => ({ kind: 'SortKey', expression, ...(order ? { order } : {}), ...(nulls ? { nulls } : {}), span: sp }));
const pattern = fc
  .constantFrom(['a', false], ['Email*', true], ['*Id', true], ['a b', false], ['*1', true])
  .map(([p, w]) => ({ kind: 'ColumnPattern' as const, pattern: p as string, wildcard: w as boolean, span: sp }));
export const param = (name: string, value: OperatorParam['value']): OperatorParam => ({ kind: 'OperatorParam', name, value, span: sp });
const hint = fc.constantFrom(['hint.strategy', 'shuffle'], ['hint.shufflekey', 'k'], ['hint.remote', 'auto']).map(([n, v]) => param(n!, N(v!)));

/** Tabular operators, each with the parameters the parser accepts for it. */
export function operators(extra: fc.Arbitrary<TabularOperator>[] = []): fc.Arbitrary<TabularOperator> {
  return fc.oneof(
    fc.tuple(fc.constantFrom('where', 'filter'), pred).map(([keyword, predicate]): TabularOperator => ({ kind: 'Where', keyword, predicate, span: sp })),
    assignments.map((items): TabularOperator => ({ kind: 'Extend', items, span: sp })),
    assignments.map((items): TabularOperator => ({ kind: 'Project', items, span: sp })),
    fc.array(pattern, { minLength: 1, maxLength: 3 }).map((columns): TabularOperator => ({ kind: 'ProjectAway', columns, span: sp })),
    fc.array(pattern, { minLength: 1, maxLength: 3 }).map((columns): TabularOperator => ({ kind: 'ProjectKeep', columns, span: sp })),
    fc.array(fc.tuple(ident, ident), { minLength: 1, maxLength: 2 }).map((pairs): TabularOperator => ({ kind: 'ProjectRename', items: pairs.map(([newName, oldName]) => ({ newName, oldName, span: sp })), span: sp })),
    fc
      .tuple(fc.option(hint, { nil: undefined }), fc.array(assignment, { maxLength: 2 }), fc.array(assignment, { maxLength: 2 }))
      .filter(([, a, b]) => a.length + b.length > 0)
      .map(([h, aggregates, by]): TabularOperator => ({ kind: 'Summarize', params: h ? [h] : [], aggregates, by, span: sp })),
    fc.tuple(fc.constantFrom('sort', 'order'), fc.array(sortKey, { minLength: 1, maxLength: 2 })).map(([keyword, keys]): TabularOperator => ({ kind: 'Sort', keyword, keys, span: sp })),
    fc.tuple(smallLong, sortKey).map(([count, key]): TabularOperator => ({ kind: 'Top', count, keys: [key], span: sp })),
    fc.tuple(fc.constantFrom('take', 'limit'), smallLong).map(([keyword, count]): TabularOperator => ({ kind: 'Take', keyword, count, span: sp })),
    fc.constant<TabularOperator>({ kind: 'Count', span: sp }),
    fc.oneof(fc.constant('*' as const), fc.array(pred, { minLength: 1, maxLength: 2 })).map((columns): TabularOperator => ({ kind: 'Distinct', columns, span: sp })),
    fc.tuple(fc.constantFrom('inner', 'leftouter', 'leftanti', null), fc.boolean(), fc.constantFrom('Join', 'Lookup')).map(([kind, paren, op]): TabularOperator => ({
      kind: op as 'Join',
      params: kind ? [param('kind', N(kind))] : [],
      right: paren ? { kind: 'Paren', expression: { kind: 'Pipeline', source: N('U'), operators: [{ kind: 'Take', keyword: 'take', count: { kind: 'LongLiteral', value: 1n, span: sp }, span: sp }], span: sp }, span: sp } : N('U'),
      on: [N('Key'), { kind: 'Binary', op: '==', left: { kind: 'JoinSide', side: 'left', name: id('a'), span: sp }, right: { kind: 'JoinSide', side: 'right', name: id('b'), span: sp }, span: sp }],
      span: sp,
    })),
    fc.constant<TabularOperator>({ kind: 'Union', params: [param('kind', N('outer'))], tables: [N('U'), { kind: 'Name', name: 'Email*', quoted: false, wildcard: true, span: sp }], span: sp }),
    fc.tuple(pred, fc.boolean(), fc.option(itemIdent, { nil: undefined })).map(([expression, typed, name]): TabularOperator => ({
      kind: 'MvExpand',
      params: [param('bagexpansion', N('array'))],
      items: [{ kind: 'MvExpandItem', ...(name ? { name } : {}), expression, ...(typed ? { toType: { kind: 'ScalarType' as const, type: 'long' as const, text: 'long', span: sp } } : {}), span: sp }],
      limit: { kind: 'LongLiteral', value: 5n, span: sp },
      span: sp,
    })),
    fc.tuple(pred, fc.boolean()).map(([expression, inRange]): TabularOperator => ({
      kind: 'MakeSeries',
      params: [],
      aggregates: [{ kind: 'MakeSeriesAggregate', expression, defaultValue: { kind: 'LongLiteral', value: 0n, span: sp }, span: sp }],
      on: N('Timestamp'),
      ...(inRange ? { inRange: { start: N('a'), stop: N('b'), step: N('c') } } : { from: N('a'), to: N('b'), step: N('c') }),
      by: [],
      span: sp,
    })),
    fc.constant<TabularOperator>({ kind: 'Render', chart: id('timechart'), properties: [param('title', { kind: 'StringLiteral', value: 't', span: sp })], span: sp }),
    fc.constant<TabularOperator>({
      kind: 'Parse',
      params: [],
      source: N('Url'),
      pattern: [
        { kind: 'StringLiteral', value: 'x=', span: sp },
        { kind: 'ParseColumn', name: id('X'), type: { kind: 'ScalarType', type: 'long', text: 'long', span: sp }, span: sp },
        { kind: 'Star', span: sp },
      ],
      span: sp,
    }),
    ident.map((name): TabularOperator => ({ kind: 'As', params: [], name, span: sp })),
    fc.constant<TabularOperator>({ kind: 'Invoke', call: { kind: 'Call', callee: id('f'), args: [], span: sp }, span: sp }),
    fc.constant<TabularOperator>({ kind: 'Serialize', items: [], span: sp }),
    fc.constant<TabularOperator>({ kind: 'GetSchema', span: sp }),
    smallLong.map((count): TabularOperator => ({ kind: 'Sample', count, span: sp })),
    ...moreOperators(),
    ...extra,
  );
}

const hints = fc.array(hint, { maxLength: 2 });
const withParams = <O extends object>(o: O, ps: OperatorParam[]): O => (ps.length ? { ...o, params: ps } : o);
/** `(op | op)` over the implicit table (mv-apply, partition, fork). */
const contextual = fc.array(fc.constantFrom<TabularOperator>({ kind: 'Count', span: sp }, { kind: 'Take', keyword: 'take', count: { kind: 'LongLiteral', value: 1n, span: sp }, span: sp }), { minLength: 1, maxLength: 2 }).map(
  (ops): Expression => ({ kind: 'Paren', expression: { kind: 'Pipeline', source: N(''), operators: ops, span: sp }, span: sp }),
);
const assignmentOf = (names: fc.Arbitrary<ReturnType<typeof id>[]>) => fc.tuple(names, pred).map(([ns, expression]): Assignment => ({ kind: 'Assignment', names: ns, expression, span: sp }));
const oneName = assignmentOf(fc.array(itemIdent, { maxLength: 1 }));
const tableRef = fc.oneof(
  fc.constantFrom('T', 'EmailEvents').map(N),
  fc.constant<Expression>({ kind: 'Name', name: 'Email*', quoted: false, wildcard: true, span: sp }),
  fc.constant<Expression>({ kind: 'Pipeline', source: N('U'), operators: [{ kind: 'As', params: [], name: id('X'), span: sp }], span: sp }),
);
const searchPredicate = fc.oneof(
  pred,
  stringLit,
  fc.tuple(ident, stringLit).map(([c, v]): Expression => ({ kind: 'Binary', op: ':', left: { kind: 'Name', name: c.name, quoted: c.quoted, span: sp }, right: v, span: sp })),
  pred.map((r): Expression => ({ kind: 'Binary', op: 'and', left: { kind: 'Star', span: sp }, right: r, span: sp })),
);
export const searchOp = fc.tuple(fc.boolean(), fc.option(fc.array(tableRef, { minLength: 1, maxLength: 2 }), { nil: undefined }), searchPredicate).map(
  ([cs, tables, predicate]): TabularOperator => ({ kind: 'Search', params: cs ? [param('kind', N('case_sensitive'))] : [], ...(tables ? { tables } : {}), predicate, span: sp }),
);
const graphNode = fc.option(ident, { nil: undefined }).map((name) => ({ kind: 'GraphNode' as const, ...(name ? { name } : {}), span: sp }));
const graphEdge = fc.tuple(fc.constantFrom('-->' as const, '<--' as const, '--' as const), fc.option(ident, { nil: undefined }), fc.boolean()).map(([direction, name, ranged]) => ({
  kind: 'GraphEdge' as const,
  ...(name ? { name } : {}),
  direction,
  ...(ranged ? { range: { min: { kind: 'LongLiteral', value: 1n, span: sp } as Expression, max: { kind: 'LongLiteral', value: 3n, span: sp } as Expression } } : {}),
  span: sp,
}));
const graphPattern = fc.tuple(graphNode, fc.array(fc.tuple(graphEdge, graphNode), { maxLength: 2 })).map(([n, rest]) => ({ kind: 'GraphPattern' as const, elements: [n, ...rest.flat()], span: sp }));

/** Whether the expression is printed starting with `*` (distinct reads a leading `*` as its star item). */
function startsWithStar(e: Expression): boolean {
  for (;;) {
    if (e.kind === 'Star') return true;
    if (e.kind === 'Binary' || e.kind === 'ListOp' || e.kind === 'Between') e = e.left;
    else if (e.kind === 'Member' || e.kind === 'Index') e = e.target;
    else return false;
  }
}

/** The operators added for issue #12. */
function moreOperators(): fc.Arbitrary<TabularOperator>[] {
  return [
    searchOp,
    fc.tuple(hints, pred).map(([ps, predicate]): TabularOperator => withParams({ kind: 'Where', keyword: 'where', predicate, span: sp }, ps)),
    fc.tuple(hints, sortKey).map(([ps, k]): TabularOperator => withParams({ kind: 'Sort', keyword: 'order', keys: [k], span: sp }, ps)),
    fc.tuple(hints, smallLong).map(([ps, count]): TabularOperator => withParams({ kind: 'Take', keyword: 'take', count, span: sp }, ps)),
    fc.option(ident, { nil: undefined }).map((as): TabularOperator => ({ kind: 'Count', ...(as ? { as: { ...as, quoted: false } } : {}), span: sp })),
    fc.tuple(hints, fc.array(fc.oneof(pred.filter((e) => !startsWithStar(e)), fc.constant<Expression>({ kind: 'Star', span: sp }), fc.tuple(itemIdent, pred).map(([name, value]): Expression => ({ kind: 'NamedArg', name, value, span: sp }))), { minLength: 2, maxLength: 3 })).map(
      ([ps, columns]): TabularOperator => withParams({ kind: 'Distinct', columns, span: sp }, ps),
    ),
    fc.constant<TabularOperator>({
      kind: 'ParseKv',
      source: N('Msg'),
      columns: [{ kind: 'ColumnDecl', name: id('a'), type: { kind: 'ScalarType', type: 'string', text: 'string', span: sp }, span: sp }],
      properties: [param('pair_delimiter', { kind: 'StringLiteral', value: ';', span: sp })],
      span: sp,
    }),
    pred.map((source): TabularOperator => ({ kind: 'ParseWhere', params: [], source, pattern: [{ kind: 'StringLiteral', value: 'a', span: sp }, { kind: 'ParseColumn', name: id('b'), span: sp }], span: sp })),
    fc.tuple(pred, fc.array(assignmentOf(fc.tuple(itemIdent).map((x) => x)), { maxLength: 2 }), fc.boolean()).map(([condition, assignments, ordered]): TabularOperator => ({
      kind: 'Scan',
      params: [],
      ...(ordered ? { orderBy: [{ kind: 'SortKey' as const, expression: N('t'), span: sp }] } : {}),
      declare: [{ kind: 'LambdaParam', name: id('n'), type: { kind: 'ScalarType', type: 'long', text: 'long', span: sp }, defaultValue: { kind: 'LongLiteral', value: 0n, span: sp }, span: sp }],
      steps: [{ kind: 'ScanStep', name: id('s1'), optional: false, condition, assignments, span: sp }],
      span: sp,
    })),
    fc.array(fc.tuple(fc.option(smallLong, { nil: undefined }), oneName, oneName, fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined })), { minLength: 1, maxLength: 2 }).map(
      (levels): TabularOperator => ({
        kind: 'TopNested',
        levels: levels.map(([count, of, by, order]) => ({ kind: 'TopNestedLevel' as const, ...(count ? { count } : {}), of, by, ...(order ? { order } : {}), span: sp })),
        span: sp,
      }),
    ),
    fc.tuple(smallLong, oneName, fc.option(oneName, { nil: undefined })).map(([count, of, by]): TabularOperator => ({ kind: 'TopHitters', count, of, ...(by ? { by } : {}), span: sp })),
    fc.tuple(smallLong, oneName).map(([count, of]): TabularOperator => ({ kind: 'SampleDistinct', count, of, span: sp })),
    fc.tuple(hints, contextual, fc.boolean()).map(([ps, subquery, braces]): TabularOperator => ({
      kind: 'Partition',
      params: ps,
      by: N('k'),
      ...(braces ? { subquery: { kind: 'Pipeline', source: N('T'), operators: [{ kind: 'Count', span: sp }], span: sp } as Expression, braces: true as const } : { subquery }),
      span: sp,
    })),
    fc.array(fc.tuple(fc.option(ident, { nil: undefined }), contextual), { minLength: 1, maxLength: 2 }).map(
      (bs): TabularOperator => ({ kind: 'Fork', branches: bs.map(([name, subquery]) => ({ kind: 'ForkBranch' as const, ...(name ? { name } : {}), subquery, span: sp })), span: sp }),
    ),
    fc.tuple(fc.constantFrom('-->' as const, '--' as const), fc.boolean()).map(([direction, withNodes]): TabularOperator => ({
      kind: 'MakeGraph',
      params: [],
      source: NR('Src'),
      direction,
      target: NR('Dst'),
      nodes: withNodes ? [{ table: N('Nodes'), key: NR('Id'), span: sp }] : [],
      span: sp,
    })),
    fc.tuple(fc.array(graphPattern, { minLength: 1, maxLength: 2 }), fc.option(pred, { nil: undefined }), fc.array(assignment, { maxLength: 2 })).map(
      ([patterns, where, project]): TabularOperator => ({ kind: 'GraphMatch', params: [], patterns, ...(where ? { where } : {}), project, span: sp }),
    ),
    fc.constant<TabularOperator>({
      kind: 'Render',
      chart: id('columnchart'),
      properties: [
        param('kind', N('stacked')),
        param('ycolumns', { kind: 'NameList', names: [id('a'), id('b')], span: sp }),
        param('title', { kind: 'Call', callee: id('strcat'), args: [{ kind: 'StringLiteral', value: 't', span: sp }], span: sp }),
      ],
      span: sp,
    }),
    fc.constant<TabularOperator>({ kind: 'Join', params: [], right: N('U'), on: [], where: { kind: 'Binary', op: '==', left: N('a'), right: N('b'), span: sp }, span: sp }),
  ];
}

const sources: fc.Arbitrary<Expression> = fc.oneof(
  { weight: 1, arbitrary: searchOp.map((op) => op as Expression) },
  { weight: 5, arbitrary: fc.constantFrom('T', 'EmailEvents', 'UrlClickEvents').map(N) },
  { weight: 1, arbitrary: assignments.map((items): Expression => ({ kind: 'Print', items, span: sp })) },
  {
    weight: 1,
    arbitrary: fc.constant<Expression>({ kind: 'Range', column: id('i'), from: { kind: 'LongLiteral', value: 1n, span: sp }, to: { kind: 'LongLiteral', value: 3n, span: sp }, step: { kind: 'LongLiteral', value: 1n, span: sp }, span: sp }),
  },
  {
    weight: 1,
    arbitrary: fc.constant<Expression>({
      kind: 'Datatable',
      columns: [{ kind: 'ColumnDecl', name: id('a'), type: { kind: 'ScalarType', type: 'long', text: 'long', span: sp }, span: sp }],
      values: [{ kind: 'LongLiteral', value: 1n, span: sp }],
      span: sp,
    }),
  },
);

export function scripts(extraOperators: fc.Arbitrary<TabularOperator>[] = []): fc.Arbitrary<Script> {
  const operator = operators(extraOperators);
  const statement: fc.Arbitrary<Statement> = fc.oneof(
    fc.tuple(ident, pred).map(([name, value]): Statement => ({ kind: 'Let', name, value, span: sp })),
    fc.tuple(ident, fc.boolean()).map(([name, view]): Statement => ({
      kind: 'Let',
      name,
      value: { kind: 'Lambda', ...(view ? { view: true as const } : {}), params: [], lets: [], body: N('T'), span: sp },
      span: sp,
    })),
    fc.tuple(sources, fc.array(operator, { minLength: 1, maxLength: 4 })).map(([source, ops]): Statement => ({
      kind: 'QueryStatement',
      expression: { kind: 'Pipeline', source, operators: ops, span: sp },
      span: sp,
    })),
  );
  return fc.array(statement, { minLength: 1, maxLength: 3 }).map((statements): Script => ({ kind: 'Script', statements, span: sp }));
}
