// Seeded generator of realistic Defender for Office 365 data for the benchmarks (issue 7).
//
// Shape of the data, per `rows` (n):
// - messages: m = ceil(n / 1.6), each with a GUID NetworkMessageId, a sender, a subject and an instant spread
//   uniformly over the 30 days before `now`;
// - EmailEvents: n rows, one per (message, recipient); every message has at least one recipient, the rest are extra
//   recipients of random messages, so the seed joins fan out a little as in real tenants;
// - EmailUrlInfo: n rows, one per URL found in a random message (same instant as the message);
// - UrlClickEvents: n rows, clicks on URLs of random messages, up to two days after delivery.
// URLs come from a pool of ~50k distinct URLs drawn with a Zipf (s = 1) popularity, which gives ~47k distinct URLs at
// 1M rows. About 5 % of the pool is suspicious (shorteners, PaaS hosts, IPFS gateways and `ipfs://` links, plus
// look-alikes such as `rabbit.ly` or `bit.ly.example.ru` that must or must not match by the term rules); hosts have
// mixed case and subdomains, paths and queries; ~2 % are scheme-less and ~1 % malformed.
//
// Tables are built the way src/node/load-data.ts builds them: strings through `encodeStrings` (dictionary-encoded
// when they repeat), other types through `vectorFromValues` (or the identical typed-array layout directly).
// Everything is a pure function of (rows, seed).

import { closeSync, openSync, writeSync } from 'node:fs';
import { BUILTIN_SCHEMAS } from '../src/tables/builtin-schemas.js';
import { makeTable, type Table } from '../src/tables/table.js';
import { dictionaryVector, encodeStrings, getValue, stringVector, vectorFromValues, type Vector } from '../src/tables/vector.js';
import { formatDatetime } from '../src/values/datetime.js';
import { TICKS_PER_MILLISECOND, UNIX_EPOCH_TICKS, type Dynamic, type ScalarType, type ScalarValue } from '../src/values/types.js';

export const DAY_MS = 86_400_000;
/** The data's `now`: every instant lies in the 30 days before it. Queries run with this `now`. */
export const NOW = '2025-06-30T00:00:00Z';
const NOW_MS = Date.parse(NOW);

/** mulberry32: tiny, fast and good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function weighted<T>(r: Rand, table: readonly (readonly [T, number])[]): T {
  let x = r();
  for (const [v, w] of table) {
    if (x < w) return v;
    x -= w;
  }
  return table[table.length - 1]![0];
}

const WORDS = (
  'alpha bravo cloud data metro north south river stone green blue red quick smart prime global first city ' +
  'market store shop news media travel health bank credit trust secure portal office team group tech soft net ' +
  'link page site home docs files share drive photo video music game sport food wine garden auto motor energy'
).split(' ');
const PATH_WORDS = (
  'index home about products item view article news blog docs download files share invoice order track ' +
  'login signin account verify update confirm password reset auth webmail portal billing payment support help'
).split(' ');
const TLDS = ['com', 'com', 'com', 'net', 'org', 'io', 'co.uk', 'de', 'fr', 'info', 'biz', 'ru', 'cn', 'xyz', 'top'];
const SHORTENERS = ['bit.ly', 'tinyurl.com', 'ow.ly', 'is.gd', 'buff.ly', 'adf.ly', 'cutt.ly', 'rb.gy', 'shorturl.at', 't.ly', 'tiny.cc', 'rebrand.ly'];
const PAAS = ['appspot.com', 'azurewebsites.net', 'web.app', 'firebaseapp.com', 'netlify.app', 'vercel.app', 'pages.dev', 'glitch.me', 'replit.app', 'workers.dev', 'run.app'];
const IPFS = ['ipfs.io', 'cloudflare-ipfs.com', 'gateway.pinata.cloud', 'dweb.link', 'cf-ipfs.com', 'nftstorage.link'];
/** Near misses: some match by the term rules (a subdomain of a listed host), most must not. */
const LOOKALIKES = ['rabbit.ly', 'bitly.com', 'bit-ly.net', 'xbit.ly', 'bit.lyx.com', 'tinyurl.co', 'ow.lyric.com', 'web.apps.io', 'my-ipfs.io.example.ru', 'bit.ly.example.ru', 'notnetlify.app', 'pages.devx.org'];

