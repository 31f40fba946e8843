// One test file, run: read and check it, build every case's tables once (prepareTestFile), then run the cases
// (runPrepared) — once for `kqlite test`, or once per mutant of the rule for `kqlite test --mutate`, which is why
// the two steps are apart and the rule text can be replaced.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { KqlError } from '../../diagnostics.js';
import type { QueryResult } from '../../result.js';
import { checkResult } from '../../testing/assertions.js';
import { ExpectationError, noPaint, nowToTicks, type Paint } from '../../testing/compare-rows.js';
import { formatDatetime } from '../../values/datetime.js';
import { DataError, loadDataFolder, type LoadedDataset } from '../load-data.js';
import { RuleFileError } from '../rule-file.js';
import { describeTrigger, readSentinelRule, ruleFires, type SentinelRule } from '../sentinel/rule-yaml.js';
import { buildCaseDatabase, type TimeWindow } from './case-data.js';
import type { SchemaSet } from '../schemas.js';
import { composeQuery, formatComposedDiagnostic, loadRule, type ComposedQuery } from './query-source.js';
import { readTestFile, TestFileError, type CaseSpec, type Pos, type RowSpec, type TestFile } from './test-file.js';
import { relative } from 'node:path';

export interface CaseOutcome {
  readonly name: string;
  readonly line: number;
  readonly passed: boolean;
  /** Failure lines (painted when the run is coloured); empty when passed. */
  readonly failure: readonly string[];
  readonly ms: number;
  readonly spec: CaseSpec;
  /** The result the case got (kept for --update). */
  readonly result?: QueryResult;
}

export interface PreparedFile {
  readonly file: string;
  readonly shown: string;
  readonly spec?: TestFile;
  readonly sentinel?: SentinelRule;
  /** The rule file the test runs, when it names one. */
  readonly rulePath?: string;
  /** Errors that stop the whole file (each a formatted line). */
  readonly errors: readonly string[];
  readonly cases: readonly { c: CaseSpec; nowTicks: bigint; db: ReturnType<typeof buildCaseDatabase> }[];
}

export interface RunCaseOptions {
  readonly paint: Paint;
  /** Text used instead of the rule file's own (a mutant). */
  readonly ruleText?: string;
  /** Stop at the first failing case (mutation testing only needs to know that one fails). */
  readonly stopAtFirstFailure?: boolean;
  readonly keepResults?: boolean;
}

export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

export function formatFileErrors(errs: unknown, shown: string): string[] {
  const list = Array.isArray(errs) ? errs : [errs];
  return list.map((e) => {
    if (e instanceof TestFileError) {
      return `${shown}:${e.pos.line}:${e.pos.col}: error: ${e.detail}${e.notes.map((n) => `\n  = ${n}`).join('')}`;
    }
    if (e instanceof RuleFileError || e instanceof DataError) return `${e.message}`;
    if (e instanceof Error) return `${shown}: error: ${e.message}`;
    return `${shown}: error: ${String(e)}`;
  });
}

/** The Sentinel scheduling of the rule file the test names, when it is a Sentinel rule YAML. */
function sentinelOf(spec: TestFile): SentinelRule | undefined {
  if (spec.rule.kind !== 'file' || !['.yaml', '.yml'].includes(extname(spec.rule.path).toLowerCase())) return undefined;
  return readSentinelRule(spec.rule.path, readFileSync(spec.rule.path, 'utf8'));
}

/**
 * `declared`: tables a --schemas folder declares (name → columns), known to every case beside the catalogue and the
 * file's own `schemas:` (which win over them).
 */
export function prepareTestFile(
  file: string,
  datasets: Map<string, LoadedDataset>,
  bundledDir: () => string,
  declared: SchemaSet = {},
): PreparedFile {
  const shown = displayPath(file);
  let spec: TestFile;
  let dataset: LoadedDataset | undefined;
  let sentinel: SentinelRule | undefined;
  try {
    spec = readTestFile(file);
    sentinel = sentinelOf(spec);
    if (spec.from.kind !== 'none') {
      const dir = spec.from.kind === 'bundled' ? bundledDir() : spec.from.dir;
      dataset = datasets.get(dir) ?? loadDataFolder(dir, { schemas: declared });
      datasets.set(dir, dataset);
    }
  } catch (err) {
    return { file, shown, errors: formatFileErrors(err, shown), cases: [] };
  }
  const rulePath = spec.rule.kind === 'file' ? spec.rule.path : undefined;
  // Build every case's data first: a bad row in the file is one error, not one failure per case.
  const cases: { c: CaseSpec; nowTicks: bigint; db: ReturnType<typeof buildCaseDatabase> }[] = [];
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
      const window: TimeWindow | undefined =
        sentinel?.queryPeriod && !/^nrt$/i.test(sentinel.kind) ? { from: nowTicks - sentinel.queryPeriod.ticks, to: nowTicks } : undefined;
      cases.push({ c, nowTicks, db: buildCaseDatabase(spec, c, dataset, nowTicks, window, declared) });
    } catch (err) {
      for (const l of formatFileErrors(err, shown)) if (!errors.includes(l)) errors.push(l);
    }
  }
  return { file, shown, spec, sentinel, rulePath, errors, cases: errors.length > 0 ? [] : cases };
}

