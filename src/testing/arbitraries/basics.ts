// Building blocks of the property kit: times around `now`, URLs from the rule-relevant host pools, people and their
// identifiers, addresses, hashes. Shared by the per-table generators (email.ts, profiles-*.ts). Browser-safe.
import fc from 'fast-check';
import { formatDatetime, parseDatetime } from '../../values/datetime.js';
import { parseTimespan } from '../../values/timespan.js';
import {
  BENIGN_HOSTS, BENIGN_PATH_WORDS, CIDS, EXTERNAL_SENDERS, IPFS_GATEWAY_HOSTS, LOOKALIKE_HOSTS, PAAS_SUFFIXES, PATH_WORDS,
  PREFIX_TRAP_HOSTS, SHORTENER_HOSTS, TENANT_DOMAIN, USERS,
} from '../pools.js';
import { DOMAIN, DOMAIN_SID, PEOPLE, type PersonEntry, PRIVATE_PREFIXES, PUBLIC_ADDRESSES, type PublicAddress, SERVICE_ACCOUNTS, SYSTEM_ACCOUNTS } from '../pools/identity.js';

export type Row = Record<string, unknown>;
/** A constant value or an arbitrary of values, per column. */
export type Overrides = Readonly<Record<string, unknown>>;

export interface TimeOptions {
  /** Upper end of generated times (default 2026-11-20T12:00:00Z, the bundled dataset's now). */
  readonly now?: string | Date;
  /** Length of the window before `now` that times fall in (KQL timespan text, default '2d'). */
  readonly window?: string;
}

export const DEFAULT_NOW = '2026-11-20T12:00:00Z';

export function arbitraryGuid(): fc.Arbitrary<string> {
  return fc.uuid();
}

/** A datetime (ISO text) in [now - window, now], tick precision; fast-check's bias reaches both ends. */
export function arbitraryDatetime(options: TimeOptions = {}): fc.Arbitrary<string> {
  const now = parseDatetime(options.now instanceof Date ? options.now.toISOString() : options.now ?? DEFAULT_NOW);
  const window = parseTimespan(options.window ?? '2d');
  if (now === null) throw new Error(`invalid now '${String(options.now)}'`);
  if (window === null || window < 0n) throw new Error(`invalid window '${options.window}'`);
  return fc.bigInt({ min: now - window, max: now }).map(formatDatetime);
}

/** An ISO datetime moved by a number of seconds (negative: earlier). Inputs are the 7-digit ISO text of formatDatetime. */
export function shiftDatetime(iso: string, seconds: number): string {
  const t = parseDatetime(iso);
  if (t === null) throw new Error(`invalid datetime '${iso}'`);
  return formatDatetime(t + BigInt(Math.round(seconds * 1e7)));
}

const label = fc.constantFrom('contoso', 'login-micros0ft-secure', 'fabrikam-onboarding', 'deploy-preview-142--docs', 'hr-portal', 'a1b2c3', 'evil');

export type HostKind = 'shortener' | 'paas' | 'ipfs' | 'lookalike' | 'trap' | 'benign';

export function arbitraryHost(kinds: readonly HostKind[] = ['shortener', 'paas', 'ipfs', 'lookalike', 'trap', 'benign']): fc.Arbitrary<string> {
  const by: Record<HostKind, fc.Arbitrary<string>> = {
    shortener: fc.constantFrom(...SHORTENER_HOSTS),
    paas: fc.tuple(label, fc.constantFrom(...PAAS_SUFFIXES)).map(([l, s]) => `${l}.${s}`),
    ipfs: fc.oneof(fc.constantFrom(...IPFS_GATEWAY_HOSTS), fc.constantFrom(...CIDS).map((c) => `${c.toLowerCase()}.ipfs.dweb.link`)),
    lookalike: fc.constantFrom(...LOOKALIKE_HOSTS),
    trap: fc.constantFrom(...PREFIX_TRAP_HOSTS),
    benign: fc.constantFrom(...BENIGN_HOSTS),
  };
  return fc.oneof(...kinds.map((k) => by[k]));
}

/** A URL: scheme, host of the given kinds, a path of pool words (optionally behind /ipfs/<cid>), maybe a query. */
export function arbitraryUrl(options: { hosts?: readonly HostKind[]; benignPath?: boolean } = {}): fc.Arbitrary<string> {
  const words = options.benignPath ? BENIGN_PATH_WORDS : PATH_WORDS;
  const path = fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((ws) => ws.join('/'));
  const ipfsPrefix = options.benignPath ? fc.constant('') : fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: fc.constantFrom(...CIDS).map((c) => `ipfs/${c}/`), weight: 1 });
  const query = fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: fc.constantFrom(...USERS).map((u) => `?u=${u}`), weight: 1 });
  const web = fc
    .tuple(fc.constantFrom('https', 'https', 'http'), arbitraryHost(options.hosts), ipfsPrefix, path, query)
    .map(([s, h, p, w, q]) => `${s}://${h}/${p}${w}${q}`);
  if (options.benignPath || (options.hosts && !options.hosts.includes('ipfs'))) return web;
  const ipfsScheme = fc.tuple(fc.constantFrom(...CIDS), path).map(([c, w]) => `ipfs://${c}/${w}`);
  return fc.oneof({ arbitrary: web, weight: 9 }, { arbitrary: ipfsScheme, weight: 1 });
}

