// `kqlite test`: rule tests. A detection rule, its sample rows and its expected result live in one YAML file
// (`*.test.yaml`) that runs offline and in CI.
//
// ## Format
//
//   name: Safe Links block trigger                # optional title
//   rule: ../rules/safelinks-url-block-trigger.kql   # the rule under test: .kql, Sentinel rule .yaml (its query:),
//                                                 # or Markdown (first ```kql block; `block: N` for another),
//                                                 # relative to this file. Or `query: |` with the KQL inline.
//   append: | where AccountUpn != "svc@contoso.com"  # optional operators spliced after the rule's last tabular
//                                                 # expression (before a trailing `render`): a tuning filter
//   now: 2026-11-20T12:00:00Z                     # the instant now()/ago() use. Required unless the data source
//                                                 # has one (bundled / dataset.json); tests never use the clock
//   data:                                         # `bundled` (fixtures/contoso), a data-folder path, or inline rows:
//     from: bundled                               #   optional base (bundled or folder) under the inline rows
//     UrlClickEvents:                             #   table → rows; rows name any subset of columns
//       - { Timestamp: now-2h, ActionType: ClickBlocked, Workload: Email, NetworkMessageId: m1 }
//   defaults:                                     # optional per-table values every inline row starts from
//     UrlClickEvents: { Workload: Email, AccountUpn: user@contoso.com }
//   schemas:                                      # columns of tables that are not built in (order kept)
//     Watchlist: { Upn: string, Reason: string }
//   cases:
//     - name: a blocked mail click fires
//       now: ...                                  # optional per-case now
//       data: { EmailEvents: [ { NetworkMessageId: m1, Subject: Invoice } ] }   # rows ADDED for this case
//       replace: { UrlClickEvents: [] }           # tables whose rows this case REPLACES ([] empties one)
//       query: | ...                              # optional: a different query for this case
//       append: | where ...                       # optional: more operators for this case (after the file's)
//       expect:                                   # every stated expectation must hold
//         fires: true                             # true: ≥ 1 row; false: no row
//         count: 1                                # exact number of rows
//         columns: [Timestamp, AccountUpn, ...]   # exact output columns, in order
//         rows:                                   # exactly these rows (a multiset), each naming only the columns
//           - { AccountUpn: a@contoso.com, Subject: Invoice }   # it cares about
//         ordered: true                           # for `rows`: by position; or [SuspicionScore, TimeGenerated]:
//                                                 # the order of those sort keys, rows tied on them in any order
//         contains:                               # at least these rows (distinct result rows), others allowed
//           - { Subject: Invoice }
//
// Values use JSON conventions (as `--format json` prints them): datetimes ISO-8601 (any precision up to 7 digits;
// `now`, `now-1h`, `now+1.5d`, `now-00:30:00` are relative to the case's now), timespans `1.02:03:04` or `1h`,
// longs as integers (exact beyond 2^53), dynamic as YAML lists/maps, strings quoted when YAML would read them as
// numbers or booleans. A string column given `null` is `""` (KQL strings are never null). Rows of the built-in
// tables that give only one of Timestamp / TimeGenerated get the other (as in data folders). Reals in expectations
// compare within 1e-9 relative [U]. YAML anchors and merge keys (`<<: *base`) work for rows.
//
// Output: one line per case (`PASS name` / `FAIL name  (file:line)` with a diff of expected vs actual rows:
// missing, unexpected, changed cells), then `N passed, M failed` alone on a line. A broken test file (bad YAML,
// unknown key with did-you-mean, missing rule file, unknown table/column, bad value) is reported as `file:line:col`
// and counts as one failure. Exit code 0 when everything passes, 1 otherwise (also when no test file is found).

import { readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KqlError } from '../diagnostics.js';
import { formatDatetime } from '../values/datetime.js';
import { RuleFileError } from './rule-file.js';
import { loadDataFolder, DataError, type LoadedDataset } from './load-data.js';
import { checkResult } from '../testing/assertions.js';
import { ansiPaint, ExpectationError, noPaint, nowToTicks, type Paint } from '../testing/compare-rows.js';
import { buildCaseDatabase } from './rule-test/case-data.js';
import { composeQuery, formatComposedDiagnostic, loadRule } from './rule-test/query-source.js';
import { readTestFile, TestFileError, type CaseSpec, type Pos, type RowSpec, type TestFile } from './rule-test/test-file.js';

export interface RuleTestIo {
  out(s: string): void;
  err(s: string): void;
  color: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));

/** fixtures/contoso at the package root, from src/node or dist/src/node. */
export function bundledDatasetDir(): string {
  for (const up of ['../..', '../../..']) {
    const d = resolve(here, up, 'fixtures', 'contoso');
    if (existsSync(join(d, 'dataset.json'))) return d;
  }
  return resolve(here, '../..', 'fixtures', 'contoso');
}

/** Every `*.test.yaml` / `*.test.yml` under the paths (files named explicitly are taken as they are), sorted. */
export function findTestFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.test\.ya?ml$/.test(entry.name)) out.push(p);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return [...new Set(out)];
}

export function runRuleTests(paths: string[], io: RuleTestIo): number {
  const paint: Paint = io.color ? ansiPaint() : noPaint;
  let files: string[];
  try {
    files = findTestFiles(paths.length > 0 ? paths : ['.']);
  } catch (err) {
    io.err(`kqlite test: ${(err as Error).message}\n`);
    return 1;
  }
  if (files.length === 0) {
    io.err(`kqlite test: no *.test.yaml files found under ${paths.length > 0 ? paths.join(', ') : '.'}\n`);
    io.out('0 passed, 0 failed\n');
    return 1;
  }
  const datasets = new Map<string, LoadedDataset>();
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    io.out(`${shown}\n`);
    const r = runFile(file, shown, datasets, paint);
    for (const line of r.errors) io.err(line + '\n');
    for (const line of r.lines) io.out(line + '\n');
    passed += r.passed;
    failed += r.failed;
  }
  const summary = `${passed} passed, ${failed} failed`;
  io.out(`\n${failed > 0 ? paint.red(summary) : paint.green(summary)}\n`);
  return failed > 0 ? 1 : 0;
}

interface FileOutcome {
  lines: string[];
  errors: string[];
  passed: number;
  failed: number;
}

function fileErrors(errs: unknown, shown: string, file: string): string[] {
  const list = Array.isArray(errs) ? errs : [errs];
  return list.map((e) => {
    if (e instanceof TestFileError) {
      return `${shown}:${e.pos.line}:${e.pos.col}: error: ${e.detail}${e.notes.map((n) => `\n  = ${n}`).join('')}`;
    }
    if (e instanceof RuleFileError || e instanceof DataError) return `${e.message}`;
    if (e instanceof Error) return `${shown}: error: ${e.message}`;
    return `${shown}: error: ${String(e)} (${file})`;
  });
}

