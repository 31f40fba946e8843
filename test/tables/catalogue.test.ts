// The committed schema catalogue (src/tables/catalogue): spot checks of columns and types against Microsoft's pages
// (expected values typed by hand from the pages named in each case), the merged Defender + Azure Monitor shapes, the
// type conflicts and their rule, and the invariants any regeneration must keep.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { BUILTIN_SCHEMAS, CURATED_TABLES, SchemaMapWithBuiltins, builtinSchema } from '../../src/tables/builtin-schemas.js';
import { catalogueSchema, catalogueTableNames, isOpenSchemaTable } from '../../src/tables/catalogue/index.js';
import { CATALOGUE_PROVENANCE, columnOrigin, sourceLabel } from '../../src/tables/catalogue/provenance.js';
import { SCALAR_TYPES } from '../../src/values/types.js';

const inputs = JSON.parse(readFileSync(new URL('../../scripts/catalogue/inputs.json', import.meta.url), 'utf8')) as {
  azureMonitor: { commit: string };
  defender: { pages: Record<string, string> };
  customTables: { files: Record<string, string> };
};

const typeOf = (table: string, column: string) => catalogueSchema(table)?.find((c) => c.name === column)?.type;

// [table, column, type as the page documents it → kqlite type]. Pages: Defender XDR = defender-docs
// defender-xdr/advanced-hunting-<table>-table.md; Azure Monitor = azure-reference-other (cleanup-script-ignore-build)
// azure-monitor-ref/tables/includes/<table>-include.md; custom = Azure-Sentinel CustomTables/<file>.json.
const SPOT_CHECKS: [table: string, column: string, type: string][] = [
  // Defender XDR pages
  ['DeviceProcessEvents', 'ProcessCommandLine', 'string'],
  ['DeviceProcessEvents', 'ProcessId', 'long'],
  ['DeviceProcessEvents', 'InitiatingProcessParentCreationTime', 'datetime'],
  ['DeviceProcessEvents', 'IsProcessRemoteSession', 'bool'],
  ['DeviceNetworkEvents', 'RemotePort', 'int'],
  ['DeviceNetworkEvents', 'RemoteIPType', 'string'],
  ['DeviceNetworkEvents', 'InitiatingProcessFileSize', 'long'],
  ['DeviceFileEvents', 'IsAzureInfoProtectionApplied', 'bool'], // the page says `boolean`
  ['DeviceFileEvents', 'RequestSourcePort', 'int'],
  ['DeviceLogonEvents', 'IsLocalAdmin', 'bool'],
  ['DeviceLogonEvents', 'LogonId', 'long'],
  ['DeviceInfo', 'OSBuild', 'long'],
  ['DeviceInfo', 'IsInternetFacing', 'bool'],
  ['DeviceRegistryEvents', 'RegistryValueData', 'string'],
  ['DeviceImageLoadEvents', 'InitiatingProcessCreationTime', 'datetime'],
  ['CloudAppEvents', 'ApplicationId', 'int'],
  ['CloudAppEvents', 'RawEventData', 'dynamic'],
  ['CloudAppEvents', 'IsAdminOperation', 'bool'],
  ['AADSignInEventsBeta', 'ErrorCode', 'int'],
  ['AADSignInEventsBeta', 'IsExternalUser', 'int'],
  ['AADSignInEventsBeta', 'LastPasswordChangeTimestamp', 'datetime'],
  ['AlertEvidence', 'FileSize', 'long'],
  ['AlertEvidence', 'ApplicationId', 'int'],
  ['AlertInfo', 'AttackTechniques', 'string'],
  ['IdentityInfo', 'CriticalityLevel', 'int'],
  ['ExposureGraphNodes', 'NodeProperties', 'dynamic'],
  ['ExposureGraphEdges', 'SourceNodeCategories', 'dynamic'],
  ['DeviceTvmSoftwareVulnerabilitiesKB', 'IsExploitAvailable', 'bool'],
  ['DeviceTvmSecureConfigurationAssessment', 'ConfigurationImpact', 'real'],
  ['DataSecurityEvents', 'AadDeviceId', 'guid'],
  ['CloudStorageAggregatedEvents', 'OperationNamesList', 'dynamic'], // the page says `object`
  ['CloudStorageAggregatedEvents', 'AccountTenantId', 'long'],
  ['DeviceBaselineComplianceAssessment', 'IsCompliant', 'bool'], // the page says `nullable bool`
  ['GraphApiAuditEvents', 'Timestamp', 'string'], // documented as string on its page, kept as documented
  ['AIAgentsInfo', 'AIAgentId', 'guid'],
  // Azure Monitor pages
  ['SigninLogs', 'CreatedDateTime', 'datetime'],
  ['SigninLogs', 'DurationMs', 'long'],
  ['SigninLogs', 'FlaggedForReview', 'bool'],
  ['SigninLogs', 'ConditionalAccessPolicies', 'dynamic'],
  ['SecurityEvent', 'EventID', 'int'],
  ['SecurityEvent', 'LogonType', 'int'],
  ['SecurityEvent', 'Account', 'string'],
  ['AuditLogs', 'TargetResources', 'dynamic'],
  ['AuditLogs', 'ActivityDateTime', 'datetime'],
  ['OfficeActivity', 'Parameters', 'string'],
  ['OfficeActivity', 'ClientIP', 'string'],
  ['CommonSecurityLog', 'DestinationPort', 'int'],
  ['CommonSecurityLog', 'DeviceEventClassID', 'string'],
  ['Syslog', 'ProcessID', 'int'],
  ['Syslog', 'SyslogMessage', 'string'],
  ['AzureActivity', 'Authorization_d', 'dynamic'],
  ['AzureActivity', 'CallerIpAddress', 'string'],
  ['SecurityAlert', 'ConfidenceScore', 'real'],
  ['SecurityAlert', 'IsIncident', 'bool'],
  ['SecurityAlert', 'Entities', 'string'],
  ['ThreatIntelligenceIndicator', 'Active', 'bool'],
  ['ThreatIntelligenceIndicator', 'ExpirationDateTime', 'datetime'],
  ['Heartbeat', 'OSMajorVersion', 'string'],
  ['AWSCloudTrail', 'ErrorCode', 'string'],
  ['AWSCloudTrail', 'RequestParameters', 'string'],
  ['SecurityIncident', 'IncidentNumber', 'int'],
  ['SecurityIncident', 'Labels', 'dynamic'],
  ['BehaviorAnalytics', 'InvestigationPriority', 'int'],
  ['BehaviorAnalytics', 'ActivityInsights', 'dynamic'],
  ['AzureDiagnostics', 'ActivityId_g', 'guid'], // the page says `Guid`
  ['AzureDiagnostics', 'clientPort_d', 'real'], // the page says `Double`
  // Azure-Sentinel test schemas (tables neither page set has)
  ['AzureNetworkAnalytics_CL', 'FlowIntervalStartTime_t', 'datetime'],
  ['AzureNetworkAnalytics_CL', 'DestPort_d', 'real'],
  ['AADUserInfo_CL', 'TimeGenerated', 'datetime'],
];

