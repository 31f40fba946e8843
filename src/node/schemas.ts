// Custom table schemas from a folder (Node only): the tables a workspace defines that kqlite's catalogue cannot know
// (`*_CL` custom logs, third-party connector tables) or whose columns differ locally. Two formats, told apart by name:
//
//   <Table>.schema.json   an array of columns, `[{"name": "Col", "type": "string"}, ...]` — the format a data
//                         folder already uses next to `<Table>.ndjson` (see load-data.ts).
//   <anything>.json       Azure-Sentinel's KQL-validation format (.script/tests/KqlvalidationsTests/CustomTables):
//                         `{"Name": "Table", "Properties": [{"Name": "Col", "Type": "String"}, ...]}`; keys are
//                         matched without regard to case, as those files spell them both ways.
//
// Type names: kqlite's and their documented aliases, without regard to case (`String`, `DateTime`, `Int64`...).
// `decimal` is refused (kqlite cannot compute with it yet) rather than read as real. A malformed file is an error
// naming file:line:col and what is wrong, with a did-you-mean for misspelt type names; nothing is skipped silently.
//
// Library use: `for (const [name, columns] of Object.entries(loadSchemaFolder(dir))) db.defineTable(name, columns)`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from '../diagnostics.js';
import type { Column } from '../tables/table.js';
import { TYPE_ALIASES, type ScalarType } from '../values/types.js';
import { DataError } from './load-data.js';

/** Table name → its columns, for every schema file of a folder. */
export type SchemaSet = Record<string, Column[]>;

/** Reads every `*.json` schema file of a folder (not its subfolders). Throws DataError with a position. */
export function loadSchemaFolder(dir: string): SchemaSet {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DataError(dir, 0, 0, 'schema folder not found');
  const tables = new Map<string, { columns: Column[]; file: string }>();
  for (const f of readdirSync(dir).filter((x) => x.toLowerCase().endsWith('.json')).sort()) {
    const file = join(dir, f);
    if (!statSync(file).isFile()) continue;
    for (const t of readSchemaFile(file)) {
      const earlier = tables.get(t.table);
      if (earlier) throw new DataError(file, t.line, t.col, `table '${t.table}' is already declared in ${earlier.file}`);
      tables.set(t.table, { columns: t.columns, file });
    }
  }
  return Object.fromEntries([...tables].map(([name, t]) => [name, t.columns]));
}

/** The table(s) one schema file declares, with where each is declared. */
export function readSchemaFile(file: string): { table: string; columns: Column[]; line: number; col: number }[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const root = parseJson(text, file);
  const fail = (at: Pos, message: string, notes: readonly string[] = []): never => {
    throw new DataError(file, at.line, at.col, message, notes);
  };
  const base = file.replace(/^.*[\\/]/, '');
  if (base.toLowerCase().endsWith('.schema.json')) {
    const table = base.slice(0, -'.schema.json'.length);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) fail({ line: 1, col: 1 }, `'${table}' (from the file name) is not a table name: letters, digits and underscores`);
    if (root.kind !== 'array') fail(root.pos, 'a <Table>.schema.json file holds an array of {"name": …, "type": …} columns');
    return [{ table, columns: columnsOf(root as JArray, 'name', 'type', fail), line: 1, col: 1 }];
  }
  if (root.kind !== 'object') {
    fail(root.pos, 'expected {"Name": "<table>", "Properties": [{"Name": …, "Type": …}]} (Azure-Sentinel custom table format) or a <Table>.schema.json file');
  }
  const obj = root as JObject;
  const name = member(obj, 'name');
  const properties = member(obj, 'properties');
  if (!name) fail(obj.pos, "missing \"Name\": the table's name");
  if (name!.value.kind !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name!.value.value)) {
    fail(name!.value.pos, 'the table name must be a string of letters, digits and underscores');
  }
  if (!properties) fail(obj.pos, 'missing "Properties": the list of columns');
  if (properties!.value.kind !== 'array') fail(properties!.value.pos, '"Properties" must be a list of {"Name": …, "Type": …}');
  const table = (name!.value as JString).value;
  return [{ table, columns: columnsOf(properties!.value as JArray, 'Name', 'Type', fail), line: name!.keyPos.line, col: name!.keyPos.col }];
}

const TYPE_NAMES = Object.keys(TYPE_ALIASES);

function scalarType(name: string): ScalarType | undefined {
  const key = name.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(TYPE_ALIASES, key) ? TYPE_ALIASES[key] : undefined;
}

