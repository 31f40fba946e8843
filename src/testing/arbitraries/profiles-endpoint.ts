// Profiles of the Defender for Endpoint tables. A row is built around one process (from the parent → child
// templates of pools/endpoint.ts) on one device, run by one account: the process columns, the InitiatingProcess*
// block (its parent, and the parent's parent) and the account columns agree, the same image always has the same
// hashes, command lines name the account's folders. Network rows take a destination (public service, attacker host
// or internal server) with the matching RemoteIPType; file rows a path; logon rows a logon type with the matching
// remote side; registry rows a key/value; DeviceInfo rows the device's OS and logged-on user.
import fc from 'fast-check';
import {
  ACTION_TYPES, DESTINATIONS, type Destination, FILE_PATHS, type Image, IMAGES, LOGON_FAILURE_REASONS, OS_PLATFORMS,
  PROCESS_TEMPLATES, type ProcessTemplate, REGISTRY_KEYS, SERVER_NAMES,
} from '../pools/endpoint.js';
import {
  type Account, arbitraryDomainAccount, arbitraryPublicAddress, deviceShortName, isPrivateIpv4, PERSON_ACCOUNTS, type Row,
  shiftDatetime, stableHex, SYSTEM_ACCOUNT_ENTRIES,
} from './basics.js';
import { type Pick, profile, type Profile, text } from './profile.js';

const DOWNLOAD_URLS = ['http://invoice-cdn.top/a/svchelper.dat', 'https://docs-share.glitch.me/download/invoice-7731.zip', 'https://bit.ly/3Kq8ZrT', 'http://203.0.113.145/p.bin'];

interface EndpointSeed {
  account: Account;
  server: string | null;
  template: ProcessTemplate;
  pid: number;
  parentPid: number;
  grandparentPid: number;
  parentAgeSeconds: number;
  url: string;
  destination: Destination;
  publicIp: string;
  path: string;
  registry: number;
  failed: boolean;
  logonType: string;
  failureReason: string;
  remotePort: number;
  localPort: number;
}

function seed(): fc.Arbitrary<EndpointSeed> {
  return fc.record({
    account: arbitraryDomainAccount(),
    server: fc.option(fc.constantFrom(...SERVER_NAMES), { nil: null, freq: 4 }),
    template: fc.constantFrom(...PROCESS_TEMPLATES),
    pid: fc.integer({ min: 4, max: 40_000 }),
    parentPid: fc.integer({ min: 4, max: 40_000 }),
    grandparentPid: fc.integer({ min: 4, max: 40_000 }),
    parentAgeSeconds: fc.integer({ min: 1, max: 36_000 }),
    url: fc.constantFrom(...DOWNLOAD_URLS),
    destination: fc.constantFrom(...DESTINATIONS),
    publicIp: arbitraryPublicAddress().map((a) => a.ip),
    path: fc.constantFrom(...FILE_PATHS),
    registry: fc.nat(REGISTRY_KEYS.length - 1),
    failed: fc.boolean(),
    logonType: fc.constantFrom('Interactive', 'Network', 'RemoteInteractive', 'Unlock', 'Service', 'Batch'),
    failureReason: fc.constantFrom(...LOGON_FAILURE_REASONS),
    remotePort: fc.integer({ min: 49_152, max: 65_535 }),
    localPort: fc.integer({ min: 49_152, max: 65_535 }),
  });
}

function imageOf(file: string, account: Account): Image & { path: string } {
  const known = IMAGES[file];
  const image = known ?? { file, folder: `C:\\Users\\${account.name}\\Downloads`, company: '', product: '', description: '' };
  return { ...image, path: file === 'System' ? '' : `${image.folder.replace('%USER%', `C:\\Users\\${account.name}`)}\\${file}` };
}

/** The parent of a parent: what usually starts it. */
function grandparentOf(parent: string): string {
  const t = PROCESS_TEMPLATES.find((x) => x.child === parent);
  if (t) return t.parent;
  return parent === 'explorer.exe' ? 'userinit.exe' : parent === 'services.exe' ? 'wininit.exe' : 'services.exe';
}

function fill(commandLine: string, account: Account, url: string): string {
  return commandLine.replace(/\{user\}/g, account.name).replace(/\{url\}/g, url);
}

