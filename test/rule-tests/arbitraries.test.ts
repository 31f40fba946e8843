// The property kit (src/testing/arbitraries.ts): generated rows load into every built-in table with every column of
// its schema and a value of the column's type; the curated tables draw from their pools and keep dependent columns
// coherent; overrides win and the columns built from them follow; a seed reproduces its rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { BUILTIN_SCHEMAS } from '../../src/tables/builtin-schemas.js';
import { arbitraryRow, arbitraryTable, arbitraryUrl, CURATED_TABLES, type Row } from '../../src/testing/arbitraries.js';
import { ENUMS, LOOKALIKE_HOSTS, SHORTENER_HOSTS } from '../../src/testing/pools.js';
import { CLOUD_APPS, FORWARD_TARGETS, OFFICE_OPERATIONS } from '../../src/testing/pools/cloud.js';
import { DESTINATIONS, PROCESS_TEMPLATES } from '../../src/testing/pools/endpoint.js';
import { ENTRA_APPS, PEOPLE, PLACES, PUBLIC_ADDRESSES, SERVICE_ACCOUNTS, SIGNIN_RESULTS } from '../../src/testing/pools/identity.js';
import { ALERT_CATALOGUE, AUDIT_OPERATIONS, LOGON_FAILURES, LOGON_TYPE_NAMES, SECURITY_EVENTS } from '../../src/testing/pools/security.js';

const tables = Object.keys(BUILTIN_SCHEMAS);
const curated = new Set(CURATED_TABLES);
const ISO7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

/** Whether a generated value has the row shape of its column type (what addTable accepts without conversion). */
function fitsType(type: string, v: unknown): boolean {
  switch (type) {
    case 'string': return typeof v === 'string';
    case 'datetime': return v === null || (typeof v === 'string' && ISO7.test(v));
    case 'bool': return v === null || typeof v === 'boolean';
    case 'int': return v === null || (Number.isInteger(v) && Math.abs(v as number) < 2 ** 31);
    case 'long': return v === null || Number.isSafeInteger(v);
    case 'real': return v === null || typeof v === 'number';
    case 'timespan': return v === null || (typeof v === 'string' && /^\d{2}:\d{2}:\d{2}$/.test(v));
    case 'guid': return v === null || (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v));
    case 'dynamic': return v !== undefined;
    default: return false;
  }
}

const sample = (table: string, runs = 300, overrides: Record<string, unknown> = {}): Row[] => fc.sample(arbitraryRow(table, overrides), { seed: 11, numRuns: runs });

describe('every built-in table', () => {
  it('has at least thirty curated tables, the top 20 of the public-query census among them', () => {
    const top20 = ['DeviceProcessEvents', 'DeviceNetworkEvents', 'SigninLogs', 'EmailEvents', 'DeviceFileEvents', 'DeviceEvents', 'CloudAppEvents',
      'AuditLogs', 'SecurityEvent', 'AzureDiagnostics', 'SecurityAlert', 'DeviceInfo', 'IdentityInfo', 'OfficeActivity', 'DeviceLogonEvents',
      'AzureActivity', 'DeviceRegistryEvents', 'EmailUrlInfo', 'DeviceTvmSoftwareVulnerabilities', 'ExposureGraphNodes'];
    for (const t of top20) expect(curated.has(t), t).toBe(true);
    expect(curated.size).toBeGreaterThanOrEqual(30);
  });

  it.each(tables)('%s: rows are valid for db.addTable, carry every column with a value of its type, and keep their count', (table) => {
    const schema = BUILTIN_SCHEMAS[table]!;
    fc.assert(
      fc.property(arbitraryTable(table, { minRows: 1, maxRows: 15 }), (rows) => {
        const db = new Database();
        db.addTable(table, { rows });
        expect(db.query(`${table} | count`).toObjects()).toEqual([{ Count: rows.length }]);
        for (const r of rows) {
          expect(Object.keys(r).sort()).toEqual(schema.map((c) => c.name).sort());
          for (const c of schema) expect(fitsType(c.type, r[c.name]), `${table}.${c.name} (${c.type}) = ${JSON.stringify(r[c.name])}`).toBe(true);
        }
      }),
      { seed: 42, numRuns: curated.has(table) ? 25 : 3 },
    );
  });

  it('the same seed gives the same rows, another seed other rows', () => {
    for (const t of ['DeviceProcessEvents', 'SigninLogs', 'CloudAppEvents', 'SecurityEvent', 'AzureActivity', 'Syslog']) {
      const a = fc.sample(arbitraryTable(t, { minRows: 3, maxRows: 3 }), { seed: 5, numRuns: 4 });
      const b = fc.sample(arbitraryTable(t, { minRows: 3, maxRows: 3 }), { seed: 5, numRuns: 4 });
      const c = fc.sample(arbitraryTable(t, { minRows: 3, maxRows: 3 }), { seed: 6, numRuns: 4 });
      expect(b, t).toEqual(a);
      expect(c, t).not.toEqual(a);
    }
  });
});

