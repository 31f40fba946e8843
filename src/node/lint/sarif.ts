// `kqlite check --format sarif`: SARIF 2.1.0 (OASIS), the format code hosts read to annotate a line of a file.
// One run, tool kqlite with every rule id it used; one result per finding with its physical location
// (artifactLocation uri relative to the working folder, 1-based startLine/startColumn).

import { relative, sep } from 'node:path';
import { HINT_BY_ID } from './hints.js';
import type { Finding } from './check-rules.js';

export function toSarif(findings: readonly Finding[], files: readonly string[], version: string): string {
  const ids = [...new Set(findings.map((f) => f.ruleId))].sort();
  const uri = (file: string) => (relative(process.cwd(), file) || file).split(sep).join('/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kqlite',
            version,
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: HINT_BY_ID.get(id)?.title ?? ruleDescription(id) },
              defaultConfiguration: { level: HINT_BY_ID.get(id)?.level ?? 'error' },
            })),
          },
        },
        artifacts: files.map((f) => ({ location: { uri: uri(f) } })),
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ids.indexOf(f.ruleId),
          level: f.level,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(f.file), index: Math.max(0, files.indexOf(f.file)) },
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
                  ...(f.endColumn !== undefined && f.endLine !== undefined ? { endColumn: f.endColumn } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescription(id: string): string {
  if (id.startsWith('sentinel-')) return `Sentinel analytic-rule check: ${id.slice('sentinel-'.length).replace(/-/g, ' ')}`;
  if (id.startsWith('syntax-')) return `KQL syntax: ${id.slice('syntax-'.length).replace(/-/g, ' ')}`;
  if (id.startsWith('bind-')) return `KQL binding: ${id.slice('bind-'.length).replace(/-/g, ' ')}`;
  return id.replace(/-/g, ' ');
}

export function toJson(findings: readonly Finding[], files: readonly string[]): string {
  return (
    JSON.stringify(
      {
        files: files.length,
        errors: findings.filter((f) => f.level === 'error').length,
        findings: findings.map((f) => ({ file: f.file, line: f.line, column: f.column, endLine: f.endLine ?? null, endColumn: f.endColumn ?? null, ruleId: f.ruleId, level: f.level, message: f.message })),
      },
      null,
      2,
    ) + '\n'
  );
}
