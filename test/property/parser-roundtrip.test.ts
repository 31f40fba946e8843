// parse(print(ast)) == ast (ignoring spans) over generated ASTs. The generator builds only ASTs the parser can
// produce: Paren nodes wherever precedence requires them (low → high: or, and, comparison, + -, * / %, unary,
// postfix; docs logical-operators.md), no two string literals side by side in a parse pattern, non-negative
// numeric literals (a minus sign reads back as Unary).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse, print } from '../../src/parser/index.js';
import type { Expression, Script, Statement, TabularOperator } from '../../src/parser/index.js';
import { decodeTimespan } from '../../src/parser/literals.js';
import { stripSpans } from '../parser/helpers.js';

const sp = { start: 0, end: 0 };
const PREC = { pipe: 0, or: 1, and: 2, cmp: 3, add: 4, mul: 5, unary: 6, postfix: 7, primary: 8 };

function prec(e: Expression): number {
  switch (e.kind) {
    case 'Pipeline':
    case 'Print':
      return PREC.pipe;
    case 'Binary':
      return e.op === 'or' ? 1 : e.op === 'and' ? 2 : '+-'.includes(e.op) && e.op.length === 1 ? 4 : '*/%'.includes(e.op) && e.op.length === 1 ? 5 : 3;
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
const at = (e: Expression, min: number): Expression => (prec(e) < min ? { kind: 'Paren', expression: e, span: sp } : e);

const plainNames = ['a', 'b', 'Col1', 'x_y', '_z', 'count', 'title', 'type', '5_Min', 'Timestamp'];
const ident = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...plainNames).map((name) => ({ kind: 'Identifier' as const, name, quoted: false, span: sp })) },
  { weight: 1, arbitrary: fc.constantFrom('a b', 'where', "it's", 'by').map((name) => ({ kind: 'Identifier' as const, name, quoted: true, span: sp })) },
);
const nameRef = ident.map((id): Expression => ({ kind: 'Name', name: id.name, quoted: id.quoted, span: sp }));

const stringLit = fc
  .record({ value: fc.string({ maxLength: 12, unit: 'grapheme' }), obfuscated: fc.boolean() })
  .map(({ value, obfuscated }): Expression => (obfuscated ? { kind: 'StringLiteral', value, obfuscated: true, span: sp } : { kind: 'StringLiteral', value, span: sp }));
const longLit = fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }).map((value): Expression => ({ kind: 'LongLiteral', value, span: sp }));
const realLit = fc
  .double({ min: 0, noNaN: true, noDefaultInfinity: true })
  .filter((v) => !Object.is(v, -0))
  .map((value): Expression => ({ kind: 'RealLiteral', value, span: sp }));
const timespanLit = fc
  .constantFrom('1d', '1.5h', '30m', '10s', '100ms', '5microseconds', '1tick', '2min', '3sec', '7days', '0.25hours')
  .map((text): Expression => ({ kind: 'TimespanLiteral', ticks: decodeTimespan(text)!, text, span: sp }));
const typedLit = fc
  .constantFrom(['int', 'int', null], ['real', 'real', 'nan'], ['datetime', 'datetime', '2026-01-01 10:00:00.1234567'], ['timespan', 'time', '0.12:34:56.7'], ['guid', 'guid', '74be27de-1e4e-49d9-b579-fe0b331d3642'], ['bool', 'bool', 'true'])
  .map(([type, text, content]): Expression => ({
    kind: 'TypedLiteral',
    type: { kind: 'ScalarType', type: type as 'int', text: text!, span: sp },
    text: content,
    span: sp,
  }));
const boolLit = fc.boolean().map((value): Expression => ({ kind: 'BoolLiteral', value, span: sp }));

const dynNode = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constant({ kind: 'DynNull' as const, span: sp }),
    fc.string({ maxLength: 8 }).map((value) => ({ kind: 'StringLiteral' as const, value, span: sp })),
    fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map((value) => ({ kind: 'LongLiteral' as const, value, span: sp })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((value) => ({ kind: 'RealLiteral' as const, value, span: sp })),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => ({ kind: 'DynArray' as const, items, span: sp })),
    fc
      .array(fc.record({ key: fc.string({ maxLength: 5 }), value: tie('node') }), { maxLength: 3 })
      .map((entries) => ({ kind: 'DynBag' as const, entries, span: sp })),
  ),
})).node;
const dynLit = dynNode.map((value): Expression => ({ kind: 'DynamicLiteral', value: value as never, span: sp }));

