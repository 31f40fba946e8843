// Profiles of the alert, incident, vulnerability and exposure tables. An alert comes from the catalogue of
// pools/security.ts with its service, category, severity and techniques; AlertEvidence adds one entity of a
// documented type with the columns that entity fills; SecurityAlert is the same alert as Sentinel stores it
// (provider/product pair, Entities as JSON text, StartTime ≤ EndTime ≤ TimeGenerated). SecurityIncident,
// DeviceTvmSoftwareVulnerabilities and ExposureGraphNodes get their documented shapes.
import fc from 'fast-check';
import {
  ALERT_CATALOGUE, DETECTION_SOURCES, EVIDENCE_ENTITY_TYPES, EXPOSURE_NODE_LABELS, INCIDENT_CLASSIFICATIONS, INCIDENT_STATUSES,
  SENTINEL_PRODUCTS, type ServiceSource, VULNERABLE_SOFTWARE,
} from '../pools/security.js';
import { OS_PLATFORMS } from '../pools/endpoint.js';
import { type Account, arbitraryPerson, arbitraryPublicAddress, deviceShortName, shiftDatetime, stableGuid, stableHex } from './basics.js';
import { profile, type Profile, text } from './profile.js';

type AlertEntry = (typeof ALERT_CATALOGUE)[number];
interface AlertSeed {
  alert: AlertEntry;
  who: Account;
  entity: string;
  ip: string;
  id: string;
  number: number;
  minutes: number;
}
function alertSeed(): fc.Arbitrary<AlertSeed> {
  return fc.record({
    alert: fc.constantFrom(...ALERT_CATALOGUE), who: arbitraryPerson(), entity: fc.constantFrom(...EVIDENCE_ENTITY_TYPES),
    ip: arbitraryPublicAddress().map((a) => a.ip), id: fc.uuid(), number: fc.integer({ min: 1, max: 9_999 }), minutes: fc.integer({ min: 0, max: 120 }),
  });
}

const PREFIX: Record<ServiceSource, string> = {
  'Microsoft Defender for Endpoint': 'da', 'Microsoft Defender for Office 365': 'fa', 'Microsoft Defender for Identity': 'aa',
  'Microsoft Defender for Cloud Apps': 'ca', 'Microsoft Entra ID Protection': 'ad',
};
function alertIdOf(a: AlertEntry, id: string): string {
  return `${PREFIX[a.source]}${id.replace(/-/g, '')}`;
}
function entryFor(title: string, fallback: AlertEntry): AlertEntry {
  return ALERT_CATALOGUE.find((a) => a.title === title) ?? fallback;
}

const alertInfo = profile<AlertSeed>({
  ingredients: () => alertSeed(),
  build(s, _row, pick) {
    const a = entryFor(text(pick('Title', s.alert.title)), s.alert);
    return {
      AlertId: text(pick('AlertId', alertIdOf(a, s.id))), Title: a.title, Category: a.category, Severity: a.severity, ServiceSource: a.source,
      DetectionSource: DETECTION_SOURCES[a.source], AttackTechniques: JSON.stringify(a.techniques),
    };
  },
});

