// The query a case runs: the rule (a file or inline text), with `append` operators spliced in (a tuning filter,
// a projection for the test), and the mapping of error positions back to where each piece was written.

import { formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { parse } from '../../parser/index.js';
import { readRuleFile } from '../rule-file.js';
import type { QuerySource, RuleRef } from './test-file.js';

interface Segment {
  /** Range in the composed text. */
  readonly start: number;
  readonly end: number;
  readonly source: QuerySource;
  /** Offset in source.text that `start` corresponds to. */
  readonly sourceStart: number;
}

export interface ComposedQuery {
  readonly text: string;
  readonly segments: readonly Segment[];
}

export function loadRule(ref: RuleRef): QuerySource {
  if (ref.kind === 'inline') return ref.source;
  const r = readRuleFile(ref.path, { block: ref.block });
  return { text: r.text, file: ref.path, lineOffset: r.lineOffset, columnOffset: r.columnOffset };
}

/**
 * Splice `appends` after the rule's final tabular expression. A trailing `render` stays last: render must be the
 * last operator of a query (render-operator.md), and it only describes presentation, so appending a filter before
 * it is the tuning a user means.
 */
export function composeQuery(rule: QuerySource, appends: readonly QuerySource[]): ComposedQuery {
  if (appends.length === 0) return { text: rule.text, segments: [{ start: 0, end: rule.text.length, source: rule, sourceStart: 0 }] };
  const at = insertionPoint(rule.text);
  const segments: Segment[] = [{ start: 0, end: at, source: rule, sourceStart: 0 }];
  let text = rule.text.slice(0, at);
  for (const a of appends) {
    const pipe = a.text.replace(/^(\s|\/\/[^\n]*)*/, '').startsWith('|') ? '' : '| '; // leading comments allowed
    text += '\n' + pipe;
    segments.push({ start: text.length, end: text.length + a.text.length, source: a, sourceStart: 0 });
    text += a.text.replace(/\s+$/, '');
  }
  text += '\n';
  segments.push({ start: text.length, end: text.length + rule.text.length - at, source: rule, sourceStart: at });
  text += rule.text.slice(at);
  return { text, segments };
}

function insertionPoint(text: string): number {
  const { ast } = parse(text);
  const statements = ast.statements.filter((s) => s.kind === 'QueryStatement');
  const last = statements[statements.length - 1];
  if (!last || last.kind !== 'QueryStatement') return text.length;
  const expr = last.expression;
  if (expr.kind === 'Pipeline') {
    const lastOp = expr.operators[expr.operators.length - 1];
    if (lastOp && lastOp.kind === 'Render') {
      const bar = text.lastIndexOf('|', lastOp.span.start);
      if (bar >= 0) return bar;
    }
  }
  return expr.span.end;
}

/** A diagnostic of the composed query, positioned in the file where the offending text was written. */
export function formatComposedDiagnostic(d: Diagnostic, q: ComposedQuery, color: boolean, display: (file: string) => string = (f) => f): string {
  const seg = q.segments.find((s) => d.span.start >= s.start && d.span.start < Math.max(s.end, s.start + 1)) ?? q.segments[q.segments.length - 1]!;
  const shift = seg.sourceStart - seg.start;
  const span = { start: d.span.start + shift, end: d.span.end + shift };
  return formatDiagnostic({ ...d, span }, seg.source.text, display(seg.source.file), {
    color,
    lineOffset: seg.source.lineOffset,
    columnOffset: seg.source.columnOffset,
  });
}
