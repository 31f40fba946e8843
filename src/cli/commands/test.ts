// `kqlite test`: rule tests (*.test.yaml), see src/node/rule-test.ts for the format. Also --reporter, --update,
// --mutate, --watch, --init and --changed-since (each implemented under src/node).

import type { Command } from 'commander';
import { reporters, runRuleTests, type Reporter } from '../../node/rule-test.js';
import { UsageError, useColor, type CommandState, type Io } from '../io.js';

interface TestOptions {
  reporter?: string;
  out?: string;
  update?: boolean;
}

export function registerTest(program: Command, io: Io, state: CommandState): void {
  program
    .command('test')
    .description('run rule tests: *.test.yaml files holding a rule, sample rows and the expected result')
    .argument('[paths...]', 'test files or folders to search (default: the current folder)')
    .option('--reporter <name>', `console | junit | json (junit/json go to standard output, or --out FILE)`, 'console')
    .option('-o, --out <file>', 'write the --reporter report to this file (the console lines stay on standard output)')
    .option('--update', 'write the actual results into the failing cases\' expectations (refused when CI is set)')
    .addHelpText(
      'after',
      '\nExamples:\n  kqlite test examples/tests\n  kqlite test my-rule.test.yaml\n  kqlite test rules/ --reporter junit --out junit.xml',
    )
    .action((paths: string[], opts: TestOptions) => {
      const reporter = String(opts.reporter ?? 'console');
      if (!(reporters as readonly string[]).includes(reporter)) throw new UsageError(`unknown --reporter '${reporter}' (console, junit or json)`);
      if (opts.update && process.env.CI) {
        throw new UsageError('--update rewrites test files and never runs on CI (the CI environment variable is set); run it locally and commit the diff');
      }
      state.exitCode = runRuleTests(paths.length > 0 ? paths : ['.'], { out: io.out, err: io.err, color: useColor(io) }, {
        reporter: reporter as Reporter,
        reportFile: opts.out,
        update: Boolean(opts.update),
      });
    });
}
