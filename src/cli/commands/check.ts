// `kqlite check`: parse and bind rules without running them — a linter for a folder of rules.

import type { Command } from 'commander';
import { Database } from '../../database.js';
import { readRuleFile, RuleFileError, type RuleText } from '../../node/rule-file.js';
import { formatAll, UsageError, type CommandState, type Io } from '../io.js';
import { collectRuleFiles } from '../rule-args.js';

export function registerCheck(program: Command, io: Io, state: CommandState): void {
  program
    .command('check')
    .description('parse and bind rules without running them (a linter for a folder of rules)')
    .argument('<paths...>', '.kql, rule .yaml or .md files, or folders of them')
    .addHelpText('after', '\nExamples:\n  kqlite check examples/rules\n  kqlite check my-rule.kql other.yaml')
    .action((paths: string[]) => {
      const files = paths.flatMap((p) => collectRuleFiles(p));
      if (files.length === 0) throw new UsageError('no rule files found');
      const db = new Database();
      let errors = 0;
      for (const f of files) {
        let rule: RuleText;
        try {
          rule = readRuleFile(f);
        } catch (err) {
          if (err instanceof RuleFileError) {
            io.err(`${err.message}\n`);
            errors++;
            continue;
          }
          throw err;
        }
        const { diagnostics } = db.plan(rule.text);
        const bad = diagnostics.filter((d) => d.severity === 'error');
        if (bad.length > 0) {
          errors++;
          io.err(formatAll(bad, rule, io) + '\n');
        } else io.out(`${f}: ok\n`);
      }
      io.err(`${files.length - errors} of ${files.length} rule file(s) ok\n`);
      if (errors > 0) state.exitCode = 1;
    });
}
