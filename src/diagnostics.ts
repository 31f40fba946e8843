// Diagnostics are data: a stable code, a severity, a half-open span into the query text and typed parameters.
// Every phase (lexer, parser, binder, evaluator, loaders) collects them instead of throwing; only the public API
// boundary throws, and then only KqlError. Message text is written in exactly one place: the message tables of
// src/diagnostics/ (one per phase), assembled into MESSAGES below.

import { BIND_MESSAGES } from './diagnostics/bind.js';
import { DATA_MESSAGES, RUNTIME_MESSAGES } from './diagnostics/runtime.js';
import { SYNTAX_MESSAGES } from './diagnostics/syntax.js';

/** Half-open range of UTF-16 offsets into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** Extra lines shown under the caret, such as "did you mean 'EmailEvents'?". */
  readonly notes?: readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
}

/** code → message builder, one file per phase under src/diagnostics/. The only place where wording lives. */
const MESSAGES = { ...SYNTAX_MESSAGES, ...BIND_MESSAGES, ...RUNTIME_MESSAGES, ...DATA_MESSAGES };

export type DiagnosticCode = keyof typeof MESSAGES;
export type DiagnosticParams<C extends DiagnosticCode> = Parameters<(typeof MESSAGES)[C]>[0];

export function diagnostic<C extends DiagnosticCode>(
  code: C,
  span: Span,
  params: DiagnosticParams<C>,
  extra: { severity?: Severity; notes?: readonly string[] } = {},
): Diagnostic {
  const format = MESSAGES[code] as (p: DiagnosticParams<C>) => string;
  const base = {
    code,
    severity: extra.severity ?? 'error',
    message: format(params),
    span,
    data: (params ?? {}) as Record<string, unknown>,
  };
  return extra.notes && extra.notes.length > 0 ? { ...base, notes: extra.notes } : base;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The project's own error type: what the public API throws for a user's mistake. */
export class KqlError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly source: string | undefined;
  readonly fileName: string | undefined;
  constructor(diagnostics: readonly Diagnostic[], source?: string, fileName?: string) {
    const first = diagnostics[0];
    const where = first && source !== undefined ? lineCol(source, first.span.start) : undefined;
    super(
      first
        ? `${where ? `${where.line}:${where.column}: ` : ''}${first.message}${
            diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''
          }`
        : 'query failed',
    );
    this.name = 'KqlError';
    this.diagnostics = diagnostics;
    this.source = source;
    this.fileName = fileName;
  }
  get code(): DiagnosticCode | undefined {
    return this.diagnostics[0]?.code;
  }
  get span(): Span | undefined {
    return this.diagnostics[0]?.span;
  }
  /** 1-based line and column of the first diagnostic, when the source text is known. */
  get position(): { line: number; column: number } | undefined {
    const first = this.diagnostics[0];
    return first && this.source !== undefined ? lineCol(this.source, first.span.start) : undefined;
  }
  format(options: { color?: boolean } = {}): string {
    return this.diagnostics
      .map((d) => formatDiagnostic(d, this.source ?? '', this.fileName ?? 'query', options))
      .join('\n');
  }
}

/** 1-based line and column (in UTF-16 units) of an offset. */
export function lineCol(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * `file:LINE:COL error CODE message`, then the source line and a caret underline, then notes.
 * The caret covers the span on its first line (at least one character).
 */
export function formatDiagnostic(
  d: Diagnostic,
  source: string,
  fileName = 'query',
  options: { color?: boolean; lineOffset?: number; columnOffset?: number } = {},
): string {
  const pos = lineCol(source, d.span.start);
  // Offsets map a query embedded in a larger file (rule YAML, Markdown) back to the file's own lines.
  const line = pos.line + (options.lineOffset ?? 0);
  const column = pos.column + (options.columnOffset ?? 0);
  const lineStart = source.lastIndexOf('\n', Math.max(d.span.start - 1, -1)) + 1;
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  const text = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  const caretStart = d.span.start - lineStart;
  const caretLen = Math.max(1, Math.min(d.span.end, lineEnd) - d.span.start);
  // Tabs keep their width in the gutter so the caret lines up under the offending text.
  const pad = text.slice(0, caretStart).replace(/[^\t]/g, ' ');
  const red = (s: string) => (options.color ? `\x1b[31m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const lines = [
    `${bold(`${fileName}:${line}:${column}`)} ${red(d.severity)} ${d.code} ${d.message}`,
    `  ${text}`,
    `  ${pad}${red('^'.repeat(caretLen))}`,
  ];
  for (const note of d.notes ?? []) lines.push(`  = ${note}`);
  return lines.join('\n');
}

/** "did you mean" candidates: case-insensitive match first, then edit distance ≤ max(2, len/3). */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestScore <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function didYouMean(name: string, candidates: Iterable<string>): string[] {
  const s = suggest(name, candidates);
  return s !== undefined && s !== name ? [`did you mean '${s}'?`] : [];
}