function runFile(file: string, shown: string, datasets: Map<string, LoadedDataset>, paint: Paint): FileOutcome {
  const out: FileOutcome = { lines: [], errors: [], passed: 0, failed: 0 };
  let spec: TestFile;
  let dataset: LoadedDataset | undefined;
  try {
    spec = readTestFile(file);
    if (spec.from.kind !== 'none') {
      const dir = spec.from.kind === 'bundled' ? bundledDatasetDir() : spec.from.dir;
      dataset = datasets.get(dir) ?? loadDataFolder(dir);
      datasets.set(dir, dataset);
    }
  } catch (err) {
    out.errors.push(...fileErrors(err, shown, file).map((l) => paint.red(l)));
    out.lines.push(paint.red(`  FAIL ${shown} could not be read (see the error above)`));
    out.failed++;
    return out;
  }
  // Build every case's data first: a bad row in the file is one error, not one failure per case.
  const prepared: { c: CaseSpec; nowTicks: bigint | undefined; db: ReturnType<typeof buildCaseDatabase> }[] = [];
  const errors: string[] = [];
  for (const c of spec.cases) {
    try {
      const nowText = c.now?.value ?? spec.now?.value ?? dataset?.now;
      let nowTicks: bigint | undefined;
      try {
        nowTicks = nowToTicks(nowText);
      } catch (err) {
        throw [new TestFileError(file, (c.now ?? spec.now)?.pos ?? c.pos, (err as Error).message)];
      }
      if (nowTicks === undefined) {
        throw [
          new TestFileError(file, c.pos, `case '${c.name}' has no 'now': give the instant now()/ago() use, e.g. now: 2026-11-20T12:00:00Z (rule tests never depend on the clock)`),
        ];
      }
      prepared.push({ c, nowTicks, db: buildCaseDatabase(spec, c, dataset, nowTicks) });
    } catch (err) {
      for (const l of fileErrors(err, shown, file)) if (!errors.includes(l)) errors.push(l);
    }
  }
  if (errors.length > 0) {
    out.errors.push(...errors.map((l) => paint.red(l)));
    out.lines.push(paint.red(`  FAIL ${shown} has errors (see above); its cases did not run`));
    out.failed++;
    return out;
  }
  for (const { c, nowTicks, db } of prepared) {
    const where = `${shown}:${c.pos.line}`;
    const failures = runCase(spec, c, db, nowTicks!, shown, paint);
    if (failures.length === 0) {
      out.lines.push(`  ${paint.green('PASS')} ${c.name}`);
      out.passed++;
    } else {
      out.lines.push(`  ${paint.red('FAIL')} ${c.name}  ${paint.dim(`(${where})`)}`);
      for (const f of failures) for (const l of f) out.lines.push(`      ${l}`);
      out.failed++;
    }
  }
  return out;
}

function runCase(spec: TestFile, c: CaseSpec, db: ReturnType<typeof buildCaseDatabase>, nowTicks: bigint, shown: string, paint: Paint): string[][] {
  let query;
  try {
    const rule = loadRule(c.query ?? spec.rule);
    query = composeQuery(rule, [...(c.query ? [] : spec.append ? [spec.append] : []), ...(c.append ? [c.append] : [])]);
  } catch (err) {
    return [[(err as Error).message]];
  }
  let result;
  try {
    result = db.query(query.text, { now: formatDatetime(nowTicks) });
  } catch (err) {
    if (err instanceof KqlError) {
      return [['the query failed:', ...err.diagnostics.flatMap((d) => formatComposedDiagnostic(d, query, paint !== noPaint, (f) => relative(process.cwd(), f) || f).split('\n'))]];
    }
    throw err;
  }
  const e = c.expect;
  const label = (r: RowSpec) => `${shown}:${r.pos.line}`;
  try {
    return checkResult(
      result,
      {
        fires: e.fires,
        count: e.count,
        columns: e.columns,
        rows: e.rows?.map((r) => r.values),
        rowLabels: e.rows?.map(label),
        contains: e.contains?.map((r) => r.values),
        containsLabels: e.contains?.map(label),
        ordered: e.ordered,
      },
      { nowTicks, paint },
    );
  } catch (err) {
    if (err instanceof ExpectationError) {
      const rows = err.list === 'contains' ? e.contains : e.rows;
      const row = err.row >= 0 ? rows?.[err.row] : undefined;
      const at = err.column === undefined ? undefined : err.onKey ? row?.keyPos.get(err.column) : row?.valuePos.get(err.column);
      const pos: Pos = row ? (at ?? row.pos) : (e.orderedPos ?? e.pos);
      return [[`${shown}:${pos.line}:${pos.col}: error in the expectation: ${err.message}`]];
    }
    throw err;
  }
}
