// evaluate ipv4_lookup / ipv6_lookup (ipv4-lookup-plugin.md, ipv6-lookup-plugin.md):
// `T | evaluate ipv4_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey…] [, return_unmatched])` joins each row of
// T with the rows of LookupTable whose IP-prefix range (LookupKey, e.g. "5.8.0.0/19") holds T's address (SourceKey),
// and whose extra key columns are equal. The schema is the lookup operator's: T's columns, then LookupTable's
// without the extra keys (the page's last example: the extra keys appear once, from T). return_unmatched=true keeps
// T's rows without a match, the lookup side null. A range matches as ipv4_is_in_range / ipv6_is_in_range do (the
// shorter of both prefixes).
//
// Choices [U]: a row with several matching ranges yields one row per match, in LookupTable order (join semantics;
// the pages show single matches only); an address or range that does not parse matches nothing; a column of
// LookupTable named like one of T's gets the suffix 1, 2… as in join/lookup; extra keys match when equal, a null
// never matching (join's equality of keys); rows keep T's order.
// Docs vs analyser: ipv6-lookup-plugin.md prints the lookup columns before T's; its text, the ipv4 page and
// Microsoft's analyser put T's first — kqlite follows them.

import type * as A from '../../../parser/ast.js';
import { makeTable, type Column, type Table } from '../../../tables/table.js';
import { getValue, take } from '../../../tables/vector.js';
import { ipv4Network, parseIpv4Prefix } from '../../../values/ipv4.js';
import { ipv6Network, parseIpv6Prefix } from '../../../values/ipv6.js';
import { bindExpr } from '../../bind/bind-expr.js';
import { unknownColumn } from '../../bind/names.js';
import { report } from '../../bind/report.js';
import type { BindContext, LetScope } from '../../bind/scope.js';
import { CHECK_INTERVAL, type ExecContext } from '../../exec/context.js';
import { valueKey } from '../../kernels/value-key.js';
import type { Plan, PlanNodeBase } from '../../plan/logical.js';
import type { PlanOperatorsOf } from '../operator.js';

declare module '../../plan/logical.js' {
  interface PlanNodes {
    IpLookup: IpLookupNode;
  }
}

type Family = 'ipv4' | 'ipv6';

export interface IpLookupNode extends PlanNodeBase<'IpLookup'> {
  readonly family: Family;
  readonly source: Plan;
  readonly lookup: Plan;
  readonly sourceKey: number;
  readonly lookupKey: number;
  /** Extra equality keys: column indices in source and lookup. */
  readonly extraSource: readonly number[];
  readonly extraLookup: readonly number[];
  readonly returnUnmatched: boolean;
  /** The lookup columns in the output, after all of the source's. */
  readonly lookupColumns: readonly number[];
}

/** An address as a comparable key (bigint for both families) with its prefix length and the family's width. */
interface Parsed {
  readonly ip: bigint;
  readonly prefix: number;
}

function parser(family: Family): (text: string) => Parsed | null {
  if (family === 'ipv4') {
    return (t) => {
      const p = parseIpv4Prefix(t);
      return p ? { ip: BigInt(p.ip), prefix: p.prefix } : null;
    };
  }
  return parseIpv6Prefix;
}

function network(family: Family, ip: bigint, prefix: number): bigint {
  return family === 'ipv4' ? BigInt(ipv4Network(Number(ip), prefix)) : ipv6Network(ip, prefix);
}

function bindIpLookup(family: Family, input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext): Plan | undefined {
  const name = `${family}_lookup()`;
  const args = [...op.call.args];
  let returnUnmatched = false;
  // The optional last argument: a bool constant, positional or `return_unmatched = …`.
  const last = args[args.length - 1];
  if (args.length > 3 && last) {
    const isNamed = last.kind === 'NamedArg';
    if (isNamed && last.name.name !== 'return_unmatched') return report(ctx, 'bind-named-argument-not-allowed', last.span, { name: last.name.name });
    const valueExpr = isNamed ? last.value : last;
    if (isNamed || valueExpr.kind !== 'Name') {
      const b = bindExpr(valueExpr, { schema: [], lets }, ctx);
      if (!b) return undefined;
      if (b.kind !== 'Literal' || typeof b.value !== 'boolean') return report(ctx, 'bind-expected-constant', valueExpr.span, { what: `return_unmatched of ${name} (a bool)` });
      returnUnmatched = b.value;
      args.pop();
    }
  }
  const [tableArg, sourceArg, lookupArg, ...extraArgs] = args;
  if (!tableArg || !sourceArg || !lookupArg) {
    return report(ctx, 'bind-wrong-arity', op.call.span, { name: `${family}_lookup`, expected: 'at least 3', got: op.call.args.length });
  }
  const lookup = ctx.bindTabular(tableArg, lets, ctx);
  if (!lookup) return undefined;
  const column = (arg: A.Expression, schema: readonly Column[], what: string): number | undefined => {
    if (arg.kind !== 'Name') return report(ctx, 'bind-expected-column', arg.span, { what });
    const i = schema.findIndex((c) => c.name === arg.name);
    if (i < 0) return unknownColumn(ctx, arg.name, arg.span, schema);
    return i;
  };
  const sourceKey = column(sourceArg, input.schema, `the source key of ${name}`);
  if (sourceKey === undefined) return undefined;
  const lookupKey = column(lookupArg, lookup.schema, `the lookup key of ${name}`);
  if (lookupKey === undefined) return undefined;
  for (const [k, schema, arg] of [[sourceKey, input.schema, sourceArg], [lookupKey, lookup.schema, lookupArg]] as const) {
    if (schema[k]!.type !== 'string') return report(ctx, 'bind-wrong-type', arg.span, { what: name, expected: 'a string column of addresses', got: schema[k]!.type });
  }
  const extraSource: number[] = [];
  const extraLookup: number[] = [];
  for (const e of extraArgs) {
    const s = column(e, input.schema, `an extra key of ${name}`);
    if (s === undefined) return undefined;
    const l = column(e, lookup.schema, `an extra key of ${name}`);
    if (l === undefined) return undefined;
    extraSource.push(s);
    extraLookup.push(l);
  }
  const schema: Column[] = [...input.schema];
  const names = new Set(schema.map((c) => c.name));
  const lookupColumns: number[] = [];
  lookup.schema.forEach((c, i) => {
    if (extraLookup.includes(i)) return;
    let outName = c.name;
    for (let n = 1; names.has(outName); n++) outName = `${c.name}${n}`;
    names.add(outName);
    schema.push({ name: outName, type: c.type });
    lookupColumns.push(i);
  });
  return {
    kind: 'IpLookup',
    family,
    source: input,
    lookup,
    sourceKey,
    lookupKey,
    extraSource,
    extraLookup,
    returnUnmatched,
    lookupColumns,
    schema,
    span: op.span,
  };
}

