// Portal and API exports load as they come (issue #11). Each sample under samples/ is hand-written in the shape its
// documentation gives (see src/tables/json-envelope.ts and csv-rows.ts for the sources); the expected rows are
// worked out by hand from the sample text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { loadDataFolder } from '../../src/node/load-data.js';

const samples = new URL('./samples/', import.meta.url).pathname;

function query(folder: string, q: string) {
  const ds = loadDataFolder(join(samples, folder));
  expect(ds.warnings).toEqual([]);
  const db = new Database();
  for (const [n, t] of ds.tables) db.addTable(n, t);
  return db.query(q, { now: '2026-11-20T12:00:00Z' }).toJSON().rows;
}

describe('Log Analytics (Azure portal) CSV export', () => {
  it('`Name [UTC]` headers, en-US `M/d/yyyy, h:mm:ss.fff AM` datetimes, JSON text in dynamic cells, a BOM and CRLF', () => {
    expect(query('log-analytics-csv', 'SigninLogs | project TimeGenerated, UserPrincipalName, ResultType, CreatedDateTime, IsInteractive, DurationMs, LocationDetails')).toEqual([
      ['2026-11-20T10:00:00.1230000Z', 'adele.vance@contoso.com', '0', '2026-11-20T09:59:59.0000000Z', true, 0, { city: 'Redmond', countryOrRegion: 'US' }],
      ['2026-11-20T12:05:07.5000000Z', 'megan.bowen@contoso.com', '50126', '2026-11-20T12:05:07.0000000Z', false, null, { city: 'Lagos', state: 'Lagos, NG' }],
      ['2026-11-19T00:00:00.0000000Z', 'adele.vance@contoso.com', '0', '2026-11-18T23:59:59.9990000Z', true, 12, null],
    ]);
  });
});

describe('Defender advanced-hunting API result {Stats, Schema, Results}', () => {
  it('loads with .NET type names, exact longs beyond 2^53, escapes, and TimeGenerated mirrored from Timestamp', () => {
    expect(query('defender-api', 'DeviceProcessEvents | project Timestamp, TimeGenerated, FileName, ProcessCommandLine, ProcessId')).toEqual([
      ['2026-11-20T09:41:12.7664356Z', '2026-11-20T09:41:12.7664356Z', 'powershell.exe', 'powershell.exe -nop -w hidden -enc SQBFAFgA', 9007199254740993n],
      ['2026-11-20T09:41:13.0000000Z', '2026-11-20T09:41:13.0000000Z', 'conhost.exe', '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1', 7312],
    ]);
  });
});

describe('Graph security runHuntingQuery result {schema, results}', () => {
  it('loads with its lower-case keys', () => {
    expect(query('graph-hunting', 'DeviceNetworkEvents | project Timestamp, ActionType, RemotePort, RemoteUrl')).toEqual([
      ['2026-11-20T09:41:15.0000001Z', 'ConnectionSuccess', 443, 'login.rabbit.ly'],
      ['2026-11-20T09:41:16.5000000Z', 'ConnectionFailed', 8443, ''],
    ]);
  });
});

describe('Log Analytics query API result {tables: [{columns, rows}]}', () => {
  it('rows are arrays in column order; dynamic values arrive as JSON text', () => {
    expect(query('log-analytics-api', 'AuditLogs | project TimeGenerated, OperationName, Result, DurationMs, InitiatedBy, TargetResources')).toEqual([
      [
        '2026-11-20T10:02:00.5000000Z',
        'New-InboxRule',
        'success',
        0,
        { user: { userPrincipalName: 'megan.bowen@contoso.com', ipAddress: '198.51.100.23' } },
        [{ displayName: 'Delete invoices', modifiedProperties: [] }],
      ],
      ['2026-11-20T10:03:00.0000000Z', 'Add member to role', 'failure', 12, null, 'not json'],
    ]);
  });
});
