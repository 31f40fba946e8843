// The catalogue generator (scripts/catalogue) on small made-up checkouts written here: page parsing, the type names
// it accepts and refuses, the merge of the two shapes, the conflict rule, the test-schema additions, and determinism.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kqliteType } from '../../scripts/catalogue/doc-types.js';
import { generate, type Manifest } from '../../scripts/catalogue/generate.js';
import { docDate, frontMatter, pipeTables, splitRow } from '../../scripts/catalogue/markdown.js';
import { resolveConflict } from '../../scripts/catalogue/merge.js';

function write(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const C1 = 'a'.repeat(40);
const C2 = 'b'.repeat(40);
const C3 = 'c'.repeat(40);

function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'kqlite-catalogue-'));
  const defender = write(join(root, 'defender'), {
    'defender-xdr/advanced-hunting-widgetevents-table.md': [
      '---', 'title: x', 'ms.date: 3/8/2025', '---', '', '# WidgetEvents (Preview)', '', 'Some words.', '',
      '| Column name | Data type | Description |', '|---|---|---|',
      '| `Timestamp` [*](#note) | `datetime` | when |',
      '|`WidgetId`|`string`|id|',
      '| `Port` | `int` | a port |',
      '| `AdditionalFields` | `string` | JSON |',
      '| `Isp` | `string` | provider |',
      '| `IsOn` | `nullable bool` | flag |',
      '| `Kind` | `enum` | kind |',
      '| `Count` | `long` | n |',
      '| `Count` | `long` | again |',
      '| `Shape` | `object` | shape |',
      '', 'More words.',
    ].join('\n'),
    'defender-xdr/advanced-hunting-gadgetinfo-table.md': [
      '---', 'ms.date: 01/16/2024', '---', '# GadgetInfo', '',
      '|Column name|Data type|Description|', '|-----|-----|-----|', '|`GadgetId`|`string`|id|', '|`Score`|`real`|score|',
    ].join('\n'),
    // In the checkout but not in the manifest: reported, not read.
    'defender-xdr/advanced-hunting-newthing-table.md': '# NewThing\n',
  });
  const azure = write(join(root, 'azure'), {
    'azure-monitor-ref/tables/widgetevents.md': ['---', 'ms.date: 07/30/2024', '---', '# WidgetEvents', '', '## Columns', '', '[!INCLUDE [w](./includes/widgetevents-include.md)]'].join('\n'),
    'azure-monitor-ref/tables/includes/widgetevents-include.md': [
      '---', 'ms.date: 07/30/2024', 'ms.custom: WidgetEvents', '---', '',
      '| Column | Type | Description |', '|---|---|---|',
      '| AdditionalFields | dynamic | bag |', '| ISP | string | provider |', '| Port | string | port |',
      '| TenantId | string |  |', '| TimeGenerated | datetime | when |', '| Type | string | table |', '| WidgetId | string | id |',
    ].join('\n'),
    // Not referenced by any page, and its file name names another table: ms.custom decides.
    'azure-monitor-ref/tables/includes/sprocket-include.md': [
      '---', 'ms.date: 02/18/2024', 'ms.custom: SprocketLogs', '---', '| Column | Type | Description |', '|---|---|---|',
      '| Size | long | |', '| TimeGenerated | datetime | |', '| Type | string | |',
    ].join('\n'),
    // An open-schema table with its columns inline (capitalised .NET-ish type names, one empty type cell).
    'azure-monitor-ref/tables/widgetdiagnostics.md': [
      '---', 'ms.date: 08/04/2024', '---', '# WidgetDiagnostics', '', '## Columns', '', '|Column|Type|Description|', '|---|---|---|',
      '|Bag|||', '|Id_g|Guid||', '|Value_d|Double||', '|Big|BigInt||',
    ].join('\n'),
    // A resource-type include: a list of tables, not columns.
    'azure-monitor-ref/tables/includes/microsoft-widgets-include.md': '| Table | Categories |\n|---|---|\n| WidgetEvents | x |\n',
  });
  const custom = write(join(root, 'custom'), {
    '.script/tests/KqlvalidationsTests/CustomTables/Gizmo_CL.json': JSON.stringify({
      name: 'Gizmo_CL',
      properties: [{ name: 'TimeGenerated', type: 'DateTime' }, { name: 'On_b', type: 'SByte' }, { name: 'Rank', type: 'Integer' }, { name: 'Odd name', type: 'string' }],
    }),
    '.script/tests/KqlvalidationsTests/CustomTables/SprocketLogs.json': JSON.stringify({ Name: 'SprocketLogs', Properties: [{ Name: 'Size', Type: 'string' }] }),
    '.script/tests/KqlvalidationsTests/CustomTables/WidgetDiagnostics.json': JSON.stringify({
      Name: 'WidgetDiagnostics', Properties: [{ Name: 'TimeGenerated', Type: 'DateTime' }, { Name: 'Value_d', Type: 'String' }],
    }),
    '.script/tests/KqlvalidationsTests/CustomTables/Broken.json': '{ "Name": "Broken", "Properties": [ ], }',
    '.script/tests/KqlvalidationsTests/CustomTables/Spaced.json': JSON.stringify({ Name: 'Syslog (vendor)', Properties: [{ Name: 'a', Type: 'string' }] }),
  });
  const manifest: Manifest = {
    azureMonitor: { repository: 'r/azure', ref: 'main', commit: C1 },
    defender: {
      repository: 'r/defender',
      pages: { 'defender-xdr/advanced-hunting-widgetevents-table.md': C2, 'defender-xdr/advanced-hunting-gadgetinfo-table.md': C2 },
    },
    customTables: {
      repository: 'r/sentinel',
      files: Object.fromEntries(['Gizmo_CL', 'SprocketLogs', 'WidgetDiagnostics', 'Broken', 'Spaced'].map((f) => [`.script/tests/KqlvalidationsTests/CustomTables/${f}.json`, C3])),
    },
    typeOverrides: {
      columns: { 'WidgetDiagnostics.Bag': { type: 'dynamic', reason: 'the page calls it a property bag' } },
      typeNames: { SByte: { type: 'bool', reason: 'flags' } },
    },
    openSchema: ['WidgetDiagnostics'],
  };
  return { args: { azureMonitor: azure, defender, customTables: custom }, manifest };
}

