// The schema catalogue as the engine sees it: table name → columns, for every table of Microsoft's Defender XDR and
// Azure Monitor Logs / Sentinel documentation (generated data: tables.generated.ts; how and from what:
// CONTEXT.md). Browser-safe, and cheap to import: the data is one short string per table, decoded into Column
// objects the first time a table is asked for, then cached.

import type { Column } from '../table.js';
import type { ScalarType } from '../../values/types.js';
import { CATALOGUE_COLUMNS } from './tables.generated.js';

const TYPE_OF_CODE: Readonly<Record<string, ScalarType>> = {
  b: 'bool',
  i: 'int',
  l: 'long',
  r: 'real',
  m: 'decimal',
  d: 'datetime',
  t: 'timespan',
  s: 'string',
  g: 'guid',
  y: 'dynamic',
};

const decoded = new Map<string, readonly Column[]>();

function decode(encoded: string): readonly Column[] {
  return Object.freeze(
    encoded.split(',').map((pair) => {
      const at = pair.lastIndexOf(':');
      const type = TYPE_OF_CODE[pair.slice(at + 1)];
      if (type === undefined) throw new Error(`catalogue: bad type code in '${pair}'`);
      return Object.freeze({ name: pair.slice(0, at), type });
    }),
  );
}

/** The documented columns of a catalogue table, or undefined when the catalogue does not know it. */
export function catalogueSchema(table: string): readonly Column[] | undefined {
  const cached = decoded.get(table);
  if (cached) return cached;
  if (!Object.prototype.hasOwnProperty.call(CATALOGUE_COLUMNS, table)) return undefined;
  const columns = decode(CATALOGUE_COLUMNS[table]!);
  decoded.set(table, columns);
  return columns;
}

/** Every catalogue table name, in code-point order. */
export function catalogueTableNames(): readonly string[] {
  return Object.keys(CATALOGUE_COLUMNS);
}

/**
 * Tables whose columns are not fixed by Microsoft: AzureDiagnostics (the documented columns, plus whatever columns
 * the resources that write to it add) and custom logs (`*_CL`, defined by each workspace). Their columns come from a
 * data file or a schema file (see CONTEXT.md).
 */
export function isOpenSchemaTable(table: string): boolean {
  return table === 'AzureDiagnostics' || table.endsWith('_CL');
}
