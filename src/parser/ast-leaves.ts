// The leaves of the AST (ast.ts re-exports them): names, type references, literals and operator names — the nodes
// that contain no expression, kept apart so that ast.ts stays readable.

import type { Span } from '../diagnostics.js';
import type { ScalarType } from '../values/types.js';

export interface Identifier {
  readonly kind: 'Identifier';
  readonly name: string;
  /** Written as ['x'] or ["x"] in the source. */
  readonly quoted: boolean;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Types in declarations: datatable columns, lambda parameters, `to typeof(...)`, `typeof(...)`, parse columns.

/** The ten KQL scalar types (src/values/types.ts owns the list). */
export type ScalarTypeName = ScalarType;

/** A scalar type, written with any alias (`boolean`, `double`, `date`, `time`, `int32`, `int64`, `uniqueid`...). */
export interface ScalarTypeRef {
  readonly kind: 'ScalarType';
  readonly type: ScalarTypeName;
  /** The spelling in the source. */
  readonly text: string;
  readonly span: Span;
}

export interface ColumnDecl {
  readonly kind: 'ColumnDecl';
  readonly name: Identifier;
  readonly type: ScalarTypeRef;
  readonly span: Span;
}

/** `(col:type, ...)` or `(*)` or `(*, col:type)`: a tabular parameter's schema. */
export interface TabularTypeRef {
  readonly kind: 'TabularType';
  readonly columns: readonly ColumnDecl[];
  readonly wildcard: boolean;
  readonly span: Span;
}

/** One or more adjacent string literals, concatenated; escapes decoded. */
export interface StringLiteral {
  readonly kind: 'StringLiteral';
  readonly value: string;
  /** True when written as h"..." / H"..." (obfuscated): same value, hidden in traces. */
  readonly obfuscated?: boolean;
  readonly span: Span;
}

/** Integer literal (decimal or 0x hex): type long, exact to 64 bits. */
export interface LongLiteral {
  readonly kind: 'LongLiteral';
  readonly value: bigint;
  readonly span: Span;
}

/** Literal with `.` or exponent: type real. */
export interface RealLiteral {
  readonly kind: 'RealLiteral';
  readonly value: number;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: 'BoolLiteral';
  readonly value: boolean;
  readonly span: Span;
}

/** `1d`, `1.5h`, `100ms`, `5microseconds`, `1tick`: decoded to 100-ns ticks. */
export interface TimespanLiteral {
  readonly kind: 'TimespanLiteral';
  readonly ticks: bigint;
  readonly text: string;
  readonly span: Span;
}

/**
 * `int(5)`, `long(null)`, `real(nan)`, `real(+inf)`, `bool(true)`, `datetime(2026-01-01 10:00)`, `timespan(1d)`,
 * `time(0.12:00:00)`, `guid(...)`, `decimal(1.5)`. `text` is the raw text between the parentheses, trimmed;
 * `null` when the content is the keyword null. Values are decoded by the binder (src/values), which owns the
 * value formats and reports bad ones.
 */
export interface TypedLiteral {
  readonly kind: 'TypedLiteral';
  readonly type: ScalarTypeRef;
  readonly text: string | null;
  readonly span: Span;
}

/** `dynamic(...)`: its content as a JSON-like tree whose leaves are literals. */
export interface DynamicLiteral {
  readonly kind: 'DynamicLiteral';
  readonly value: DynamicNode;
  readonly span: Span;
}

export type DynamicNode =
  | { readonly kind: 'DynNull'; readonly span: Span }
  | { readonly kind: 'DynArray'; readonly items: readonly DynamicNode[]; readonly span: Span }
  | {
      readonly kind: 'DynBag';
      readonly entries: readonly { readonly key: string; readonly value: DynamicNode }[];
      readonly span: Span;
    }
  | StringLiteral
  | LongLiteral
  | RealLiteral
  | BoolLiteral
  | TimespanLiteral
  | TypedLiteral;

/** Binary operators in canonical lower-case spelling. `in`/`has_any`-style list operators are ListOpExpr. */
export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | StringOp
  | 'matches regex'
  /** Added by the parser: `Col:"x"`, search's term operator (search-operator.md): `Col has "x"`, with `*` wildcards in the term. */
  | ':';

export type StringOp =
  | 'has' | '!has' | 'has_cs' | '!has_cs' | 'hasprefix' | '!hasprefix' | 'hasprefix_cs' | '!hasprefix_cs'
  | 'hassuffix' | '!hassuffix' | 'hassuffix_cs' | '!hassuffix_cs' | 'contains' | '!contains' | 'contains_cs'
  | '!contains_cs' | 'startswith' | '!startswith' | 'startswith_cs' | '!startswith_cs' | 'endswith' | '!endswith'
  | 'endswith_cs' | '!endswith_cs';

export type ListOp = 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all';