// Weighted choices (value, probability), hoisted so the per-row loops allocate nothing for them.
const DIRECTIONS: readonly (readonly [string, number])[] = [['Inbound', 0.85], ['Outbound', 0.1], ['Intra-org', 0.05]];
const DELIVERY: readonly (readonly [string, number])[] = [['Delivered', 0.78], ['Junked', 0.1], ['Blocked', 0.07], ['Replaced', 0.03], ['DeliveredToJunk', 0.02]];
const THREATS: readonly (readonly [string, number])[] = [['', 0.9], ['Spam', 0.05], ['Phish', 0.04], ['Malware', 0.01]];
const LOCATIONS: readonly (readonly [string, number])[] = [['Body', 0.9], ['Attachment', 0.07], ['Subject', 0.03]];
const CLICK_ACTIONS: readonly (readonly [string, number])[] = [['ClickAllowed', 0.85], ['ClickBlocked', 0.08], ['ClickBlockedByTenantPolicy', 0.02], ['UrlScanInProgress', 0.03], ['UrlErrorPage', 0.02]];
const WORKLOADS: readonly (readonly [string, number])[] = [['Email', 0.7], ['Teams', 0.2], ['Office', 0.1]];

function mixCase(r: Rand, s: string): string {
  const x = r();
  if (x < 0.85) return s;
  if (x < 0.93) return s.toUpperCase();
  // Capitalised labels, as pasted from documents.
  return s.replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase());
}

function token(r: Rand, len: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < len; i++) s += chars[Math.floor(r() * chars.length)];
  return s;
}

function benignHost(r: Rand, domains: readonly string[]): string {
  const d = pick(r, domains);
  const sub = weighted(r, [['', 0.35], ['www.', 0.35], ['mail.', 0.05], ['cdn.', 0.05], ['login.', 0.03], [`${pick(r, WORDS)}.`, 0.12], [`${token(r, 6)}.${pick(r, WORDS)}.`, 0.05]]);
  return mixCase(r, sub + d);
}

function pathAndQuery(r: Rand): string {
  let p = '';
  const depth = weighted(r, [[0, 0.15], [1, 0.35], [2, 0.3], [3, 0.15], [5, 0.05]]);
  for (let i = 0; i < depth; i++) p += '/' + (r() < 0.8 ? pick(r, PATH_WORDS) : token(r, int(r, 4, 12)));
  if (r() < 0.2) p += pick(r, ['.html', '.php', '.aspx', '.pdf', '/']);
  if (depth === 0 && r() < 0.5) p = '/';
  if (r() < 0.35) {
    const n = int(r, 1, 3);
    const qs: string[] = [];
    for (let i = 0; i < n; i++) qs.push(`${pick(r, ['id', 'utm_source', 'ref', 'session', 'q', 'token', 'lang'])}=${token(r, int(r, 2, 16))}`);
    p += '?' + qs.join('&');
  }
  if (r() < 0.03) p += '#' + pick(r, PATH_WORDS);
  return p;
}

function scheme(r: Rand): string {
  return weighted(r, [['https://', 0.8], ['http://', 0.18], ['HTTPS://', 0.02]]);
}

function suspiciousUrl(r: Rand): string {
  const kind = weighted(r, [['short', 0.3], ['paas', 0.3], ['ipfs', 0.15], ['ipfsScheme', 0.05], ['ipfsPath', 0.05], ['look', 0.15]]);
  switch (kind) {
    case 'short':
      return scheme(r) + mixCase(r, pick(r, SHORTENERS)) + '/' + token(r, int(r, 5, 8));
    case 'paas':
      return scheme(r) + mixCase(r, `${pick(r, WORDS)}-${token(r, 5)}.${pick(r, PAAS)}`) + pathAndQuery(r);
    case 'ipfs':
      return scheme(r) + mixCase(r, pick(r, IPFS)) + '/ipfs/Qm' + token(r, 44) + (r() < 0.3 ? '?filename=' + pick(r, PATH_WORDS) + '.html' : '');
    case 'ipfsScheme':
      return 'ipfs://' + 'bafy' + token(r, 40) + '/' + pick(r, PATH_WORDS) + '.html';
    case 'ipfsPath':
      return scheme(r) + `${pick(r, WORDS)}${pick(r, WORDS)}.${pick(r, TLDS)}` + '/IPFS/Qm' + token(r, 44);
    default:
      return scheme(r) + mixCase(r, (r() < 0.3 ? 'www.' : '') + pick(r, LOOKALIKES)) + pathAndQuery(r);
  }
}

