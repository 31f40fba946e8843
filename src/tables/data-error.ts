// The one error a data source reports: where (`file:line:column`, 1-based; column in UTF-16 code units of the
// line) and what, with hints. Browser-safe, so the scanners in src/tables can raise it; src/node re-exports it.

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
    readonly notes: readonly string[] = [],
  ) {
    // Line 0: the whole file (or folder) is at fault, not a place in it.
    super(`${file}${line > 0 ? `:${line}:${column}` : ''}: ${message}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    this.name = 'DataError';
  }
}

/**
 * Line and column of `offset` in a text whose character at `from` is at line `baseLine`, column `baseColumn` of the
 * file (counted only when a position is needed).
 */
export function locate(text: string, from: number, offset: number, baseLine: number, baseColumn = 1): { line: number; column: number } {
  let line = baseLine;
  let lineStart = -1;
  for (let i = text.indexOf('\n', from); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: lineStart < 0 ? baseColumn + offset - from : offset - lineStart + 1 };
}

/** How many line feeds text[from, to) holds. */
export function countLines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
