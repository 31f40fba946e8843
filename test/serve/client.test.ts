// kqlite serve through Microsoft's own client (azure-kusto-data): queries, schema discovery, table creation and
// inline ingestion, errors — compared with the library's answer for the same data, and with values worked out by
// hand from the documentation where the library is not the reference (schema commands, ingestion).
import { Client, ClientRequestProperties, KustoConnectionStringBuilder } from 'azure-kusto-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/node/serve/server.js';
import { stringifyJson } from '../../src/tables/format.js';
import { bundledDir, libraryDb, serve, typedDir } from './helpers.js';

let server: RunningServer;
let bundled: RunningServer;
let client: Client;
let bundledClient: Client;

beforeAll(async () => {
  server = await serve({ dataDir: typedDir });
  bundled = await serve({ dataDir: bundledDir });
  // A plain connection string: no sign-in (the server is on loopback without a token).
  client = new Client(`Data Source=${server.url};Initial Catalog=probe`);
  bundledClient = new Client(new KustoConnectionStringBuilder(bundled.url));
}, 60_000);

afterAll(async () => {
  client?.close();
  bundledClient?.close();
  await server?.close();
  await bundled?.close();
});

/** Rows as the client's JSON parser sees the library's JSON text (longs beyond 2^53 lose digits in both). */
function libraryRows(dir: string, query: string, now?: string) {
  const r = libraryDb(dir).query(query, { now });
  return { columns: r.columns.map((c) => ({ name: c.name, type: c.type })), rows: JSON.parse(stringifyJson(r.toJSON().rows)) as unknown[][] };
}

/** The HTTP answer of a request the client rejected (it throws axios' error for any status but 200). */
async function rejection(p: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: any } }).response;
    if (!r) throw e;
    return r;
  }
  throw new Error('expected the request to fail');
}

function clientRows(table: { columns: { name: string | null; type: string | null }[]; rows(): Iterable<{ raw: unknown }> }) {
  return { columns: table.columns.map((c) => ({ name: c.name, type: c.type })), rows: [...table.rows()].map((r) => r.raw) };
}

describe('queries through azure-kusto-data (v2 and v1) give the library rows and types', () => {
  const queries = [
    'Probe',
    'Probe | where Id > 1 | project Id, Name, Big, Took',
    'Probe | extend k = tostring(Key), y = datetime_part("year", At) | project Id, k, y, Bag',
    'print a = 1, b = 2.5, c = "x", d = dynamic({"k": [1, "two"]}), e = timespan(1d), f = datetime(2026-01-02T03:04:05.6789012Z), g = guid(00000000-0000-0000-0000-000000000001), h = true, i = int(7), j = long(null)',
    'Probe | summarize n = count(), s = make_set(Name) by Flag | order by n desc',
  ];
  for (const q of queries) {
    it(`v2: ${q}`, async () => {
      const res = await client.execute('probe', q);
      expect(clientRows(res.primaryResults[0]!)).toEqual(libraryRows(typedDir, q, '2026-11-20T12:00:00Z'));
    });
    it(`v1: ${q}`, async () => {
      const res = await client.executeQueryV1('probe', q);
      expect(clientRows(res.primaryResults[0]!)).toEqual(libraryRows(typedDir, q, '2026-11-20T12:00:00Z'));
    });
  }

  it('the client parses datetimes and timespans of the v2 answer as Kusto values (7 digits, d.hh:mm:ss.fffffff)', async () => {
    const res = await client.execute('probe', 'Probe | where Id == 1 | project At, Took');
    const row = [...res.primaryResults[0]!.rows()][0]!;
    expect(row.raw).toEqual(['2026-11-20T10:00:00.1234567Z', '1.02:03:04.0050000']);
    // The client's own parsers: a Date, and milliseconds (1 day + 2 h + 3 min + 4.005 s).
    expect((row as unknown as { At: Date }).At.toISOString()).toBe('2026-11-20T10:00:00.123Z');
    expect((row as unknown as { Took: number }).Took).toBe(86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_005);
  });

  it('the seed rules on the bundled dataset: same rows and types as the library', async () => {
    const q = `UrlClickEvents | where ActionType == 'ClickBlocked' | join kind=leftouter (EmailEvents | project NetworkMessageId, Subject) on NetworkMessageId | project Timestamp, AccountUpn, Url, Subject | order by Timestamp asc`;
    const res = await bundledClient.execute('contoso', q);
    const expected = libraryRows(bundledDir, q, '2026-11-20T12:00:00Z');
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(clientRows(res.primaryResults[0]!)).toEqual(expected);
  });

  it('query_now pins now(): as a request property and as a set statement', async () => {
    const props = new ClientRequestProperties();
    props.setOption('query_now', '2020-02-29T23:59:59.5Z');
    const a = await client.execute('probe', 'print n = now(), d = ago(1d)', props);
    expect([...a.primaryResults[0]!.rows()][0]!.raw).toEqual(['2020-02-29T23:59:59.5000000Z', '2020-02-28T23:59:59.5000000Z']);
    const b = await client.execute('probe', 'set query_now = datetime(2021-03-04T05:06:07Z);\nprint n = now()');
    expect([...b.primaryResults[0]!.rows()][0]!.raw).toEqual(['2021-03-04T05:06:07.0000000Z']);
    // Without either: the dataset's now (dataset.json), not the clock.
    const c = await client.execute('probe', 'print n = now()');
    expect([...c.primaryResults[0]!.rows()][0]!.raw).toEqual(['2026-11-20T12:00:00.0000000Z']);
  });
});