describe('curated tables draw from their pools and stay coherent', () => {
  const people = new Set([...PEOPLE.map((p) => `${p.alias}@contoso.com`), ...SERVICE_ACCOUNTS.map((s) => `${s.name}@contoso.com`)]);

  it('DeviceProcessEvents: parent → child templates, the image folder, the account on both sides, the same hash for the same image', () => {
    const rows = sample('DeviceProcessEvents');
    const children = new Set(PROCESS_TEMPLATES.map((t) => t.child));
    const sha = new Map<unknown, unknown>();
    for (const r of rows) {
      expect(r.ActionType).toBe('ProcessCreated');
      expect(children).toContain(r.FileName);
      const template = PROCESS_TEMPLATES.find((t) => t.child === r.FileName && t.parent === r.InitiatingProcessFileName);
      expect(template, `${String(r.InitiatingProcessFileName)} → ${String(r.FileName)}`).toBeDefined();
      expect(String(r.FolderPath).endsWith(`\\${String(r.FileName)}`)).toBe(true);
      expect(r.ProcessCommandLine).not.toMatch(/\{user\}|\{url\}/);
      expect(r.AccountName).toBe(r.InitiatingProcessAccountName);
      if (template!.system) expect([r.AccountName, r.AccountUpn, r.ProcessIntegrityLevel]).toEqual(['system', '', 'System']);
      else expect(people).toContain(r.AccountUpn);
      if (sha.has(r.FileName)) expect(r.SHA256).toBe(sha.get(r.FileName));
      sha.set(r.FileName, r.SHA256);
      expect(r.TimeGenerated).toBe(r.Timestamp);
      expect(r.ProcessCreationTime).toBe(r.Timestamp);
      expect(String(r.InitiatingProcessCreationTime) <= String(r.Timestamp)).toBe(true);
    }
    // both ordinary activity and tradecraft come up
    expect(rows.some((r) => /-Enc(odedCommand)?\s/.test(String(r.ProcessCommandLine)) && r.InitiatingProcessFileName === 'wscript.exe')).toBe(true);
    expect(rows.some((r) => r.FileName === 'certutil.exe' && /urlcache/.test(String(r.ProcessCommandLine)))).toBe(true);
    expect(rows.some((r) => r.InitiatingProcessFileName === 'CcmExec.exe')).toBe(true);
  });

  it('DeviceNetworkEvents: destinations with the matching address type and host', () => {
    for (const r of sample('DeviceNetworkEvents')) {
      const d = DESTINATIONS.find((x) => x.ip === r.RemoteIP);
      expect(d, String(r.RemoteIP)).toBeDefined();
      expect([r.RemoteUrl, r.RemotePort]).toEqual([d!.host, d!.port]);
      expect(r.RemoteIPType).toBe(d!.kind === 'internal' ? 'Private' : 'Public');
      expect(r.LocalIPType).toBe('Private');
    }
  });

  it('SigninLogs: documented result codes with their description and status; the place is the address’s place', () => {
    const rows = sample('SigninLogs');
    for (const r of rows) {
      const result = SIGNIN_RESULTS.find((x) => x.code === r.ResultType);
      expect(result, String(r.ResultType)).toBeDefined();
      expect(r.ResultDescription).toBe(result!.description);
      expect((r.Status as { errorCode: number }).errorCode).toBe(Number(r.ResultType));
      const address = PUBLIC_ADDRESSES.find((a) => a.ip === r.IPAddress)!;
      const place = PLACES[address.place]!;
      expect(r.LocationDetails).toEqual({ city: place.city, state: place.state, countryOrRegion: place.countryOrRegion, geoCoordinates: { latitude: place.latitude, longitude: place.longitude } });
      expect(r.Location).toBe(place.countryOrRegion);
      expect(ENTRA_APPS).toContainEqual({ name: r.AppDisplayName, id: r.AppId });
      expect(people).toContain(r.UserPrincipalName);
      expect(r.CreatedDateTime).toBe(r.TimeGenerated);
    }
    for (const code of ['0', '50126', '500121', '50074']) expect(rows.some((r) => r.ResultType === code), code).toBe(true);
  });

  it('AADSignInEventsBeta and AADNonInteractiveUserSignInLogs: the same vocabulary in their own column types', () => {
    for (const r of sample('AADSignInEventsBeta', 100)) {
      expect(SIGNIN_RESULTS.map((x) => Number(x.code))).toContain(r.ErrorCode);
      const place = PLACES.find((p) => p.city === r.City)!;
      expect([r.Country, r.Latitude, r.Longitude]).toEqual([place.countryOrRegion, String(place.latitude), String(place.longitude)]);
    }
    for (const r of sample('AADNonInteractiveUserSignInLogs', 100)) {
      // the catalogue types these columns string in this table: the bag arrives as JSON text
      expect(JSON.parse(String(r.LocationDetails)).countryOrRegion).toBe(r.Location);
      expect(r.IsInteractive).toBe(false);
    }
  });

  it('SecurityEvent: event ids with their activity text, logon type names and 4625 status codes', () => {
    for (const r of sample('SecurityEvent')) {
      const e = SECURITY_EVENTS.find((x) => x.id === r.EventID)!;
      expect(r.Activity).toBe(e.activity);
      if (r.LogonType !== null) expect(LOGON_TYPE_NAMES).toContainEqual({ type: r.LogonType, name: r.LogonTypeName });
      if (r.EventID === 4625) expect(LOGON_FAILURES).toContainEqual({ status: r.Status, subStatus: r.SubStatus });
      else expect(r.Status).toBe('');
      expect(String(r.TargetAccount)).toBe(`CONTOSO\\${String(r.TargetUserName)}`);
    }
  });

  it('CloudAppEvents and OfficeActivity: operations with their workload, application and record type; forwarding targets from the pools', () => {
    const forwards = new Set([...FORWARD_TARGETS.internal, ...FORWARD_TARGETS.external, '']);
    const cae = sample('CloudAppEvents');
    for (const r of cae) {
      const op = OFFICE_OPERATIONS.find((o) => o.operation === r.ActionType)!;
      expect((r.RawEventData as { Operation: string }).Operation).toBe(r.ActionType);
      expect({ name: r.Application, id: r.ApplicationId }).toEqual(CLOUD_APPS[op.workload]);
      for (const p of ((r.RawEventData as { Parameters?: { Name: string; Value: string }[] }).Parameters ?? [])) {
        if (/^(ForwardTo|RedirectTo|ForwardAsAttachmentTo)$/.test(p.Name)) expect(forwards).toContain(p.Value);
      }
    }
    expect(cae.some((r) => JSON.stringify(r.RawEventData).includes(FORWARD_TARGETS.external[0]!) && r.ActionType === 'New-InboxRule')).toBe(true);
    for (const r of sample('OfficeActivity')) {
      const op = OFFICE_OPERATIONS.find((o) => o.operation === r.Operation)!;
      expect([r.OfficeWorkload, r.RecordType]).toEqual([op.workload, op.recordType]);
      if (r.Parameters !== '') expect(Array.isArray(JSON.parse(String(r.Parameters)))).toBe(true);
    }
  });

  it('AuditLogs, AlertInfo and SecurityAlert: operations and alerts from their catalogues with their category, service and severity', () => {
    for (const r of sample('AuditLogs', 100)) {
      const op = AUDIT_OPERATIONS.find((o) => o.name === r.OperationName)!;
      expect([r.Category, r.LoggedByService, r.ActivityDisplayName]).toEqual([op.category, op.service, op.name]);
      expect(Array.isArray(r.TargetResources)).toBe(true);
    }
    for (const r of sample('AlertInfo', 100)) {
      const a = ALERT_CATALOGUE.find((x) => x.title === r.Title)!;
      expect([r.Category, r.Severity, r.ServiceSource]).toEqual([a.category, a.severity, a.source]);
    }
    for (const r of sample('SecurityAlert', 100)) {
      expect(String(r.StartTime) <= String(r.EndTime) && String(r.EndTime) <= String(r.TimeGenerated)).toBe(true);
      expect(Array.isArray(JSON.parse(String(r.Entities)))).toBe(true);
    }
  });
});

