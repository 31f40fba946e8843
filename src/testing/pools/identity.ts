// Value pools for identities and sign-ins: people of the fictional contoso.com tenant (Microsoft's demo names),
// on-premises SIDs, places with coordinates, public and private addresses, user agents, Entra applications and the
// documented sign-in result codes. Plain data, browser-safe; the arbitraries draw from it and tests check against it.

export const DOMAIN = 'contoso.com';
export const NETBIOS_DOMAIN = 'CONTOSO';
export const TENANT_ID = '3f8c2a71-5b9e-4d06-a1c4-7e2b9d0f6a38';
/** Domain SID of contoso.com (made up); an account SID is `${DOMAIN_SID}-<RID>`. */
export const DOMAIN_SID = 'S-1-5-21-1643870893-3427014372-2837106452';

export interface PersonEntry {
  alias: string;
  displayName: string;
  department: string;
  jobTitle: string;
  /** relative id of the on-premises account */
  rid: number;
}

const PEOPLE_RAW: [string, string, string][] = [
  ['adele.vance', 'Finance', 'Accountant'], ['alex.wilber', 'Marketing', 'Marketing Assistant'],
  ['allan.deyoung', 'Engineering', 'Software Engineer'], ['cameron.white', 'Sales', 'Account Executive'],
  ['christie.cline', 'HR', 'HR Manager'], ['debra.berger', 'Finance', 'Administrative Assistant'],
  ['diego.siciliani', 'Legal', 'Paralegal'], ['emily.braun', 'Finance', 'Budget Analyst'],
  ['enrico.cattaneo', 'Engineering', 'Attorney'], ['grady.archie', 'Finance', 'Accounts Payable Clerk'],
  ['henrietta.mueller', 'Engineering', 'Developer'], ['irvin.sayers', 'Sales', 'Director'],
  ['isaiah.langer', 'Finance', 'Security Analyst'], ['johanna.lorenz', 'Engineering', 'Senior Engineer'],
  ['joni.sherman', 'Legal', 'Paralegal'], ['kenji.tanaka', 'IT', 'IT Administrator'],
  ['lee.gu', 'Engineering', 'Director'], ['lidia.holloway', 'Engineering', 'Product Manager'],
  ['lynne.robbins', 'Finance', 'Planner'], ['megan.bowen', 'Marketing', 'Marketing Manager'],
  ['miriam.graham', 'Sales', 'Director'], ['nestor.wilke', 'IT', 'Security Analyst'],
  ['patti.fernandez', 'Executive', 'President'], ['pradeep.gupta', 'IT', 'IT Administrator'],
];
export const PEOPLE: readonly PersonEntry[] = PEOPLE_RAW.map(([alias, department, jobTitle], i) => ({
  alias,
  displayName: alias.split('.').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
  department,
  jobTitle,
  rid: 1104 + i,
}));
export const SERVICE_ACCOUNTS: readonly { name: string; rid: number }[] = [
  { name: 'svc-backup', rid: 1301 }, { name: 'svc-sql', rid: 1302 }, { name: 'svc-print', rid: 1303 },
  { name: 'svc-reportsync', rid: 1304 }, { name: 'svc-sccm', rid: 1305 }, { name: 'adm-pgupta', rid: 1401 },
];
/** Local system accounts as endpoint tables name them (AccountDomain "nt authority"). */
export const SYSTEM_ACCOUNTS: readonly { name: string; sid: string }[] = [
  { name: 'system', sid: 'S-1-5-18' }, { name: 'local service', sid: 'S-1-5-19' }, { name: 'network service', sid: 'S-1-5-20' },
];

export interface Place {
  city: string;
  state: string;
  countryOrRegion: string;
  latitude: number;
  longitude: number;
}

