// The only place where function names are looked up. Categories register by listing their definitions;
// adding a function never changes this file.

import type { AggregateDef, ScalarFunctionDef } from './define.js';
import { conversionFunctions } from './scalar/conversion.js';
import { conditionalFunctions } from './scalar/conditional.js';
import { datetimeFunctions } from './scalar/datetime.js';
import { mathFunctions } from './scalar/math.js';
import { dynamicFunctions } from './scalar/dynamic.js';
import { stringFunctions } from './scalar/string.js';
import { ipFunctions } from './scalar/ip.js';
import { aggregateFunctions } from './aggregate/index.js';

function index<T extends { name: string; aliases?: readonly string[] }>(defs: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const d of defs) {
    for (const n of [d.name, ...(d.aliases ?? [])]) {
      if (m.has(n)) throw new Error(`function '${n}' is defined twice`);
      m.set(n, d);
    }
  }
  return m;
}

let scalars: Map<string, ScalarFunctionDef> | undefined;
let aggregates: Map<string, AggregateDef> | undefined;

// Built lazily: category modules import helpers that import the registry's users, so eager construction
// would run before every module is initialised.
function scalarIndex() {
  return (scalars ??= index([
    ...conversionFunctions,
    ...conditionalFunctions,
    ...datetimeFunctions,
    ...mathFunctions,
    ...dynamicFunctions,
    ...stringFunctions,
    ...ipFunctions,
  ]));
}
function aggregateIndex() {
  return (aggregates ??= index(aggregateFunctions));
}

export function lookupScalar(name: string): ScalarFunctionDef | undefined {
  return scalarIndex().get(name);
}
export function lookupAggregate(name: string): AggregateDef | undefined {
  return aggregateIndex().get(name);
}
export function scalarFunctionNames(): string[] {
  return [...scalarIndex().keys(), 'now', 'ago', 'toscalar', 'materialize'];
}
export function allScalarFunctions(): ScalarFunctionDef[] {
  return [...new Set(scalarIndex().values())];
}
export function allAggregateFunctions(): AggregateDef[] {
  return [...new Set(aggregateIndex().values())];
}