function hashes(file: string): { SHA1: string; SHA256: string; MD5: string } {
  return { SHA1: stableHex(`sha1:${file}`, 40), SHA256: stableHex(`sha256:${file}`, 64), MD5: stableHex(`md5:${file}`, 32) };
}

function accountColumns(prefix: string, a: Account, logonId: number): Row {
  return {
    [`${prefix}AccountDomain`]: a.domain, [`${prefix}AccountName`]: a.name, [`${prefix}AccountSid`]: a.sid,
    [`${prefix}AccountUpn`]: a.upn, [`${prefix}AccountObjectId`]: a.objectId, [`${prefix}LogonId`]: logonId,
  };
}

function imageColumns(prefix: 'Process' | 'InitiatingProcess', image: Image & { path: string }): Row {
  const h = hashes(image.file);
  const p = prefix === 'Process' ? '' : 'InitiatingProcess';
  return {
    [`${p}SHA1`]: h.SHA1, [`${p}SHA256`]: h.SHA256, [`${p}MD5`]: h.MD5,
    [`${p === '' ? 'File' : p + 'File'}Size`]: 10_000 + (Number.parseInt(h.MD5.slice(0, 6), 16) % 5_000_000),
    [`${prefix}VersionInfoCompanyName`]: image.company,
    [`${prefix}VersionInfoProductName`]: image.product,
    [`${prefix}VersionInfoProductVersion`]: image.company === '' ? '' : '10.0.22621.4460',
    [`${prefix}VersionInfoInternalFileName`]: image.file.replace(/\.(exe|dll)$/i, ''),
    [`${prefix}VersionInfoOriginalFileName`]: image.file,
    [`${prefix}VersionInfoFileDescription`]: image.description,
  };
}

interface Actor {
  device: string;
  account: Account;
  system: boolean;
  time: string;
}

function actorOf(s: EndpointSeed, row: Row, pick: Pick): Actor {
  const system = s.template.system === true;
  const person = s.account.person ?? PERSON_ACCOUNTS[0]!.person!;
  const device = text(pick('DeviceName', s.server && system ? `${s.server}.contoso.com` : `${deviceShortName(person)}.contoso.com`));
  const account = system ? SYSTEM_ACCOUNT_ENTRIES[0]! : s.account;
  return { device, account, system, time: text(row.Timestamp ?? row.TimeGenerated) };
}

/** The InitiatingProcess* block of a process (its own columns) and of its parent. */
function initiating(s: EndpointSeed, actor: Actor, file: string, cmd: string, parentFile: string): Row {
  const image = imageOf(file, actor.account);
  const created = shiftDatetime(actor.time, -s.parentAgeSeconds);
  return {
    ...imageColumns('InitiatingProcess', image),
    ...accountColumns('InitiatingProcess', actor.account, actor.system ? 999 : 100_000 + (s.pid % 900_000)),
    InitiatingProcessFileName: file,
    InitiatingProcessFolderPath: image.path,
    InitiatingProcessId: s.parentPid,
    InitiatingProcessCommandLine: cmd,
    InitiatingProcessCreationTime: created,
    InitiatingProcessIntegrityLevel: actor.system ? 'System' : 'Medium',
    InitiatingProcessTokenElevation: actor.system ? 'TokenElevationTypeDefault' : 'TokenElevationTypeLimited',
    InitiatingProcessParentId: s.grandparentPid,
    InitiatingProcessParentFileName: parentFile,
    InitiatingProcessParentCreationTime: shiftDatetime(created, -60),
    InitiatingProcessSessionId: actor.system ? 0 : 1,
    IsInitiatingProcessRemoteSession: false,
    InitiatingProcessRemoteSessionDeviceName: '',
    InitiatingProcessRemoteSessionIP: '',
    InitiatingProcessSignerType: image.company === 'Microsoft Corporation' ? 'OsVendor' : image.company === '' ? '' : 'ThirdParty',
    InitiatingProcessSignatureStatus: image.company === '' ? 'Unsigned' : 'Valid',
  };
}

function deviceColumns(actor: Actor): Row {
  return { DeviceName: actor.device, DeviceId: stableHex(`device:${actor.device}`, 40) };
}