export function arbitraryUpn(): fc.Arbitrary<string> {
  return fc.constantFrom(...USERS).map((u) => `${u}@${TENANT_DOMAIN}`);
}

export function arbitraryEmailAddress(): fc.Arbitrary<string> {
  return fc.oneof(arbitraryUpn(), fc.constantFrom(...EXTERNAL_SENDERS));
}

export function domainOf(address: unknown): string {
  return typeof address === 'string' && address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '';
}

/** The host of a URL as parse_url reports it for these generated URLs (authority up to the first / ? #). */
export function hostOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url);
  return m ? m[1]!.replace(/^[^@]*@/, '').replace(/:\d+$/, '') : '';
}

/** An address from the RFC 5737 documentation ranges (the email tables' sender and click addresses). */
export const documentationIpv4 = fc.tuple(fc.constantFrom('192.0.2', '198.51.100', '203.0.113'), fc.integer({ min: 1, max: 254 })).map(([n, h]) => `${n}.${h}`);

// ---------------------------------------------------------------------------------------------------------------
// Identities and addresses of the contoso.com tenant (pools/identity.ts)

/** An on-premises or cloud account: a person, a service account, or (for endpoint tables) a local system account. */
export interface Account {
  name: string;
  /** NetBIOS domain as endpoint tables write it ("contoso", or "nt authority" for system accounts) */
  domain: string;
  sid: string;
  upn: string;
  objectId: string;
  displayName: string;
  person?: PersonEntry;
}

/** A stable lower-case hex string of `length` digits derived from a text (FNV-1a; same input, same output). */
export function stableHex(text: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let h = 0x811c9dc5;
    const s = `${round}:${text}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A GUID-shaped id derived from a text (so an account always has the same object id). */
export function stableGuid(text: string): string {
  const h = stableHex(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function personAccount(p: PersonEntry): Account {
  const upn = `${p.alias}@${DOMAIN}`;
  return { name: p.alias, domain: 'contoso', sid: `${DOMAIN_SID}-${p.rid}`, upn, objectId: stableGuid(`oid:${upn}`), displayName: p.displayName, person: p };
}

export const PERSON_ACCOUNTS: readonly Account[] = PEOPLE.map(personAccount);
export const SERVICE_ACCOUNT_ENTRIES: readonly Account[] = SERVICE_ACCOUNTS.map((s) => ({
  name: s.name, domain: 'contoso', sid: `${DOMAIN_SID}-${s.rid}`, upn: `${s.name}@${DOMAIN}`, objectId: stableGuid(`oid:${s.name}@${DOMAIN}`), displayName: s.name,
}));
export const SYSTEM_ACCOUNT_ENTRIES: readonly Account[] = SYSTEM_ACCOUNTS.map((s) => ({
  name: s.name, domain: 'nt authority', sid: s.sid, upn: '', objectId: '', displayName: s.name,
}));

export function arbitraryPerson(): fc.Arbitrary<Account> {
  return fc.constantFrom(...PERSON_ACCOUNTS);
}

/** A person most of the time, sometimes a service or admin account. */
export function arbitraryDomainAccount(): fc.Arbitrary<Account> {
  return fc.oneof({ arbitrary: arbitraryPerson(), weight: 5 }, { arbitrary: fc.constantFrom(...SERVICE_ACCOUNT_ENTRIES), weight: 1 });
}

export function arbitraryPublicAddress(): fc.Arbitrary<PublicAddress> {
  return fc.oneof({ arbitrary: fc.constantFrom(...PUBLIC_ADDRESSES.filter((a) => a.kind === 'office' || a.kind === 'home')), weight: 4 }, { arbitrary: fc.constantFrom(...PUBLIC_ADDRESSES), weight: 1 });
}

export function arbitraryPrivateIp(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...PRIVATE_PREFIXES), fc.integer({ min: 2, max: 254 })).map(([p, h]) => `${p}${h}`);
}

export function isPrivateIpv4(ip: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
}

/** Workstation names `ws-<initial><surname>` of the people, and the servers, as short names. */
export function deviceShortName(p: PersonEntry): string {
  const [first, last] = p.alias.split('.') as [string, string];
  return `ws-${first[0]}${last}`;
}
