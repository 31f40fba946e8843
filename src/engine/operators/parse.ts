// parse (parse-operator.md): the pattern becomes one regular expression matched against the whole string.
// simple/relaxed: string constants are literal text, `*` and columns match lazily; regex: string constants are
// regex text, `*` and columns match greedily (as the doc's greedy example output shows; flag U makes them lazy).
// A string that does not match gives null in every extracted column ("" for strings). A captured value that does
// not convert to its column type makes the whole row's columns null (simple, regex) or only that column (relaxed).

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../tables/table.js';
import { getValue, type Vector } from '../../tables/vector.js';
import { vectorWriter } from '../../tables/builder.js';
import { parseGuidText, parseRealText } from '../../values/convert.js';
import { parseDatetime } from '../../values/datetime.js';
import { parseJson } from '../../values/dynamic.js';
import { parseTimespan } from '../../values/timespan.js';
import type { ScalarType, ScalarValue } from '../../values/types.js';
import { bindExpr } from '../bind/bind-expr.js';
import { convertTo } from '../bind/build.js';
import { report } from '../bind/report.js';
import type { BindContext, LetScope } from '../bind/scope.js';
import { evalVector } from '../exec/compile-expr.js';
import type { ExecContext } from '../exec/context.js';
import type { BoundExpr } from '../plan/expr.js';
import { explainExpr } from '../plan/explain.js';
import type { Plan, PlanNodeBase } from '../plan/logical.js';
import { compileKqlRegex } from '../strings/regex.js';
import type { OperatorBinders, PlanOperatorsOf } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    Parse: ParseNode;
  }
}

/** parse: input columns (kept in place, or replaced by a same-named extracted column) then the new columns. */
export interface ParseNode extends PlanNodeBase<'Parse'> {
  readonly input: Plan;
  readonly source: BoundExpr;
  /** The whole pattern, anchored, with one named group `kqlitec<k>` per extracted column. */
  readonly regex: ReturnType<typeof compileKqlRegex>;
  readonly columns: readonly { readonly name: string; readonly type: ScalarType }[];
  readonly relaxed: boolean;
  /** For each output column: the input column index it comes from (ignored for extracted columns). */
  readonly keep: readonly number[];
}

/** The text shape of each typed parse column when nothing follows it [U: the doc only shows long → \d+]. */
const TYPE_PATTERNS: Partial<Record<ScalarType, string>> = {
  int: '[+-]?\\d+',
  long: '[+-]?\\d+',
  real: '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?',
  bool: '(?i:true|false)',
  guid: '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}',
  timespan: '-?(?:\\d+\\.)?\\d+:\\d+(?::\\d+(?:\\.\\d+)?)?',
  datetime: '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?',
};

const escapeRe2 = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function bindParse(input: Plan, op: A.ParseOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  let kind = 'simple';
  let flags = '';
  for (const p of op.params) {
    const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'StringLiteral' ? p.value.value : undefined;
    if (p.name === 'kind' && (v === 'simple' || v === 'regex' || v === 'relaxed')) kind = v;
    else if (p.name === 'flags' && v !== undefined && /^[imsU]*$/.test(v)) flags = v;
    else return report(ctx, 'bind-unknown-parameter', p.span, { operator: 'parse', name: p.name, value: v ?? '?' });
  }
  if (flags && kind !== 'regex') return report(ctx, 'bind-parse-flags-need-regex', op.span, {});
  const source = bindExpr(op.source, { schema: input.schema, lets }, ctx);
  if (!source) return undefined;
  const src = source.type === 'string' ? source : convertTo(source, 'string');
  const greedy = kind === 'regex' && !flags.includes('U');
  const any = greedy ? '.*' : '.*?';
  let pattern = '';
  const columns: { name: string; type: ScalarType }[] = [];
  const parts = op.pattern;
  for (let pi = 0; pi < parts.length; pi++) {
    const part = parts[pi]!;
    if (part.kind === 'StringLiteral') pattern += kind === 'regex' ? `(?:${part.value})` : escapeRe2(part.value);
    else if (part.kind === 'Star') pattern += `(?:${any})`;
    else {
      const type = part.type?.type ?? 'string';
      if (type === 'decimal') {
        ctx.diagnostics.push(diagnostic('bind-not-supported', part.span, { name: 'decimal' }));
        return undefined;
      }
      if (columns.some((c) => c.name === part.name.name)) {
        ctx.diagnostics.push(diagnostic('bind-duplicate-column', part.span, { name: part.name.name }));
        return undefined;
      }
      // A column bounded by a following string constant takes anything up to it; a typed column followed by `*`
      // or the end has no delimiter, so it takes its type's shape (the doc's `long` → `\d+` translation). That is
      // why `*` may not follow a string column.
      const next = parts[pi + 1];
      const bounded = next !== undefined && next.kind === 'StringLiteral';
      pattern += `(?P<kqlitec${columns.length}>${bounded || type === 'string' ? any : (TYPE_PATTERNS[type] ?? any)})`;
      columns.push({ name: part.name.name, type });
    }
  }
  // Simple and relaxed patterns match across newlines [U]; regex mode uses the flags it is given.
  const reFlags = kind === 'regex' ? flags.replace('U', '') : 's';
  let regex: ParseNode['regex'];
  try {
    regex = compileKqlRegex(`^(?:${pattern})$`, reFlags);
  } catch (err) {
    return report(ctx, 'bind-bad-regex', op.span, { reason: (err as Error).message });
  }
  const schema: Column[] = [...input.schema];
  const keep: number[] = input.schema.map((_, i) => i);
  for (const c of columns) {
    const at = schema.findIndex((x) => x.name === c.name);
    if (at >= 0) schema[at] = c;
    else {
      schema.push(c);
      keep.push(-1);
    }
  }
  return { kind: 'Parse', input, source: src, regex, columns, relaxed: kind === 'relaxed', keep, schema, span: op.span };
}