/** A process's own launch: the template's child, its parent as the initiator. */
const processCreated = profile<EndpointSeed>({
  ingredients: () => seed(),
  build(s, row, pick) {
    const actor = actorOf(s, row, pick);
    const file = text(pick('FileName', s.template.child));
    const image = imageOf(file, actor.account);
    const cmd = text(pick('ProcessCommandLine', file === s.template.child ? fill(s.template.commandLine, actor.account, s.url) : `"${image.path}"`));
    const parent = text(pick('InitiatingProcessFileName', s.template.parent));
    const parentImage = imageOf(parent, actor.account);
    return {
      ...deviceColumns(actor),
      ActionType: 'ProcessCreated',
      ...hashes(file),
      ...imageColumns('Process', image),
      FileName: file,
      FolderPath: text(pick('FolderPath', image.path)),
      ProcessId: s.pid,
      ProcessCommandLine: cmd,
      ProcessCreationTime: actor.time,
      ProcessIntegrityLevel: actor.system ? 'System' : 'Medium',
      ProcessTokenElevation: actor.system ? 'TokenElevationTypeDefault' : 'TokenElevationTypeLimited',
      ...accountColumns('', actor.account, actor.system ? 999 : 100_000 + (s.pid % 900_000)),
      ...initiating(s, actor, parent, `"${parentImage.path}"`, grandparentOf(parent)),
      CreatedProcessSessionId: actor.system ? 0 : 1,
      IsProcessRemoteSession: false,
      ProcessRemoteSessionDeviceName: '',
      ProcessRemoteSessionIP: '',
      AdditionalFields: {},
    };
  },
});

/** Rows caused by a running process (network, file, registry, image load, events): the template's child acts. */
function actingProcess(s: EndpointSeed, row: Row, pick: Pick): { actor: Actor; block: Row } {
  const actor = actorOf(s, row, pick);
  const file = text(pick('InitiatingProcessFileName', s.template.child));
  const cmd = text(pick('InitiatingProcessCommandLine', file === s.template.child ? fill(s.template.commandLine, actor.account, s.url) : `"${imageOf(file, actor.account).path}"`));
  return { actor, block: { ...deviceColumns(actor), ...initiating(s, actor, file, cmd, s.template.parent) } };
}

const networkEvent = profile<EndpointSeed>({
  ingredients: () => seed(),
  build(s, row, pick) {
    const { block } = actingProcess(s, row, pick);
    const remoteIp = text(pick('RemoteIP', s.destination.ip));
    return {
      ...block,
      RemoteIP: remoteIp,
      RemotePort: s.destination.port,
      RemoteUrl: s.destination.host,
      RemoteIPType: isPrivateIpv4(remoteIp) ? 'Private' : 'Public',
      LocalIP: `10.20.4.${20 + (s.pid % 200)}`,
      LocalIPType: 'Private',
      LocalPort: s.localPort,
      Protocol: 'Tcp',
      AdditionalFields: null,
    };
  },
});

const fileEvent = profile<EndpointSeed>({
  ingredients: () => seed(),
  build(s, row, pick) {
    const { actor, block } = actingProcess(s, row, pick);
    const path = text(pick('FolderPath', s.path.replace(/\{user\}/g, actor.account.name)));
    const name = path.slice(path.lastIndexOf('\\') + 1);
    const downloaded = /\\Downloads\\|\\SvcHelper\\/i.test(path);
    return {
      ...block,
      FileName: text(pick('FileName', name)),
      FolderPath: path,
      ...hashes(name),
      FileSize: 1_000 + (Number.parseInt(stableHex(name, 6), 16) % 2_000_000),
      FileOriginUrl: downloaded ? s.url : '',
      FileOriginReferrerUrl: '',
      FileOriginIP: downloaded ? s.publicIp : '',
      PreviousFolderPath: '',
      PreviousFileName: '',
      RequestProtocol: 'Local',
      RequestSourceIP: '',
      RequestSourcePort: null,
      RequestAccountName: '',
      RequestAccountDomain: '',
      RequestAccountSid: '',
      ShareName: '',
      IsAzureInfoProtectionApplied: false,
      AdditionalFields: null,
    };
  },
});

