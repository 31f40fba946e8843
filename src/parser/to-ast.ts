// AST construction helpers used by the grammar's semantic actions: span arithmetic over chevrotain tokens and the
// building of literal nodes from token images. Keeping them here keeps grammar.ts about syntax only.

import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics.js';
import type {
  BinaryOp,
  Expression,
  Identifier,
  ListOp,
  LongLiteral,
  NameRef,
  RealLiteral,
  ScalarTypeRef,
  StringLiteral,
  TimespanLiteral,
  TypedLiteral,
} from './ast.js';
import { decodeLong, decodeReal, decodeString, decodeTimespan, scalarTypeName, splitTypedLiteral } from './literals.js';

/** Tokens inserted by chevrotain's error recovery (and EOF) have NaN offsets. */
export function isRealToken(t: IToken | undefined): t is IToken {
  return t !== undefined && Number.isFinite(t.startOffset);
}

/**
 * Exclusive end offset of a token. chevrotain's own endOffset is inclusive (and absent with offset-only position
 * tracking, which we use for speed), so spans are always derived from the image length here.
 */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: tokenEnd(t) };
}

/**
 * Span from the first token of a construct to the last token consumed so far. Either may be missing after error
 * recovery; the result is then empty but well-formed (start <= end), anchored at `fallback`.
 */
export function spanBetween(first: IToken | undefined, last: IToken | undefined, fallback: number): Span {
  const start = isRealToken(first) ? first.startOffset : fallback;
  const end = isRealToken(last) ? tokenEnd(last) : start;
  return end >= start ? { start, end } : { start, end: start };
}

export function mergeSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export function identifier(t: IToken): Identifier {
  return { kind: 'Identifier', name: t.image, quoted: false, span: tokenSpan(t) };
}

export function nameRef(id: Identifier): NameRef {
  return { kind: 'Name', name: id.name, quoted: id.quoted, span: id.span };
}

/** Placeholder for a construct that error recovery skipped; only ever present alongside a diagnostic. */
export function missingName(at: number): NameRef {
  return { kind: 'Name', name: '', quoted: false, span: { start: at, end: at } };
}

export function missingIdentifier(at: number): Identifier {
  return { kind: 'Identifier', name: '', quoted: false, span: { start: at, end: at } };
}

/** One or more adjacent string tokens, spliced (docs string.md "Splicing string literals"). */
export function stringLiteral(tokens: readonly IToken[], diags: Diagnostic[]): StringLiteral {
  let value = '';
  let obfuscated = false;
  for (const t of tokens) {
    const d = decodeString(t.image);
    value += d.value;
    obfuscated ||= d.obfuscated;
    if (d.badEscape !== undefined) {
      diags.push(
        diagnostic('syntax-bad-literal', tokenSpan(t), { type: 'string', text: t.image, reason: `bad escape ${d.badEscape}` }),
      );
    }
  }
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const span = first && last ? spanBetween(first, last, 0) : { start: 0, end: 0 };
  // [U] A splice with any obfuscated piece is marked obfuscated as a whole, so that no part leaks into traces.
  return obfuscated ? { kind: 'StringLiteral', value, obfuscated: true, span } : { kind: 'StringLiteral', value, span };
}

export function longLiteral(t: IToken, diags: Diagnostic[], negate = false): LongLiteral {
  const v = decodeLong(t.image);
  if (v === undefined) {
    diags.push(diagnostic('syntax-bad-literal', tokenSpan(t), { type: 'long', text: t.image, reason: 'out of range' }));
  }
  return { kind: 'LongLiteral', value: negate ? -(v ?? 0n) : (v ?? 0n), span: tokenSpan(t) };
}

export function realLiteral(t: IToken, negate = false): RealLiteral {
  const v = decodeReal(t.image);
  return { kind: 'RealLiteral', value: negate ? -v : v, span: tokenSpan(t) };
}

export function timespanLiteral(t: IToken, diags: Diagnostic[], negate = false): TimespanLiteral {
  const v = decodeTimespan(t.image);
  if (v === undefined) {
    diags.push(diagnostic('syntax-bad-literal', tokenSpan(t), { type: 'timespan', text: t.image }));
  }
  return { kind: 'TimespanLiteral', ticks: negate ? -(v ?? 0n) : (v ?? 0n), text: t.image, span: tokenSpan(t) };
}

/** `datetime(...)`-style token. The raw content is kept for the binder; only `null` is recognised here. */
export function typedLiteral(t: IToken): TypedLiteral {
  const { typeText, content } = splitTypedLiteral(t.image);
  const span = tokenSpan(t);
  const type: ScalarTypeRef = {
    kind: 'ScalarType',
    type: scalarTypeName(typeText) ?? 'dynamic',
    text: typeText,
    span: { start: span.start, end: span.start + typeText.length },
  };
  return { kind: 'TypedLiteral', type, text: content === 'null' ? null : content, span };
}

export function scalarTypeRef(t: IToken, diags: Diagnostic[]): ScalarTypeRef {
  const type = scalarTypeName(t.image);
  if (type === undefined && isRealToken(t)) {
    diags.push(diagnostic('syntax-unexpected-token', tokenSpan(t), { found: `'${t.image}'`, expected: 'a type name' }));
  }
  return { kind: 'ScalarType', type: type ?? 'dynamic', text: t.image, span: isRealToken(t) ? tokenSpan(t) : { start: 0, end: 0 } };
}

export function binary(op: BinaryOp, left: Expression, right: Expression): Expression {
  return { kind: 'Binary', op, left, right, span: mergeSpans(left.span, right.span) };
}

/** Kusto's alternative spellings (KqlTokens.g4): the AST keeps one canonical form. */
const CANONICAL_OP: Record<string, BinaryOp> = {
  '<>': '!=',
  notcontains: '!contains',
  containscs: 'contains_cs',
  notcontainscs: '!contains_cs',
};

export function comparisonOp(image: string): BinaryOp {
  return CANONICAL_OP[image] ?? (image as BinaryOp);
}

export function listOp(image: string): ListOp {
  return image as ListOp;
}
