// Stored function definitions → the engine's StoredFunction (a lambda over its own text). Browser-safe; the CLI reads
// files with src/node/stored-functions.ts. Accepted forms:
//  - Kusto's control command: `.create-or-alter function [with (docstring=…, folder=…)] Name(a:string, n:long = 5) { body }`
//    (also `.create function [ifnotexists]`, `.alter function`), as Kusto's function docs write it;
//  - parts: a name, parameters (text `a:string, n:long = 5`) and a body (what Sentinel's parser YAML gives).
// The definition parses when it is defined: a syntax error is reported then, positioned in its file.

import { diagnostic, KqlError, type Diagnostic } from './diagnostics.js';
import type { StoredFunction } from './engine/bind/stored-functions.js';
import { parse } from './parser/index.js';
import type * as A from './parser/ast.js';

const HEADER = /\.(?:create-or-alter|create|alter)\s+function\s+(?:ifnotexists\s+)?(?:with\s*\((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)])*\)\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*\(/iy;

/** `shown`: the text errors are shown against (the file's own text when positions were kept). */
function lambdaOf(text: string, source: string, name: string, shift: number, shown = text): StoredFunction {
  const parsed = parse(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const st = parsed.ast.statements;
  const first = st[0];
  if (errors.length === 0 && (st.length !== 1 || first?.kind !== 'Let' || first.value.kind !== 'Lambda')) {
    errors.push(diagnostic('bind-invalid', { start: 0, end: text.length }, { message: `function '${name}': expected one definition, Name(parameters) { body }` }));
  }
  if (errors.length > 0) throw new KqlError(errors.map((d): Diagnostic => d), shown, source);
  return { name, lambda: (first as A.LetStatement).value as A.Lambda, text, source, lineShift: shift };
}

/** A `.create-or-alter function …` definition (leading comments allowed). Throws KqlError positioned in `text`. */
export function parseFunctionDefinition(text: string, source = 'function'): StoredFunction {
  // Skip comments and blank lines to the command.
  let at = 0;
  for (;;) {
    const m = /\s*(?:\/\/[^\n]*(?:\n|$))?/y;
    m.lastIndex = at;
    const r = m.exec(text);
    if (!r || r[0].length === 0) break;
    at += r[0].length;
  }
  HEADER.lastIndex = at;
  const h = HEADER.exec(text);
  if (!h) {
    throw new KqlError([diagnostic('bind-invalid', { start: at, end: Math.min(text.length, at + 1) }, { message: 'expected .create-or-alter function Name(parameters) { body }' })], text, source);
  }
  const name = h[1]!;
  // Rewrite the command into `let Name = (…) { … }` in place: the header's characters become the `let`, so every
  // position after it (and every line) stays where it is in the file.
  const parenAt = at + h[0].length - 1;
  const head = `let ${name} =`;
  const region = text.slice(at, parenAt);
  const firstLineLength = region.includes('\n') ? region.indexOf('\n') : region.length;
  if (head.length <= firstLineLength) {
    const blanked = head + region.slice(head.length).replace(/[^\n]/g, ' ');
    return lambdaOf(text.slice(0, at) + blanked + text.slice(parenAt), source, name, 0, text);
  }
  return lambdaOf(`${head} ${text.slice(parenAt)}`, source, name, 0);
}

/** A function from its parts (a Sentinel parser YAML's FunctionParams and FunctionQuery). `bodyLine`: its first line in `source`. */
export function functionFromParts(name: string, parameters: string, body: string, source = 'function', bodyLine = 1): StoredFunction {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new KqlError([diagnostic('bind-invalid', { start: 0, end: 0 }, { message: `'${name}' is not a function name` })], undefined, source);
  }
  // The body's own trailing `;` would end the lambda early.
  const text = `let ${name} = (${parameters}) {\n${body.replace(/[\s;]+$/, '')}\n}`;
  return lambdaOf(text, source, name, bodyLine - 2);
}
