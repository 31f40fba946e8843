// Grammar- and type-aware fast-check arbitraries of KQL queries over the fuzz fixture (fixture.ts), for the engine
// fuzz. They build ASTs and print them with the parser's print(), so the text is valid KQL by construction; types
// are tracked, so most queries bind and run and the evaluator (not only the binder) is exercised:
//  - expressions of each scalar type: columns of T, edge literals, operators, and calls of every function with
//    argument types its own resolve accepts (signatures.ts), now and then with arbitrary arguments;
//  - pipelines over T, U, range, print and datatable: schema-keeping operators (where, extend, sort, take, top,
//    distinct, mv-expand, join, union, serialize…) then at most one schema-changing one (summarize, project,
//    count, make-series, top-nested…), so every column the generator names exists;
//  - subqueries in toscalar(), in (…), materialize() and let statements.
// Sizes are kept small (a few operators, depth ≤ 3): bugs hide in values and combinations, not in size.
import fc from 'fast-check';
import type { Assignment, Expression, Script, Statement, TabularOperator } from '../../src/parser/index.js';
import { print } from '../../src/parser/index.js';
import { decodeTimespan } from '../../src/parser/literals.js';
import { FUZZ_TYPES, T_COLUMNS, type FuzzType } from './fixture.js';
import { aggregateSignatures, allFunctionNames, scalarSignatures } from './signatures.js';

const sp = { start: 0, end: 0 };
const id = (name: string) => ({ kind: 'Identifier' as const, name, quoted: false, span: sp });
const N = (name: string): Expression => ({ kind: 'Name', name, quoted: false, span: sp });
const paren = (e: Expression): Expression => ({ kind: 'Paren', expression: e, span: sp });
const call = (name: string, args: Expression[]): Expression => ({ kind: 'Call', callee: id(name), args, span: sp });
const long = (v: bigint): Expression => (v < 0n ? { kind: 'Unary', op: '-', operand: { kind: 'LongLiteral', value: -v, span: sp }, span: sp } : { kind: 'LongLiteral', value: v, span: sp });
const str = (value: string): Expression => ({ kind: 'StringLiteral', value, span: sp });
const typed = (type: string, text: string | null): Expression => ({ kind: 'TypedLiteral', type: { kind: 'ScalarType', type: (type === 'time' ? 'timespan' : type) as 'int', text: type, span: sp }, text, span: sp });
const bin = (op: string, left: Expression, right: Expression): Expression => ({ kind: 'Binary', op: op as 'and', left: paren(left), right: paren(right), span: sp });
const assign = (name: string | undefined, expression: Expression): Assignment => ({ kind: 'Assignment', names: name ? [id(name)] : [], expression, span: sp });

// Edge literals of each type.
const LONGS = [0n, 1n, -1n, 2n, 3n, 7n, 10n, 100n, 1000n, 65536n, 1n << 31n, (1n << 31n) - 1n, (1n << 53n) + 1n, (1n << 63n) - 1n, -(1n << 63n)];
const REALS: Expression[] = [
  ...[0.5, 0, 1e-300, 1.5, 3.14159, 1e15, 1e300, 123456789.123].map((value): Expression => ({ kind: 'RealLiteral', value, span: sp })),
  typed('real', 'nan'),
  typed('real', '+inf'),
  typed('real', '-inf'),
  typed('real', null),
];
const STRINGS = ['', 'a', 'alpha', 'ALPHA', ' ', 'k1', 'é🙂', 'a,b;c=d', '(a+)+$', '[', '.*', '\\', '%', 'https://bit.ly/x?a=1', '1', '-1', '1.5', '2026-11-20', '{"a":[1,2]}', '[1,"x",null]', 'null', 'true', 'x'.repeat(200), '\u0000', '\ud800'];
const TIMESPANS = ['1d', '1h', '30m', '1s', '100ms', '1tick', '0d', '7d', '365d'].map((text): Expression => ({ kind: 'TimespanLiteral', ticks: decodeTimespan(text)!, text, span: sp }));
const DATETIMES = ['2026-11-20T10:00:00Z', '1970-01-01', '0001-01-01', '9999-12-31 23:59:59.9999999', '2000-02-29'].map((t) => typed('datetime', t));
const DYNAMIC_TEXT = ['[1,2,3]', '[]', '{}', '{"a":1,"b":[1,{"c":null}]}', 'null', '"s"', '1', '[[1],[2,[3]]]', '[1.5,"a",true,null]', '{"k":"k1","a":-1}'];

