// `kqlite test --mutate RULE`: run the rule's tests against every mutant of the rule and report the mutants no test
// kills, with their position: "no test fails when `| where Workload == 'Email'` is removed". Test files are
// prepared once (tables built once per case) and each mutant stops at its first failing case, so a single rule is
// fast enough for a pre-commit hook. A mutant that does not bind (a join kind that drops a projected column…) is
// not a behaviour a test could pin: it is counted as invalid, outside the score.

import { resolve } from 'node:path';
import { lineCol } from '../../index.js';
import { noPaint, ansiPaint } from '../../testing/compare-rows.js';
import type { LoadedDataset } from '../load-data.js';
import { readRuleFile } from '../rule-file.js';
import { bundledDatasetDir, findTestFiles, type RuleTestIo } from '../rule-test.js';
import { displayPath, prepareTestFile, runPrepared, type PreparedFile } from '../rule-test/run-file.js';
import { applyMutant, generateMutants, type Mutant } from './mutants.js';

export interface MutationOptions {
  /** Exit 1 when the score (killed / (killed + survived), in %) is below this. */
  readonly minScore?: number;
  /** Also list killed and invalid mutants. */
  readonly verbose?: boolean;
}

export interface MutationSummary {
  readonly total: number;
  readonly killed: number;
  readonly survived: readonly { mutant: Mutant; line: number; column: number }[];
  readonly invalid: number;
  readonly equivalent: number;
  readonly score: number;
}

export function mutateRule(rulePath: string, testPaths: readonly string[], io: RuleTestIo, options: MutationOptions = {}): number {
  const paint = io.color ? ansiPaint() : noPaint;
  const target = resolve(rulePath);
  let rule;
  try {
    rule = readRuleFile(rulePath);
  } catch (err) {
    io.err(`kqlite test --mutate: ${(err as Error).message}\n`);
    return 1;
  }
  let files: string[];
  try {
    files = findTestFiles(testPaths.length > 0 ? testPaths : ['.']);
  } catch (err) {
    io.err(`kqlite test --mutate: ${(err as Error).message}\n`);
    return 1;
  }
  const datasets = new Map<string, LoadedDataset>();
  const prepared: PreparedFile[] = [];
  for (const f of files) {
    const p = prepareTestFile(f, datasets, bundledDatasetDir);
    if (p.rulePath !== target) continue;
    if (p.errors.length > 0) {
      for (const e of p.errors) io.err(e + '\n');
      io.err(`kqlite test --mutate: fix ${p.shown} first: mutation testing needs the tests to pass\n`);
      return 1;
    }
    prepared.push(p);
  }
  const shownRule = displayPath(rulePath);
  if (prepared.length === 0) {
    io.err(`kqlite test --mutate: no test file under ${testPaths.join(', ') || '.'} has 'rule: ${shownRule}'\n`);
    return 1;
  }
  // The unmutated rule must pass: a failing suite kills every mutant and says nothing.
  for (const p of prepared) {
    const failing = runPrepared(p, { paint: noPaint }).filter((c) => !c.passed);
    if (failing.length > 0) {
      io.err(`kqlite test --mutate: ${p.shown} fails on the rule as written (${failing.map((c) => `'${c.name}'`).join(', ')}); run kqlite test first\n`);
      return 1;
    }
  }
  const caseCount = prepared.reduce((n, p) => n + p.cases.length, 0);
  const mutants = generateMutants(rule.text);
  io.out(`mutation testing ${shownRule}: ${mutants.length} mutants, ${prepared.length} test file(s), ${caseCount} case(s)\n`);
  const probe = prepared[0]!.cases[0]?.db;
  const declared = prepared.flatMap((p) => p.spec?.equivalentMutants.map((e) => ({ ...e, file: p.shown })) ?? []);
  const used = new Set<(typeof declared)[number]>();
  let equivalent = 0;
  const started = Date.now();
  let killed = 0;
  let invalid = 0;
  const survived: MutationSummary['survived'][number][] = [];
  for (const m of mutants) {
    const text = applyMutant(rule.text, m);
    const pos = lineCol(rule.text, m.span.start);
    const where = `${shownRule}:${pos.line + rule.lineOffset}:${pos.column + rule.columnOffset}`;
    const eq = declared.find((e) => e.at === `${pos.line + rule.lineOffset}:${pos.column + rule.columnOffset}` && e.mutant === m.description);
    if (eq) {
      used.add(eq);
      equivalent++;
      if (options.verbose) io.out(`  ${paint.dim('EQUIVALENT')} ${where} ${m.description} (${eq.why})\n`);
      continue;
    }
    if (probe && probe.plan(text).diagnostics.some((d) => d.severity === 'error')) {
      invalid++;
      if (options.verbose) io.out(`  ${paint.dim('INVALID')}  ${where} ${m.description} (does not bind)\n`);
      continue;
    }
    const killer = prepared.find((p) => runPrepared(p, { paint: noPaint, ruleText: text, stopAtFirstFailure: true }).some((c) => !c.passed));
    if (killer) {
      killed++;
      if (options.verbose) io.out(`  ${paint.green('KILLED')}   ${where} ${m.description} (by ${killer.shown})\n`);
    } else {
      survived.push({ mutant: m, line: pos.line + rule.lineOffset, column: pos.column + rule.columnOffset });
      io.out(`  ${paint.red('SURVIVED')} ${where} no test fails when ${m.description}\n`);
    }
  }
  for (const e of declared) {
    if (!used.has(e)) io.err(`${e.file}:${e.pos.line}:${e.pos.col}: warning: equivalent mutant '${e.mutant}' at ${e.at} is not a mutant of ${shownRule} any more; remove it\n`);
  }
  const viable = killed + survived.length;
  const score = viable === 0 ? 100 : Math.floor((killed * 100) / viable);
  const line = `${mutants.length} mutants: ${killed} killed, ${survived.length} survived, ${invalid} invalid, ${equivalent} equivalent — mutation score ${score}% (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  io.out(`${survived.length > 0 ? paint.yellow(line) : paint.green(line)}\n`);
  if (options.minScore !== undefined && score < options.minScore) {
    io.err(`kqlite test --mutate: mutation score ${score}% is below --min-score ${options.minScore}\n`);
    return 1;
  }
  return 0;
}