describe('schema discovery', () => {
  it('.show databases names the one database, current', async () => {
    const res = await client.execute('probe', '.show databases');
    const t = res.primaryResults[0]!;
    expect(t.columns.map((c) => c.name)).toEqual(['DatabaseName', 'PersistentStorage', 'Version', 'IsCurrent', 'DatabaseAccessMode', 'PrettyName', 'DatabaseId', 'InTransitionTo', 'SuspensionState']);
    const rows = [...t.rows()].map((r) => r.raw as unknown[]);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('probe');
    expect(rows[0]![3]).toBe(true);
    expect(rows[0]![4]).toBe('ReadWrite');
  });

  it('.show tables lists the data folder\'s table first, then the built-in schemas', async () => {
    const res = await client.execute('probe', '.show tables');
    const rows = [...res.primaryResults[0]!.rows()].map((r) => r.raw as unknown[]);
    expect(rows[0]).toEqual(['Probe', 'probe', '', '']);
    const builtins = rows.filter((r) => r[2] === 'kqlite built-in schemas').map((r) => r[0]);
    expect(builtins).toContain('EmailEvents');
    expect(builtins).toContain('DeviceProcessEvents');
  });

  it('.show database x schema: one row per database, table and column, CLR type names', async () => {
    const res = await client.execute('probe', '.show database probe schema | where TableName == "Probe" and ColumnName != "" | project ColumnName, ColumnType');
    expect([...res.primaryResults[0]!.rows()].map((r) => r.raw)).toEqual([
      ['Id', 'System.Int32'],
      ['Name', 'System.String'],
      ['Big', 'System.Int64'],
      ['Ratio', 'System.Double'],
      ['Flag', 'System.SByte'],
      ['At', 'System.DateTime'],
      ['Took', 'System.TimeSpan'],
      ['Key', 'System.Guid'],
      ['Bag', 'System.Object'],
    ]);
  });

  it('.show database x schema as json: the Databases/Tables/OrderedColumns document', async () => {
    const res = await client.execute('probe', '.show database probe schema as json');
    const doc = JSON.parse([...res.primaryResults[0]!.rows()][0]!.raw[0] as string);
    const probe = doc.Databases.probe.Tables.Probe;
    expect(probe.Name).toBe('Probe');
    expect(probe.OrderedColumns[0]).toEqual({ Name: 'Id', Type: 'System.Int32', CslType: 'int' });
    expect(probe.OrderedColumns[8]).toEqual({ Name: 'Bag', Type: 'System.Object', CslType: 'dynamic' });
  });

  it('.show table T cslschema and .show database x cslschema', async () => {
    const res = await client.execute('probe', '.show table Probe cslschema');
    expect([...res.primaryResults[0]!.rows()][0]!.raw).toEqual([
      'Probe',
      'Id:int, Name:string, Big:long, Ratio:real, Flag:bool, At:datetime, Took:timespan, Key:guid, Bag:dynamic',
      'probe',
      '',
      '',
    ]);
    const all = await client.execute('probe', '.show database probe cslschema | where TableName == "Probe" | project Schema');
    expect([...all.primaryResults[0]!.rows()][0]!.raw[0]).toContain('Id:int, Name:string');
  });

  it('.show version answers with the product version', async () => {
    const res = await client.execute('probe', '.show version');
    expect(res.primaryResults[0]!.columns.map((c) => c.name)).toEqual(['BuildVersion', 'BuildTime', 'ServiceType', 'ProductVersion', 'ServiceOffering']);
    expect([...res.primaryResults[0]!.rows()][0]!.raw[0]).toBe('0.0.0-test');
  });

  it('a database other than the served one is Kusto\'s EntityNotFound', async () => {
    const err = await rejection(client.execute('Samples', 'print 1'));
    expect(err.status).toBe(400);
    expect(err.data.error.code).toBe('BadRequest_EntityNotFound');
    expect(err.data.error['@message']).toContain("'Samples'");
  });
});

