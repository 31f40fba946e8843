// Rule testing for detection-as-code pipelines, end to end through main() (and one real spawn): JUnit and JSON
// reports (JUnit validated against the Jenkins JUnit XSD), SARIF validated against the OASIS SARIF 2.1.0 schema,
// --version, Sentinel rule semantics and checks, match:/dont-match:, --update, --mutate, --lint, rule trees and
// --changed-since. Expected values are worked out from the fixtures written here.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { main } from '../../src/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const schemas = join(root, 'test/fixtures-schemas');

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-pipelines-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const RULE = `UrlClickEvents
| where ActionType == 'ClickBlocked'
| where Workload == 'Email'
| project Timestamp, AccountUpn, Workload
`;

const TESTS = `rule: rule.kql
now: 2026-11-20T12:00:00Z
defaults:
  UrlClickEvents: { ActionType: ClickBlocked, Workload: Email }
cases:
  - name: passes
    data:
      UrlClickEvents: [ { Timestamp: now-1h, AccountUpn: a@contoso.com } ]
    expect:
      rows: [ { AccountUpn: a@contoso.com } ]
  - name: fails with <xml> & "quotes"
    data:
      UrlClickEvents: [ { Timestamp: now-1h, AccountUpn: b@contoso.com } ]
    expect:
      count: 2
`;

describe('--version', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });
});