type Arb<T> = fc.Arbitrary<T>;

function literal(t: FuzzType): Arb<Expression> {
  switch (t) {
    case 'bool':
      return fc.constantFrom<Expression>({ kind: 'BoolLiteral', value: true, span: sp }, { kind: 'BoolLiteral', value: false, span: sp }, typed('bool', null));
    case 'int':
      return fc.constantFrom(typed('int', '0'), typed('int', '-1'), typed('int', '2147483647'), typed('int', null), typed('int', '3'));
    case 'long':
      return fc.oneof(fc.constantFrom(...LONGS).map(long), fc.constant(typed('long', null)));
    case 'real':
      return fc.constantFrom(...REALS);
    case 'datetime':
      return fc.oneof(fc.constantFrom(...DATETIMES), fc.constant(typed('datetime', null)), fc.constant(call('now', [])));
    case 'timespan':
      return fc.oneof(fc.constantFrom(...TIMESPANS), fc.constant(typed('time', null)), fc.constant({ kind: 'Unary', op: '-', operand: TIMESPANS[1]!, span: sp } as Expression));
    case 'string':
      return fc.constantFrom(...STRINGS).map(str);
    case 'dynamic':
      return fc.constantFrom(...DYNAMIC_TEXT).map((text) => call('parse_json', [str(text)]));
    case 'guid':
      return fc.constantFrom(typed('guid', '74be27de-1e4e-49d9-b579-fe0b331d3642'), typed('guid', null));
  }
}

const column = (t: FuzzType): Arb<Expression> | undefined => (T_COLUMNS[t].length ? fc.constantFrom(...T_COLUMNS[t]).map(N) : undefined);

const NUMERIC: readonly FuzzType[] = ['int', 'long', 'real'];
const memo = new Map<string, Arb<Expression>>();

