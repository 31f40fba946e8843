// A rules repository laid out like Azure-Sentinel: rule YAML under Detections/ and Solutions/*/Analytic Rules,
// hunting queries, parsers, plus custom-table schemas as JSON ({ Name, Properties: [{ Name, Type }] }, the layout of
// the repository's KQL validation tables). Folders are walked; YAML files without a query (solution metadata,
// workbooks, connectors) are not rules and are skipped there — a file named explicitly is always checked.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const RULE_EXTENSIONS = ['.kql', '.yaml', '.yml', '.md'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

export interface RuleTree {
  readonly rules: string[];
  /** Custom table schemas found in the tree (table → columns). */
  readonly tables: Map<string, { name: string; type: string }[]>;
}

/** Whether a YAML/Markdown file found while walking holds a query (rule, hunting query or parser). */
function holdsQuery(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.kql') return true;
  const text = readFileSync(file, 'utf8');
  if (ext === '.md') return /^\s*(```|~~~)\s*(kql|kusto)\b/im.test(text);
  return /^query\s*:/m.test(text);
}

function tableSchema(file: string): { name: string; columns: { name: string; type: string }[] } | undefined {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { Name?: unknown; Properties?: unknown };
    if (typeof j.Name !== 'string' || !Array.isArray(j.Properties)) return undefined;
    const columns = (j.Properties as { Name?: unknown; Type?: unknown }[])
      .filter((p) => typeof p.Name === 'string' && typeof p.Type === 'string')
      .map((p) => ({ name: p.Name as string, type: String(p.Type).toLowerCase() }));
    return { name: j.Name, columns };
  } catch {
    return undefined;
  }
}

export function collectRuleTree(paths: readonly string[]): RuleTree {
  const rules: string[] = [];
  const tables = new Map<string, { name: string; type: string }[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') && e.name !== '.script') continue;
      if (SKIP_DIRS.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.ya?ml$/.test(e.name)) continue;
      else if (RULE_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
        if (holdsQuery(p)) rules.push(p);
      } else if (extname(e.name).toLowerCase() === '.json') {
        const t = tableSchema(p);
        if (t) tables.set(t.name, t.columns);
      }
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    if (statSync(p).isDirectory()) walk(p);
    else rules.push(p);
  }
  return { rules: [...new Set(rules)], tables };
}

/** Files changed since a git ref (committed on the branch, staged, unstaged, untracked), as absolute paths. */
export function changedSince(ref: string, cwd = process.cwd()): Set<string> {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const names = [...git(['diff', '--name-only', ref]).split('\n'), ...git(['ls-files', '--others', '--exclude-standard', '--full-name']).split('\n')];
  return new Set(names.filter((n) => n.trim() !== '').map((n) => resolve(top, n)));
}
