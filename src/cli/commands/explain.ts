// `kqlite explain`: the bound plan of a rule, with the output schema of every step.

import type { Command } from 'commander';
import { Database } from '../../database.js';
import { KqlError } from '../../diagnostics.js';
import { formatAll, type CommandState, type Io } from '../io.js';
import { ruleFromArgs } from '../rule-args.js';

export function registerExplain(program: Command, io: Io, state: CommandState): void {
  program
    .command('explain')
    .description('print the bound plan of a rule, with the output schema of every step')
    .argument('[file]', 'a .kql, rule .yaml or .md file, or -')
    .option('-q, --query <text>', 'the query text itself')
    .option('--block <n>', 'which ```kql block of a Markdown file')
    .addHelpText(
      'after',
      '\nExamples:\n  kqlite explain examples/rules/link-target-t1608-005.kql\n  kqlite explain --query "EmailEvents | summarize count() by SenderFromDomain"',
    )
    .action((file: string | undefined, opts: { query?: string; block?: string }) => {
      const rule = ruleFromArgs(file, opts, io);
      const db = new Database();
      try {
        io.out(db.explain(rule.text) + '\n');
      } catch (err) {
        if (err instanceof KqlError) {
          io.err(formatAll(err.diagnostics, rule, io) + '\n');
          state.exitCode = 1;
          return;
        }
        throw err;
      }
    });
}
