// The render operator's data model applied to a query result: which column is the x axis, which are the y columns,
// which define the series, and the points of every series. Both the SVG chart (chart.ts) and the terminal
// sparklines (sparkline.ts) draw from this one model, so they always agree on what the series are.
//
// docs:render-operator.md: a result is read as an x column (`xcolumn`), series columns (`series`; each distinct
// combination of their values is one series) and y columns (`ycolumns`; one point per y column per record).
// When the x column is a dynamic array (make-series), each array element is one x value and each y column holds an
// array of the same length. Unspecified properties are "guessed" by the user agent: our guesses are marked [U].

import type { QueryResult } from '../result.js';
import { textCell } from '../tables/format.js';
import type { ScalarType, ScalarValue } from '../values/types.js';
import { parseDatetime, unixMsFromTicks } from '../values/datetime.js';

/** A chart request kqlite cannot draw faithfully; the message is meant for the user. */
export class ChartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartError';
  }
}

export type MarkKind = 'line' | 'area' | 'column' | 'bar' | 'pie' | 'scatter';

/** The `render` visualizations we draw, and the mark each becomes (docs:render-operator.md, "Visualization"). */
const CHARTS: Readonly<Record<string, MarkKind>> = {
  timechart: 'line',
  linechart: 'line',
  areachart: 'area',
  stackedareachart: 'area',
  columnchart: 'column',
  barchart: 'bar',
  piechart: 'pie',
  scatterchart: 'scatter',
};

export const DRAWABLE_CHARTS: readonly string[] = Object.keys(CHARTS);

/** Properties listed under "Supported properties" in docs:render-operator.md. */
const KNOWN_PROPERTIES = new Set([
  'accumulate', 'kind', 'legend', 'series', 'ymin', 'ymax', 'title', 'xaxis', 'xcolumn', 'xtitle', 'yaxis',
  'ycolumns', 'ysplit', 'ytitle', 'anomalycolumns',
]);

export type XType = 'time' | 'number' | 'category';

export interface ChartPoint {
  /** Unix milliseconds (time), a number (number), or a label (category). */
  readonly x: number | string;
  readonly y: number | null;
}

export interface ChartSeries {
  /** The legend name: the series key, or the y column, or `key:ycolumn` when both vary. */
  readonly name: string;
  /** The combined values of the series columns, or null when there are no series columns. */
  readonly key: string | null;
  readonly yColumn: string;
  readonly points: readonly ChartPoint[];
}

export interface ChartModel {
  readonly chart: string;
  readonly mark: MarkKind;
  readonly xName: string;
  readonly xType: XType;
  /** Category labels in first-seen order (xType 'category' only). */
  readonly categories: readonly string[];
  readonly yColumns: readonly string[];
  readonly series: readonly ChartSeries[];
  /** All y values come from integer columns: the y axis then shows whole numbers only. */
  readonly integerY: boolean;
  readonly title?: string;
  readonly xtitle?: string;
  readonly ytitle?: string;
  readonly legend: boolean;
  readonly stack: 'none' | 'stacked' | 'stacked100';
  readonly ysplit: 'none' | 'axes' | 'panels';
  readonly ymin?: number;
  readonly ymax?: number;
  readonly xlog: boolean;
  readonly ylog: boolean;
}

/** What a column can be used for, from its type and (for dynamic columns) the arrays it holds. */
type ColumnClass = 'time' | 'number' | 'text' | 'time[]' | 'number[]' | 'empty[]' | 'other';

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T/;

function classify(type: ScalarType, values: readonly (ScalarValue | null)[]): ColumnClass {
  switch (type) {
    case 'datetime':
      return 'time';
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return 'number';
    case 'string':
    case 'guid':
    case 'bool':
      return 'text';
    case 'dynamic':
      break;
    default:
      return 'other';
  }
  let sawTime = false;
  let sawNumber = false;
  for (const v of values) {
    if (v === null) continue;
    if (!Array.isArray(v)) return 'other';
    for (const e of v as readonly unknown[]) {
      if (e === null) continue;
      if (typeof e === 'number' || typeof e === 'bigint') sawNumber = true;
      else if (typeof e === 'string' && ISO_PREFIX.test(e) && parseDatetime(e) !== null) sawTime = true;
      else return 'other';
    }
  }
  if (sawTime && sawNumber) return 'other';
  return sawTime ? 'time[]' : sawNumber ? 'number[]' : 'empty[]';
}

