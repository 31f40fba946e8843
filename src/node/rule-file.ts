// Reading a rule from a file: `.kql` as is, a Sentinel analytic-rule YAML (its `query:` field), or Markdown (the
// first ```kql block, or block N). Positions in diagnostics are mapped back to the file's own lines.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, parseDocument, isScalar, isMap } from 'yaml';

export interface RuleText {
  readonly file: string;
  readonly text: string;
  /** Line of the file where the query text starts (0-based offset to add to query line numbers). */
  readonly lineOffset: number;
  /** Column offset for every line (indentation of YAML block scalars). */
  readonly columnOffset: number;
}

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'RuleFileError';
  }
}

export function readRuleFile(file: string, options: { block?: number; stdinText?: string } = {}): RuleText {
  const content = options.stdinText ?? readFileSync(file, 'utf8');
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return fromYaml(file, content);
  if (ext === '.md' || ext === '.markdown') return fromMarkdown(file, content, options.block ?? 1);
  return { file, text: content, lineOffset: 0, columnOffset: 0 };
}

function fromYaml(file: string, content: string): RuleText {
  let doc;
  try {
    doc = parseDocument(content);
  } catch (err) {
    throw new RuleFileError(file, `not valid YAML: ${(err as Error).message}`);
  }
  if (doc.errors.length > 0) throw new RuleFileError(file, `not valid YAML: ${doc.errors[0]!.message}`);
  const root = doc.contents;
  if (!isMap(root)) throw new RuleFileError(file, "a rule YAML must be a mapping with a 'query' field");
  const node = root.get('query', true);
  if (!node || !isScalar(node) || typeof node.value !== 'string') {
    throw new RuleFileError(file, "the YAML has no 'query' text field");
  }
  const text = String(node.value);
  // Block scalars start on the line after `query: |`; find the first query line in the file to map positions.
  const firstLine = text.split('\n')[0] ?? '';
  const lines = content.split('\n');
  const start = node.range ? content.slice(0, node.range[0]).split('\n').length - 1 : 0;
  let lineOffset = start;
  let columnOffset = 0;
  for (let i = start; i < lines.length; i++) {
    const idx = lines[i]!.indexOf(firstLine);
    if (firstLine !== '' && idx >= 0 && lines[i]!.trim() === firstLine.trim()) {
      lineOffset = i;
      columnOffset = idx;
      break;
    }
  }
  void parseYaml;
  return { file, text, lineOffset, columnOffset };
}

function fromMarkdown(file: string, content: string, block: number): RuleText {
  const lines = content.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(`{3,}|~{3,})\s*(kql|kusto)\b/i.exec(lines[i]!);
    if (!m) continue;
    seen++;
    const fence = m[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) body.push(lines[j++]!);
    if (seen === block) return { file, text: body.join('\n'), lineOffset: i + 1, columnOffset: 0 };
    i = j;
  }
  throw new RuleFileError(file, seen === 0 ? 'no ```kql block found' : `there is no kql block ${block} (the file has ${seen})`);
}
