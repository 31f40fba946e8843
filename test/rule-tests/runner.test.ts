// The rule-test runner (src/node/rule-test.ts): passing and failing cases, the diff it prints, and file:line
// errors for broken test files. Failing fixtures are written to a temporary folder so that `kqlite test` over the
// repository never picks them up.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../src/node/rule-test.js';

const root = new URL('../../', import.meta.url).pathname;
const rule = join(root, 'examples/rules/safelinks-url-block-trigger.kql');

function run(paths: string[], color = false) {
  let out = '';
  let err = '';
  const code = runRuleTests(paths, { out: (s) => (out += s), err: (s) => (err += s), color });
  return { code, out, err };
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-rule-tests-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const summary = (out: string) => out.trim().split('\n').at(-1);

describe('rule-test runner: the shipped examples', () => {
  it('runs every examples/**/*.test.yaml and they all pass', () => {
    const r = run([join(root, 'examples')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(summary(r.out)).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(/^(\d+) passed/.exec(summary(r.out)!)![1])).toBeGreaterThanOrEqual(50);
    expect(r.out).not.toContain('FAIL');
  });
});

describe('rule-test runner: results and diffs', () => {
  const dir = fixture({
    'a.test.yaml': `rule: ${rule}
now: 2026-11-20T12:00:00Z
defaults:
  UrlClickEvents: { ActionType: ClickBlocked, Workload: Email }
cases:
  - name: passes
    data:
      UrlClickEvents:
        - { Timestamp: now-1h, AccountUpn: a@contoso.com, NetworkMessageId: m1 }
      EmailEvents:
        - { NetworkMessageId: m1, Subject: Hello }
    expect:
      rows:
        - { Timestamp: 2026-11-20T11:00:00Z, AccountUpn: a@contoso.com, Subject: Hello }
  - name: wrong cell, missing row, unexpected row
    data:
      UrlClickEvents:
        - { Timestamp: now-1h, AccountUpn: a@contoso.com, NetworkMessageId: m1 }
        - { Timestamp: now-2h, AccountUpn: b@contoso.com, NetworkMessageId: m2 }
      EmailEvents:
        - { NetworkMessageId: m1, Subject: Hello }
    expect:
      rows:
        - { AccountUpn: a@contoso.com, Subject: Hi }
        - { AccountUpn: z@contoso.com, Subject: Nope }
  - name: fires but should not
    data:
      UrlClickEvents:
        - { Timestamp: now-1h, AccountUpn: c@contoso.com }
    expect:
      fires: false
      count: 0
`,
  });
  const r = run([dir]);

  it('prints PASS / FAIL per case and the summary line, exit code 1', () => {
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}PASS passes$/m);
    expect(r.out).toMatch(/^ {2}FAIL wrong cell, missing row, unexpected row {2}\(.*a\.test\.yaml:15\)$/m);
    expect(r.out).toMatch(/^ {2}FAIL fires but should not/m);
    expect(summary(r.out)).toBe('1 passed, 2 failed');
  });

  it('shows changed cells, missing and unexpected rows with the line of each expected row', () => {
    expect(r.out).toContain('expected 2 row(s), got 2: 1 missing, 1 changed, 1 unexpected');
    expect(r.out).toMatch(/~ changed {5}\{ AccountUpn: "a@contoso.com", Subject: "Hi" \} {2}\(.*a\.test\.yaml:24\)/);
    expect(r.out).toContain('Subject: expected "Hi", got "Hello"');
    expect(r.out).toMatch(/- missing {5}\{ AccountUpn: "z@contoso.com", Subject: "Nope" \} {2}\(.*a\.test\.yaml:25\)/);
    // Unexpected rows are shown with the columns the expectations name.
    expect(r.out).toContain('+ unexpected  { AccountUpn: "b@contoso.com", Subject: "" }');
  });

  it('lists the rows of a rule that fires when it should not', () => {
    expect(r.out).toContain('expected the rule not to fire, got 1 row(s):');
    expect(r.out).toContain('+ { Timestamp: "2026-11-20T11:00:00.0000000Z", AccountUpn: "c@contoso.com", Product: "Email"');
    expect(r.out).toContain('expected 0 row(s), got 1');
  });

  it('colours only when asked', () => {
    expect(r.out).not.toContain('\x1b[');
    expect(run([dir], true).out).toContain('\x1b[31mFAIL');
  });
});

