// evaluate sliding_window_counts() and rolling_percentile() (sliding-window-counts-plugin.md,
// rolling-percentile-plugin.md): aggregates over a window of bins ending at each bin. Both are written as the KQL
// they mean — each row is repeated into every bin whose window holds it (mv-expand of range(0, k−1)), then one
// summarize by bin and dimensions — and that query is bound over the input. So they need no plan node of their own
// and run with the operators' own semantics (count, dcount, percentile).
// The arguments are checked first at their own positions (columns by name, constants where the output depends on
// them); only then is the query text built from them, so a user's mistake is never reported inside the generated
// text.

import { diagnostic, type Span } from '../../../diagnostics.js';
import { parse, print } from '../../../parser/index.js';
import type * as A from '../../../parser/ast.js';
import type { ScalarType } from '../../../values/types.js';
import { bindExpr } from '../../bind/bind-expr.js';
import { unknownColumn } from '../../bind/names.js';
import { report } from '../../bind/report.js';
import type { BindContext, LetScope } from '../../bind/scope.js';
import type { Plan } from '../../plan/logical.js';

/** The let name the generated query reads its input from. */
const INPUT = '__window_input';

const NUMERIC_OR_TIME = new Set<ScalarType>(['int', 'long', 'real', 'datetime', 'timespan']);

/** KQL text of an argument, as written (canonical form). */
function text(e: A.Expression): string {
  return print({ kind: 'Script', statements: [{ kind: 'QueryStatement', expression: e, span: e.span }], span: e.span });
}

/** A column argument: its quoted name, or a diagnostic at the argument. */
function column(arg: A.Expression | undefined, input: Plan, ctx: BindContext, what: string, span: Span): string | undefined {
  return columnOf(arg, input, ctx, what, span)?.quoted;
}

/** A column argument: its quoted name and type, or a diagnostic at the argument. */
function columnOf(arg: A.Expression | undefined, input: Plan, ctx: BindContext, what: string, span: Span): { quoted: string; type: ScalarType } | undefined {
  if (!arg) return report(ctx, 'bind-wrong-arity', span, { name: what, expected: 'more', got: 0 });
  if (arg.kind !== 'Name') return report(ctx, 'bind-wrong-type', arg.span, { what: `argument of ${what}`, expected: 'a column name', got: 'an expression' });
  const c = input.schema.find((col) => col.name === arg.name);
  if (!c) return unknownColumn(ctx, arg.name, arg.span, input.schema);
  return { quoted: `['${arg.name.replace(/'/g, "\\'")}']`, type: c.type };
}

/** A scalar argument of one of `types`, bound against the input (so lets resolve); its text, or undefined. */
function scalar(arg: A.Expression, input: Plan, lets: LetScope, ctx: BindContext, what: string, types: ReadonlySet<ScalarType>): { text: string; value?: unknown; type: ScalarType } | undefined {
  const e = bindExpr(arg, { schema: input.schema, lets, serialized: false }, ctx);
  if (!e) return undefined;
  if (!types.has(e.type)) return report(ctx, 'bind-wrong-type', arg.span, { what: `argument of ${what}`, expected: [...types].join(', '), got: e.type });
  return { text: text(arg), value: e.kind === 'Literal' ? e.value : undefined, type: e.type };
}

/** The bin expression converted back to the axis column's type (bin_at of a long is a real; the analyser keeps the
 * column's type). */
function sameType(expr: string, type: ScalarType): string {
  return type === 'int' || type === 'long' || type === 'real' ? `to${type}(${expr})` : expr;
}

/** Binds the generated query over the input; anything it reports is placed at the plugin call. */
function bindGenerated(query: string, input: Plan, lets: LetScope, ctx: BindContext, span: Span): Plan | undefined {
  const parsed = parse(query);
  const statement = parsed.ast.statements[0];
  if (parsed.diagnostics.length > 0 || statement?.kind !== 'QueryStatement') {
    ctx.diagnostics.push(diagnostic('bind-invalid', span, { message: `evaluate: the arguments do not form a valid window query` }));
    return undefined;
  }
  const before = ctx.diagnostics.length;
  const plan = ctx.bindTabular(statement.expression, lets.with(INPUT, { kind: 'tabular', plan: input }), ctx);
  for (let i = before; i < ctx.diagnostics.length; i++) ctx.diagnostics[i] = { ...ctx.diagnostics[i]!, span };
  return plan;
}

/**
 * sliding_window_counts(Id, Timeline, Start, End, LookbackWindow, Bin [, dims...]): per bin from Start to End
 * (inclusive, as the page's example ends at End), Count and Dcount (the analyser's names) of the rows and distinct ids
 * in the LookbackWindow ending with that bin — LookbackWindow rounded down to a multiple of Bin (the page).
 * [U] Bins are aligned to Start; a bin whose window holds no row gives no row; rows ordered by bin, then dimensions;
 * Bin given as 'week', 'month' or 'year' is refused (not supported yet).
 */
