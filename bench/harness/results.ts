// Results as plain data every engine can be reduced to, and the comparison that makes a benchmark run fail loudly
// when two engines disagree. Values: null, number (longs, datetimes as Unix milliseconds, reals), string, boolean,
// or arrays/objects of those (dynamic values, make-series arrays). No dependency outside Node.

export type Value = null | number | string | boolean | readonly Value[] | { readonly [k: string]: Value };

export interface Canonical {
  readonly names: readonly string[];
  readonly rows: readonly (readonly Value[])[];
}

export interface Check {
  /** Columns compared, by name (every engine must name them alike); default: all of the first engine's. */
  readonly columns?: readonly string[];
  /**
   * 'any': row order is not part of the answer (joins, summarize); 'as-is': row i must equal row i;
   * sortedBy: each engine's rows must be ordered by these keys, ties in any order.
   */
  readonly order?: 'any' | 'as-is' | { readonly sortedBy: readonly (readonly [string, 'asc' | 'desc'])[] };
  /** Relative tolerance for non-integer numbers (sums of reals in another order, percentile definitions). */
  readonly tolerance?: number;
}

/** Any JS value an engine hands back → Value: bigint → number, Date → ms, typed arrays → arrays. */
export function toValue(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'number':
      return Number.isNaN(x) ? null : x;
    case 'bigint':
      return Number(x);
    case 'string':
    case 'boolean':
      return x;
    default:
      break;
  }
  if (x instanceof Date) return x.getTime();
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return Array.from(x as ArrayLike<unknown>, toValue);
  const o: Record<string, Value> = {};
  for (const [k, v] of Object.entries(x as object)) o[k] = toValue(v);
  return o;
}

export function countResult(n: number | bigint): Canonical {
  return { names: ['Count'], rows: [[Number(n)]] };
}

function project(c: Canonical, columns: readonly string[] | undefined, engine: string): Canonical {
  if (!columns) return c;
  const idx = columns.map((name) => {
    const j = c.names.indexOf(name);
    if (j < 0) throw new Error(`${engine}: result has no column '${name}' (it has ${c.names.join(', ')})`);
    return j;
  });
  return { names: columns, rows: c.rows.map((r) => idx.map((j) => r[j]!)) };
}

const roundForKey = (v: Value): Value =>
  typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : Array.isArray(v) ? v.map(roundForKey) : v;
const rowKey = (r: readonly Value[]): string => JSON.stringify(r.map(roundForKey));

function sortRows(rows: readonly (readonly Value[])[]): (readonly Value[])[] {
  const keyed = rows.map((r) => [rowKey(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function equalValues(a: Value, b: Value, tol: number): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b) && tol === 0) return false;
    return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalValues(x, b[i]!, tol));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equalValues((a as Record<string, Value>)[k]!, (b as Record<string, Value>)[k]!, tol));
  }
  return false;
}

const show = (r: readonly Value[] | undefined) => (r === undefined ? '(no row)' : JSON.stringify(r).slice(0, 300));

/** Throws with the first difference when `other` does not give the same answer as `reference`. */
export function assertSameResult(check: Check, reference: { engine: string; result: Canonical }, other: { engine: string; result: Canonical }): void {
  const columns = check.columns ?? reference.result.names;
  const a = project(reference.result, columns, reference.engine);
  const b = project(other.result, columns, other.engine);
  const tol = check.tolerance ?? 1e-9;
  const order = check.order ?? 'any';
  if (typeof order === 'object') {
    for (const [engine, c] of [[reference.engine, a], [other.engine, b]] as const) {
      const keys = order.sortedBy.map(([name, dir]) => [c.names.indexOf(name), dir === 'desc' ? -1 : 1] as const);
      for (let i = 1; i < c.rows.length; i++) {
        let cmp = 0;
        for (const [j, sign] of keys) if ((cmp = sign * compareValues(c.rows[i - 1]![j]!, c.rows[i]![j]!)) !== 0) break;
        if (cmp > 0) throw new Error(`${engine}: rows ${i - 1} and ${i} are not ordered by ${order.sortedBy.map((k) => k.join(' ')).join(', ')}`);
      }
    }
  }
  const ra = order === 'as-is' ? a.rows : sortRows(a.rows);
  const rb = order === 'as-is' ? b.rows : sortRows(b.rows);
  const head = `${other.engine} differs from ${reference.engine} (columns ${columns.join(', ')})`;
  if (ra.length !== rb.length) {
    throw new Error(`${head}: ${rb.length} rows instead of ${ra.length}; first rows: ${show(ra[0])} vs ${show(rb[0])}`);
  }
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x.length !== y.length || !x.every((v, j) => equalValues(v, y[j]!, tol))) {
      throw new Error(`${head}: row ${i} of ${ra.length}${order === 'as-is' ? '' : ' (sorted)'}: ${show(x)} vs ${show(y)}`);
    }
  }
}
