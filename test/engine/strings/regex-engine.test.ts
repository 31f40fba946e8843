// The two regex engines (regex-engine.ts): every documented case gives the same answer in each, generated patterns
// that JavaScript may run match identically in both, and the patterns JavaScript must not run never reach it.
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { extract, extractAll, replaceRegex } from '../../../src/engine/strings/functions.js';
import { compileKqlRegex, compileKqlRegexInfo, KqlRegexError } from '../../../src/engine/strings/regex.js';
import { DOC_CASES, MIXED_CASE } from './regex-cases.js';

// Constructs the RE2 program cannot spell (it has no look-ahead): only JavaScript runs patterns that use them.
const JS_ONLY = /\\<|\\>|\\b\{/;

describe('each engine forced gives the documented answer', () => {
  const cases = [...DOC_CASES, ...MIXED_CASE];
  it.each(cases)('re2: %j on %j → %s', (pattern, text, expected) => {
    if (JS_ONLY.test(pattern)) {
      expect(() => compileKqlRegex(pattern, '', { engine: 're2' })).toThrow(/not supported yet/);
      return;
    }
    expect(compileKqlRegex(pattern, '', { engine: 're2' }).test(text)).toBe(expected);
  });
  it.each(cases)('js: %j on %j → %s', (pattern, text, expected) => {
    expect(compileKqlRegex(pattern, '', { engine: 'js' }).test(text)).toBe(expected);
  });
});

describe('engine choice', () => {
  it.each([
    // A repeated group: exponential backtracking in JavaScript, so never JavaScript.
    ['(a+)+$', -1],
    ['(\\w|[.\\-\\s])+x', -1],
    ['(?:[a-z]+\\.)+com', -1],
    // No unbounded repetition: bounded work per start position.
    ['(?i)(iex|invoke-expression|frombase64)', Infinity],
    ['\\.(?:dll|exe|ps1)$', Infinity],
    // Anchored, and each repetition is followed by something it cannot match: linear in JavaScript.
    ['^10\\.\\d+\\.\\d+\\.\\d+$', Infinity],
    // Unanchored: n starts × one viable split each → n² worst case; JavaScript for n ≤ budget.
    ['[^\\\\]+$', 256],
    ['from\\s+(\\d+\\.\\d+)', 256],
    // `.*x`: the repetition can also match its follower → n³ worst case.
    ['.*x', 16],
  ])('%j → longest JavaScript text %s', (pattern, expected) => {
    expect(compileKqlRegexInfo(pattern).plan.jsMaxLength).toBe(expected);
  });

  it('a catastrophic pattern answers (in linear time) instead of backtracking for minutes', () => {
    const text = `${'a'.repeat(40)}!`;
    expect(compileKqlRegex('(a+)+$').test(text)).toBe(false);
    expect(compileKqlRegex('^(\\w+\\s?)*$').test(`${'word '.repeat(20)}!`)).toBe(false);
    expect(extract('(a|aa)+$', 0, `${'a'.repeat(50)}b`)).toBe('');
  });

  it('long texts switch to RE2 with the same answers', () => {
    const long = `${'x'.repeat(2000)} from 10.1.2.3 port 22`;
    const info = compileKqlRegexInfo('from\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)');
    expect(info.plan.jsMaxLength).toBeLessThan(long.length);
    expect(extract('from\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)', 1, long)).toBe('10.1.2.3');
    expect(replaceRegex(long, '\\d', '#').endsWith(' from ##.#.#.# port ##')).toBe(true);
  });
});

describe('RE2 semantics where JavaScript differs', () => {
  it('a group inside a repetition keeps the value of the last iteration that set it', () => {
    // RE2: group 2 matched "b" in the first iteration and is not reset by the second (JavaScript gives undefined).
    expect(extract('(a|(b))+', 2, 'ba')).toBe('b');
    expect(extractAll('(?:(x)|(y))+', null, 'xy')).toEqual([['x', 'y']]);
  });
});

describe('RE2 limits', () => {
  it('counted repetition above 1000 is refused; 1000 is accepted', () => {
    expect(() => compileKqlRegex('a{1001}')).toThrow(KqlRegexError);
    expect(() => compileKqlRegex('a{2,1001}')).toThrow(/repetition count above 1000/);
    expect(() => compileKqlRegex('a{1001,}')).toThrow(/RE2 limit/);
    expect(compileKqlRegex('^a{1000}$').test('a'.repeat(1000))).toBe(true);
    expect(compileKqlRegex('^a{1000}$').test('a'.repeat(999))).toBe(false);
  });

  it('a Unicode word boundary in a repeated-group pattern works on ASCII text and is refused on other text', () => {
    const re = compileKqlRegex('(\\bab\\s*)+$');
    expect(re.test(`${'ab '.repeat(5)}`)).toBe(true);
    expect(() => re.test('ab жab')).toThrow(/not supported yet: a Unicode word boundary/);
    // (?-u:\b) is RE2's own ASCII boundary: fine on any text.
    expect(compileKqlRegex('((?-u:\\b)ab\\s*)+$').test('жab ab')).toBe(true);
  });
});

// Generated patterns over a small alphabet: where JavaScript may run (no repeated group), both engines must agree on
// the match position and every group.
const atom = fc.constantFrom('a', 'b', '.', '\\d', '[ab]', '[^a]', '\\s', '\\w', '\\b', '^', '$', '(?i)A', 'x?');
const quantifier = fc.constantFrom('', '', '*', '+', '?', '*?', '+?', '{1,2}', '{2,}');
const piece: fc.Arbitrary<string> = fc.letrec((tie) => ({
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(atom, quantifier).map(([a, q]) => (a === '^' || a === '$' || a === '\\b' || a === 'x?' || a.startsWith('(?i)') ? a : a + q)),
    fc.tuple(fc.array(tie('piece'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '?', '{2}')).map(([ps, q]) => `(${ps.join('')})${q}`),
    fc.tuple(tie('piece'), tie('piece')).map(([a, b]) => `(?:${a}|${b})`),
  ),
})).piece;
const pattern = fc.array(piece, { minLength: 1, maxLength: 4 }).map((ps) => ps.join(''));
const text = fc.stringMatching(/^[ab1 \nA]{0,12}$/);

const shape = (m: RegExpExecArray | null) => (m === null ? null : { index: m.index, groups: [...m] });

describe('generated patterns: JavaScript and RE2 agree', () => {
  prop.prop([pattern, text], { numRuns: 400 })('exec', (p, t) => {
    const js = compileKqlRegexInfo(p, '', { engine: 'js' });
    if (js.plan.repeatsGroup) return; // RE2 and JavaScript differ on captures there; only RE2 runs it
    const re2 = compileKqlRegex(p, '', { engine: 're2' });
    expect(shape(re2.exec(t))).toEqual(shape(js.regex.exec(t)));
  });

  prop.prop([pattern, text], { numRuns: 200 })('global iteration (replace_regex)', (p, t) => {
    const js = compileKqlRegexInfo(p, 'g', { engine: 'js' });
    if (js.plan.repeatsGroup) return;
    const re2 = compileKqlRegex(p, 'g', { engine: 're2' });
    const all = (re: RegExp) => {
      const out: unknown[] = [];
      re.lastIndex = 0;
      for (let i = 0; i < 50; i++) {
        const m = re.exec(t);
        if (m === null) break;
        out.push(shape(m));
        if (m[0].length === 0) re.lastIndex++;
      }
      return out;
    };
    expect(all(re2)).toEqual(all(js.regex));
  });
});
