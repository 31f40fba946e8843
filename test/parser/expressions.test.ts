// Expression syntax and precedence. Precedence (low → high) per docs logical-operators.md and
// kql-semantics.md §1: or, and, comparisons / string predicates, + -, * / %, unary -.
import { describe, it, expect } from 'vitest';
import { scalar, N, L, S, B, Id, lastExpr, stripSpans } from './helpers.js';

describe('precedence', () => {
  it('and binds tighter than or', () => {
    expect(scalar('a or b and c')).toEqual(B('or', N('a'), B('and', N('b'), N('c'))));
    expect(scalar('a and b or c')).toEqual(B('or', B('and', N('a'), N('b')), N('c')));
  });
  it('* binds tighter than +', () => {
    expect(scalar('a + b * c')).toEqual(B('+', N('a'), B('*', N('b'), N('c'))));
    expect(scalar('a * b - c % d')).toEqual(B('-', B('*', N('a'), N('b')), B('%', N('c'), N('d'))));
  });
  it('unary minus binds tighter than *', () => {
    expect(scalar('-x * y')).toEqual(B('*', { kind: 'Unary', op: '-', operand: N('x') }, N('y')));
  });
  it('comparisons bind tighter than and', () => {
    expect(scalar('x has "a" and y == 1')).toEqual(B('and', B('has', N('x'), S('a')), B('==', N('y'), L(1))));
  });
  it('arithmetic binds tighter than comparison', () => {
    expect(scalar('a + 1 > b * 2')).toEqual(B('>', B('+', N('a'), L(1)), B('*', N('b'), L(2))));
  });
  it('binary operators are left-associative', () => {
    expect(scalar('a - b - c')).toEqual(B('-', B('-', N('a'), N('b')), N('c')));
  });
  it('parentheses are kept as Paren nodes', () => {
    expect(scalar('(a + b) * c')).toEqual(B('*', { kind: 'Paren', expression: B('+', N('a'), N('b')) }, N('c')));
  });
});

describe('binary operators', () => {
  it.each([
    '==', '!=', '=~', '!~', '<', '<=', '>', '>=',
    'has', '!has', 'has_cs', '!has_cs', 'hasprefix', '!hasprefix', 'hasprefix_cs', '!hasprefix_cs',
    'hassuffix', '!hassuffix', 'hassuffix_cs', '!hassuffix_cs', 'contains', '!contains', 'contains_cs', '!contains_cs',
    'startswith', '!startswith', 'startswith_cs', '!startswith_cs', 'endswith', '!endswith', 'endswith_cs', '!endswith_cs',
    '+', '-', '*', '/', '%',
  ])('%s', (op) => {
    expect(scalar(`a ${op} b`)).toEqual(B(op, N('a'), N('b')));
  });
  it('matches regex', () => {
    expect(scalar('a matches regex @"^x"')).toEqual(B('matches regex', N('a'), S('^x')));
  });
  it('<> is read as !=', () => {
    expect(scalar('a <> b')).toEqual(B('!=', N('a'), N('b')));
  });
});