describe('catalogue generator: reading pages', () => {
  it('front matter dates, escaped pipes and tables with their lines', () => {
    expect(docDate(frontMatter('---\nms.date: 3/8/2025\n---\n'))).toBe('2025-03-08');
    expect(docDate(frontMatter('---\nms.date:  09/02/2024 \n---\n'))).toBe('2024-09-02');
    expect(docDate(frontMatter('no front matter'))).toBeUndefined();
    expect(splitRow('| `a` | b \\| c | d |')).toEqual(['`a`', 'b | c', 'd']);
    const [t] = pipeTables('x\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\ntail');
    expect(t).toEqual({ line: 3, header: ['A', 'B'], rows: [{ line: 5, cells: ['1', '2'] }, { line: 6, cells: ['3', '4'] }] });
  });

  it.each([
    ['string', 'string'], ['String', 'string'], ['boolean', 'bool'], ['Bool', 'bool'], ['int', 'int'], ['Int32', 'int'],
    ['long', 'long'], ['Int64', 'long'], ['real', 'real'], ['Double', 'real'], ['float', 'real'], ['datetime', 'datetime'],
    ['DateTime', 'datetime'], ['date', 'datetime'], ['timespan', 'timespan'], ['time', 'timespan'], ['guid', 'guid'],
    ['GUID', 'guid'], ['uniqueid', 'guid'], ['uuid', 'guid'], ['dynamic', 'dynamic'], ['array', 'dynamic'], ['object', 'dynamic'],
    ['nullable bool', 'bool'], ['`decimal`', 'decimal'], [' string ', 'string'],
  ])('documented type %j → %s', (doc, type) => {
    expect(kqliteType(doc)).toBe(type);
  });

  it.each(['', 'enum', 'integer', 'Integer', 'SByte', 'BigInt', 'Date/time', 'number', 'constructor'])('documented type %j is not guessed', (doc) => {
    expect(kqliteType(doc)).toBeUndefined();
  });
});

