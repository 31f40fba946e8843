// The last query result, kept in the worker: the page shows the first rows at once and asks for further blocks as
// the grid scrolls (100k rows never cross to the page at once). Cells are the CLI's table text (textCell: KQL's
// tostring(), nulls empty); charts are the CLI's Vega-Lite specification (src/node/chart.ts), drawn by the page.
import type { QueryResult } from '../../../src/index.ts';
import { chartSpec } from '../../../src/node/chart.ts';
import { chartModel } from '../../../src/node/chart-series.ts';
import { stringifyJson, textCell } from '../../../src/tables/format.ts';
import { rowAt } from '../../../src/tables/table.ts';
import type { QueryReply } from '../protocol';

export class ResultHolder {
  private result: QueryResult | undefined;

  hold(result: QueryResult, ms: number, firstRows: number): QueryReply {
    this.result = result;
    const warnings = result.diagnostics
      .filter((d) => d.severity === 'warning')
      .map((d) => ({ code: d.code, severity: d.severity, message: d.message, start: d.span.start, end: d.span.end, notes: d.notes ?? [] }));
    return {
      columns: result.columns.map((c) => ({ name: c.name, type: c.type })),
      rowCount: result.rowCount,
      rows: this.rows(0, firstRows),
      ms,
      warnings,
      ...(result.visualization ? { chart: this.chart(result) } : {}),
    };
  }

  rows(start: number, end: number): string[][] {
    const r = this.result;
    if (!r) return [];
    const types = r.columns.map((c) => c.type);
    const out: string[][] = [];
    for (let i = Math.max(0, start); i < Math.min(end, r.rowCount); i++) out.push(rowAt(r.table, i).map((v, j) => textCell(v, types[j]!)));
    return out;
  }

  /** The whole result as CSV (RFC 4180, the table text of each cell) or as the CLI's `--format json`. */
  exportText(format: 'csv' | 'json'): string {
    const r = this.result;
    if (!r) return '';
    if (format === 'json') return r.toJSONText();
    const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [r.columns.map((c) => quote(c.name)).join(',')];
    for (const row of this.rows(0, r.rowCount)) lines.push(row.map(quote).join(','));
    return lines.join('\r\n') + '\r\n';
  }

  private chart(result: QueryResult): NonNullable<QueryReply['chart']> {
    const kind = result.visualization!.chart;
    try {
      const model = chartModel(result);
      if (model.series.every((s) => s.points.length === 0)) return { kind, error: 'the result has no rows to chart' };
      // Plain JSON: the spec holds only numbers and strings (bigints were turned into numbers by the model).
      return { kind, spec: JSON.parse(stringifyJson(chartSpec(model))) };
    } catch (err) {
      return { kind, error: (err as Error).message };
    }
  }
}
