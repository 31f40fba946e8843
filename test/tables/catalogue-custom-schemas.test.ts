// Custom table schemas from a folder (src/node/schemas.ts): Azure-Sentinel's CustomTables format and
// <Table>.schema.json, good files and malformed ones (each error names file:line:col).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { DataError } from '../../src/node/load-data.js';
import { loadSchemaFolder } from '../../src/node/schemas.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-schemas-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function errorOf(files: Record<string, string>): string {
  const dir = folder(files);
  try {
    loadSchemaFolder(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message.replace(dir + '/', '');
  }
  throw new Error('expected an error');
}

describe('loadSchemaFolder: good files', () => {
  it('reads the Azure-Sentinel format (either key case) and <Table>.schema.json', () => {
    const dir = folder({
      'MyApp.json': JSON.stringify(
        { Name: 'MyApp_CL', Properties: [{ Name: 'TimeGenerated', Type: 'DateTime' }, { Name: 'Count_d', Type: 'Double' }, { Name: 'Ok_b', Type: 'Boolean' }, { Name: 'Id_g', Type: 'Guid' }] },
        null,
        2,
      ),
      'lower.json': JSON.stringify({ name: 'Lower_CL', properties: [{ name: 'Big', type: 'Int64' }, { name: 'Bag', type: 'dynamic' }, { name: 'Span', type: 'timespan' }] }),
      'Widgets.schema.json': '[{"name": "When", "type": "datetime"}, {"name": "N", "type": "int"}, {"name": "S", "type": "string "}]',
      'notes.txt': 'not a schema',
    });
    expect(loadSchemaFolder(dir)).toEqual({
      MyApp_CL: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Count_d', type: 'real' },
        { name: 'Ok_b', type: 'bool' },
        { name: 'Id_g', type: 'guid' },
      ],
      Lower_CL: [
        { name: 'Big', type: 'long' },
        { name: 'Bag', type: 'dynamic' },
        { name: 'Span', type: 'timespan' },
      ],
      Widgets: [
        { name: 'When', type: 'datetime' },
        { name: 'N', type: 'int' },
        { name: 'S', type: 'string' },
      ],
    });
  });

  it('declared tables bind in a Database, and a custom schema replaces a built-in one', () => {
    const dir = folder({
      'MyApp.json': JSON.stringify({ Name: 'MyApp_CL', Properties: [{ Name: 'TimeGenerated', Type: 'datetime' }, { Name: 'User_s', Type: 'string' }] }),
      'SigninLogs.schema.json': '[{"name": "TimeGenerated", "type": "datetime"}, {"name": "Mine", "type": "long"}]',
    });
    const db = new Database();
    for (const [name, columns] of Object.entries(loadSchemaFolder(dir))) db.defineTable(name, columns);
    expect(db.query('MyApp_CL | where User_s == "x" | count').toObjects()).toEqual([{ Count: 0 }]);
    expect(db.plan('SigninLogs | project Mine').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bad = db.plan('SigninLogs | project UserPrincipalName');
    expect(bad.diagnostics.map((d) => d.code)).toContain('bind-unknown-column');
  });

  it('an empty folder declares nothing', () => {
    expect(loadSchemaFolder(folder({}))).toEqual({});
  });
});

describe('loadSchemaFolder: malformed files are errors with file:line:col', () => {
  it.each([
    [
      'JSON with a trailing comma',
      { 'T.json': '{\n  "Name": "T_CL",\n  "Properties": [\n    {"Name": "a", "Type": "string"},\n  ]\n}' },
      'T.json:5:3: not valid JSON: a comma before ] (trailing commas are not JSON)',
    ],
    ['a file that stops early', { 'T.json': '{"Name": "T_CL", "Properties": [' }, 'T.json:1:33: not valid JSON: expected a value, found the end of the file'],
    [
      'an unknown type, with a did-you-mean',
      { 'T.json': '{\n  "Name": "T_CL",\n  "Properties": [\n    {"Name": "When", "Type": "datetme"}\n  ]\n}' },
      "T.json:4:30: column 'When': unknown type 'datetme' (did you mean 'datetime'?)",
    ],
    ['decimal, refused rather than read as real', { 'T.schema.json': '[{"name": "Amount", "type": "decimal"}]' }, "T.schema.json:1:29: column 'Amount': type decimal is not supported yet"],
    ['a missing table name', { 'T.json': '{"Properties": [{"Name": "a", "Type": "string"}]}' }, 'T.json:1:1: missing "Name": the table\'s name'],
    ['a table name that is not a name', { 'T.json': '{"Name": "Syslog (vendor)", "Properties": [{"Name": "a", "Type": "string"}]}' }, 'T.json:1:10: the table name must be a string of letters, digits and underscores'],
    ['Properties that are not a list', { 'T.json': '{"Name": "T_CL", "Properties": {"a": "string"}}' }, 'T.json:1:32: "Properties" must be a list of {"Name": …, "Type": …}'],
    ['a column without a type', { 'T.json': '{"Name": "T_CL", "Properties": [{"Name": "a"}]}' }, `T.json:1:33: column 'a': missing "Type" (a type name such as "string")`],
    ['a column declared twice', { 'T.schema.json': '[{"name": "a", "type": "string"},\n {"name": "a", "type": "long"}]' }, "T.schema.json:2:11: column 'a' is declared twice"],
    ['a .schema.json that is not a list', { 'T.schema.json': '{"name": "a"}' }, 'T.schema.json:1:1: a <Table>.schema.json file holds an array of {"name": …, "type": …} columns'],
    ['no columns at all', { 'T.json': '{"Name": "T_CL", "Properties": []}' }, 'T.json:1:32: a table needs at least one column'],
    [
      'the same table in two files',
      { 'a.json': '{"Name": "T_CL", "Properties": [{"Name": "x", "Type": "string"}]}', 'b.json': '{"Name": "T_CL", "Properties": [{"Name": "y", "Type": "string"}]}' },
      "b.json:1:2: table 'T_CL' is already declared in",
    ],
  ])('%s', (_what, files, message) => {
    expect(errorOf(files as Record<string, string>)).toContain(message);
  });

  it('a missing folder is an error too', () => {
    expect(() => loadSchemaFolder('/no/such/folder')).toThrow(/schema folder not found/);
  });
});
