// Why a Kusto function name is refused (kql-names.ts lists every built-in name; a name kqlite does not implement
// binds to `not supported yet: <name>()`). The reasons appear in the generated reference (docs/functions.md).

/** The reason shown for a refused name: the first rule whose pattern matches. */
const RULES: readonly { readonly test: (name: string) => boolean; readonly reason: string }[] = [
  { test: (n) => n.startsWith('__'), reason: 'internal to Kusto' },
  { test: (n) => n === 'todecimal', reason: 'the decimal type is not supported' },
  { test: (n) => n === 'table', reason: 'only as a table reference: `table("T")` where a table is expected' },
  { test: (n) => n === 'series_periods_detect' || n === 'series_periods_validate', reason: 'the period scores are undocumented (series-periods-detect-function.md gives no formula)' },
  { test: (n) => n.startsWith('geo_'), reason: 'geospatial functions are not implemented yet' },
  { test: (n) => /hll|tdigest/.test(n), reason: 'sketch (HLL / t-digest) functions are not implemented yet' },
  {
    test: (n) => /^(cluster|database|external_table|materialized_view|stored_query_result|current_|cursor_|extent_|ingestion_time|estimate_data_size|rowstore_|entity_group)/.test(n) || n === 'extentid',
    reason: 'names a service, cluster or storage object, which a local engine does not have',
  },
  { test: (n) => /^(graph|labels|inner_nodes|all|any|map)$/.test(n) || n.startsWith('node_'), reason: 'graph functions are not implemented yet' },
];

export function refusalReason(name: string): string {
  return RULES.find((r) => r.test(name))?.reason ?? 'not implemented yet';
}
