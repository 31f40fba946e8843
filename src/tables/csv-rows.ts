// CSV rows straight into typed columns: a hand-written RFC 4180 scanner (fields separated by commas, records by
// LF or CRLF, fields optionally in double quotes with "" for a quote and line breaks allowed inside quotes).
// Strict where a reader could lose data: a quote inside an unquoted field, text after a closing quote, an
// unterminated quoted field and a record with more or fewer fields than the header are errors with positions.
// [U] Empty lines are skipped (not read as a record of one empty field). A CR not followed by LF is data.
//
// Header cells name columns: `Name`, `Name:type` (the type checked against the table's schema), or the Azure
// portal's `Name [UTC]` (Log Analytics CSV export: a datetime column in UTC; its slash dates must be en-US).
// Chunked reading as in json-rows.ts: a record cut by the end of a window throws NEED_MORE.

import { didYouMean } from '../diagnostics.js';
import type { ScalarType } from '../values/types.js';
import { columnTypeOf } from '../values/type-names.js';
import { detach, DatetimeColumn } from './column-builder.js';
import { DataError, locate } from './data-error.js';
import { NEED_MORE } from './json-rows.js';
import type { TableBuilder } from './table-builder.js';
import type { Schema } from './table.js';
import { ValueError } from './text-values.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** One header cell, understood. */
export interface CsvHeaderCell {
  readonly name: string;
  /** From `Name:type`. */
  readonly declared?: ScalarType;
  /** `Name [UTC]`: a portal export's datetime column. */
  readonly portal?: boolean;
  /** 0-based offset of the cell in the text the header was read from. */
  readonly at: number;
}

export class CsvReader {
  text = '';
  pos = 0;
  end = 0;
  final = true;
  baseLine = 1;
  baseColumn = 1;
  /** Offset of the window's first character, which is at baseLine:baseColumn of the file. */
  windowStart = 0;
  private cell = '';
  private cellStart = 0;
  private cellEnd = 0;
  private cellEscaped = false;

  constructor(private readonly file: string) {}

  setWindow(text: string, start: number, end: number, final: boolean, baseLine = 1, baseColumn = 1): void {
    this.text = text;
    this.pos = start;
    this.windowStart = start;
    this.end = end;
    this.final = final;
    this.baseLine = baseLine;
    this.baseColumn = baseColumn;
  }

  error(offset: number, message: string, notes: readonly string[] = []): never {
    const { line, column } = locate(this.text, this.windowStart, offset, this.baseLine, this.baseColumn);
    throw new DataError(this.file, line, column, message, notes);
  }

  private atEnd(offset: number, what: string): never {
    if (!this.final) throw NEED_MORE;
    this.error(offset, what);
  }

