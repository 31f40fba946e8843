// `kqlite test --target <cluster-uri>`: every rule test case runs on a real Kusto endpoint as its self-contained
// script (datatable-script.ts: the case's rows as `let T = datatable(...)`, now pinned by `set query_now` and the
// query_now request property), and the answer is checked twice:
// - against the case's expectations (the same checks as `kqlite test`), and
// - against kqlite's own answer for the case: a difference is a kqlite fidelity bug, printed as a report ready to
//   file (query, data, both answers).
// A case passes only when the cluster meets the expectations and agrees with kqlite.

import { randomUUID } from 'node:crypto';
import { KqlError } from '../../diagnostics.js';
import { QueryResult } from '../../result.js';
import { ansiPaint, noPaint, type Paint } from '../../testing/compare-rows.js';
import { dynamicToPlain, jsonCell, stringifyJson } from '../../tables/format.js';
import { tableFromRows } from '../../tables/from-rows.js';
import { formatDatetime } from '../../values/datetime.js';
import { TYPE_ALIASES, type Dynamic, type ScalarType } from '../../values/types.js';
import type { LoadedDataset } from '../load-data.js';
import { findTestFiles, type RuleTestIo } from '../rule-test.js';
import { checkCaseResult, composeCaseQuery } from '../rule-test/run-file.js';
import { connectTarget, targetErrorMessage, TargetError, type AuthMethod, type KustoClientKit, type KustoResultTableLike } from './connect.js';
import { exportTestFile, pasteable, type ExportedCase } from './export-test.js';

export interface TargetOptions {
  readonly target: string;
  /** The database the scripts run in (they need none of its tables). Default: the URI's path, else NetDefaultDB. */
  readonly database?: string;
  readonly auth?: AuthMethod;
}

type Answer = { ok: true; result: QueryResult } | { ok: false; error: string };

