// Running KQL regexes in linear time.
//
// Kusto's regex engine is a finite-automaton one (RE2; the current regex.md documents the Rust `regex` crate's
// syntax, also linear): no pattern can make it backtrack. JavaScript's RegExp backtracks — `(a+)+$` on 29 characters
// takes seconds. regex.ts translates each pattern twice: to JavaScript (fast, JIT-compiled) and to RE2 syntax for
// `re2js` (the JavaScript port of RE2: linear, but 5–20× slower on ordinary patterns; bench/regex/). It also bounds
// JavaScript's worst case for the pattern (Translator.estimateJsMaxLength): a row runs in JavaScript only when its
// length keeps that bound within JS_BUDGET steps per character, and in re2js otherwise. Patterns that repeat a group
// (`(a+)+`, `(\w|\s)+`) never run in JavaScript. Both engines are leftmost-first with the same greedy/lazy
// preferences, so for every pattern JavaScript may run the answers are the same; for the others RE2's are used
// (including RE2's rule that a group inside a repetition keeps its value from the last iteration that set it).
//
// SafeRegExp is a RegExp (callers use exec/test/lastIndex/source as before) whose exec and test pick the engine.

import { RE2JS, type Matcher } from 're2js';
import { KqlRegexError } from './regex-error.js';

export interface RegexPlan {
  readonly pattern: string;
  /** Longest text (UTF-16 units) that runs in JavaScript; Infinity: always; -1: never. */
  readonly jsMaxLength: number;
  /** The RE2 program, or null when JavaScript always runs. */
  readonly re2: RE2JS | null;
  /** The RE2 program spells Unicode \b/\B as RE2's ASCII ones: exact only on ASCII text. */
  readonly asciiBoundary: boolean;
  /** A large repetition applies to a group: JavaScript could take exponential time. */
  readonly repeatsGroup: boolean;
  readonly groupCount: number;
  readonly groupNames: ReadonlyMap<string, number>;
}

/** An RE2 syntax error in the translated pattern (RE2's own limits, e.g. a program that is too large). */
export class Re2CompileError extends Error {}

export function compileRe2(source: string): RE2JS {
  try {
    return RE2JS.compile(source);
  } catch (e) {
    throw new Re2CompileError(e instanceof Error ? e.message : String(e));
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

export class SafeRegExp extends RegExp {
  private readonly native: RegExp;
  readonly plan: RegexPlan;
  private matcher: Matcher | null = null;

  constructor(source: RegExp | string, flags?: string, plan?: RegexPlan) {
    const native = typeof source === 'string' ? new RegExp(source, flags) : new RegExp(source, flags ?? source.flags);
    super(native);
    this.native = native;
    // Species construction (String.prototype.matchAll, split) copies the plan of the original.
    const from = source instanceof SafeRegExp ? source.plan : undefined;
    const p = plan ?? from;
    if (p === undefined) throw new Error('SafeRegExp needs a plan');
    this.plan = p;
  }

  /** Which engine runs `text` ('js' or 're2'); throws when neither can be exact. */
  engineFor(text: string): 'js' | 're2' {
    const p = this.plan;
    if (p.re2 === null || text.length <= p.jsMaxLength) return 'js';
    if (p.asciiBoundary && NON_ASCII.test(text)) {
      // RE2's \b is ASCII-only; JavaScript's translation is exact and, without a repeated group, polynomial.
      if (!p.repeatsGroup) return 'js';
      throw new KqlRegexError(
        'not supported yet: a Unicode word boundary (\\b, \\B) on non-ASCII text in a pattern that repeats a group ' +
          '(it needs the linear-time engine, whose \\b is ASCII-only); write (?-u:\\b) for an ASCII boundary',
        p.pattern,
      );
    }
    return 're2';
  }

  override exec(text: string): RegExpExecArray | null {
    const s = String(text);
    if (this.engineFor(s) === 'js') {
      const n = this.native;
      n.lastIndex = this.lastIndex;
      const m = n.exec(s);
      this.lastIndex = n.lastIndex;
      return m;
    }
    return this.re2Exec(s);
  }

  override test(text: string): boolean {
    const s = String(text);
    if (this.global || this.sticky) return this.exec(s) !== null;
    if (this.engineFor(s) === 'js') return this.native.test(s);
    return this.plan.re2!.test(s);
  }

  private re2Exec(s: string): RegExpExecArray | null {
    const p = this.plan;
    const re2 = p.re2!;
    const stateful = this.global || this.sticky;
    const start = stateful ? this.lastIndex : 0;
    const fail = (): null => {
      if (stateful) this.lastIndex = 0;
      return null;
    };
    if (start > s.length) return fail();
    // The DFA answers "is there a match" much faster than the capture-tracking engines.
    if (start === 0 && !re2.test(s)) return fail();
    let m = this.matcher;
    if (m === null) m = this.matcher = re2.matcher(s);
    else m.resetMatcherInput(s);
    if (!m.find(start)) return fail();
    const index = m.start(0);
    if (this.sticky && index !== start) return fail();
    const out: (string | undefined)[] = [];
    for (let g = 0; g <= p.groupCount; g++) {
      const a = m.start(g);
      out.push(a < 0 ? undefined : s.slice(a, m.end(g)));
    }
    const result = out as unknown as RegExpExecArray;
    result.index = index;
    result.input = s;
    let groups: Record<string, string | undefined> | undefined;
    if (p.groupNames.size > 0) {
      groups = Object.create(null) as Record<string, string | undefined>;
      for (const [name, g] of p.groupNames) groups[name] = out[g];
    }
    result.groups = groups as RegExpExecArray['groups'];
    if (stateful) this.lastIndex = m.end(0);
    return result;
  }
}
