// Profiles of the identity tables. Sign-ins (SigninLogs, AADNonInteractiveUserSignInLogs, AADSignInEventsBeta):
// a person, an address with its place, an application and a documented result code — ResultType, description,
// Status, conditional-access status and MFA detail agree, LocationDetails matches the address. Active Directory
// (IdentityLogonEvents, SecurityEvent): an account authenticating from a workstation to a server, event ids with
// their activity text, logon type names and failure codes. IdentityInfo: a person's directory record. AuditLogs: an
// operation with its category and service, InitiatedBy and TargetResources in the documented shapes.
import fc from 'fast-check';
import { BROWSERS, CLIENT_APPS, ENTRA_APPS, NETBIOS_DOMAIN, PLACES, type PublicAddress, SIGNIN_RESULTS, TENANT_ID, USER_AGENTS } from '../pools/identity.js';
import { AUDIT_OPERATIONS, AUTH_PACKAGES, LOGON_FAILURES, LOGON_TYPE_NAMES, SECURITY_EVENTS } from '../pools/security.js';
import { SERVER_NAMES } from '../pools/endpoint.js';
import {
  type Account, arbitraryDomainAccount, arbitraryPerson, arbitraryPublicAddress, deviceShortName, PERSON_ACCOUNTS, stableGuid, stableHex,
} from './basics.js';
import { profile, type Profile, text } from './profile.js';

interface SigninSeed {
  who: Account;
  address: PublicAddress;
  app: (typeof ENTRA_APPS)[number];
  result: (typeof SIGNIN_RESULTS)[number];
  userAgent: string;
  clientApp: string;
  browser: string;
  managed: boolean;
  risk: string;
  id: string;
}

function signinSeed(): fc.Arbitrary<SigninSeed> {
  return fc.record({
    who: arbitraryPerson(),
    address: arbitraryPublicAddress(),
    app: fc.constantFrom(...ENTRA_APPS),
    // successes dominate real logs; every documented failure still comes up
    result: fc.oneof({ arbitrary: fc.constant(SIGNIN_RESULTS[0]!), weight: 6 }, { arbitrary: fc.constantFrom(...SIGNIN_RESULTS.slice(1)), weight: 4 }),
    userAgent: fc.constantFrom(...USER_AGENTS),
    clientApp: fc.oneof({ arbitrary: fc.constantFrom('Browser', 'Mobile Apps and Desktop clients'), weight: 5 }, { arbitrary: fc.constantFrom(...CLIENT_APPS), weight: 1 }),
    browser: fc.constantFrom(...BROWSERS),
    managed: fc.boolean(),
    risk: fc.oneof({ arbitrary: fc.constant('none'), weight: 5 }, { arbitrary: fc.constantFrom('low', 'medium', 'high'), weight: 1 }),
    id: fc.uuid(),
  });
}

function signinColumns(s: SigninSeed, code: string): Record<string, unknown> {
  const place = PLACES[s.address.place]!;
  const result = SIGNIN_RESULTS.find((r) => r.code === code);
  const ok = code === '0';
  const mfaStep = code === '500121' || code === '50074' || code === '50076';
  const caStatus = ok ? 'success' : code === '53003' ? 'failure' : code === '50126' ? 'notApplied' : 'failure';
  const device = `${deviceShortName(s.who.person!)}`.toUpperCase();
  return {
    ok, place, caStatus, device,
    description: result?.description ?? '',
    status: ok ? { errorCode: 0 } : { errorCode: Number(code), failureReason: result?.description ?? '' },
    mfaDetail: mfaStep || ok ? { authMethod: 'Mobile app notification', authDetail: null } : {},
    location: { city: place.city, state: place.state, countryOrRegion: place.countryOrRegion, geoCoordinates: { latitude: place.latitude, longitude: place.longitude } },
    deviceDetail: { deviceId: s.managed ? stableGuid(`aad:${device}`) : '', displayName: s.managed ? device : '', operatingSystem: s.managed ? 'Windows10' : 'Linux', browser: s.browser, isCompliant: s.managed, isManaged: s.managed, trustType: s.managed ? 'Hybrid Azure AD joined' : '' },
    ca: [{ id: 'c1a2b3c4-0000-4000-8000-000000000001', displayName: 'CA001: Require MFA for all users', enforcedGrantControls: ['Mfa'], result: caStatus }],
  };
}

