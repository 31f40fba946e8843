// Value pools for Microsoft 365 and Azure activity: unified-audit-log operations with their workload and record
// type (as CloudAppEvents and OfficeActivity carry them), Defender for Cloud Apps application ids, inbox-rule
// parameters with internal and external forwarding targets, SharePoint sites and files, Azure Resource Manager
// operations. Plain data, browser-safe.

export interface OfficeOperation {
  operation: string;
  workload: 'Exchange' | 'SharePoint' | 'OneDrive' | 'AzureActiveDirectory' | 'MicrosoftTeams';
  /** OfficeActivity.RecordType (name) and the audit record's RecordType (number) */
  recordType: string;
  recordTypeNumber: number;
  /** CloudAppEvents.ActivityType */
  activityType: string;
}

export const OFFICE_OPERATIONS: readonly OfficeOperation[] = [
  { operation: 'New-InboxRule', workload: 'Exchange', recordType: 'ExchangeAdmin', recordTypeNumber: 1, activityType: 'Create' },
  { operation: 'Set-InboxRule', workload: 'Exchange', recordType: 'ExchangeAdmin', recordTypeNumber: 1, activityType: 'Edit' },
  { operation: 'Set-Mailbox', workload: 'Exchange', recordType: 'ExchangeAdmin', recordTypeNumber: 1, activityType: 'Edit' },
  { operation: 'Add-MailboxPermission', workload: 'Exchange', recordType: 'ExchangeAdmin', recordTypeNumber: 1, activityType: 'Edit' },
  { operation: 'MailItemsAccessed', workload: 'Exchange', recordType: 'ExchangeItemAggregated', recordTypeNumber: 50, activityType: 'Read' },
  { operation: 'Send', workload: 'Exchange', recordType: 'ExchangeItem', recordTypeNumber: 2, activityType: 'Send' },
  { operation: 'SoftDelete', workload: 'Exchange', recordType: 'ExchangeItemGroup', recordTypeNumber: 3, activityType: 'Delete' },
  { operation: 'FileAccessed', workload: 'SharePoint', recordType: 'SharePointFileOperation', recordTypeNumber: 6, activityType: 'Read' },
  { operation: 'FileDownloaded', workload: 'SharePoint', recordType: 'SharePointFileOperation', recordTypeNumber: 6, activityType: 'Download' },
  { operation: 'FileModified', workload: 'OneDrive', recordType: 'SharePointFileOperation', recordTypeNumber: 6, activityType: 'Edit' },
  { operation: 'FileUploaded', workload: 'OneDrive', recordType: 'SharePointFileOperation', recordTypeNumber: 6, activityType: 'Upload' },
  { operation: 'AnonymousLinkCreated', workload: 'SharePoint', recordType: 'SharePointSharingOperation', recordTypeNumber: 14, activityType: 'Share' },
  { operation: 'UserLoggedIn', workload: 'AzureActiveDirectory', recordType: 'AzureActiveDirectoryStsLogon', recordTypeNumber: 15, activityType: 'Logon' },
  { operation: 'MessageSent', workload: 'MicrosoftTeams', recordType: 'MicrosoftTeams', recordTypeNumber: 25, activityType: 'Send' },
];

/** Defender for Cloud Apps application names and ids (CloudAppEvents.Application / ApplicationId). */
export const CLOUD_APPS: Readonly<Record<OfficeOperation['workload'], { name: string; id: number }>> = {
  Exchange: { name: 'Microsoft Exchange Online', id: 20893 },
  SharePoint: { name: 'Microsoft SharePoint Online', id: 20892 },
  OneDrive: { name: 'Microsoft OneDrive for Business', id: 15600 },
  AzureActiveDirectory: { name: 'Microsoft Azure', id: 12260 },
  MicrosoftTeams: { name: 'Microsoft Teams', id: 11394 },
};

/** Forwarding targets for inbox rules: the organisation's own, a subdomain, and outside addresses. */
export const FORWARD_TARGETS = {
  internal: ['isaiah.langer@contoso.com', 'megan.bowen@contoso.com', 'receipts@expenses.contoso.com'],
  external: ['ap-archive@northwind-invoices.co', 'grady.archie.backup@outlook-mail.example', 'finance-team@protonmail.example'],
};
export const INBOX_RULE_NAMES = ['.', '..', 'Invoices', 'Newsletters', 'Move to RSS', 'Receipts', 'Team updates'];
export const INBOX_RULE_SETTINGS = ['ForwardTo', 'ForwardAsAttachmentTo', 'RedirectTo', 'MoveToFolder', 'DeleteMessage', 'MarkAsRead', 'SubjectOrBodyContainsWords'];

export const SHAREPOINT_SITES = [
  'https://contoso.sharepoint.com/sites/Finance/', 'https://contoso.sharepoint.com/sites/HR/',
  'https://contoso.sharepoint.com/sites/Engineering/', 'https://contoso-my.sharepoint.com/personal/adele_vance_contoso_com/',
];
export const DOCUMENTS = ['Q4 Plan.docx', 'Roadmap.pptx', 'Headcount.xlsx', 'Policy v3.pdf', 'Minutes.docx', 'Forecast.xlsx', 'Payroll 2026-11.xlsx'];

/** Azure Resource Manager operations (AzureActivity.OperationNameValue) and their category. */
export const AZURE_OPERATIONS: readonly { name: string; category: string; provider: string }[] = [
  { name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', category: 'Administrative', provider: 'Microsoft.Compute' },
  { name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION', category: 'Administrative', provider: 'Microsoft.Compute' },
  { name: 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE', category: 'Administrative', provider: 'Microsoft.Authorization' },
  { name: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', category: 'Administrative', provider: 'Microsoft.Storage' },
  { name: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE', category: 'Administrative', provider: 'Microsoft.Network' },
  { name: 'MICROSOFT.KEYVAULT/VAULTS/SECRETS/READ', category: 'Administrative', provider: 'Microsoft.KeyVault' },
  { name: 'MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE', category: 'Administrative', provider: 'Microsoft.Resources' },
  { name: 'MICROSOFT.SECURITY/POLICIES/WRITE', category: 'Policy', provider: 'Microsoft.Security' },
];
export const AZURE_STATUSES = ['Success', 'Failure', 'Start', 'Accepted'];
export const SUBSCRIPTION_IDS = ['6d1f4a2b-9c3e-4f57-8a10-2b7e6c9d0e14', 'b8e2c0d4-1f3a-4e6b-9c7d-5a2f8e0b1c39'];
export const RESOURCE_GROUPS = ['contoso-servers', 'contoso-sentinel', 'contoso-web', 'rg-prod-data'];
