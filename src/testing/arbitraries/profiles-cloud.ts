// Profiles of the cloud-activity tables. One unified-audit-log operation (pools/cloud.ts) becomes a CloudAppEvents
// row (the record in RawEventData, the application, the actor's address with its place) or an OfficeActivity row
// (the record's fields as columns, Parameters as JSON text); inbox rules and Set-Mailbox carry forwarding parameters
// to internal or external addresses. AzureActivity: an Azure Resource Manager operation with caller, status and
// resource path. AzureDiagnostics: the standard columns of a diagnostic record (its other columns are open).
import fc from 'fast-check';
import {
  AZURE_OPERATIONS, AZURE_STATUSES, CLOUD_APPS, DOCUMENTS, FORWARD_TARGETS, INBOX_RULE_NAMES, OFFICE_OPERATIONS, type OfficeOperation,
  RESOURCE_GROUPS, SHAREPOINT_SITES, SUBSCRIPTION_IDS,
} from '../pools/cloud.js';
import { PLACES, type PublicAddress, TENANT_ID, USER_AGENTS } from '../pools/identity.js';
import { type Account, arbitraryPerson, arbitraryPublicAddress, stableGuid } from './basics.js';
import { profile, type Profile, text } from './profile.js';

interface CloudSeed {
  who: Account;
  address: PublicAddress;
  op: OfficeOperation;
  ruleName: string;
  forward: string;
  forwardSetting: string;
  site: string;
  document: string;
  userAgent: string;
  port: number;
  id: string;
}

function cloudSeed(): fc.Arbitrary<CloudSeed> {
  return fc.record({
    who: arbitraryPerson(),
    address: arbitraryPublicAddress(),
    op: fc.constantFrom(...OFFICE_OPERATIONS),
    ruleName: fc.constantFrom(...INBOX_RULE_NAMES),
    forward: fc.oneof(fc.constantFrom(...FORWARD_TARGETS.internal), fc.constantFrom(...FORWARD_TARGETS.external), fc.constant('')),
    forwardSetting: fc.constantFrom('ForwardTo', 'ForwardAsAttachmentTo', 'RedirectTo', 'MoveToFolder'),
    site: fc.constantFrom(...SHAREPOINT_SITES),
    document: fc.constantFrom(...DOCUMENTS),
    userAgent: fc.constantFrom(...USER_AGENTS),
    port: fc.integer({ min: 50_000, max: 65_000 }),
    id: fc.uuid(),
  });
}

/** The operation's parameters (Exchange cmdlets) and object, shared by both tables. */
function operationDetails(s: CloudSeed, operation: string) {
  const op = OFFICE_OPERATIONS.find((o) => o.operation === operation) ?? s.op;
  let parameters: { Name: string; Value: string }[] = [];
  let objectName = s.who.upn;
  if (operation === 'New-InboxRule' || operation === 'Set-InboxRule') {
    parameters = [{ Name: 'Name', Value: s.ruleName }, { Name: s.forwardSetting, Value: s.forwardSetting === 'MoveToFolder' ? 'Archive' : s.forward }, { Name: 'StopProcessingRules', Value: 'True' }];
    objectName = `${s.who.name}\\${s.ruleName}`;
  } else if (operation === 'Set-Mailbox') {
    parameters = [{ Name: 'Identity', Value: s.who.upn }, { Name: 'ForwardingSmtpAddress', Value: s.forward === '' ? '' : `smtp:${s.forward}` }, { Name: 'DeliverToMailboxAndForward', Value: 'True' }];
  } else if (operation === 'Add-MailboxPermission') {
    parameters = [{ Name: 'Identity', Value: s.who.upn }, { Name: 'User', Value: 'pradeep.gupta@contoso.com' }, { Name: 'AccessRights', Value: 'FullAccess' }];
  } else if (op.workload === 'SharePoint' || op.workload === 'OneDrive') {
    objectName = `${s.site}Shared Documents/${s.document}`;
  }
  const exchange = op.workload === 'Exchange';
  return { op, parameters, objectName, clientIp: exchange ? `${s.address.ip}:${s.port}` : s.address.ip };
}

