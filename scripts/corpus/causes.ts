// Turns a diagnostic into a failure CAUSE that groups well across thousands of queries: the stable diagnostic
// code plus its message with the query-specific parts (column names, literals, positions) taken out, and the
// parts that say what to build (a table, a function, the feature refused by name) kept.

export interface DiagnosticLike {
  readonly code: string;
  readonly message: string;
}

const KEEP_NAME = new Set(['bind-unknown-table', 'bind-unknown-function', 'bind-not-supported', 'bind-wrong-arity']);

function squash(s: string, max = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** `code: normalised message` for one kqlite diagnostic. */
export function kqliteCause(d: DiagnosticLike): string {
  let m = d.message;
  if (d.code === 'bind-unknown-column') m = 'unknown column';
  else if (d.code === 'bind-unknown-name') m = 'unknown name';
  else if (d.code === 'bind-duplicate-column') m = 'duplicate column name';
  else if (d.code === 'syntax-unexpected-token') {
    // "unexpected 'x'; expected <chevrotain's list>": keep the token when it is a word or a symbol, not a literal.
    const found = /^unexpected ('(?:[^']|'')*'|end of input)/.exec(m)?.[1] ?? '';
    const word = /^'([A-Za-z_][\w-]*|[^\w\s'"]{1,3})'$/.test(found) || found === 'end of input';
    const expected = /; expected (.*)$/s.exec(m)?.[1];
    m = `unexpected ${word ? found : 'literal'}${expected ? `; expected ${squash(expected.replace(/Expecting[^:]*:\s*/i, ''), 60)}` : ''}`;
  } else if (!KEEP_NAME.has(d.code)) {
    m = m.replace(/'[^']{25,}'/g, "'…'").replace(/\b\d+\b/g, 'N');
  }
  return `${d.code}: ${squash(m)}`;
}

/** `code: normalised message` for one of Microsoft's diagnostics (positions and quoted names removed). */
export function msCause(d: { code: string; message: string }): string {
  let m = d.message;
  // Keep the name for unknown tables/functions (what to build); drop it for columns and other names.
  if (/^The name '.*' does not refer to any known column/.test(m)) {
    m = m.replace(/^The name '(.*)' does not refer/, "The name 'X' does not refer");
  } else if (/^The name '.*' does not refer/.test(m)) {
    // unknown table / function: keep the name
  } else if (!/function|table|plugin/i.test(m)) {
    m = m.replace(/'[^']*'/g, "'X'");
  }
  return `ms ${d.code}: ${squash(m)}`;
}
