// Evaluates bound expressions over a table: column references are the table's vectors, literals stay scalars,
// calls run their resolved columnar implementation. Subqueries are evaluated once per run and cached.
//
// Dictionary fast path: when every column an expression reads is dictionary-encoded with one shared `codes` array
// (a loaded string column and the columns derived from it, e.g. Url, tostring(parse_url(Url).Host) and
// tostring(parse_url(Url)["Path"])), the expression is evaluated once per dictionary entry and spread to the rows
// by code. A whole `where` over URL-derived columns then costs what its distinct values cost.

import { diagnostic, KqlError } from '../../diagnostics.js';
import type { Table } from '../../tables/table.js';
import {
  allValues,
  broadcast,
  dictionaryVector,
  dynamicDictionaryVector,
  getValue,
  isScalar,
  scalar,
  type Vector,
} from '../../tables/vector.js';
import type { Arg } from '../functions/types.js';
import { gatherByCode } from '../functions/lift.js';
import type { BoundExpr } from '../plan/expr.js';
import type { ExecContext } from './context.js';
import { stringBytes } from './memory.js';

export function evalExpr(e: BoundExpr, t: Table, ctx: ExecContext): Arg {
  switch (e.kind) {
    case 'Column':
      return t.columns[e.index]!;
    case 'Literal':
      return scalar(e.type, e.value);
    case 'Call': {
      const viaDictionary = evalOverDictionary(e, t, ctx);
      if (viaDictionary) return viaDictionary;
      const args = e.args.map((a) => evalExpr(a, t, ctx));
      let result: Arg;
      try {
        result = e.invoke(args, t.rowCount, ctx.dictionaryMemo);
      } catch (err) {
        // A function refusing its input (a bad regex, an unknown date part, an undocumented format specifier) is
        // the query's error: report it at the call, with the function's own message.
        if (err instanceof KqlError) throw err;
        throw new KqlError([diagnostic('runtime-error', e.span, { function: e.name, message: (err as Error).message })], ctx.source);
      }
      // A call runs over a whole column: time and abort are checked after each one, and strings it built count
      // against the memory budget (strcat(s, s) repeated doubles them at every step).
      ctx.check(e.span);
      if (result.type === 'string') {
        ctx.checkBytes(isScalar(result) ? (result.value as string).length : stringBytes(result), e.span, `${e.name}()`);
      }
      return result;
    }
    case 'Subquery': {
      const cached = ctx.subqueries.get(e);
      if (cached) return cached;
      const result = ctx.run(e.plan);
      let value: Arg;
      if (e.mode === 'scalar') {
        // toscalar(): the first column of the first row; null (or "") when empty.
        value = scalar(e.type, result.rowCount > 0 ? getValue(result.columns[0]!, 0) : null);
      } else {
        // Right side of in / has_any: the first column's values, kept in their own type.
        value = scalar('dynamic', Object.freeze(allValues(result.columns[0]!)) as never);
      }
      ctx.subqueries.set(e, value);
      return value;
    }
  }
}

/** An expression's value as a vector of the table's length (scalars broadcast). */
export function evalVector(e: BoundExpr, t: Table, ctx: ExecContext): Vector {
  return toVector(evalExpr(e, t, ctx), t.rowCount);
}

export function toVector(a: Arg, n: number): Vector {
  return isScalar(a) ? broadcast(a, n) : a;
}

interface ExprInfo {
  readonly columns: readonly number[];
  /** Deterministic and free of subqueries: safe to evaluate over dictionary entries instead of rows. */
  readonly pure: boolean;
}

const infoCache = new WeakMap<BoundExpr, ExprInfo>();

function exprInfo(e: BoundExpr): ExprInfo {
  let info = infoCache.get(e);
  if (info) return info;
  const columns = new Set<number>();
  let pure = true;
  const walk = (x: BoundExpr) => {
    if (x.kind === 'Column') columns.add(x.index);
    else if (x.kind === 'Subquery') pure = false;
    else if (x.kind === 'Call') {
      if (!x.deterministic) pure = false;
      x.args.forEach(walk);
    }
  };
  walk(e);
  info = { columns: [...columns], pure };
  infoCache.set(e, info);
  return info;
}

function evalOverDictionary(e: BoundExpr, t: Table, ctx: ExecContext): Arg | undefined {
  const info = exprInfo(e);
  if (!info.pure || info.columns.length === 0) return undefined;
  let codes: Int32Array | undefined;
  let size = -1;
  for (const j of info.columns) {
    const v = t.columns[j]!;
    if ((v.type !== 'string' && v.type !== 'dynamic') || !v.codes) return undefined;
    if (codes === undefined) {
      codes = v.codes;
      size = v.dict!.length;
    } else if (v.codes !== codes || v.dict!.length !== size) return undefined;
  }
  // Only worth it when rows repeat values (and never again over a dictionary already: identity codes).
  if (!codes || size === 0 || size * 2 > t.rowCount || identityCache.get(codes.length) === codes) return undefined;
  // Each referenced column becomes its dictionary, itself dictionary-encoded with identity codes: functions then
  // see the same dictionary object again and their per-query memo is shared (parse_url(Url) parsed once).
  const identity = identityCodes(size);
  const columns: Vector[] = t.columns.map((v, j) => {
    if (!info.columns.includes(j)) return v; // never read: the expression does not reference it
    return v.type === 'string'
      ? dictionaryVector(v.dict as readonly string[], identity)
      : dynamicDictionaryVector((v as unknown as { dict: readonly never[] }).dict, identity);
  });
  const perEntry = evalExpr(e, { schema: t.schema, columns, rowCount: size }, ctx);
  if (isScalar(perEntry)) return perEntry;
  return spreadByCode(perEntry, codes);
}

/** A vector computed per dictionary entry, spread to the rows that carry each code. */
function spreadByCode(v: Vector, codes: Int32Array): Vector {
  if (v.type === 'string') {
    if (v.values) return dictionaryVector(v.values, codes);
    return dictionaryVector(v.dict!, composeCodes(v.codes!, codes));
  }
  if (v.type === 'dynamic') {
    if (v.codes) return dynamicDictionaryVector(v.dict!, composeCodes(v.codes, codes));
    return dynamicDictionaryVector(v.data!, codes);
  }
  const perCode = allValues(v);
  return gatherByCode(v.type, perCode, codes);
}

const identityCache = new Map<number, Int32Array>();

function identityCodes(size: number): Int32Array {
  let c = identityCache.get(size);
  if (!c) {
    c = new Int32Array(size);
    for (let i = 0; i < size; i++) c[i] = i;
    if (identityCache.size > 64) identityCache.clear();
    identityCache.set(size, c);
  }
  return c;
}

function composeCodes(inner: Int32Array, outer: Int32Array): Int32Array {
  // Results over an identity-coded dictionary keep identity codes: the row codes apply unchanged.
  if (identityCache.get(inner.length) === inner) return outer;
  const out = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) out[i] = inner[outer[i]!]!;
  return out;
}
