// chevrotain's error messages, reduced to the "expected ..." part. parse() (../index.ts) wraps them into
// syntax-unexpected-token diagnostics with the token found and its span.

import { EOF, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import * as T from '../tokens.js';

function label(t: TokenType): string {
  if (t === T.AnyName) return 'a name';
  if (t === EOF) return 'end of input';
  return t.LABEL ?? t.name;
}

const EXPRESSION_STARTS = [
  "'-'", "'+'", 'string literal', 'integer literal', 'hex literal', 'real literal', 'timespan literal', 'typed literal',
  "'true'", "'false'", "'dynamic'", "'typeof'", "'$left'", "'$right'", "'('", "'['", 'a name', "'*'",
];

/** The first token of each possible continuation, as one readable list. */
function expectedList(paths: readonly TokenType[][]): string {
  const seen = new Set<string>();
  for (const path of paths) {
    const first = path[0];
    if (first) seen.add(label(first));
  }
  // Everything that can start an expression is one idea for the reader.
  if (seen.has('string literal') && seen.has('a name')) {
    for (const l of EXPRESSION_STARTS) seen.delete(l);
    seen.add('an expression');
  }
  const all = [...seen];
  return all.length > 6 ? `${all.slice(0, 6).join(', ')}, ...` : all.join(', ');
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => label(expected),
  buildNotAllInputParsedMessage: () => "end of input or ';'",
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) => expectedList(expectedPathsPerAlt.flat(1)),
  buildEarlyExitMessage: ({ expectedIterationPaths }) => expectedList(expectedIterationPaths),
};
