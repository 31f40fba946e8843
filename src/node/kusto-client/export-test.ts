// `kqlite export-test`: a rule test file's cases as self-contained KQL scripts (datatable-script.ts), the same text
// `kqlite test --target` sends to a cluster, for people who paste it into the Azure Data Explorer web UI or Kusto
// Explorer. Those tools run the block of text around the cursor, blocks being separated by empty lines: so within
// a case's script every empty line becomes `//` (line numbers stay those of the rule), and cases are separated by
// one empty line.

import { formatDatetime } from '../../values/datetime.js';
import type { LoadedDataset } from '../load-data.js';
import { bundledDatasetDir } from '../rule-test.js';
import { composeCaseQuery, displayPath, prepareTestFile, type PreparedFile } from '../rule-test/run-file.js';
import type { CaseSpec } from '../rule-test/test-file.js';
import { caseScript, type CaseScript } from './datatable-script.js';

export interface ExportedCase {
  readonly name: string;
  readonly line: number;
  readonly spec: CaseSpec;
  readonly nowTicks: bigint;
  readonly script: CaseScript;
  /** kqlite's own database of the case (to run it locally as well). */
  readonly db: PreparedFile['cases'][number]['db'];
}

export interface ExportedFile {
  readonly prepared: PreparedFile;
  readonly cases: readonly ExportedCase[];
  /** Errors that stop the file (broken test file) or a case (its query cannot be composed). */
  readonly errors: readonly string[];
}

export function exportTestFile(file: string, datasets: Map<string, LoadedDataset> = new Map()): ExportedFile {
  const prepared = prepareTestFile(file, datasets, bundledDatasetDir);
  if (prepared.errors.length > 0) return { prepared, cases: [], errors: prepared.errors };
  const cases: ExportedCase[] = [];
  const errors: string[] = [];
  for (const { c, nowTicks, db } of prepared.cases) {
    let query: string;
    try {
      query = composeCaseQuery(prepared, c).text;
    } catch (err) {
      errors.push(`${prepared.shown}:${c.pos.line}: case '${c.name}': ${(err as Error).message}`);
      continue;
    }
    const header = `kqlite test case '${c.name}' (${displayPath(file)}:${c.pos.line})`;
    const script = caseScript(query, db, formatDatetime(nowTicks), header);
    cases.push({ name: c.name, line: c.pos.line, spec: c, nowTicks, script, db });
  }
  return { prepared, cases, errors };
}

/** Empty lines inside one script become `//`, so a tool that splits on empty lines keeps it whole. */
export function pasteable(script: string): string {
  return script.replace(/\r\n/g, '\n').replace(/^[ \t]*$/gm, '//').replace(/(\n\/\/)+$/, '');
}

/** Every case's script, one empty line between them. */
export function exportText(exported: ExportedFile): string {
  return exported.cases.map((c) => pasteable(c.script.text).trimEnd()).join('\n\n') + '\n';
}
