// A query result as text in the CLI's output formats.

import type { QueryResult } from '../result.js';
import { stringifyJson, textCell } from '../tables/format.js';

export const outputFormats = ['table', 'json', 'ndjson', 'csv'] as const;

export function renderResult(result: QueryResult, format: string, full: boolean): string {
  switch (format) {
    case 'json':
      return result.toJSONText() + '\n';
    case 'ndjson': {
      const cols = result.columns;
      return result
        .toJSON()
        .rows.map((r) => stringifyJson(Object.fromEntries(cols.map((c, j) => [c.name, r[j]]))))
        .map((l) => l + '\n')
        .join('');
    }
    case 'csv': {
      const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      const lines = [result.columns.map((c) => esc(c.name)).join(',')];
      for (const row of result.rows()) lines.push(row.map((v, j) => esc(textCell(v, result.columns[j]!.type))).join(','));
      return lines.join('\r\n') + '\r\n';
    }
    default:
      return result.toText({ maxWidth: full ? Infinity : 60 }) + '\n';
  }
}
