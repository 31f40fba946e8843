// The expectations a rule test can state about one query result, checked together: every failed expectation is
// reported (a count mismatch and a row diff are both useful). Browser-safe; used by the YAML runner and expectQuery.

import type { QueryResult } from '../result.js';
import {
  ExpectationError,
  compareRows,
  formatActualRow,
  formatDiff,
  normalizeExpectedRows,
  noPaint,
  type ActualRows,
  type OrderSpec,
  type Paint,
} from './compare-rows.js';

export interface Expectations {
  /** true: at least one row; false: no row. */
  readonly fires?: boolean;
  /** Exact number of rows. */
  readonly count?: number;
  /** Exact output column names, in order. */
  readonly columns?: readonly string[];
  /** Exactly these rows (each may name a subset of columns), no others. */
  readonly rows?: readonly Readonly<Record<string, unknown>>[];
  /** At least these rows (distinct result rows for distinct expected rows). */
  readonly contains?: readonly Readonly<Record<string, unknown>>[];
  /** Order check for `rows`: false (default, multiset), true (by position), or sort-key columns (ties any order). */
  readonly ordered?: OrderSpec;
  /** Source positions of the expected rows, shown next to them in the diff. */
  readonly rowLabels?: readonly (string | undefined)[];
  readonly containsLabels?: readonly (string | undefined)[];
}

export interface CheckOptions {
  readonly nowTicks?: bigint;
  readonly paint?: Paint;
  /** At most this many result rows are listed when a rule fires and should not (default 10). */
  readonly listLimit?: number;
}

/** Failures, each a list of lines (the first is the headline). Empty when every expectation holds. Throws
 * ExpectationError when an expectation itself is malformed (unknown column, value not of the column's type). */
export function checkResult(result: QueryResult, exp: Expectations, options: CheckOptions = {}): string[][] {
  const paint = options.paint ?? noPaint;
  const json = result.toJSON();
  const actual: ActualRows = { columns: result.columns, rows: json.rows };
  const n = actual.rows.length;
  const failures: string[][] = [];
  const listRows = (): string[] => {
    const limit = options.listLimit ?? 10;
    const out = actual.rows.slice(0, limit).map((_, i) => paint.green(`+ ${formatActualRow(actual, i)}`));
    if (n > limit) out.push(paint.dim(`… and ${n - limit} more row(s)`));
    return out;
  };
  if (exp.fires === true && n === 0) failures.push(['expected the rule to fire (at least one row), got no rows']);
  if (exp.fires === false && n > 0) failures.push([`expected the rule not to fire, got ${n} row(s):`, ...listRows()]);
  if (exp.count !== undefined && n !== exp.count) {
    failures.push([`expected ${exp.count} row(s), got ${n}`, ...(exp.count === 0 || exp.rows === undefined ? listRows() : [])]);
  }
  if (exp.columns !== undefined) {
    const got = actual.columns.map((c) => c.name);
    if (got.length !== exp.columns.length || got.some((c, i) => c !== exp.columns![i])) {
      const missing = exp.columns.filter((c) => !got.includes(c));
      const extra = got.filter((c) => !exp.columns!.includes(c));
      failures.push([
        'the output columns differ',
        paint.red(`- expected  ${exp.columns.join(', ')}`),
        paint.green(`+ actual    ${got.join(', ')}`),
        ...(missing.length ? [`  missing: ${missing.join(', ')}`] : []),
        ...(extra.length ? [`  unexpected: ${extra.join(', ')}`] : []),
        ...(!missing.length && !extra.length ? ['  same columns, different order'] : []),
      ]);
    }
  }
  if (exp.rows !== undefined) {
    const expected = tagged('rows', () => normalizeExpectedRows(exp.rows!, actual.columns, options.nowTicks, exp.rowLabels));
    const cmp = tagged('rows', () => compareRows(expected, actual, { exact: true, ordered: exp.ordered }));
    if (!cmp.ok) failures.push(formatDiff(cmp, expected, actual, paint));
  }
  if (exp.contains !== undefined) {
    const expected = tagged('contains', () => normalizeExpectedRows(exp.contains!, actual.columns, options.nowTicks, exp.containsLabels));
    const cmp = compareRows(expected, actual, { exact: false });
    if (!cmp.ok) failures.push(formatDiff(cmp, expected, actual, paint));
  }
  return failures;
}

function tagged<T>(list: 'rows' | 'contains', f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof ExpectationError) err.list = list;
    throw err;
  }
}
