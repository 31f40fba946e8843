// The little Markdown the catalogue generator needs: a page's front matter (`ms.date`, `ms.custom`), its first
// heading, and its pipe tables with the source line of every row (for messages). Descriptions are never kept:
// the catalogue holds column facts only.

export interface PipeRow {
  /** 1-based line in the page. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface PipeTable {
  readonly line: number;
  /** Header cells, as written (trimmed). */
  readonly header: readonly string[];
  readonly rows: readonly PipeRow[];
}

/** `key: value` lines of the leading `---` block (multi-line YAML values are not needed and are skipped). */
export function frontMatter(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return fields;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') break;
    const m = /^([A-Za-z0-9_.-]+):\s*(.*?)\s*$/.exec(line);
    if (m) fields.set(m[1]!, m[2]!);
  }
  return fields;
}

/** `ms.date` (MM/DD/YYYY) as an ISO date, or undefined when absent or not in that form. */
export function docDate(fields: ReadonlyMap<string, string>): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(fields.get('ms.date') ?? '');
  if (!m) return undefined;
  return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** The text of the first level-1 heading (`# Name`), or undefined. */
export function firstHeading(text: string): string | undefined {
  const m = /^#[ \t]+(.+?)[ \t]*$/m.exec(text);
  return m?.[1];
}

/** Splits one `| a | b |` row into trimmed cells (an escaped `\|` stays inside its cell). */
export function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const SEPARATOR = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Every pipe table of a page: a header row, a `|---|` separator, then the rows up to the first non-table line. */
export function pipeTables(text: string): PipeTable[] {
  const lines = text.split(/\r?\n/);
  const tables: PipeTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!.trim();
    if (!head.startsWith('|') || !SEPARATOR.test(lines[i + 1]!.trim())) continue;
    const rows: PipeRow[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) rows.push({ line: j + 1, cells: splitRow(lines[j]!) });
    tables.push({ line: i + 1, header: splitRow(head), rows });
    i = j - 1;
  }
  return tables;
}

/** A cell's plain text: without code ticks, emphasis and surrounding blanks (`` `Timestamp` `` → `Timestamp`). */
export function plainCell(cell: string): string {
  return cell.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();
}

/** The header, normalised for comparison: lower case, single spaces. */
export function headerKey(header: readonly string[]): string {
  return header.map((h) => plainCell(h).toLowerCase()).join('|');
}