describe('kqlite test --reporter', () => {
  const dir = fixture({ 'rule.kql': RULE, 'r.test.yaml': TESTS });

  it('junit: one testcase per case, the diff in the failure, valid against the JUnit XSD; the summary stays on the console', async () => {
    const r = await run(['test', dir, '--reporter', 'junit']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^1 passed, 1 failed$/m);
    expect(r.out.startsWith('<?xml')).toBe(true);
    expect(r.out).toContain('tests="2" failures="1"');
    expect(r.out).toContain('name="fails with &lt;xml> &amp; &quot;quotes&quot;"');
    expect(r.out).toContain('expected 2 row(s), got 1');
    const v = await validateXML({ xml: [{ fileName: 'report.xml', contents: r.out }], schema: [readFileSync(join(schemas, 'junit-10.xsd'), 'utf8')] });
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
  });

  it('junit --out writes the file and keeps the console lines on standard output', async () => {
    const out = join(dir, 'junit.xml');
    const r = await run(['test', dir, '--reporter', 'junit', '--out', out]);
    expect(r.out).toMatch(/^1 passed, 1 failed$/m);
    expect(readFileSync(out, 'utf8')).toContain('<testsuites');
  });

  it('a broken test file is one <error> testcase, still valid', async () => {
    const bad = fixture({ 'x.test.yaml': 'query: print 1\ncases: 3\n' });
    const r = await run(['test', bad, '--reporter', 'junit']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('<error message=');
    const v = await validateXML({ xml: [{ fileName: 'r.xml', contents: r.out }], schema: [readFileSync(join(schemas, 'junit-10.xsd'), 'utf8')] });
    expect(v.valid).toBe(true);
  });

  it('json: totals and per-case status', async () => {
    const r = await run(['test', dir, '--reporter', 'json']);
    const j = JSON.parse(r.out) as { passed: number; failed: number; files: { cases: { name: string; status: string; failure: string }[] }[] };
    expect([j.passed, j.failed]).toEqual([1, 1]);
    expect(j.files[0]!.cases.map((c) => c.status)).toEqual(['passed', 'failed']);
    expect(j.files[0]!.cases[1]!.failure).toContain('expected 2 row(s), got 1');
  });

  it('an unknown reporter is a usage error', async () => {
    expect((await run(['test', dir, '--reporter', 'tap'])).code).toBe(2);
  });
});

describe('match: / dont-match: shorthand', () => {
  it('each row alone must fire / not fire, with a case per row', async () => {
    const dir = fixture({
      'rule.kql': RULE,
      'm.test.yaml': `rule: rule.kql
now: 2026-11-20T12:00:00Z
table: UrlClickEvents
match:
  - { ActionType: ClickBlocked, Workload: Email }
  - UrlClickEvents: { ActionType: ClickBlocked, Workload: Email, AccountUpn: x@contoso.com }
dont-match:
  - { ActionType: ClickBlocked, Workload: Teams }
  - { ActionType: ClickAllowed, Workload: Email }
  - { ActionType: ClickBlocked, Workload: Email }
`,
    });
    const r = await run(['test', dir]);
    expect(r.out).toMatch(/^4 passed, 1 failed$/m);
    expect(r.out).toContain('FAIL does not fire on UrlClickEvents { ActionType=ClickBlocked, Workload=Email }');
    expect(r.out).toContain('expected the rule not to fire, got 1 row(s)');
  });

  it('a bare row without table: is an error at its line', async () => {
    const dir = fixture({ 'rule.kql': RULE, 'm.test.yaml': 'rule: rule.kql\nnow: 2026-11-20T12:00:00Z\nmatch:\n  - { ActionType: ClickBlocked, Workload: Email }\n' });
    const r = await run(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('m.test.yaml:4:5: error: this \'match\' row names no table');
  });
});

const SENTINEL_RULE = (extra: string) => `id: 5f0e3c1a-0000-4000-8000-000000000001
name: Blocked mail clicks
kind: Scheduled
severity: Medium
queryFrequency: 1h
queryPeriod: 2h
triggerOperator: gt
triggerThreshold: 1
query: |
  UrlClickEvents
  | where ActionType == 'ClickBlocked'
  | project TimeGenerated, AccountUpn, Url
${extra}version: 1.0.0
`;

describe('Sentinel analytic rules', () => {
  it('rows outside queryPeriod are invisible and fires follows triggerOperator/triggerThreshold', async () => {
    const dir = fixture({
      'rule.yaml': SENTINEL_RULE(''),
      's.test.yaml': `rule: rule.yaml
now: 2026-11-20T12:00:00Z
defaults:
  UrlClickEvents: { ActionType: ClickBlocked }
cases:
  - name: two clicks in the period raise an alert (2 > 1)
    data:
      UrlClickEvents: [ { TimeGenerated: now-1h }, { TimeGenerated: now-2h } ]
    expect: { fires: true, count: 2 }
  - name: a click 2h and one tick ago is outside the 2h period, so one row and no alert
    data:
      UrlClickEvents: [ { TimeGenerated: now-1h }, { TimeGenerated: 2026-11-20T09:59:59.9999999Z } ]
    expect: { fires: false, count: 1 }
  - name: this case is wrong on purpose
    data:
      UrlClickEvents: [ { TimeGenerated: now-1h } ]
    expect: { fires: true }
`,
    });
    const r = await run(['test', dir]);
    expect(r.out).toMatch(/^2 passed, 1 failed$/m);
    expect(r.out).toContain('expected the rule to raise an alert, but the rule alerts when the query returns more than 1 row(s) (triggerOperator gt, triggerThreshold 1) and it returned 1');
  });

  it('check: limits, queryPeriod ≥ queryFrequency and output columns, each at its YAML line', async () => {
    const dir = fixture({
      'bad.yaml': `id: x
name: bad
kind: Scheduled
queryFrequency: 3h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
query: |
  UrlClickEvents
  | project TimeGenerated, AccountUpn, UrlChain = parse_json(UrlChain)
entityMappings:
  - entityType: Account
    fieldMappings:
      - identifier: FullName
        columnName: AccountUPN
  - entityType: URL
    fieldMappings:
      - identifier: Url
        columnName: UrlChain
customDetails:
  Who: AccountUpn
alertDetailsOverride:
  alertDisplayNameFormat: Click by {{AccountUpn}} at {{Missing}}
`,
      'good.yaml': SENTINEL_RULE(`entityMappings:
  - entityType: Account
    fieldMappings:
      - identifier: FullName
        columnName: AccountUpn
`),
    });
    const r = await run(['check', join(dir, 'bad.yaml'), join(dir, 'good.yaml')]);
    expect(r.code).toBe(1);
    const f = join(dir, 'bad.yaml');
    expect(r.err).toContain(`${f}:5:14 error sentinel-period-shorter-than-frequency queryPeriod 1h is shorter than queryFrequency 3h`);
    expect(r.err).toContain(`${f}:15:21 error sentinel-missing-column entityMappings[0] (Account) FullName names column 'AccountUPN', which the query does not output (did you mean 'AccountUpn'?`);
    expect(r.err).toContain(`${f}:19:21 error sentinel-column-type entityMappings[1] (URL) Url names column 'UrlChain' of type dynamic`);
    expect(r.err).toContain(`${f}:23:27 error sentinel-missing-column alertDetailsOverride alertDisplayNameFormat {{Missing}}`);
    expect(r.err).not.toContain("{{AccountUpn}} names");
    expect(r.out).toContain(`${join(dir, 'good.yaml')}: ok`);
    expect(r.err).toContain('1 of 2 rule file(s) ok');
  });

  it('check: the documented limits (5m–14d, frequency ≥ 1h when the period is 2 days or more, threshold ≤ 10000)', async () => {
    const dir = fixture({
      'r.yaml': 'kind: Scheduled\nqueryFrequency: 10m\nqueryPeriod: 15d\ntriggerOperator: gt\ntriggerThreshold: 20000\nquery: |\n  UrlClickEvents\n',
    });
    const r = await run(['check', join(dir, 'r.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('3:14 error sentinel-duration-range queryPeriod 15d is outside the allowed range 5m to 14d');
    expect(r.err).toContain('2:17 error sentinel-long-period-frequency with queryPeriod 15d (2 days or more), queryFrequency must be at least 1h, not 10m');
    expect(r.err).toContain('5:19 error sentinel-trigger-threshold');
  });
});

describe('kqlite check --format sarif|json, --lint, data options', () => {
  const dir = fixture({
    'bad.kql': 'EmailEvents\n| where Subjcet has "x"\n',
    'lint.kql': 'UrlClickEvents\n| where Url has_any ("bit.ly", "web.app")\n| where AccountUpn == "Admin@Contoso.com"\n| where Url contains "/ipfs/"\n| where Url has "ab"\n',
  });

  it('SARIF 2.1.0: valid against the OASIS schema, with file, line, column and rule id', async () => {
    const r = await run(['check', dir, '--lint', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    // ajv-draft-04 is CommonJS: under NodeNext its default import is the module, whose `default` is the class.
    const ajv = new AjvDraft04.default({ strict: false, allErrors: true, validateFormats: false, logger: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemas, 'sarif-schema-2.1.0.json'), 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0]!.results;
    const bind = results.find((x) => x.ruleId === 'bind-unknown-column')!;
    expect(bind.level).toBe('error');
    expect(bind.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/bad\.kql$/);
    expect(bind.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 9 });
    const ids = results.map((x) => `${x.ruleId}@${x.locations[0]!.physicalLocation.region.startLine}:${x.locations[0]!.physicalLocation.region.startColumn}`);
    expect(ids).toEqual(
      expect.arrayContaining(['no-time-filter@1:1', 'domain-match-too-broad@2:9', 'case-sensitive-equality@3:9', 'contains-could-be-has@4:9', 'short-has-needle@5:17']),
    );
    expect(log.runs[0]!.tool.driver.rules.map((x) => x.id)).toContain('domain-match-too-broad');
  });

  it('the domain hint names a host under another registrable domain, and a public suffix as such (tldts)', async () => {
    const r = await run(['check', join(dir, 'lint.kql'), '--lint']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("'bit.ly' also matches bit.ly.evil-redirect.com (registrable domain evil-redirect.com, not bit.ly)");
    expect(r.out).toContain("'web.app' is itself a public suffix");
  });

  it('json lists the findings; hints alone do not fail', async () => {
    const r = await run(['check', join(dir, 'lint.kql'), '--lint', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { errors: number; findings: { ruleId: string; line: number }[] };
    expect(j.errors).toBe(0);
    expect(j.findings.some((x) => x.ruleId === 'case-sensitive-equality' && x.line === 3)).toBe(true);
  });

  it('--data supplies table schemas, and bad --now is a usage error', async () => {
    const data = fixture({ 'VipUsers.ndjson': '{"Upn":"a@contoso.com"}\n', 'q.kql': 'VipUsers | where Upn == "a@contoso.com"\n' });
    expect((await run(['check', join(data, 'q.kql')])).code).toBe(1);
    expect((await run(['check', join(data, 'q.kql'), '--data', data])).code).toBe(0);
    expect((await run(['check', join(data, 'q.kql'), '--now', 'yesterday'])).code).toBe(2);
  });
});

describe('rules repositories and --changed-since', () => {
  it('walks an Azure-Sentinel-like tree: rule YAML with a query, custom table JSON, metadata YAML skipped', async () => {
    const dir = fixture({
      'Detections/Custom/rule.yaml': SENTINEL_RULE('').replace('UrlClickEvents\n  | where', 'MyAppLogs_CL\n  | where').replace("ActionType == 'ClickBlocked'", "Action == 'x'").replace('AccountUpn, Url', 'User'),
      'Solutions/S/Analytic Rules/a.yaml': SENTINEL_RULE(''),
      'Solutions/S/Data/Solution_S.yaml': 'Name: S\nVersion: 1.0.0\n',
      'Hunting Queries/h.yaml': 'name: h\nquery: |\n  EmailEvents | take 1\n',
      '.script/tests/KqlvalidationsTests/CustomTables/MyAppLogs_CL.json': JSON.stringify({ Name: 'MyAppLogs_CL', Properties: [{ Name: 'TimeGenerated', Type: 'DateTime' }, { Name: 'Action', Type: 'String' }, { Name: 'User', Type: 'String' }] }),
    });
    const r = await run(['check', dir]);
    expect(r.err).toContain('3 of 3 rule file(s) ok');
    expect(r.code).toBe(0);
  });

  it('--changed-since checks only the files git reports as changed', async () => {
    const dir = fixture({ 'a.kql': 'EmailEvents | take 1\n', 'b.kql': 'EmailEvents | take 2\n' });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'x');
    writeFileSync(join(dir, 'b.kql'), 'EmailEvents | where Subjcet has "x"\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run(['check', '.', '--changed-since', 'HEAD']);
      expect(r.err).toContain('0 of 1 rule file(s) ok');
      expect(r.err).toContain('b.kql:1:21 error bind-unknown-column');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('kqlite test --update', () => {
  it('writes the actual count and rows into failing cases, keeps comments, and the file then passes', async () => {
    const dir = fixture({
      'rule.kql': RULE,
      'u.test.yaml': `# a comment that stays
rule: rule.kql
now: 2026-11-20T12:00:00Z
defaults:
  UrlClickEvents: { ActionType: ClickBlocked, Workload: Email }
cases:
  - name: stale expectation   # so does this one
    data:
      UrlClickEvents: [ { Timestamp: now-1h, AccountUpn: a@contoso.com }, { Timestamp: now-2h, AccountUpn: b@contoso.com } ]
    expect:
      count: 1
      rows: [ { AccountUpn: z@contoso.com } ]
`,
    });
    const r = await run(['test', dir, '--update'], { CI: undefined });
    expect(r.code).toBe(0);
    expect(r.out).toContain('UPDATED stale expectation');
    const text = readFileSync(join(dir, 'u.test.yaml'), 'utf8');
    expect(text).toContain('# a comment that stays');
    expect(text).toContain('# so does this one');
    expect(text).toContain('count: 2');
    expect(text).toContain('{ AccountUpn: a@contoso.com }');
    expect(text).toContain('{ AccountUpn: b@contoso.com }');
    expect((await run(['test', dir])).out).toMatch(/^1 passed, 0 failed$/m);
  });

  it('is refused on CI', async () => {
    const r = await run(['test', '.', '--update'], { CI: 'true' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('never runs on CI');
  });
});

describe('kqlite test --mutate', () => {
  it('reports a survivor with its position, and --min-score fails below the score', async () => {
    const dir = fixture({
      'rule.kql': RULE,
      'weak.test.yaml': `rule: rule.kql
now: 2026-11-20T12:00:00Z
cases:
  - name: a blocked mail click fires
    data:
      UrlClickEvents: [ { Timestamp: now-1h, ActionType: ClickBlocked, Workload: Email, AccountUpn: a@contoso.com } ]
    expect: { rows: [ { AccountUpn: a@contoso.com } ] }
  - name: an allowed click does not
    data:
      UrlClickEvents: [ { Timestamp: now-1h, ActionType: ClickAllowed, Workload: Email } ]
    expect: { fires: false }
`,
    });
    const r = await run(['test', '--mutate', join(dir, 'rule.kql'), dir, '--min-score', '100']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`rule.kql:3:1 no test fails when \`| where Workload == 'Email'\` is removed`);
    expect(r.out).toContain("no test fails when `==` in `Workload == 'Email'` becomes `=~`");
    expect(r.out).not.toContain("`| where ActionType == 'ClickBlocked'` is removed");
    expect(r.err).toContain('is below --min-score 100');
  });

  it('the shipped example tests kill every mutant of the seed rules', async () => {
    for (const rule of ['safelinks-url-block-trigger.kql', 'malicious-clicks-allowed.yaml', 'link-target-t1608-005.kql']) {
      const r = await run(['test', '--mutate', join(root, 'examples/rules', rule), join(root, 'examples/tests'), '--min-score', '100']);
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toMatch(/ 0 survived, /);
    }
  }, 60_000);
});

describe('a real spawn', () => {
  it('kqlite --version and test --reporter junit from a child process', () => {
    const entry = `import('${join(root, 'src/cli.ts')}').then(async (m) => { process.exitCode = await m.main(process.argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: false, stdin: () => '' }); })`;
    const spawn = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', '-e', entry, '--', ...args], { encoding: 'utf8', cwd: root });
    const v = spawn('--version');
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const dir = fixture({ 'rule.kql': RULE, 'r.test.yaml': TESTS });
    const r = spawn('test', dir, '--reporter', 'junit');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('<testsuites');
    expect(r.stderr).toMatch(/^1 passed, 1 failed$/m);
  }, 60_000);
});

describe('kqlite test --watch and --init', () => {
  it('--watch reruns when the rule file changes (spawned, then interrupted)', async () => {
    const dir = fixture({ 'rule.kql': RULE, 'r.test.yaml': TESTS.replace('count: 2', 'count: 1') });
    const { spawn } = await import('node:child_process');
    const entry = `import('${join(root, 'src/cli.ts')}').then(async (m) => { process.exitCode = await m.main(process.argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: false, stdin: () => '' }); })`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', entry, '--', 'test', dir, '--watch'], { cwd: root });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 300 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      return re.test(out);
    };
    try {
      expect(await waitFor(/2 passed, 0 failed[\s\S]*watching/)).toBe(true);
      // The rule now also requires Workload 'Teams': the first case's email click no longer matches.
      writeFileSync(join(dir, 'rule.kql'), RULE.replace("'Email'", "'Teams'"));
      expect(await waitFor(/change detected[\s\S]*0 passed, 2 failed/)).toBe(true);
    } finally {
      child.kill('SIGINT');
    }
  }, 60_000);

  it('--init writes a starter file with the tables the rule reads; --from turns an export into a case', async () => {
    const dir = fixture({
      'rule.kql': RULE,
      'export.csv': 'ExportNote,Timestamp,ActionType,Workload,AccountUpn\nt1,2026-11-20T10:00:00Z,ClickBlocked,Email,a@contoso.com\nt1,2026-11-20T10:05:00Z,ClickAllowed,Email,b@contoso.com\n',
    });
    const a = await run(['test', '--init', join(dir, 'rule.kql'), '--now', '2026-11-20T12:00:00Z']);
    expect(a.code, a.err).toBe(0);
    const starter = readFileSync(join(dir, 'rule.test.yaml'), 'utf8');
    expect(starter).toContain('rule: rule.kql');
    expect(starter).toContain('UrlClickEvents:');
    const b = await run(['test', '--init', join(dir, 'rule.kql'), '--from', join(dir, 'export.csv'), '--out', join(dir, 'from.test.yaml')]);
    expect(b.code, b.err).toBe(0);
    const fromText = readFileSync(join(dir, 'from.test.yaml'), 'utf8');
    expect(fromText).toContain('now: 2026-11-20T10:06:00Z');
    expect(fromText).not.toContain('ExportNote');
    expect(fromText).toContain('count: 1');
    expect((await run(['test', join(dir, 'from.test.yaml')])).out).toMatch(/^1 passed, 0 failed$/m);
    expect((await run(['test', '--init', join(dir, 'rule.kql')])).code).toBe(1); // exists already
  });
});

describe('kqlite test --changed-since', () => {
  it('runs only the tests whose test file or rule changed', async () => {
    const dir = fixture({ 'a.kql': RULE, 'b.kql': RULE, 'a.test.yaml': TESTS.replace('rule.kql', 'a.kql'), 'b.test.yaml': TESTS.replace('rule.kql', 'b.kql') });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'x');
    writeFileSync(join(dir, 'b.kql'), RULE + '| take 5\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run(['test', '.', '--changed-since', 'HEAD']);
      expect(r.out).toContain('b.test.yaml');
      expect(r.out).not.toContain('a.test.yaml');
      expect(r.out).toMatch(/^1 passed, 1 failed$/m);
    } finally {
      process.chdir(cwd);
    }
  });
});