export async function runTargetTests(paths: readonly string[], io: RuleTestIo, options: TargetOptions): Promise<number> {
  const paint: Paint = io.color ? ansiPaint() : noPaint;
  let files: string[];
  try {
    files = findTestFiles(paths.length > 0 ? paths : ['.']);
  } catch (err) {
    io.err(`kqlite test: ${(err as Error).message}\n`);
    return 1;
  }
  if (files.length === 0) {
    io.err(`kqlite test: no *.test.yaml files found under ${paths.join(', ') || '.'}\n`);
    io.out('0 passed, 0 failed\n');
    return 1;
  }
  let kit: KustoClientKit;
  try {
    kit = await connectTarget(options.target, options.auth, (line) => io.err(`kqlite test: ${line}\n`));
  } catch (err) {
    if (err instanceof TargetError) {
      io.err(`kqlite test: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const database = options.database ?? (decodeURIComponent(new URL(options.target).pathname.replace(/^\/+|\/+$/g, '')) || 'NetDefaultDB');
  io.out(`running on ${options.target} (database ${database}, auth ${kit.auth})\n`);
  const datasets = new Map<string, LoadedDataset>();
  const reports: string[] = [];
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const exported = exportTestFile(file, datasets);
      io.out(`${exported.prepared.shown}\n`);
      for (const e of exported.errors) io.err(paint.red(e) + '\n');
      if (exported.cases.length === 0 || exported.prepared.errors.length > 0) {
        io.out(paint.red(`  FAIL ${exported.prepared.shown} could not be prepared (see above)`) + '\n');
        failed++;
        continue;
      }
      failed += exported.errors.length;
      for (const c of exported.cases) {
        const cluster = await runOnTarget(kit, database, c);
        const local = runLocally(exported.prepared, c);
        const lines: string[] = [];
        if (!cluster.ok) lines.push(`the cluster refused the query: ${cluster.error}`);
        else for (const f of checkCaseResult(exported.prepared, c.spec, cluster.result, c.nowTicks, paint)) lines.push(...f);
        const differences = compareAnswers(local, cluster);
        if (lines.length === 0 && differences.length === 0) {
          io.out(`  ${paint.green('PASS')} ${c.name}\n`);
          passed++;
          continue;
        }
        failed++;
        io.out(`  ${paint.red('FAIL')} ${c.name}  ${paint.dim(`(${exported.prepared.shown}:${c.line})`)}\n`);
        for (const l of lines) io.out(`      cluster: ${l}\n`);
        if (differences.length > 0) {
          io.out(`      ${paint.yellow('kqlite and the cluster disagree')} (a kqlite fidelity bug; report below):\n`);
          for (const d of differences) io.out(`        ${d}\n`);
          reports.push(bugReport(options.target, exported.prepared.shown, c, local, cluster, differences));
        }
      }
    }
  } finally {
    kit.client.close();
  }
  if (reports.length > 0) {
    io.out(`\n${reports.length} fidelity bug report(s), ready to file:\n`);
    for (const r of reports) io.out(`\n----- 8< -----\n${r}\n----- >8 -----\n`);
  }
  const summary = `${passed} passed, ${failed} failed`;
  io.out(`\n${failed > 0 ? paint.red(summary) : paint.green(summary)}\n`);
  return failed > 0 ? 1 : 0;
}

async function runOnTarget(kit: KustoClientKit, database: string, c: ExportedCase): Promise<Answer> {
  const props = kit.newProperties();
  // now pinned twice: the documented request property, and the set statement at the head of the script.
  props.setOption('query_now', formatDatetime(c.nowTicks));
  props.clientRequestId = `kqlite.test;${randomUUID()}`;
  try {
    const response = await kit.client.execute(database, c.script.text, props);
    const table = response.primaryResults[0];
    if (!table) return { ok: false, error: 'the response has no primary result table' };
    return { ok: true, result: resultFromClient(table) };
  } catch (err) {
    return { ok: false, error: targetErrorMessage(err) };
  }
}

/** kqlite's own answer for the case: the case's query over the case's tables, as `kqlite test` runs it. */
function runLocally(prepared: ReturnType<typeof exportTestFile>['prepared'], c: ExportedCase): Answer {
  try {
    const q = composeCaseQuery(prepared, c.spec);
    return { ok: true, result: c.db.query(q.text, { now: formatDatetime(c.nowTicks) }) };
  } catch (err) {
    if (err instanceof KqlError) return { ok: false, error: err.message };
    return { ok: false, error: (err as Error).message };
  }
}

/** The client's table (raw JSON values and Kusto type names) as a kqlite QueryResult, so the same checks apply. */
export function resultFromClient(table: KustoResultTableLike): QueryResult {
  const schema = table.columns.map((c, i) => ({ name: c.name ?? `Column${i + 1}`, type: clientType(c.type) }));
  const rows: Record<string, unknown>[] = [];
  for (const row of table.rows()) {
    const o: Record<string, unknown> = {};
    schema.forEach((c, i) => {
      const v = row.raw[i];
      o[c.name] = c.type === 'long' && typeof v === 'number' && !Number.isSafeInteger(v) ? BigInt(v) : c.type === 'dynamic' ? dynamicCell(v) : v;
    });
    rows.push(o);
  }
  return new QueryResult(tableFromRows(schema, rows), undefined);
}

/** A dynamic cell as a Dynamic (strings stay strings: JSON text is not re-parsed). */
function dynamicCell(v: unknown): Dynamic {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return Object.freeze(v.map(dynamicCell));
  const out: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = dynamicCell(x);
  return Object.freeze(out);
}

function clientType(t: string | null): ScalarType {
  const name = (t ?? 'string').toLowerCase();
  // [U] decimal (which kqlite refuses) is compared as real.
  if (name === 'decimal') return 'real';
  return TYPE_ALIASES[name] ?? 'string';
}

/** Differences between kqlite's answer and the cluster's: outcome, columns (names, types), rows as a multiset. */
export function compareAnswers(local: Answer, cluster: Answer): string[] {
  if (!local.ok && !cluster.ok) return [];
  if (!local.ok) return [`kqlite failed (${local.error}) but the cluster answered ${cluster.ok ? cluster.result.rowCount : 0} row(s)`];
  if (!cluster.ok) return [`the cluster failed (${cluster.error}) but kqlite answered ${local.result.rowCount} row(s)`];
  const out: string[] = [];
  const cols = (r: QueryResult) => r.columns.map((c) => `${c.name}:${c.type}`).join(', ');
  if (cols(local.result) !== cols(cluster.result)) out.push(`columns: kqlite (${cols(local.result)}) vs cluster (${cols(cluster.result)})`);
  const a = canonicalRows(local.result);
  const b = canonicalRows(cluster.result);
  const onlyLocal = multisetMinus(a, b);
  const onlyCluster = multisetMinus(b, a);
  if (onlyLocal.length > 0 || onlyCluster.length > 0) {
    out.push(`rows: kqlite ${a.length}, cluster ${b.length}; ${onlyLocal.length} only in kqlite's answer, ${onlyCluster.length} only in the cluster's`);
    for (const r of onlyLocal.slice(0, 5)) out.push(`  - kqlite only:  ${r}`);
    for (const r of onlyCluster.slice(0, 5)) out.push(`  + cluster only: ${r}`);
  }
  return out;
}

/** Rows as canonical text: reals to 12 significant digits [U], bags with sorted keys (engines may order them apart). */
function canonicalRows(r: QueryResult): string[] {
  return r.rows().map((row) =>
    stringifyJson(
      row.map((v, j) => {
        const type = r.columns[j]!.type;
        if (v === null) return null;
        if (type === 'real') return typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(12)) : jsonCell(v, type);
        if (type === 'dynamic') return sortKeys(dynamicToPlain(v as Dynamic));
        return jsonCell(v, type);
      }),
    ),
  );
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  if (typeof v === 'number' && !Number.isInteger(v)) return Number(v.toPrecision(12));
  return v;
}

function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = counts.get(x) ?? 0;
    if (n > 0) counts.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

function answerText(a: Answer): string {
  if (!a.ok) return `error: ${a.error}`;
  const r = a.result;
  const lines = [`${r.rowCount} row(s); columns: ${r.columns.map((c) => `${c.name}:${c.type}`).join(', ')}`];
  const json = r.toJSON().rows;
  for (const row of json.slice(0, 20)) lines.push(stringifyJson(row));
  if (json.length > 20) lines.push(`… and ${json.length - 20} more`);
  return lines.join('\n');
}

/** A Markdown issue body: what ran, on what, and both answers. */
function bugReport(target: string, shown: string, c: ExportedCase, local: Answer, cluster: Answer, differences: readonly string[]): string {
  return [
    `### kqlite and Kusto disagree: ${shown} — ${c.name}`,
    '',
    `Found by \`kqlite test --target\` against ${new URL(target).host}. The script below is self-contained (the case's rows as datatables, now pinned); run it on any cluster to see Kusto's answer.`,
    '',
    '```kql',
    pasteable(c.script.text).trimEnd(),
    '```',
    '',
    'Kusto answered:',
    '```',
    answerText(cluster),
    '```',
    '',
    'kqlite answered:',
    '```',
    answerText(local),
    '```',
    '',
    'Differences:',
    ...differences.map((d) => `- ${d.trim()}`),
  ].join('\n');
}
