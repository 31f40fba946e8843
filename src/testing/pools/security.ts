// Value pools for Windows security events, directory changes, alerts, incidents, vulnerability management and
// the exposure graph: event ids with their activity text, logon types, failure status codes, AuditLogs operations,
// alert titles per Defender service, Sentinel providers, CVEs and software. Plain data, browser-safe.

export const SECURITY_EVENTS: readonly { id: number; activity: string; task: number; failure?: boolean }[] = [
  { id: 4624, activity: '4624 - An account was successfully logged on.', task: 12544 },
  { id: 4625, activity: '4625 - An account failed to log on.', task: 12544, failure: true },
  { id: 4634, activity: '4634 - An account was logged off.', task: 12545 },
  { id: 4648, activity: '4648 - A logon was attempted using explicit credentials.', task: 12544 },
  { id: 4672, activity: '4672 - Special privileges assigned to new logon.', task: 12548 },
  { id: 4688, activity: '4688 - A new process has been created.', task: 13312 },
  { id: 4720, activity: '4720 - A user account was created.', task: 13824 },
  { id: 4728, activity: '4728 - A member was added to a security-enabled global group.', task: 13826 },
  { id: 4732, activity: '4732 - A member was added to a security-enabled local group.', task: 13826 },
  { id: 4740, activity: '4740 - A user account was locked out.', task: 13824 },
  { id: 4768, activity: '4768 - A Kerberos authentication ticket (TGT) was requested.', task: 14339 },
  { id: 4769, activity: '4769 - A Kerberos service ticket was requested.', task: 14337 },
  { id: 4776, activity: '4776 - The computer attempted to validate the credentials for an account.', task: 14336 },
  { id: 1102, activity: '1102 - The audit log was cleared.', task: 104 },
];
export const LOGON_TYPE_NAMES: readonly { type: number; name: string }[] = [
  { type: 2, name: '2 - Interactive' }, { type: 3, name: '3 - Network' }, { type: 4, name: '4 - Batch' },
  { type: 5, name: '5 - Service' }, { type: 7, name: '7 - Unlock' }, { type: 10, name: '10 - RemoteInteractive' },
  { type: 11, name: '11 - CachedInteractive' },
];
/** 4625 Status / SubStatus pairs (NTSTATUS codes as the event writes them). */
export const LOGON_FAILURES: readonly { status: string; subStatus: string }[] = [
  { status: '0xc000006d', subStatus: '0xc000006a' }, // bad password
  { status: '0xc000006d', subStatus: '0xc0000064' }, // no such user
  { status: '0xc0000234', subStatus: '0x0' }, // locked out
  { status: '0xc000006e', subStatus: '0xc0000072' }, // account disabled
];
export const AUTH_PACKAGES = ['NTLM', 'Kerberos', 'Negotiate'];