export const PLACES: readonly Place[] = [
  { city: 'Redmond', state: 'Washington', countryOrRegion: 'US', latitude: 47.674, longitude: -122.1215 },
  { city: 'Seattle', state: 'Washington', countryOrRegion: 'US', latitude: 47.6062, longitude: -122.3321 },
  { city: 'New York', state: 'New York', countryOrRegion: 'US', latitude: 40.7128, longitude: -74.006 },
  { city: 'London', state: 'England', countryOrRegion: 'GB', latitude: 51.5072, longitude: -0.1276 },
  { city: 'Munich', state: 'Bavaria', countryOrRegion: 'DE', latitude: 48.1351, longitude: 11.582 },
  { city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP', latitude: 35.6895, longitude: 139.6917 },
  { city: 'Seoul', state: 'Seoul', countryOrRegion: 'KR', latitude: 37.5665, longitude: 126.978 },
  { city: 'Bucharest', state: 'Bucuresti', countryOrRegion: 'RO', latitude: 44.4268, longitude: 26.1025 },
  { city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL', latitude: 52.3676, longitude: 4.9041 },
  { city: 'Sao Paulo', state: 'Sao Paulo', countryOrRegion: 'BR', latitude: -23.5505, longitude: -46.6333 },
  { city: 'Lagos', state: 'Lagos', countryOrRegion: 'NG', latitude: 6.5244, longitude: 3.3792 },
  { city: 'Singapore', state: 'Singapore', countryOrRegion: 'SG', latitude: 1.3521, longitude: 103.8198 },
];

export type AddressKind = 'office' | 'home' | 'hosting' | 'mobile';
export interface PublicAddress {
  ip: string;
  /** index into PLACES */
  place: number;
  isp: string;
  kind: AddressKind;
}

/** Public addresses from the RFC 5737 documentation ranges only, each with where it is and who runs it. */
export const PUBLIC_ADDRESSES: readonly PublicAddress[] = [
  { ip: '203.0.113.10', place: 0, isp: 'Contoso Corporate Network', kind: 'office' },
  { ip: '203.0.113.12', place: 2, isp: 'Contoso Corporate Network', kind: 'office' },
  { ip: '198.51.100.74', place: 1, isp: 'Cascade Broadband', kind: 'home' },
  { ip: '198.51.100.156', place: 1, isp: 'Cascade Broadband', kind: 'home' },
  { ip: '198.51.100.190', place: 0, isp: 'Cascade Broadband', kind: 'home' },
  { ip: '192.0.2.44', place: 3, isp: 'Thames Mobile', kind: 'mobile' },
  { ip: '192.0.2.81', place: 4, isp: 'Isar Telekom', kind: 'home' },
  { ip: '198.51.100.225', place: 5, isp: 'Shinjuku Hotel Networks', kind: 'home' },
  { ip: '198.51.100.227', place: 6, isp: 'Han River Hospitality', kind: 'home' },
  { ip: '198.51.100.233', place: 7, isp: 'Carpathia Hosting SRL', kind: 'hosting' },
  { ip: '198.51.100.241', place: 8, isp: 'Lowlands VPS BV', kind: 'hosting' },
  { ip: '198.51.100.244', place: 9, isp: 'Tropico Telecom', kind: 'mobile' },
  { ip: '192.0.2.199', place: 10, isp: 'Eko Datacentre', kind: 'hosting' },
  { ip: '192.0.2.230', place: 11, isp: 'Lion City Cloud', kind: 'hosting' },
];
/** Private prefixes of the contoso network (servers, workstations, VPN pool); hosts .2–.254. */
export const PRIVATE_PREFIXES = ['10.20.1.', '10.20.4.', '10.20.8.', '192.168.1.'];
export const IPV6_ADDRESSES = ['2001:db8:85a3::8a2e:370:7334', '2001:db8::1', '2001:db8:4:2::25'];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)',
  'Outlook-iOS/723.4027091.prod.iphone (4.2446.0)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.605.3225.8804',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36',
  'python-requests/2.31.0',
  'BAV2ROPC',
  'Mozilla/5.0 (compatible; MSAL 1.0) PKeyAuth/1.0',
];

export interface SigninResult {
  code: string;
  description: string;
}
/** Entra sign-in error codes (ResultType as text; AADSignInEventsBeta.ErrorCode as int) and their descriptions. */
export const SIGNIN_RESULTS: readonly SigninResult[] = [
  { code: '0', description: '' },
  { code: '50126', description: 'Error validating credentials due to invalid username or password.' },
  { code: '50074', description: 'Strong Authentication is required.' },
  { code: '500121', description: 'Authentication failed during strong authentication request.' },
  { code: '50053', description: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.' },
  { code: '50057', description: 'User account is disabled.' },
  { code: '53003', description: 'Access has been blocked by Conditional Access policies.' },
  { code: '50140', description: "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in." },
  { code: '50076', description: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.' },
  { code: '70043', description: 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.' },
];

/** First-party Entra applications (display name, application id). */
export const ENTRA_APPS: readonly { name: string; id: string }[] = [
  { name: 'OfficeHome', id: '4765445b-32c6-49b0-83e6-1d93765276ca' },
  { name: 'Office 365 Exchange Online', id: '00000002-0000-0ff1-ce00-000000000000' },
  { name: 'Microsoft Teams', id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264' },
  { name: 'Microsoft Office', id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c' },
  { name: 'Azure Portal', id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c' },
  { name: 'Microsoft Authentication Broker', id: '29d9ed98-a469-4536-ade2-f981bc1d605e' },
  { name: 'My Signins', id: '19db86c3-b2b9-44cc-b339-36da233a3be2' },
  { name: 'Outlook Mobile', id: '27922004-5251-4030-b22d-91ecd9a37ea4' },
  { name: 'Microsoft Azure CLI', id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' },
  { name: 'Microsoft Azure PowerShell', id: '1950a258-227b-4e31-a9cf-717495945fc2' },
];
export const CLIENT_APPS = ['Browser', 'Mobile Apps and Desktop clients', 'Exchange ActiveSync', 'Other clients', 'IMAP4', 'Authenticated SMTP'];
export const OPERATING_SYSTEMS = ['Windows10', 'Windows 10', 'MacOs', 'Ios', 'Android', 'Linux'];
export const BROWSERS = ['Edge 130.0.0', 'Chrome 130.0.0', 'Safari 18.1', 'Chrome 129.0.0', ''];
export const RISK_LEVELS = ['none', 'low', 'medium', 'high'];