  /**
   * The field at p: its text is text[cellStart, cellEnd) or, when it had "" escapes, `cell`. Returns the offset of
   * the character after it (a comma, a line break, or the end).
   */
  private field(p: number): number {
    const t = this.text;
    const end = this.end;
    if (p < end && t.charCodeAt(p) === QUOTE) {
      let q = p + 1;
      let out = '';
      let escaped = false;
      for (;;) {
        const i = t.indexOf('"', q);
        if (i < 0 || i >= end) this.atEnd(p, 'unterminated quoted field (a quote opens here and never closes)');
        if (i + 1 >= end && !this.final) throw NEED_MORE; // `""` may be cut between two windows
        if (i + 1 < end && t.charCodeAt(i + 1) === QUOTE) {
          out += t.slice(q, i + 1);
          q = i + 2;
          escaped = true;
          continue;
        }
        if (escaped) this.cell = out + t.slice(q, i);
        this.cellEscaped = escaped;
        this.cellStart = p + 1;
        this.cellEnd = i;
        const after = i + 1;
        if (after < end) {
          const c = t.charCodeAt(after);
          if (c !== COMMA && c !== LF && !(c === CR && after + 1 < end && t.charCodeAt(after + 1) === LF)) {
            if (c === CR && after + 1 >= end && !this.final) throw NEED_MORE;
            this.error(after, 'text after the closing quote of a field (a quote inside a field is written "")');
          }
        }
        return after;
      }
    }
    let i = p;
    for (; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === COMMA || c === LF) break;
      if (c === CR) {
        if (i + 1 < end && t.charCodeAt(i + 1) === LF) break;
        if (i + 1 >= end && !this.final) throw NEED_MORE;
      }
      if (c === QUOTE) this.error(i, 'a quote inside an unquoted field (quote the whole field and write the quote as "")');
    }
    if (i >= end && !this.final) throw NEED_MORE;
    this.cellEscaped = false;
    this.cellStart = p;
    this.cellEnd = i;
    return i;
  }

  private cellText(): string {
    return this.cellEscaped ? this.cell : this.text.slice(this.cellStart, this.cellEnd);
  }

  /** Past the record terminator at p (LF or CRLF); p itself at the end of the text. */
  private afterTerminator(p: number): number {
    const t = this.text;
    if (p >= this.end) return p;
    return t.charCodeAt(p) === CR ? p + 2 : p + 1;
  }

  /** Skips empty lines at `pos`; false when the window holds no further record. */
  private skipEmptyLines(): boolean {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      if (p >= this.end) {
        this.pos = p;
        return false;
      }
      const c = t.charCodeAt(p);
      if (c === LF) p++;
      else if (c === CR && p + 1 < this.end && t.charCodeAt(p + 1) === LF) p += 2;
      else if (c === CR && p + 1 >= this.end && !this.final) throw NEED_MORE;
      else break;
    }
    this.pos = p;
    return true;
  }

  /** The header record's cells; undefined when the text holds no record. */
  readHeader(): CsvHeaderCell[] | undefined {
    if (!this.skipEmptyLines()) return undefined;
    const cells: CsvHeaderCell[] = [];
    let p = this.pos;
    for (;;) {
      const at = p;
      p = this.field(p);
      cells.push(this.headerCell(this.cellText(), at));
      if (p < this.end && this.text.charCodeAt(p) === COMMA) {
        p++;
        continue;
      }
      break;
    }
    this.pos = this.afterTerminator(p);
    const seen = new Map<string, number>();
    cells.forEach((c, i) => {
      const first = seen.get(c.name);
      if (first !== undefined) this.error(c.at, `column '${c.name}' appears twice in the header (fields ${first + 1} and ${i + 1})`);
      seen.set(c.name, i);
    });
    return cells;
  }

  private headerCell(raw: string, at: number): CsvHeaderCell {
    let text = raw.trim();
    if (text === '') this.error(at, 'a header cell with no column name');
    const local = /^(.*?)\s*\[local time\]$/i.exec(text);
    if (local) {
      this.error(at, `column '${local[1]}' was exported in local time, whose offset the file does not record`, [
        "set the portal's display time zone to UTC and export again: the header then says [UTC]",
      ]);
    }
    const utc = /^(.*?)\s*\[UTC\]$/i.exec(text);
    if (utc) return { name: utc[1]!, portal: true, declared: 'datetime', at };
    const typed = /^([^:]+):([A-Za-z][A-Za-z0-9.]*)$/.exec(text);
    if (typed) {
      const t = columnTypeOf(typed[2]!);
      if ('error' in t) this.error(at, `header cell '${text}': ${t.error}`, t.notes);
      return { name: typed[1]!.trim(), declared: t.type, at };
    }
    text = detach(text);
    return { name: text, at };
  }

  /**
   * Columns of `schema` in the order of the header's fields, checking names (with a did-you-mean) and declared
   * types; portal datetime columns are marked on the builder's columns.
   */
  bindHeader(header: readonly CsvHeaderCell[], schema: Schema, table: string, builder: TableBuilder): number[] {
    const names = schema.map((c) => c.name);
    return header.map((h) => {
      const j = names.indexOf(h.name);
      if (j < 0) this.error(h.at, `unknown column '${h.name}' for table '${table}'`, didYouMean(h.name, names));
      const type = schema[j]!.type;
      if (h.declared !== undefined && h.declared !== type) {
        this.error(h.at, `column '${h.name}' is ${type} in table '${table}' but the header declares it ${h.declared}${h.portal ? ' (a portal [UTC] column)' : ''}`);
      }
      const col = builder.columns[j]!;
      if (h.portal && col instanceof DatetimeColumn) col.portal = true;
      return j;
    });
  }

  /** One record at `pos` into the builder (fields in the header's order `order`); false when no record is left. */
  readRecord(order: readonly number[], builder: TableBuilder, schema: Schema, lenient: boolean): boolean {
    if (!this.skipEmptyLines()) return false;
    const t = this.text;
    const recordStart = this.pos;
    let p = recordStart;
    builder.beginRow();
    const row = builder.rows;
    for (let k = 0; ; k++) {
      const at = p;
      p = this.field(p);
      if (k >= order.length) this.error(at, `a record with more fields than the ${order.length} of the header`);
      const j = order[k]!;
      builder.claim(j);
      const col = builder.columns[j]!;
      try {
        if (this.cellEscaped) col.putCell(row, detach(this.cell));
        else col.putCellRange(row, t, this.cellStart, this.cellEnd);
      } catch (err) {
        if (!(err instanceof ValueError)) throw err;
        if (!lenient) {
          const c = schema[j]!;
          this.error(at, `column '${c.name}' (${c.type}): ${err.message}: ${JSON.stringify(this.cellText().slice(0, 200))}`);
        }
        builder.markBad(j);
      }
      if (p < this.end && t.charCodeAt(p) === COMMA) {
        p++;
        if (p >= this.end && !this.final) throw NEED_MORE;
        continue;
      }
      if (k + 1 !== order.length) this.error(recordStart, `a record with ${k + 1} field(s); the header has ${order.length}`);
      break;
    }
    builder.endRow();
    this.pos = this.afterTerminator(p);
    return true;
  }
}
