// Conformance case files (sqllogictest style). A block starts with a directive line:
//   query [ordered|unordered] [now=ISO]      then KQL lines, a `----` line, a header `Name:type, ...`, and one
//                                            JSON array per expected row (Kusto JSON conventions), up to a blank line;
//   error <code> [at L:C] [now=ISO]          then KQL lines up to a blank line: the query must fail with that code
//                                            (and position, 1-based, relative to the KQL text).
// Lines starting with `#` between blocks are comments (doc links, reasoning).

export interface QueryCase {
  readonly kind: 'query';
  readonly line: number;
  readonly ordered: boolean;
  readonly now?: string;
  readonly kql: string;
  readonly columns: { name: string; type: string }[];
  readonly rows: unknown[][];
}
export interface ErrorCase {
  readonly kind: 'error';
  readonly line: number;
  readonly now?: string;
  readonly kql: string;
  readonly code: string;
  readonly at?: { line: number; column: number };
}
export type Case = QueryCase | ErrorCase;

export function parseCaseFile(text: string, file: string): Case[] {
  const lines = text.split(/\r?\n/);
  const cases: Case[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${file}:${i + 1}: ${msg}`);
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) {
      i++;
      continue;
    }
    const start = i + 1;
    const words = line.trim().split(/\s+/);
    const now = words.find((w) => w.startsWith('now='))?.slice(4);
    if (words[0] === 'query') {
      const ordered = words.includes('ordered');
      i++;
      const kql: string[] = [];
      while (i < lines.length && lines[i] !== '----') kql.push(lines[i++]!);
      if (i >= lines.length) fail('query block without ----');
      i++;
      const header = lines[i++] ?? fail('missing header');
      const columns = header.split(',').map((c) => {
        const [name, type] = c.trim().split(':');
        if (!name || !type) fail(`bad header cell '${c}'`);
        return { name: name!, type: type! };
      });
      const rows: unknown[][] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        try {
          rows.push(JSON.parse(lines[i]!) as unknown[]);
        } catch {
          fail(`row is not a JSON array: ${lines[i]}`);
        }
        i++;
      }
      cases.push({ kind: 'query', line: start, ordered, now, kql: kql.join('\n'), columns, rows });
    } else if (words[0] === 'error') {
      const code = words[1] ?? fail('error needs a code');
      const atWord = words.indexOf('at');
      let at: { line: number; column: number } | undefined;
      if (atWord > 0) {
        const [l, c] = (words[atWord + 1] ?? '').split(':').map(Number);
        if (!l || !c) fail('bad position');
        at = { line: l!, column: c! };
      }
      i++;
      const kql: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') kql.push(lines[i++]!);
      cases.push({ kind: 'error', line: start, now, kql: kql.join('\n'), code, at });
    } else {
      fail(`expected 'query' or 'error', got '${line}'`);
    }
  }
  return cases;
}