const signinLogs = (interactive: boolean) => profile<SigninSeed>({
  ingredients: () => signinSeed(),
  build(s, row, pick) {
    const code = text(pick('ResultType', s.result.code));
    const c = signinColumns(s, code);
    const upn = text(pick('UserPrincipalName', s.who.upn));
    return {
      UserPrincipalName: upn, AlternateSignInName: upn, SignInIdentifier: upn, UserDisplayName: s.who.displayName, Identity: s.who.displayName,
      UserId: s.who.objectId, UserType: 'Member',
      IPAddress: text(pick('IPAddress', s.address.ip)), AutonomousSystemNumber: String(64_500 + s.address.place),
      Location: (c.place as { countryOrRegion: string }).countryOrRegion, LocationDetails: c.location,
      AppDisplayName: s.app.name, AppId: s.app.id, ClientAppUsed: s.clientApp, UserAgent: s.userAgent,
      ResultType: code, ResultDescription: c.description, ResultSignature: c.ok ? 'SUCCESS' : 'FAILURE', Status: c.status,
      ConditionalAccessStatus: c.caStatus, ConditionalAccessPolicies: c.ca, MfaDetail: c.mfaDetail, DeviceDetail: c.deviceDetail,
      AuthenticationRequirement: code === '50126' ? 'singleFactorAuthentication' : 'multiFactorAuthentication',
      IsInteractive: interactive, IsRisky: s.risk !== 'none', RiskLevelDuringSignIn: s.risk, RiskLevelAggregated: s.risk, RiskState: s.risk === 'none' ? 'none' : 'atRisk', RiskDetail: 'none',
      RiskEventTypes: '[]', RiskEventTypes_V2: '[]', FlaggedForReview: false, CrossTenantAccessType: 'none',
      CreatedDateTime: row.TimeGenerated, Id: s.id, OriginalRequestId: s.id, CorrelationId: stableGuid(`corr:${s.id}`),
      Category: interactive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs', OperationName: 'Sign-in activity', OperationVersion: '1.0', Level: '4',
      AADTenantId: TENANT_ID, HomeTenantId: TENANT_ID, ResourceTenantId: TENANT_ID, TokenIssuerType: 'AzureAD', DurationMs: 0,
      ResourceProvider: 'Microsoft.aadiam', Resource: 'Microsoft.aadiam', ResourceGroup: 'Microsoft.aadiam', ResourceId: `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`,
      AuthenticationDetails: JSON.stringify([{ authenticationMethod: 'Password', succeeded: code !== '50126' }]),
    };
  },
});

const aadSignInEventsBeta = profile<SigninSeed>({
  ingredients: () => signinSeed(),
  build(s, _row, pick) {
    const code = Number(pick('ErrorCode', Number(s.result.code)));
    const c = signinColumns(s, String(code));
    const place = c.place as (typeof PLACES)[number];
    return {
      AccountUpn: text(pick('AccountUpn', s.who.upn)), AccountDisplayName: s.who.displayName, AccountObjectId: s.who.objectId, AlternateSignInName: s.who.upn,
      Application: s.app.name, ApplicationId: s.app.id, LogonType: '["interactiveUser"]', ErrorCode: code,
      IPAddress: text(pick('IPAddress', s.address.ip)), Country: place.countryOrRegion, State: place.state, City: place.city,
      Latitude: String(place.latitude), Longitude: String(place.longitude),
      UserAgent: s.userAgent, ClientAppUsed: s.clientApp, Browser: s.browser, OSPlatform: s.managed ? 'Windows10' : 'Linux',
      DeviceName: s.managed ? c.device : '', IsManaged: s.managed ? 1 : 0, IsCompliant: s.managed ? 1 : 0, DeviceTrustType: s.managed ? 'Hybrid Azure AD joined' : '',
      IsExternalUser: 0, IsGuestUser: false, ConditionalAccessStatus: c.caStatus === 'success' ? 0 : c.caStatus === 'failure' ? 1 : 2,
      ConditionalAccessPolicies: JSON.stringify(c.ca), RiskState: s.risk === 'none' ? 0 : 4, RiskLevelAggregated: s.risk === 'none' ? 1 : s.risk === 'low' ? 10 : s.risk === 'medium' ? 50 : 100,
      CorrelationId: stableGuid(`corr:${s.id}`), RequestId: s.id, SessionId: stableGuid(`session:${s.who.upn}`), ReportId: stableGuid(`report:${s.id}`),
      AuthenticationRequirement: code === 50126 ? 'singleFactorAuthentication' : 'multiFactorAuthentication', ResourceTenantId: TENANT_ID, TokenIssuerType: 0,
    };
  },
});