const deviceEvent = profile<[EndpointSeed, string]>({
  ingredients: () => fc.tuple(seed(), fc.constantFrom(...ACTION_TYPES.DeviceEvents!)),
  build([s, action], row, pick) {
    const { actor, block } = actingProcess(s, row, pick);
    const chosen = text(pick('ActionType', action));
    const extra: Row = {};
    if (chosen === 'BrowserLaunchedToOpenUrl' || chosen === 'SmartScreenUrlWarning') extra.RemoteUrl = s.url;
    if (chosen === 'AntivirusDetection') Object.assign(extra, { FileName: 'PDFConverterSetup.exe', FolderPath: `C:\\Users\\${actor.account.name}\\Downloads\\PDFConverterSetup.exe`, AdditionalFields: { ThreatName: 'PUA:Win32/Presenoker', WasRemediated: true } });
    if (chosen === 'ScheduledTaskCreated') {
      extra.AdditionalFields = {
        TaskName: '\\Microsoft\\Windows\\SvcHelper\\Update',
        TaskContent: `<Task><Actions Context="Author"><Exec><Command>rundll32.exe</Command><Arguments>C:\\Users\\${actor.account.name}\\AppData\\Roaming\\SvcHelper\\svchelper.dll,DllRegisterServer</Arguments></Exec></Actions></Task>`,
      };
    }
    if (chosen === 'PowerShellCommand') extra.AdditionalFields = { Command: 'Invoke-WebRequest' };
    if (chosen === 'OpenProcessApiCall' || chosen === 'CreateRemoteThreadApiCall') Object.assign(extra, { FileName: 'lsass.exe', FolderPath: 'C:\\Windows\\System32\\lsass.exe', AdditionalFields: { DesiredAccess: 4112 } });
    if (chosen === 'DnsQueryResponse') extra.AdditionalFields = { DnsQueryString: s.destination.host || 'contoso.com', DnsQueryResult: [{ DnsQueryType: 1, Address: s.destination.ip }] };
    if (chosen === 'UserAccountCreated' || chosen === 'UserAccountAddedToLocalGroup') Object.assign(extra, { AccountName: 'svc-update', AccountDomain: actor.device.split('.')[0]!.toUpperCase(), AdditionalFields: { GroupName: 'Administrators' } });
    if (!('AdditionalFields' in extra)) extra.AdditionalFields = {};
    return { ...block, ActionType: chosen, RemoteIP: '', RemotePort: null, LocalIP: '', LocalPort: null, ...extra };
  },
});

const logonEvent = profile<EndpointSeed>({
  ingredients: () => seed(),
  build(s, row, pick) {
    const actor = actorOf(s, row, pick);
    const logonType = text(pick('LogonType', s.logonType));
    const local = logonType === 'Interactive' || logonType === 'Unlock';
    const action = text(pick('ActionType', s.failed ? 'LogonFailed' : 'LogonSuccess'));
    const remoteIp = local ? '' : logonType === 'RemoteInteractive' && !s.server ? s.publicIp : `10.20.4.${20 + (s.grandparentPid % 200)}`;
    const initiator = local ? 'winlogon.exe' : 'lsass.exe';
    return {
      ...deviceColumns({ ...actor, device: text(pick('DeviceName', s.server ? `${s.server}.contoso.com` : actor.device)) }),
      ActionType: action,
      LogonType: logonType,
      ...accountColumns('', s.account, action === 'LogonSuccess' ? 100_000 + (s.pid % 900_000) : 0),
      LogonId: action === 'LogonSuccess' ? 100_000 + (s.pid % 900_000) : null,
      Protocol: local ? 'Negotiate' : s.failed ? 'NTLM' : 'Kerberos',
      FailureReason: action === 'LogonFailed' ? s.failureReason : '',
      IsLocalAdmin: s.account.name.startsWith('adm-'),
      RemoteIP: remoteIp,
      RemoteIPType: remoteIp === '' ? '' : isPrivateIpv4(remoteIp) ? 'Private' : 'Public',
      RemotePort: local ? null : s.remotePort,
      RemoteDeviceName: local ? '' : `ws-${stableHex(remoteIp, 4)}`,
      ...initiating(s, { ...actor, account: SYSTEM_ACCOUNT_ENTRIES[0]!, system: true }, initiator, initiator, local ? 'wininit.exe' : 'wininit.exe'),
      AdditionalFields: null,
    };
  },
});

