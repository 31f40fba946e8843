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
//   table: UrlClickEvents                         # optional: the table bare `match:` / `dont-match:` rows belong to
//   match:                                        # Sigma-style shorthand: each row alone (over `data`) must fire
//     - { Workload: Email, ActionType: ClickBlocked }          # (bare row: needs `table:`)
//     - EmailEvents: { Subject: Invoice }                      # or { Table: { row } }
//   dont-match:                                   # each row alone must not fire
//     - { Workload: Teams, ActionType: ClickBlocked }
//
// Sentinel analytic rules: when `rule:` is a Sentinel rule YAML with queryPeriod, every table with a TimeGenerated
// column is cut to the rows the scheduler lets the rule see, TimeGenerated within [now - queryPeriod, now] [U], and
// `fires` means "raises an alert": the row count compared with triggerThreshold by triggerOperator (gt/lt/eq/ne).
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
// Reports for CI (`--reporter junit|json`) and `--update` are in rule-test/report.ts and rule-test/update.ts.

import { readdirSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ansiPaint, noPaint, type Paint } from '../testing/compare-rows.js';
import type { LoadedDataset } from './load-data.js';
import type { SchemaSet } from './schemas.js';
import { junitReport, jsonReport, type FileReport } from './rule-test/report.js';
import { displayPath, prepareTestFile, runPrepared } from './rule-test/run-file.js';
import { updateExpectations } from './rule-test/update.js';

export interface RuleTestIo {
  out(s: string): void;
  err(s: string): void;
  color: boolean;
}

export type Reporter = 'console' | 'junit' | 'json';
export const reporters: readonly Reporter[] = ['console', 'junit', 'json'];

export interface RuleTestOptions {
  /** `junit` / `json`: a machine-readable report as well as the console lines. */
  readonly reporter?: Reporter;
  /** Where the report goes (default: standard output, and then the console lines go to standard error). */
  readonly reportFile?: string;
  /** Write each case's actual result into its expectations (never on CI). */
  readonly update?: boolean;
  /** Tables a --schemas folder declares (node/schemas.ts loadSchemaFolder), for tables the catalogue lacks. */
  readonly schemas?: SchemaSet;
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

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

export function runRuleTests(paths: string[], io: RuleTestIo, options: RuleTestOptions = {}): number {
  const paint: Paint = io.color ? ansiPaint() : noPaint;
  const reporter = options.reporter ?? 'console';
  // With a report on standard output, the people-facing lines move to standard error so the report stays parseable.
  const human = reporter !== 'console' && !options.reportFile ? io.err : io.out;
  let files: string[];
  try {
    files = findTestFiles(paths.length > 0 ? paths : ['.']);
  } catch (err) {
    io.err(`kqlite test: ${(err as Error).message}\n`);
    return 1;
  }
  if (files.length === 0) {
    io.err(`kqlite test: no *.test.yaml files found under ${paths.length > 0 ? paths.join(', ') : '.'}\n`);
    human('0 passed, 0 failed\n');
    return 1;
  }
  const datasets = new Map<string, LoadedDataset>();
  const reports: FileReport[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const started = performance.now();
    const prepared = prepareTestFile(file, datasets, bundledDatasetDir, options.schemas);
    const shown = prepared.shown;
    human(`${shown}\n`);
    for (const line of prepared.errors) io.err(paint.red(line) + '\n');
    const cases = prepared.errors.length > 0 ? [] : runPrepared(prepared, { paint, keepResults: options.update });
    if (prepared.errors.length > 0) {
      human(paint.red(`  FAIL ${shown} ${prepared.spec ? 'has errors (see above); its cases did not run' : 'could not be read (see the error above)'}`) + '\n');
      failed++;
    }
    // --update rewrites the expectations of failing cases from their actual results; those count as passed.
    const updated = options.update && prepared.spec ? updateExpectations(prepared.spec, cases) : new Set<unknown>();
    for (const c of cases) {
      if (c.passed) {
        human(`  ${paint.green('PASS')} ${c.name}\n`);
        passed++;
      } else if (updated.has(c.spec)) {
        human(`  ${paint.yellow('UPDATED')} ${c.name}  ${paint.dim(`(${shown}:${c.line})`)}\n`);
        passed++;
      } else {
        human(`  ${paint.red('FAIL')} ${c.name}  ${paint.dim(`(${shown}:${c.line})`)}\n`);
        for (const l of c.failure) human(`      ${l}\n`);
        failed++;
      }
    }
    reports.push({
      file: displayPath(file),
      name: prepared.spec?.name,
      errors: prepared.errors.map(stripAnsi),
      cases: cases.map((c) => ({ name: c.name, line: c.line, passed: c.passed, failure: c.failure.map(stripAnsi), ms: c.ms })),
      ms: performance.now() - started,
    });
  }
  const summary = `${passed} passed, ${failed} failed`;
  human(`\n${failed > 0 ? paint.red(summary) : paint.green(summary)}\n`);
  if (reporter !== 'console') {
    const text = reporter === 'junit' ? junitReport(reports) : jsonReport(reports, { passed, failed });
    if (options.reportFile) writeFileSync(options.reportFile, text);
    else io.out(text);
  }
  return failed > 0 ? 1 : 0;
}