describe('catalogue generator: the conflict rule', () => {
  it.each([
    ['string', 'dynamic', 'dynamic', 1],
    ['dynamic', 'string', 'dynamic', 1],
    ['int', 'string', 'int', 2],
    ['string', 'real', 'real', 2],
    ['string', 'long', 'long', 2],
    ['int', 'long', 'long', 3],
    ['long', 'int', 'long', 3],
    ['int', 'real', 'real', 3],
    ['string', 'datetime', 'datetime', 4],
    ['datetime', 'string', 'string', 4],
    ['bool', 'int', 'int', 4],
  ] as const)('Defender %s, Azure Monitor %s → %s (rule %i)', (d, a, type, rule) => {
    expect(resolveConflict(d, a)).toEqual({ type, rule });
  });
});

describe('catalogue generator: a whole run on made-up checkouts', () => {
  const { args, manifest } = fixture();
  const out = generate(args, manifest);
  const table = (name: string) => out.catalogue.tables.find((t) => t.name === name);
  const cols = (name: string) => table(name)?.columns.map((c) => `${c.name}:${c.type}:${c.origin}`);
  const findings = (kind: string) => out.findings.filter((f) => f.kind === kind).map((f) => `${f.where}: ${f.message}`);

  it('merges a table both products document: Defender order, TimeGenerated after Timestamp, then Azure-only', () => {
    expect(cols('WidgetEvents')).toEqual([
      'Timestamp:datetime:d', 'TimeGenerated:datetime:a', 'WidgetId:string:b', 'Port:int:b', 'AdditionalFields:dynamic:b',
      'Isp:string:d', 'IsOn:bool:d', 'Count:long:d', 'Shape:dynamic:d', 'ISP:string:a', 'TenantId:string:a', 'Type:string:a',
    ]);
    expect(table('WidgetEvents')?.files).toEqual([
      { kind: 'defender', file: 'defender-xdr/advanced-hunting-widgetevents-table.md', date: '2025-03-08' },
      { kind: 'azure', file: 'azure-monitor-ref/tables/includes/widgetevents-include.md', date: '2024-07-30' },
    ]);
    expect(out.catalogue.conflicts).toEqual([
      { table: 'WidgetEvents', column: 'Port', defender: 'int', azure: 'string', chosen: 'int', rule: 2 },
      { table: 'WidgetEvents', column: 'AdditionalFields', defender: 'string', azure: 'dynamic', chosen: 'dynamic', rule: 1 },
    ]);
    expect(out.catalogue.caseTwins).toEqual([{ table: 'WidgetEvents', defender: 'Isp', azure: 'ISP' }]);
  });

  it('names Azure tables by ms.custom, reads inline column tables, and skips resource-type lists', () => {
    expect(cols('SprocketLogs')).toEqual(['Size:long:a', 'TimeGenerated:datetime:a', 'Type:string:a']);
    expect(cols('GadgetInfo')).toEqual(['GadgetId:string:d', 'Score:real:d']);
    expect(out.catalogue.tables.map((t) => t.name)).toEqual(['GadgetInfo', 'Gizmo_CL', 'SprocketLogs', 'WidgetDiagnostics', 'WidgetEvents']);
  });

  it('an open-schema table takes the test schema columns its page lacks, keeping the page types', () => {
    expect(cols('WidgetDiagnostics')).toEqual(['Bag:dynamic:a', 'Id_g:guid:a', 'Value_d:real:a', 'TimeGenerated:datetime:c']);
  });

  it('test schemas add only undocumented tables, with lower-case keys, overrides by type name, and unknowns left out', () => {
    expect(cols('Gizmo_CL')).toEqual(['TimeGenerated:datetime:c', 'On_b:bool:c']);
    expect(findings('skipped-custom')).toEqual([
      ".script/tests/KqlvalidationsTests/CustomTables/SprocketLogs.json: SprocketLogs is documented by Microsoft's pages; this test schema is not used",
    ]);
  });

  it('reports every doubt instead of guessing', () => {
    expect(findings('unknown-type')).toEqual([
      "defender-xdr/advanced-hunting-widgetevents-table.md:18: WidgetEvents.Kind: unknown type 'enum'; column left out",
      "azure-monitor-ref/tables/widgetdiagnostics.md:13: WidgetDiagnostics.Big: unknown type 'BigInt'; column left out",
      ".script/tests/KqlvalidationsTests/CustomTables/Gizmo_CL.json:1: Gizmo_CL.Rank: unknown type 'Integer'; column left out",
    ]);
    expect(findings('type-override')).toEqual([
      'azure-monitor-ref/tables/widgetdiagnostics.md:10: WidgetDiagnostics.Bag: documented type \'\' → dynamic (the page calls it a property bag)',
      ".script/tests/KqlvalidationsTests/CustomTables/Gizmo_CL.json:1: Gizmo_CL.On_b: documented type 'SByte' → bool (inputs.json typeNames['SByte'])",
    ]);
    expect(findings('duplicate-column')).toEqual([
      "defender-xdr/advanced-hunting-widgetevents-table.md:20: WidgetEvents: column 'Count' listed twice; the first is kept",
    ]);
    expect(findings('bad-name')).toEqual([
      ".script/tests/KqlvalidationsTests/CustomTables/Gizmo_CL.json:1: Gizmo_CL: column name 'Odd name' is not an identifier; left out",
      ".script/tests/KqlvalidationsTests/CustomTables/Spaced.json: table name 'Syslog (vendor)' is not an identifier; left out",
    ]);
    expect(findings('unlisted-file')).toEqual([
      'defender-xdr/advanced-hunting-newthing-table.md: a table page the manifest does not list (a newer table?); not read',
    ]);
    expect(findings('no-columns').join('\n')).toContain('Broken.json: not valid JSON');
  });

  it('writes the same bytes on every run, with provenance and commits', () => {
    const again = generate(args, manifest);
    expect(again.columnsText).toBe(out.columnsText);
    expect(again.sourcesText).toBe(out.sourcesText);
    expect(out.columnsText).toContain('  WidgetEvents: "Timestamp:d,TimeGenerated:d,WidgetId:s,Port:i,AdditionalFields:y,Isp:s,IsOn:b,Count:l,Shape:y,ISP:s,TenantId:s,Type:s",\n');
    expect(out.sourcesText).toContain(
      `    WidgetEvents: { origins: "dabbbddddaaa", files: [["defender", "defender-xdr/advanced-hunting-widgetevents-table.md", "2025-03-08", "${C2}"], ["azure", "azure-monitor-ref/tables/includes/widgetevents-include.md", "2024-07-30", "${C1}"]] },\n`,
    );
    expect(out.sourcesText).toContain(`    Gizmo_CL: { origins: "c", files: [["custom", ".script/tests/KqlvalidationsTests/CustomTables/Gizmo_CL.json", "", "${C3}"]] },\n`);
    expect(out.sourcesText).toContain('{ table: "WidgetEvents", column: "Port", defender: "int", azure: "string", chosen: "int", rule: 2 },');
    expect(out.sourcesText).toContain('openSchema: ["WidgetDiagnostics"],');
  });
});
