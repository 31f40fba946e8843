// Where the catalogue's tables and columns come from, for `kqlite tables` and the tests. Kept apart from index.ts so
// that the engine's import of the catalogue stays small: only callers that show provenance load sources.generated.ts.

import { CATALOGUE_PROVENANCE } from './sources.generated.js';

export type { CatalogueProvenance, SourceKind } from './provenance-types.js';

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
