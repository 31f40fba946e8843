// Seeded Defender-shaped rows for the loading benchmark: a DeviceProcessEvents-like table with every kind of column
// a loader meets — datetimes with 7 fractional digits, strings that repeat (device, file, account names) and strings
// that do not (command lines, hashes), longs (some beyond 2^53), a bool, a sparse dynamic column. Row i is a pure
// function of (seed, i), so a loaded table can be checked against the generator at any row.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { Schema } from '../../src/tables/table.js';

export const SCHEMA: Schema = [
  { name: 'Timestamp', type: 'datetime' },
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'DeviceId', type: 'string' },
  { name: 'DeviceName', type: 'string' },
  { name: 'ActionType', type: 'string' },
  { name: 'FileName', type: 'string' },
  { name: 'FolderPath', type: 'string' },
  { name: 'SHA256', type: 'string' },
  { name: 'FileSize', type: 'long' },
  { name: 'ProcessId', type: 'long' },
  { name: 'ProcessCommandLine', type: 'string' },
  { name: 'ProcessCreationTime', type: 'datetime' },
  { name: 'AccountName', type: 'string' },
  { name: 'InitiatingProcessFileName', type: 'string' },
  { name: 'IsProcessRemoteSession', type: 'bool' },
  { name: 'ReportId', type: 'long' },
  { name: 'AdditionalFields', type: 'dynamic' },
];

/** The columns a file holds (TimeGenerated is left out: the loader mirrors it from Timestamp). */
export const WRITTEN = SCHEMA.map((c) => c.name).filter((n) => n !== 'TimeGenerated');

function hash(seed: number, i: number, k: number): number {
  let h = (seed ^ Math.imul(i, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number, len: number): string => n.toString(16).padStart(8, '0').repeat(Math.ceil(len / 8)).slice(0, len);
const FILES = ['powershell.exe', 'cmd.exe', 'conhost.exe', 'svchost.exe', 'rundll32.exe', 'msedge.exe', 'teams.exe', 'winword.exe', 'excel.exe', 'wmic.exe'];
const ACTIONS = ['ProcessCreated', 'ProcessCreated', 'ProcessCreated', 'OpenProcessApiCall', 'CreateRemoteThreadApiCall'];

function iso(ms: number, sub: number): string {
  const d = new Date(ms).toISOString(); // yyyy-mm-ddThh:mm:ss.fffZ
  return `${d.slice(0, 23)}${String(sub).padStart(4, '0')}Z`;
}

/** Row i as JSON-ready values (datetimes as ISO text, longs beyond 2^53 as bigint). */
export function rowAt(seed: number, i: number): Record<string, string | number | bigint | boolean | null | object> {
  const h = (k: number) => hash(seed, i, k);
  const device = h(1) % 500;
  const file = FILES[h(2) % FILES.length]!;
  const t0 = Date.UTC(2026, 9, 22) + Math.floor(i * 2.5) + (h(3) % 1000);
  const fileNo = h(4) % 2000;
  return {
    Timestamp: iso(t0, h(5) % 10000),
    DeviceId: hex(device * 2654435761, 40),
    DeviceName: `ws-${String(device).padStart(4, '0')}.contoso.com`,
    ActionType: ACTIONS[h(6) % ACTIONS.length]!,
    FileName: file,
    FolderPath: `C:\\Program Files\\App${fileNo}\\${file}`,
    SHA256: hex(h(7) % 5000 * 40503, 64),
    FileSize: h(8) % 50_000_000,
    ProcessId: h(9) % 100_000,
    ProcessCommandLine: `${file} -nop -w hidden -c "Invoke-Item ${h(10).toString(36)}" --id ${i}`,
    ProcessCreationTime: iso(t0 - (h(11) % 60_000), h(12) % 10000),
    AccountName: `user${h(13) % 300}`,
    InitiatingProcessFileName: FILES[h(14) % FILES.length]!,
    IsProcessRemoteSession: h(15) % 10 === 0,
    ReportId: h(16) % 4 === 0 ? 9007199254740993n + BigInt(i) : i * 1000 + (h(16) % 1000),
    AdditionalFields: h(17) % 5 === 0 ? { ProcessLevel: h(18) % 3, Tags: ['a', `t${h(19) % 7}`] } : null,
  };
}

/**
 * Row i as a program would hand it to Database.addTable after reading JSON: flat strings (as JSON.parse makes them,
 * not the concatenations a template literal leaves), longs beyond 2^53 as bigint.
 */
export function rowObjectAt(seed: number, i: number): Record<string, unknown> {
  const r = rowAt(seed, i);
  const o = JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? 0 : v))) as Record<string, unknown>;
  o.ReportId = r.ReportId;
  return o;
}

function jsonValue(v: unknown): string {
  return typeof v === 'bigint' ? String(v) : JSON.stringify(v);
}

function csvCell(v: unknown): string {
  if (v === null) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows [0, n) as NDJSON or CSV; returns the file size in bytes. */
export function writeFile(file: string, format: 'ndjson' | 'csv', n: number, seed = 42): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    let buf: string[] = [];
    const flush = () => {
      bytes += writeSync(fd, buf.join(''));
      buf = [];
    };
    if (format === 'csv') buf.push(WRITTEN.join(',') + '\n');
    for (let i = 0; i < n; i++) {
      const r = rowAt(seed, i);
      if (format === 'ndjson') buf.push('{' + WRITTEN.map((k) => `"${k}":${jsonValue(r[k])}`).join(',') + '}\n');
      else buf.push(WRITTEN.map((k) => csvCell(r[k])).join(',') + '\n');
      if (buf.length >= 10_000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
