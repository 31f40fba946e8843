// KQL regular expressions → JavaScript RegExp.
//
// docs: regex.md (the dialect: RE2-style syntax, documented today with the Rust `regex` crate's features),
// matches-regex-operator.md, extract-function.md. The translation is a full parse of the pattern, emitting an
// equivalent JavaScript pattern, and rejects (KqlRegexError) everything the dialect does not have or that cannot be
// reproduced exactly. Mapping:
//
// * Flags `(?flags)` / `(?flags:re)` with i m s U x u (set and clear with `-`), scoped to the enclosing group.
//   JavaScript (Node 20) has no inline flags, so each is compiled away: `.` → `[^\n]` or (s) `[\s\S]`; `^`/`$` →
//   haystack anchors or (m) `\n`-only line anchors (JS's m would also break at \r, U+2028, U+2029);
//   U swaps greedy/lazy quantifiers; x drops whitespace and `#` comments; `(?-u)` makes \d \s \w \b ASCII.
//   `i` becomes the JS `i` flag when the whole pattern has one case mode; when it changes mid-pattern, the
//   case-insensitive parts are expanded to explicit case-closed classes (BMP only; supplementary-plane letters in
//   those parts match case-sensitively [U]). The CRLF flag `R` is rejected.
// * Perl classes are Unicode-aware as documented: \d = \p{Nd}, \s = \p{White_Space},
//   \w = [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}], \b/\B/\</\>/\b{start}… are Unicode word boundaries
//   (JavaScript's own \d \w \b are ASCII-only, so they are never emitted).
// * \A, \z → haystack start/end; \pL, \p{Greek}, \p{Script=…}, \P{…}, \p{^…} → JS property escapes.
// * Classes: ranges, negation, [[:alpha:]] and the other ASCII classes, nesting, && (intersection), -- (difference),
//   ~~ (symmetric difference); nested/set-operation classes need the JS `v` flag (Node ≥ 20, current browsers).
// * (?P<name>re) and (?<name>re) are capture groups; names are recorded in `groupNames` (KQL allows names JS does
//   not, such as `a.b`, so a JS name is only emitted when valid).
// * \x7F, \x{…}, \u007F, \u{…}, \U0000007F, \U{…}, \a \f \t \n \r \v, escaped punctuation, octal `\0`, `\0nn`,
//   `\nnn` (three digits) [U], RE2's \Q…\E literal text.
// * Rejected: backreferences (\1, \k<…>, (?P=…)), look-around ((?=, (?!, (?<=, (?<!), atomic/possessive forms,
//   \C \G \K \Z, unknown escapes, unknown Unicode classes, R flag.
//
// Matching semantics: leftmost-first with the same greedy/lazy preferences, so match positions and captures agree
// with RE2/Rust for these patterns. One known difference [U]: a capture inside a repeated group that does not take
// part in the last iteration is cleared by JavaScript but keeps its earlier value in RE2.

import {
  ASCII_DIGIT,
  ASCII_SPACE,
  ASCII_WORD,
  POSIX_CLASSES,
  atomRanges,
  caseClosure,
  complement,
  hasCaseVariants,
  lit,
  litRe2,
  rangesSrc,
  rangesSrcRe2,
  resolveProperty,
  smallMembers,
  type Range,
} from './regex-charsets.js';
import { compileRe2, Re2CompileError, SafeRegExp, type RegexPlan } from './regex-engine.js';
import { KqlRegexError } from './regex-error.js';

export { KqlRegexError };

export interface KqlRegex {
  /** The KQL pattern as written. */
  readonly pattern: string;
  /** Linear-time RegExp (a SafeRegExp: JavaScript's matcher where cheap, RE2 elsewhere). */
  readonly regex: RegExp;
  /** How the regex runs (which engine for which text length). */
  readonly plan: RegexPlan;
  /** Number of capture groups (numbered from 1 by opening parenthesis). */
  readonly groupCount: number;
  /** Named groups → group number. */
  readonly groupNames: ReadonlyMap<string, number>;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
  x: boolean;
  u: boolean;
}

class MixedCaseModes extends Error {}

