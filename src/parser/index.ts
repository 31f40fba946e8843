// Public entry point of the parser: text → { ast, diagnostics }. Never throws.

import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.js';
import type { Script } from './ast.js';
import { KqlParser } from './grammar/parser.js';
import { tokenize } from './lexer.js';
import { EOF, type IRecognitionException } from 'chevrotain';
import { tokenSpan, isRealToken } from './to-ast.js';

export type * from './ast.js';
export { print } from './print.js';

let shared: KqlParser | undefined;

function parser(): KqlParser {
  shared ??= new KqlParser();
  return shared;
}

function describe(e: IRecognitionException, text: string): Diagnostic {
  const t = e.token;
  const atEnd = t.tokenType === EOF || !isRealToken(t);
  const span = atEnd ? { start: text.length, end: text.length } : tokenSpan(t);
  const found = atEnd ? 'end of input' : `'${t.image}'`;
  const notes = atEnd ? [] : hintFor(t.image, e, text);
  return diagnostic('syntax-unexpected-token', span, e.message ? { found, expected: e.message } : { found }, { notes });
}

/** Hints for the usual slips: SQL's `=` for `==`, a misspelt operator keyword after `|`, a `let` missing its `;`. */
function hintFor(image: string, e: IRecognitionException, text: string): string[] {
  if (image === '=') return ["KQL compares with '==' (a single '=' names a column: extend x = ...)"];
  if (image === 'let') return ["a let statement ends with ';' — is one missing before this let?"];
  const before = text.slice(0, e.token.startOffset).trimEnd();
  if (before.endsWith('|') && /^[A-Za-z-]+$/.test(image)) {
    const s = didYouMean(image, TABULAR_OPERATORS);
    if (s.length > 0) return s;
  }
  return [];
}

const TABULAR_OPERATORS = [
  'where', 'filter', 'extend', 'project', 'project-away', 'project-keep', 'project-rename', 'project-reorder',
  'summarize', 'sort', 'order', 'top', 'take', 'limit', 'count', 'distinct', 'join', 'lookup', 'union',
  'mv-expand', 'mv-apply', 'make-series', 'render', 'parse', 'as', 'invoke', 'evaluate', 'serialize', 'getschema',
  'sample',
];

export function parse(text: string): { ast: Script; diagnostics: Diagnostic[] } {
  const empty: Script = { kind: 'Script', statements: [], span: { start: 0, end: text.length } };
  try {
    const lexed = tokenize(text);
    const p = parser();
    p.text = text;
    p.diags = [];
    p.input = lexed.tokens;
    const ast = p.script() ?? empty;
    const diagnostics = [...lexed.diagnostics, ...p.diags, ...p.errors.map((e) => describe(e, text))];
    diagnostics.sort((a, b) => a.span.start - b.span.start);
    return { ast, diagnostics };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ast: empty,
      diagnostics: [diagnostic('syntax-error', { start: 0, end: text.length }, { message: `internal parser error: ${message}` })],
    };
  }
}
