// Values for any column of any catalogue table: first by column name, when the name is one the security tables
// share (DeviceName, AccountUpn, IPAddress, SHA256, UserAgent…) AND the column has the type that pool produces
// (ReportId is a long in Device* tables but a string elsewhere; AdditionalFields is dynamic or string); otherwise by
// type. Table profiles (profiles-*.ts) then make the columns of their tables agree with each other.
import fc from 'fast-check';
import type { ScalarType } from '../../values/types.js';
import { ACTION_TYPES } from '../pools/endpoint.js';
import { PLACES, TENANT_ID, USER_AGENTS } from '../pools/identity.js';
import { SEVERITIES } from '../pools/security.js';
import {
  arbitraryDatetime, arbitraryDomainAccount, arbitraryPerson, arbitraryPrivateIp, arbitraryPublicAddress, arbitraryUrl,
  deviceShortName, type TimeOptions,
} from './basics.js';

const hexString = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));

/** A value of the type, in the row conventions of addTable (datetimes ISO text, timespans text, dynamic JSON). */
export function genericArbitrary(type: ScalarType, time: TimeOptions = {}): fc.Arbitrary<unknown> {
  switch (type) {
    case 'bool':
      return fc.option(fc.boolean(), { nil: null });
    case 'int':
      return fc.integer({ min: 0, max: 100 });
    case 'long':
      return fc.integer({ min: 0, max: 1_000_000 });
    case 'real':
      return fc.double({ min: 0, max: 1e6, noNaN: true });
    case 'datetime':
      return arbitraryDatetime(time);
    case 'timespan':
      return fc.integer({ min: 0, max: 86_399 }).map((s) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`);
    case 'guid':
      return fc.uuid();
    case 'dynamic':
      return fc.constantFrom(null, {}, []);
    default:
      return fc.constantFrom('', 'n/a', 'Default');
  }
}

const deviceName = fc.oneof(
  { arbitrary: arbitraryPerson().map((a) => `${deviceShortName(a.person!)}.contoso.com`), weight: 4 },
  { arbitrary: fc.constantFrom('dc01.contoso.com', 'srv-file01.contoso.com', 'srv-app02.contoso.com'), weight: 1 },
);
const anyIp = fc.oneof(arbitraryPublicAddress().map((a) => a.ip), arbitraryPrivateIp());

/** Name-keyed pools with the type their values have. */
const NAMED: Record<string, { type: ScalarType; arb: fc.Arbitrary<unknown> }> = {};
function named(type: ScalarType, arb: fc.Arbitrary<unknown>, ...names: string[]): void {
  for (const n of names) NAMED[n] = { type, arb };
}
named('string', fc.constant(TENANT_ID), 'TenantId', 'AADTenantId', 'HomeTenantId', 'ResourceTenantId', 'AccountTenantId');
named('string', fc.constant('Azure'), 'SourceSystem');
named('string', fc.constant('True'), '_IsBillable');
named('real', fc.integer({ min: 200, max: 6000 }), '_BilledSize');
named('string', deviceName, 'DeviceName', 'Computer', 'HostName', 'DestinationDeviceName', 'TargetDeviceName');
named('string', hexString(40), 'DeviceId', 'SHA1', 'InitiatingProcessSHA1');
named('string', hexString(64), 'SHA256', 'InitiatingProcessSHA256');
named('string', hexString(32), 'MD5', 'InitiatingProcessMD5');
named('string', arbitraryDomainAccount().map((a) => a.upn), 'AccountUpn', 'UserPrincipalName', 'InitiatingProcessAccountUpn', 'Caller', 'UserId');
named('string', arbitraryDomainAccount().map((a) => a.name), 'AccountName', 'InitiatingProcessAccountName', 'TargetUserName', 'SamAccountName');
named('string', fc.constant('contoso'), 'AccountDomain', 'InitiatingProcessAccountDomain');
named('string', arbitraryDomainAccount().map((a) => a.sid), 'AccountSid', 'InitiatingProcessAccountSid', 'TargetUserSid', 'OnPremSid');
named('string', arbitraryDomainAccount().map((a) => a.objectId), 'AccountObjectId', 'InitiatingProcessAccountObjectId');
named('string', arbitraryPerson().map((a) => a.displayName), 'AccountDisplayName', 'UserDisplayName');
named('string', anyIp, 'IPAddress', 'IpAddress', 'RemoteIP', 'ClientIP', 'CallerIpAddress', 'CallerIPAddress', 'FileOriginIP', 'RequestSourceIP');
named('string', arbitraryPrivateIp(), 'LocalIP', 'DestinationIPAddress');
named('string', arbitraryPublicAddress().map((a) => a.ip), 'PublicIP');
named('string', fc.constantFrom(...PLACES.map((p) => p.countryOrRegion)), 'Country', 'CountryCode', 'CountryOrRegion');
named('string', fc.constantFrom(...PLACES.map((p) => p.city)), 'City');
named('string', fc.constantFrom(...USER_AGENTS), 'UserAgent', 'HttpUserAgent');
named('string', arbitraryUrl({ hosts: ['benign', 'paas', 'shortener'] }), 'RemoteUrl', 'Url', 'FileOriginUrl');
named('int', fc.constantFrom(443, 80, 445, 3389, 22, 53, 135, 5985, 8080), 'RemotePort', 'DestinationPort');
named('int', fc.integer({ min: 49_152, max: 65_535 }), 'LocalPort', 'Port');
named('string', fc.uuid(), 'CorrelationId', 'OperationId', 'SystemAlertId');
named('string', fc.constantFrom(...SEVERITIES), 'Severity', 'AlertSeverity');

/** The value of one column of a catalogue table: its name's pool when the types agree, else by type. */
export function namedColumnArbitrary(table: string, column: string, type: ScalarType, time: TimeOptions): fc.Arbitrary<unknown> {
  if (column === 'Type' && type === 'string') return fc.constant(table);
  if (column === 'ActionType' && type === 'string' && ACTION_TYPES[table]) return fc.constantFrom(...ACTION_TYPES[table]!);
  const pool = NAMED[column];
  if (pool && pool.type === type) return pool.arb;
  return genericArbitrary(type, time);
}

/** A value converted to a column's type where a profile wrote it in another shape (dynamic ↔ JSON text, numbers). */
export function coerceToColumn(type: ScalarType, v: unknown): unknown {
  if (v === null || v === undefined) return type === 'string' ? '' : null;
  if (type === 'string') return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if ((type === 'int' || type === 'long' || type === 'real') && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (type === 'dynamic' && typeof v === 'string' && /^[[{]/.test(v)) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}