describe('catalogue: columns and types against the documentation', () => {
  it.each(SPOT_CHECKS)('%s.%s is %s', (table, column, type) => {
    expect(typeOf(table, column)).toBe(type);
  });

  it('covers at least 20 tables in the spot checks, from each source', () => {
    const tables = new Set(SPOT_CHECKS.map(([t]) => t));
    expect(tables.size).toBeGreaterThanOrEqual(20);
    expect(new Set([...tables].map((t) => sourceLabel(t)))).toEqual(new Set(['Defender XDR', 'Azure Monitor', 'both', 'custom']));
  });

  it('leaves out columns whose documented type names no type for certain, and says so', () => {
    // OAuthAppInfo.RiskScore is documented as `integer` (int or long?); DataSecurityEvents.IrmActionCategory as `enum`.
    expect(typeOf('OAuthAppInfo', 'RiskScore')).toBeUndefined();
    expect(typeOf('OAuthAppInfo', 'AppName')).toBe('string');
    expect(typeOf('DataSecurityEvents', 'IrmActionCategory')).toBeUndefined();
    expect(CATALOGUE_PROVENANCE.leftOut.some((l) => l.includes("OAuthAppInfo.RiskScore: unknown type 'integer'"))).toBe(true);
    expect(CATALOGUE_PROVENANCE.leftOut.some((l) => l.includes("DataSecurityEvents.IrmActionCategory: unknown type 'enum'"))).toBe(true);
  });
});

