// Syntax errors → syntax-unexpected-token diagnostics, with hints for the usual slips: SQL's `=` for `==`, a
// misspelt operator keyword after `|`, a `let` missing its `;`.

import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.js';
import { isRealToken, tokenSpan } from './to-ast.js';

/** A chevrotain recognition error (its message is the "expected ..." part, see grammar/messages.ts). */
export function describeSyntaxError(e: IRecognitionException, text: string): Diagnostic {
  return unexpectedToken(e.token, e.message, text);
}

/** `unexpected <found>; expected <expected>` at `t` (or at the end of the text for EOF / a token made by recovery). */
export function unexpectedToken(t: IToken, expected: string, text: string): Diagnostic {
  const atEnd = t.tokenType === EOF || !isRealToken(t);
  const span = atEnd ? { start: text.length, end: text.length } : tokenSpan(t);
  const found = atEnd ? 'end of input' : `'${t.image}'`;
  const notes = atEnd ? [] : hintFor(t, text);
  return diagnostic('syntax-unexpected-token', span, expected ? { found, expected } : { found }, { notes });
}

function hintFor(t: IToken, text: string): string[] {
  const image = t.image;
  if (image === '=') return ["KQL compares with '==' (a single '=' names a column: extend x = ...)"];
  if (image === 'let') return ["a let statement ends with ';' — is one missing before this let?"];
  const before = text.slice(0, t.startOffset).trimEnd();
  if (before.endsWith('|') && /^[A-Za-z-]+$/.test(image)) {
    const s = didYouMean(image, TABULAR_OPERATORS);
    if (s.length > 0) return s;
  }
  return [];
}

/** Operator keywords, for "did you mean" after a pipe. */
const TABULAR_OPERATORS = [
  'where', 'filter', 'extend', 'project', 'project-away', 'project-keep', 'project-rename', 'project-reorder',
  'summarize', 'sort', 'order', 'top', 'take', 'limit', 'count', 'distinct', 'join', 'lookup', 'union',
  'mv-expand', 'mv-apply', 'make-series', 'render', 'parse', 'as', 'invoke', 'evaluate', 'serialize', 'getschema',
  'sample',
];
