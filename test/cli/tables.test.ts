// `kqlite tables` through main(), and the shared --schemas data option on run / check / explain.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
  return { code, out, err };
}

function schemaFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-tables-'));
  writeFileSync(join(dir, 'Acme.json'), JSON.stringify({ Name: 'AcmeAlerts_CL', Properties: [{ Name: 'TimeGenerated', Type: 'DateTime' }, { Name: 'Severity_d', Type: 'Double' }, { Name: 'Host_s', Type: 'String' }] }));
  return dir;
}

describe('kqlite tables', () => {
  it('lists every known table with its column count and source, one line each', async () => {
    const r = await run(['tables']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TABLE\s+COLUMNS\s+SOURCE$/);
    expect(lines.length - 1).toBeGreaterThanOrEqual(900);
    expect(r.err).toBe(`${lines.length - 1} tables\n`);
    expect(lines.find((l) => l.startsWith('DeviceProcessEvents '))).toMatch(/^DeviceProcessEvents\s+\d+\s+both$/);
    expect(lines.find((l) => l.startsWith('SigninLogs '))).toMatch(/^SigninLogs\s+\d+\s+Azure Monitor$/);
    expect(lines.find((l) => l.startsWith('ExposureGraphNodes '))).toMatch(/^ExposureGraphNodes\s+6\s+Defender XDR$/);
    expect(lines.find((l) => l.startsWith('AzureNetworkAnalytics_CL '))).toMatch(/^AzureNetworkAnalytics_CL\s+\d+\s+custom$/);
    expect(lines.find((l) => l.startsWith('EmailUrlInfo '))).toMatch(/^EmailUrlInfo\s+14\s+both$/);
  });

  it('shows one table: columns, types, where each is documented, the pages and the conflicts', async () => {
    const r = await run(['tables', 'DeviceInfo']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^DeviceInfo {2}\(both, \d+ columns\)\n\nCOLUMN\s+TYPE\s+DOCUMENTED BY\n/);
    expect(r.out).toMatch(/\nTimestamp\s+datetime\s+Defender XDR\n/);
    expect(r.out).toMatch(/\nTimeGenerated\s+datetime\s+Azure Monitor\n/);
    expect(r.out).toMatch(/\nOSBuild\s+long\s+both\n/);
    expect(r.out).toContain('Defender XDR: defender-xdr/advanced-hunting-deviceinfo-table.md, 2024-12-04, commit f1c23eae89a4');
    expect(r.out).toContain('Azure Monitor: azure-monitor-ref/tables/includes/deviceinfo-include.md');
    expect(r.out).toContain('LoggedOnUsers: Defender XDR string, Azure Monitor dynamic → dynamic (string vs dynamic → dynamic)');
  });

  it('notes hand-kept and open-schema tables', async () => {
    expect((await run(['tables', 'EmailUrlInfo'])).out).toMatch(/\nUrlChainPosition\s+long\s+kqlite \(hand-kept\)\n/);
    expect((await run(['tables', 'AzureDiagnostics'])).out).toContain('Note: open schema: other columns come from a data file (--data) or a schema file');
  });

  it('--format json for the list and for one table', async () => {
    const list = JSON.parse((await run(['tables', '--format', 'json'])).out) as { name: string; columns: number; source: string }[];
    expect(list.find((t) => t.name === 'ExposureGraphEdges')).toEqual({ name: 'ExposureGraphEdges', columns: 11, source: 'Defender XDR' });
    const one = JSON.parse((await run(['tables', 'AlertInfo', '--format', 'json'])).out);
    expect(one.name).toBe('AlertInfo');
    expect(one.source).toBe('both');
    expect(one.columns.slice(0, 3)).toEqual([
      { name: 'Timestamp', type: 'datetime', source: 'Defender XDR' },
      { name: 'TimeGenerated', type: 'datetime', source: 'Azure Monitor' },
      { name: 'AlertId', type: 'string', source: 'both' },
    ]);
    expect(one.documents[0]).toEqual({ source: 'defender', path: 'defender-xdr/advanced-hunting-alertinfo-table.md', date: '2024-04-03', commit: '006b8a9fc08a5ddf851f292a593b271d24ee06f8' });
  });

  it('an unknown name is an error with a did-you-mean', async () => {
    const r = await run(['tables', 'SignInLogs']);
    expect(r.code).toBe(1);
    expect(r.err).toBe("kqlite: unknown table 'SignInLogs' (did you mean 'SigninLogs'?)\n");
    expect((await run(['tables', '--format', 'xml'])).code).toBe(2);
  });

  it('--schemas adds the declared tables', async () => {
    const dir = schemaFolder();
    const r = await run(['tables', '--schemas', dir]);
    expect(r.out).toMatch(/\nAcmeAlerts_CL\s+3\s+schema file\n/);
    const one = await run(['tables', 'AcmeAlerts_CL', '--schemas', dir]);
    expect(one.out).toMatch(/\nSeverity_d\s+real\s+schema file\n/);
  });
});

describe('--schemas on the commands that bind queries', () => {
  it('run, check and explain see declared tables; without them the table is unknown', async () => {
    const dir = schemaFolder();
    const q = 'AcmeAlerts_CL | where Severity_d > 5 | project Host_s';
    const ran = await run(['run', '--query', q, '--schemas', dir, '--format', 'json']);
    expect(ran.code, ran.err).toBe(0);
    expect(JSON.parse(ran.out)).toEqual({ columns: [{ name: 'Host_s', type: 'string' }], rows: [] });
    const rule = join(dir, 'rule.kql');
    writeFileSync(rule, q);
    const checked = await run(['check', rule, '--schemas', dir]);
    expect(checked.code, checked.err).toBe(0);
    const explained = await run(['explain', rule, '--schemas', dir]);
    expect(explained.code, explained.err).toBe(0);
    expect(explained.out).toContain('Host_s');
    const without = await run(['check', rule]);
    expect(without.code).toBe(1);
    expect(without.err).toContain("unknown table 'AcmeAlerts_CL'");
  });

  it('a bad schema folder is an error with the file position, and a missing one a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-tables-'));
    writeFileSync(join(dir, 'Bad.json'), '{"Name": "Bad_CL", "Properties": [{"Name": "x", "Type": "strng"}]}');
    const r = await run(['run', '--query', 'print 1', '--schemas', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${join(dir, 'Bad.json')}:1:57: column 'x': unknown type 'strng' (did you mean 'string'?)\n`);
    expect((await run(['run', '--query', 'print 1', '--schemas', join(dir, 'nope')])).code).toBe(2);
  });
});
