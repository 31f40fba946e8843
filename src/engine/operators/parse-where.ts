// parse-where (parse-where-operator.md): parse's extraction, keeping only the rows whose string parses — the
// pattern matches and every typed column converts ("all extended columns must match the required types").
// Bound through parse's own binder (same pattern language, kinds simple and regex, flags), with a Filter below the
// Parse node whose predicate runs the same regex and conversions. kind=relaxed is not a parse-where kind.

import type * as A from '../../parser/ast.js';
import { call } from '../bind/build.js';
import { report } from '../bind/report.js';
import { lift } from '../functions/lift.js';
import type { Plan } from '../plan/logical.js';
import type { OperatorBinders } from './operator.js';
import { binders as parseBinders, parseTyped, type ParseNode } from './parse.js';

export const binders: OperatorBinders = {
  ParseWhere: (input, op, lets, ctx) => {
    for (const p of op.params) {
      const v = p.value.kind === 'Name' ? p.value.name : p.value.kind === 'StringLiteral' ? p.value.value : undefined;
      if (p.name === 'kind' && v !== 'simple' && v !== 'regex') return report(ctx, 'bind-unknown-kind', p.span, { operator: 'parse-where', kind: v ?? '?' });
    }
    const asParse: A.ParseOp = { kind: 'Parse', params: op.params, source: op.source, pattern: op.pattern, span: op.span };
    const parsed = parseBinders.Parse!(input, asParse, lets, ctx);
    if (!parsed || parsed.kind !== 'Parse') return undefined;
    const node: ParseNode = parsed;
    const parses = (s: string): boolean => {
      const m = node.regex.exec(s);
      if (!m) return false;
      return node.columns.every((c, k) => parseTyped(m.groups?.[`kqlitec${k}`] ?? '', c.type) !== undefined);
    };
    const predicate = call('parse_where_matches', [node.source], 'bool', lift('bool', (s) => parses(s as string)), op.span);
    const filtered: Plan = { kind: 'Filter', input, predicate, schema: input.schema, span: op.span };
    return { ...node, input: filtered };
  },
};
