// Mutants of a rule: small edits a reviewer would call "a different detection", made on the syntax tree and applied
// as text edits at the node's span (so every other character — comments, layout — stays, and the mutant's position
// is exact). A test suite that passes on a mutant does not pin the behaviour that mutant changed.

import { parse, type ast } from '../../index.js';
import { letValues, walk, type AnyNode } from '../lint/ast-walk.js';

export interface Mutant {
  /** What kind of edit (stable, for summaries). */
  readonly operator: string;
  /** "`| where Workload == 'Email'` is removed" — completes "no test fails when …". */
  readonly description: string;
  /** The edited range of the original text. */
  readonly span: ast.Span;
  readonly replacement: string;
}

export function applyMutant(text: string, m: Mutant): string {
  return text.slice(0, m.span.start) + m.replacement + text.slice(m.span.end);
}

const NEGATED: Record<string, string> = {
  '==': '!=', '!=': '==', '=~': '!~', '!~': '=~', '<': '>=', '>=': '<', '>': '<=', '<=': '>',
  in: '!in', '!in': 'in', 'in~': '!in~', '!in~': 'in~',
};
const SWAPPED: Record<string, string> = {
  has: 'contains', contains: 'has', '!has': '!contains', '!contains': '!has', has_cs: 'contains_cs', contains_cs: 'has_cs',
  '==': '=~', '=~': '==', '!=': '!~', '!~': '!=', in: 'in~', 'in~': 'in',
};
const STRING_NEGATIONS = /^!?(has|contains|startswith|endswith|hasprefix|hassuffix)(_cs)?$/;
const NEGATED_CALLS: Record<string, string> = { isnotempty: 'isempty', isempty: 'isnotempty', isnotnull: 'isnull', isnull: 'isnotnull' };
const JOIN_KINDS = ['innerunique', 'inner', 'leftouter', 'leftanti', 'leftsemi'];

const short = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? one.slice(0, 69) + '…' : one;
};

/** The position of an operator keyword between two operands (the text between their spans). */
function operatorSpan(text: string, left: ast.Span, right: ast.Span, op: string): ast.Span | undefined {
  const between = text.slice(left.end, right.start);
  const re = new RegExp(`(^|[\\s)])(${op.replace(/[.*+?^${}()|[\]\\~!=<>]/g, '\\$&')})(?=[\\s(]|$)`, 'i');
  const m = re.exec(between);
  if (!m) return undefined;
  const start = left.end + m.index + m[1]!.length;
  return { start, end: start + m[2]!.length };
}

/** A list element's span widened to the comma that separates it, so removing it leaves a well-formed list. */
function elementRemoval(text: string, items: readonly { span: ast.Span }[], i: number): ast.Span {
  const it = items[i]!;
  if (i < items.length - 1) return { start: it.span.start, end: items[i + 1]!.span.start };
  const prev = items[i - 1]!;
  return { start: prev.span.end, end: it.span.end };
}

