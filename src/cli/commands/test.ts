// `kqlite test`: rule tests (*.test.yaml), see src/node/rule-test.ts for the format. Also --reporter, --update,
// --mutate, --watch, --init and --changed-since (each implemented under src/node).

import type { Command } from 'commander';
import { mutateRule } from '../../node/mutate/run-mutation.js';
import { reporters, runRuleTests, type Reporter } from '../../node/rule-test.js';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { changedSince } from '../../node/lint/rule-tree.js';
import { findTestFiles } from '../../node/rule-test.js';
import { initTestFile } from '../../node/rule-test/init.js';
import { readTestFile } from '../../node/rule-test/test-file.js';
import { watchRuleTests } from '../../node/rule-test/watch.js';
import { AUTH_METHODS, type AuthMethod } from '../../node/kusto-client/connect.js';
import { runTargetTests } from '../../node/kusto-client/run-target.js';
import { loadSchemaFolder, type SchemaSet } from '../../node/schemas.js';
import { UsageError, useColor, type CommandState, type Io } from '../io.js';

interface TestOptions {
  reporter?: string;
  out?: string;
  update?: boolean;
  mutate?: string;
  minScore?: string;
  verbose?: boolean;
  watch?: boolean;
  init?: string;
  from?: string;
  table?: string;
  now?: string;
  changedSince?: string;
  target?: string;
  database?: string;
  auth?: string;
  schemas?: string;
}

