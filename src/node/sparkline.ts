// A compact text chart of a `render` result for terminals, drawn with Unicode block characters and no colour codes
// (the CLI decides on colour).
//
// Series charts (timechart, linechart, areachart, scatterchart, and column/bar charts with several series): one
// line per series, `name ▁▂▄█ min..max`.
//   Scale, per series: ▁ is the series' smallest value and █ its largest; a value v is drawn as block
//   k = floor(7·(v − min)/(max − min)) of ▁▂▃▄▅▆▇█ (k = 0..7), i.e. how many sevenths of the way from min to max it
//   has reached, so only the maximum reaches █. A series whose values are all equal is drawn as ▁. A null is a space.
//   All series share one x grid (one column per x value, or equal slices of the x range when there are more values
//   than columns), so their lines line up; a column shows the largest value of the points it covers, so a single
//   spike (one malicious click in a month) is never averaged away, and a column with no point is a space.
// Category charts with one series (piechart, and barchart/columnchart of one measure): one line per category,
//   `name ████▌ value (share%)`, bars in eighths of a character, scaled to the largest value.

import type { QueryResult } from '../result.js';
import { chartModel, type ChartModel, type ChartSeries } from './chart-series.js';

export const SPARK_BLOCKS = '▁▂▃▄▅▆▇█';
const BAR_EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const MAX_NAME = 24;
const MIN_CHART = 8;

/**
 * The text chart of a `render` result, one line per series (or per category for a single-measure category chart),
 * lines joined with "\n" (no final newline). `width` is the whole line width in terminal columns (default 80).
 * Throws ChartError for charts that cannot be drawn.
 */
export function renderSparklines(result: QueryResult, width = 80): string {
  const model = chartModel(result);
  if (model.series.every((s) => s.points.length === 0)) return '(no data to chart)';
  const categoryBars = model.series.length === 1 && (model.mark === 'pie' || model.mark === 'column' || model.mark === 'bar');
  return categoryBars ? barLines(model.series[0]!, width) : sparkLines(model, width);
}

/** One sparkline for a list of values, one character per value (see the scale above). */
export function sparkline(values: readonly (number | null)[], min: number, max: number): string {
  return values
    .map((v) => {
      if (v === null) return ' ';
      // The epsilon keeps a value that is exactly k sevenths up from being floored to k − 1 by rounding error.
      const k = max > min ? Math.floor((7 * (v - min)) / (max - min) + 1e-9) : 0;
      return SPARK_BLOCKS[Math.min(7, Math.max(0, k))]!;
    })
    .join('');
}

function sparkLines(model: ChartModel, width: number): string {
  const names = model.series.map((s) => fitName(s.name));
  const nameW = Math.max(...names.map((n) => n.length));
  const ranges = model.series.map((s) => {
    const ys = s.points.map((p) => p.y).filter((y): y is number => y !== null);
    return ys.length === 0 ? null : { min: Math.min(...ys), max: Math.max(...ys) };
  });
  const rangeText = ranges.map((r) => (r === null ? 'no values' : `${formatValue(r.min)}..${formatValue(r.max)}`));
  const rangeW = Math.max(...rangeText.map((t) => t.length));
  const columnOf = xColumns(model, Math.max(MIN_CHART, width - nameW - rangeW - 4));
  return model.series
    .map((s, i) => {
      const r = ranges[i] ?? null;
      const cells: (number | null)[] = new Array<number | null>(columnOf.columns).fill(null);
      for (const p of s.points) {
        const c = columnOf.at(p.x);
        const prev = cells[c] ?? null;
        if (p.y !== null && (prev === null || p.y > prev)) cells[c] = p.y;
      }
      const line = r === null ? ' '.repeat(columnOf.columns) : sparkline(cells, r.min, r.max);
      return `${names[i]!.padEnd(nameW)}  ${line}  ${rangeText[i]}`;
    })
    .join('\n');
}

/**
 * The columns all series share, so their lines line up in x: one column per distinct x value when they fit, else
 * equal slices of the x range (time or number) or of the category list. A column holds the largest value of its
 * points; a column with no point (a bin a summarize left out, a null) is a space.
 */
function xColumns(model: ChartModel, maxColumns: number): { columns: number; at: (x: number | string) => number } {
  if (model.xType === 'category') {
    const index = new Map(model.categories.map((c, i) => [c, i]));
    const n = model.categories.length;
    const columns = Math.min(n, maxColumns);
    return { columns, at: (x) => Math.floor(((index.get(String(x)) ?? 0) * columns) / n) };
  }
  const xs = [...new Set(model.series.flatMap((s) => s.points.map((p) => p.x as number)))].sort((a, b) => a - b);
  if (xs.length <= maxColumns) {
    const index = new Map(xs.map((x, i) => [x, i]));
    return { columns: Math.max(1, xs.length), at: (x) => index.get(x as number) ?? 0 };
  }
  const lo = xs[0]!;
  const span = xs[xs.length - 1]! - lo;
  return { columns: maxColumns, at: (x) => Math.min(maxColumns - 1, Math.floor((((x as number) - lo) * maxColumns) / span)) };
}

function barLines(s: ChartSeries, width: number): string {
  const labels = s.points.map((p) => fitName(String(p.x)));
  const nameW = Math.max(...labels.map((l) => l.length));
  const values = s.points.map((p) => p.y);
  const total = values.reduce<number>((a, v) => a + (v !== null && v > 0 ? v : 0), 0);
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const tails = values.map((v) => (v === null ? 'null' : `${formatValue(v)}${total > 0 && v >= 0 ? ` (${share(v / total)})` : ''}`));
  const tailW = Math.max(...tails.map((t) => t.length));
  const barW = Math.max(MIN_CHART, width - nameW - tailW - 4);
  return s.points
    .map((_, i) => {
      const v = values[i] ?? null;
      const eighths = v === null || v <= 0 || max <= 0 ? 0 : Math.round((8 * barW * v) / max);
      const bar = '█'.repeat(Math.floor(eighths / 8)) + BAR_EIGHTHS[eighths % 8]!;
      return `${labels[i]!.padEnd(nameW)}  ${bar.padEnd(barW)}  ${tails[i]}`;
    })
    .join('\n');
}

function fitName(name: string): string {
  const n = name === '' ? '(empty)' : name;
  return n.length > MAX_NAME ? `${n.slice(0, MAX_NAME - 1)}…` : n;
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

function share(f: number): string {
  const p = f * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}
