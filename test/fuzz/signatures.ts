// Which argument types each function accepts, found by asking its own `resolve` (the binder's type check) over every
// combination of scalar types, so the generator calls every function with arguments it binds — then feeds them the
// fixture's edge values. Discovery is deterministic (the same table on every run), and lazy per function name.
import { allFunctions } from '../../src/engine/functions/registry.js';
import type { AggregateFunctionDef, ResolveContext, ScalarFunctionDef } from '../../src/engine/functions/types.js';
import type { ScalarType } from '../../src/values/types.js';
import { FUZZ_TYPES, type FuzzType } from './fixture.js';

export interface Signature {
  readonly name: string;
  readonly args: readonly FuzzType[];
  readonly returns: FuzzType;
}

const CTX: ResolveContext = { constant: () => undefined, nowTicks: 0n };
/** Arities tried: all of them up to 3 arguments (9^3 tuples), then 4 and 5 arguments over a few types only. */
const FEW: readonly FuzzType[] = ['long', 'real', 'string', 'dynamic', 'datetime', 'timespan'];

function* tuples(n: number, types: readonly FuzzType[]): Generator<FuzzType[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const head of tuples(n - 1, types)) for (const t of types) yield [...head, t];
}

function accepted(def: ScalarFunctionDef | AggregateFunctionDef): Signature[] {
  const out: Signature[] = [];
  const maxArity = Math.min(def.maxArgs, def.minArgs + 2, 5);
  for (let n = def.minArgs; n <= maxArity; n++) {
    let found = 0;
    for (const args of tuples(n, n <= 3 ? FUZZ_TYPES : FEW)) {
      let r: unknown;
      try {
        r = def.resolve(args as ScalarType[], CTX);
      } catch {
        continue; // a resolve that needs a constant argument throws or refuses here; the fuzzer tries it anyway
      }
      if (typeof r === 'object' && r !== null && 'returnType' in r) {
        const returns = (r as { returnType: ScalarType }).returnType;
        if ((FUZZ_TYPES as readonly string[]).includes(returns)) out.push({ name: def.name, args, returns: returns as FuzzType });
        if (++found >= 40) break; // enough overloads per arity
      }
    }
  }
  return out;
}

let scalarTable: { byReturn: Map<FuzzType, Signature[]>; names: string[] } | undefined;
let aggregateTable: Signature[] | undefined;

/** Scalar signatures indexed by return type (window functions excluded: they need a serialized input). */
export function scalarSignatures(): { byReturn: Map<FuzzType, Signature[]>; names: string[] } {
  if (scalarTable) return scalarTable;
  const byReturn = new Map<FuzzType, Signature[]>(FUZZ_TYPES.map((t) => [t, []]));
  const names: string[] = [];
  for (const { def } of allFunctions()) {
    if (def.kind !== 'scalar') continue;
    names.push(def.name);
    for (const s of accepted(def)) byReturn.get(s.returns)!.push(s);
  }
  scalarTable = { byReturn, names };
  return scalarTable;
}

/** Aggregate signatures (summarize). */
export function aggregateSignatures(): Signature[] {
  if (aggregateTable) return aggregateTable;
  aggregateTable = [];
  for (const { def } of allFunctions()) if (def.kind === 'aggregate') aggregateTable.push(...accepted(def));
  return aggregateTable;
}

/** Every function name (scalar, window, aggregate, special): called with random arguments too. */
export function allFunctionNames(): string[] {
  return allFunctions().map(({ def }) => def.name);
}
