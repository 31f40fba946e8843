// `kqlite check`: what is wrong with each rule file, as findings with file, line, column and a rule id — the
// parse/bind diagnostics of its query, the Sentinel rule checks of a rule YAML (fields and limits; every column
// the alert shaping names exists in the output with a usable type), and with `lint` the linter's hints.
// The same findings print for people, as SARIF 2.1.0 or as JSON.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { lineCol, type Database, type Diagnostic } from '../../index.js';
import { parse } from '../../parser/index.js';
import { readRuleFile, RuleFileError, type RuleText } from '../rule-file.js';
import { checkOutputColumns } from '../sentinel/output-columns.js';
import { readSentinelRule } from '../sentinel/rule-yaml.js';
import { lintQuery } from './lint-query.js';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Diagnostic code (bind-unknown-column…), Sentinel check (sentinel-…) or lint hint id. */
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  /** Text for people (with source line and caret where there is one). */
  readonly display?: string;
}

export interface FileCheck {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly rule?: RuleText;
}

export interface CheckOptions {
  readonly lint?: boolean;
  readonly now?: string;
  /** How a diagnostic is shown to people (colour, caret); the CLI passes its formatter. */
  readonly formatDiagnostic?: (d: Diagnostic, rule: RuleText) => string;
}

function positionOf(rule: RuleText, offset: number): { line: number; column: number } {
  const p = lineCol(rule.text, offset);
  return { line: p.line + rule.lineOffset, column: p.column + rule.columnOffset };
}

export function checkRuleFile(file: string, db: Database, options: CheckOptions = {}): FileCheck {
  let rule: RuleText;
  try {
    rule = readRuleFile(file);
  } catch (err) {
    if (err instanceof RuleFileError) {
      return { file, findings: [{ file, line: 1, column: 1, ruleId: 'rule-file', level: 'error', message: err.message.replace(`${file}: `, ''), display: err.message }] };
    }
    throw err;
  }
  const findings: Finding[] = [];
  const { plan, diagnostics } = db.plan(rule.text, { now: options.now });
  for (const d of diagnostics) {
    const start = positionOf(rule, d.span.start);
    const end = positionOf(rule, Math.max(d.span.end, d.span.start + 1));
    findings.push({
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ruleId: d.code,
      level: d.severity,
      message: d.message + (d.notes?.length ? ` (${d.notes.join('; ')})` : ''),
      display: options.formatDiagnostic?.(d, rule),
    });
  }

  const isYaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  const sentinel = isYaml ? readSentinelRule(file, readFileSync(file, 'utf8')) : undefined;
  if (sentinel) {
    const problems = [...sentinel.problems];
    // Columns can only be checked against a query that binds; its errors are reported above.
    if (plan) problems.push(...checkOutputColumns(sentinel, (plan as { schema: readonly { name: string; type: string }[] }).schema));
    for (const p of problems) findings.push({ file, line: p.pos.line, column: p.pos.col, ruleId: p.id, level: p.severity, message: p.message });
  }

  if (options.lint) {
    const { ast } = parse(rule.text);
    const tables = new Set(db.tableNames());
    const hints = lintQuery(ast, rule.text, {
      isTable: (n) => tables.has(n),
      scheduledByTime: Boolean(sentinel?.queryPeriod && !/^nrt$/i.test(sentinel.kind)),
    });
    for (const h of hints) {
      const start = positionOf(rule, h.span.start);
      const end = positionOf(rule, Math.max(h.span.end, h.span.start + 1));
      findings.push({ file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ruleId: h.id, level: h.level, message: h.message });
    }
  }
  return { file, findings, rule };
}

/** `file:line:col level id message`, then the source line and a caret (for hints and Sentinel problems). */
export function formatFinding(f: Finding): string {
  if (f.display) return f.display;
  let source = '';
  try {
    const text = readFileSync(f.file, 'utf8').split('\n')[f.line - 1];
    if (text !== undefined) {
      const width = f.endLine === f.line && f.endColumn ? Math.max(1, f.endColumn - f.column) : 1;
      source = `\n  ${text.replace(/\r$/, '')}\n  ${' '.repeat(Math.max(0, f.column - 1))}${'^'.repeat(width)}`;
    }
  } catch {
    // The file was readable a moment ago; without it the finding still has its position.
  }
  return `${f.file}:${f.line}:${f.column} ${f.level} ${f.ruleId} ${f.message}${source}`;
}