describe('catalogue: one table for both shapes', () => {
  it('a table in both products has both time columns and the Log Analytics housekeeping columns', () => {
    for (const t of ['DeviceProcessEvents', 'DeviceNetworkEvents', 'DeviceEvents', 'CloudAppEvents', 'IdentityLogonEvents', 'AlertEvidence']) {
      expect(sourceLabel(t), t).toBe('both');
      const names = catalogueSchema(t)!.map((c) => c.name);
      // Defender's time column first, then Sentinel's, as in the five email tables.
      expect(names.slice(0, 2), t).toEqual(['Timestamp', 'TimeGenerated']);
      for (const c of ['TenantId', 'Type', 'SourceSystem']) expect(typeOf(t, c), `${t}.${c}`).toBe('string');
      expect(typeOf(t, 'TimeGenerated'), t).toBe('datetime');
      expect(typeOf(t, 'Timestamp'), t).toBe('datetime');
    }
  });

  it('keeps columns only one product documents, with where each comes from', () => {
    // DeviceProcessEvents: InitiatingProcessSignerType is on the Defender page; _BilledSize only on the Azure page.
    const cols = catalogueSchema('DeviceProcessEvents')!;
    const at = (n: string) => cols.findIndex((c) => c.name === n);
    expect(columnOrigin('DeviceProcessEvents', at('ProcessCommandLine'))).toBe('both');
    expect(columnOrigin('DeviceProcessEvents', at('TimeGenerated'))).toBe('Azure Monitor');
    expect(columnOrigin('DeviceProcessEvents', at('_BilledSize'))).toBe('Azure Monitor');
    expect(typeOf('DeviceProcessEvents', '_BilledSize')).toBe('real');
  });

  it('tables of one product only keep that product shape', () => {
    // SigninLogs (Entra ID in Log Analytics) and AADSignInEventsBeta (Defender) are different tables.
    expect(sourceLabel('SigninLogs')).toBe('Azure Monitor');
    expect(typeOf('SigninLogs', 'TimeGenerated')).toBe('datetime');
    expect(typeOf('SigninLogs', 'Timestamp')).toBeUndefined();
    expect(sourceLabel('AADSignInEventsBeta')).toBe('Defender XDR');
    expect(typeOf('AADSignInEventsBeta', 'Timestamp')).toBe('datetime');
    expect(typeOf('AADSignInEventsBeta', 'TimeGenerated')).toBeUndefined();
  });

  it('keeps both spellings of a column whose two pages differ only in case', () => {
    expect(typeOf('IdentityInfo', 'AccountUpn')).toBe('string');
    expect(typeOf('IdentityInfo', 'AccountUPN')).toBe('string');
    expect(CATALOGUE_PROVENANCE.caseTwins).toContainEqual({ table: 'IdentityInfo', defender: 'AccountUpn', azure: 'AccountUPN' });
    expect(CATALOGUE_PROVENANCE.caseTwins).toContainEqual({ table: 'CloudAppEvents', defender: 'Isp', azure: 'ISP' });
  });
});

describe('catalogue: type conflicts between the two pages', () => {
  // Typed by hand from the two pages of each table; the rule number refers to scripts/catalogue/merge.ts.
  const EXPECTED: [table: string, column: string, defender: string, azure: string, chosen: string, rule: number][] = [
    ['DeviceProcessEvents', 'AdditionalFields', 'string', 'dynamic', 'dynamic', 1],
    ['DeviceInfo', 'LoggedOnUsers', 'string', 'dynamic', 'dynamic', 1],
    ['DeviceNetworkInfo', 'IPAddresses', 'string', 'dynamic', 'dynamic', 1],
    ['IdentityInfo', 'Tags', 'dynamic', 'string', 'dynamic', 1],
    ['IdentityLogonEvents', 'Port', 'int', 'string', 'int', 2],
    ['IdentityQueryEvents', 'DestinationPort', 'int', 'string', 'int', 2],
    ['DeviceTvmSoftwareVulnerabilitiesKB', 'CvssScore', 'string', 'real', 'real', 2],
  ];

  it.each(EXPECTED)('%s.%s: Defender %s, Azure Monitor %s → %s (rule %i)', (table, column, defender, azure, chosen, rule) => {
    expect(CATALOGUE_PROVENANCE.conflicts).toContainEqual({ table, column, defender, azure, chosen, rule });
    expect(typeOf(table, column)).toBe(chosen);
  });

  it('every recorded conflict is applied to its column and differs between the pages', () => {
    expect(CATALOGUE_PROVENANCE.conflicts.length).toBeGreaterThanOrEqual(EXPECTED.length);
    for (const c of CATALOGUE_PROVENANCE.conflicts) {
      expect(c.defender).not.toBe(c.azure);
      expect(typeOf(c.table, c.column), `${c.table}.${c.column}`).toBe(c.chosen);
      expect(sourceLabel(c.table)).toBe('both');
    }
  });
});

