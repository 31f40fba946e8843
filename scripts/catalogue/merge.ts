// One catalogue table per name, from the three sources.
//
// A table documented by both Defender XDR (Timestamp shape) and Azure Monitor Logs (TimeGenerated shape, with
// TenantId, Type, SourceSystem...) becomes ONE table with the union of their columns, as kqlite's five email tables
// already are: real rules are written against either shape and must run unchanged. Order: the Defender columns in
// page order with TimeGenerated right after Timestamp, then the Azure-only columns in page order. Columns are matched
// by exact name (KQL names are case-sensitive); names that differ only in case (IdentityInfo's AccountUpn and
// AccountUPN) are both kept and listed as case twins.
//
// TYPE CONFLICT RULE (the two pages give one column different types) — the type under which both dialects' usual
// queries bind wins:
//   1. string vs dynamic            → dynamic: Defender queries wrap the column in parse_json()/todynamic(), which
//      pass a dynamic value through (parse-json-function.md); Log Analytics queries index it (`AdditionalFields.x`),
//      which a string column rejects.
//   2. string vs int / long / real  → the number: numeric comparisons (`Port == 445`, `CvssScore >= 7`) do not bind
//      on a string, while tostring()/toint() work on either.
//   3. int vs long                  → long; int or long vs real → real (the wider type holds every value of both).
//   4. any other pair               → the Azure Monitor type (those pages are generated from the service's own
//      table definitions).
// Every conflict is recorded with both documented types and the rule that decided it.
//
// Azure-Sentinel's CustomTables schemas only add tables that neither documentation source has — except for the
// open-schema tables (AzureDiagnostics), whose page lists only "the most common columns" and not even the standard
// TimeGenerated / TenantId / Type: there the test schema's columns that the page lacks are appended (origin c), and
// where both give a column the page's type is kept.

import type { ScalarType } from '../../src/values/types.js';
import type { Findings, SourceKind, SourceTable } from './model.js';

/** Where one column of a merged table is documented: d = Defender XDR, a = Azure Monitor, b = both, c = custom. */
export type ColumnOrigin = 'd' | 'a' | 'b' | 'c';

export interface CatalogueColumn {
  readonly name: string;
  readonly type: ScalarType;
  readonly origin: ColumnOrigin;
}

export interface TypeConflict {
  readonly table: string;
  readonly column: string;
  readonly defender: ScalarType;
  readonly azure: ScalarType;
  readonly chosen: ScalarType;
  readonly rule: 1 | 2 | 3 | 4;
}

export interface CatalogueTable {
  readonly name: string;
  readonly sources: readonly SourceKind[];
  readonly columns: readonly CatalogueColumn[];
  /** The pages (or schema files) the columns come from. */
  readonly files: readonly { kind: SourceKind; file: string; date: string | undefined }[];
}

export interface Catalogue {
  readonly tables: readonly CatalogueTable[];
  readonly conflicts: readonly TypeConflict[];
  /** Pairs of column names of one table that differ only in letter case (Defender spelling, Azure spelling). */
  readonly caseTwins: readonly { table: string; defender: string; azure: string }[];
}

const NUMERIC: readonly ScalarType[] = ['int', 'long', 'real'];

/** The conflict rule above: the chosen type and the number of the rule that chose it. */
export function resolveConflict(defender: ScalarType, azure: ScalarType): { type: ScalarType; rule: 1 | 2 | 3 | 4 } {
  const pair = new Set([defender, azure]);
  if (pair.has('string') && pair.has('dynamic')) return { type: 'dynamic', rule: 1 };
  if (pair.has('string')) {
    const other = defender === 'string' ? azure : defender;
    if (NUMERIC.includes(other)) return { type: other, rule: 2 };
  }
  if (NUMERIC.includes(defender) && NUMERIC.includes(azure)) {
    return { type: pair.has('real') ? 'real' : 'long', rule: 3 };
  }
  return { type: azure, rule: 4 };
}

