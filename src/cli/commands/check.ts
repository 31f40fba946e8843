// `kqlite check`: parse and bind rules without running them, check Sentinel rule YAML (fields, limits, the columns
// entity mappings / custom details / alert overrides name), and with --lint the linter's hints. Output for people,
// SARIF 2.1.0 or JSON. Exit 1 when any error is found (hints alone do not fail the check).

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkRuleFile, formatFinding, type Finding } from '../../node/lint/check-rules.js';
import { changedSince, collectRuleTree } from '../../node/lint/rule-tree.js';
import { toJson, toSarif } from '../../node/lint/sarif.js';
import { addDataOptions, openData, type DataOptions } from '../data-options.js';
import { formatAll, UsageError, type CommandState, type Io } from '../io.js';
import { kqliteVersion } from './version.js';

interface CheckCommandOptions extends DataOptions {
  format?: string;
  lint?: boolean;
  changedSince?: string;
}

const FORMATS = ['text', 'sarif', 'json'];

export function registerCheck(program: Command, io: Io, state: CommandState): void {
  const cmd = program
    .command('check')
    .description('parse and bind rules without running them; check Sentinel rule YAML; --lint for hints')
    .argument('<paths...>', '.kql, rule .yaml or .md files, or folders of them (an Azure-Sentinel-style tree)');
  addDataOptions(cmd)
    .option('--format <format>', 'text | sarif | json', 'text')
    .option('--lint', 'also report the linter hints (docs/lint.md)')
    .option('--changed-since <ref>', 'only the rule files changed since this git ref (and not yet committed)')
    .addHelpText(
      'after',
      '\nExamples:\n  kqlite check examples/rules\n  kqlite check --lint --format sarif Detections/ > kqlite.sarif\n  kqlite check --changed-since origin/main .',
    )
    .action((paths: string[], opts: CheckCommandOptions) => {
      const format = String(opts.format ?? 'text');
      if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${format}' (text, sarif or json)`);
      let tree;
      try {
        tree = collectRuleTree(paths);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      let files = tree.rules;
      if (opts.changedSince) {
        let changed: Set<string>;
        try {
          changed = changedSince(String(opts.changedSince));
        } catch (err) {
          throw new UsageError(`--changed-since ${String(opts.changedSince)}: git failed: ${((err as { stderr?: string }).stderr || (err as Error).message).trim()}`);
        }
        files = files.filter((f) => changed.has(resolve(f)));
      }
      if (files.length === 0 && !opts.changedSince) throw new UsageError('no rule files found');
      const { db, now } = openData(opts, io);
      for (const [name, columns] of tree.tables) {
        if (!db.tableNames().includes(name)) db.defineTable(name, columns.map((c) => ({ name: c.name, type: normalizeType(c.type) })));
      }
      const findings: Finding[] = [];
      let failedFiles = 0;
      for (const f of files) {
        const r = checkRuleFile(f, db, { lint: opts.lint, now, formatDiagnostic: (d, rule) => formatAll([d], rule, io) });
        findings.push(...r.findings);
        const errors = r.findings.filter((x) => x.level === 'error');
        if (errors.length > 0) failedFiles++;
        if (format === 'text') {
          for (const x of r.findings) (x.level === 'error' ? io.err : io.out)(formatFinding(x) + '\n');
          if (errors.length === 0) io.out(`${f}: ok${r.findings.length > 0 ? ` (${r.findings.length} hint${r.findings.length === 1 ? '' : 's'})` : ''}\n`);
        }
      }
      if (format === 'sarif') io.out(toSarif(findings, files, kqliteVersion()));
      else if (format === 'json') io.out(toJson(findings, files));
      io.err(`${files.length - failedFiles} of ${files.length} rule file(s) ok\n`);
      if (failedFiles > 0) state.exitCode = 1;
    });
}

/** Custom-table JSON uses Log Analytics type names (datetime, string, int, long, real, bool, dynamic, guid). */
function normalizeType(t: string): string {
  const m: Record<string, string> = { double: 'real', boolean: 'bool', int32: 'int', int64: 'long', uniqueidentifier: 'guid', object: 'dynamic' };
  return m[t] ?? t;
}