describe('rule-test runner: order, contains, columns, data sources', () => {
  const dir = fixture({
    'data/dataset.json': '{"name":"mini","now":"2026-11-20T12:00:00Z"}',
    'data/UrlClickEvents.ndjson': '{"Timestamp":"2026-11-20T10:00:00Z","ActionType":"ClickBlocked","Workload":"Email","AccountUpn":"folder@contoso.com"}\n',
    'o.test.yaml': `query: |
  datatable(k: long, v: string) [3, "c", 1, "a", 2, "b", 2, "bb"]
  | sort by k asc
now: 2026-11-20T12:00:00Z
cases:
  - name: ties in any order under key ordering
    expect:
      ordered: [k]
      rows: [ { k: 1 }, { k: 2, v: bb }, { k: 2, v: b }, { k: 3 } ]
  - name: positional order fails
    expect:
      ordered: true
      rows: [ { k: 3 }, { k: 2 }, { k: 2 }, { k: 1 } ]
  - name: contains and columns
    expect:
      columns: [k, v]
      contains: [ { v: bb }, { k: 3, v: c } ]
  - name: columns differ
    expect:
      columns: [v, k, w]
  - name: append filters the rule
    append: "| where k > 1"
    expect: { count: 3 }
`,
    'folder.test.yaml': `rule: ${rule}
data: ./data
cases:
  - name: folder data and its now; a case adds a row; relative times
    data:
      UrlClickEvents:
        - { Timestamp: now-30m, ActionType: ClickBlocked, Workload: Email, AccountUpn: added@contoso.com }
    expect:
      rows:
        - { AccountUpn: folder@contoso.com, Timestamp: now-2h }
        - { AccountUpn: added@contoso.com, Timestamp: 2026-11-20T11:30:00Z }
  - name: replace empties the table
    replace: { UrlClickEvents: [] }
    expect: { fires: false }
`,
  });
  const r = run([dir]);

  it('passes key ordering with ties, contains, append, folder data, replace', () => {
    for (const name of ['ties in any order under key ordering', 'contains and columns', 'append filters the rule', 'folder data and its now; a case adds a row; relative times', 'replace empties the table']) {
      expect(r.out).toContain(`PASS ${name}`);
    }
  });

  it('reports a positional order mismatch', () => {
    expect(r.out).toContain('FAIL positional order fails');
    expect(r.out).toContain('the rows are all there, but 2 position(s) hold a different row');
    expect(r.out).toContain('~ row 1: expected { k: 3 }');
  });

  it('reports column differences', () => {
    expect(r.out).toContain('FAIL columns differ');
    expect(r.out).toContain('- expected  v, k, w');
    expect(r.out).toContain('+ actual    k, v');
    expect(r.out).toContain('missing: w');
    expect(summary(r.out)).toBe('5 passed, 2 failed');
  });
});