export function generateMutants(text: string): Mutant[] {
  const { ast: script, diagnostics } = parse(text);
  if (diagnostics.some((d) => d.severity === 'error')) return [];
  const out: Mutant[] = [];
  const src = (n: { span: ast.Span }) => text.slice(n.span.start, n.span.end);
  const lets = letValues(script);
  const listsMutated = new Set<string>();

  walk(script, (n: AnyNode, ancestors) => {
    const inWhere = ancestors.some((a) => a.kind === 'Where');
    switch (n.kind) {
      case 'Where': {
        const w = n as unknown as ast.WhereOp;
        const bar = text.lastIndexOf('|', w.span.start);
        if (bar >= 0 && text.slice(bar + 1, w.span.start).trim() === '') {
          out.push({ operator: 'remove-where', description: `\`| ${short(src(w))}\` is removed`, span: { start: bar, end: w.span.end }, replacement: '' });
        }
        break;
      }
      case 'Binary': {
        const b = n as unknown as ast.BinaryExpr;
        if ((b.op === 'and' || b.op === 'or') && inWhere) {
          out.push({ operator: `drop-${b.op === 'and' ? 'conjunct' : 'disjunct'}`, description: `\`${short(src(b.right))}\` is dropped from \`${b.op}\``, span: b.span, replacement: src(b.left) });
          out.push({ operator: `drop-${b.op === 'and' ? 'conjunct' : 'disjunct'}`, description: `\`${short(src(b.left))}\` is dropped from \`${b.op}\``, span: b.span, replacement: src(b.right) });
        }
        const opSpan = operatorSpan(text, b.left.span, b.right.span, b.op);
        if (!opSpan) break;
        const negated = NEGATED[b.op] ?? (STRING_NEGATIONS.test(b.op) ? (b.op.startsWith('!') ? b.op.slice(1) : `!${b.op}`) : undefined);
        if (negated) out.push({ operator: 'negate-comparison', description: `\`${short(src(b))}\` becomes \`${negated}\``, span: opSpan, replacement: negated });
        const swapped = SWAPPED[b.op];
        if (swapped) out.push({ operator: 'swap-operator', description: `\`${b.op}\` in \`${short(src(b))}\` becomes \`${swapped}\``, span: opSpan, replacement: swapped });
        break;
      }
      case 'ListOp': {
        const l = n as unknown as ast.ListOpExpr;
        const opSpan = operatorSpan(text, l.left.span, l.items[0]?.span ?? l.span, l.op);
        if (opSpan && NEGATED[l.op]) out.push({ operator: 'negate-comparison', description: `\`${short(src(l))}\` becomes \`${NEGATED[l.op]}\``, span: opSpan, replacement: NEGATED[l.op]! });
        if (opSpan && SWAPPED[l.op]) out.push({ operator: 'swap-operator', description: `\`${l.op}\` in \`${short(src(l))}\` becomes \`${SWAPPED[l.op]}\``, span: opSpan, replacement: SWAPPED[l.op]! });
        if (l.items.length > 1) {
          l.items.forEach((item, i) => {
            out.push({ operator: 'remove-list-element', description: `\`${short(src(item))}\` is removed from \`${l.op} (…)\``, span: elementRemoval(text, l.items, i), replacement: '' });
          });
        }
        // A let-bound dynamic list: remove each of its elements (once per list, however often it is used).
        for (const item of l.items) {
          if (item.kind !== 'Name' || listsMutated.has(item.name)) continue;
          const v = lets.get(item.name);
          if (!v || v.kind !== 'DynamicLiteral' || v.value.kind !== 'DynArray' || v.value.items.length < 2) continue;
          listsMutated.add(item.name);
          const items = v.value.items;
          items.forEach((el, i) => {
            out.push({ operator: 'remove-list-element', description: `${src(el)} is removed from the list ${item.name}`, span: elementRemoval(text, items, i), replacement: '' });
          });
        }
        break;
      }
      case 'Call': {
        const c = n as unknown as ast.CallExpr;
        const name = c.callee.name.toLowerCase();
        if (NEGATED_CALLS[name]) out.push({ operator: 'negate-comparison', description: `\`${short(src(c))}\` becomes \`${NEGATED_CALLS[name]}\``, span: c.callee.span, replacement: NEGATED_CALLS[name]! });
        if (name === 'ago' && c.args[0]?.kind === 'TimespanLiteral') {
          const t = c.args[0];
          out.push({ operator: 'widen-time-window', description: `\`${src(c)}\` becomes \`ago(${formatTicks(t.ticks * 2n)})\``, span: t.span, replacement: formatTicks(t.ticks * 2n) });
          out.push({ operator: 'narrow-time-window', description: `\`${src(c)}\` becomes \`ago(${formatTicks(t.ticks / 2n)})\``, span: t.span, replacement: formatTicks(t.ticks / 2n) });
        }
        break;
      }
      case 'Join': {
        const j = n as unknown as ast.JoinOp;
        const kindParam = j.params.find((p) => p.name.toLowerCase() === 'kind');
        const current = kindParam && kindParam.value.kind === 'Name' ? kindParam.value.name.toLowerCase() : 'innerunique';
        for (const k of JOIN_KINDS) {
          if (k === current) continue;
          if (kindParam) out.push({ operator: 'change-join-kind', description: `\`kind=${current}\` becomes \`kind=${k}\``, span: kindParam.value.span, replacement: k });
          else {
            const at = j.span.start + 'join'.length;
            out.push({ operator: 'change-join-kind', description: `the join (default innerunique) becomes \`kind=${k}\``, span: { start: at, end: at }, replacement: ` kind=${k}` });
          }
        }
        break;
      }
      case 'Project': {
        const p = n as unknown as ast.ProjectOp;
        if (p.items.length > 1) {
          p.items.forEach((item, i) => {
            out.push({ operator: 'drop-projected-column', description: `\`${short(src(item))}\` is dropped from \`project\``, span: elementRemoval(text, p.items, i), replacement: '' });
          });
        }
        break;
      }
    }
  });
  // One edit per span and replacement: the same edit reached twice is one mutant.
  const seen = new Set<string>();
  return out.filter((m) => {
    const k = `${m.span.start}:${m.span.end}:${m.replacement}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function formatTicks(ticks: bigint): string {
  const units: [bigint, string][] = [[864_000_000_000n, 'd'], [36_000_000_000n, 'h'], [600_000_000n, 'm'], [10_000_000n, 's']];
  for (const [size, unit] of units) if (ticks % size === 0n && ticks > 0n) return `${ticks / size}${unit}`;
  return `${ticks}tick`;
}