const isArrayClass = (c: ColumnClass) => c === 'time[]' || c === 'number[]' || c === 'empty[]';

function listProperty(v: unknown, name: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ChartError(`render property ${name} takes a comma-separated list of column names`);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function stringProperty(props: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = props[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ChartError(`render property ${name} takes a string`);
  return v;
}

function numberProperty(props: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const v = props[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ChartError(`render property ${name} takes a number`);
  return v;
}

function oneOf<T extends string>(props: Readonly<Record<string, unknown>>, name: string, allowed: readonly T[], dflt: T): T {
  const v = props[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new ChartError(`render property ${name} must be ${allowed.join(', ')} (got ${String(v)})`);
  }
  return v as T;
}

/** A y value as a plain number; non-finite reals cannot be placed on an axis, so they become gaps. */
function yNumber(v: unknown, column: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v); // precision beyond 2^53 is invisible at chart resolution
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  throw new ChartError(`column ${column} holds a non-numeric value (${String(v)}) and cannot be a y column`);
}

/** Reads the render request of a result into series. Throws ChartError for requests that cannot be drawn. */
export function chartModel(result: QueryResult): ChartModel {
  const vis = result.visualization;
  if (!vis) throw new ChartError('the query has no render operator, so there is no chart to draw');
  const chart = vis.chart.toLowerCase();
  const mark = CHARTS[chart];
  if (!mark) {
    throw new ChartError(`kqlite cannot draw 'render ${vis.chart}' (it can draw ${DRAWABLE_CHARTS.join(', ')})`);
  }
  const props = vis.properties;
  for (const k of Object.keys(props)) {
    if (!KNOWN_PROPERTIES.has(k)) throw new ChartError(`unknown render property '${k}'`);
  }
  if (props.anomalycolumns !== undefined) throw new ChartError('render property anomalycolumns applies only to anomalychart');

  const kind = oneOf(props, 'kind', ['default', 'unstacked', 'stacked', 'stacked100', 'map'], chart === 'stackedareachart' ? 'stacked' : 'default');
  if (kind === 'map') throw new ChartError(`kqlite cannot draw maps ('render ${chart} with (kind=map)')`);
  if (kind !== 'default' && kind !== 'unstacked' && !(mark === 'area' || mark === 'column' || mark === 'bar')) {
    throw new ChartError(`render property kind=${kind} applies only to areachart, columnchart and barchart`);
  }
  const ysplit = oneOf(props, 'ysplit', ['none', 'axes', 'panels'], 'none');
  if (ysplit !== 'none' && mark === 'pie') throw new ChartError('render property ysplit does not apply to piechart');

  const cols = result.columns;
  const rows = result.rows();
  const classes = cols.map((c, j) => classify(c.type, rows.map((r) => r[j] ?? null)));
  const indexOf = (name: string, prop: string): number => {
    const j = cols.findIndex((c) => c.name === name);
    if (j < 0) throw new ChartError(`render property ${prop} names column '${name}', which the result does not have`);
    return j;
  };

  // --- x column -----------------------------------------------------------------------------------------------
  const xProp = stringProperty(props, 'xcolumn');
  const anyArrays = classes.some(isArrayClass);
  let x: number;
  if (xProp !== undefined) x = indexOf(xProp, 'xcolumn');
  else if (anyArrays) {
    // [U] make-series output: the axis is the array column of datetimes (the doc says "the first column that works").
    x = classes.findIndex((c) => c === 'time[]');
    if (x < 0) x = classes.findIndex((c) => c === 'empty[]');
    if (x < 0) throw new ChartError('cannot tell which array column is the x axis: name it with render ... with (xcolumn=Name)');
  } else if (chart === 'timechart') {
    // docs:render-operator.md: "in the timechart visualization, the user agent uses the first datetime column".
    x = classes.findIndex((c) => c === 'time');
    if (x < 0) throw new ChartError('render timechart needs a datetime column for the x axis');
  } else {
    // docs: for the other charts "the first column is the x-axis" (piechart: "the first column is the color-axis").
    x = 0;
  }
  if (cols.length === 0) throw new ChartError('the result has no columns to draw');
  const xClass = classes[x]!;
  const arrayMode = isArrayClass(xClass);
  if (chart === 'timechart' && xClass !== 'time' && xClass !== 'time[]' && xClass !== 'empty[]') {
    throw new ChartError(`render timechart needs a datetime x axis; column ${cols[x]!.name} is ${cols[x]!.type}`);
  }
  if (arrayMode && (mark === 'pie' || mark === 'column' || mark === 'bar')) {
    // [U] Kusto's clients plot series arrays as lines; a column per array element has no documented meaning.
    throw new ChartError(`kqlite draws make-series results as timechart, linechart, areachart or scatterchart, not ${chart}`);
  }

  // --- y and series columns -----------------------------------------------------------------------------------
  const seriesProp = listProperty(props.series, 'series');
  const yProp = listProperty(props.ycolumns, 'ycolumns');
  let keys = seriesProp?.map((n) => indexOf(n, 'series')) ?? [];
  let ys: number[];
  const wantY = arrayMode ? (c: ColumnClass) => c === 'number[]' || c === 'empty[]' : (c: ColumnClass) => c === 'number';
  if (yProp) {
    ys = yProp.map((n) => indexOf(n, 'ycolumns'));
    for (const j of ys) {
      if (!wantY(classes[j]!)) {
        throw new ChartError(`column ${cols[j]!.name} cannot be a y column: it is not ${arrayMode ? 'an array of numbers' : 'numeric'}`);
      }
    }
  } else {
    ys = classes.map((c, j) => j).filter((j) => j !== x && !keys.includes(j) && wantY(classes[j]!));
    // docs: piechart's "second column is numeric" — the one value per slice.
    if (mark === 'pie') ys = ys.slice(0, 1);
  }
  if (ys.length === 0) throw new ChartError(`render ${chart} needs a numeric column for the y axis and the result has none`);
  if (mark === 'pie' && ys.length > 1) throw new ChartError('render piechart draws one numeric column (ycolumns names more than one)');
  if (!seriesProp && mark !== 'pie') {
    // [U] "the user agent picks them automatically from the columns that are otherwise unspecified": we take the
    // text columns (string, guid, bool); numbers left over are not y columns only when ycolumns excluded them.
    keys = classes.map((c, j) => j).filter((j) => j !== x && !ys.includes(j) && classes[j] === 'text');
  }
  const xName = cols[x]!.name;
  const yNames = ys.map((j) => cols[j]!.name);
  const integerY = ys.every((j) => {
    const t = cols[j]!.type;
    if (t === 'int' || t === 'long') return true;
    if (t !== 'dynamic') return false;
    return rows.every((r) => {
      const a = r[j];
      return !Array.isArray(a) || (a as readonly unknown[]).every((e) => e === null || typeof e === 'bigint');
    });
  });

  // --- x values -----------------------------------------------------------------------------------------------
  const xType: XType =
    mark === 'pie' || mark === 'column' || mark === 'bar'
      ? 'category'
      : xClass === 'time' || xClass === 'time[]' || xClass === 'empty[]'
        ? 'time'
        : xClass === 'number' || xClass === 'number[]'
          ? 'number'
          : 'category';
  const categories: string[] = [];
  const seenCategory = new Set<string>();
  const xValue = (v: unknown): number | string | null => {
    if (v === null || v === undefined) return null;
    if (xType === 'time') {
      const ticks = typeof v === 'bigint' ? v : typeof v === 'string' ? parseDatetime(v) : null;
      return ticks === null ? null : unixMsFromTicks(ticks);
    }
    if (xType === 'number') return yNumber(v, xName);
    const label = arrayMode ? String(v) : textCell(v as ScalarValue, cols[x]!.type);
    if (!seenCategory.has(label)) {
      seenCategory.add(label);
      categories.push(label);
    }
    return label;
  };

  // --- series -------------------------------------------------------------------------------------------------
  const keyOf = (row: readonly (ScalarValue | null)[]): string | null =>
    keys.length === 0 ? null : keys.map((j) => textCell(row[j] ?? null, cols[j]!.type)).join(', ');
  // [U] Legend names: the key alone when there is one y column, the y column alone without series columns, else
  // "key:ycolumn".
  const nameOf = (key: string | null, yName: string) => (key === null ? yName : ys.length === 1 ? key : `${key}:${yName}`);
  const built: { name: string; key: string | null; yColumn: string; points: ChartPoint[] }[] = [];
  const byName = new Map<string, (typeof built)[number]>();
  const seriesFor = (key: string | null, yName: string, fresh: boolean) => {
    let name = nameOf(key, yName);
    let s = byName.get(name);
    if (s && fresh) {
      // Two make-series rows with the same key: keep both lines apart rather than merging their points.
      let n = 2;
      while (byName.has(`${name} #${n}`)) n++;
      name = `${name} #${n}`;
      s = undefined;
    }
    if (!s) {
      s = { name, key, yColumn: yName, points: [] };
      byName.set(name, s);
      built.push(s);
    }
    return s;
  };

  for (const row of rows) {
    const key = keyOf(row);
    if (arrayMode) {
      const xs = (row[x] ?? []) as readonly unknown[];
      for (const j of ys) {
        const arr = (row[j] ?? []) as readonly unknown[];
        if (arr.length !== xs.length) {
          throw new ChartError(`column ${cols[j]!.name} holds ${arr.length} values but the x axis ${xName} holds ${xs.length}`);
        }
        const s = seriesFor(key, cols[j]!.name, true);
        xs.forEach((xv, i) => {
          const xx = xValue(xv);
          if (xx !== null) s.points.push({ x: xx, y: yNumber(arr[i], cols[j]!.name) });
        });
      }
    } else {
      // [U] A record whose x value is null has no place on the axis and is left out.
      const xx = xValue(row[x] ?? null);
      if (xx === null) continue;
      for (const j of ys) seriesFor(key, cols[j]!.name, false).points.push({ x: xx, y: yNumber(row[j] ?? null, cols[j]!.name) });
    }
  }

  if (xType !== 'category') {
    for (const s of built) s.points.sort((a, b) => (a.x as number) - (b.x as number));
  }
  if (props.accumulate !== undefined && typeof props.accumulate !== 'boolean') throw new ChartError('render property accumulate takes true or false');
  if (props.accumulate === true) {
    // docs: "Whether the value of each measure gets added to all its predecessors". [U] A null adds nothing.
    for (const s of built) {
      let sum = 0;
      s.points = s.points.map((p) => ({ x: p.x, y: (sum += p.y ?? 0) }));
    }
  }

  const xlog = oneOf(props, 'xaxis', ['linear', 'log'], 'linear') === 'log';
  const ylog = oneOf(props, 'yaxis', ['linear', 'log'], 'linear') === 'log';
  if (xlog && xType !== 'number') throw new ChartError('render property xaxis=log needs a numeric x axis');
  if (ylog && mark === 'pie') throw new ChartError('render property yaxis=log does not apply to piechart');
  if (ylog && built.some((s) => s.points.some((p) => p.y !== null && p.y <= 0))) {
    throw new ChartError('render property yaxis=log cannot show values that are zero or negative');
  }
  if (xlog && built.some((s) => s.points.some((p) => (p.x as number) <= 0))) {
    throw new ChartError('render property xaxis=log cannot show x values that are zero or negative');
  }
  if (mark === 'pie' && built.some((s) => s.points.some((p) => p.y !== null && p.y < 0))) {
    throw new ChartError('render piechart cannot draw negative values');
  }

  const title = stringProperty(props, 'title');
  const xtitle = stringProperty(props, 'xtitle');
  const ytitle = stringProperty(props, 'ytitle');
  const ymin = numberProperty(props, 'ymin');
  const ymax = numberProperty(props, 'ymax');
  return {
    chart,
    mark,
    xName,
    xType,
    categories,
    yColumns: yNames,
    series: built,
    integerY,
    ...(title !== undefined ? { title } : {}),
    ...(xtitle !== undefined ? { xtitle } : {}),
    ...(ytitle !== undefined ? { ytitle } : {}),
    ...(ymin !== undefined ? { ymin } : {}),
    ...(ymax !== undefined ? { ymax } : {}),
    legend: oneOf(props, 'legend', ['visible', 'hidden'], 'visible') === 'visible',
    stack: kind === 'stacked' || kind === 'stacked100' ? kind : 'none',
    ysplit,
    xlog,
    ylog,
  };
}
