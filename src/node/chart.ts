// An SVG chart for a result whose query ends with `render`: the render data model (chart-series.ts) becomes a
// Vega-Lite specification, which Vega lays out and draws headlessly (no canvas, no browser).
//
// Vega's public `view.toSVG()` is asynchronous, but a chart of in-memory data needs no I/O, so we run the dataflow
// with `view.run()` and draw the scenegraph with Vega's own SVG string renderer exactly as `toSVG()` does
// (vega-view's renderHeadless/initializeRenderer); test/cli/chart.test.ts checks the two give the same document,
// so a Vega upgrade that changes this cannot go unnoticed.

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { QueryResult } from '../result.js';
import { chartModel, ChartError, type ChartModel } from './chart-series.js';

export { ChartError } from './chart-series.js';

const WIDTH = 720;
const HEIGHT = 320;
const MAX_PANELS = 5; // docs:render-operator.md, ysplit=panels: "Maximum five panels."
const DAY_MS = 86_400_000;

interface DataRow {
  x: number | string;
  y: number | null;
  series: string;
  ycol: string;
  key: string;
  order: number;
}

/** Renders the chart of a `render` result as an SVG document. Throws ChartError for charts it cannot draw. */
export function renderChartSvg(result: QueryResult): string {
  const model = chartModel(result);
  if (model.series.every((s) => s.points.length === 0)) throw new ChartError('the result has no rows to chart');
  return svgFromVegaLite(chartSpec(model));
}

/** The Vega-Lite specification for a chart model (exported for tests and for callers that render elsewhere). */
export function chartSpec(model: ChartModel): TopLevelSpec {
  const rows: DataRow[] = [];
  let order = 0;
  for (const s of model.series) {
    for (const p of s.points) rows.push({ x: p.x, y: p.y, series: s.name, ycol: s.yColumn, key: s.key ?? s.yColumn, order: order++ });
  }
  const names = model.series.map((s) => s.name);
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 8,
    ...(model.title !== undefined ? { title: { text: model.title, fontSize: 14 } } : {}),
    config: { font: 'sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, labelLimit: 400 } },
  } as const;
  if (model.mark === 'pie') return { ...base, ...pieSpec(model, rows) } as TopLevelSpec;

  const singleY = model.yColumns.length === 1;
  const legend = model.legend ? { title: null } : null;
  const color = { field: 'series', type: 'nominal', scale: { domain: names }, legend };
  const yTitle = model.ytitle ?? (singleY ? model.yColumns[0] : null);
  const yScale = {
    ...(model.ylog ? { type: 'log' } : {}),
    ...(model.ymin !== undefined ? { domainMin: model.ymin } : {}),
    ...(model.ymax !== undefined ? { domainMax: model.ymax } : {}),
  };
  const stack = model.stack === 'stacked' ? 'zero' : model.stack === 'stacked100' ? 'normalize' : null;
  // stacked100 shows shares; otherwise counts (long/int columns) get whole-number ticks only.
  const yAxis = stack === 'normalize' ? { format: '%' } : model.integerY ? { tickMinStep: 1, format: ',d' } : {};
  const measure = { field: 'y', type: 'quantitative', title: yTitle, scale: yScale, axis: yAxis, stack };
  const xTitle = model.xtitle ?? model.xName;

  if (model.mark === 'column' || model.mark === 'bar') {
    const band = { field: 'x', type: 'nominal', title: xTitle, sort: null, scale: { domain: model.categories }, axis: { labelLimit: 160 } };
    const grouped = stack === null && model.series.length > 1;
    const offset = grouped ? { field: 'series', type: 'nominal', scale: { domain: names } } : undefined;
    const horizontal = model.mark === 'bar';
    const encoding = horizontal
      ? { y: band, x: measure, color, ...(offset ? { yOffset: offset } : {}) }
      : { x: { ...band, axis: { labelLimit: 160, labelAngle: longLabels(model.categories) ? -40 : 0 } }, y: measure, color, ...(offset ? { xOffset: offset } : {}) };
    const size = horizontal
      ? { width: WIDTH, height: { step: grouped ? Math.max(8, Math.floor(28 / model.series.length)) * model.series.length + 8 : 30 } }
      : { width: WIDTH, height: HEIGHT };
    return { ...base, ...withPanels(model, { ...size, data: { values: rows }, mark: { type: 'bar' }, encoding }) } as TopLevelSpec;
  }

  const x =
    model.xType === 'time'
      ? { field: 'x', type: 'temporal', title: xTitle, scale: { type: 'utc' }, axis: timeAxis(rows) }
      : model.xType === 'number'
        ? { field: 'x', type: 'quantitative', title: xTitle, scale: { zero: false, ...(model.xlog ? { type: 'log' } : {}) } }
        : { field: 'x', type: 'ordinal', title: xTitle, sort: null, scale: { domain: model.categories } };
  const longest = Math.max(...model.series.map((s) => s.points.length));
  const mark =
    model.mark === 'scatter'
      ? { type: 'point', filled: true }
      : model.mark === 'area'
        ? { type: 'area', line: true, opacity: stack === null && model.series.length > 1 ? 0.45 : 0.7 }
        : // A line through one point is invisible: show the points when some series has a single one.
          { type: 'line', point: longest <= 1 || model.series.some((s) => s.points.length === 1) };
  // Lines follow the data order on a category axis (Kusto: "sort the data to define the order of the x-axis");
  // on continuous axes the points are already sorted by x. Areas keep Vega-Lite's stacking order (by series).
  const lineOrder = model.mark === 'line' && model.xType === 'category' ? { order: { field: 'order' } } : {};
  // Stacked areas need a value for every series at every x, else the layers tear apart where a summarize left a
  // bin out; a missing (series, x) pair has no rows, i.e. adds nothing to the stack: 0. [U]
  const y = model.mark !== 'area' ? { ...measure, stack: undefined } : stack !== null ? { ...measure, impute: { value: 0 } } : measure;
  const encoding = { x, y, color, ...lineOrder };

  if (model.ysplit === 'axes') {
    if (model.series.length > 2) {
      throw new ChartError(`ysplit=axes draws one y axis per series; kqlite draws at most 2 and this chart has ${model.series.length}`);
    }
    const layers = model.series.map((s, i) => ({
      transform: [{ filter: { field: 'series', equal: s.name } }],
      mark,
      encoding: {
        ...encoding,
        // One set of grid lines: the second axis's would not line up with the first's.
        y: { ...encoding.y, title: s.name, axis: { ...yAxis, orient: i === 0 ? 'left' : 'right', grid: i === 0 } },
      },
    }));
    return {
      ...base,
      width: WIDTH,
      height: HEIGHT,
      data: { values: rows },
      layer: layers,
      resolve: { scale: { y: 'independent' } },
    } as TopLevelSpec;
  }
  return { ...base, ...withPanels(model, { width: WIDTH, height: HEIGHT, data: { values: rows }, mark, encoding }) } as TopLevelSpec;
}