const registryEvent = profile<[EndpointSeed, string]>({
  ingredients: () => fc.tuple(seed(), fc.constantFrom(...ACTION_TYPES.DeviceRegistryEvents!)),
  build([s, action], row, pick) {
    const { block } = actingProcess(s, row, pick);
    const r = REGISTRY_KEYS[s.registry]!;
    const chosen = text(pick('ActionType', action));
    const withValue = chosen === 'RegistryValueSet' || chosen === 'RegistryValueDeleted';
    return {
      ...block,
      ActionType: chosen,
      RegistryKey: r.key,
      RegistryValueName: withValue ? r.valueName : '',
      RegistryValueData: chosen === 'RegistryValueSet' ? r.valueData : '',
      RegistryValueType: chosen === 'RegistryValueSet' ? r.valueType : '',
      PreviousRegistryKey: chosen === 'RegistryKeyRenamed' ? `${r.key}_old` : '',
      PreviousRegistryValueName: '',
      PreviousRegistryValueData: '',
    };
  },
});

const LOADED_DLLS: readonly [string, string][] = [
  ['ntdll.dll', 'C:\\Windows\\System32'], ['amsi.dll', 'C:\\Windows\\System32'], ['clr.dll', 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319'],
  ['vaultcli.dll', 'C:\\Windows\\System32'], ['samlib.dll', 'C:\\Windows\\System32'], ['System.Management.Automation.ni.dll', 'C:\\Windows\\assembly\\NativeImages_v4.0.30319_64\\System.Manaa57fc8cc#'],
  ['svchelper.dll', 'C:\\Users\\{user}\\AppData\\Roaming\\SvcHelper'],
];

const imageLoad = profile<[EndpointSeed, readonly [string, string]]>({
  ingredients: () => fc.tuple(seed(), fc.constantFrom(...LOADED_DLLS)),
  build([s, [dll, folder]], row, pick) {
    const { actor, block } = actingProcess(s, row, pick);
    const name = text(pick('FileName', dll));
    return {
      ...block,
      ActionType: 'ImageLoaded',
      FileName: name,
      FolderPath: text(pick('FolderPath', `${folder.replace('{user}', actor.account.name)}\\${name}`)),
      ...hashes(name),
      FileSize: 20_000 + (Number.parseInt(stableHex(name, 5), 16) % 900_000),
    };
  },
});

const deviceInfo = profile<EndpointSeed & { os: string }>({
  ingredients: () => fc.tuple(seed(), fc.constantFrom(...OS_PLATFORMS)).map(([s, os]) => ({ ...s, os })),
  build(s, row, pick) {
    const actor = actorOf({ ...s, template: { ...s.template, system: s.server !== null } }, row, pick);
    const server = actor.device.startsWith('srv-') || actor.device.startsWith('dc');
    const os = text(pick('OSPlatform', server ? 'WindowsServer2022' : s.os.startsWith('WindowsServer') ? 'Windows11' : s.os));
    return {
      ...deviceColumns(actor),
      OSPlatform: os,
      OSBuild: os.startsWith('WindowsServer') ? 20348 : os === 'Windows11' ? 22631 : os === 'Windows10' ? 19045 : null,
      OSVersion: os.startsWith('WindowsServer') ? '10.0.20348.2849' : os === 'Windows11' ? '10.0.22631.4460' : os === 'Windows10' ? '10.0.19045.5131' : '',
      OSArchitecture: '64-bit',
      PublicIP: s.publicIp,
      IsAzureADJoined: !server,
      JoinType: server ? 'Domain Joined' : 'Hybrid Azure AD Join',
      LoggedOnUsers: server ? [] : [{ UserName: s.account.name, DomainName: 'CONTOSO', Sid: s.account.sid }],
      MachineGroup: server ? 'Servers' : 'Workstations',
      DeviceType: server ? 'Server' : 'Workstation',
      DeviceCategory: 'Endpoint',
      OnboardingStatus: 'Onboarded',
      SensorHealthState: 'Active',
      ExposureLevel: server ? 'Medium' : 'Low',
      AssetValue: actor.device.startsWith('dc') ? 'High' : 'Normal',
      ClientVersion: '10.8760.22621.1031',
      IsInternetFacing: false,
      IsExcluded: false,
      AdditionalFields: {},
    };
  },
});

export const ENDPOINT_PROFILES: Readonly<Record<string, Profile>> = {
  DeviceProcessEvents: processCreated,
  DeviceNetworkEvents: networkEvent,
  DeviceFileEvents: fileEvent,
  DeviceEvents: deviceEvent,
  DeviceLogonEvents: logonEvent,
  DeviceRegistryEvents: registryEvent,
  DeviceImageLoadEvents: imageLoad,
  DeviceInfo: deviceInfo,
};