function odd(r: Rand, domains: readonly string[]): string {
  const host = benignHost(r, domains);
  return weighted(r, [
    [`${host}${pathAndQuery(r)}`, 0.5], // scheme-less
    [`http:/${host}/`, 0.08],
    [`https//${host}${pathAndQuery(r)}`, 0.08],
    [`hxxps://${host.replace(/\./g, '[.]')}/`, 0.08],
    [`mailto:${pick(r, WORDS)}@${host}`, 0.08],
    [`https://${pick(r, WORDS)}:${token(r, 8)}@${host}/`, 0.06],
    [`http://${host}:8080${pathAndQuery(r)}`, 0.06],
    [` https://${host}/ `, 0.03],
    ['https://', 0.03],
  ]);
}

/** The pool of distinct URLs, in popularity order (index 0 is the most clicked). */
export function urlPool(size: number, seed: number): string[] {
  const r = rng(seed ^ 0x5eed);
  const domains: string[] = [];
  for (let i = 0; i < 4000; i++) domains.push(`${pick(r, WORDS)}${r() < 0.5 ? pick(r, WORDS) : token(r, 3)}.${pick(r, TLDS)}`);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < size) {
    const x = r();
    const u = x < 0.05 ? suspiciousUrl(r) : x < 0.08 ? odd(r, domains) : scheme(r) + benignHost(r, domains) + pathAndQuery(r);
    if (!seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  }
  return out;
}

