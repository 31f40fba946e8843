// parse-kv (parse-kv-operator.md): the listed keys of a key/value text become typed columns. Three modes:
//   - specified delimiters (`pair_delimiter`, `kv_delimiter`, optional `quote`, `escape`, `greedy`): the text is
//     split at pair delimiters outside quotes, each pair at its first kv delimiter; without greedy a piece with no kv
//     delimiter is ignored ("name=John Doe" → John), with greedy it continues the previous value (→ "John Doe": "scan
//     until the next key appearance");
//   - no delimiters (only `quote`/`escape`, or nothing): "any nonalphanumeric character is considered a delimiter":
//     a key is a run of letters and digits, its value the next such run or a quoted text;
//   - `regex`: every match of a two-group regex gives a key (group 1) and a value (group 2).
// Keys and values are trimmed and unquoted (a quote pair: one character opens and closes, two characters open and
// close; an escape character inside quotes takes the next character literally). The first appearance of a key wins;
// a missing key or a value that does not convert to its type is null ("" for strings). The new columns follow the
// input's (a same-named input column is replaced, as parse does). Bound as a Project: one call per key over a
// shared per-text cache, so each distinct text is split once.
// [U] keys match case-sensitively; in the no-delimiter mode a key must stand alone (letters/digits around it end
// it), and a regex match with other than two groups is refused at bind time.