export function runPrepared(p: PreparedFile, options: RunCaseOptions): CaseOutcome[] {
  const out: CaseOutcome[] = [];
  for (const { c, nowTicks, db } of p.cases) {
    const started = performance.now();
    const { failures, result } = runCase(p, c, db, nowTicks, options);
    const failure: string[] = [];
    for (const f of failures) for (const l of f) failure.push(l);
    out.push({
      name: c.name,
      line: c.pos.line,
      passed: failures.length === 0,
      failure,
      ms: performance.now() - started,
      spec: c,
      result: options.keepResults ? result : undefined,
    });
    if (options.stopAtFirstFailure && failures.length > 0) break;
  }
  return out;
}

/** The query a case runs: the rule (or the case's own query, or a mutant's text) with the `append` filters spliced in. */
export function composeCaseQuery(p: PreparedFile, c: CaseSpec, ruleText?: string): ComposedQuery {
  const spec = p.spec!;
  const base = loadRule(c.query ?? spec.rule);
  const rule = ruleText !== undefined && !c.query ? { ...base, text: ruleText } : base;
  return composeQuery(rule, [...(c.query ? [] : spec.append ? [spec.append] : []), ...(c.append ? [c.append] : [])]);
}

function runCase(
  p: PreparedFile,
  c: CaseSpec,
  db: ReturnType<typeof buildCaseDatabase>,
  nowTicks: bigint,
  options: RunCaseOptions,
): { failures: string[][]; result?: QueryResult } {
  const paint = options.paint;
  let query: ComposedQuery;
  try {
    query = composeCaseQuery(p, c, options.ruleText);
  } catch (err) {
    return { failures: [[(err as Error).message]] };
  }
  let result: QueryResult;
  try {
    result = db.query(query.text, { now: formatDatetime(nowTicks) });
  } catch (err) {
    if (err instanceof KqlError) {
      return { failures: [['the query failed:', ...err.diagnostics.flatMap((d) => formatComposedDiagnostic(d, query, paint !== noPaint, displayPath).split('\n'))]] };
    }
    throw err;
  }
  return { failures: checkCaseResult(p, c, result, nowTicks, paint), result };
}

/**
 * A case's expectations against a result (kqlite's own, or another engine's: `kqlite test --target`). A Sentinel
 * rule "fires" when it raises an alert: its trigger decides, not "at least one row".
 */
export function checkCaseResult(p: PreparedFile, c: CaseSpec, result: QueryResult, nowTicks: bigint, paint: Paint): string[][] {
  const e = c.expect;
  const label = (r: RowSpec) => `${p.shown}:${r.pos.line}`;
  const sentinelFires = p.sentinel && !c.query && e.fires !== undefined ? e.fires : undefined;
  const failures: string[][] = [];
  if (sentinelFires !== undefined && ruleFires(p.sentinel!, result.rowCount) !== sentinelFires) {
    failures.push([`expected the rule ${sentinelFires ? 'to' : 'not to'} raise an alert, but ${describeTrigger(p.sentinel!)} and it returned ${result.rowCount}`]);
  }
  try {
    failures.push(
      ...checkResult(
        result,
        {
          fires: sentinelFires !== undefined ? undefined : e.fires,
          count: e.count,
          columns: e.columns,
          rows: e.rows?.map((r) => r.values),
          rowLabels: e.rows?.map(label),
          contains: e.contains?.map((r) => r.values),
          containsLabels: e.contains?.map(label),
          ordered: e.ordered,
        },
        { nowTicks, paint },
      ),
    );
  } catch (err) {
    if (err instanceof ExpectationError) {
      const rows = err.list === 'contains' ? e.contains : e.rows;
      const row = err.row >= 0 ? rows?.[err.row] : undefined;
      const at = err.column === undefined ? undefined : err.onKey ? row?.keyPos.get(err.column) : row?.valuePos.get(err.column);
      const pos: Pos = row ? (at ?? row.pos) : (e.orderedPos ?? e.pos);
      return [[`${p.shown}:${pos.line}:${pos.col}: error in the expectation: ${err.message}`]];
    }
    throw err;
  }
  return failures;
}
