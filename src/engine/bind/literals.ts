// Literals whose text the binder decodes: typed literals `datetime(...)`, `int(...)`, `guid(...)`... (the parser
// keeps their raw text) and `dynamic(...)` values.

import { diagnostic } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { parseDatetime } from '../../values/datetime.js';
import { parseTimespan } from '../../values/timespan.js';
import type { Dynamic } from '../../values/types.js';
import { conversionInvoke } from '../functions/scalar/conversion.js';
import type { BoundExpr, Literal } from '../plan/expr.js';
import { literal } from './build.js';
import type { BindContext } from './scope.js';

export function bindTypedLiteral(e: A.TypedLiteral, ctx: BindContext): BoundExpr | undefined {
  const type = e.type.type;
  if (type === 'decimal') {
    ctx.diagnostics.push(diagnostic('bind-not-supported', e.span, { name: 'decimal' }));
    return undefined;
  }
  if (e.text === null) return literal(type, null, e.span);
  let text = e.text.trim();
  // datetime("2026-01-01") / guid('...'): a quoted string inside the parentheses is accepted too.
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted && type !== 'string') text = quoted[2]!;
  const bad = (reason?: string) => {
    ctx.diagnostics.push(
      diagnostic('syntax-bad-literal', e.span, reason ? { type, text, reason } : { type, text }),
    );
    return undefined;
  };
  switch (type) {
    case 'datetime': {
      const t = parseDatetime(text);
      return t === null ? bad() : literal('datetime', t, e.span);
    }
    case 'timespan': {
      const t = parseTimespan(text);
      return t === null ? bad() : literal('timespan', t, e.span);
    }
    case 'bool': {
      const l = text.toLowerCase();
      if (l === 'true' || l === '1') return literal('bool', true, e.span);
      if (l === 'false' || l === '0') return literal('bool', false, e.span);
      return bad();
    }
    case 'int':
    case 'long': {
      if (!/^[+-]?(\d+|0x[0-9a-f]+)$/i.test(text)) return bad();
      const neg = text.startsWith('-');
      const body = text.replace(/^[+-]/, '');
      let v = BigInt(body);
      if (neg) v = -v;
      if (type === 'int') {
        if (v < -2147483648n || v > 2147483647n) return bad('out of range for int');
        return literal('int', Number(v), e.span);
      }
      if (v < -(2n ** 63n) || v > 2n ** 63n - 1n) return bad('out of range for long');
      return literal('long', v, e.span);
    }
    case 'real': {
      const l = text.toLowerCase();
      if (l === 'nan') return literal('real', NaN, e.span);
      if (l === '+inf' || l === 'inf') return literal('real', Infinity, e.span);
      if (l === '-inf') return literal('real', -Infinity, e.span);
      const v = Number(text);
      return Number.isNaN(v) || text === '' ? bad() : literal('real', v, e.span);
    }
    case 'guid': {
      const m = /^[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[})]?$/i.exec(text);
      return m ? literal('guid', m.slice(1).join('-').toLowerCase(), e.span) : bad();
    }
    case 'string':
      return literal('string', text, e.span);
    case 'dynamic':
      return bad('use dynamic(...) with JSON content');
  }
}

export function dynamicNodeValue(n: A.DynamicNode, ctx: BindContext): Dynamic | undefined {
  switch (n.kind) {
    case 'DynNull':
      return null;
    case 'DynArray': {
      const out: Dynamic[] = [];
      for (const item of n.items) {
        const v = dynamicNodeValue(item, ctx);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'DynBag': {
      const out: Record<string, Dynamic> = Object.create(null) as Record<string, Dynamic>;
      for (const { key, value } of n.entries) {
        const v = dynamicNodeValue(value, ctx);
        if (v === undefined) return undefined;
        out[key] = v;
      }
      return out;
    }
    case 'StringLiteral':
      return n.value;
    case 'LongLiteral':
      return n.value;
    case 'RealLiteral':
      return n.value;
    case 'BoolLiteral':
      return n.value;
    case 'TimespanLiteral':
    case 'TypedLiteral': {
      const b = n.kind === 'TimespanLiteral' ? literal('timespan', n.ticks, n.span) : bindTypedLiteral(n, ctx);
      if (!b || b.kind !== 'Literal') return undefined;
      return dynamicOfLiteral(b);
    }
  }
}

function dynamicOfLiteral(l: Literal): Dynamic {
  const inv = conversionInvoke(l.type, 'dynamic');
  const r = inv([{ kind: 'scalar', type: l.type, value: l.value }], 1);
  return (r as { value: Dynamic }).value;
}