function columnsOf(list: JArray, nameKey: string, typeKey: string, fail: (at: Pos, message: string, notes?: readonly string[]) => never): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  list.items.forEach((item, i) => {
    if (item.kind !== 'object') fail(item.pos, `column ${i + 1}: expected {"${nameKey}": …, "${typeKey}": …}`);
    const n = member(item as JObject, nameKey);
    const t = member(item as JObject, typeKey);
    if (!n || n.value.kind !== 'string' || n.value.value.trim() === '') fail(n?.value.pos ?? item.pos, `column ${i + 1}: missing "${nameKey}" (a non-empty string)`);
    const name = (n!.value as JString).value.trim();
    if (seen.has(name)) fail(n!.value.pos, `column '${name}' is declared twice`);
    if (!t || t.value.kind !== 'string') fail(t?.value.pos ?? item.pos, `column '${name}': missing "${typeKey}" (a type name such as "string")`);
    const typeName = (t!.value as JString).value;
    const type = scalarType(typeName);
    if (type === undefined) {
      fail(t!.value.pos, `column '${name}': unknown type '${typeName}'`, didYouMean(typeName.trim().toLowerCase(), TYPE_NAMES));
    }
    if (type === 'decimal') fail(t!.value.pos, `column '${name}': type decimal is not supported yet`);
    seen.add(name);
    columns.push({ name, type: type! });
  });
  if (columns.length === 0) fail(list.pos, 'a table needs at least one column');
  return columns;
}

/** An object's member, its key matched without regard to case. */
function member(obj: JObject, key: string): JObject['entries'][number] | undefined {
  const k = key.toLowerCase();
  return obj.entries.find((e) => e.key.toLowerCase() === k);
}

// ---------------------------------------------------------------------------------------------------------------
// A small JSON parser that remembers where each value starts (1-based line and column), for error positions.

interface Pos {
  readonly line: number;
  readonly col: number;
}
interface JObject {
  readonly kind: 'object';
  readonly pos: Pos;
  readonly entries: { readonly key: string; readonly keyPos: Pos; readonly value: JValue }[];
}
interface JArray {
  readonly kind: 'array';
  readonly pos: Pos;
  readonly items: JValue[];
}
interface JString {
  readonly kind: 'string';
  readonly pos: Pos;
  readonly value: string;
}
type JValue = JObject | JArray | JString | { readonly kind: 'number' | 'boolean' | 'null'; readonly pos: Pos };

function parseJson(text: string, file: string): JValue {
  let i = 0;
  const posAt = (at: number): Pos => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, col: at - lineStart + 1 };
  };
  const fail = (at: number, message: string): never => {
    const p = posAt(at);
    throw new DataError(file, p.line, p.col, `not valid JSON: ${message}`);
  };
  const skip = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `'${text[i]}'`);
  const value = (): JValue => {
    skip();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const entries: JObject['entries'] = [];
      skip();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', pos: posAt(start), entries };
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail(i, `expected a property name in quotes, found ${describe()}`);
        const keyStart = i;
        const key = (value() as JString).value;
        skip();
        if (text[i] !== ':') fail(i, `expected ':' after the property name, found ${describe()}`);
        i++;
        entries.push({ key, keyPos: posAt(keyStart), value: value() });
        skip();
        if (text[i] === ',') {
          i++;
          skip();
          if (text[i] === '}') fail(i, 'a comma before } (trailing commas are not JSON)');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', pos: posAt(start), entries };
        }
        fail(i, `expected ',' or '}', found ${describe()}`);
      }
    }
    if (ch === '[') {
      i++;
      const items: JValue[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', pos: posAt(start), items };
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[i] === ',') {
          i++;
          skip();
          if (text[i] === ']') fail(i, 'a comma before ] (trailing commas are not JSON)');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', pos: posAt(start), items };
        }
        fail(i, `expected ',' or ']', found ${describe()}`);
      }
    }
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text.charCodeAt(i) < 0x20) fail(i, 'a control character inside a string');
        i++;
      }
      if (i >= text.length) fail(start, 'a string that never ends');
      i++;
      let s: string;
      try {
        s = JSON.parse(text.slice(start, i)) as string;
      } catch {
        return fail(start, 'a bad escape in a string');
      }
      return { kind: 'string', pos: posAt(start), value: s };
    }
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64))?.[0];
    if (!word) return fail(i, `expected a value, found ${describe()}`);
    i += word.length;
    return { kind: word === 'null' ? 'null' : word === 'true' || word === 'false' ? 'boolean' : 'number', pos: posAt(start) };
  };
  const root = value();
  skip();
  if (i < text.length) fail(i, `found ${describe()} after the end of the value`);
  return root;
}
