// `kqlite explain`: a rule's steps in the order they run, as written, with what each does to the columns and the
// instants now()/ago() stand for (src/explain-steps.ts); `--plan` prints the engine's plan tree instead.

import type { Command } from 'commander';
import { KqlError } from '../../diagnostics.js';
import { addDataOptions, openData, type DataOptions } from '../data-options.js';
import { formatAll, type CommandState, type Io } from '../io.js';
import { ruleFromArgs } from '../rule-args.js';

interface ExplainOptions extends DataOptions {
  query?: string;
  block?: string;
  plan?: boolean;
}

export function registerExplain(program: Command, io: Io, state: CommandState): void {
  const cmd = program
    .command('explain')
    .description('explain a rule: its steps in order, the columns each adds or removes, the instants ago()/now() stand for')
    .argument('[file]', 'a .kql, rule .yaml or .md file, or -')
    .option('-q, --query <text>', 'the query text itself');
  // The data options say which tables exist and with which columns (--data, --schemas) and what now() is (--now).
  addDataOptions(cmd)
    .option('--block <n>', 'which ```kql block of a Markdown file')
    .option('--plan', "the engine's plan tree instead: one line per plan node with its full output schema")
    .addHelpText(
      'after',
      '\nExamples:\n  kqlite explain examples/rules/link-target-t1608-005.kql\n  kqlite explain --query "EmailEvents | summarize count() by SenderFromDomain"\n  kqlite explain rule.kql --schemas ./schemas --data ./export\n  kqlite explain rule.kql --plan',
    )
    .action((file: string | undefined, opts: ExplainOptions) => {
      const rule = ruleFromArgs(file, opts, io);
      const { db, now } = openData(opts, io);
      try {
        const options = { now, fileName: rule.file };
        io.out((opts.plan ? db.explain(rule.text, options) : db.explainSteps(rule.text, options)) + '\n');
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
