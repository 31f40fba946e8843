// Where a command's rule text comes from: a file (.kql, rule YAML, Markdown), standard input or --query; and the
// rule files under a folder.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { readRuleFile, type RuleText } from '../node/rule-file.js';
import { UsageError, type Io } from './io.js';

export function ruleFromArgs(file: string | undefined, opts: { query?: string; block?: string }, io: Io): RuleText {
  if (opts.query !== undefined) return { file: 'query', text: opts.query, lineOffset: 0, columnOffset: 0 };
  if (!file) throw new UsageError('give a rule FILE, - for standard input, or --query TEXT');
  const block = opts.block !== undefined ? Number(opts.block) : undefined;
  if (block !== undefined && (!Number.isInteger(block) || block < 1)) throw new UsageError('--block takes a positive number');
  if (file === '-') return readRuleFile('stdin.kql', { stdinText: io.stdin() });
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return readRuleFile(file, { block });
}

/** Rule files under a path: the path itself, or every .kql/.yaml/.yml/.md below a folder (test files excluded). */
export function collectRuleFiles(p: string): string[] {
  if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  if (statSync(p).isDirectory()) {
    return readdirSync(p)
      .sort()
      .flatMap((f) => collectRuleFiles(join(p, f)))
      .filter((f) => ['.kql', '.yaml', '.yml', '.md'].includes(extname(f)) && !f.endsWith('.test.yaml'));
  }
  return [p];
}