describe('overrides', () => {
  it('a fixed column wins and the columns built from it follow', () => {
    for (const r of sample('DeviceProcessEvents', 50, { FileName: 'mshta.exe' })) {
      expect(r.FileName).toBe('mshta.exe');
      expect(r.FolderPath).toBe('C:\\Windows\\System32\\mshta.exe');
    }
    for (const r of sample('SigninLogs', 50, { ResultType: '50126' })) {
      expect([r.ResultType, r.ResultDescription, r.ResultSignature]).toEqual(['50126', SIGNIN_RESULTS[1]!.description, 'FAILURE']);
    }
    for (const r of sample('SecurityEvent', 50, { EventID: 4625 })) expect(r.Activity).toBe('4625 - An account failed to log on.');
    for (const r of sample('DeviceNetworkEvents', 50, { TimeGenerated: '2026-11-20T01:00:00.0000000Z', RemoteIP: fc.constantFrom('10.20.1.21', '203.0.113.166') })) {
      expect(r.Timestamp).toBe('2026-11-20T01:00:00.0000000Z');
      expect(r.RemoteIPType).toBe(r.RemoteIP === '10.20.1.21' ? 'Private' : 'Public');
    }
  });

  it('an override for a column the table does not have, or an unknown table, is an error', () => {
    expect(() => arbitraryRow('UrlClickEvents', { Acount: 'x' })).toThrow(/unknown column 'Acount'/);
    expect(() => arbitraryRow('DeviceProcessEvents', { ProcessCommandline: 'x' })).toThrow(/unknown column 'ProcessCommandline'/);
    expect(() => arbitraryRow('NoSuchTable')).toThrow(/not a built-in table/);
  });
});