/** Zipf(s = 1) sampler over ranks 0..size-1 by binary search in the cumulative distribution. */
function zipf(size: number, r: Rand): () => number {
  const cdf = new Float64Array(size);
  let acc = 0;
  for (let k = 0; k < size; k++) cdf[k] = acc += 1 / (k + 1);
  for (let k = 0; k < size; k++) cdf[k]! /= acc;
  return () => {
    const x = r();
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function guid(r: Rand): string {
  const h = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
    return s;
  };
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(r() * 4)]}${h(3)}-${h(12)}`;
}

function ticksOf(ms: Float64Array): Vector {
  const data = new BigInt64Array(ms.length);
  for (let i = 0; i < ms.length; i++) data[i] = UNIX_EPOCH_TICKS + BigInt(Math.floor(ms[i]!)) * TICKS_PER_MILLISECOND;
  return { type: 'datetime', length: ms.length, data, valid: undefined };
}

/** A table of a built-in schema: the given columns, every other column empty ("" or null) as a loader leaves it. */
function builtinTable(name: string, n: number, given: Record<string, Vector>): Table {
  const schema = BUILTIN_SCHEMAS[name]!;
  const nulls = new Array<ScalarValue | null>(n).fill(null);
  const columns = schema.map((c) => {
    const v = given[c.name];
    if (v) {
      if (v.type !== c.type || v.length !== n) throw new Error(`${name}.${c.name}: built ${v.type}[${v.length}], schema says ${c.type}[${n}]`);
      return v;
    }
    return c.type === 'string' ? dictionaryVector([''], new Int32Array(n)) : vectorFromValues(c.type, nulls);
  });
  for (const k of Object.keys(given)) if (!schema.some((c) => c.name === k)) throw new Error(`${name} has no column ${k}`);
  return makeTable(schema, columns, n);
}

export interface GeneratedData {
  readonly rows: number;
  readonly seed: number;
  readonly now: string;
  readonly tables: { readonly EmailUrlInfo: Table; readonly EmailEvents: Table; readonly UrlClickEvents: Table };
  /** The URL pool size and how many distinct URLs EmailUrlInfo actually holds. */
  readonly poolSize: number;
  readonly distinctUrls: number;
}

export function generateData(rows: number, seed = 42, poolSize = 50_000): GeneratedData {
  const n = rows;
  const r = rng(seed);
  const pool = urlPool(poolSize, seed);
  const nextUrl = zipf(pool.length, r);
  const m = Math.ceil(n / 1.6);

  // Messages.
  const msgId: string[] = new Array(m);
  const msgTime = new Float64Array(m);
  const msgSender: string[] = new Array(m);
  const msgSubject: string[] = new Array(m);
  const senders: string[] = [];
  for (let i = 0; i < 20_000; i++) senders.push(`${pick(r, WORDS)}.${pick(r, WORDS)}${int(r, 1, 99)}@${pick(r, WORDS)}${pick(r, WORDS)}.${pick(r, TLDS)}`);
  const recipients: string[] = [];
  for (let i = 0; i < 10_000; i++) recipients.push(`${pick(r, WORDS)}.${pick(r, WORDS)}${i}@contoso.com`);
  const subjects = ['Invoice {n}', 'Your order #{n} has shipped', 'Action required: verify your account', 'Meeting notes {n}', 'Re: project {w}', 'Password expires today', 'Shared document: {w}.pdf', 'Weekly newsletter {n}', 'Fwd: {w} {w}', 'Payment received'];
  const nextSender = zipf(senders.length, r);
  for (let i = 0; i < m; i++) {
    msgId[i] = guid(r);
    msgTime[i] = NOW_MS - r() * 30 * DAY_MS;
    msgSender[i] = senders[nextSender()]!;
    msgSubject[i] = pick(r, subjects).replace(/\{n\}/g, () => String(int(r, 100, 99999))).replace(/\{w\}/g, () => pick(r, WORDS));
  }

  // EmailEvents.
  const ee = {
    ms: new Float64Array(n),
    id: new Array<string>(n),
    from: new Array<string>(n),
    fromDomain: new Array<string>(n),
    rcpt: new Array<string>(n),
    subject: new Array<string>(n),
    direction: new Array<string>(n),
    action: new Array<string>(n),
    location: new Array<string>(n),
    latest: new Array<string>(n),
    threats: new Array<string>(n),
    threatNames: new Array<string>(n),
    urlCount: new Array<number>(n),
    attachments: new Array<number>(n),
  };
  for (let j = 0; j < n; j++) {
    const k = j < m ? j : Math.floor(r() * m);
    ee.ms[j] = msgTime[k]!;
    ee.id[j] = msgId[k]!;
    ee.from[j] = msgSender[k]!;
    ee.fromDomain[j] = msgSender[k]!.slice(msgSender[k]!.indexOf('@') + 1);
    ee.rcpt[j] = pick(r, recipients);
    ee.subject[j] = msgSubject[k]!;
    ee.direction[j] = weighted(r, DIRECTIONS);
    const action = weighted(r, DELIVERY);
    ee.action[j] = action;
    ee.location[j] = action === 'Delivered' ? 'Inbox/folder' : action === 'Blocked' ? 'Quarantine' : 'Junk folder';
    ee.latest[j] = r() < 0.05 ? 'Deleted items' : ee.location[j]!;
    const threat = weighted(r, THREATS);
    ee.threats[j] = threat;
    ee.threatNames[j] = threat === 'Malware' ? pick(r, ['Trojan:Win32/Emotet', 'TrojanDownloader:O97M/Qakbot']) : '';
    ee.urlCount[j] = int(r, 0, 6);
    ee.attachments[j] = r() < 0.2 ? int(r, 1, 3) : 0;
  }

  // EmailUrlInfo.
  const ui = { ms: new Float64Array(n), id: new Array<string>(n), url: new Array<string>(n), domain: new Array<string>(n), loc: new Array<string>(n), report: new Array<string>(n) };
  // 60 % of the messages carry URLs (~2.7 each), and clicks happen on those messages.
  const withUrls = Math.max(1, Math.floor(m * 0.6));
  for (let j = 0; j < n; j++) {
    const k = Math.floor(r() * withUrls);
    ui.ms[j] = msgTime[k]!;
    ui.id[j] = msgId[k]!;
    const u = pool[nextUrl()]!;
    ui.url[j] = u;
    ui.domain[j] = domainOf(u);
    ui.loc[j] = weighted(r, LOCATIONS);
    ui.report[j] = `${msgId[k]!.slice(0, 8)}-${j}`;
  }

  // UrlClickEvents.
  const uc = { ms: new Float64Array(n), id: new Array<string>(n), url: new Array<string>(n), action: new Array<string>(n), upn: new Array<string>(n), workload: new Array<string>(n), threats: new Array<string>(n), clicked: new Array<boolean>(n), ip: new Array<string>(n), chain: new Array<string>(n) };
  for (let j = 0; j < n; j++) {
    const k = Math.floor(r() * withUrls);
    uc.ms[j] = Math.min(NOW_MS - 1, msgTime[k]! + r() * 2 * DAY_MS);
    uc.id[j] = msgId[k]!;
    const u = pool[nextUrl()]!;
    uc.url[j] = u;
    const action = weighted(r, CLICK_ACTIONS);
    uc.action[j] = action;
    uc.upn[j] = pick(r, recipients);
    uc.workload[j] = weighted(r, WORKLOADS);
    uc.threats[j] = action.startsWith('ClickBlocked') ? pick(r, ['Phish', 'Malware', 'Phish,Malware']) : r() < 0.02 ? 'Phish' : '';
    uc.clicked[j] = action.startsWith('ClickBlocked') ? r() < 0.3 : false;
    uc.ip[j] = `${int(r, 1, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
    uc.chain[j] = JSON.stringify([u]);
  }

  const s = encodeStrings;
  // Columns with more distinct values than half the rows: encodeStrings would return exactly this plain vector,
  // only after filling a Map of every value (seconds at 1M rows).
  const plain = (values: string[]) => stringVector(values);
  const eeTime = ticksOf(ee.ms);
  const EmailEvents = builtinTable('EmailEvents', n, {
    Timestamp: eeTime,
    TimeGenerated: eeTime,
    NetworkMessageId: plain(ee.id), // every message once, plus extra recipients: 62.5 % distinct
    SenderFromAddress: s(ee.from),
    SenderMailFromAddress: s(ee.from),
    SenderFromDomain: s(ee.fromDomain),
    SenderMailFromDomain: s(ee.fromDomain),
    RecipientEmailAddress: s(ee.rcpt),
    Subject: s(ee.subject),
    EmailDirection: s(ee.direction),
    DeliveryAction: s(ee.action),
    DeliveryLocation: s(ee.location),
    LatestDeliveryLocation: s(ee.latest),
    ThreatTypes: s(ee.threats),
    ThreatNames: s(ee.threatNames),
    UrlCount: vectorFromValues('int', ee.urlCount),
    AttachmentCount: vectorFromValues('int', ee.attachments),
    TenantId: dictionaryVector(['4a1b2c3d-0000-4000-8000-000000000001'], new Int32Array(n)),
    Type: dictionaryVector(['EmailEvents'], new Int32Array(n)),
  });
  const uiTime = ticksOf(ui.ms);
  const EmailUrlInfo = builtinTable('EmailUrlInfo', n, {
    Timestamp: uiTime,
    TimeGenerated: uiTime,
    NetworkMessageId: s(ui.id),
    Url: s(ui.url),
    UrlDomain: s(ui.domain),
    UrlLocation: s(ui.loc),
    ReportId: plain(ui.report), // unique per row
  });
  const ucTime = ticksOf(uc.ms);
  const UrlClickEvents = builtinTable('UrlClickEvents', n, {
    Timestamp: ucTime,
    TimeGenerated: ucTime,
    Url: s(uc.url),
    ActionType: s(uc.action),
    AccountUpn: s(uc.upn),
    Workload: s(uc.workload),
    NetworkMessageId: s(uc.id),
    ThreatTypes: s(uc.threats),
    IPAddress: plain(uc.ip), // random IPv4: practically unique
    IsClickedThrough: vectorFromValues('bool', uc.clicked),
    UrlChain: s(uc.chain),
  });
  const urlCol = EmailUrlInfo.columns[EmailUrlInfo.schema.findIndex((c) => c.name === 'Url')]!;
  const distinctUrls = urlCol.type === 'string' && urlCol.dict ? urlCol.dict.length : new Set(ui.url).size;
  return { rows: n, seed, now: NOW, tables: { EmailUrlInfo, EmailEvents, UrlClickEvents }, poolSize: pool.length, distinctUrls };
}