export function bindSlidingWindowCounts(input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const name = 'sliding_window_counts';
  const args = op.call.args;
  if (args.length < 6) return report(ctx, 'bind-wrong-arity', op.call.span, { name, expected: 'at least 6', got: args.length });
  const id = column(args[0], input, ctx, name, op.call.span);
  const timelineColumn = columnOf(args[1], input, ctx, name, op.call.span);
  if (!id || !timelineColumn) return undefined;
  const timeline = timelineColumn.quoted;
  const [start, end, lookback] = [args[2]!, args[3]!, args[4]!].map((a) => scalar(a, input, lets, ctx, name, NUMERIC_OR_TIME));
  const bin = args[5]!.kind === 'StringLiteral' ? undefined : scalar(args[5]!, input, lets, ctx, name, NUMERIC_OR_TIME);
  if (args[5]!.kind === 'StringLiteral') return report(ctx, 'bind-not-supported', args[5]!.span, { name: `sliding_window_counts with a calendar bin (${text(args[5]!)})` });
  if (!start || !end || !lookback || !bin) return undefined;
  const dims: string[] = [];
  for (const d of args.slice(6)) {
    const c = column(d, input, ctx, name, op.call.span);
    if (!c) return undefined;
    dims.push(c);
  }
  const by = [timeline, ...dims].join(', ');
  const query = [
    INPUT,
    `| extend __first_bin = bin_at(${timeline}, ${bin.text}, ${start.text})`,
    `| mv-expand __k = range(0, tolong((${lookback.text}) / (${bin.text})) - 1, 1) to typeof(long)`,
    `| extend ${timeline} = ${sameType(`__first_bin + __k * (${bin.text})`, timelineColumn.type)}`,
    `| where ${timeline} between ((${start.text}) .. (${end.text}))`,
    `| summarize Count = count(), Dcount = dcount(${id}) by ${by}`,
    `| order by ${[timeline, ...dims].map((c) => `${c} asc`).join(', ')}`,
  ].join('\n');
  return bindGenerated(query, input, lets, ctx, op.call.span);
}

/**
 * rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [, dims...]): per bin of Index (bin(), as the
 * page's example's daily bins), the percentile of Value over the BinsPerWindow bins ending with it (inclusive), in
 * a column rolling_<BinsPerWindow>_percentile_<Value>_<Percentile> (the page and the analyser). The percentile is
 * the percentile() aggregate's (nearest rank: the page's 12, 24, 36, 60… are exactly that).
 * [U] Bins run from the first to the last bin with data in the whole input (the page's example outputs exactly the
 * days with data); rows ordered by dimensions, then bin (the page's second example lists Even, then Odd).
 */
export function bindRollingPercentile(input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const name = 'rolling_percentile';
  const args = op.call.args;
  if (args.length < 5) return report(ctx, 'bind-wrong-arity', op.call.span, { name, expected: 'at least 5', got: args.length });
  const value = column(args[0], input, ctx, name, op.call.span);
  const indexColumn = columnOf(args[2], input, ctx, name, op.call.span);
  if (!value || !indexColumn) return undefined;
  const index = indexColumn.quoted;
  const pct = scalar(args[1]!, input, lets, ctx, name, new Set<ScalarType>(['int', 'long', 'real']));
  const binSize = scalar(args[3]!, input, lets, ctx, name, NUMERIC_OR_TIME);
  const window = scalar(args[4]!, input, lets, ctx, name, new Set<ScalarType>(['int', 'long']));
  if (!pct || !binSize || !window) return undefined;
  // The output column is named after the percentile and the window: both must be constants.
  if (pct.value === undefined || pct.value === null) return report(ctx, 'bind-expected-constant', args[1]!.span, { what: 'the percentile of rolling_percentile' });
  if (typeof window.value !== 'number' && typeof window.value !== 'bigint') return report(ctx, 'bind-expected-constant', args[4]!.span, { what: 'the bins per window of rolling_percentile' });
  const dims: string[] = [];
  for (const d of args.slice(5)) {
    const c = column(d, input, ctx, name, op.call.span);
    if (!c) return undefined;
    dims.push(c);
  }
  const valueName = (args[0] as Extract<A.Expression, { kind: 'Name' }>).name;
  const result = `rolling_${String(window.value)}_percentile_${valueName}_${String(pct.value)}`;
  const binOf = `bin(${index}, ${binSize.text})`;
  const query = [
    INPUT,
    `| mv-expand __k = range(0, ${String(window.value)} - 1, 1) to typeof(long)`,
    `| extend ${index} = ${sameType(`${binOf} + __k * (${binSize.text})`, indexColumn.type)}`,
    `| where ${index} between (toscalar(${INPUT} | summarize min(${binOf})) .. toscalar(${INPUT} | summarize max(${binOf})))`,
    `| summarize ['${result.replace(/'/g, "\\'")}'] = percentile(${value}, ${pct.text}) by ${[index, ...dims].join(', ')}`,
    `| order by ${[...dims, index].map((c) => `${c} asc`).join(', ')}`,
  ].join('\n');
  return bindGenerated(query, input, lets, ctx, op.call.span);
}