interface AdSeed {
  account: Account;
  fromWorkstation: Account;
  server: string;
  protocol: string;
  failed: boolean;
  failure: (typeof LOGON_FAILURES)[number];
  port: number;
}
function adSeed(): fc.Arbitrary<AdSeed> {
  return fc.record({
    account: arbitraryDomainAccount(),
    fromWorkstation: arbitraryPerson(),
    server: fc.constantFrom(...SERVER_NAMES),
    protocol: fc.constantFrom('Kerberos', 'Ntlm'),
    failed: fc.boolean(),
    failure: fc.constantFrom(...LOGON_FAILURES),
    port: fc.integer({ min: 49_152, max: 65_535 }),
  });
}
const workstationIp = (a: Account) => `10.20.4.${20 + PERSON_ACCOUNTS.indexOf(a)}`;

const identityLogonEvents = profile<AdSeed>({
  ingredients: () => adSeed(),
  build(s, _row, pick) {
    const action = text(pick('ActionType', s.failed ? 'LogonFailed' : 'LogonSuccess'));
    const from = `${deviceShortName(s.fromWorkstation.person!)}.contoso.com`;
    return {
      ActionType: action, Application: 'Active Directory', LogonType: 'Resource access', Protocol: s.protocol,
      FailureReason: action === 'LogonFailed' ? (s.failure.subStatus === '0xc0000064' ? 'UnknownUser' : 'WrongPassword') : '',
      AccountName: s.account.name, AccountDomain: 'contoso.com', AccountUpn: s.account.upn, AccountSid: s.account.sid, AccountObjectId: s.account.objectId, AccountDisplayName: s.account.displayName,
      DeviceName: from, DeviceType: 'Workstation', OSPlatform: 'Windows 11', IPAddress: workstationIp(s.fromWorkstation), Port: s.port,
      DestinationDeviceName: 'dc01.contoso.com', DestinationIPAddress: '10.20.1.10', DestinationPort: s.protocol === 'Kerberos' ? 88 : 445,
      TargetDeviceName: `${s.server}.contoso.com`, ReportId: stableGuid(`idlogon:${s.account.name}:${s.port}`), AdditionalFields: { Count: '1', 'TO.DEVICE': s.server.toUpperCase() },
    };
  },
});

const securityEvent = profile<AdSeed & { event: (typeof SECURITY_EVENTS)[number]; logonType: (typeof LOGON_TYPE_NAMES)[number]; pkg: string }>({
  ingredients: () => fc.tuple(adSeed(), fc.constantFrom(...SECURITY_EVENTS), fc.constantFrom(...LOGON_TYPE_NAMES), fc.constantFrom(...AUTH_PACKAGES))
    .map(([s, event, logonType, pkg]) => ({ ...s, event, logonType, pkg })),
  build(s, _row, pick) {
    const id = Number(pick('EventID', s.event.id));
    const event = SECURITY_EVENTS.find((e) => e.id === id) ?? s.event;
    const logon = id === 4624 || id === 4625 || id === 4634 || id === 4648;
    const failed = id === 4625;
    const target = `${NETBIOS_DOMAIN}\\${s.account.name}`;
    const workstation = deviceShortName(s.fromWorkstation.person!).toUpperCase();
    const process = id === 4688;
    return {
      EventID: id, Activity: event.activity, Task: event.task, Channel: 'Security', EventSourceName: 'Microsoft-Windows-Security-Auditing',
      Computer: text(pick('Computer', `${s.server.toUpperCase()}.contoso.com`)), Account: target, AccountType: 'User',
      TargetAccount: target, TargetUserName: s.account.name, TargetDomainName: NETBIOS_DOMAIN, TargetUserSid: failed ? 'S-1-0-0' : s.account.sid,
      SubjectUserSid: logon ? 'S-1-0-0' : s.account.sid, SubjectUserName: logon ? '-' : s.account.name, SubjectDomainName: logon ? '-' : NETBIOS_DOMAIN,
      LogonType: logon ? s.logonType.type : null, LogonTypeName: logon ? s.logonType.name : '',
      IpAddress: logon ? workstationIp(s.fromWorkstation) : '', IpPort: logon ? String(s.port) : '', WorkstationName: logon ? workstation : '',
      AuthenticationPackageName: logon && id !== 4634 ? s.pkg : '', LogonProcessName: logon ? (s.pkg === 'NTLM' ? 'NtLmSsp ' : 'Kerberos') : '',
      Status: failed ? s.failure.status : '', SubStatus: failed ? s.failure.subStatus : '', FailureReason: failed ? '%%2313' : '',
      Keywords: failed ? '0x8010000000000000' : '0x8020000000000000', Level: '0',
      NewProcessName: process ? 'C:\\Windows\\System32\\cmd.exe' : '', CommandLine: process ? 'cmd.exe /c whoami /all' : '', ParentProcessName: process ? 'C:\\Windows\\System32\\rundll32.exe' : '',
      EventData: `<EventData><Data Name="TargetUserName">${s.account.name}</Data><Data Name="TargetDomainName">${NETBIOS_DOMAIN}</Data></EventData>`,
      SourceComputerId: stableGuid(`mma:${s.server}`), ManagementGroupName: `AOI-${TENANT_ID}`,
    };
  },
});