function entityColumns(entity: string, who: Account, ip: string): Record<string, unknown> {
  const device = `${deviceShortName(who.person!)}.contoso.com`;
  switch (entity) {
    case 'Machine': return { DeviceName: device, DeviceId: stableHex(`device:${device}`, 40), LocalIP: '10.20.4.29' };
    case 'User': return { AccountName: who.name, AccountDomain: 'contoso.com', AccountSid: who.sid, AccountObjectId: who.objectId, AccountUpn: who.upn };
    case 'Process': return { DeviceName: device, FileName: 'powershell.exe', FolderPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', ProcessCommandLine: 'powershell.exe -NoP -W Hidden -Enc SQBFAFgA', SHA256: stableHex('sha256:powershell.exe', 64) };
    case 'File': return { FileName: 'svchelper.dll', FolderPath: `C:\\Users\\${who.name}\\AppData\\Roaming\\SvcHelper\\svchelper.dll`, SHA1: stableHex('sha1:svchelper.dll', 40), SHA256: stableHex('sha256:svchelper.dll', 64), FileSize: 318_464 };
    case 'Ip': return { RemoteIP: ip };
    case 'Url': return { RemoteUrl: 'https://docs-share.glitch.me/view?doc=invoice-7731' };
    case 'MailMessage': return { NetworkMessageId: stableGuid(`msg:${who.upn}`), EmailSubject: 'Invoice 7731 attached' };
    case 'Mailbox': return { AccountUpn: who.upn, AccountObjectId: who.objectId };
    default: return { Application: 'Microsoft Exchange Online', ApplicationId: 20893 };
  }
}

const alertEvidence = profile<AlertSeed>({
  ingredients: () => alertSeed(),
  build(s, _row, pick) {
    const a = entryFor(text(pick('Title', s.alert.title)), s.alert);
    const entity = text(pick('EntityType', s.entity));
    return {
      AlertId: text(pick('AlertId', alertIdOf(a, s.id))), Title: a.title, Categories: JSON.stringify([a.category]), AttackTechniques: JSON.stringify(a.techniques),
      ServiceSource: a.source, DetectionSource: DETECTION_SOURCES[a.source], Severity: a.severity,
      EntityType: entity, EvidenceRole: entity === 'Machine' || entity === 'User' || entity === 'Mailbox' ? 'Impacted' : 'Related', EvidenceDirection: '',
      ...entityColumns(entity, s.who, s.ip), AdditionalFields: {},
    };
  },
});

const PRODUCT_OF: Record<ServiceSource, number> = {
  'Microsoft Defender for Endpoint': 0, 'Microsoft Defender for Office 365': 1, 'Microsoft Defender for Identity': 2,
  'Microsoft Defender for Cloud Apps': 3, 'Microsoft Entra ID Protection': 4,
};

const securityAlert = profile<AlertSeed>({
  ingredients: () => alertSeed(),
  build(s, row, pick) {
    const a = entryFor(text(pick('AlertName', s.alert.title)), s.alert);
    const product = SENTINEL_PRODUCTS[PRODUCT_OF[a.source]]!;
    const host = deviceShortName(s.who.person!);
    const endpoint = a.source === 'Microsoft Defender for Endpoint';
    const end = shiftDatetime(text(row.TimeGenerated), -60);
    const entities = [
      { $id: '2', Name: s.who.name, UPNSuffix: 'contoso.com', AadUserId: s.who.objectId, Type: 'account' },
      ...(endpoint ? [{ $id: '3', HostName: host, DnsDomain: 'contoso.com', Type: 'host' }] : [{ $id: '3', Address: s.ip, Type: 'ip' }]),
    ];
    return {
      AlertName: a.title, DisplayName: a.title, AlertSeverity: a.severity, ProviderName: product.provider, ProductName: product.product, VendorName: 'Microsoft',
      AlertType: `${product.provider}_${a.title.replace(/[^A-Za-z0-9]/g, '')}`, SystemAlertId: s.id, VendorOriginalId: alertIdOf(a, s.id),
      CompromisedEntity: endpoint ? `${host}.contoso.com` : s.who.upn, Entities: JSON.stringify(entities), Tactics: a.category,
      Techniques: JSON.stringify(a.techniques.map((t) => /\((T\d+)/.exec(t)?.[1]).filter(Boolean)), Description: `${a.title}.`,
      StartTime: shiftDatetime(end, -60 * s.minutes), EndTime: end, ProcessingEndTime: row.TimeGenerated, Status: 'New', IsIncident: false,
      AlertLink: `https://security.microsoft.com/alerts/${alertIdOf(a, s.id)}`, ExtendedProperties: JSON.stringify({ Category: a.category }), RemediationSteps: '[]',
    };
  },
});

const securityIncident = profile<AlertSeed & { status: string; classification: string }>({
  ingredients: () => fc.tuple(alertSeed(), fc.constantFrom(...INCIDENT_STATUSES), fc.constantFrom(...INCIDENT_CLASSIFICATIONS.slice(1)))
    .map(([s, status, classification]) => ({ ...s, status, classification })),
  build(s, row, pick) {
    const status = text(pick('Status', s.status));
    const created = shiftDatetime(text(row.TimeGenerated), -60 * s.minutes);
    return {
      IncidentNumber: s.number, IncidentName: s.id, Title: `${s.alert.title} involving one user`, Description: '', Severity: s.alert.severity,
      Status: status, Classification: status === 'Closed' ? s.classification : '', ClassificationReason: status === 'Closed' && s.classification === 'TruePositive' ? 'SuspiciousActivity' : '',
      ClassificationComment: '', ClosedTime: status === 'Closed' ? row.TimeGenerated : null, CreatedTime: created, FirstActivityTime: shiftDatetime(created, -600),
      LastActivityTime: created, FirstModifiedTime: created, LastModifiedTime: row.TimeGenerated, ModifiedBy: 'Microsoft 365 Defender',
      ProviderName: 'Microsoft 365 Defender', ProviderIncidentId: String(s.number), AlertIds: [s.id], BookmarkIds: [], Comments: [], Labels: [], Tasks: [],
      Owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null }, RelatedAnalyticRuleIds: [], AdditionalData: { alertsCount: 1, bookmarksCount: 0, commentsCount: 0, alertProductNames: [SENTINEL_PRODUCTS[PRODUCT_OF[s.alert.source]]!.product], tactics: [s.alert.category] },
      IncidentUrl: `https://security.microsoft.com/incidents/${s.number}`,
    };
  },
});

const tvmVulnerabilities = profile<{ who: Account; sw: (typeof VULNERABLE_SOFTWARE)[number]; os: string }>({
  ingredients: () => fc.record({ who: arbitraryPerson(), sw: fc.constantFrom(...VULNERABLE_SOFTWARE), os: fc.constantFrom(...OS_PLATFORMS.slice(0, 2)) }),
  build(s, _row, pick) {
    const device = `${deviceShortName(s.who.person!)}.contoso.com`;
    return {
      DeviceId: stableHex(`device:${device}`, 40), DeviceName: text(pick('DeviceName', device)), OSPlatform: s.os, OSVersion: s.os === 'Windows11' ? '10.0.22631.4460' : '10.0.19045.5131', OSArchitecture: 'x64',
      SoftwareVendor: s.sw.vendor, SoftwareName: s.sw.name, SoftwareVersion: s.sw.version, CveId: text(pick('CveId', s.sw.cve)), VulnerabilitySeverityLevel: s.sw.severity,
      RecommendedSecurityUpdate: s.sw.kb === '' ? '' : `November 2026 Security Updates`, RecommendedSecurityUpdateId: s.sw.kb, CveTags: s.sw.severity === 'Critical' ? ['ExploitInKit'] : [],
    };
  },
});

const exposureNodes = profile<{ who: Account; label: string }>({
  ingredients: () => fc.record({ who: arbitraryPerson(), label: fc.constantFrom(...EXPOSURE_NODE_LABELS) }),
  build(s, _row, pick) {
    const label = text(pick('NodeLabel', s.label));
    const device = label === 'device';
    const user = label === 'user';
    const name = device ? `${deviceShortName(s.who.person!)}.contoso.com` : user ? s.who.upn : `${label.split('/').pop()}-contoso`;
    return {
      NodeId: stableGuid(`node:${label}:${name}`), NodeLabel: label, NodeName: name,
      Categories: device ? ['device', 'compute'] : user ? ['identity'] : ['cloud', 'azure'],
      NodeProperties: { rawData: device ? { osPlatformFriendlyName: 'Windows 11', exposureScore: 'Low', criticalityLevel: { criticalityLevel: 3 } } : user ? { accountName: s.who.name, department: s.who.person!.department } : { region: 'westeurope' } },
      EntityIds: [{ type: device ? 'DeviceInventoryId' : user ? 'AadObjectId' : 'AzureResourceId', id: device ? stableHex(`device:${name}`, 40) : user ? s.who.objectId : `/subscriptions/x/${name}` }],
    };
  },
});

export const SECURITY_PROFILES: Readonly<Record<string, Profile>> = {
  AlertInfo: alertInfo,
  AlertEvidence: alertEvidence,
  SecurityAlert: securityAlert,
  SecurityIncident: securityIncident,
  DeviceTvmSoftwareVulnerabilities: tvmVulnerabilities,
  ExposureGraphNodes: exposureNodes,
};