const cmpOps = ['==', '!=', '=~', '!~', '<', '<=', '>', '>=', 'has', '!has', 'has_cs', 'hasprefix', '!hassuffix_cs', 'contains', '!contains_cs', 'startswith', '!endswith', 'matches regex'] as const;
const listOps = ['in', '!in', 'in~', '!in~', 'has_any', 'has_all'] as const;

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
      fc.tuple(fc.constantFrom('or', 'and', '+', '-', '*', '/', '%', ...cmpOps), e, e).map(([op, l, r]): Expression => {
        const p = prec({ kind: 'Binary', op, left: l, right: r, span: sp } as Expression);
        return { kind: 'Binary', op: op as 'or', left: at(l, p), right: at(r, p + 1), span: sp };
      }),
      fc.tuple(fc.constantFrom(...listOps), e, fc.array(e, { minLength: 1, maxLength: 3 })).map(
        ([op, l, items]): Expression => ({ kind: 'ListOp', op, left: at(l, PREC.cmp), items, span: sp }),
      ),
      fc.tuple(fc.boolean(), e, e, e).map(
        ([negated, l, lo, hi]): Expression => ({ kind: 'Between', negated, left: at(l, PREC.cmp), low: at(lo, PREC.add), high: at(hi, PREC.add), span: sp }),
      ),
      fc.tuple(fc.constantFrom('-', '+'), e).map(([op, x]): Expression => ({ kind: 'Unary', op: op as '-', operand: at(x, PREC.unary), span: sp })),
      fc.tuple(fc.constantFrom(...plainNames), fc.array(fc.oneof(e, fc.constant<Expression>({ kind: 'Star', span: sp }), fc.tuple(ident, e).map(([name, value]): Expression => ({ kind: 'NamedArg', name, value, span: sp }))), { maxLength: 3 })).map(
        ([callee, args]): Expression => ({ kind: 'Call', callee: { kind: 'Identifier', name: callee, quoted: false, span: sp }, args, span: sp }),
      ),
      // `0.x` would lex as the real `0.` followed by `x`: a number target of `.` needs parentheses.
      fc.tuple(e, ident).map(([target, member]): Expression => ({
        kind: 'Member',
        target: target.kind === 'LongLiteral' || target.kind === 'RealLiteral' ? { kind: 'Paren', expression: target, span: sp } : at(target, PREC.postfix),
        member,
        span: sp,
      })),
      fc.tuple(e, e).map(([target, index]): Expression => ({ kind: 'Index', target: at(target, PREC.postfix), index, span: sp })),
      e.map((x): Expression => ({ kind: 'Paren', expression: x, span: sp })),
    ),
  };
});

const pred = expr.map((x) => at(x, PREC.or));
const assignment = fc.tuple(fc.array(ident, { maxLength: 2 }), pred).map(([names, expression]) => ({ kind: 'Assignment' as const, names, expression, span: sp }));
const assignments = fc.array(assignment, { minLength: 1, maxLength: 3 });
const sortKey = fc.record({
  expression: pred,
  order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }),
  nulls: fc.option(fc.constantFrom('first' as const, 'last' as const), { nil: undefined }),
}).map(({ expression, order, nulls }) => ({ kind: 'SortKey' as const, expression, ...(order ? { order } : {}), ...(nulls ? { nulls } : {}), span: sp }));
const pattern = fc.constantFrom(['a', false], ['Email*', true], ['*Id', true], ['a b', false]).map(([p, w]) => ({ kind: 'ColumnPattern' as const, pattern: p as string, wildcard: w as boolean, span: sp }));
const N = (name: string): Expression => ({ kind: 'Name', name, quoted: false, span: sp });
const param = (name: string, value: string) => ({ kind: 'OperatorParam' as const, name, value: N(value), span: sp });

