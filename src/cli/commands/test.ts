// `kqlite test`: rule tests (*.test.yaml), see src/node/rule-test.ts for the format.

import type { Command } from 'commander';
import { runRuleTests } from '../../node/rule-test.js';
import { useColor, type CommandState, type Io } from '../io.js';

export function registerTest(program: Command, io: Io, state: CommandState): void {
  program
    .command('test')
    .description('run rule tests: *.test.yaml files holding a rule, sample rows and the expected result')
    .argument('[paths...]', 'test files or folders to search (default: the current folder)')
    .addHelpText('after', '\nExamples:\n  kqlite test examples/tests\n  kqlite test my-rule.test.yaml')
    .action((paths: string[]) => {
      state.exitCode = runRuleTests(paths.length > 0 ? paths : ['.'], {
        out: io.out,
        err: io.err,
        color: useColor(io),
      });
    });
}