import type * as A from '../../parser/ast.js';
import type { Column } from '../../tables/table.js';
import type { ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { call, colRef, convertTo } from '../bind/build.js';
import { report } from '../bind/report.js';
import { lift } from '../functions/lift.js';
import type { BoundExpr } from '../plan/expr.js';
import { compileKqlRegex } from '../strings/regex.js';
import type { OperatorBinders } from './operator.js';
import { parseTyped } from './parse.js';

interface Options {
  pair?: string;
  kv?: string;
  quotes: { open: string; close: string }[];
  escapes: string[];
  greedy: boolean;
  regex?: RegExp;
}

/** The first value of each key in the text, as written (trimmed, unquoted). */
type Extractor = (text: string) => ReadonlyMap<string, string>;

function stringOption(p: A.OperatorParam): string | undefined {
  return p.value.kind === 'StringLiteral' ? p.value.value : undefined;
}

function unquote(s: string, o: Options): string {
  const t = s.trim();
  for (const q of o.quotes) {
    if (t.length >= 2 && t.startsWith(q.open) && t.endsWith(q.close)) {
      let out = '';
      const body = t.slice(q.open.length, t.length - q.close.length);
      for (let i = 0; i < body.length; i++) {
        if (o.escapes.includes(body[i]!) && i + 1 < body.length) out += body[++i];
        else out += body[i];
      }
      return out;
    }
  }
  return t;
}

/** Splits at `delim` outside quotes (an escape inside quotes skips the next character). */
function splitOutsideQuotes(text: string, delim: string, o: Options, limit = Infinity): string[] {
  const parts: string[] = [];
  let start = 0;
  let closing: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (closing !== undefined) {
      if (o.escapes.includes(c)) i++;
      else if (c === closing) closing = undefined;
      continue;
    }
    const q = o.quotes.find((x) => x.open === c);
    if (q) {
      closing = q.close;
      continue;
    }
    if (parts.length < limit - 1 && text.startsWith(delim, i)) {
      parts.push(text.slice(start, i));
      start = i + delim.length;
      i += delim.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function delimitedExtractor(o: Options): Extractor {
  return (text) => {
    const out = new Map<string, string>();
    const pieces = splitOutsideQuotes(text, o.pair!, o);
    const pairs: [string, string][] = [];
    for (const piece of pieces) {
      const kv = splitOutsideQuotes(piece, o.kv!, o, 2);
      if (kv.length === 2) pairs.push([kv[0]!, kv[1]!]);
      else if (o.greedy && pairs.length > 0) pairs[pairs.length - 1]![1] += o.pair! + piece;
    }
    for (const [k, v] of pairs) {
      const key = unquote(k, o);
      if (!out.has(key)) out.set(key, unquote(v, o));
    }
    return out;
  };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function undelimitedExtractor(o: Options, keys: readonly string[]): Extractor {
  return (text) => {
    const out = new Map<string, string>();
    for (const key of keys) {
      for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
        if (isWordChar(text[at - 1]) || isWordChar(text[at + key.length])) continue;
        let i = at + key.length;
        while (i < text.length && !isWordChar(text[i]) && !o.quotes.some((q) => q.open === text[i])) i++;
        if (i >= text.length) break;
        const q = o.quotes.find((x) => x.open === text[i]);
        let value: string;
        if (q) {
          let j = i + 1;
          value = '';
          while (j < text.length && text[j] !== q.close) {
            if (o.escapes.includes(text[j]!) && j + 1 < text.length) j++;
            value += text[j++];
          }
        } else {
          let j = i;
          while (j < text.length && isWordChar(text[j])) j++;
          value = text.slice(i, j);
        }
        out.set(key, value.trim());
        break;
      }
    }
    return out;
  };
}

function regexExtractor(re: RegExp): Extractor {
  return (text) => {
    const out = new Map<string, string>();
    let pos = 0;
    while (pos <= text.length) {
      const m = re.exec(text.slice(pos));
      if (!m) break;
      const key = (m[1] ?? '').trim();
      if (!out.has(key)) out.set(key, (m[2] ?? '').trim());
      pos += m.index + Math.max(1, m[0].length);
    }
    return out;
  };
}

export const binders: OperatorBinders = {
  ParseKv: (input, op, lets, ctx) => {
    const o: Options = { quotes: [], escapes: [], greedy: false };
    for (const p of op.properties) {
      const v = stringOption(p);
      if (p.name === 'pair_delimiter' && v) o.pair = v;
      else if (p.name === 'kv_delimiter' && v) o.kv = v;
      else if (p.name === 'quote' && v && (v.length === 1 || v.length === 2)) o.quotes.push({ open: v[0]!, close: v[v.length - 1]! });
      else if (p.name === 'escape' && v && v.length === 1) o.escapes.push(v);
      else if (p.name === 'greedy' && p.value.kind === 'BoolLiteral') o.greedy = p.value.value;
      else if (p.name === 'regex' && v !== undefined) {
        try {
          o.regex = compileKqlRegex(v);
        } catch (err) {
          return report(ctx, 'bind-bad-regex', p.value.span, { reason: (err as Error).message });
        }
        const groups = new RegExp(`${o.regex.source}|`, o.regex.flags.replace(/[gy]/g, '')).exec('')!.length - 1;
        if (groups !== 2) return report(ctx, 'bind-invalid', p.value.span, { message: 'the regex of parse-kv needs exactly two capturing groups (key, value)' });
      } else return report(ctx, 'bind-invalid-option', p.span, { operator: 'parse-kv', name: p.name });
    }
    if ((o.pair === undefined) !== (o.kv === undefined)) {
      return report(ctx, 'bind-invalid', op.span, { message: 'parse-kv needs both pair_delimiter and kv_delimiter, or neither' });
    }
    if (o.regex && (o.pair || o.quotes.length > 0 || o.escapes.length > 0 || o.greedy)) {
      return report(ctx, 'bind-invalid', op.span, { message: 'parse-kv with regex takes no other option' });
    }
    if (o.greedy && !o.pair) return report(ctx, 'bind-invalid', op.span, { message: 'greedy needs pair_delimiter and kv_delimiter' });
    for (const c of op.columns) {
      if (c.type.type === 'decimal') return report(ctx, 'bind-not-supported', c.span, { name: 'decimal' });
    }
    const source = bindExpr(op.source, { schema: input.schema, lets }, ctx);
    if (!source) return undefined;
    const text = source.type === 'string' ? source : convertTo(source, 'string');
    const keys = op.columns.map((c) => c.name.name);
    const extract = o.regex ? regexExtractor(o.regex) : o.pair ? delimitedExtractor(o) : undelimitedExtractor(o, keys);
    const cache = new Map<string, ReadonlyMap<string, string>>();
    const pairsOf = (s: string) => {
      let m = cache.get(s);
      if (!m) {
        m = extract(s);
        if (cache.size >= 100_000) cache.clear();
        cache.set(s, m);
      }
      return m;
    };
    const added: { column: Column; expr: BoundExpr }[] = op.columns.map((c) => {
      const type = c.type.type;
      const invoke = lift(type, (s) => {
        const raw = pairsOf(s as string).get(c.name.name);
        if (raw === undefined) return null;
        const v: ScalarValue | null | undefined = parseTyped(raw, type);
        return v === undefined ? null : v;
      });
      return { column: { name: c.name.name, type }, expr: call(`parse_kv(${c.name.name})`, [text], type, invoke, c.span) };
    });
    const exprs: BoundExpr[] = input.schema.map((c, i) => colRef(c, i, op.span));
    const schema: Column[] = [...input.schema];
    for (const a of added) {
      const at = schema.findIndex((c) => c.name === a.column.name);
      if (at >= 0) {
        schema[at] = a.column;
        exprs[at] = a.expr;
      } else {
        schema.push(a.column);
        exprs.push(a.expr);
      }
    }
    return { kind: 'Project', input, operator: 'parse-kv', exprs, schema, span: op.span };
  },
};