/** UrlDomain as Defender fills it: the lower-cased host, "" when there is none. */
function domainOf(u: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]*)/.exec(u);
  return m ? m[1]!.toLowerCase() : '';
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes the given columns of a table as NDJSON (one object per line) or CSV (header row), as an export from the
 * portal would look: datetimes as ISO 8601 text. Returns the file size in bytes.
 */
export function writeTableFile(t: Table, columns: readonly string[], file: string, format: 'ndjson' | 'csv'): number {
  const idx = columns.map((c) => {
    const i = t.schema.findIndex((x) => x.name === c);
    if (i < 0) throw new Error(`no column ${c}`);
    return i;
  });
  const fd = openSync(file, 'w');
  let bytes = 0;
  const flush = (text: string) => {
    bytes += writeSync(fd, text);
  };
  try {
    if (format === 'csv') flush(columns.join(',') + '\n');
    const cell = (j: number, i: number): string | number | boolean | null => {
      const col = t.columns[idx[j]!]!;
      const v = getValue(col, i);
      if (v === null) return null;
      if (typeof v === 'bigint') return col.type === 'datetime' ? formatDatetime(v) : Number(v);
      return v as string | number | boolean;
    };
    let chunk: string[] = [];
    for (let i = 0; i < t.rowCount; i++) {
      if (format === 'ndjson') {
        const o: Record<string, unknown> = {};
        for (let j = 0; j < columns.length; j++) o[columns[j]!] = cell(j, i);
        chunk.push(JSON.stringify(o));
      } else {
        const cells: string[] = [];
        for (let j = 0; j < columns.length; j++) {
          const v = cell(j, i);
          cells.push(v === null ? '' : csvCell(String(v)));
        }
        chunk.push(cells.join(','));
      }
      if (chunk.length === 20_000) {
        flush(chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) flush(chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Generic tables for the operator suite (issue 15): one column of each kind the engine treats differently.

export const GENERIC_SCHEMAS = {
  Events: [
    { name: 'EventId', type: 'long' }, // 1..n, unique (1:1 joins on a long key)
    { name: 'EventKey', type: 'string' }, // unique id-like text, plain storage (1:1 joins on a string key)
    { name: 'Timestamp', type: 'datetime' }, // uniform over the 30 days before NOW
    { name: 'Key', type: 'string' }, // 1000 distinct, dictionary (make-series by Key)
    { name: 'Category', type: 'string' }, // 12 distinct, dictionary
    { name: 'UserId', type: 'long' }, // 50,000 distinct, 90 % of them in Users (1:many joins)
    { name: 'UserName', type: 'string' }, // one per UserId, dictionary
    { name: 'SessionId', type: 'string' }, // ~0.37 n distinct, plain storage
    { name: 'Bytes', type: 'long' }, // log-uniform 1 .. 1.2M
    { name: 'Duration', type: 'real' }, // exponential, mean 100
    { name: 'Status', type: 'int' }, // 200 / 302 / 304 / 404 / 500
    { name: 'Tags', type: 'dynamic' }, // array of 0–3 strings out of 20
  ],
  Users: [
    { name: 'UserId', type: 'long' },
    { name: 'UserName', type: 'string' }, // unique, plain storage
    { name: 'Dept', type: 'string' }, // 20 distinct
    { name: 'Country', type: 'string' }, // 30 distinct
  ],
} as const satisfies Record<string, readonly { name: string; type: ScalarType }[]>;

export const USERS = 50_000;
const STATUS: readonly (readonly [number, number])[] = [[200, 0.7], [304, 0.1], [404, 0.1], [302, 0.05], [500, 0.05]];
const CATEGORIES = ['auth', 'billing', 'search', 'upload', 'download', 'admin', 'report', 'export', 'import', 'chat', 'mail', 'calendar'];
const TAGS = ['red', 'green', 'blue', 'mobile', 'desktop', 'beta', 'internal', 'external', 'vip', 'trial', 'eu', 'us', 'apac', 'api', 'web', 'batch', 'retry', 'cached', 'slow', 'fast'];

export interface GenericData {
  readonly rows: number;
  readonly tables: { readonly Events: Table; readonly Users: Table };
}

const userName = (id: number) => `user${id}@contoso.com`;
const userIdOf = (k: number) => 1000 + k * 7; // ids that are not row numbers

/** Events (n rows) and Users (50,000 rows, overlapping 90 % of Events' users): a pure function of (rows, seed). */
export function generateGenericData(rows: number, seed = 42): GenericData {
  const n = rows;
  const r = rng(seed ^ 0x9e3779b9);
  const sessions = Math.max(1, Math.floor(n * 0.4));
  const eventId = new BigInt64Array(n);
  const eventKey = new Array<string>(n);
  const ms = new Float64Array(n);
  const key = new Array<string>(n);
  const category = new Array<string>(n);
  const userId = new BigInt64Array(n);
  const user = new Array<string>(n);
  const session = new Array<string>(n);
  const bytes = new BigInt64Array(n);
  const duration = new Float64Array(n);
  const status = new Int32Array(n);
  const tags = new Array<Dynamic>(n);
  for (let i = 0; i < n; i++) {
    eventId[i] = BigInt(i + 1);
    eventKey[i] = `ev-${token(r, 10)}-${i.toString(36)}`;
    ms[i] = Math.floor(NOW_MS - 1 - r() * 30 * DAY_MS);
    key[i] = `key-${String(Math.floor(r() * 1000)).padStart(4, '0')}`;
    category[i] = pick(r, CATEGORIES);
    const u = userIdOf(Math.floor(r() * USERS));
    userId[i] = BigInt(u);
    user[i] = userName(u);
    session[i] = `s-${(Math.floor(r() * sessions) * 2654435761 % 4294967296).toString(16).padStart(8, '0')}`;
    bytes[i] = BigInt(Math.floor(Math.exp(r() * 14)));
    duration[i] = -Math.log(1 - r()) * 100;
    status[i] = weighted(r, STATUS);
    const k = int(r, 0, 3);
    const t: string[] = [];
    for (let j = 0; j < k; j++) t.push(pick(r, TAGS));
    tags[i] = t;
  }
  const Events = makeTable(GENERIC_SCHEMAS.Events, [
    { type: 'long', length: n, data: eventId, valid: undefined },
    stringVector(eventKey),
    ticksOf(ms),
    encodeStrings(key),
    encodeStrings(category),
    { type: 'long', length: n, data: userId, valid: undefined },
    encodeStrings(user),
    stringVector(session),
    { type: 'long', length: n, data: bytes, valid: undefined },
    { type: 'real', length: n, data: duration, valid: undefined },
    { type: 'int', length: n, data: status, valid: undefined },
    vectorFromValues('dynamic', tags),
  ], n);
  const ur = rng(seed ^ 0x51ed270b);
  const uid = new BigInt64Array(USERS);
  const uname = new Array<string>(USERS);
  const dept = new Array<string>(USERS);
  const country = new Array<string>(USERS);
  // Users k = 5,000 .. 54,999: 5,000 users have no events (left anti joins) and the events of users 0 .. 4,999
  // (10 %) have no user (right anti joins, unmatched outer rows).
  for (let k = 0; k < USERS; k++) {
    uid[k] = BigInt(userIdOf(k + USERS / 10));
    uname[k] = userName(userIdOf(k + USERS / 10));
    dept[k] = `dept-${int(ur, 1, 20)}`;
    country[k] = pick(ur, WORDS.slice(0, 30));
  }
  const Users = makeTable(GENERIC_SCHEMAS.Users, [
    { type: 'long', length: USERS, data: uid, valid: undefined },
    stringVector(uname),
    encodeStrings(dept),
    encodeStrings(country),
  ], USERS);
  return { rows: n, tables: { Events, Users } };
}