const operator: fc.Arbitrary<TabularOperator> = fc.oneof(
  fc.tuple(fc.constantFrom('where', 'filter'), pred).map(([keyword, predicate]) => ({ kind: 'Where' as const, keyword, predicate, span: sp })),
  assignments.map((items) => ({ kind: 'Extend' as const, items, span: sp })),
  assignments.map((items) => ({ kind: 'Project' as const, items, span: sp })),
  fc.array(pattern, { minLength: 1, maxLength: 3 }).map((columns) => ({ kind: 'ProjectAway' as const, columns, span: sp })),
  fc.tuple(fc.boolean(), fc.array(assignment, { maxLength: 2 }), fc.array(assignment, { maxLength: 2 }))
    .filter(([, a, b]) => a.length + b.length > 0)
    .map(([hint, aggregates, by]) => ({ kind: 'Summarize' as const, params: hint ? [param('hint.strategy', 'shuffle')] : [], aggregates, by, span: sp })),
  fc.tuple(fc.constantFrom('sort', 'order'), fc.array(sortKey, { minLength: 1, maxLength: 2 })).map(([keyword, keys]) => ({ kind: 'Sort' as const, keyword, keys, span: sp })),
  fc.tuple(longLit, sortKey).map(([count, key]) => ({ kind: 'Top' as const, count, keys: [key], span: sp })),
  fc.tuple(fc.constantFrom('take', 'limit'), longLit).map(([keyword, count]) => ({ kind: 'Take' as const, keyword, count, span: sp })),
  fc.constant({ kind: 'Count' as const, span: sp }),
  fc.oneof(fc.constant('*' as const), fc.array(pred, { minLength: 1, maxLength: 2 })).map((columns) => ({ kind: 'Distinct' as const, columns, span: sp })),
  fc.tuple(fc.constantFrom('inner', 'leftouter', null), fc.boolean()).map(([kind, paren]) => ({
    kind: 'Join' as const,
    params: kind ? [param('kind', kind)] : [],
    right: paren ? ({ kind: 'Paren', expression: { kind: 'Pipeline', source: N('U'), operators: [{ kind: 'Count', span: sp }], span: sp }, span: sp } as Expression) : N('U'),
    on: [N('Key'), { kind: 'Binary', op: '==', left: { kind: 'JoinSide', side: 'left', name: { kind: 'Identifier', name: 'a', quoted: false, span: sp }, span: sp }, right: { kind: 'JoinSide', side: 'right', name: { kind: 'Identifier', name: 'b', quoted: false, span: sp }, span: sp }, span: sp } as Expression],
    span: sp,
  })),
  fc.constant({ kind: 'Union' as const, params: [param('kind', 'outer')], tables: [N('U'), { kind: 'Name', name: 'Email*', quoted: false, wildcard: true, span: sp } as Expression], span: sp }),
  fc.tuple(pred, fc.boolean()).map(([expression, typed]) => ({
    kind: 'MvExpand' as const,
    params: [param('bagexpansion', 'array')],
    items: [{ kind: 'MvExpandItem' as const, expression, ...(typed ? { toType: { kind: 'ScalarType' as const, type: 'long' as const, text: 'long', span: sp } } : {}), span: sp }],
    limit: { kind: 'LongLiteral', value: 5n, span: sp } as Expression,
    span: sp,
  })),
  fc.tuple(pred, fc.boolean()).map(([expression, inRange]) => ({
    kind: 'MakeSeries' as const,
    params: [],
    aggregates: [{ kind: 'MakeSeriesAggregate' as const, expression, defaultValue: { kind: 'LongLiteral', value: 0n, span: sp } as Expression, span: sp }],
    on: N('Timestamp'),
    ...(inRange ? { inRange: { start: N('a'), stop: N('b'), step: N('c') } } : { from: N('a'), to: N('b'), step: N('c') }),
    by: [],
    span: sp,
  })),
  fc.constant({ kind: 'Render' as const, chart: { kind: 'Identifier' as const, name: 'timechart', quoted: false, span: sp }, properties: [{ kind: 'OperatorParam' as const, name: 'title', value: { kind: 'StringLiteral', value: 't', span: sp } as Expression, span: sp }], span: sp }),
  fc.constant({
    kind: 'Parse' as const,
    params: [],
    source: N('Url'),
    pattern: [
      { kind: 'StringLiteral' as const, value: 'x=', span: sp },
      { kind: 'ParseColumn' as const, name: { kind: 'Identifier' as const, name: 'X', quoted: false, span: sp }, type: { kind: 'ScalarType' as const, type: 'long' as const, text: 'long', span: sp }, span: sp },
      { kind: 'Star' as const, span: sp },
    ],
    span: sp,
  }),
  fc.constant({ kind: 'Serialize' as const, items: [], span: sp }),
  fc.constant({ kind: 'GetSchema' as const, span: sp }),
  longLit.map((count) => ({ kind: 'Sample' as const, count, span: sp })),
);

const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc.tuple(ident, pred).map(([name, value]) => ({ kind: 'Let' as const, name, value, span: sp })),
  fc.array(operator, { minLength: 1, maxLength: 4 }).map((operators) => ({
    kind: 'QueryStatement' as const,
    expression: { kind: 'Pipeline', source: N('T'), operators, span: sp } as Expression,
    span: sp,
  })),
  assignments.map((items) => ({ kind: 'QueryStatement' as const, expression: { kind: 'Print', items, span: sp } as Expression, span: sp })),
);
const script = fc.array(statement, { minLength: 1, maxLength: 3 }).map((statements): Script => ({ kind: 'Script', statements, span: sp }));

describe('print / parse round trip', () => {
  it('parse(print(ast)) equals ast ignoring spans', () => {
    fc.assert(
      fc.property(script, (ast) => {
        const text = print(ast);
        const back = parse(text);
        expect(back.diagnostics, text).toEqual([]);
        expect(stripSpans(back.ast), text).toEqual(stripSpans(ast));
      }),
      { seed: 42, numRuns: 400 },
    );
  });
  it('print is stable on the seed rules: print(parse(print(parse(x)))) == print(parse(x))', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../examples/rules/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.kql'))) {
      const once = print(parse(readFileSync(new URL(f, dir), 'utf8')).ast);
      const again = parse(once);
      expect(again.diagnostics).toEqual([]);
      expect(print(again.ast)).toBe(once);
      expect(stripSpans(again.ast)).toEqual(stripSpans(parse(readFileSync(new URL(f, dir), 'utf8')).ast));
    }
  });
});
