// Column values for the five Defender for Office 365 tables (UrlClickEvents, EmailEvents, EmailUrlInfo,
// EmailAttachmentInfo, EmailPostDeliveryEvents): documented enumerations, URLs from the rule-relevant host pools,
// addresses and message ids shared between the tables so generated rows join. `deriveEmail` keeps dependent columns
// coherent (UrlDomain = the Url's host, Sender*Domain = the address's domain, UrlChain = [Url] …).
import fc from 'fast-check';
import type { ScalarType } from '../../values/types.js';
import { ACTION_TYPE_ARTEFACTS, ENUMS, MESSAGE_IDS, SUBJECTS, TENANT_IDS } from '../pools.js';
import { arbitraryDatetime, arbitraryEmailAddress, arbitraryUpn, arbitraryUrl, documentationIpv4, domainOf, hostOf, type Row, type TimeOptions } from './basics.js';
import { genericArbitrary } from './generic.js';

export const EMAIL_TABLES: ReadonlySet<string> = new Set(Object.keys(ENUMS));

const messageId = fc.oneof({ arbitrary: fc.constantFrom(...MESSAGE_IDS), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 });
const sha256 = fc.stringMatching(/^[0-9a-f]{64}$/);

function enumOf(table: string, column: string): readonly string[] | undefined {
  return (ENUMS as Record<string, Record<string, readonly string[]> | undefined>)[table]?.[column];
}

export function emailColumnArbitrary(table: string, column: string, type: ScalarType, time: TimeOptions): fc.Arbitrary<unknown> {
  const e = enumOf(table, column);
  if (table === 'UrlClickEvents' && column === 'ActionType') {
    return fc.oneof({ arbitrary: fc.constantFrom(...e!), weight: 12 }, { arbitrary: fc.constantFrom(...ACTION_TYPE_ARTEFACTS), weight: 1 });
  }
  if (e) return fc.constantFrom(...e);
  switch (column) {
    case 'Timestamp':
    case 'TimeGenerated':
    case 'LastEventExecutionTime':
      return arbitraryDatetime(time);
    case 'Url':
      return arbitraryUrl();
    case 'AccountUpn':
    case 'RecipientEmailAddress':
      return arbitraryUpn();
    case 'SenderFromAddress':
    case 'SenderMailFromAddress':
      return arbitraryEmailAddress();
    case 'SenderDisplayName':
      return fc.constantFrom('IT Support', 'Fabrikam News', 'HR Documents', 'Adele Vance', '');
    case 'NetworkMessageId':
      return messageId;
    case 'InternetMessageId':
      return fc.uuid().map((u) => `<${u}@mail.example>`);
    case 'IPAddress':
    case 'SenderIPv4':
      return documentationIpv4;
    case 'SenderIPv6':
      return fc.constantFrom('', '2001:db8::1', '2001:db8:85a3::8a2e:370:7334');
    case 'Subject':
      return fc.constantFrom(...SUBJECTS);
    case 'ThreatNames':
      return fc.constantFrom('', 'Phish.Generic.Credential', 'HTML/Phish.Credential', 'Trojan:HTML/Phish');
    case 'IsClickedThrough':
      return fc.boolean();
    case 'TenantId':
      return fc.constantFrom(...TENANT_IDS);
    case 'SourceSystem':
      return fc.constant('Azure');
    case '_IsBillable':
      return fc.constant('True');
    case '_BilledSize':
      return fc.integer({ min: 200, max: 4000 });
    case 'Type':
      return fc.constant(table);
    case 'ReportId':
    case 'SenderObjectId':
    case 'RecipientObjectId':
    case 'EmailActionPolicyGuid':
    case 'SourceId':
    case 'UrlChainId':
      return fc.uuid();
    case 'FileName':
      return fc.tuple(fc.constantFrom('invoice', 'budget', 'contract', 'scan', 'report'), fc.constantFrom('pdf', 'docx', 'xlsx', 'html', 'zip')).map(([n, x]) => `${n}.${x}`);
    case 'SHA256':
      return fc.oneof(fc.constant(''), sha256);
    case 'FileSize':
      return fc.integer({ min: 1, max: 25_000_000 });
    case 'BulkComplaintLevel':
      return fc.option(fc.integer({ min: 0, max: 9 }), { nil: null });
    case 'UrlChainPosition':
      return fc.integer({ min: 0, max: 3 });
    case 'Cc':
    case 'To':
      return fc.array(arbitraryUpn(), { maxLength: 3 });
    case 'AdditionalFields':
      return fc.constantFrom({}, { IsExternal: true }, { Language: 'en' });
  }
  return genericArbitrary(type, time);
}

/** Columns computed from others so a row stays coherent; applied only where the user did not override. */
export function deriveEmail(table: string, row: Row, fixed: ReadonlySet<string>): Row {
  const set = (c: string, v: unknown) => {
    if (!fixed.has(c) && c in row) row[c] = v;
  };
  if (table === 'EmailUrlInfo') set('UrlDomain', hostOf(row.Url));
  if (table === 'UrlClickEvents') {
    set('UrlChain', JSON.stringify([row.Url]));
    if (row.Workload !== 'Email') set('NetworkMessageId', ''); // documented: empty for non-email workloads
  }
  set('SenderFromDomain', domainOf(row.SenderFromAddress));
  set('SenderMailFromDomain', domainOf(row.SenderMailFromAddress));
  set('RecipientDomain', domainOf(row.RecipientEmailAddress));
  if (table === 'EmailAttachmentInfo' && typeof row.FileName === 'string') set('FileExtension', row.FileName.slice(row.FileName.lastIndexOf('.') + 1));
  return row;
}
