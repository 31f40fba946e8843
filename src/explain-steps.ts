// `explain` for people (kqlite explain, Database.explainSteps): the query's steps in the order they run, each as the
// user wrote it (its source text on one line), followed by what it does to the columns — the columns it adds,
// removes or retypes, not the whole schema again — and the instants that now()/ago() were folded into, in ISO form.
// Nested inputs (the right side of a join, the legs of a union) are indented sub-pipelines. The engine's own plan
// tree (one line per plan node with its full schema) stays available as Database.explain / `kqlite explain --plan`.

import type { Plan } from './engine/plan/logical.js';
import { planOperator } from './engine/operators/index.js';
import type { Column, Schema } from './tables/table.js';
import { formatDatetime } from './values/datetime.js';
import { formatTimespan } from './values/timespan.js';

/** A step's source text longer than this is cut (with …): the detail lines say what it does. */
const MAX_STEP_TEXT = 110;
/** Column lists longer than this end with "… and N more". */
const MAX_LISTED_COLUMNS = 8;

export function explainSteps(plan: Plan, source: string): string {
  const lines: string[] = [];
  writePipeline(plan, source, 0, lines);
  lines.push(`result: ${plan.schema.length} column(s): ${listColumns(plan.schema, 4 * MAX_LISTED_COLUMNS)}`);
  return lines.join('\n');
}

/** The chain ending at `plan`: first inputs back to the source, then each step from the source on. */
function writePipeline(plan: Plan, source: string, depth: number, lines: string[]): void {
  const chain: Plan[] = [];
  for (let p: Plan | undefined = plan; p; p = mainInput(p)) chain.push(p);
  chain.reverse();
  const pad = '  '.repeat(depth);
  chain.forEach((step, i) => {
    const input = i === 0 ? undefined : chain[i - 1];
    const nested = planOperator(step).inputs(step).filter((p) => p !== input);
    lines.push(pad + stepText(step, source, i > 0, nested));
    for (const sub of nested) {
      lines.push(`${pad}    ${nestedLabel(step)}:`);
      writePipeline(sub, source, depth + 3, lines);
    }
    for (const detail of details(step, input, source)) lines.push(`${pad}    ${detail}`);
  });
}

/**
 * The source range a nested pipeline covers inside `bounds` (its parent step's text): every node's span that lies
 * there. A let-bound input's text lies elsewhere (in its let statement) and is not cut.
 */
function extentWithin(plan: Plan, bounds: { start: number; end: number }): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  const visit = (p: Plan) => {
    if (p.span.start >= bounds.start && p.span.end <= bounds.end && p.span.end > p.span.start) {
      start = Math.min(start, p.span.start);
      end = Math.max(end, p.span.end);
    }
    for (const i of planOperator(p).inputs(p)) visit(i);
  };
  visit(plan);
  return { start, end };
}

/** The input a step continues (its first input); a union's legs are all nested, so a union starts a pipeline. */
function mainInput(p: Plan): Plan | undefined {
  if (p.kind === 'Union') return undefined;
  return planOperator(p).inputs(p)[0];
}

function nestedLabel(step: Plan): string {
  switch (step.kind) {
    case 'Join':
      return 'with';
    case 'Union':
      return 'leg';
    default:
      return 'input';
  }
}

/**
 * The step as written, on one line, with its nested pipelines (shown below it) cut to `…`; a node without usable
 * source text (built by the engine) shows its plan line.
 */
function stepText(step: Plan, source: string, piped: boolean, nested: readonly Plan[]): string {
  const { start, end } = step.span;
  if (!(end > start && end <= source.length)) return planOperator(step).explain(step);
  let text = '';
  let at = start;
  const cuts = nested.map((n) => extentWithin(n, step.span)).filter((x) => x.end > x.start).sort((a, b) => a.start - b.start);
  for (const cut of cuts) {
    if (cut.start < at) continue;
    text += source.slice(at, cut.start) + '…';
    at = cut.end;
  }
  text += source.slice(at, end);
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_STEP_TEXT) text = text.slice(0, MAX_STEP_TEXT - 1) + '…';
  const isOperator = piped && !/^\|/.test(text);
  return isOperator ? `| ${text}` : text;
}