describe('catalogue: invariants of the committed data', () => {
  const names = catalogueTableNames();

  it('holds the tables public rules use most, and about 900 in all', () => {
    expect(names.length).toBeGreaterThanOrEqual(900);
    // The top 40 of the census in shared/table-usage.md.
    for (const t of [
      'DeviceProcessEvents', 'DeviceNetworkEvents', 'SigninLogs', 'EmailEvents', 'DeviceFileEvents', 'DeviceEvents', 'CloudAppEvents',
      'AuditLogs', 'SecurityEvent', 'AzureDiagnostics', 'SecurityAlert', 'DeviceInfo', 'IdentityInfo', 'OfficeActivity', 'DeviceLogonEvents',
      'AzureActivity', 'DeviceRegistryEvents', 'EmailUrlInfo', 'DeviceTvmSoftwareVulnerabilities', 'ExposureGraphNodes', 'EmailAttachmentInfo',
      'DeviceImageLoadEvents', 'SecurityIncident', 'ThreatIntelligenceIndicator', 'AlertEvidence', 'AADSignInEventsBeta',
      'AADNonInteractiveUserSignInLogs', 'AlertInfo', 'ExposureGraphEdges', 'UrlClickEvents', 'Anomalies', 'AADUserRiskEvents', 'AWSCloudTrail',
      'IdentityLogonEvents', 'IdentityDirectoryEvents', 'MicrosoftGraphActivityLogs', 'CommonSecurityLog', 'DeviceTvmSoftwareInventory',
      'Heartbeat', 'AgentsInfo',
    ]) {
      expect(catalogueSchema(t), t).toBeDefined();
    }
  });

  it('every table decodes to unique identifier-named columns of kqlite scalar types', () => {
    const problems: string[] = [];
    for (const t of names) {
      const cols = catalogueSchema(t)!;
      if (cols.length === 0) problems.push(`${t}: no columns`);
      if (new Set(cols.map((c) => c.name)).size !== cols.length) problems.push(`${t}: repeated column`);
      for (const c of cols) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name)) problems.push(`${t}.${c.name}: not an identifier`);
        if (!SCALAR_TYPES.includes(c.type)) problems.push(`${t}.${c.name}: type ${c.type}`);
      }
    }
    expect(problems).toEqual([]);
    expect(catalogueSchema('NoSuchTable')).toBeUndefined();
    expect(catalogueSchema('toString')).toBeUndefined(); // not fooled by Object.prototype
  });

  it('names are sorted and unique without regard to case', () => {
    expect([...names].sort()).toEqual(names);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('every table says where it comes from: page, date, commit; origins match the columns', () => {
    expect(Object.keys(CATALOGUE_PROVENANCE.tables).sort()).toEqual([...names]);
    for (const t of names) {
      const p = CATALOGUE_PROVENANCE.tables[t]!;
      expect(p.files.length, t).toBeGreaterThan(0);
      expect([1, catalogueSchema(t)!.length], t).toContain(p.origins.length);
      expect(p.origins, t).toMatch(/^[dabc]+$/);
      for (const [kind, path, date, commit] of p.files) {
        expect(commit, `${t} ${path}`).toMatch(/^[0-9a-f]{40}$/);
        if (kind !== 'custom') expect(date, `${t} ${path}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('the provenance agrees with the generator manifest', () => {
    expect(CATALOGUE_PROVENANCE.inputs.azureMonitor.commit).toBe(inputs.azureMonitor.commit);
    expect(CATALOGUE_PROVENANCE.inputs.defender.pages).toBe(Object.keys(inputs.defender.pages).length);
    for (const p of Object.values(CATALOGUE_PROVENANCE.tables)) {
      for (const [kind, path, , commit] of p.files) {
        if (kind === 'defender') expect(commit).toBe(inputs.defender.pages[path]);
        if (kind === 'custom') expect(commit).toBe(inputs.customTables.files[path]);
        if (kind === 'azure') expect(commit).toBe(inputs.azureMonitor.commit);
      }
    }
    // Every Defender page of the manifest yields a table.
    const defenderPages = new Set(Object.values(CATALOGUE_PROVENANCE.tables).flatMap((p) => p.files.filter((f) => f[0] === 'defender').map((f) => f[1])));
    expect(defenderPages.size).toBe(Object.keys(inputs.defender.pages).length);
  });

  it('marks AzureDiagnostics and custom logs as open-schema', () => {
    expect(CATALOGUE_PROVENANCE.openSchema).toEqual(['AzureDiagnostics']);
    expect(isOpenSchemaTable('AzureDiagnostics')).toBe(true);
    expect(isOpenSchemaTable('MyApp_CL')).toBe(true);
    expect(isOpenSchemaTable('SigninLogs')).toBe(false);
    // The AzureDiagnostics page omits the standard columns; the test schema supplies them.
    expect(typeOf('AzureDiagnostics', 'TimeGenerated')).toBe('datetime');
    expect(typeOf('AzureDiagnostics', 'AdditionalFields')).toBe('dynamic');
  });
});

describe('built-in schemas: the catalogue plus the five hand-kept email tables', () => {
  // Columns the hand-kept email tables carry beyond the catalogue's pages (a newer Log Analytics schema, and two
  // columns inferred from a public query) — typed by hand from src/tables/builtin-schemas.ts.
  const EXTRA: Record<string, string[]> = {
    UrlClickEvents: ['AppName', 'AppVersion', 'SourceId'],
    EmailEvents: ['RecipientDomain', 'ThreatClassification', 'IsFirstContact', 'ForwardingInformation', 'Cc', 'To', 'EmailSize', 'DistributionList', 'ExchangeTransportRule', 'Context', 'LastEventExecutionTime'],
    EmailUrlInfo: ['UrlChainId', 'UrlChainPosition'],
    EmailAttachmentInfo: ['FileExtension'],
    EmailPostDeliveryEvents: ['EmailDirection', 'SenderFromAddress'],
  };

  it.each(Object.keys(EXTRA))('%s: hand-kept schema = catalogue columns + its extras, same types', (table) => {
    const kept = builtinSchema(table)!;
    const fromDocs = catalogueSchema(table)!;
    expect(CURATED_TABLES).toContain(table);
    for (const c of fromDocs) expect(kept.find((k) => k.name === c.name)?.type, `${table}.${c.name}`).toBe(c.type);
    expect(kept.map((c) => c.name).filter((n) => !fromDocs.some((c) => c.name === n)).sort()).toEqual([...EXTRA[table]!].sort());
  });

  it('BUILTIN_SCHEMAS maps every built-in table name to its columns', () => {
    const keys = Object.keys(BUILTIN_SCHEMAS);
    expect(keys.length).toBe(catalogueTableNames().length); // the five email tables are catalogue tables too
    expect(BUILTIN_SCHEMAS.SigninLogs).toBe(catalogueSchema('SigninLogs'));
    expect(BUILTIN_SCHEMAS.EmailEvents!.length).toBe(56);
    expect(BUILTIN_SCHEMAS.NoSuchTable).toBeUndefined();
  });

  it('a lazy schema map: built-ins are there without being set, set() shadows them, keys() lists all', () => {
    const m = new SchemaMapWithBuiltins();
    expect(m.has('SigninLogs')).toBe(true);
    expect(m.get('SigninLogs')).toBe(catalogueSchema('SigninLogs'));
    expect(m.get('Mine_CL')).toBeUndefined();
    m.set('Mine_CL', [{ name: 'x', type: 'long' }]);
    m.set('SigninLogs', [{ name: 'y', type: 'string' }]);
    expect(m.get('SigninLogs')).toEqual([{ name: 'y', type: 'string' }]);
    const keys = [...m.keys()];
    expect(keys.filter((k) => k === 'SigninLogs')).toHaveLength(1);
    expect(keys).toContain('Mine_CL');
    expect(m.size).toBe(catalogueTableNames().length + 1);
    expect([...m.entries()].find(([k]) => k === 'Mine_CL')?.[1]).toEqual([{ name: 'x', type: 'long' }]);
  });

  it('a Database binds queries over catalogue tables, and only over known ones', () => {
    const db = new Database();
    expect(db.tableNames()).toContain('SigninLogs');
    const ok = db.plan('SigninLogs | where ResultType == "50126" | project TimeGenerated, UserPrincipalName');
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(db.query('DeviceProcessEvents | where ProcessId > 4 | count').toObjects()).toEqual([{ Count: 0 }]);
    const bad = db.plan('SignInLogs | take 1');
    expect(bad.diagnostics.map((d) => d.code)).toContain('bind-unknown-table');
    expect(bad.diagnostics.flatMap((d) => d.notes ?? []).join(' ')).toContain("did you mean 'SigninLogs'?");
    expect(new Database({ builtinSchemas: false }).tableNames()).toEqual([]);
  });
});
