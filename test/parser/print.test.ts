// print(): canonical text for hand-written queries; reparsing gives the same AST (spans aside).
import { describe, it, expect } from 'vitest';
import { parse, print } from '../../src/parser/index.js';
import { stripSpans } from './helpers.js';

const canon = (text: string) => {
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  const out = print(ast);
  expect(stripSpans(parse(out).ast)).toEqual(stripSpans(ast));
  return out;
};

describe('print', () => {
  it('normalises spacing and keeps operator keywords as written', () => {
    expect(canon('T|where x>1|filter y   has  "a"|take 5|limit 1')).toBe('T | where x > 1 | filter y has "a" | take 5 | limit 1');
  });
  it('re-escapes strings and splices adjacent literals into one', () => {
    expect(canon(`print "a" 'b' @"c\\d""e"`)).toBe('print "abc\\\\d\\"e"');
    expect(canon('print h"s"')).toBe('print h"s"');
  });
  it('prints reals so they read back as reals, and timespans as written', () => {
    expect(canon('print 1., 2.5, 1e3, 1.5h')).toBe('print 1.0, 2.5, 1000.0, 1.5h');
  });
  it('quotes names only where needed', () => {
    expect(canon("T | project ['a b'], ['where'], kind, 5_Min")).toBe("T | project ['a b'], ['where'], kind, 5_Min");
  });
  it('let, lambda, join, summarize, make-series, mv-expand', () => {
    expect(canon('let f=(T:(*),x:long=5){T|take x};A|join kind=inner(B)on $left.a==$right.b|summarize n=count()by k')).toBe(
      'let f = (T:(*), x:long = 5) { T | take x };\nA | join kind=inner (B) on $left.a == $right.b | summarize n = count() by k',
    );
    expect(canon('T | make-series c=count() default=0 on t from a to b step 1d | mv-expand x to typeof(string) limit 3')).toBe(
      'T | make-series c = count() default = 0 on t from a to b step 1d | mv-expand x to typeof(string) limit 3',
    );
  });
  it('adds parentheses for hand-built trees that need them', () => {
    const sp = { start: 0, end: 0 };
    const n = (name: string) => ({ kind: 'Name' as const, name, quoted: false, span: sp });
    const text = print({
      kind: 'Script',
      span: sp,
      statements: [
        {
          kind: 'QueryStatement',
          span: sp,
          expression: { kind: 'Binary', op: '*', span: sp, left: { kind: 'Binary', op: '+', left: n('a'), right: n('b'), span: sp }, right: n('c') },
        },
      ],
    });
    expect(text).toBe('(a + b) * c');
  });
});
