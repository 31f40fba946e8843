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

export class KqlRegexError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${message}`);
    this.name = 'KqlRegexError';
  }
}

export interface KqlRegex {
  /** The KQL pattern as written. */
  readonly pattern: string;
  readonly regex: RegExp;
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

type Range = readonly [number, number];

const POSIX_CLASSES: Readonly<Record<string, readonly Range[]>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

const ASCII_DIGIT: readonly Range[] = [[0x30, 0x39]];
const ASCII_SPACE: readonly Range[] = POSIX_CLASSES.space!;
const ASCII_WORD: readonly Range[] = POSIX_CLASSES.word!;

/** A code point written so that it is literal both inside and outside classes, in `u` and `v` mode. */
function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCharCode(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

function rangesSrc(ranges: readonly Range[]): string {
  let s = '';
  for (const [a, b] of ranges) s += a === b ? lit(a) : `${lit(a)}-${lit(b)}`;
  return s;
}

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

function hasCaseVariants(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch || ch.toUpperCase() !== ch || cp === 0x131 || cp === 0x17f;
}

const PROPERTY_KEYS: Readonly<Record<string, string>> = {
  sc: 'Script',
  script: 'Script',
  scx: 'Script_Extensions',
  script_extensions: 'Script_Extensions',
  gc: 'General_Category',
  general_category: 'General_Category',
};

function titleCase(name: string): string {
  return name
    .split(/[\s_-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('_');
}

function validProperty(body: string): boolean {
  try {
    new RegExp(`\\p{${body}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Resolves a KQL Unicode class name to a JS property escape body, or null. */
function resolveProperty(name: string): string | null {
  const trimmed = name.trim();
  const eq = trimmed.search(/[=:]/);
  if (eq >= 0) {
    const key = PROPERTY_KEYS[trimmed.slice(0, eq).trim().toLowerCase().replace(/[\s-]/g, '_')];
    const value = trimmed.slice(eq + 1).trim();
    if (key === undefined) return null;
    for (const v of [value, titleCase(value)]) if (validProperty(`${key}=${v}`)) return `${key}=${v}`;
    return null;
  }
  const candidates = [trimmed, titleCase(trimmed), trimmed.replace(/[\s-]/g, '_')];
  for (const c of candidates) if (validProperty(c)) return c;
  for (const c of candidates) if (validProperty(`Script=${c}`)) return `Script=${c}`;
  return null;
}

let bmpString: string | null = null;
/** All BMP code points except surrogates, in order (index i ↦ code point i, or i + 0x800 from U+E000 on). */
function allBmp(): string {
  if (bmpString === null) {
    const parts: string[] = [];
    for (let c = 0; c < 0x10000; c += 0x1000) {
      const codes: number[] = [];
      for (let d = c; d < c + 0x1000; d++) if (d < 0xd800 || d > 0xdfff) codes.push(d);
      parts.push(String.fromCharCode(...codes));
    }
    bmpString = parts.join('');
  }
  return bmpString;
}

/** BMP code points matched by `cls` (a complete JS class) under case-insensitive matching. */
function caseClosure(cls: string, jsUnicodeFlag: string): Range[] {
  const re = new RegExp(cls, `gi${jsUnicodeFlag}`);
  const ranges: [number, number][] = [];
  for (const m of allBmp().matchAll(re)) {
    const cp = m[0].codePointAt(0)!;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

/** A set of class contents: `flat` items valid inside any class, plus nested classes (which need the `v` flag). */
interface ClassUnion {
  flat: string;
  nested: string[];
}

class Translator {
  private pos = 0;
  private out = '';
  groupCount = 0;
  readonly groupNames = new Map<string, number>();
  needV = false;
  /** Case mode of the whole pattern when not emulating (fixed by the first case-sensitive atom). */
  globalI: boolean | null = null;

  constructor(
    private readonly p: string,
    private readonly emulateCase: boolean,
  ) {}

  private error(message: string): never {
    throw new KqlRegexError(`${message} (at offset ${this.pos})`, this.p);
  }

  translate(initial: Flags): string {
    this.parseAlternation(initial, 0);
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

  private parseAlternation(flags: Flags, depth: number): void {
    const p = this.p;
    for (;;) {
      this.skipInsignificant(flags, false);
      if (this.pos >= p.length) break;
      const c = p[this.pos]!;
      if (c === ')') {
        if (depth === 0) this.error('unopened group ")"');
        return;
      }
      if (c === '|') {
        this.out += '|';
        this.pos++;
        continue;
      }
      if (c === '(') {
        if (this.parseGroup(flags, depth)) continue; // a flag directive: nothing to repeat
      } else {
        this.parseAtom(flags);
      }
      this.parseQuantifier(flags);
    }
    if (depth > 0) this.error('unclosed group "("');
  }

  /** Returns true when the group was only a flag directive `(?flags)`. */
  private parseGroup(flags: Flags, depth: number): boolean {
    const p = this.p;
    this.pos++; // (
    if (p[this.pos] !== '?') {
      this.groupCount++;
      this.out += '(';
      this.parseGroupBody({ ...flags }, depth);
      return false;
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
      this.groupCount++;
      this.groupNames.set(name, this.groupCount);
      this.out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `(?<${name}>` : '(';
      this.parseGroupBody({ ...flags }, depth);
      return false;
    }
    if (c === ':') {
      this.pos++;
      this.out += '(?:';
      this.parseGroupBody({ ...flags }, depth);
      return false;
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
      return true;
    }
    this.pos++; // :
    this.out += '(?:';
    this.parseGroupBody(scoped, depth);
    return false;
  }

  private parseGroupBody(flags: Flags, depth: number): void {
    this.parseAlternation(flags, depth + 1);
    this.pos++; // )
    this.out += ')';
  }

  private parseQuantifier(flags: Flags): void {
    const p = this.p;
    this.skipInsignificant(flags, false);
    const c = p[this.pos];
    let q: string;
    if (c === '*' || c === '+' || c === '?') {
      q = c;
      this.pos++;
    } else if (c === '{') {
      const m = /^\{\s*(\d+)\s*(?:(,)\s*(\d*)\s*)?\}/.exec(p.slice(this.pos));
      if (m === null) this.error('invalid counted repetition');
      const min = Number(m[1]);
      const max = m[3] !== undefined && m[3] !== '' ? Number(m[3]) : null;
      if (max !== null && max < min) this.error('invalid counted repetition (min > max)');
      q = m[2] === undefined ? `{${min}}` : `{${min},${max ?? ''}}`;
      this.pos += m[0].length;
    } else {
      return;
    }
    let lazy = false;
    if (p[this.pos] === '?') {
      lazy = true;
      this.pos++;
    }
    // With U the meanings of `x*` and `x*?` are swapped.
    this.out += lazy !== flags.U ? `${q}?` : q;
  }

  private codePointAt(): number {
    const cp = this.p.codePointAt(this.pos);
    if (cp === undefined) this.error('unexpected end of pattern');
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** Emits an atom whose meaning depends on the case mode; `cls` is it as a complete positive JS class. */
  private emitCased(atom: string, cls: string, negated: boolean, flags: Flags, usesV: boolean): void {
    if (!this.emulateCase) {
      if (this.globalI === null) this.globalI = flags.i;
      else if (this.globalI !== flags.i) throw new MixedCaseModes();
      this.out += atom;
      return;
    }
    if (!flags.i) {
      this.out += atom;
      return;
    }
    const closure = rangesSrc(caseClosure(cls, usesV ? 'v' : 'u'));
    // BMP part from the closure; the original class still covers supplementary-plane code points (case-sensitively).
    const positive = closure === '' ? cls : `(?:[${closure}]|${cls})`;
    this.out += negated ? `(?:(?!${positive})[\\s\\S])` : positive;
  }

  private emitLiteral(cp: number, flags: Flags): void {
    if (hasCaseVariants(cp)) this.emitCased(lit(cp), `[${lit(cp)}]`, false, flags, false);
    else this.out += lit(cp);
  }

  private parseAtom(flags: Flags): void {
    const p = this.p;
    const c = p[this.pos]!;
    switch (c) {
      case '[': {
        this.pos++;
        const { positive, negated, usesV } = this.parseClass(flags);
        if (usesV) this.needV = true;
        const atom = negated ? `[^${positive.slice(1)}` : positive;
        this.emitCased(atom, positive, negated, flags, usesV);
        return;
      }
      case '.':
        this.pos++;
        this.out += flags.s ? '[\\s\\S]' : '[^\\n]';
        return;
      case '^':
        this.pos++;
        this.out += flags.m ? '(?<![^\\n])' : '(?:^)';
        return;
      case '$':
        this.pos++;
        this.out += flags.m ? '(?![^\\n])' : '(?:$)';
        return;
      case '\\':
        this.parseEscapeOutsideClass(flags);
        return;
      case '*':
      case '+':
      case '?':
      case '{':
        this.error(`repetition operator "${c}" has nothing to repeat`);
      // falls through (error throws)
      default:
        this.emitLiteral(this.codePointAt(), flags);
    }
  }

  private parseEscapeOutsideClass(flags: Flags): void {
    const p = this.p;
    const e = p[this.pos + 1];
    if (e === undefined) this.error('trailing backslash');
    const word = flags.u ? `[${UNICODE_WORD_ITEMS}]` : `[${ASCII_WORD_ITEMS}]`;
    const assertions: Record<string, string> = {
      A: '(?:(?<![\\s\\S]))',
      z: '(?:(?![\\s\\S]))',
      b: `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`,
      B: `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`,
      '<': `(?:(?<!${word})(?=${word}))`,
      '>': `(?:(?<=${word})(?!${word}))`,
    };
    if (e === 'b' && p[this.pos + 2] === '{') {
      const m = /^\\b\{(start|end|start-half|end-half)\}/.exec(p.slice(this.pos));
      if (m === null) this.error('unknown word boundary assertion');
      this.pos += m[0].length;
      this.out += {
        start: assertions['<']!,
        end: assertions['>']!,
        'start-half': `(?:(?<!${word}))`,
        'end-half': `(?:(?!${word}))`,
      }[m[1] as 'start' | 'end' | 'start-half' | 'end-half'];
      return;
    }
    const assertion = assertions[e];
    if (assertion !== undefined) {
      this.pos += 2;
      this.out += assertion;
      return;
    }
    if (e === 'Q') {
      this.pos += 2;
      const end = p.indexOf('\\E', this.pos);
      const stop = end < 0 ? p.length : end;
      while (this.pos < stop) this.emitLiteral(this.codePointAt(), flags);
      this.pos = end < 0 ? p.length : end + 2;
      return;
    }
    const esc = this.parseEscape(flags, false);
    if (esc.kind === 'char') {
      this.emitLiteral(esc.cp, flags);
    } else if (esc.cased) {
      this.emitCased(esc.atom, `[${esc.item}]`, false, flags, false);
    } else {
      this.out += esc.atom;
    }
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

function translate(pattern: string, extraFlags: string): KqlRegex {
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
  const flags = (t.needV ? 'v' : 'u') + (t.globalI === true ? 'i' : '') + jsFlags;
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (e) {
    throw new KqlRegexError(e instanceof Error ? e.message : String(e), pattern);
  }
  return { pattern, regex, groupCount: t.groupCount, groupNames: t.groupNames };
}

const CACHE_LIMIT = 512;
const cache = new Map<string, KqlRegex>();

/**
 * Compiles a KQL regex, with details (group count and names). Cached: the same pattern and flags give the same
 * object, so a RegExp compiled with `g` or `y` shares its `lastIndex` — reset it before use.
 * `extraFlags`: JS flags `g`, `y`, `d`, and KQL flags `i m s U x` (as if the pattern began with `(?flags)`).
 */
export function compileKqlRegexInfo(pattern: string, extraFlags = ''): KqlRegex {
  const key = `${extraFlags}\u0000${pattern}`;
  let r = cache.get(key);
  if (r === undefined) {
    r = translate(pattern, extraFlags);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

/** Compiles a KQL (RE2-syntax) regex into an equivalent JS RegExp; throws KqlRegexError. See compileKqlRegexInfo. */
export function compileKqlRegex(pattern: string, extraFlags = ''): RegExp {
  return compileKqlRegexInfo(pattern, extraFlags).regex;
}