export function registerTest(program: Command, io: Io, state: CommandState): void {
  program
    .command('test')
    .description('run rule tests: *.test.yaml files holding a rule, sample rows and the expected result')
    .argument('[paths...]', 'test files or folders to search (default: the current folder)')
    .option('--reporter <name>', `console | junit | json (junit/json go to standard output, or --out FILE)`, 'console')
    .option('-o, --out <file>', 'write the --reporter report to this file (the console lines stay on standard output)')
    .option('--update', 'write the actual results into the failing cases\' expectations (refused when CI is set)')
    .option('--mutate <rule>', 'mutation testing: run the tests of this rule against each mutant of it, report survivors')
    .option('--min-score <n>', 'with --mutate: exit 1 when the mutation score (%) is below n')
    .option('--verbose', 'with --mutate: list killed and invalid mutants too')
    .option('--watch', 'run again whenever a test file, its rule or its data changes')
    .option('--init <rule>', 'write a starter <rule>.test.yaml for a rule (the tables it reads, one case)')
    .option('--from <export.csv>', 'with --init: rows exported from Advanced Hunting / Log Analytics as the case data')
    .option('--table <name>', 'with --init --from: the table the export holds (default: the one table the rule reads)')
    .option('--now <iso>', 'with --init: the now of the starter file')
    .option('--schemas <dir>', 'folder of table schemas (Azure-Sentinel CustomTables *.json or <Table>.schema.json) for tables the catalogue lacks')
    .option('--changed-since <ref>', 'only the test files that changed since this git ref, or whose rule or data did')
    .option('--target <cluster-uri>', 'run every case on this Kusto endpoint (rows sent as datatables) and compare with the expectation and with kqlite')
    .option('--database <db>', 'with --target: the database to run in (default: the URI path, else NetDefaultDB)')
    .option('--auth <method>', `with --target: ${AUTH_METHODS.join(' | ')} (default: from the environment; see README)`)
    .addHelpText(
      'after',
      '\nExamples:\n  kqlite test examples/tests\n  kqlite test my-rule.test.yaml\n  kqlite test rules/ --reporter junit --out junit.xml\n  kqlite test --mutate examples/rules/safelinks-url-block-trigger.kql examples/tests --min-score 100\n  kqlite test examples/tests --target https://mycluster.westeurope.kusto.windows.net --database MyDatabase',
    )
    .action(async (paths: string[], opts: TestOptions) => {
      const reporter = String(opts.reporter ?? 'console');
      if (!(reporters as readonly string[]).includes(reporter)) throw new UsageError(`unknown --reporter '${reporter}' (console, junit or json)`);
      if (opts.update && process.env.CI) {
        throw new UsageError('--update rewrites test files and never runs on CI (the CI environment variable is set); run it locally and commit the diff');
      }
      const testIo = { out: io.out, err: io.err, color: useColor(io) };
      if (opts.init) {
        try {
          const { file } = initTestFile(String(opts.init), { from: opts.from, table: opts.table, now: opts.now, out: opts.out });
          io.out(`wrote ${file}\n`);
        } catch (err) {
          io.err(`kqlite test --init: ${(err as Error).message}\n`);
          state.exitCode = 1;
        }
        return;
      }
      if (opts.watch) {
        state.exitCode = await watchRuleTests(paths.length > 0 ? paths : ['.'], testIo);
        return;
      }
      if ((opts.database || opts.auth) && !opts.target) throw new UsageError('--database and --auth go with --target <cluster-uri>');
      if (opts.target) {
        if (opts.auth && !(AUTH_METHODS as readonly string[]).includes(opts.auth)) throw new UsageError(`unknown --auth '${opts.auth}' (${AUTH_METHODS.join(', ')})`);
        if (opts.update || opts.mutate || opts.watch || reporter !== 'console') throw new UsageError('--target runs the cases and reports on the console; it does not combine with --update, --mutate, --watch or --reporter');
        state.exitCode = await runTargetTests(paths.length > 0 ? paths : ['.'], testIo, { target: String(opts.target), database: opts.database, auth: opts.auth as AuthMethod | undefined });
        return;
      }
      if (opts.minScore !== undefined && !opts.mutate) throw new UsageError('--min-score goes with --mutate RULE');
      if (opts.mutate) {
        const min = opts.minScore === undefined ? undefined : Number(opts.minScore);
        if (min !== undefined && !(min >= 0 && min <= 100)) throw new UsageError(`--min-score takes a percentage from 0 to 100, got '${opts.minScore}'`);
        state.exitCode = mutateRule(String(opts.mutate), paths, testIo, { minScore: min, verbose: opts.verbose });
        return;
      }
      if (opts.changedSince) {
        paths = changedTests(paths.length > 0 ? paths : ['.'], String(opts.changedSince));
        if (paths.length === 0) {
          io.out('no rule test is affected by the changes\n0 passed, 0 failed\n');
          return;
        }
      }
      state.exitCode = runRuleTests(paths.length > 0 ? paths : ['.'], { out: io.out, err: io.err, color: useColor(io) }, {
        reporter: reporter as Reporter,
        reportFile: opts.out,
        update: Boolean(opts.update),
        schemas: declaredSchemas(opts.schemas),
      });
    });
}

/** Test files affected by the changes since `ref`: the test file itself, its rule file, or a file of its data folder. */
function changedTests(paths: string[], ref: string): string[] {
  let changed: Set<string>;
  try {
    changed = changedSince(ref);
  } catch (err) {
    throw new UsageError(`--changed-since ${ref}: git failed: ${((err as { stderr?: string }).stderr || (err as Error).message).trim()}`);
  }
  const touched = (p: string) => changed.has(resolve(p)) || [...changed].some((c) => c.startsWith(resolve(p) + sep));
  return findTestFiles(paths).filter((f) => {
    if (touched(f)) return true;
    try {
      const spec = readTestFile(f);
      return (spec.rule.kind === 'file' && touched(spec.rule.path)) || (spec.from.kind === 'folder' && touched(spec.from.dir));
    } catch {
      return true; // a broken test file is run, so its error shows
    }
  });
}

/** The --schemas folder's tables; a missing folder is a usage mistake (exit 2), a bad schema file a data error. */
function declaredSchemas(dir: string | undefined): SchemaSet | undefined {
  if (dir === undefined) return undefined;
  if (!existsSync(String(dir))) throw new UsageError(`no such schema folder: ${String(dir)}`);
  return loadSchemaFolder(String(dir));
}