describe('the email tables (unchanged behaviour)', () => {
  it('times fall in [now - window, now] and both time columns agree', () => {
    fc.assert(
      fc.property(arbitraryRow('EmailUrlInfo', {}, { now: '2026-11-20T12:00:00Z', window: '1d' }), (r) => {
        expect(r.TimeGenerated).toBe(r.Timestamp);
        expect(String(r.Timestamp) >= '2026-11-19T12:00:00.0000000Z' && String(r.Timestamp) <= '2026-11-20T12:00:00.0000000Z').toBe(true);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('overrides take constants and arbitraries; derived columns follow them', () => {
    fc.assert(
      fc.property(
        arbitraryRow('EmailUrlInfo', { Url: 'https://bit.ly/x', NetworkMessageId: fc.constantFrom('m1', 'm2') }),
        arbitraryRow('EmailEvents', { SenderFromAddress: 'news@fabrikam.com', TimeGenerated: '2026-11-20T01:00:00.0000000Z' }),
        (u, e) => {
          expect(u.Url).toBe('https://bit.ly/x');
          expect(u.UrlDomain).toBe('bit.ly');
          expect(['m1', 'm2']).toContain(u.NetworkMessageId);
          expect(e.SenderFromDomain).toBe('fabrikam.com');
          expect(e.Timestamp).toBe('2026-11-20T01:00:00.0000000Z');
        },
      ),
      { seed: 2, numRuns: 50 },
    );
  });

  it('enumerated columns only take documented values (plus the named ActionType artefacts)', () => {
    fc.assert(
      fc.property(arbitraryRow('EmailEvents'), arbitraryRow('UrlClickEvents'), (e, c) => {
        expect(ENUMS.EmailEvents.DeliveryAction).toContain(e.DeliveryAction);
        expect(ENUMS.EmailEvents.EmailDirection).toContain(e.EmailDirection);
        expect(ENUMS.UrlClickEvents.Workload).toContain(c.Workload);
        expect(String(c.ActionType).toLowerCase()).toMatch(/^(clickallowed|clickblocked|clickblockedbytenantpolicy|urlscaninprogress|urlerrorpage)$/);
        if (c.Workload !== 'Email') expect(c.NetworkMessageId).toBe('');
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('URLs reach shorteners and their look-alikes', () => {
    const urls = fc.sample(arbitraryUrl(), { seed: 4, numRuns: 2000 });
    const hosts = new Set(urls.map((u) => /^[a-z]+:\/\/([^/?#]*)/.exec(u)?.[1]));
    expect(SHORTENER_HOSTS.some((h) => hosts.has(h))).toBe(true);
    expect(hosts.has('rabbit.ly') || LOOKALIKE_HOSTS.some((h) => hosts.has(h))).toBe(true);
    expect(urls.some((u) => u.startsWith('ipfs://'))).toBe(true);
    expect(urls.some((u) => u.includes('/ipfs/'))).toBe(true);
  });
});