/** What the step does to the columns, and the time constants it was bound with. */
function details(step: Plan, input: Plan | undefined, source: string): string[] {
  const out: string[] = [];
  const instants = foldedInstants(step, source);
  if (instants.length > 0) out.push(instants.join(', '));
  if (!input) {
    out.push(`${step.schema.length} column(s)`);
    return out;
  }
  out.push(...columnChanges(input.schema, step.schema));
  return out;
}

function columnChanges(before: Schema, after: Schema): string[] {
  const old = new Map(before.map((c) => [c.name, c]));
  const now = new Map(after.map((c) => [c.name, c]));
  const added = after.filter((c) => !old.has(c.name));
  const removed = before.filter((c) => !now.has(c.name));
  const retyped = after.filter((c) => old.has(c.name) && old.get(c.name)!.type !== c.type);
  if (added.length === 0 && removed.length === 0 && retyped.length === 0) {
    const sameOrder = before.every((c, i) => after[i]?.name === c.name);
    return sameOrder ? [] : [`columns reordered: ${listNames(after)}`];
  }
  // A step that keeps a few columns of many (project, summarize) reads best as the list it keeps.
  if (removed.length > added.length + retyped.length && after.length <= 2 * MAX_LISTED_COLUMNS) {
    return [`→ ${after.length} column(s): ${listColumns(after, 2 * MAX_LISTED_COLUMNS)}`];
  }
  const out: string[] = [];
  if (added.length > 0) out.push(`+ ${listColumns(added, MAX_LISTED_COLUMNS)}`);
  if (retyped.length > 0) out.push(`~ ${retyped.map((c) => `${c.name}: ${old.get(c.name)!.type} → ${c.type}`).join(', ')}`);
  if (removed.length > 0) out.push(`− ${listNames(removed)}`);
  return out;
}

function listColumns(columns: readonly Column[], max: number): string {
  const shown = columns.slice(0, max).map((c) => `${c.name}: ${c.type}`);
  return columns.length > max ? `${shown.join(', ')} … and ${columns.length - max} more` : shown.join(', ');
}

function listNames(columns: readonly Column[]): string {
  const shown = columns.slice(0, MAX_LISTED_COLUMNS).map((c) => c.name);
  return columns.length > MAX_LISTED_COLUMNS ? `${shown.join(', ')} … and ${columns.length - MAX_LISTED_COLUMNS} more` : shown.join(', ');
}

/**
 * Datetime and timespan constants of this step that the binder folded from an expression (ago(24h), now(),
 * startofday(now())…): `ago(24h) = 2026-11-19T12:00:00Z`. Found among the step's own bound expressions (its
 * properties, not its input plans), by a literal whose source text is not already the literal itself.
 */
function foldedInstants(step: Plan, source: string): string[] {
  const inputs = new Set<unknown>(planOperator(step).inputs(step));
  const found = new Map<string, string>();
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 40 || v === null || typeof v !== 'object' || seen.has(v) || inputs.has(v)) return;
    seen.add(v);
    const node = v as { kind?: unknown; type?: unknown; value?: unknown; span?: { start: number; end: number } };
    if (node.kind === 'Literal' && (node.type === 'datetime' || node.type === 'timespan') && typeof node.value === 'bigint' && node.span) {
      const text = source.slice(node.span.start, node.span.end).replace(/\s+/g, ' ').trim();
      if (text !== '' && !/^(datetime|timespan|time)\s*\(|^-?[\d.]+[a-z]*$/i.test(text)) {
        found.set(text, node.type === 'datetime' ? isoInstant(node.value) : formatTimespan(node.value));
      }
      return;
    }
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else for (const x of Object.values(v)) if (typeof x === 'object') visit(x, depth + 1);
  };
  for (const [key, value] of Object.entries(step)) if (key !== 'schema') visit(value, 0);
  return [...found].map(([text, value]) => `${text} = ${value}`);
}

/** ISO-8601 UTC without the trailing zero fractions Kusto's JSON writes: 2026-11-19T12:00:00Z. */
function isoInstant(ticks: bigint): string {
  return formatDatetime(ticks).replace(/\.?0+Z$/, 'Z');
}
