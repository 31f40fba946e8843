// Terminal text charts (src/node/sparkline.ts). The scale is ours (documented at the top of sparkline.ts):
// per series, block k = floor(7·(v − min)/(max − min)) of ▁▂▃▄▅▆▇█; expected strings are worked out by hand.

import { describe, it, expect } from 'vitest';
import { Database } from '../../src/database.js';
import { renderSparklines, sparkline, SPARK_BLOCKS } from '../../src/node/sparkline.js';
import { ChartError } from '../../src/node/chart-series.js';

const db = new Database();
const run = (q: string) => db.query(q);

const days = (from: string, to: string) => `on T from datetime(${from}) to datetime(${to}) step 1d`;

describe('renderSparklines: series charts', () => {
  it('make-series counts [0, 1, 2, 4] → ▁▂▄█ with the range', () => {
    // Bins 2026-01-01..04 (to is exclusive): day 1 has no row → default 0, then 1, 2, 4.
    // 7·1/4 = 1.75 → ▂ (k=1), 7·2/4 = 3.5 → ▄ (k=3), 7·4/4 = 7 → █.
    const r = run(
      'datatable(T:datetime, n:long)[datetime(2026-01-02), 1, datetime(2026-01-03), 2, datetime(2026-01-04), 4]' +
        ` | make-series Count=sum(n) default=0 ${days('2026-01-01', '2026-01-05')} | render timechart`,
    );
    expect(renderSparklines(r)).toBe('Count  ▁▂▄█  0..4');
  });

  it('one line per key of a make-series by key, names padded to line up', () => {
    // a: [0, 1, 1], b: [0, 0, 1] over 2026-01-01..03.
    const r = run(
      'datatable(T:datetime, k:string)[datetime(2026-01-02), "a", datetime(2026-01-03), "bb", datetime(2026-01-03), "a"]' +
        ` | make-series c=count() default=0 ${days('2026-01-01', '2026-01-04')} by k | render timechart`,
    );
    expect(renderSparklines(r).split('\n')).toEqual(['a   ▁██  0..1', 'bb  ▁▁█  0..1']);
  });

  it('a null is a space; a constant series is ▁', () => {
    const r = run('datatable(x:long, y:real, z:long)[1, 1.0, 5, 2, real(null), 5, 3, 3.0, 5] | render linechart');
    expect(renderSparklines(r).split('\n')).toEqual(['y  ▁ █  1..3', 'z  ▁▁▁  5..5']);
  });

  it('series line up on one x grid: a bin that one series lacks is a space there', () => {
    // summarize leaves bins out: a has days 1 and 3, b has days 1, 2, 3.
    const r = run(
      'datatable(T:datetime, k:string, n:long)[datetime(2026-01-01), "a", 1, datetime(2026-01-03), "a", 2,' +
        ' datetime(2026-01-01), "b", 1, datetime(2026-01-02), "b", 2, datetime(2026-01-03), "b", 3] | render timechart',
    );
    expect(renderSparklines(r).split('\n')).toEqual(['a  ▁ █  1..2', 'b  ▁▄█  1..3']);
  });

  it('more points than columns: each column keeps the largest value it covers, so a spike survives', () => {
    // 100 daily bins, a single 1 at bin 50; width 30 leaves 30 − 5 (name) − 4 (range "0..1") − 4 (gaps) = 17 columns.
    const r = run(
      'datatable(T:datetime, n:long)[datetime(2026-02-20), 1]' +
        ` | make-series Count=sum(n) default=0 ${days('2026-01-01', '2026-04-11')} | render timechart`,
    );
    const line = renderSparklines(r, 30);
    const chart = line.slice('Count  '.length, line.length - '  0..1'.length);
    expect(chart).toHaveLength(17);
    expect([...chart].filter((c) => c === '█')).toHaveLength(1);
    expect([...chart].filter((c) => c === '▁')).toHaveLength(16);
  });

  it('sparkline() maps each value by floor(7·(v−min)/(max−min))', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 0, 7)).toBe(SPARK_BLOCKS);
    expect(sparkline([10, 13.5, 17], 10, 17)).toBe('▁▄█');
    // 0.7 − 0.4 is 3/7 of the way from 0 to 0.7, so k = 3 (▄), although 7·(0.7 − 0.4)/0.7 is 2.9999999999999996 in doubles.
    expect(sparkline([0.7 - 0.4, 0], 0, 0.7)).toBe('▄▁');
  });
});

describe('renderSparklines: category charts with one measure', () => {
  it('piechart: one bar per category in eighths of a character, with value and share', () => {
    // width 40: name 1, tails "3 (75%)" 7 → bar width 40 − 1 − 7 − 4 = 28.
    // x: 3/3 of 28 = 28 full blocks; y: 8·28·1/3 = 74.67 → 75 eighths = 9 blocks + ▍ (3/8).
    const r = run('datatable(a:string, n:long)["x", 3, "y", 1] | render piechart');
    expect(renderSparklines(r, 40).split('\n')).toEqual([
      `x  ${'█'.repeat(28)}  3 (75%)`,
      `y  ${('█'.repeat(9) + '▍').padEnd(28)}  1 (25%)`,
    ]);
  });

  it('columnchart with two measures falls back to one sparkline per measure across the categories', () => {
    const r = run('datatable(a:string, x:long, y:long)["p", 1, 3, "q", 2, 2, "r", 3, 1] | render columnchart');
    expect(renderSparklines(r).split('\n')).toEqual(['x  ▁▄█  1..3', 'y  █▄▁  1..3']);
  });

  it('refuses what the SVG chart refuses', () => {
    expect(() => renderSparklines(run('datatable(a:string, n:long)["x", 1] | render card'))).toThrow(ChartError);
  });
});