describe('rule-test runner: errors in test files name file:line:col', () => {
  it('bad YAML', () => {
    const dir = fixture({ 'y.test.yaml': 'rule: x\ncases: [\n  - a\n' });
    const r = run([dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/y\.test\.yaml:\d+:\d+: error: not valid YAML/);
    expect(summary(r.out)).toBe('0 passed, 1 failed');
  });

  it('unknown keys with did-you-mean, a missing rule file, a case without expect', () => {
    const dir = fixture({
      'k.test.yaml': `rule: ../nope.kql
now: 2026-11-20T12:00:00Z
dta: {}
cases:
  - name: x
    expcet: { fires: true }
  - name: y
    expect: { fire: true }
`,
    });
    const r = run([dir]);
    expect(r.err).toMatch(/k\.test\.yaml:1:7: error: rule file not found: \.\.\/nope\.kql/);
    expect(r.err).toMatch(/k\.test\.yaml:3:1: error: unknown key 'dta' in the test file\n {2}= did you mean 'data'\?/);
    expect(r.err).toMatch(/k\.test\.yaml:6:5: error: unknown key 'expcet' in case 1\n {2}= did you mean 'expect'\?/);
    expect(r.err).toMatch(/k\.test\.yaml:5:5: error: case 'x' has no 'expect'/);
    expect(r.err).toMatch(/k\.test\.yaml:8:15: error: unknown key 'fire' in the 'expect' of case 'y'\n {2}= did you mean 'fires'\?/);
    expect(r.code).toBe(1);
  });

  it('bad row values, unknown columns and tables, missing now', () => {
    const dir = fixture({
      'v.test.yaml': `rule: ${rule}
data:
  UrlClickEvents:
    - { Timestamp: yesterday, IsClickedThrough: maybe, Url: 42 }
    - { Timestmp: 2026-11-20T00:00:00Z }
  UrlClickEvent: []
cases:
  - name: x
    expect: { fires: true }
`,
    });
    const r = run([dir]);
    expect(r.err).toMatch(/v\.test\.yaml:8:5: error: case 'x' has no 'now'/);
    const dir2 = fixture({ 'v.test.yaml': `now: 2026-11-20T12:00:00Z\nrule: ${rule}
data:
  UrlClickEvents:
    - { Timestamp: yesterday, IsClickedThrough: maybe, Url: 42 }
    - { Timestmp: 2026-11-20T00:00:00Z }
  UrlClickEvent: []
cases:
  - name: x
    expect: { fires: true }
` });
    const r2 = run([dir2]);
    expect(r2.err).toMatch(/v\.test\.yaml:5:20: error: 'UrlClickEvents'\.Timestamp \(datetime\): expected an ISO-8601 datetime: "yesterday"/);
    expect(r2.err).not.toMatch(/TimeGenerated \(datetime\)/); // the mirrored column is not reported twice
    expect(r2.err).toMatch(/v\.test\.yaml:5:49: error: 'UrlClickEvents'\.IsClickedThrough \(bool\): expected true or false: "maybe"/);
    expect(r2.err).toMatch(/v\.test\.yaml:5:61: error: 'UrlClickEvents'\.Url \(string\): expected a string \(quote it: '42'\)/);
    expect(r2.err).toMatch(/v\.test\.yaml:6:9: error: unknown column 'Timestmp'\n {2}= did you mean 'Timestamp'\?/);
    expect(r2.err).toMatch(/v\.test\.yaml:7:3: error: unknown table 'UrlClickEvent'\n {2}= did you mean 'UrlClickEvents'\?/);
    expect(r2.out).toContain('has errors (see above); its cases did not run');
    expect(summary(r2.out)).toBe('0 passed, 1 failed');
  });

  it('an expected row naming a column the result lacks points at that key', () => {
    const dir = fixture({
      'e.test.yaml': `rule: ${rule}
now: 2026-11-20T12:00:00Z
cases:
  - name: x
    expect:
      rows:
        - { AccountUpn: a, AcountUpn: b }
`,
    });
    const r = run([dir]);
    expect(r.out).toMatch(/e\.test\.yaml:7:28: error in the expectation: expected row 1 names column 'AcountUpn', which the result does not have \(did you mean 'AccountUpn'\?/);
  });

  it('an expected value that does not fit its column points at the value', () => {
    const dir = fixture({
      'w.test.yaml': `rule: ${rule}
now: 2026-11-20T12:00:00Z
cases:
  - name: x
    expect:
      contains:
        - { Timestamp: soon }
`,
    });
    const r = run([dir]);
    expect(r.out).toMatch(/w\.test\.yaml:7:24: error in the expectation: expected row 1, column 'Timestamp' \(datetime\): expected an ISO-8601 datetime: "soon"/);
  });

  it('query errors point into the inline query and the append text of the test file', () => {
    const dir = fixture({
      'q.test.yaml': `query: |
  UrlClickEvents
  | project Timestamp, Bogus
now: 2026-11-20T12:00:00Z
cases:
  - name: bad column
    expect: { fires: true }
  - name: bad append
    query: UrlClickEvents
    append: |
      | where Nope == 1
    expect: { fires: true }
`,
    });
    const r = run([dir]);
    expect(r.out).toMatch(/q\.test\.yaml:3:24 error bind-unknown-column unknown column 'Bogus'/);
    expect(r.out).toMatch(/q\.test\.yaml:11:15 error bind-unknown-column unknown column 'Nope'/);
    expect(summary(r.out)).toBe('0 passed, 2 failed');
  });

  it('no test files is a failure', () => {
    const dir = fixture({ 'readme.md': '# nothing' });
    const r = run([dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no *.test.yaml files found');
  });
});
