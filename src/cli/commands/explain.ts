// `kqlite explain`: the bound plan of a rule, with the output schema of every step.

import type { Command } from 'commander';
import { KqlError } from '../../diagnostics.js';
import { addDataOptions, openData, type DataOptions } from '../data-options.js';
import { formatAll, type CommandState, type Io } from '../io.js';
import { ruleFromArgs } from '../rule-args.js';

interface ExplainOptions extends DataOptions {
  query?: string;
  block?: string;
}

export function registerExplain(program: Command, io: Io, state: CommandState): void {
  const cmd = program
    .command('explain')
    .description('print the bound plan of a rule, with the output schema of every step')
    .argument('[file]', 'a .kql, rule .yaml or .md file, or -')
    .option('-q, --query <text>', 'the query text itself');
  // The data options say which tables exist and with which columns (--data, --schemas) and what now() is (--now).
  addDataOptions(cmd)
    .option('--block <n>', 'which ```kql block of a Markdown file')
    .addHelpText(
      'after',
      '\nExamples:\n  kqlite explain examples/rules/link-target-t1608-005.kql\n  kqlite explain --query "EmailEvents | summarize count() by SenderFromDomain"\n  kqlite explain rule.kql --schemas ./schemas --data ./export',
    )
    .action((file: string | undefined, opts: ExplainOptions) => {
      const rule = ruleFromArgs(file, opts, io);
      const { db, now } = openData(opts, io);
      try {
        io.out(db.explain(rule.text, { now, fileName: rule.file }) + '\n');
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
