// SVG charts of `render` results (src/node/chart.ts). Expected values are worked out by hand from the queries and
// the docs (render-operator.md for the data model, make-series-operator.md for the time axis); the SVG is parsed
// with a small strict XML reader below, so a malformed document fails every test.

import { readFileSync } from 'node:fs';
import { describe, it, expect, beforeAll } from 'vitest';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { Database } from '../../src/database.js';
import { loadDataFolder } from '../../src/node/load-data.js';
import { renderChartSvg, chartSpec, svgFromVegaLite, ChartError } from '../../src/node/chart.js';
import { chartModel } from '../../src/node/chart-series.js';
import type { QueryResult } from '../../src/result.js';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A strict little XML reader: balanced tags, quoted attributes, entities decoded in text. */
function parseXml(src: string): El {
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m[6]) throw new Error(`stray '<' at ${m.index}`);
    if (m[5] !== undefined) {
      const top = stack[stack.length - 1]!;
      if (stack.length === 1 && m[5].trim() !== '') throw new Error('text outside the root element');
      top.text += m[5].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      const open = stack.pop();
      if (!open || open.name !== m[2]) throw new Error(`</${m[2]}> closes <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    const el: El = { name: m[2], attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    if (!m[4]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('a document has exactly one root element');
  return root.children[0]!;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

const hasClass = (cls: string) => (e: El) => (e.attrs.class ?? '').split(/\s+/).includes(cls);
/** The drawn items (paths) of every mark group with this class, e.g. mark-line, mark-rect, mark-arc. */
const markItems = (svg: El, mark: string) =>
  all(svg, (e) => hasClass(mark)(e) && hasClass('role-mark')(e)).flatMap((g) => g.children.filter((c) => c.name === 'path'));
const texts = (svg: El, role: string) => all(svg, hasClass(role)).flatMap((g) => all(g, (e) => e.name === 'text').map((t) => t.text));

let db: Database;
let now: string | undefined;
const seedRule = readFileSync('examples/rules/malicious-clicks-allowed.kql', 'utf8');

beforeAll(() => {
  const ds = loadDataFolder('fixtures/contoso');
  db = new Database();
  for (const [name, t] of ds.tables) db.addTable(name, t);
  now = ds.now;
});

const run = (q: string): QueryResult => db.query(q, { now });
const svgOf = (q: string): El => parseXml(renderChartSvg(run(q)));

describe('renderChartSvg: the seed rule malicious-clicks-allowed (make-series … | render timechart)', () => {
  it('is an SVG document with one line for the one series, named after the aggregate column', () => {
    const svg = svgOf(seedRule);
    expect(svg.name).toBe('svg');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(Number(svg.attrs.width)).toBeGreaterThan(0);
    expect(Number(svg.attrs.height)).toBeGreaterThan(0);
    const lines = markItems(svg, 'mark-line');
    expect(lines).toHaveLength(1);
    // One vertex per bin: TimeStart = startofday(now - 30d) = 2026-10-21 and TimeEnd = startofday(now) = 2026-11-20
    // for now = 2026-11-20T12:00Z (fixtures/contoso/dataset.json); make-series bins are [from, to): 30 days.
    const vertices = (lines[0]!.attrs.d ?? '').match(/[ML]/g) ?? [];
    expect(vertices).toHaveLength(30);
    expect(texts(svg, 'role-legend-label')).toEqual(['Count']);
  });

  it('labels the time axis with the first and the last day of the series, in UTC', () => {
    const labels = texts(svgOf(seedRule), 'role-axis-label');
    expect(labels).toContain('2026-10-21');
    expect(labels).toContain('2026-11-19');
    expect(labels).not.toContain('2026-11-20'); // the `to` bound is exclusive
  });

  it('uses the axis column name as x title, and title/xtitle/ytitle from the render properties', () => {
    const plain = svgOf(seedRule);
    expect(texts(plain, 'role-axis-title')).toEqual(expect.arrayContaining(['Timestamp', 'Count']));
    expect(texts(plain, 'role-title-text')).toEqual([]);
    const titled = svgOf(seedRule.replace('render timechart', 'render timechart with (title="Malicious clicks allowed", xtitle="Day", ytitle="Clicks")'));
    expect(texts(titled, 'role-title-text')).toEqual(['Malicious clicks allowed']);
    expect(texts(titled, 'role-axis-title')).toEqual(expect.arrayContaining(['Day', 'Clicks']));
    expect(texts(titled, 'role-axis-title')).not.toContain('Timestamp');
  });
});

describe('renderChartSvg: series', () => {
  const keyed =
    'datatable(T:datetime, k:string)[datetime(2026-01-02), "a", datetime(2026-01-03), "b", datetime(2026-01-03), "a"]' +
    ' | make-series c=count() default=0 on T from datetime(2026-01-01) to datetime(2026-01-04) step 1d by k';

  it('make-series by key: one line per key, named after the key', () => {
    const svg = svgOf(`${keyed} | render timechart`);
    expect(markItems(svg, 'mark-line')).toHaveLength(2);
    expect(texts(svg, 'role-legend-label')).toEqual(['a', 'b']);
    expect(texts(svg, 'role-axis-label')).toEqual(expect.arrayContaining(['2026-01-01', '2026-01-02', '2026-01-03']));
  });

  it('summarize by time and key (no arrays): one line per key, one per numeric column', () => {
    const q =
      'datatable(T:datetime, k:string, n:long, m:real)[datetime(2026-01-01), "a", 1, 0.5, datetime(2026-01-02), "a", 2, 1.5,' +
      ' datetime(2026-01-01), "b", 3, 2.5, datetime(2026-01-02), "b", 4, 3.5] | render timechart';
    const svg = svgOf(q);
    expect(markItems(svg, 'mark-line')).toHaveLength(4);
    // render-operator.md leaves series naming to the client; ours is "key:ycolumn" when both vary.
    expect(texts(svg, 'role-legend-label')).toEqual(['a:n', 'a:m', 'b:n', 'b:m']);
  });

  it('legend=hidden removes the legend; ysplit=panels draws one panel per y column', () => {
    const hidden = svgOf(`${keyed} | render timechart with (legend=hidden)`);
    expect(texts(hidden, 'role-legend-label')).toEqual([]);
    const panels = svgOf(
      'datatable(T:datetime, n:long, m:long)[datetime(2026-01-01), 1, 10, datetime(2026-01-02), 2, 20] | render timechart with (ysplit=panels)',
    );
    expect(markItems(panels, 'mark-line')).toHaveLength(2);
    expect(texts(panels, 'role-row-header')).toEqual(['n', 'm']);
  });
});

describe('renderChartSvg: category charts from a summarize', () => {
  const counts = 'datatable(Action:string)["Allowed", "Allowed", "Allowed", "Blocked"] | summarize n=count() by Action';

  /** Height of a vertical bar drawn by Vega as a path "M x,y h w v h h -w Z". */
  const barHeight = (p: El) => Number(/v(-?[\d.]+)/.exec(p.attrs.d ?? '')?.[1]);
  const barWidth = (p: El) => Number(/h(-?[\d.]+)/.exec(p.attrs.d ?? '')?.[1]);

  it('columnchart: one column per category, heights in proportion to the counts (3 : 1)', () => {
    const svg = svgOf(`${counts} | render columnchart with (title="Clicks by action")`);
    const bars = markItems(svg, 'mark-rect');
    expect(bars).toHaveLength(2);
    const [h1, h2] = bars.map(barHeight);
    expect(h1! / h2!).toBeCloseTo(3, 5);
    expect(texts(svg, 'role-axis-label')).toEqual(expect.arrayContaining(['Allowed', 'Blocked']));
    expect(texts(svg, 'role-axis-title')).toEqual(expect.arrayContaining(['Action', 'n']));
    expect(texts(svg, 'role-title-text')).toEqual(['Clicks by action']);
  });

  it('barchart: horizontal strips, lengths in proportion to the counts', () => {
    const bars = markItems(svgOf(`${counts} | render barchart`), 'mark-rect');
    expect(bars).toHaveLength(2);
    const [w1, w2] = bars.map(barWidth);
    expect(w1! / w2!).toBeCloseTo(3, 5);
  });

  it('piechart: one slice per row of the first column, legend with value and share', () => {
    const svg = svgOf(`${counts} | render piechart`);
    expect(markItems(svg, 'mark-arc')).toHaveLength(2);
    // 3 of 4 = 75 %, 1 of 4 = 25 %.
    expect(texts(svg, 'role-legend-label')).toEqual(['Allowed  3 (75%)', 'Blocked  1 (25%)']);
    expect(texts(svg, 'role-legend-title')).toEqual(['Action']);
  });

  it('columnchart kind=stacked stacks the series; default groups them side by side', () => {
    const two = 'datatable(a:string, x:long, y:long)["p", 1, 3, "q", 2, 2]';
    const grouped = markItems(svgOf(`${two} | render columnchart`), 'mark-rect');
    const stacked = markItems(svgOf(`${two} | render columnchart with (kind=stacked)`), 'mark-rect');
    expect(grouped).toHaveLength(4);
    expect(stacked).toHaveLength(4);
    // Grouped bars are half as wide as stacked ones (two share a band).
    expect(barWidth(stacked[0]!) / barWidth(grouped[0]!)).toBeCloseTo(2, 0);
  });
});

describe('renderChartSvg: other kinds and properties', () => {
  const daily = 'datatable(T:datetime, k:string, n:long)[datetime(2026-01-01), "a", 1, datetime(2026-01-02), "a", 3, datetime(2026-01-01), "b", 2, datetime(2026-01-02), "b", 1]';

  it('areachart draws one area per series; kind=stacked100 labels the y axis in percent up to 100%', () => {
    expect(markItems(svgOf(`${daily} | render areachart`), 'mark-area')).toHaveLength(2);
    const labels = texts(svgOf(`${daily} | render areachart with (kind=stacked100)`), 'role-axis-label');
    expect(labels).toContain('100%');
    expect(labels).toContain('0%');
  });

  it('stackedareachart and scatterchart', () => {
    expect(markItems(svgOf(`${daily} | render stackedareachart`), 'mark-area')).toHaveLength(2);
    // one symbol per point: 2 series × 2 days
    expect(markItems(svgOf(`${daily} | render scatterchart`), 'mark-symbol')).toHaveLength(4);
  });

  it('ysplit=axes gives each of two series its own y axis, titled with the series name', () => {
    const svg = svgOf(`${daily} | render timechart with (ysplit=axes)`);
    expect(markItems(svg, 'mark-line')).toHaveLength(2);
    expect(texts(svg, 'role-axis-title')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(() => renderChartSvg(run(`${daily} | extend m = n | render timechart with (ysplit=axes)`))).toThrow(/at most 2/);
  });
});

describe('renderChartSvg: refusals', () => {
  it.each(['card', 'table', 'anomalychart', 'pivotchart', 'treemap', 'ladderchart', 'timepivot'])('render %s is refused with a clear message', (kind) => {
    const r = run(`datatable(a:string, n:long)["x", 1] | render ${kind}`);
    expect(() => renderChartSvg(r)).toThrow(ChartError);
    expect(() => renderChartSvg(r)).toThrow(new RegExp(`cannot draw 'render ${kind}'.*timechart`));
  });

  it('a query without render, and charts without a numeric column, are refused', () => {
    expect(() => renderChartSvg(run('datatable(a:string)["x"]'))).toThrow(/no render operator/);
    expect(() => renderChartSvg(run('datatable(a:string, b:string)["x", "y"] | render columnchart'))).toThrow(/numeric column/);
    expect(() => renderChartSvg(run('datatable(a:string, n:long)["x", 1] | render timechart'))).toThrow(/datetime/);
  });

  it('unknown properties, kind=map and a missing xcolumn are refused', () => {
    expect(() => renderChartSvg(run('datatable(a:string, n:long)["x", 1] | render columnchart with (colour="red")'))).toThrow(/unknown render property 'colour'/);
    expect(() => renderChartSvg(run('datatable(a:string, n:long)["x", 1] | render piechart with (kind=map)'))).toThrow(/maps/);
    expect(() => renderChartSvg(run('datatable(a:string, n:long)["x", 1] | render columnchart with (xcolumn=b)'))).toThrow(/column 'b'/);
  });
});

describe('chart model', () => {
  it('accumulate=true adds each value to its predecessors (render-operator.md)', () => {
    const m = chartModel(run('datatable(x:long, y:long)[1, 1, 2, 0, 3, 2] | render linechart with (accumulate=true)'));
    expect(m.series[0]!.points.map((p) => p.y)).toEqual([1, 1, 3]);
  });

  it('timechart picks the first datetime column as x even when it is not first', () => {
    const m = chartModel(run('datatable(n:long, T:datetime)[5, datetime(2026-01-01)] | render timechart'));
    expect(m.xName).toBe('T');
    expect(m.series.map((s) => s.name)).toEqual(['n']);
    expect(m.series[0]!.points).toEqual([{ x: Date.UTC(2026, 0, 1), y: 5 }]);
  });
});

describe('the synchronous renderer matches Vega’s own view.toSVG()', () => {
  it.each([
    ['timechart', 'datatable(T:datetime, n:long)[datetime(2026-01-01), 1, datetime(2026-01-02), 3] | render timechart with (title="t")'],
    ['columnchart', 'datatable(a:string, n:long)["x", 1, "y", 2] | render columnchart'],
    ['piechart', 'datatable(a:string, n:long)["x", 1, "y", 2] | render piechart'],
  ])('%s', async (_, q) => {
    const spec = chartSpec(chartModel(run(q)));
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
    const expected = await view.toSVG();
    view.finalize();
    expect(svgFromVegaLite(spec)).toBe(expected);
  });
});
