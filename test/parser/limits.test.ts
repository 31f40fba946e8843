// Safe under any input (issue #19): nesting deeper than MAX_NESTING is one positioned syntax-too-deep diagnostic,
// never a stack overflow; long chains are read and printed in loops; error storms stop after MAX_SYNTAX_ERRORS;
// parsing stays linear in the query's length; a bug in the parser surfaces instead of becoming a syntax error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_NESTING, parse, print } from '../../src/parser/index.js';
import { GrammarBase, MAX_SYNTAX_ERRORS } from '../../src/parser/grammar/base.js';
import { stripSpans } from './helpers.js';

const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

/** `open` repeated `n` times around `inner`, closed by `close` repeated `n` times. */
const nest = (n: number, open: string, inner: string, close: string) => open.repeat(n) + inner + close.repeat(n);

describe('nesting limit', () => {
  // Constructs whose parsing is cheap per level (nesting.ts lists measured depths): they must reach the limit.
  const forms: [string, (n: number) => string][] = [
    ['parentheses', (n) => nest(n, '(', '1', ')')],
    ['indexes', (n) => 'print x' + nest(n, '[x', '0', ']')],
    ['dynamic arrays', (n) => 'print dynamic(' + nest(n - 1, '[', '1', ']') + ')'],
    ['lambdas', (n) => 'let f = ' + nest(n, '(a:long) { let g = ', '1', '; g }') + ';\nprint 1'],
  ];
  it.each(forms)('%s nested MAX_NESTING deep are accepted', (_name, make) => {
    expect(parse(make(MAX_NESTING)).diagnostics).toEqual([]);
  });
  it.each(forms)('%s nested one level deeper are refused at the bracket that crosses the limit', (_name, make) => {
    const text = make(MAX_NESTING + 1);
    const { ast, diagnostics } = parse(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['syntax-too-deep']);
    expect(diagnostics[0]!.message).toBe(`query nested too deeply (more than ${MAX_NESTING} levels of brackets)`);
    // The (MAX_NESTING + 1)-th opening bracket, counting only unclosed ones (a lambda's `(...)` closes before `{`).
    const opener = diagnostics[0]!.span;
    expect(opener.end - opener.start).toBe(1);
    expect('([{').toContain(text[opener.start]);
    expect(ast.statements).toEqual([]);
  });
  it('unclosed brackets, however many, are one diagnostic at the first bracket past the limit', () => {
    for (const open of ['(', '[', '{', 'f(', 'x[']) {
      const text = open.repeat(100_000);
      const d = parse(text).diagnostics;
      expect(d.map((x) => x.code)).toEqual(['syntax-too-deep']);
      expect(d[0]!.span.start).toBe(open.length * (MAX_NESTING + 1) - 1);
    }
  });
  it('a closer that matches no open bracket is not taken for one that does', () => {
    // `(]` leaves the `(` open: MAX_NESTING + 1 of them are too deep, while as many `()` pairs are flat.
    expect(codes('print ' + '(]'.repeat(MAX_NESTING + 1))).toEqual(['syntax-too-deep']);
    expect(codes('print ' + '(1) + '.repeat(5000) + '1')).toEqual([]);
  });
  it('never throws on deep input even when called from deep inside the stack', () => {
    const deep = 'print ' + nest(MAX_NESTING, 'toscalar(T | where x > ', '1', ')');
    const recurse = (n: number): ReturnType<typeof parse> => (n === 0 ? parse(deep) : recurse(n - 1));
    const r = recurse(2000);
    // Accepted where the stack allows it, otherwise refused as too deep: never an internal error.
    expect(r.diagnostics.every((d) => d.code === 'syntax-too-deep')).toBe(true);
    expect(r.diagnostics.length).toBeLessThanOrEqual(1);
  });
});

