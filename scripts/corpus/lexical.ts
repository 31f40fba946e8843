// A small lexical view of KQL text, independent of kqlite's parser so that it works on every query, including
// the ones kqlite cannot parse: tokens (identifiers, punctuation, with strings and comments skipped), the tables a
// query reads, and a "does this look like KQL" test for text found in Markdown or .txt files.

export interface Token {
  readonly kind: 'ident' | 'punct' | 'string' | 'number';
  readonly text: string;
  readonly start: number;
}

const DASHED_OPERATORS = new Set([
  'mv-expand', 'mv-apply', 'project-away', 'project-keep', 'project-rename', 'project-reorder', 'make-series',
  'parse-where', 'parse-kv', 'top-nested', 'top-hitters', 'sample-distinct', 'make-graph', 'graph-match',
  'graph-to-table', 'graph-shortest-paths', 'graph-mark-components', 'graph-merge', 'macro-expand', 'project-by-names',
]);

/** Tokens of `text`; comments are dropped, strings kept as one token (their text is not inspected further). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\u00a0' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // String literals: '...', "...", verbatim @'...' / @"...", obfuscated h'...' / H"...", multi-line ```...```.
    if (text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      i = end < 0 ? n : end + 3;
      out.push({ kind: 'string', text: text.slice(start, i), start });
      continue;
    }
    let quoteAt = -1;
    if (c === '"' || c === "'") quoteAt = i;
    else if ((c === '@' || c === 'h' || c === 'H') && (text[i + 1] === '"' || text[i + 1] === "'")) quoteAt = i + 1;
    if (quoteAt >= 0) {
      const q = text[quoteAt]!;
      const verbatim = text[i] === '@';
      i = quoteAt + 1;
      while (i < n && text[i] !== q && text[i] !== '\n') {
        if (!verbatim && text[i] === '\\') i++;
        i++;
      }
      i++;
      out.push({ kind: 'string', text: text.slice(start, Math.min(i, n)), start });
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      while (i < n && /[A-Za-z0-9_$]/.test(text[i]!)) i++;
      // Operator names with dashes (mv-expand, project-away, make-series, parse-where, top-nested...).
      const dashed = /^-[a-z]+(-[a-z]+)?/i.exec(text.slice(i, i + 40));
      if (dashed && DASHED_OPERATORS.has((text.slice(start, i) + dashed[0]).toLowerCase())) i += dashed[0].length;
      else if (dashed) {
        const one = /^-[a-z]+/i.exec(dashed[0])![0];
        if (DASHED_OPERATORS.has((text.slice(start, i) + one).toLowerCase())) i += one.length;
      }
      out.push({ kind: 'ident', text: text.slice(start, i), start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < n && /[0-9A-Za-z_.]/.test(text[i]!)) i++;
      out.push({ kind: 'number', text: text.slice(start, i), start });
      continue;
    }
    // Two-character punctuation that matters for the table heuristic.
    const two = text.slice(i, i + 2);
    if (['==', '!=', '=~', '!~', '<=', '>=', '..', '=>'].includes(two)) {
      out.push({ kind: 'punct', text: two, start });
      i += 2;
      continue;
    }
    out.push({ kind: 'punct', text: c, start });
    i++;
  }
  return out;
}

const JOIN_KINDS = new Set([
  'inner', 'innerunique', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi',
  'anti', 'leftantisemi', 'rightantisemi', 'true', 'false',
]);
const BEFORE_TABLE = new Set([';', '(', '=', ',', 'union', 'join', 'lookup', 'in', 'materialize', 'toscalar', 'view']);
const AFTER_TABLE = new Set(['|', ')', ';', ',', 'on', 'as']);

/**
 * Tables a query reads, found lexically: a name that is known as a table (or ends in `_CL`, Log Analytics'
 * custom-table suffix) standing where a tabular source stands — at the start of the query or of a statement,
 * after `(`, `=`, `,`, `union`, `join [kind=…]`, `lookup`, `in` — and followed by `|`, `)`, `;`, `,`, `on` or the
 * end. `table("Name")` and `['Name']` references count too. Good to about one query in a hundred; it exists to
 * group queries by table, not to bind them.
 */
export function tablesRead(text: string, knownTables: ReadonlySet<string>): string[] {
  const tokens = tokenize(text);
  const found = new Set<string>();
  const isTableName = (name: string) => knownTables.has(name) || /_CL$/.test(name);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    let name: string | undefined;
    let nextIndex = k + 1;
    if (t.kind === 'ident') {
      if (/^table$/i.test(t.text) && tokens[k + 1]?.text === '(' && tokens[k + 2]?.kind === 'string') {
        const s = tokens[k + 2]!.text.replace(/^[@hH]?["']|["']$/g, '');
        if (isTableName(s)) found.add(s);
        continue;
      }
      name = t.text;
    } else if (t.text === '[' && tokens[k + 1]?.kind === 'string' && tokens[k + 2]?.text === ']') {
      name = tokens[k + 1]!.text.replace(/^[@hH]?["']|["']$/g, '');
      nextIndex = k + 3;
    }
    if (!name || !isTableName(name)) continue;
    const prev = tokens[k - 1];
    if (prev?.text === '.' ) continue;
    const prevOk = !prev || BEFORE_TABLE.has(prev.text.toLowerCase()) || JOIN_KINDS.has(prev.text.toLowerCase());
    const next = tokens[nextIndex];
    const nextOk = !next || AFTER_TABLE.has(next.text.toLowerCase());
    if (prevOk && nextOk) found.add(name);
  }
  return [...found].sort();
}

const OPERATORS = new Set([
  'where', 'project', 'extend', 'summarize', 'join', 'take', 'limit', 'sort', 'order', 'top', 'distinct', 'count',
  'union', 'mv-expand', 'mvexpand', 'parse', 'render', 'make-series', 'lookup', 'evaluate', 'invoke', 'as',
  'project-away', 'project-rename', 'project-reorder', 'project-keep', 'filter', 'search', 'mv-apply', 'sample',
  'getschema', 'serialize', 'top-nested', 'parse-where', 'parse-kv', 'scan', 'partition', 'facet', 'fork', 'find',
]);

/**
 * Whether a block of text found in Markdown or a .txt file is a KQL query: it has a pipe into a tabular operator
 * (`| where`, `| summarize` …) or starts with `let`/`print`/`datatable`/`union`/`search`, and is not SQL, a shell
 * session or PowerShell (SELECT … FROM, `$var =`, `Get-…`).
 */
export function looksLikeKql(text: string): boolean {
  const t = text.trim();
  if (t.length < 8) return false;
  if (/^\s*select\s[\s\S]*\sfrom\s/i.test(t) && !/\|\s*(where|project|extend|summarize)\b/i.test(t)) return false;
  if (/^\s*(\$[A-Za-z_]+\s*=|Get-|Set-|Invoke-|Import-|Install-|Connect-|az |sudo |curl |#!)/m.test(t) && !/\|\s*(where|summarize|project)\b/.test(t)) return false;
  if (/\|\s*(where|project|extend|summarize|join|take|limit|sort|order|top|distinct|count|union|mv-expand|mvexpand|parse|render|make-series|lookup|evaluate|invoke|project-away|project-rename|project-reorder|filter|search|mv-apply|serialize)\b/i.test(t)) return true;
  if (/^\s*(let\s+[A-Za-z_]\w*\s*=|print\s|datatable\s*\(|union\s|search\s)/i.test(t)) return true;
  return false;
}

export function isOperatorName(word: string): boolean {
  return OPERATORS.has(word.toLowerCase());
}