const cloudAppEvents = profile<CloudSeed>({
  ingredients: () => cloudSeed(),
  build(s, _row, pick) {
    const operation = text(pick('ActionType', s.op.operation));
    const d = operationDetails(s, operation);
    const app = CLOUD_APPS[d.op.workload];
    const place = PLACES[s.address.place]!;
    const ip = text(pick('IPAddress', s.address.ip));
    return {
      ActionType: operation, Application: app.name, ApplicationId: app.id, AppInstanceId: 0,
      AccountObjectId: s.who.objectId, AccountId: s.who.objectId, AccountDisplayName: s.who.displayName, AccountType: 'Regular',
      IsAdminOperation: operation === 'Set-Mailbox' || operation === 'Add-MailboxPermission', IsExternalUser: false, IsImpersonated: false, IsAnonymousProxy: false,
      IPAddress: ip, CountryCode: place.countryOrRegion, City: place.city, Isp: s.address.isp,
      IPCategory: s.address.kind === 'office' ? 'Corporate' : s.address.kind === 'hosting' ? 'Hosting' : 'ISP', IPTags: s.address.kind === 'office' ? ['Contoso offices'] : [],
      UserAgent: s.userAgent, DeviceType: /iPhone|iOS/.test(s.userAgent) ? 'Mobile' : 'Desktop', OSPlatform: /iPhone|iOS/.test(s.userAgent) ? 'iOS' : /Linux/.test(s.userAgent) ? 'Linux' : 'Windows 10',
      ActivityType: d.op.activityType, ObjectName: d.objectName, ObjectType: operation.endsWith('InboxRule') ? 'Inbox rule' : d.op.workload === 'Exchange' ? 'Mailbox' : 'File', ObjectId: d.objectName,
      ActivityObjects: [{ Type: d.op.workload === 'Exchange' ? 'Mailbox' : 'File', Name: d.objectName, Role: 'Target' }, ...d.parameters.map((p) => ({ Type: 'Structured object', Name: p.Name, Value: p.Value, Role: 'Parameter' }))],
      RawEventData: {
        CreationTime: '', Id: s.id, Operation: operation, OrganizationId: TENANT_ID, RecordType: d.op.recordTypeNumber, UserId: s.who.upn, UserKey: s.who.objectId,
        Workload: d.op.workload, ClientIP: d.clientIp, ObjectId: d.objectName, ResultStatus: d.op.workload === 'Exchange' ? 'True' : 'Succeeded',
        ...(d.parameters.length > 0 ? { Parameters: d.parameters } : {}),
      },
      ReportId: stableGuid(`cae:${s.id}`), AdditionalFields: {}, UserAgentTags: [], UncommonForUser: [], LastSeenForUser: {},
    };
  },
});

const officeActivity = profile<CloudSeed>({
  ingredients: () => cloudSeed(),
  build(s, _row, pick) {
    const operation = text(pick('Operation', s.op.operation));
    const d = operationDetails(s, operation);
    const sharepoint = d.op.workload === 'SharePoint' || d.op.workload === 'OneDrive';
    return {
      Operation: operation, OfficeWorkload: d.op.workload, RecordType: d.op.recordType, UserId: text(pick('UserId', s.who.upn)), UserKey: s.who.objectId,
      UserType: operation === 'Set-Mailbox' ? 'Admin' : 'Regular', ClientIP: d.clientIp, ResultStatus: d.op.workload === 'Exchange' ? 'True' : 'Succeeded',
      OfficeId: s.id, OfficeObjectId: d.objectName, OrganizationId: TENANT_ID, OfficeTenantId: TENANT_ID, OrganizationName: 'contoso.onmicrosoft.com',
      Parameters: d.parameters.length > 0 ? JSON.stringify(d.parameters) : '', ExternalAccess: 'false',
      Site_Url: sharepoint ? s.site : '', SourceRelativeUrl: sharepoint ? 'Shared Documents' : '', SourceFileName: sharepoint ? s.document : '',
      SourceFileExtension: sharepoint ? s.document.slice(s.document.lastIndexOf('.') + 1) : '', ItemType: sharepoint ? 'File' : '',
      UserAgent: sharepoint ? s.userAgent : '', ClientInfoString: d.op.workload === 'Exchange' ? `Client=OWA;${s.userAgent}` : '',
      MailboxOwnerUPN: d.op.workload === 'Exchange' ? s.who.upn : '',
    };
  },
});