const UNICODE_WORD_ITEMS = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}`;
const ASCII_WORD_ITEMS = '0-9A-Za-z_';

/** Quantifiers whose maximum is above this count as unbounded for the backtracking-cost estimate. */
const SMALL_REPEAT = 16;
/** RE2's cap on counted repetition (`a{1001}` is an error in RE2). */
const MAX_REPEAT = 1000;
/** Above this many combinations of bounded choices (alternatives, `?`, `{n,m}`) JavaScript could backtrack a lot. */
const CHOICE_LIMIT = 4096;

/** The set one consuming atom matches, as a one-code-point JS pattern, for overlap tests. */
interface SetInfo {
  atom: string;
  flags: string;
}

/** A repetition with a large or unbounded maximum over a single-character set (see the cost estimate). */
interface Quant {
  member: SetInfo;
  /** Can the characters it repeats also start what follows it? Then backtracking multiplies. */
  amb: boolean;
  /** How many times it occurs once bounded repetitions of enclosing groups are unrolled. */
  weight: number;
}

type AtomInfo = { kind: 'set'; member: SetInfo } | { kind: 'assert'; startAnchor: boolean };

interface GroupInfo {
  /** Capture groups numbered before the group's body (including the group itself when it captures). */
  groupsBefore: number;
  /** The group's body can match the empty string (set once it is parsed). */
  nullable: boolean;
  /** Repetitions still waiting for their follower when the group opened. */
  entry: Quant[];
  /** Index in `quants` of the first repetition inside the group. */
  firstQuant: number;
}

/** A construct that RE2 syntax cannot express (only the JS translation exists). */
class Re2Unsupported extends Error {}

const memberCache = new Map<string, RegExp>();
function memberTest(s: SetInfo): RegExp {
  const key = `${s.flags}\u0000${s.atom}`;
  let r = memberCache.get(key);
  if (r === undefined) {
    r = new RegExp(`^(?:${s.atom})$`, s.flags);
    if (memberCache.size >= 1024) memberCache.clear();
    memberCache.set(key, r);
  }
  return r;
}

/** Whether two one-character sets may share a character (true when unsure; only the BMP is examined). */
function overlaps(a: SetInfo, b: SetInfo): boolean {
  const bs = smallMembers(b.atom, b.flags);
  if (bs !== null) {
    const ta = memberTest(a);
    return bs.some((ch) => ta.test(ch));
  }
  const as = smallMembers(a.atom, a.flags);
  if (as !== null) {
    const tb = memberTest(b);
    return as.some((ch) => tb.test(ch));
  }
  return true;
}

const re2Properties = new Map<string, boolean>();
/** Does RE2 (re2js) know this property name? (General categories, scripts and a few binary properties.) */
function re2HasProperty(name: string): boolean {
  let ok = re2Properties.get(name);
  if (ok === undefined) {
    try {
      compileRe2(`\\p{${name}}`);
      ok = true;
    } catch {
      ok = false;
    }
    re2Properties.set(name, ok);
  }
  return ok;
}

/** RE2 knows general categories by their short names only. */
const CATEGORY_SHORT: Readonly<Record<string, string>> = {
  Letter: 'L', Cased_Letter: 'LC', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm', Other_Letter: 'Lo', Mark: 'M', Combining_Mark: 'M', Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc', Enclosing_Mark: 'Me', Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl',
  Other_Number: 'No', Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps', Close_Punctuation: 'Pe', Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po', Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk',
  Other_Symbol: 'So', Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Surrogate: 'Cs', Private_Use: 'Co', Unassigned: 'Cn',
};

/** One JS property escape as RE2 class items: RE2's own table when it has one, else the enumerated ranges. */
function propertyToRe2(name: string, negated: boolean): string {
  const plain = name.replace(/^(?:Script|General_Category)=/, '');
  const bare = CATEGORY_SHORT[plain] ?? plain;
  if (name === 'Join_Control') return negated ? rangesSrcRe2(complement([[0x200c, 0x200d]])) : '\\x{200c}-\\x{200d}';
  if (re2HasProperty(bare)) return `\\${negated ? 'P' : 'p'}{${bare}}`;
  return rangesSrcRe2(atomRanges(`\\${negated ? 'P' : 'p'}{${name}}`, 'u'));
}

/**
 * The body of a flat JS class (lit()/rangesSrc() items and property escapes, no nesting) in RE2 syntax, or null when
 * it has anything else.
 */
function flatClassToRe2(body: string): string | null {
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === '\\') {
      const m = /^\\([uPp])\{([^}]*)\}/.exec(body.slice(i));
      if (m === null) return null;
      out += m[1] === 'u' ? `\\x{${m[2]}}` : propertyToRe2(m[2]!, m[1] === 'P');
      i += m[0].length;
    } else if (c === '-' || /[0-9A-Za-z]/.test(c)) {
      out += c;
      i++;
    } else {
      return null;
    }
  }
  return out;
}

/** A set of class contents: `flat` items valid inside any class, plus nested classes (which need the `v` flag). */
interface ClassUnion {
  flat: string;
  nested: string[];
}

type Target = 'js' | 're2';

interface Repeat {
  min: number;
  max: number;
}

class Translator {
  private pos = 0;
  private out = '';
  groupCount = 0;
  readonly groupNames = new Map<string, number>();
  needV = false;
  /** Case mode of the whole pattern when not emulating (fixed by the first case-sensitive atom). */
  globalI: boolean | null = null;

  // Backtracking-cost estimate (JS target only): see estimateJsMaxLength().
  /** A large repetition applies to something other than one character set: backtracking can be exponential. */
  nested = false;
  /** Product of the bounded choices (alternatives, `?`, `{n,m}`). */
  choices = 1;
  readonly quants: Quant[] = [];
  private pending: Quant[] = [];
  /** The pattern starts with `^`/`\A` (and has no top-level alternation): only one start position is tried. */
  startAnchored: boolean | null = null;
  private topAlternation = false;
  /** RE2 target: a Unicode word boundary was written as RE2's ASCII one (exact only on ASCII text). */
  asciiBoundary = false;

  constructor(
    private readonly p: string,
    private readonly emulateCase: boolean,
    private readonly target: Target = 'js',
  ) {}

  private error(message: string): never {
    throw new KqlRegexError(`${message} (at offset ${this.pos})`, this.p);
  }

  translate(initial: Flags): string {
    void this.parseAlternation(initial, 0);
    return this.out;
  }

  private skipInsignificant(flags: Flags, inClass: boolean): void {
    if (!flags.x) return;
    const p = this.p;
    while (this.pos < p.length) {
      const c = p[this.pos]!;
      if (/\s/.test(c)) this.pos++;
      else if (c === '#' && !inClass) {
        while (this.pos < p.length && p[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }

  /** Parses alternatives up to `)` or the end; returns whether the whole can match the empty string. */
  private parseAlternation(flags: Flags, depth: number): boolean {
    const p = this.p;
    let altNullable = true;
    let nullable = false;
    // Repetitions waiting for a follower carry into every alternative; the leftovers of each flow out of the group.
    const entry = this.pending.slice();
    const exits: Quant[] = [];
    let alternatives = 1;
    for (;;) {
      this.skipInsignificant(flags, false);
      if (this.pos >= p.length) break;
      const c = p[this.pos]!;
      if (c === ')') {
        if (depth === 0) this.error('unopened group ")"');
        break;
      }
      if (c === '|') {
        this.out += '|';
        this.pos++;
        alternatives++;
        nullable ||= altNullable;
        altNullable = true;
        if (depth === 0) {
          this.topAlternation = true;
          this.pending = []; // the match ends here: nothing follows
        } else {
          exits.push(...this.pending);
          this.pending = entry.slice();
        }
        continue;
      }
      if (c === '(') {
        const group = this.parseGroup(flags, depth);
        if (group === null) continue; // a flag directive: nothing to repeat
        const q = this.parseQuantifier(flags);
        this.noteGroup(group, q, depth);
        altNullable &&= group.nullable || q?.min === 0;
      } else {
        const atom = this.parseAtom(flags);
        const q = this.parseQuantifier(flags);
        this.noteAtom(atom, q, depth);
        altNullable &&= atom.kind === 'assert' || q?.min === 0;
      }
    }
    if (depth > 0 && this.pos >= p.length) this.error('unclosed group "("');
    if (depth === 0) this.pending = [];
    else for (const q of exits) if (!this.pending.includes(q)) this.pending.push(q);
    this.choices *= alternatives;
    return nullable || altNullable;
  }

  /** Cost bookkeeping for an atom and its quantifier (see estimateJsMaxLength). */
  private noteAtom(atom: AtomInfo, q: Repeat | null, depth: number): void {
    if (this.target !== 'js') return;
    if (atom.kind === 'assert') {
      if (depth === 0 && this.startAnchored === null) this.startAnchored = atom.startAnchor;
      return;
    }
    if (depth === 0 && this.startAnchored === null) this.startAnchored = false;
    const min = q?.min ?? 1;
    const max = q?.max ?? 1;
    const still: Quant[] = [];
    for (const p of this.pending) {
      if (overlaps(p.member, atom.member)) p.amb = true;
      else if (min === 0) still.push(p); // the atom may be skipped: what follows it decides
    }
    this.pending = still;
    if (max > SMALL_REPEAT) {
      const quant: Quant = { member: atom.member, amb: false, weight: 1 };
      this.quants.push(quant);
      this.pending.push(quant);
    } else {
      this.choices *= max - min + 1;
    }
  }

  private noteGroup(group: GroupInfo, q: Repeat | null, depth: number): void {
    if (this.target !== 'js') return;
    if (depth === 0 && this.startAnchored === null) this.startAnchored = false;
    if (q === null) return;
    // An optional iteration of a group that can match empty: JavaScript skips it (the group stays unset), RE2 takes
    // it (the group is ""). Only RE2 may answer.
    if (q.max > q.min && group.nullable) this.nested = true;
    // Groups inside a repeated group: JavaScript clears them at each iteration, RE2 keeps the last value set.
    if (q.max > 1 && this.groupCount > group.groupsBefore) this.nested = true;
    if (q.max > SMALL_REPEAT) {
      this.nested = true;
      return;
    }
    if (q.max > 1) {
      // Unrolled, the body occurs `max` times, and its last repetitions are followed by its own start again.
      for (const quant of this.quants.slice(group.firstQuant)) quant.weight *= q.max;
      for (const quant of this.pending) if (this.quants.indexOf(quant) >= group.firstQuant) quant.amb = true;
    }
    this.choices *= q.max - q.min + 1;
    if (q.min === 0) for (const quant of group.entry) if (!this.pending.includes(quant)) this.pending.push(quant);
  }

  /**
   * Largest haystack length (UTF-16 units) for which JavaScript's backtracking matcher is guaranteed cheap; above it
   * the linear-time engine runs. -1: never (exponential risk). Only the speed depends on this: both engines give the
   * same answers for every pattern where JS is allowed at all (no large repetition of a group).
   */
  estimateJsMaxLength(budget: number): number {
    if (this.nested || this.choices > CHOICE_LIMIT) return -1;
    let variable = 0;
    let ambiguous = 0;
    for (const q of this.quants) {
      variable += q.weight;
      if (q.amb) ambiguous += q.weight;
    }
    if (variable === 0) return Infinity; // at most a bounded amount of work per start position
    // A repetition whose characters cannot start its follower has one viable end (additive cost); each ambiguous
    // one multiplies the work per start position by up to n; an unanchored search multiplies by n once more.
    const unanchored = this.startAnchored !== true || this.topAlternation;
    const exponent = ambiguous + (unanchored ? 1 : 0);
    return exponent === 0 ? Infinity : Math.floor(budget ** (1 / exponent));
  }

  /** Returns null when the group was only a flag directive `(?flags)`. */
  private parseGroup(flags: Flags, depth: number): GroupInfo | null {
    const p = this.p;
    const info: GroupInfo = {
      groupsBefore: this.groupCount,
      nullable: false,
      entry: this.pending.slice(),
      firstQuant: this.quants.length,
    };
    this.pos++; // (
    if (p[this.pos] !== '?') {
      info.groupsBefore = ++this.groupCount;
      this.out += '(';
      info.nullable = this.parseGroupBody({ ...flags }, depth);
      return info;
    }
    this.pos++; // ?
    const c = p[this.pos];
    const d = p[this.pos + 1];
    if (c === '=' || c === '!' || (c === '<' && (d === '=' || d === '!'))) {
      this.error('look-around assertions are not supported by KQL regular expressions');
    }
    if (c === 'P' && (d === '=' || d === '>')) this.error('backreferences are not supported by KQL regular expressions');
    if (c === '>') this.error('atomic groups are not supported by KQL regular expressions');
    if (c === '#') this.error('comments groups are not supported; use the x flag');
    if ((c === 'P' && d === '<') || c === '<') {
      this.pos += c === 'P' ? 2 : 1;
      const close = p.indexOf('>', this.pos);
      if (close < 0) this.error('unclosed group name');
      const name = p.slice(this.pos, close);
      if (!/^[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}\p{Nl}\p{No}_.[\]]*$/u.test(name)) this.error(`invalid group name "${name}"`);
      if (this.groupNames.has(name)) this.error(`duplicate group name "${name}"`);
      this.pos = close + 1;
      info.groupsBefore = ++this.groupCount;
      this.groupNames.set(name, this.groupCount);
      // RE2 output needs no names: matches are read by group number and groupNames maps the names.
      this.out += this.target === 'js' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `(?<${name}>` : '(';
      info.nullable = this.parseGroupBody({ ...flags }, depth);
      return info;
    }
    if (c === ':') {
      this.pos++;
      this.out += '(?:';
      info.nullable = this.parseGroupBody({ ...flags }, depth);
      return info;
    }
    // Flags: (?imsUxu-imsUxu) or (?imsUxu-imsUxu:re)
    const scoped = { ...flags };
    let negate = false;
    let any = false;
    for (;;) {
      const f = p[this.pos];
      if (f === undefined) this.error('unclosed flag group');
      if (f === ')' || f === ':') break;
      if (f === '-') {
        if (negate) this.error('repeated "-" in flag group');
        negate = true;
      } else if (f === 'i' || f === 'm' || f === 's' || f === 'U' || f === 'x' || f === 'u') {
        scoped[f] = !negate;
        any = true;
      } else if (f === 'R') {
        this.error('the CRLF flag R is not supported');
      } else {
        this.error(`unknown flag "${f}"`);
      }
      this.pos++;
    }
    if (!any) this.error('empty flag group');
    if (p[this.pos] === ')') {
      this.pos++;
      Object.assign(flags, scoped); // applies to the rest of the enclosing group
      return null;
    }
    this.pos++; // :
    this.out += '(?:';
    info.nullable = this.parseGroupBody(scoped, depth);
    return info;
  }

  private parseGroupBody(flags: Flags, depth: number): boolean {
    const nullable = this.parseAlternation(flags, depth + 1);
    this.pos++; // )
    this.out += ')';
    return nullable;
  }

  private parseQuantifier(flags: Flags): Repeat | null {
    const p = this.p;
    this.skipInsignificant(flags, false);
    const c = p[this.pos];
    let q: string;
    let repeat: Repeat;
    if (c === '*' || c === '+' || c === '?') {
      q = c;
      repeat = { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
      this.pos++;
    } else if (c === '{') {
      const m = /^\{\s*(\d+)\s*(?:(,)\s*(\d*)\s*)?\}/.exec(p.slice(this.pos));
      if (m === null) this.error('invalid counted repetition');
      const min = Number(m[1]);
      const max = m[3] !== undefined && m[3] !== '' ? Number(m[3]) : null;
      if (max !== null && max < min) this.error('invalid counted repetition (min > max)');
      if (min > MAX_REPEAT || (max ?? 0) > MAX_REPEAT) {
        this.error(`repetition count above ${MAX_REPEAT} (the RE2 limit) in ${JSON.stringify(m[0])}`);
      }
      q = m[2] === undefined ? `{${min}}` : `{${min},${max ?? ''}}`;
      repeat = { min, max: m[2] === undefined ? min : (max ?? Infinity) };
      this.pos += m[0].length;
    } else {
      return null;
    }
    let lazy = false;
    if (p[this.pos] === '?') {
      lazy = true;
      this.pos++;
    }
    // With U the meanings of `x*` and `x*?` are swapped.
    this.out += lazy !== flags.U ? `${q}?` : q;
    return repeat;
  }

  private codePointAt(): number {
    const cp = this.p.codePointAt(this.pos);
    if (cp === undefined) this.error('unexpected end of pattern');
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /**
   * Emits a one-character set. `atom` is it as written (possibly negated), `cls` the positive set as a complete JS
   * class; `cased` when case-insensitive mode changes its meaning. Returns the set for the cost estimate.
   */
  private emitSet(atom: string, cls: string, negated: boolean, flags: Flags, usesV: boolean, cased: boolean): AtomInfo {
    const jsFlags = usesV ? 'v' : 'u';
    const i = cased && flags.i;
    if (this.target === 're2') {
      this.out += this.re2Set(cls, negated, usesV, i);
    } else if (!cased) {
      this.out += atom;
    } else if (!this.emulateCase) {
      if (this.globalI === null) this.globalI = flags.i;
      else if (this.globalI !== flags.i) throw new MixedCaseModes();
      this.out += atom;
    } else if (!flags.i) {
      this.out += atom;
    } else {
      const closure = rangesSrc(caseClosure(cls, jsFlags));
      // BMP part from the closure; the original class still covers supplementary-plane code points (case-sensitively).
      const positive = closure === '' ? cls : `(?:[${closure}]|${cls})`;
      this.out += negated ? `(?:(?!${positive})[\\s\\S])` : positive;
    }
    return { kind: 'set', member: { atom, flags: jsFlags + (i ? 'i' : '') } };
  }

  /** The RE2 spelling of a set: RE2 folds case itself, so `(?i:…)` keeps the JS meaning of the set. */
  private re2Set(cls: string, negated: boolean, usesV: boolean, i: boolean): string {
    // A single nested negated class (\W) is the negation of its body.
    const inner = /^\[\[\^([^[\]]*)\]\]$/.exec(cls);
    if (inner !== null) {
      cls = `[${inner[1]}]`;
      negated = !negated;
      usesV = false;
    }
    let body = usesV ? null : flatClassToRe2(cls.slice(1, -1));
    // Nested classes and set operations (&& -- ~~): explicit ranges.
    if (body === null) body = rangesSrcRe2(atomRanges(cls, usesV ? 'v' : 'u'));
    let set: string;
    if (body === '') set = negated ? '(?s:.)' : '[^\\x{0}-\\x{10ffff}]';
    else set = `[${negated ? '^' : ''}${body}]`;
    return i ? `(?i:${set})` : set;
  }

  private emitLiteral(cp: number, flags: Flags): AtomInfo {
    if (this.target === 're2') {
      this.out += flags.i && hasCaseVariants(cp) ? `(?i:${litRe2(cp)})` : litRe2(cp);
      return { kind: 'set', member: { atom: lit(cp), flags: 'u' } };
    }
    if (hasCaseVariants(cp)) return this.emitSet(lit(cp), `[${lit(cp)}]`, false, flags, false, true);
    this.out += lit(cp);
    return { kind: 'set', member: { atom: lit(cp), flags: 'u' } };
  }

  private emitAssertion(js: string, re2: string | null, construct: string, startAnchor = false): AtomInfo {
    if (this.target === 're2') {
      if (re2 === null) throw new Re2Unsupported(construct);
      this.out += re2;
    } else {
      this.out += js;
    }
    return { kind: 'assert', startAnchor };
  }

  private parseAtom(flags: Flags): AtomInfo {
    const p = this.p;
    const c = p[this.pos]!;
    switch (c) {
      case '[': {
        this.pos++;
        const { positive, negated, usesV } = this.parseClass(flags);
        if (usesV) this.needV = true;
        const atom = negated ? `[^${positive.slice(1)}` : positive;
        return this.emitSet(atom, positive, negated, flags, usesV, true);
      }
      case '.': {
        this.pos++;
        const atom = flags.s ? '[\\s\\S]' : '[^\\n]';
        this.out += this.target === 're2' ? (flags.s ? '(?s:.)' : '[^\\n]') : atom;
        return { kind: 'set', member: { atom, flags: 'u' } };
      }
      case '^':
        this.pos++;
        return flags.m ? this.emitAssertion('(?<![^\\n])', '(?m:^)', '^') : this.emitAssertion('(?:^)', '\\A', '^', true);
      case '$':
        this.pos++;
        return flags.m ? this.emitAssertion('(?![^\\n])', '(?m:$)', '$') : this.emitAssertion('(?:$)', '\\z', '$');
      case '\\':
        return this.parseEscapeOutsideClass(flags);
      case '*':
      case '+':
      case '?':
      case '{':
        this.error(`repetition operator "${c}" has nothing to repeat`);
      // falls through (error throws)
      default:
        return this.emitLiteral(this.codePointAt(), flags);
    }
  }

  private parseEscapeOutsideClass(flags: Flags): AtomInfo {
    const p = this.p;
    const e = p[this.pos + 1];
    if (e === undefined) this.error('trailing backslash');
    const word = flags.u ? `[${UNICODE_WORD_ITEMS}]` : `[${ASCII_WORD_ITEMS}]`;
    // RE2 has only ASCII \b and \B: exact under (?-u) or on ASCII-only text (the engine checks the text).
    const boundary = (re2: string): string => {
      if (flags.u && this.target === 're2') this.asciiBoundary = true;
      return re2;
    };
    const assertions: Record<string, () => AtomInfo> = {
      A: () => this.emitAssertion('(?:(?<![\\s\\S]))', '\\A', '\\A', true),
      z: () => this.emitAssertion('(?:(?![\\s\\S]))', '\\z', '\\z'),
      b: () => this.emitAssertion(`(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`, boundary('\\b'), '\\b'),
      B: () => this.emitAssertion(`(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`, boundary('\\B'), '\\B'),
      '<': () => this.emitAssertion(`(?:(?<!${word})(?=${word}))`, null, '\\<'),
      '>': () => this.emitAssertion(`(?:(?<=${word})(?!${word}))`, null, '\\>'),
    };
    if (e === 'b' && p[this.pos + 2] === '{') {
      const m = /^\\b\{(start|end|start-half|end-half)\}/.exec(p.slice(this.pos));
      if (m === null) this.error('unknown word boundary assertion');
      this.pos += m[0].length;
      const js = {
        start: `(?:(?<!${word})(?=${word}))`,
        end: `(?:(?<=${word})(?!${word}))`,
        'start-half': `(?:(?<!${word}))`,
        'end-half': `(?:(?!${word}))`,
      }[m[1] as 'start' | 'end' | 'start-half' | 'end-half'];
      return this.emitAssertion(js, null, m[0]);
    }
    const assertion = assertions[e];
    if (assertion !== undefined) {
      this.pos += 2;
      return assertion();
    }
    if (e === 'Q') {
      this.pos += 2;
      const end = p.indexOf('\\E', this.pos);
      const stop = end < 0 ? p.length : end;
      // Several literals: the repetitions waiting for a follower meet the first one; a quantifier after \E applies
      // to the last one only (as in RE2). Conservatively treat the waiting ones as ambiguous.
      for (const q of this.pending) q.amb = true;
      this.pending = [];
      let last: AtomInfo = { kind: 'assert', startAnchor: false };
      while (this.pos < stop) last = this.emitLiteral(this.codePointAt(), flags);
      this.pos = end < 0 ? p.length : end + 2;
      return last;
    }
    const esc = this.parseEscape(flags, false);
    if (esc.kind === 'char') return this.emitLiteral(esc.cp, flags);
    return this.emitSet(esc.atom, `[${esc.item}]`, false, flags, esc.needsV, esc.cased);
  }

  /**
   * Parses an escape at `pos` (a backslash) that denotes a character or a character set. `item` is the set as class
   * contents, `atom` as a standalone pattern; `needsV` when the item is a nested class.
   */
  private parseEscape(
    flags: Flags,
    inClass: boolean,
  ):
    | { kind: 'char'; cp: number }
    | { kind: 'set'; item: string; atom: string; needsV: boolean; cased: boolean } {
    const p = this.p;
    this.pos++; // backslash
    const e = p[this.pos];
    if (e === undefined) this.error('trailing backslash');
    const set = (item: string, atom: string, needsV = false, cased = false) => {
      this.pos++;
      return { kind: 'set' as const, item, atom, needsV, cased };
    };
    const fromRanges = (ranges: readonly Range[]) => set(rangesSrc(ranges), `[${rangesSrc(ranges)}]`);
    const ch = (cp: number, len: number) => {
      this.pos += len;
      return { kind: 'char' as const, cp };
    };
    switch (e) {
      case 'd':
        return flags.u ? set('\\p{Nd}', '\\p{Nd}') : fromRanges(ASCII_DIGIT);
      case 'D':
        return flags.u ? set('\\P{Nd}', '\\P{Nd}') : fromRanges(complement(ASCII_DIGIT));
      case 's':
        return flags.u ? set('\\p{White_Space}', '\\p{White_Space}') : fromRanges(ASCII_SPACE);
      case 'S':
        return flags.u ? set('\\P{White_Space}', '\\P{White_Space}') : fromRanges(complement(ASCII_SPACE));
      case 'w':
        return flags.u ? set(UNICODE_WORD_ITEMS, `[${UNICODE_WORD_ITEMS}]`) : fromRanges(ASCII_WORD);
      case 'W':
        return flags.u
          ? set(`[^${UNICODE_WORD_ITEMS}]`, `[^${UNICODE_WORD_ITEMS}]`, true)
          : fromRanges(complement(ASCII_WORD));
      case 'p':
      case 'P': {
        let name: string;
        let len: number;
        if (p[this.pos + 1] === '{') {
          const close = p.indexOf('}', this.pos);
          if (close < 0) this.error('unclosed Unicode class');
          name = p.slice(this.pos + 2, close);
          len = close - this.pos + 1;
        } else {
          name = p[this.pos + 1] ?? '';
          len = 2;
        }
        let negated = e === 'P';
        if (name.startsWith('^')) {
          negated = !negated;
          name = name.slice(1);
        }
        const body = resolveProperty(name);
        if (body === null) this.error(`unknown Unicode class "${name}"`);
        const src = `\\${negated ? 'P' : 'p'}{${body}}`;
        this.pos += len - 1;
        return set(src, src, false, true);
      }
      case 'a':
        return ch(0x07, 1);
      case 'f':
        return ch(0x0c, 1);
      case 't':
        return ch(0x09, 1);
      case 'n':
        return ch(0x0a, 1);
      case 'r':
        return ch(0x0d, 1);
      case 'v':
        return ch(0x0b, 1);
      case 'x':
      case 'u':
      case 'U': {
        const rest = p.slice(this.pos + 1);
        const braced = /^\{([0-9A-Fa-f]{1,8})\}/.exec(rest);
        const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const fixed = new RegExp(`^[0-9A-Fa-f]{${digits}}`).exec(rest);
        const m = braced ?? fixed;
        if (m === null) this.error(`invalid \\${e} escape`);
        const cp = parseInt(braced ? braced[1]! : m[0], 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.error(`invalid code point in \\${e} escape`);
        return ch(cp, 1 + m[0].length);
      }
      default:
        break;
    }
    if (e >= '0' && e <= '9') {
      // Octal: \0, \0n, \0nn, or three octal digits. Anything else looks like a backreference, which RE2 refuses.
      const m = /^(0[0-7]{0,2}|[1-7][0-7]{2})/.exec(p.slice(this.pos));
      if (m === null) this.error('backreferences are not supported by KQL regular expressions');
      return ch(parseInt(m[0], 8), m[0].length);
    }
    if (e === 'k') this.error('backreferences are not supported by KQL regular expressions');
    const code = e.charCodeAt(0);
    // Escaped ASCII punctuation/space is the literal character (docs: all ASCII except [0-9A-Za-z<>]).
    if (code < 0x80 && !/[0-9A-Za-z<>]/.test(e)) return ch(code, 1);
    if (inClass && (e === 'b' || e === 'B' || e === 'A' || e === 'z' || e === '<' || e === '>')) {
      this.error(`assertion \\${e} is not allowed in a character class`);
    }
    this.error(`unsupported escape \\${e}`);
  }

  /**
   * Parses a class after its `[`. Returns the positive set as a complete JS class and whether the written class was
   * negated (the caller builds the negation, so case folding can be applied before negating as RE2 does).
   */
  private parseClass(flags: Flags): { positive: string; negated: boolean; usesV: boolean } {
    const p = this.p;
    const negated = p[this.pos] === '^';
    if (negated) this.pos++;
    let left = this.parseClassUnion(flags, true);
    for (;;) {
      this.skipInsignificant(flags, true);
      const two = p.slice(this.pos, this.pos + 2);
      if (two !== '&&' && two !== '--' && two !== '~~') break;
      this.pos += 2;
      const right = this.parseClassUnion(flags, false);
      const a = unionClass(left);
      const b = unionClass(right);
      const combined =
        two === '&&' ? `[${a}&&${b}]` : two === '--' ? `[${a}--${b}]` : `[[${a}--${b}][${b}--${a}]]`;
      left = { flat: '', nested: [combined] };
    }
    if (p[this.pos] !== ']') this.error('unclosed character class');
    this.pos++;
    const usesV = left.nested.length > 0;
    return { positive: unionClass(left), negated, usesV };
  }

  private parseClassUnion(flags: Flags, atStart: boolean): ClassUnion {
    const p = this.p;
    const u: ClassUnion = { flat: '', nested: [] };
    let first = atStart;
    for (;;) {
      this.skipInsignificant(flags, true);
      if (this.pos >= p.length) this.error('unclosed character class');
      const c = p[this.pos]!;
      if (c === ']' && !first) break;
      const two = p.slice(this.pos, this.pos + 2);
      if (!first && (two === '&&' || two === '--' || two === '~~')) break;
      first = false;
      if (c === '[') {
        const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(this.pos));
        if (posix !== null) {
          const ranges = POSIX_CLASSES[posix[2]!];
          if (ranges === undefined) this.error(`unknown ASCII class "${posix[2]}"`);
          u.flat += rangesSrc(posix[1] === '^' ? complement(ranges) : ranges);
          this.pos += posix[0].length;
        } else {
          this.pos++;
          const inner = this.parseClass(flags);
          u.nested.push(inner.negated ? `[^${inner.positive.slice(1)}` : inner.positive);
        }
        continue;
      }
      let lo: number;
      if (c === '\\') {
        const esc = this.parseEscape(flags, true);
        if (esc.kind === 'set') {
          if (esc.needsV) u.nested.push(esc.item);
          else u.flat += esc.item;
          continue;
        }
        lo = esc.cp;
      } else {
        lo = this.codePointAt();
      }
      if (p[this.pos] === '-' && p[this.pos + 1] !== ']' && p[this.pos + 1] !== '-' && this.pos + 1 < p.length) {
        this.pos++;
        let hi: number;
        if (p[this.pos] === '\\') {
          const esc = this.parseEscape(flags, true);
          if (esc.kind !== 'char') this.error('invalid range end in character class');
          hi = esc.cp;
        } else {
          hi = this.codePointAt();
        }
        if (hi < lo) this.error('invalid range in character class (start > end)');
        u.flat += `${lit(lo)}-${lit(hi)}`;
      } else {
        u.flat += lit(lo);
      }
    }
    return u;
  }
}

function unionClass(u: ClassUnion): string {
  return `[${u.flat}${u.nested.join('')}]`;
}

const DEFAULT_FLAGS: Flags = { i: false, m: false, s: false, U: false, x: false, u: true };

/**
 * Per-character backtracking budget: JavaScript runs a row when its worst case (n^exponent steps, see
 * estimateJsMaxLength) stays within this many steps per character; measured in bench/regex/ (CONTEXT.md).
 */
const JS_BUDGET = 256;

export type RegexEngineChoice = 'auto' | 'js' | 're2';

export interface KqlRegexOptions {
  /** 'auto' (default): JavaScript where its backtracking is provably cheap, RE2 elsewhere. The others force one. */
  engine?: RegexEngineChoice;
  /** Anchor one match at the start or the end of the text (trim_start / trim_end). */
  anchor?: 'start' | 'end';
}

function wrap(source: string, target: Target, anchor: KqlRegexOptions['anchor']): string {
  if (anchor === 'start') return target === 'js' ? `^(?:${source})` : `\\A(?:${source})`;
  if (anchor === 'end') return target === 'js' ? `(?:${source})$` : `(?:${source})\\z`;
  return source;
}

function translate(pattern: string, extraFlags: string, options: KqlRegexOptions): KqlRegex {
  const initial = { ...DEFAULT_FLAGS };
  let jsFlags = '';
  for (const f of extraFlags) {
    if (f === 'g' || f === 'y' || f === 'd') {
      if (!jsFlags.includes(f)) jsFlags += f;
    } else if (f === 'i' || f === 'm' || f === 's' || f === 'U' || f === 'x') {
      initial[f] = true;
    } else {
      throw new KqlRegexError(`unknown flag "${f}"`, pattern);
    }
  }
  let t = new Translator(pattern, false);
  let source: string;
  try {
    source = t.translate({ ...initial });
  } catch (e) {
    if (!(e instanceof MixedCaseModes)) throw e;
    t = new Translator(pattern, true);
    source = t.translate({ ...initial });
  }
  if (options.anchor === 'start') t.startAnchored = true;
  const engine = options.engine ?? 'auto';
  let jsMaxLength = engine === 'js' ? Infinity : engine === 're2' ? -1 : t.estimateJsMaxLength(JS_BUDGET);
  const flags = (t.needV ? 'v' : 'u') + (t.globalI === true ? 'i' : '') + jsFlags;
  let native: RegExp;
  try {
    native = new RegExp(wrap(source, 'js', options.anchor), flags);
  } catch (e) {
    throw new KqlRegexError(e instanceof Error ? e.message : String(e), pattern);
  }
  let re2: RegexPlan['re2'] = null;
  let asciiBoundary = false;
  if (jsMaxLength !== Infinity) {
    const r = new Translator(pattern, false, 're2');
    try {
      re2 = compileRe2(wrap(r.translate({ ...initial }), 're2', options.anchor));
      asciiBoundary = r.asciiBoundary;
    } catch (e) {
      if (e instanceof Re2CompileError) throw new KqlRegexError(e.message, pattern);
      if (!(e instanceof Re2Unsupported)) throw e;
      if (jsMaxLength < 0) {
        const why = engine === 're2' ? 'with the linear-time engine' : 'in a pattern that repeats a group';
        throw new KqlRegexError(
          `not supported yet: ${e.message} ${why} (the linear-time engine has no such assertion)`,
          pattern,
        );
      }
      // Only JavaScript can run it; its cost stays polynomial (no repeated group), so accept it.
      jsMaxLength = Infinity;
    }
  }
  const plan: RegexPlan = {
    pattern,
    jsMaxLength,
    re2,
    asciiBoundary,
    repeatsGroup: t.nested,
    groupCount: t.groupCount,
    groupNames: t.groupNames,
  };
  return { pattern, regex: new SafeRegExp(native, undefined, plan), groupCount: t.groupCount, groupNames: t.groupNames, plan };
}

const CACHE_LIMIT = 512;
const cache = new Map<string, KqlRegex>();

/**
 * Compiles a KQL regex, with details (group count and names). Cached: the same pattern and flags give the same
 * object, so a RegExp compiled with `g` or `y` shares its `lastIndex` — reset it before use.
 * `extraFlags`: JS flags `g`, `y`, `d`, and KQL flags `i m s U x` (as if the pattern began with `(?flags)`).
 * The returned `regex` is a RegExp whose exec/test run in linear time (regex-engine.ts).
 */
export function compileKqlRegexInfo(pattern: string, extraFlags = '', options: KqlRegexOptions = {}): KqlRegex {
  const key = `${extraFlags}\u0000${options.engine ?? ''}\u0000${options.anchor ?? ''}\u0000${pattern}`;
  let r = cache.get(key);
  if (r === undefined) {
    r = translate(pattern, extraFlags, options);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

/** Compiles a KQL (RE2-syntax) regex into an equivalent RegExp; throws KqlRegexError. See compileKqlRegexInfo. */
export function compileKqlRegex(pattern: string, extraFlags = '', options: KqlRegexOptions = {}): RegExp {
  return compileKqlRegexInfo(pattern, extraFlags, options).regex;
}
