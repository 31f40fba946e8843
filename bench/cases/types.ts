// A benchmark case, written once as data: the KQL text, the arquero pipeline, the DuckDB SQL and the equality
// check. Every engine must give the same answer (harness/results.ts); hand-written JavaScript loops may stand in as
// extra "engines" where the issue asks for them (the seed-004 where-clause).

import type { ColumnTable } from 'arquero';
import type { Table } from '../../src/tables/table.js';
import type { Aq, AqTables } from '../engines/arquero.js';
import type { Check } from '../harness/results.js';

export interface Case {
  readonly name: string;
  /** seed: the rule files of examples/rules; issue: the table of issue 15; generic: the operator suite. */
  readonly group: 'seed' | 'issue' | 'generic';
  /** Tables the case reads, for rows/s (their row counts are added up). */
  readonly scans: readonly string[];
  readonly kql: string;
  readonly arquero?: (aq: Aq, t: AqTables) => ColumnTable | number;
  readonly sql?: string;
  /** Hand-written loops over the kqlite tables, each returning the count (only for count results). */
  readonly hand?: Readonly<Record<string, (tables: Readonly<Record<string, Table>>) => () => number>>;
  readonly check: Check;
  readonly note?: string;
}

export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
