// Names, types and literals as KQL text, for print.ts: quoting of names that cannot be written bare, string
// escapes, real numbers. Leaves of the printer (no recursion into expressions).

import type { ColumnDecl, ColumnPattern, Identifier, ScalarTypeRef, TabularTypeRef } from './ast.js';
import { tokenMatcher } from 'chevrotain';
import { KNOWN_PARAMS } from './grammar/params.js';
import { tokenize } from './lexer.js';
import { AnyName } from './tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Names

const IDENT = /^(?:\$?[A-Za-z_][A-Za-z0-9_]*|[0-9]+[A-Za-z_][A-Za-z0-9_]*)$/;
const TYPED_LITERAL_WORD = /^(?:bool|boolean|int|int32|long|int64|real|double|decimal|datetime|date|timespan|time|guid|uniqueid|uuid)$/;
const bare = new Map<string, boolean>();

/**
 * Whether `name` can be written without `['...']`: it must lex as exactly one name token. Asking the lexer itself
 * keeps this exact for reserved words (`and`, `has`, `true`), soft keywords (`where`, `kind`: fine) and digit-led
 * names (`5_Min` and `1dT` are names, `1d` and `2e5` are literals).
 */
export function isBareName(name: string): boolean {
  if (!IDENT.test(name)) return false;
  let ok = bare.get(name);
  if (ok === undefined) {
    const { tokens, diagnostics } = tokenize(name);
    ok = diagnostics.length === 0 && tokens.length === 1 && tokenMatcher(tokens[0]!, AnyName) && tokens[0]!.image === name;
    if (bare.size < 10_000) bare.set(name, ok);
  }
  return ok;
}

export function quoteName(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}']`;
}

export function ident(id: Identifier): string {
  return !id.quoted && isBareName(id.name) ? id.name : quoteName(id.name);
}

/**
 * The name of the first item after an operator's parameters (`mv-expand kind = x`, `summarize kind = count()`):
 * written bare, a parameter word followed by `=` would read as a parameter (grammar/params.ts).
 */
export function firstItemName(id: Identifier): string {
  return KNOWN_PARAMS.has(id.name) ? quoteName(id.name) : ident(id);
}

/** A name used right before `(`: typed-literal words would lex as `int(...)` literals. */
export function calleeName(id: Identifier): string {
  return TYPED_LITERAL_WORD.test(id.name) && !id.quoted ? id.name : ident(id);
}

export function scalarType(t: ScalarTypeRef): string {
  return t.text;
}

export function tabularType(t: TabularTypeRef): string {
  const parts = [...(t.wildcard ? ['*'] : []), ...t.columns.map(columnDecl)];
  return `(${parts.join(', ')})`;
}

export function columnDecl(c: ColumnDecl): string {
  return `${ident(c.name)}:${scalarType(c.type)}`;
}

export function pattern(p: ColumnPattern): string {
  return p.wildcard ? p.pattern : isBareName(p.pattern) ? p.pattern : quoteName(p.pattern);
}

// ---------------------------------------------------------------------------------------------------------------
// Literals

export function stringLit(value: string, obfuscated?: boolean): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff))
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${obfuscated ? 'h' : ''}"${out}"`;
}

export function realText(v: number): string {
  if (Number.isNaN(v)) return 'real(nan)';
  if (!Number.isFinite(v)) return v > 0 ? 'real(+inf)' : 'real(-inf)';
  const s = String(Math.abs(v));
  const body = /[.e]/.test(s) ? s.replace('e+', 'e') : `${s}.0`;
  return v < 0 || Object.is(v, -0) ? `-${body}` : body;
}
