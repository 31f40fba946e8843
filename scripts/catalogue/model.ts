// What the readers of the three sources produce and what the merge consumes: tables with their documented columns,
// each column's type already mapped to a kqlite scalar type name, plus every problem found on the way (the
// generator prints them; none is ever resolved by guessing).

import type { ScalarType } from '../../src/values/types.js';

/** Where a table's columns were documented. */
export type SourceKind = 'defender' | 'azure' | 'custom';

export interface SourceColumn {
  readonly name: string;
  readonly type: ScalarType;
}

export interface SourceTable {
  readonly name: string;
  readonly kind: SourceKind;
  /** Path inside its repository (for provenance). */
  readonly file: string;
  /** `ms.date` of the page (ISO), when the page has one. */
  readonly date: string | undefined;
  readonly columns: readonly SourceColumn[];
}

/** A problem worth a line in the generator's report (and, for some, in the generated provenance). */
export interface Finding {
  readonly kind:
    | 'unknown-type'
    | 'type-override'
    | 'duplicate-table'
    | 'duplicate-column'
    | 'bad-name'
    | 'name-mismatch'
    | 'no-columns'
    | 'unlisted-file'
    | 'missing-file'
    | 'skipped-custom';
  readonly where: string;
  readonly message: string;
}

export class Findings {
  readonly all: Finding[] = [];
  add(kind: Finding['kind'], where: string, message: string): void {
    this.all.push({ kind, where, message });
  }
}
