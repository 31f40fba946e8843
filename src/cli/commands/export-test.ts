// `kqlite export-test TEST.yaml [--out FILE]`: each case of a rule test as one self-contained KQL script (its now,
// its rows as datatable lets, the rule), to paste into the Azure Data Explorer web UI or Kusto Explorer.

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportTestFile, exportText } from '../../node/kusto-client/export-test.js';
import { UsageError, type CommandState, type Io } from '../io.js';

export function registerExportTest(program: Command, io: Io, state: CommandState): void {
  program
    .command('export-test')
    .description('write the cases of a rule test as self-contained KQL scripts (datatable rows + rule) for a Kusto UI')
    .argument('<test.yaml>', 'a *.test.yaml rule test file')
    .option('-o, --out <file>', 'write the scripts to this file (default: standard output)')
    .addHelpText(
      'after',
      '\nEach case becomes one block (no empty line inside, one between cases): put the cursor in it and run it.\n\nExamples:\n  kqlite export-test examples/tests/safelinks-url-block-trigger.test.yaml\n  kqlite export-test my-rule.test.yaml --out my-rule.cases.kql',
    )
    .action((file: string, opts: { out?: string }) => {
      const exported = exportTestFile(file);
      for (const e of exported.errors) io.err(e + '\n');
      if (exported.cases.length === 0) {
        state.exitCode = 1;
        return;
      }
      const text = exportText(exported);
      if (opts.out) {
        try {
          writeFileSync(String(opts.out), text);
        } catch (err) {
          throw new UsageError(`cannot write ${String(opts.out)}: ${(err as Error).message}`);
        }
        io.err(`wrote ${exported.cases.length} case script(s) to ${String(opts.out)}\n`);
      } else io.out(text);
      if (exported.errors.length > 0) state.exitCode = 1;
    });
}