describe('.create table and .ingest inline through the client', () => {
  it('creates a table, ingests CSV rows (quotes, empty fields, dynamic) and queries them back', async () => {
    const created = await client.execute('probe', '.create table Logins (User:string, Count:long, At:datetime, Extra:dynamic, Ok:bool)');
    expect([...created.primaryResults[0]!.rows()][0]!.raw[0]).toBe('Logins');
    const ingest = await client.execute(
      'probe',
      '.ingest inline into table Logins <|\n' +
        'alice,3,2026-11-20T10:00:00Z,"{""ip"":""10.0.0.1""}",true\n' +
        '"bob, the ""builder""",9007199254740993,2026-11-20T11:00:00.5Z,,0\n' +
        'carol,,,"[1,2]",\n',
    );
    expect(ingest.primaryResults[0]!.columns.map((c) => [c.name, c.type])).toEqual([['ExtentId', 'guid']]);
    const res = await client.execute('probe', 'Logins | order by User asc');
    expect(clientRows(res.primaryResults[0]!)).toEqual({
      columns: [
        { name: 'User', type: 'string' },
        { name: 'Count', type: 'long' },
        { name: 'At', type: 'datetime' },
        { name: 'Extra', type: 'dynamic' },
        { name: 'Ok', type: 'bool' },
      ],
      rows: [
        ['alice', 3, '2026-11-20T10:00:00.0000000Z', { ip: '10.0.0.1' }, true],
        // 9007199254740993 is exact on the wire; the client's JSON.parse rounds it to ...992.
        ['bob, the "builder"', 9007199254740992, '2026-11-20T11:00:00.5000000Z', null, false],
        ['carol', null, null, [1, 2], null],
      ],
    });
    const listed = await client.execute('probe', '.show tables | where TableName == "Logins" | project TableName, Folder');
    expect([...listed.primaryResults[0]!.rows()].map((r) => r.raw)).toEqual([['Logins', '']]);
  });

  it('.create-merge table adds a column at the end; existing rows read null in it', async () => {
    await client.execute('probe', '.create table Merged (A:string)');
    await client.execute('probe', '.ingest inline into table Merged <| one');
    await client.execute('probe', '.create-merge table Merged (A:string, B:long)');
    await client.execute('probe', '.ingest inline into table Merged <| two,2');
    const res = await client.execute('probe', 'Merged | order by A asc');
    expect(clientRows(res.primaryResults[0]!)).toEqual({
      columns: [
        { name: 'A', type: 'string' },
        { name: 'B', type: 'long' },
      ],
      rows: [
        ['one', null],
        ['two', 2],
      ],
    });
    const clash = await rejection(client.execute('probe', '.create-merge table Merged (B:string)'));
    expect(clash.status).toBe(400);
    expect(clash.data.error['@message']).toBe("column 'B' of table 'Merged' is long, not string");
  });

  it('a value that does not fit its column fails the ingestion with the record and column, and adds nothing', async () => {
    await client.execute('probe', '.create table Strict (N:long)');
    const err = await rejection(client.execute('probe', '.ingest inline into table Strict <|\n1\nnot-a-number\n'));
    expect(err.status).toBe(400);
    expect(err.data.error['@message']).toMatch(/row 2, column 'N' \(long\)/);
    const res = await client.execute('probe', 'Strict | count');
    expect([...res.primaryResults[0]!.rows()][0]!.raw).toEqual([0]);
  });
});

describe('errors through the client', () => {
  it('a semantic error: HTTP 400, Kusto\'s shape, kqlite\'s message with its position', async () => {
    const err = await rejection(client.execute('probe', 'Probe\n| where Nope == 1'));
    expect(err.status).toBe(400);
    const e = err.data.error;
    expect(e.code).toBe('General_BadRequest');
    expect(e['@type']).toBe('Kusto.Data.Exceptions.KustoBadRequestException');
    expect(e['@message']).toMatch(/^Request is invalid and cannot be processed: Semantic error: 2:9: unknown column 'Nope'/);
    expect(e.innererror['@type']).toBe('Kusto.Data.Exceptions.SemanticException');
    expect([e.innererror['@line'], e.innererror['@column']]).toEqual([2, 9]);
    expect(e.innererror['@details']).toContain('| where Nope == 1');
  });

  it('a syntax error is a SyntaxException at its position', async () => {
    const err = await rejection(client.execute('probe', 'Probe | where (Id'));
    expect(err.status).toBe(400);
    expect(err.data.error.innererror['@type']).toBe('Kusto.Data.Exceptions.SyntaxException');
    expect(err.data.error['@message']).toMatch(/Syntax error: 1:\d+: /);
  });

  it('a refused feature keeps kqlite\'s "not supported yet" message', async () => {
    const err = await rejection(client.execute('probe', 'Probe | extend d = todecimal(1)'));
    expect(err.data.error['@message']).toContain('not supported yet');
  });

  it('truncation is a partial failure: the client raises Kusto\'s E_QUERY_RESULT_SET_TOO_LARGE', async () => {
    const props = new ClientRequestProperties();
    props.setOption('truncationmaxrecords', 2);
    await expect(client.execute('probe', 'Probe', props)).rejects.toThrow(/Kusto request had errors.*internal record count limit 2 \(E_QUERY_RESULT_SET_TOO_LARGE\)/s);
  });
});