/** Strict text → typed value; undefined when the text is not a value of the type. */
export function parseTyped(text: string, type: ScalarType): ScalarValue | null | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'int':
    case 'long': {
      const t = text.trim();
      if (!/^[+-]?\d+$/.test(t)) return undefined;
      const v = BigInt(t);
      if (type === 'int') return v >= -2147483648n && v <= 2147483647n ? Number(v) : undefined;
      return BigInt.asIntN(64, v) === v ? v : undefined;
    }
    case 'real':
      return parseRealText(text.trim()) ?? undefined;
    case 'bool': {
      const t = text.trim().toLowerCase();
      return t === 'true' ? true : t === 'false' ? false : undefined;
    }
    case 'datetime':
      return parseDatetime(text.trim()) ?? undefined;
    case 'timespan':
      return parseTimespan(text.trim()) ?? undefined;
    case 'guid':
      return parseGuidText(text.trim()) ?? undefined;
    case 'dynamic':
      return parseJson(text);
    case 'decimal':
      return undefined;
  }
}

function runParse(node: ParseNode, input: Table, ctx: ExecContext): Table {
  const n = input.rowCount;
  const source = evalVector(node.source, input, ctx);
  const re = node.regex;
  const cols = node.columns;
  const writers = cols.map((c) => vectorWriter(c.type, n));
  const cache = new Map<string, (ScalarValue | null)[]>();
  const nulls = cols.map((c) => (c.type === 'string' ? '' : null));
  const parseOne = (s: string): (ScalarValue | null)[] => {
    const m = re.exec(s);
    if (!m) return nulls;
    const out: (ScalarValue | null)[] = [];
    for (let k = 0; k < cols.length; k++) {
      const text = m.groups?.[`kqlitec${k}`] ?? '';
      const v = parseTyped(text, cols[k]!.type);
      if (v === undefined) {
        if (!node.relaxed) return nulls;
        out.push(cols[k]!.type === 'string' ? '' : null);
      } else out.push(v);
    }
    return out;
  };
  for (let i = 0; i < n; i++) {
    const s = getValue(source, i) as string;
    let vals = cache.get(s);
    if (!vals) {
      vals = parseOne(s);
      if (cache.size < 100_000) cache.set(s, vals);
    }
    for (let k = 0; k < cols.length; k++) writers[k]!.set(i, vals[k]!);
  }
  const added = writers.map((w) => w.finish());
  const columns: Vector[] = [];
  node.schema.forEach((c, j) => {
    const k = cols.findIndex((x) => x.name === c.name);
    columns.push(k >= 0 ? added[k]! : input.columns[node.keep[j]!]!);
  });
  return makeTable(node.schema, columns, n);
}

export const binders: OperatorBinders = {
  Parse: (input, op, lets, ctx) => bindParse(input, op, lets, ctx),
};

export const plans: PlanOperatorsOf<'Parse'> = {
  Parse: {
    inputs: (node) => [node.input],
    execute: (node, ctx) => runParse(node, ctx.run(node.input), ctx),
    explain: (node) => `Parse ${explainExpr(node.source)} /${node.regex.source}/`,
    serialization: 'keeps',
  },
};
