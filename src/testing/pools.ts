// Realistic values for the five Defender for Office 365 tables: the documented enumerations of their columns and
// pools of hosts that exercise detection rules (URL shorteners, PaaS and IPFS gateways, and their look-alikes).
// Sources of the enumerations: the column descriptions recorded in the project's shared/schemas.json (Defender XDR
// advanced-hunting and Log Analytics table references) and the values of the bundled contoso fixture.
// Plain data, browser-safe; used by arbitraries.ts and available to users writing their own generators. The pools of
// the other tables (identities, endpoints, cloud activity, alerts) are in pools/.

export const ENUMS = {
  UrlClickEvents: {
    ActionType: ['ClickAllowed', 'ClickBlocked', 'ClickBlockedByTenantPolicy', 'UrlScanInProgress', 'UrlErrorPage'],
    Workload: ['Email', 'Teams', 'Office'],
    ThreatTypes: ['', 'Phish', 'Malware', 'Spam'],
    DetectionMethods: ['', 'URL detonation reputation', 'URL reputation', 'URL detonation', 'Admin policy'],
  },
  EmailEvents: {
    EmailDirection: ['Inbound', 'Outbound', 'Intra-org'],
    DeliveryAction: ['Delivered', 'Junked', 'Blocked', 'Replaced'],
    DeliveryLocation: ['Inbox/folder', 'Junk folder', 'Deleted items', 'Quarantine', 'Failed', 'Dropped', 'On-premises/external'],
    LatestDeliveryAction: ['Delivered', 'Junked', 'Blocked', 'Replaced', 'Moved to junk folder', 'Soft delete', 'Hard delete', 'Moved to quarantine'],
    ThreatTypes: ['', 'Phish', 'Malware', 'Spam', 'Phish, Spam'],
    ConfidenceLevel: ['', '{"Phish":"High","Spam":null}', '{"Phish":null,"Spam":"High"}', '{"Phish":"Low","Spam":null}'],
    DetectionMethods: ['', '{"Phish":["URL detonation reputation"]}', '{"Spam":["Mixed analysis detection"]}', '{"Malware":["File detonation"]}'],
    EmailAction: ['', 'Move message to junk mail folder', 'Send message to quarantine', 'Add X-header', 'Replace attachment'],
    EmailActionPolicy: ['', 'Antispam', 'Antiphish', 'Antimalware', 'Safe Attachments'],
    OrgLevelAction: ['', 'Allow', 'Block'],
    OrgLevelPolicy: ['', 'Phishing simulation', 'SecOps Mailbox'],
    UserLevelAction: ['', 'Allow', 'Block', 'Junk'],
    AuthenticationDetails: [
      '',
      '{"SPF":"pass","DKIM":"pass","DMARC":"pass","CompAuth":"pass"}',
      '{"SPF":"fail","DKIM":"none","DMARC":"fail","CompAuth":"fail"}',
    ],
    EmailLanguage: ['en', 'de', 'fr', 'es', 'nl', 'ja'],
  },
  EmailUrlInfo: {
    UrlLocation: ['Body', 'Subject', 'Attachment', 'QRCode'],
  },
  EmailAttachmentInfo: {
    FileType: ['pdf', 'docx', 'xlsx', 'html', 'zip', 'png'],
    ThreatTypes: ['', 'Malware', 'Phish'],
  },
  EmailPostDeliveryEvents: {
    Action: ['Moved to junk folder', 'Soft delete', 'Hard delete', 'Moved to quarantine', 'Dynamic Delivery', 'Redelivered'],
    ActionType: ['Phish ZAP', 'Malware ZAP', 'Spam ZAP', 'Manual Remediation', 'Redelivery', 'Dynamic Delivery'],
    ActionTrigger: ['SpecialAction', 'AdminAction'],
    ActionResult: ['Success', 'Error'],
  },
} as const;

/** Spellings seen from connectors that are NOT the documented value: rules comparing with == must ignore them. */
export const ACTION_TYPE_ARTEFACTS = ['clickblocked', 'CLICKBLOCKED', 'Clickblocked'];