describe('long chains are loops, not recursion', () => {
  const chains: [string, string][] = [
    ['binary operators', 'print ' + '1 + '.repeat(50_000) + '1'],
    ['and/or', 'T | where ' + 'a == 1 or '.repeat(20_000) + 'b'],
    ['members', 'print x' + '.a'.repeat(50_000)],
    ['indexes', 'print x' + '[0]'.repeat(50_000)],
    ['signs', 'print ' + '- '.repeat(50_000) + 'x'],
    ['pipes', 'T' + ' | take 1'.repeat(20_000)],
    ['statements', 'let x = 1;\n'.repeat(20_000) + 'print x'],
  ];
  // Compared through their printed text: a structural comparison of a 50,000-deep tree would itself recurse.
  it.each(chains)('%s: parse and print round-trip', (_name, text) => {
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    const printed = print(ast);
    const again = parse(printed);
    expect(again.diagnostics).toEqual([]);
    expect(print(again.ast)).toBe(printed);
    expect(printed.replace(/\s+/g, '')).toBe(text.replace(/;\n/g, ';').replace(/\s+/g, ''));
  });
});

describe('error storms', () => {
  it(`stop after ${MAX_SYNTAX_ERRORS} syntax errors with one last diagnostic`, () => {
    const d = parse('print 1' + ' + )'.repeat(10_000)).diagnostics;
    expect(d).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(d[d.length - 1]!.code).toBe('syntax-too-many-errors');
  });
  it('stray tokens after a statement are one error per statement, and the next statements are still parsed', () => {
    const d = parse('T | where x 1; print 2 3; T | where').diagnostics;
    expect(d.map((x) => [x.code, x.span.start])).toEqual([
      ['syntax-unexpected-token', 12],
      ['syntax-unexpected-token', 23],
      ['syntax-unexpected-token', 35],
    ]);
  });
});

describe('linear time (a safety net with a generous bound, not a benchmark: bench/ measures speed)', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pieces = ['(', ')', '[', ']', 'x', ' | ', 'where ', ',', ' == ', '1', '"s"', ' and ', 'f(', '.', 'let ', ';', ' = ', 'summarize ', ' by ', '{', '}', ' in ', '..', 'dynamic('];
  /** KQL-flavoured noise whose brackets stay under the nesting limit, so that the parser runs over all of it. */
  const noise = (length: number) => {
    let s = '';
    let depth = 0;
    while (s.length < length) {
      let p = pieces[Math.floor(random() * pieces.length)]!;
      const opens = /[([{]$/.test(p);
      if (opens && depth > 50) p = ')';
      else if (opens) depth++;
      if (/^[)\]}]$/.test(p)) depth = Math.max(0, depth - 1);
      s += p;
    }
    return s;
  };
  const inputs: [string, (n: number) => string][] = [
    ['unclosed (', (n) => '('.repeat(n)],
    ['unclosed [', (n) => '['.repeat(n)],
    ['unclosed calls under the limit, then noise', (n) => ('print ' + 'f('.repeat(150)).padEnd(n, 'x + ')],
    ['noise', noise],
    ['a long valid query', (n) => 'T' + ' | where x == 1 or y has "a"'.repeat(Math.ceil(n / 28))],
    ['an error storm', (n) => 'print 1' + ' + )'.repeat(n / 4)],
  ];
  it.each(inputs)('%s: 200,000 characters in under 5 s', (_name, make) => {
    const text = make(200_000);
    const started = performance.now();
    parse(text);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('internal errors are not hidden', () => {
  afterEach(() => vi.restoreAllMocks());
  it('an exception inside the parser reaches the caller instead of becoming a syntax error', () => {
    vi.spyOn(GrammarBase.prototype as unknown as { spanFrom: () => never }, 'spanFrom').mockImplementation(() => {
      throw new TypeError('boom');
    });
    expect(() => parse('T | where x == 1')).toThrow('boom');
  });
});

describe('member-then-index x.[0] (Kql.g4 legacyFunctionCallOrPathElementOperation)', () => {
  it('is an index, like x[0]', () => {
    const e = stripSpans(parse('print x.[0]').ast.statements[0]);
    expect(e).toEqual(stripSpans(parse('print x[0]').ast.statements[0]));
    expect(codes('print d.["a b"].[1].c')).toEqual([]);
  });
  it("x.['a'] stays a member with a quoted name", () => {
    const s = stripSpans(parse("print x.['a']").ast.statements[0]) as unknown as { expression: { items: { expression: unknown }[] } };
    expect(s.expression.items[0]!.expression).toEqual({ kind: 'Member', target: { kind: 'Name', name: 'x', quoted: false }, member: { kind: 'Identifier', name: 'a', quoted: true } });
  });
});