export const bindIpv4Lookup = (input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext) => bindIpLookup('ipv4', input, op, lets, ctx);
export const bindIpv6Lookup = (input: Plan, op: A.EvaluateOp, lets: LetScope, ctx: BindContext) => bindIpLookup('ipv6', input, op, lets, ctx);

function runIpLookup(node: IpLookupNode, source: Table, lookup: Table, ctx: ExecContext): Table {
  const parse = parser(node.family);
  // Lookup ranges by prefix length, then by network: a source address without its own shorter prefix finds its
  // ranges with one map probe per distinct prefix length.
  const byPrefix = new Map<number, Map<bigint, number[]>>();
  const ranges: (Parsed | null)[] = [];
  for (let r = 0; r < lookup.rowCount; r++) {
    const text = getValue(lookup.columns[node.lookupKey]!, r);
    const p = typeof text === 'string' ? parse(text) : null;
    ranges.push(p);
    if (!p) continue;
    let nets = byPrefix.get(p.prefix);
    if (!nets) byPrefix.set(p.prefix, (nets = new Map()));
    const key = network(node.family, p.ip, p.prefix);
    const rows = nets.get(key);
    if (rows) rows.push(r);
    else nets.set(key, [r]);
  }
  const prefixes = [...byPrefix.keys()];
  const extraEqual = (s: number, r: number): boolean =>
    node.extraSource.every((sc, k) => {
      const a = getValue(source.columns[sc]!, s);
      const b = getValue(lookup.columns[node.extraLookup[k]!]!, r);
      return a !== null && b !== null && valueKey(a) === valueKey(b);
    });
  const sourceRows: number[] = [];
  const lookupRows: number[] = [];
  for (let s = 0; s < source.rowCount; s++) {
    if ((s & (CHECK_INTERVAL - 1)) === 0) ctx.check(node.span);
    const text = getValue(source.columns[node.sourceKey]!, s);
    const a = typeof text === 'string' ? parse(text) : null;
    const matches: number[] = [];
    if (a) {
      for (const p of prefixes) {
        if (p <= a.prefix) {
          for (const r of byPrefix.get(p)!.get(network(node.family, a.ip, p)) ?? []) matches.push(r);
        } else {
          // The address's own prefix is the shorter one: compare both under it.
          const mine = network(node.family, a.ip, a.prefix);
          for (const rows of byPrefix.get(p)!.values()) {
            for (const r of rows) if (network(node.family, ranges[r]!.ip, a.prefix) === mine) matches.push(r);
          }
        }
      }
      matches.sort((x, y) => x - y);
    }
    let kept = 0;
    for (const r of matches) {
      if (!extraEqual(s, r)) continue;
      sourceRows.push(s);
      lookupRows.push(r);
      kept++;
    }
    if (kept === 0 && node.returnUnmatched) {
      sourceRows.push(s);
      lookupRows.push(-1);
    }
    ctx.checkRows(sourceRows.length, node.span, `evaluate ${node.family}_lookup`);
  }
  const columns = [
    ...source.columns.map((c) => take(c, sourceRows)),
    ...node.lookupColumns.map((i) => take(lookup.columns[i]!, lookupRows)),
  ];
  return makeTable(node.schema, columns, sourceRows.length);
}

export const plans: PlanOperatorsOf<'IpLookup'> = {
  IpLookup: {
    inputs: (node) => [node.source, node.lookup],
    execute: (node, ctx) => runIpLookup(node, ctx.run(node.source), ctx.run(node.lookup), ctx),
    explain: (node) =>
      `IpLookup(${node.family}${node.returnUnmatched ? ' return_unmatched' : ''}) on ${node.source.schema[node.sourceKey]!.name} in ${node.lookup.schema[node.lookupKey]!.name}`,
    serialization: 'loses',
  },
};