export const SHORTENER_HOSTS = [
  'bit.ly', 'tinyurl.com', 'ow.ly', 'is.gd', 'buff.ly', 'adf.ly', 'cutt.ly', 'rb.gy', 'shorturl.at', 't.ly', 'tiny.cc', 'rebrand.ly',
];
/** PaaS suffixes abused for staging; hosts are `<label>.<suffix>`. */
export const PAAS_SUFFIXES = [
  'azurewebsites.net', 'appspot.com', 'web.app', 'firebaseapp.com', 'netlify.app', 'vercel.app', 'pages.dev', 'glitch.me',
  'replit.app', 'workers.dev', 'run.app',
];
export const IPFS_GATEWAY_HOSTS = ['ipfs.io', 'cloudflare-ipfs.com', 'gateway.pinata.cloud', 'dweb.link', 'cf-ipfs.com', 'nftstorage.link'];
/** Hosts that look like the lists above but are not on them as whole terms — and two that are (host prefixes). */
export const LOOKALIKE_HOSTS = [
  'rabbit.ly', 'mybit.ly', 'notipfs.io', 'cutt.lyrics-archive.com', 'tinyurl.company.example', 'netlify-app.com',
  'myvercel.app.contoso.com', 'pages.developer.contoso.com', 'ipfs-io.example', 'dweblink.example',
];
/** Look-alikes that DO contain a listed name as consecutive terms (has matches them). */
export const PREFIX_TRAP_HOSTS = ['bit.ly.evil-redirect.com', 'ipfs.io.attacker.net'];
export const BENIGN_HOSTS = [
  'contoso.com', 'www.contoso.com', 'contoso.sharepoint.com', 'contoso-my.sharepoint.com', 'github.com', 'api.github.com',
  'learn.microsoft.com', 'outlook.office.com', 'teams.microsoft.com', 'www.fabrikam.com', 'www.linkedin.com', 'docs.northwindtraders.com',
];
export const PATH_WORDS = [
  'login', 'signin', 'sign-in', 'auth', 'verify', 'secure', 'account', 'password', 'credential', 'confirm', 'validate', 'update',
  'webmail', 'portal', 'accounts', 'oauth2', 'authorize', 'docs', 'invoice', 'files', 'share', 'blog', 'what-is-ipfs',
  'ipfs-guide', 'index.html', 'q4-report.pdf', '2026', 'Password-Reset', 'LOGIN',
];
/** Words with no term in common with the credential keywords or the host lists: paths built from them are benign. */
export const BENIGN_PATH_WORDS = ['docs', 'invoice', 'files', 'share', 'blog', 'index.html', 'q4-report.pdf', '2026', 'team', 'news'];
export const CIDS = [
  'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
  'bafybeihkoviema7g3gxyt6la7vd5ho32ictqbilu3wnlo3rs7ewhnp7lly',
  'QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco',
];

export const TENANT_DOMAIN = 'contoso.com';
export const USERS = [
  'adele.vance', 'lee.gu', 'miriam.graham', 'allan.deyoung', 'megan.bowen', 'alex.wilber', 'joni.sherman', 'isaiah.langer',
  'nestor.wilke', 'patti.fernandez', 'debra.berger', 'grady.archie', 'lidia.holloway', 'johanna.lorenz', 'svc-reportsync',
];
export const EXTERNAL_SENDERS = [
  'it-support@contoso-mailcare.com', 'news@fabrikam-marketing.com', 'hr-docs@fabrikam-hr.net', 'billing@northwindtraders.com',
  'noreply@tailspintoys.com', 'training@knowbe4-notify.com', 'onboarding@fabrikam.com', 'drops@web3-partner.example',
];
export const SUBJECTS = [
  'Action required: mailbox storage full', 'Q4 bonus structure - confidential', 'Invoice 2026-1142', 'Weekly newsletter',
  'Your password expires today', 'Team lunch Friday', 'Contract for review', 'Shared: budget.xlsx', '',
];
/** A few message ids shared by all tables, so generated rows of different tables join. */
export const MESSAGE_IDS = [
  '0f4f6a3e-2b1c-4d5e-8f90-1a2b3c4d5e6f', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
  '3a4b5c6d-7e8f-4a9b-8c0d-2e3f4a5b6c7d', '4b5c6d7e-8f9a-4b0c-9d1e-3f4a5b6c7d8e', '5c6d7e8f-9a0b-4c1d-8e2f-4a5b6c7d8e9f',
];
export const TENANT_IDS = ['72f988bf-86f1-41af-91ab-2d7cd011db47'];
