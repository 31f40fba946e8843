// Where the catalogue's tables and columns come from, for `kqlite tables` and the tests. Kept apart from index.ts so
// that the engine's import of the catalogue stays small: only callers that show provenance load sources.generated.ts.

import { CATALOGUE_PROVENANCE } from './sources.generated.js';

export type SourceKind = 'defender' | 'azure' | 'custom';

export interface CatalogueProvenance {
  readonly inputs: {
    readonly azureMonitor: { readonly repository: string; readonly ref: string; readonly commit: string };
    readonly defender: { readonly repository: string; readonly pages: number };
    readonly customTables: { readonly repository: string; readonly files: number };
  };
  /** origins: one letter per column (d Defender, a Azure Monitor, b both, c custom test schema), or one for all. */
  readonly tables: Readonly<
    Record<string, { readonly origins: string; readonly files: readonly (readonly [kind: SourceKind, path: string, date: string, commit: string])[] }>
  >;
  readonly conflicts: readonly {
    readonly table: string;
    readonly column: string;
    readonly defender: string;
    readonly azure: string;
    readonly chosen: string;
    readonly rule: number;
  }[];
  readonly caseTwins: readonly { readonly table: string; readonly defender: string; readonly azure: string }[];
  readonly leftOut: readonly string[];
  readonly overridden: readonly string[];
  readonly openSchema: readonly string[];
}

export { CATALOGUE_PROVENANCE };

/** How `kqlite tables` names a table's source. */
export type SourceLabel = 'Defender XDR' | 'Azure Monitor' | 'both' | 'custom';

export function sourceLabel(table: string): SourceLabel | undefined {
  const p = CATALOGUE_PROVENANCE.tables[table];
  if (!p) return undefined;
  const kinds = new Set(p.files.map((f) => f[0]));
  if (kinds.has('defender') && kinds.has('azure')) return 'both';
  if (kinds.has('defender')) return 'Defender XDR';
  if (kinds.has('azure')) return 'Azure Monitor';
  return 'custom';
}

/** Where column i of a catalogue table is documented. */
export function columnOrigin(table: string, index: number): SourceLabel | undefined {
  const p = CATALOGUE_PROVENANCE.tables[table];
  if (!p) return undefined;
  const o = p.origins.length === 1 ? p.origins : p.origins[index];
  return o === 'd' ? 'Defender XDR' : o === 'a' ? 'Azure Monitor' : o === 'b' ? 'both' : o === 'c' ? 'custom' : undefined;
}
