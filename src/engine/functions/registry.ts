// The only place where function names are looked up, built once from the index (index.ts). A name is defined at
// most once per kind (scalar and window functions share one namespace; aggregates and specials have their own).

import { FUNCTION_CATEGORIES } from './index.js';
import type { SpecialName } from './special.js';
import type { AggregateFunctionDef, FunctionDef, ScalarFunctionDef, SpecialFunctionDef } from './types.js';

function byName<T extends FunctionDef>(defs: readonly T[]): ReadonlyMap<string, T> {
  const m = new Map<string, T>();
  for (const d of defs) {
    for (const n of [d.name, ...(d.aliases ?? [])]) {
      if (m.has(n)) throw new Error(`function '${n}' is defined twice`);
      m.set(n, d);
    }
  }
  return m;
}

const ALL: readonly FunctionDef[] = FUNCTION_CATEGORIES.flatMap((c) => c.functions);
const SCALARS = byName(ALL.filter((d): d is ScalarFunctionDef => d.kind === 'scalar' || d.kind === 'window'));
const AGGREGATES = byName(ALL.filter((d): d is AggregateFunctionDef => d.kind === 'aggregate'));
const SPECIALS = byName(ALL.filter((d): d is SpecialFunctionDef => d.kind === 'special'));

export function lookupScalar(name: string): ScalarFunctionDef | undefined {
  return SCALARS.get(name);
}
export function lookupAggregate(name: string): AggregateFunctionDef | undefined {
  return AGGREGATES.get(name);
}
export function lookupSpecial(name: string): (SpecialFunctionDef & { readonly name: SpecialName }) | undefined {
  return SPECIALS.get(name) as (SpecialFunctionDef & { readonly name: SpecialName }) | undefined;
}
/** Names a scalar call may use (for did-you-mean). */
export function scalarFunctionNames(): string[] {
  return [...SCALARS.keys(), ...SPECIALS.keys()];
}
/** Every definition with its category, in index order. */
export function allFunctions(): readonly { readonly category: string; readonly def: FunctionDef }[] {
  return FUNCTION_CATEGORIES.flatMap((c) => c.functions.map((def) => ({ category: c.category, def })));
}