export interface AuditOperation {
  name: string;
  category: string;
  service: string;
  operationType: string;
  target: 'User' | 'Group' | 'ServicePrincipal' | 'Application' | 'Role' | 'Policy';
}
export const AUDIT_OPERATIONS: readonly AuditOperation[] = [
  { name: 'Update user', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', target: 'User' },
  { name: 'Reset user password', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', target: 'User' },
  { name: 'Add user', category: 'UserManagement', service: 'Core Directory', operationType: 'Add', target: 'User' },
  { name: 'User registered security info', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Add', target: 'User' },
  { name: 'Add member to group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Assign', target: 'Group' },
  { name: 'Add member to role', category: 'RoleManagement', service: 'Core Directory', operationType: 'Assign', target: 'Role' },
  { name: 'Consent to application', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Assign', target: 'ServicePrincipal' },
  { name: 'Add service principal credentials', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update', target: 'ServicePrincipal' },
  { name: 'Update application – Certificates and secrets management ', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update', target: 'Application' },
  { name: 'Update conditional access policy', category: 'Policy', service: 'Conditional Access', operationType: 'Update', target: 'Policy' },
];

export type ServiceSource =
  | 'Microsoft Defender for Endpoint' | 'Microsoft Defender for Office 365' | 'Microsoft Defender for Identity'
  | 'Microsoft Defender for Cloud Apps' | 'Microsoft Entra ID Protection';
export const ALERT_CATALOGUE: readonly { title: string; category: string; severity: string; source: ServiceSource; techniques: string[] }[] = [
  { title: 'Suspicious PowerShell command line', category: 'Execution', severity: 'Medium', source: 'Microsoft Defender for Endpoint', techniques: ['PowerShell (T1059.001)'] },
  { title: 'Suspicious network communication by rundll32', category: 'CommandAndControl', severity: 'High', source: 'Microsoft Defender for Endpoint', techniques: ['Application Layer Protocol (T1071)'] },
  { title: 'Unwanted software detected', category: 'SuspiciousActivity', severity: 'Low', source: 'Microsoft Defender for Endpoint', techniques: [] },
  { title: 'A potentially malicious URL click was detected', category: 'InitialAccess', severity: 'High', source: 'Microsoft Defender for Office 365', techniques: ['Spearphishing Link (T1566.002)'] },
  { title: 'Email messages containing malicious URL removed after delivery', category: 'InitialAccess', severity: 'Informational', source: 'Microsoft Defender for Office 365', techniques: ['Phishing (T1566)'] },
  { title: 'Suspected brute-force attack (SMB)', category: 'CredentialAccess', severity: 'Medium', source: 'Microsoft Defender for Identity', techniques: ['Brute Force (T1110)'] },
  { title: 'Suspicious inbox forwarding', category: 'Exfiltration', severity: 'Medium', source: 'Microsoft Defender for Cloud Apps', techniques: ['Email Forwarding Rule (T1114.003)'] },
  { title: 'Atypical travel', category: 'InitialAccess', severity: 'Medium', source: 'Microsoft Entra ID Protection', techniques: ['Valid Accounts (T1078)'] },
];
export const DETECTION_SOURCES: Readonly<Record<ServiceSource, string>> = {
  'Microsoft Defender for Endpoint': 'EDR',
  'Microsoft Defender for Office 365': 'Microsoft Defender for Office 365',
  'Microsoft Defender for Identity': 'Microsoft Defender for Identity',
  'Microsoft Defender for Cloud Apps': 'Microsoft Defender for Cloud Apps',
  'Microsoft Entra ID Protection': 'Microsoft Entra ID Protection',
};
/** SecurityAlert ProviderName / ProductName per service, plus Sentinel's own analytics. */
export const SENTINEL_PRODUCTS: readonly { provider: string; product: string }[] = [
  { provider: 'MDATP', product: 'Microsoft Defender Advanced Threat Protection' },
  { provider: 'OATP', product: 'Office 365 Advanced Threat Protection' },
  { provider: 'Azure Advanced Threat Protection', product: 'Azure Advanced Threat Protection' },
  { provider: 'MCAS', product: 'Microsoft Cloud App Security' },
  { provider: 'IPC', product: 'Azure Active Directory Identity Protection' },
  { provider: 'ASI Scheduled Alerts', product: 'Azure Sentinel' },
];
export const EVIDENCE_ENTITY_TYPES = ['Machine', 'User', 'Process', 'File', 'Ip', 'Url', 'MailMessage', 'Mailbox', 'CloudApplication'];
export const SEVERITIES = ['Informational', 'Low', 'Medium', 'High'];
export const INCIDENT_STATUSES = ['New', 'Active', 'Closed'];
export const INCIDENT_CLASSIFICATIONS = ['', 'TruePositive', 'FalsePositive', 'BenignPositive', 'Undetermined'];

export const VULNERABLE_SOFTWARE: readonly { vendor: string; name: string; version: string; cve: string; severity: string; kb: string }[] = [
  { vendor: 'microsoft', name: 'windows_11', version: '10.0.22631.4460', cve: 'CVE-2024-43451', severity: 'High', kb: 'KB5046633' },
  { vendor: 'microsoft', name: 'edge_chromium-based', version: '130.0.2849.80', cve: 'CVE-2024-49039', severity: 'High', kb: '' },
  { vendor: 'google', name: 'chrome', version: '129.0.6668.90', cve: 'CVE-2024-7971', severity: 'Critical', kb: '' },
  { vendor: 'oracle', name: 'jre', version: '8.0.4210', cve: 'CVE-2024-21147', severity: 'Medium', kb: '' },
  { vendor: '7-zip', name: '7-zip', version: '23.01', cve: 'CVE-2024-11477', severity: 'High', kb: '' },
  { vendor: 'microsoft', name: 'office', version: '16.0.18129.20116', cve: 'CVE-2024-43505', severity: 'Medium', kb: 'KB5002645' },
];
export const EXPOSURE_NODE_LABELS = ['device', 'user', 'group', 'microsoft.compute/virtualmachines', 'microsoft.storage/storageaccounts', 'microsoft.keyvault/vaults', 'serviceprincipal'];