/** Expressions of type `t` over T's columns (none when `columns` is false), at most `depth` calls/operators deep. */
export function expr(t: FuzzType, depth: number, columns = true): Arb<Expression> {
  const key = `${t}/${depth}/${columns}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const leaves: Arb<Expression>[] = [literal(t)];
  const col = columns ? column(t) : undefined;
  if (col) leaves.push(col, col);
  let arb: Arb<Expression> = fc.oneof(...leaves);
  if (depth > 0) {
    const sub = (u: FuzzType) => expr(u, depth - 1, columns);
    const anySub = fc.constantFrom(...FUZZ_TYPES).chain(sub);
    const options: { weight: number; arbitrary: Arb<Expression> }[] = [{ weight: 3, arbitrary: arb }];
    const sigs = scalarSignatures().byReturn.get(t)!;
    if (sigs.length) {
      options.push({ weight: 6, arbitrary: fc.constantFrom(...sigs).chain((s) => fc.tuple(...s.args.map(sub)).map((args) => call(s.name, args))) });
    }
    if (t === 'bool') {
      options.push(
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom('and', 'or'), sub('bool'), sub('bool')).map(([op, l, r]) => bin(op, l, r)) },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '>='), fc.constantFrom(...FUZZ_TYPES)).chain(([op, u]) => fc.tuple(sub(u), sub(u)).map(([l, r]) => bin(op, l, r))) },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom('has', '!has', 'contains', 'startswith', 'endswith', 'matches regex', '=~', '!~', 'hasprefix', 'has_cs', 'contains_cs', '!in~'), sub('string'), sub('string')).map(([op, l, r]) => op === '!in~' ? ({ kind: 'ListOp', op, left: paren(l), items: [r], span: sp } as Expression) : bin(op, l, r)) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('in', '!in', 'has_any', 'has_all'), fc.constantFrom<FuzzType>('long', 'string', 'real', 'dynamic')).chain(([op, u]) => fc.tuple(sub(u), fc.array(sub(u), { minLength: 1, maxLength: 3 })).map(([l, items]): Expression => ({ kind: 'ListOp', op: op as 'in', left: paren(l), items, span: sp }))) },
        { weight: 1, arbitrary: fc.constantFrom<FuzzType>('long', 'real', 'datetime').chain((u) => fc.tuple(fc.boolean(), sub(u), sub(u), sub(u)).map(([negated, l, lo, hi]): Expression => ({ kind: 'Between', negated, left: paren(l), low: paren(lo), high: paren(hi), span: sp }))) },
      );
    }
    if (NUMERIC.includes(t)) {
      options.push({ weight: 3, arbitrary: fc.tuple(fc.constantFrom('+', '-', '*', '/', '%'), sub(t), fc.constantFrom(...NUMERIC).chain(sub)).map(([op, l, r]) => bin(op, l, r)) });
      options.push({ weight: 1, arbitrary: sub(t).map((x): Expression => ({ kind: 'Unary', op: '-', operand: paren(x), span: sp })) });
    }
    if (t === 'datetime') options.push({ weight: 2, arbitrary: fc.tuple(fc.constantFrom('+', '-'), sub('datetime'), sub('timespan')).map(([op, l, r]) => bin(op, l, r)) });
    if (t === 'timespan') options.push({ weight: 2, arbitrary: fc.tuple(sub('datetime'), sub('datetime')).map(([l, r]) => bin('-', l, r)) });
    if (t === 'dynamic') {
      options.push(
        { weight: 1, arbitrary: fc.tuple(sub('dynamic'), fc.oneof(sub('long'), literal('string'))).map(([target, index]): Expression => ({ kind: 'Index', target: paren(target), index, span: sp })) },
        { weight: 1, arbitrary: fc.tuple(sub('dynamic'), fc.constantFrom('a', 'b', 'k', 'c')).map(([target, m]): Expression => ({ kind: 'Member', target: paren(target), member: id(m), span: sp })) },
      );
    }
    // iff / case / coalesce keep the type; tostring/todynamic and friends convert anything.
    options.push({ weight: 1, arbitrary: fc.tuple(sub('bool'), sub(t), sub(t)).map(([c, a, b]) => call('iff', [c, a, b])) });
    const conv: Partial<Record<FuzzType, string>> = { string: 'tostring', long: 'tolong', real: 'toreal', int: 'toint', bool: 'tobool', datetime: 'todatetime', timespan: 'totimespan', dynamic: 'todynamic', guid: 'toguid' };
    options.push({ weight: 1, arbitrary: anySub.map((x) => call(conv[t]!, [x])) });
    // Any function with arguments of any type: most fail to bind (fine), some reach corners the table misses.
    options.push({ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...allFunctionNames()), fc.array(anySub, { maxLength: 3 })).map(([name, args]) => call(name, args)) });
    arb = fc.oneof(...options);
  }
  memo.set(key, arb);
  return arb;
}

const anyExpr = (depth: number, columns = true) => fc.constantFrom(...FUZZ_TYPES).chain((t) => expr(t, depth, columns));
const pred = expr('bool', 2);
const smallCount = fc.oneof(fc.constantFrom(0n, 1n, 2n, 3n, 5n, 100n).map(long), fc.constant((1n << 62n)).map(long));

/** A subquery over T yielding one column of type `t` (for toscalar / in). */
function columnQuery(t: FuzzType): Arb<Expression> {
  return fc.tuple(expr(t, 1), fc.option(pred, { nil: undefined })).map(([e, where]): Expression => ({
    kind: 'Pipeline',
    source: N('T'),
    operators: [...(where ? [{ kind: 'Where', keyword: 'where', predicate: where, span: sp } as TabularOperator] : []), { kind: 'Project', items: [assign('v', e)], span: sp }],
    span: sp,
  }));
}

const keepOps: Arb<TabularOperator> = fc.oneof(
  { weight: 4, arbitrary: pred.map((predicate): TabularOperator => ({ kind: 'Where', keyword: 'where', predicate, span: sp })) },
  { weight: 3, arbitrary: fc.array(fc.tuple(fc.constantFrom('x1', 'x2', 'x3'), anyExpr(2)), { minLength: 1, maxLength: 2 }).map((items): TabularOperator => ({ kind: 'Extend', items: items.map(([n, e]) => assign(n, e)), span: sp })) },
  { weight: 1, arbitrary: fc.tuple(anyExpr(1), fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), fc.constantFrom<'first' | 'last'>('first', 'last')).map(([expression, order, nulls]): TabularOperator => ({ kind: 'Sort', keyword: 'sort', keys: [{ kind: 'SortKey', expression, order, nulls, span: sp }], span: sp })) },
  { weight: 1, arbitrary: smallCount.map((count): TabularOperator => ({ kind: 'Take', keyword: 'take', count, span: sp })) },
  { weight: 1, arbitrary: fc.tuple(smallCount, anyExpr(1)).map(([count, expression]): TabularOperator => ({ kind: 'Top', count, keys: [{ kind: 'SortKey', expression, span: sp }], span: sp })) },
  { weight: 1, arbitrary: fc.constant<TabularOperator>({ kind: 'Distinct', columns: '*', span: sp }) },
  { weight: 1, arbitrary: fc.constant<TabularOperator>({ kind: 'Serialize', items: [], span: sp }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.option(fc.constantFrom(1n, 2n, 1000n).map(long), { nil: undefined }), fc.boolean()).map(([limit, typedItem]): TabularOperator => ({
      kind: 'MvExpand',
      params: [],
      items: [{ kind: 'MvExpandItem', expression: N('e'), ...(typedItem ? { toType: { kind: 'ScalarType' as const, type: 'dynamic' as const, text: 'dynamic', span: sp } } : {}), span: sp }],
      ...(limit ? { limit } : {}),
      span: sp,
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('inner', 'innerunique', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi'), fc.constantFrom('Join', 'Lookup'), fc.option(pred, { nil: undefined })).map(([kind, op, where]): TabularOperator => {
      const right: Expression = where ? paren({ kind: 'Pipeline', source: N('U'), operators: [{ kind: 'Where', keyword: 'where', predicate: { kind: 'Binary', op: '!=', left: N('k'), right: str('zz'), span: sp }, span: sp }], span: sp }) : N('U');
      if (op === 'Lookup') return { kind: 'Lookup', params: [param('kind', N(kind === 'inner' ? 'inner' : 'leftouter'))], right, on: [N('k')], span: sp } as TabularOperator;
      return { kind: 'Join', params: [param('kind', N(kind))], right, on: [N('k')], span: sp };
    }),
  },
  { weight: 1, arbitrary: fc.constant<TabularOperator>({ kind: 'Union', params: [], tables: [N('T')], span: sp }) },
  { weight: 1, arbitrary: fc.tuple(expr('bool', 1), columnQuery('string')).map(([, q]): TabularOperator => ({ kind: 'Where', keyword: 'where', predicate: { kind: 'ListOp', op: 'in', left: N('b'), items: [q], span: sp }, span: sp })) },
  { weight: 1, arbitrary: fc.constantFrom<FuzzType>('long', 'string', 'real', 'datetime').chain((t) => columnQuery(t).map((q): TabularOperator => ({ kind: 'Extend', items: [assign('x9', call('toscalar', [q]))], span: sp }))) },
);

function param(name: string, value: Expression) {
  return { kind: 'OperatorParam' as const, name, value, span: sp };
}

const aggregate: Arb<Expression> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(call('count', [])) },
  { weight: 6, arbitrary: fc.constantFrom(...aggregateSignatures()).chain((s) => fc.tuple(...s.args.map((t) => expr(t, 1))).map((args) => call(s.name, args))) },
);

const lastOps: Arb<TabularOperator> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.array(aggregate, { minLength: 1, maxLength: 2 }), fc.array(anyExpr(1), { maxLength: 2 }), fc.boolean()).map(([aggs, by, binned]): TabularOperator => ({
      kind: 'Summarize',
      params: [],
      aggregates: aggs.map((e, i) => assign(`s${i}`, e)),
      by: binned ? [assign('t', call('bin', [N('Timestamp'), TIMESPANS[1]!]))] : by.map((e, i) => assign(`g${i}`, e)),
      span: sp,
    })),
  },
  { weight: 2, arbitrary: fc.array(anyExpr(2), { minLength: 1, maxLength: 3 }).map((items): TabularOperator => ({ kind: 'Project', items: items.map((e, i) => assign(`p${i}`, e)), span: sp })) },
  { weight: 1, arbitrary: fc.constant<TabularOperator>({ kind: 'Count', span: sp }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom<FuzzType>('long', 'real', 'int'), fc.constantFrom(TIMESPANS[0]!, TIMESPANS[1]!, TIMESPANS[5]!, TIMESPANS[6]!), fc.boolean()).chain(([t, step, withRange]) =>
      fc.tuple(expr(t, 1), fc.array(fc.constantFrom('k', 'b'), { maxLength: 1 })).map(([e, by]): TabularOperator => ({
        kind: 'MakeSeries',
        params: [],
        aggregates: [{ kind: 'MakeSeriesAggregate', expression: call('sum', [e]), defaultValue: long(0n), span: sp }],
        on: N('Timestamp'),
        ...(withRange ? { from: DATETIMES[1]!, to: DATETIMES[0]!, step } : { step }),
        by: by.map((b) => assign(undefined, N(b))),
        span: sp,
      })),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(smallCount, anyExpr(1)).map(([count, e]): TabularOperator => ({ kind: 'TopHitters', count, of: assign(undefined, e), span: sp } as TabularOperator)) },
);

/** Sources without T's columns: range and print over constant expressions. */
const constantSource: Arb<Expression> = fc.oneof(
  fc.tuple(fc.constantFrom<FuzzType>('long', 'real', 'datetime', 'timespan'), fc.nat(2)).chain(([t, d]) =>
    fc.tuple(expr(t, d, false), expr(t, d, false), expr(t === 'datetime' ? 'timespan' : t, d, false)).map(([from, to, step]): Expression => ({ kind: 'Range', column: id('r'), from, to, step, span: sp })),
  ),
  fc.array(anyExpr(2, false), { minLength: 1, maxLength: 3 }).map((items): Expression => ({ kind: 'Print', items: items.map((e, i) => assign(`v${i}`, e)), span: sp })),
);
/** Operators that name no column, for those sources. */
const genericOps: Arb<TabularOperator> = fc.oneof(
  fc.constant<TabularOperator>({ kind: 'Count', span: sp }),
  smallCount.map((count): TabularOperator => ({ kind: 'Take', keyword: 'take', count, span: sp })),
  fc.constant<TabularOperator>({ kind: 'Distinct', columns: '*', span: sp }),
  fc.constant<TabularOperator>({ kind: 'Summarize', params: [], aggregates: [assign('n', call('count', []))], by: [], span: sp }),
  fc.constant<TabularOperator>({ kind: 'MvExpand', params: [], items: [{ kind: 'MvExpandItem', expression: call('pack_array', [N('r')]), span: sp }], span: sp }),
);

/**
 * A pipeline: over T (or U, or T joined with U…), schema-keeping operators over T's columns, then at most one
 * schema-changing operator; or a range / print with operators that name no column.
 */
export const pipeline: Arb<Expression> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom('T', 'T', 'T', 'U'), fc.array(keepOps, { maxLength: 3 }), fc.option(lastOps, { nil: undefined, freq: 2 }))
      .map(([table, ops, last]): Expression => ({ kind: 'Pipeline', source: N(ops.length || last ? 'T' : table), operators: last ? [...ops, last] : ops, span: sp })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(constantSource, fc.array(genericOps, { maxLength: 2 })).map(([source, operators]): Expression => ({ kind: 'Pipeline', source, operators, span: sp })),
  },
);

/** A script: optional let statements (a scalar, a materialized table) and the query. */
export const script: Arb<Script> = fc
  .tuple(fc.option(anyExpr(1, false), { nil: undefined, freq: 4 }), fc.boolean(), pipeline)
  .map(([letValue, materialize, query]): Script => {
    const statements: Statement[] = [];
    if (letValue) statements.push({ kind: 'Let', name: id('z'), value: letValue, span: sp });
    if (materialize) statements.push({ kind: 'Let', name: id('M'), value: call('materialize', [{ kind: 'Pipeline', source: N('T'), operators: [{ kind: 'Take', keyword: 'take', count: long(3n), span: sp }], span: sp }]), span: sp });
    statements.push({ kind: 'QueryStatement', expression: query, span: sp });
    return { kind: 'Script', statements, span: sp };
  });

/** Generated query text. */
export const queryText: Arb<string> = script.map((s) => print(s));