/**
 * ysplit=panels: one chart per y column, stacked vertically, each with its own y scale; within a panel the y column
 * is fixed, so colour tells the series keys apart.
 */
function withPanels(model: ChartModel, spec: Record<string, unknown>): Record<string, unknown> {
  if (model.ysplit !== 'panels') return spec;
  if (model.yColumns.length > MAX_PANELS) {
    throw new ChartError(`ysplit=panels draws at most ${MAX_PANELS} panels and this chart has ${model.yColumns.length} y columns`);
  }
  const encoding = spec.encoding as Record<string, Record<string, unknown>>;
  const keys = [...new Set(model.series.map((s) => s.key ?? s.yColumn))];
  return {
    ...spec,
    height: Math.round(HEIGHT / 2),
    encoding: {
      ...encoding,
      y: { ...encoding.y, title: model.ytitle ?? null },
      color: { ...encoding.color, field: 'key', scale: { domain: keys } },
      row: { field: 'ycol', type: 'nominal', title: null, sort: model.yColumns },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

function pieSpec(model: ChartModel, rows: DataRow[]): Record<string, unknown> {
  const values = rows.filter((r) => r.y !== null && r.y > 0);
  const total = values.reduce((a, r) => a + (r.y ?? 0), 0);
  // The legend carries each slice's value and share: a pie's angles alone are hard to read.
  const labelled = values.map((r) => ({ ...r, label: `${String(r.x)}  ${formatNumber(r.y ?? 0)} (${percent((r.y ?? 0) / total)})` }));
  return {
    width: 320,
    height: 320,
    data: { values: labelled },
    mark: { type: 'arc', stroke: 'white', strokeWidth: 1 },
    encoding: {
      theta: { field: 'y', type: 'quantitative', stack: true },
      color: {
        field: 'label',
        type: 'nominal',
        sort: null,
        scale: { domain: labelled.map((r) => r.label) },
        legend: model.legend ? { title: model.xtitle ?? model.xName } : null,
      },
      order: { field: 'order' },
    },
    view: { stroke: null },
  };
}

function percent(f: number): string {
  const p = f * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumSignificantDigits: 6 });
}

function longLabels(categories: readonly string[]): boolean {
  const total = categories.reduce((a, c) => a + Math.min(c.length, 24), 0);
  return total * 7 > WIDTH * 0.9;
}

/**
 * Evenly spaced time points (make-series, regular bins) are labelled at data points, always including the first
 * and the last (the window a detection rule looked at), as ISO dates, or dates and times when some point is not at
 * midnight UTC. Irregular points get Vega's own "nice" UTC ticks.
 */
function timeAxis(rows: readonly DataRow[]): Record<string, unknown> {
  const xs = [...new Set(rows.map((r) => r.x as number))].sort((a, b) => a - b);
  const step = xs.length > 1 ? xs[1]! - xs[0]! : 0;
  const even = xs.length > 1 && xs.every((x, i) => i === 0 || x - xs[i - 1]! === step);
  if (!even) return { labelOverlap: true };
  const dateOnly = xs.every((x) => x % DAY_MS === 0);
  // The space one label needs, as a share of the axis (label widths as Vega estimates them, plus a gap).
  const labelPx = dateOnly ? 80 : 120;
  const first = xs[0]!;
  const last = xs[xs.length - 1]!;
  const minGap = ((last - first) * labelPx) / WIDTH;
  const every = Math.max(1, Math.ceil(minGap / step));
  const values = xs.filter((_, i) => i % every === 0);
  // The last point always gets a label; the regular one before it gives way when the two would touch.
  if (values[values.length - 1] !== last) {
    if (last - values[values.length - 1]! < minGap && values.length > 1) values.pop();
    values.push(last);
  }
  // Centred labels: Vega-Lite's default flush alignment would push the first one into its neighbour.
  return { values, format: dateOnly ? '%Y-%m-%d' : '%Y-%m-%d %H:%M', labelOverlap: false, labelFlush: false };
}

interface SvgRenderer {
  initialize(el: null, width: number, height: number, origin: readonly number[]): SvgRenderer;
  background(color: unknown): SvgRenderer;
  render(scene: unknown): SvgRenderer;
  svg(): string;
}

/** Compiles and draws a Vega-Lite spec; any warning or error from Vega is a bug in our spec, so it throws. */
export function svgFromVegaLite(spec: TopLevelSpec): string {
  const problems: string[] = [];
  const logger = {
    level(): number {
      return vega.Warn;
    },
    error: (...a: unknown[]) => (problems.push(a.map(String).join(' ')), logger),
    warn: (...a: unknown[]) => (problems.push(a.map(String).join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(spec, { logger: logger as never }).spec;
  if (problems.length) throw new Error(`chart specification problem: ${problems.join('; ')}`);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: logger as never });
  try {
    view.run();
    if (problems.length) throw new Error(`chart rendering problem: ${problems.join('; ')}`);
    // Mirrors vega-view's width()/height()/offset() helpers used by toSVG(); _viewWidth/_origin have no public getter.
    const internal = view as unknown as { _viewWidth: number; _viewHeight: number; _origin: readonly number[] };
    const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
    const Renderer = (vega as unknown as { SVGStringRenderer: new (loader: unknown) => SvgRenderer }).SVGStringRenderer;
    return new Renderer(view.loader())
      .initialize(
        null,
        Math.max(0, internal._viewWidth + pad.left + pad.right),
        Math.max(0, internal._viewHeight + pad.top + pad.bottom),
        [pad.left + internal._origin[0]!, pad.top + internal._origin[1]!],
      )
      .background(view.background())
      .render((view.scenegraph() as unknown as { root: unknown }).root)
      .svg();
  } finally {
    view.finalize();
  }
}