function mergeBoth(d: SourceTable, a: SourceTable, conflicts: TypeConflict[], caseTwins: Catalogue['caseTwins'][number][]): CatalogueColumn[] {
  const azure = new Map(a.columns.map((c) => [c.name, c.type]));
  const defenderNames = new Set(d.columns.map((c) => c.name));
  const columns: CatalogueColumn[] = [];
  for (const c of d.columns) {
    const at = azure.get(c.name);
    if (at === undefined) columns.push({ name: c.name, type: c.type, origin: 'd' });
    else if (at === c.type) columns.push({ name: c.name, type: c.type, origin: 'b' });
    else {
      const { type, rule } = resolveConflict(c.type, at);
      conflicts.push({ table: d.name, column: c.name, defender: c.type, azure: at, chosen: type, rule });
      columns.push({ name: c.name, type, origin: 'b' });
    }
    if (c.name === 'Timestamp' && azure.get('TimeGenerated') !== undefined && !defenderNames.has('TimeGenerated')) {
      columns.push({ name: 'TimeGenerated', type: azure.get('TimeGenerated')!, origin: 'a' });
    }
  }
  const placed = new Set(columns.map((c) => c.name));
  const byLower = new Map(d.columns.map((c) => [c.name.toLowerCase(), c.name]));
  for (const c of a.columns) {
    if (placed.has(c.name)) continue;
    const twin = byLower.get(c.name.toLowerCase());
    if (twin !== undefined) caseTwins.push({ table: d.name, defender: twin, azure: c.name });
    columns.push({ name: c.name, type: c.type, origin: 'a' });
  }
  return columns;
}

export function mergeSources(
  defender: readonly SourceTable[],
  azure: readonly SourceTable[],
  custom: readonly SourceTable[],
  findings: Findings,
  openSchema: readonly string[] = [],
): Catalogue {
  const conflicts: TypeConflict[] = [];
  const caseTwins: Catalogue['caseTwins'][number][] = [];
  const byName = new Map<string, CatalogueTable>();
  const azureByLower = new Map(azure.map((t) => [t.name.toLowerCase(), t]));
  const defenderLower = new Set(defender.map((t) => t.name.toLowerCase()));
  const fileOf = (t: SourceTable) => ({ kind: t.kind, file: t.file, date: t.date });

  for (const d of defender) {
    const a = azureByLower.get(d.name.toLowerCase());
    if (a && a.name !== d.name) findings.add('name-mismatch', a.file, `Azure Monitor spells the table '${a.name}', Defender '${d.name}'; Defender's spelling is kept`);
    byName.set(
      d.name,
      a
        ? { name: d.name, sources: ['defender', 'azure'], columns: mergeBoth(d, a, conflicts, caseTwins), files: [fileOf(d), fileOf(a)] }
        : { name: d.name, sources: ['defender'], columns: d.columns.map((c) => ({ ...c, origin: 'd' as const })), files: [fileOf(d)] },
    );
  }
  for (const a of azure) {
    if (defenderLower.has(a.name.toLowerCase())) continue;
    byName.set(a.name, { name: a.name, sources: ['azure'], columns: a.columns.map((c) => ({ ...c, origin: 'a' as const })), files: [fileOf(a)] });
  }
  const known = new Set([...byName.keys()].map((n) => n.toLowerCase()));
  for (const c of custom) {
    const open = byName.get(c.name);
    if (open && openSchema.includes(c.name)) {
      const have = new Set(open.columns.map((x) => x.name));
      const extra = c.columns.filter((x) => !have.has(x.name)).map((x) => ({ ...x, origin: 'c' as const }));
      byName.set(c.name, { ...open, sources: [...open.sources, 'custom'], columns: [...open.columns, ...extra], files: [...open.files, fileOf(c)] });
      continue;
    }
    // The reader already drops documented tables and repeats; this guards the invariant (one table per name).
    if (known.has(c.name.toLowerCase())) throw new Error(`catalogue: custom table ${c.name} collides with another table`);
    known.add(c.name.toLowerCase());
    byName.set(c.name, { name: c.name, sources: ['custom'], columns: c.columns.map((x) => ({ ...x, origin: 'c' as const })), files: [fileOf(c)] });
  }
  for (const t of byName.values()) {
    if (t.columns.length === 0) findings.add('no-columns', t.files[0]!.file, `${t.name}: no usable column`);
  }
  const tables = [...byName.values()].filter((t) => t.columns.length > 0).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { tables, conflicts, caseTwins };
}
