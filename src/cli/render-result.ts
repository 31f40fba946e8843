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

/**
 * Several results (a batch of tabular statements or a fork): JSON as a list of results, `[{columns, rows}, …]`; the
 * other formats print each result after the other, a blank line between, the table format under a title line with
 * its name (or its number).
 */
export function renderResults(results: readonly QueryResult[], format: string, full: boolean): string {
  if (results.length === 1) return renderResult(results[0]!, format, full);
  if (format === 'json') {
    const one = (r: QueryResult) => (r.name !== undefined ? stringifyJson({ name: r.name, ...r.toJSON() }) : r.toJSONText());
    return '[' + results.map(one).join(',\n') + ']\n';
  }
  return results
    .map((r, i) => (format === 'table' ? `${r.name ?? `Result ${i + 1}`}:\n` : '') + renderResult(r, format, full))
    .join('\n');
}