const identityInfo = profile<{ who: Account; place: number; enabled: boolean; mfa: boolean }>({
  ingredients: () => fc.record({ who: arbitraryPerson(), place: fc.nat(2), enabled: fc.boolean(), mfa: fc.boolean() }),
  build(s, _row, pick) {
    const p = s.who.person!;
    const place = PLACES[s.place]!;
    const [given, surname] = p.displayName.split(' ') as [string, string];
    return {
      AccountUpn: text(pick('AccountUpn', s.who.upn)), AccountObjectId: s.who.objectId, OnPremSid: s.who.sid, AccountDisplayName: p.displayName,
      AccountName: p.alias, AccountDomain: 'contoso.com', GivenName: given, Surname: surname, Department: p.department, JobTitle: p.jobTitle,
      EmailAddress: s.who.upn, City: place.city, Country: place.countryOrRegion, IsAccountEnabled: s.enabled, CompanyName: 'Contoso',
      DistinguishedName: `CN=${p.displayName},OU=Users,OU=Contoso,DC=contoso,DC=com`, CriticalityLevel: p.department === 'IT' || p.department === 'Executive' ? 3 : 0,
      AssignedRoles: p.department === 'IT' ? ['Helpdesk Administrator'] : [], Tags: [], SourceProviders: ['ActiveDirectory', 'AzureActiveDirectory'],
      IsMFARegistered: s.mfa, IsServiceAccount: false, UserType: 'Member', ReportId: stableGuid(`identity:${p.alias}`),
    };
  },
});

const auditLogs = profile<{ op: (typeof AUDIT_OPERATIONS)[number]; by: Account; target: Account; byApp: boolean; ip: string; success: boolean }>({
  ingredients: () => fc.record({
    op: fc.constantFrom(...AUDIT_OPERATIONS), by: arbitraryPerson(), target: arbitraryPerson(), byApp: fc.boolean(),
    ip: arbitraryPublicAddress().map((a) => a.ip), success: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
  }),
  build(s, row, pick) {
    const name = text(pick('OperationName', s.op.name));
    const op = AUDIT_OPERATIONS.find((o) => o.name === name) ?? s.op;
    const byUser = !s.byApp || op.name === 'User registered security info' || op.name === 'Consent to application';
    const targetType = op.target;
    const target = targetType === 'User'
      ? { id: s.target.objectId, displayName: null, type: 'User', userPrincipalName: s.target.upn, modifiedProperties: [], administrativeUnits: [] }
      : { id: stableGuid(`${targetType}:${name}`), displayName: targetType === 'ServicePrincipal' ? 'MailSync Pro' : `${targetType} object`, type: targetType, userPrincipalName: null, modifiedProperties: [], administrativeUnits: [] };
    return {
      OperationName: name, ActivityDisplayName: name, Category: op.category, LoggedByService: op.service, AADOperationType: op.operationType,
      Result: s.success ? 'success' : 'failure', ResultReason: s.success ? '' : 'Microsoft.Online.Workflows.ValidationException', ActivityDateTime: row.TimeGenerated,
      InitiatedBy: byUser
        ? { user: { id: s.by.objectId, displayName: null, userPrincipalName: s.by.upn, ipAddress: s.ip, roles: [] } }
        : { app: { appId: null, displayName: 'Microsoft Entra Connect Sync', servicePrincipalId: stableGuid('sp:sync'), servicePrincipalName: null } },
      Identity: byUser ? s.by.displayName : 'Microsoft Entra Connect Sync',
      TargetResources: [target], AdditionalDetails: [], Id: `Directory_${stableHex(`${name}:${s.ip}:${s.target.upn}`, 20).toUpperCase()}`,
      CorrelationId: stableGuid(`auditcorr:${name}:${s.target.upn}:${s.ip}`), AADTenantId: TENANT_ID, Level: '4', OperationVersion: '1.0', DurationMs: 0,
      ResourceProvider: 'Microsoft.aadiam', Resource: 'Microsoft.aadiam', ResourceGroup: 'Microsoft.aadiam', ResourceId: `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`,
    };
  },
});

export const IDENTITY_PROFILES: Readonly<Record<string, Profile>> = {
  SigninLogs: signinLogs(true),
  AADNonInteractiveUserSignInLogs: signinLogs(false),
  AADSignInEventsBeta: aadSignInEventsBeta,
  IdentityLogonEvents: identityLogonEvents,
  IdentityInfo: identityInfo,
  AuditLogs: auditLogs,
  SecurityEvent: securityEvent,
};