const azureActivity = profile<{ who: Account; address: PublicAddress; op: (typeof AZURE_OPERATIONS)[number]; status: string; sub: string; rg: string; id: string }>({
  ingredients: () => fc.record({
    who: arbitraryPerson(), address: arbitraryPublicAddress(), op: fc.constantFrom(...AZURE_OPERATIONS),
    status: fc.constantFrom(...AZURE_STATUSES), sub: fc.constantFrom(...SUBSCRIPTION_IDS), rg: fc.constantFrom(...RESOURCE_GROUPS), id: fc.uuid(),
  }),
  build(s, _row, pick) {
    const opName = text(pick('OperationNameValue', s.op.name));
    const resource = `vm-${s.rg.split('-').pop()}`;
    const resourceId = `/subscriptions/${s.sub}/resourceGroups/${s.rg}/providers/${s.op.provider}/${opName.split('/')[1]?.toLowerCase() ?? 'resources'}/${resource}`;
    return {
      OperationNameValue: opName, OperationName: opName, CategoryValue: s.op.category, Category: s.op.category,
      ActivityStatusValue: s.status, ActivityStatus: s.status, ActivitySubstatusValue: s.status === 'Success' ? 'OK' : '', Level: s.status === 'Failure' ? 'Error' : 'Informational',
      Caller: text(pick('Caller', s.who.upn)), CallerIpAddress: s.address.ip, SubscriptionId: s.sub, _SubscriptionId: s.sub, ResourceGroup: s.rg,
      ResourceProviderValue: s.op.provider.toUpperCase(), ResourceProvider: s.op.provider, ResourceId: resourceId, _ResourceId: resourceId.toLowerCase(), Resource: resource,
      CorrelationId: stableGuid(`corr:${s.id}`), OperationId: s.id, EventDataId: stableGuid(`event:${s.id}`), TenantId: TENANT_ID,
      Authorization_d: { action: opName, scope: resourceId }, Claims_d: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': s.who.upn, ipaddr: s.address.ip },
      Properties_d: { eventCategory: s.op.category, entity: resourceId, message: opName, caller: s.who.upn },
      Authorization: JSON.stringify({ action: opName, scope: resourceId }), HTTPRequest: JSON.stringify({ clientIpAddress: s.address.ip, method: 'PUT' }),
    };
  },
});

const DIAGNOSTIC_CATEGORIES: readonly [string, string, string][] = [
  ['AzureFirewallNetworkRule', 'MICROSOFT.NETWORK', 'AZUREFIREWALLS'],
  ['ApplicationGatewayFirewallLog', 'MICROSOFT.NETWORK', 'APPLICATIONGATEWAYS'],
  ['SQLSecurityAuditEvents', 'MICROSOFT.SQL', 'SERVERS/DATABASES'],
  ['AuditEvent', 'MICROSOFT.KEYVAULT', 'VAULTS'],
  ['kube-audit', 'MICROSOFT.CONTAINERSERVICE', 'MANAGEDCLUSTERS'],
];

const azureDiagnostics = profile<{ cat: (typeof DIAGNOSTIC_CATEGORIES)[number]; address: PublicAddress; sub: string; rg: string; ok: boolean }>({
  ingredients: () => fc.record({
    cat: fc.constantFrom(...DIAGNOSTIC_CATEGORIES), address: arbitraryPublicAddress(), sub: fc.constantFrom(...SUBSCRIPTION_IDS),
    rg: fc.constantFrom(...RESOURCE_GROUPS), ok: fc.boolean(),
  }),
  build(s, _row, pick) {
    const [category, provider, type] = s.cat;
    const resource = `${type.split('/')[0]!.toLowerCase().slice(0, 8)}-contoso`.toUpperCase();
    return {
      Category: text(pick('Category', category)), ResourceProvider: provider, ResourceType: type, Resource: resource, ResourceGroup: s.rg.toUpperCase(), SubscriptionId: s.sub,
      ResourceId: `/SUBSCRIPTIONS/${s.sub.toUpperCase()}/RESOURCEGROUPS/${s.rg.toUpperCase()}/PROVIDERS/${provider}/${type}/${resource}`,
      OperationName: category === 'AuditEvent' ? 'SecretGet' : category === 'AzureFirewallNetworkRule' ? 'AzureFirewallNetworkRuleLog' : 'Audit',
      ResultType: s.ok ? 'Success' : 'Failure', CallerIPAddress: s.address.ip, clientIP_s: s.address.ip, TenantId: TENANT_ID,
    };
  },
});

export const CLOUD_PROFILES: Readonly<Record<string, Profile>> = {
  CloudAppEvents: cloudAppEvents,
  OfficeActivity: officeActivity,
  AzureActivity: azureActivity,
  AzureDiagnostics: azureDiagnostics,
};