describe('list operators and between', () => {
  it.each(['in', '!in', 'in~', '!in~', 'has_any', 'has_all'])('%s with a list', (op) => {
    expect(scalar(`a ${op} ("x", 1)`)).toEqual({ kind: 'ListOp', op, left: N('a'), items: [S('x'), L(1)] });
  });
  it('tabular right-hand sides: one pipeline item, or a parenthesised one', () => {
    const p = { kind: 'Pipeline', source: N('T'), operators: [{ kind: 'Project', items: [{ kind: 'Assignment', names: [], expression: N('x') }] }] };
    expect(scalar('a in (T | project x)')).toEqual({ kind: 'ListOp', op: 'in', left: N('a'), items: [p] });
    expect(scalar('a in ((T | project x))')).toEqual({ kind: 'ListOp', op: 'in', left: N('a'), items: [{ kind: 'Paren', expression: p }] });
  });
  it('dynamic array item', () => {
    expect(scalar('a in (dynamic(["x"]))')).toEqual({
      kind: 'ListOp',
      op: 'in',
      left: N('a'),
      items: [{ kind: 'DynamicLiteral', value: { kind: 'DynArray', items: [S('x')] } }],
    });
  });
  it('between and !between with a .. b', () => {
    expect(scalar('x between (1 .. 5)')).toEqual({ kind: 'Between', negated: false, left: N('x'), low: L(1), high: L(5) });
    expect(scalar('x !between(1..5)')).toEqual({ kind: 'Between', negated: true, left: N('x'), low: L(1), high: L(5) });
  });
  it('in binds like a comparison', () => {
    expect(scalar('a in (1) and b')).toEqual(B('and', { kind: 'ListOp', op: 'in', left: N('a'), items: [L(1)] }, N('b')));
  });
});

describe('primary and postfix forms', () => {
  it('member access, string and number indexing', () => {
    expect(scalar('a.b')).toEqual({ kind: 'Member', target: N('a'), member: Id('b') });
    expect(scalar('a["b"]')).toEqual({ kind: 'Index', target: N('a'), index: S('b') });
    expect(scalar('a[0]')).toEqual({ kind: 'Index', target: N('a'), index: L(0) });
    expect(scalar('a[-1]')).toEqual({ kind: 'Index', target: N('a'), index: { kind: 'Unary', op: '-', operand: L(1) } });
    expect(scalar("a.['b c']")).toEqual({ kind: 'Member', target: N('a'), member: Id('b c', true) });
    expect(scalar('parse_url(u).Host')).toEqual({
      kind: 'Member',
      target: { kind: 'Call', callee: Id('parse_url'), args: [N('u')] },
      member: Id('Host'),
    });
  });
  it('quoted names', () => {
    expect(scalar("['a b']")).toEqual({ kind: 'Name', name: 'a b', quoted: true });
    expect(scalar('["where"]')).toEqual({ kind: 'Name', name: 'where', quoted: true });
  });
  it('identifiers may start with a digit', () => {
    expect(scalar('5_Min_Count')).toEqual(N('5_Min_Count'));
  });
  it('calls with *, named arguments, typeof and tabular arguments', () => {
    expect(scalar('arg_max(x, *)')).toEqual({ kind: 'Call', callee: Id('arg_max'), args: [N('x'), { kind: 'Star' }] });
    expect(scalar("bag_unpack(d, columnsConflict='replace_source')")).toEqual({
      kind: 'Call',
      callee: Id('bag_unpack'),
      args: [N('d'), { kind: 'NamedArg', name: Id('columnsConflict'), value: S('replace_source') }],
    });
    expect(scalar('extract("x", 1, s, typeof(long))')).toEqual({
      kind: 'Call',
      callee: Id('extract'),
      args: [S('x'), L(1), N('s'), { kind: 'TypeOf', type: { kind: 'ScalarType', type: 'long', text: 'long' } }],
    });
    const ts = scalar('toscalar(T | count)') as { args: { kind: string }[] };
    expect(ts.args[0]!.kind).toBe('Pipeline');
  });
  it('soft keywords are names and callees', () => {
    expect(scalar('count()')).toEqual({ kind: 'Call', callee: Id('count'), args: [] });
    expect(scalar('range(1, 5, 2)')).toEqual({ kind: 'Call', callee: Id('range'), args: [L(1), L(5), L(2)] });
    expect(scalar('kind + title')).toEqual(B('+', N('kind'), N('title')));
  });
  it('$left / $right', () => {
    const e = lastExpr('A | join B on $left.X == $right.Y');
    expect(stripSpans(e)).toMatchObject({
      operators: [{ kind: 'Join', on: [B('==', { kind: 'JoinSide', side: 'left', name: Id('X') }, { kind: 'JoinSide', side: 'right', name: Id('Y') })] }],
    });
  });
});
