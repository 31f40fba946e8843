// The rule-test view: a `*.test.yaml` in a YAML editor, run by the CLI's own runner in the query worker; the output
// is `kqlite test`'s: PASS/FAIL per case with the diff of expected against actual rows, then "N passed, M failed".
import { ansiToElements } from './ansi';
import type { RuleTestReply } from './protocol';

const shipped = import.meta.glob('../../examples/tests/**/*.test.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** Shipped tests by their path under examples/tests (they run there: their `rule: ../rules/…` paths resolve). */
export const shippedTests: readonly { name: string; load: () => Promise<string> }[] = Object.entries(shipped)
  .map(([path, load]) => ({ name: path.replace(/^.*examples\/tests\//, ''), load }))
  .sort((a, b) => a.name.localeCompare(b.name));

export const STARTER_TEST = `# A rule test as \`kqlite test\` reads it (format: README "Rule tests").
# rule: editor.kql is the query in the editor; shipped rules are at ../rules/<name>.kql.
query: |
  UrlClickEvents
  | where ActionType == "ClickBlocked" and Workload == "Email"
  | project Timestamp, AccountUpn, Url
now: 2026-11-20T12:00:00Z
data:
  UrlClickEvents:
    - { Timestamp: now-2h, ActionType: ClickBlocked, Workload: Email, AccountUpn: a@contoso.com, Url: "https://bit.ly/x" }
    - { Timestamp: now-1h, ActionType: ClickBlocked, Workload: Teams, AccountUpn: b@contoso.com, Url: "https://bit.ly/y" }
cases:
  - name: a blocked mail click fires once
    expect:
      count: 1
      rows: [ { AccountUpn: a@contoso.com } ]
  - name: Teams clicks do not fire
    replace: { UrlClickEvents: [ { Timestamp: now-1h, ActionType: ClickBlocked, Workload: Teams } ] }
    expect: { fires: false }
`;

function line(text: string, cls = ''): HTMLElement {
  const div = document.createElement('div');
  div.className = `test-line ${cls}`.trim();
  div.append(...ansiToElements(text));
  return div;
}

export function showTestReport(host: HTMLElement, summary: HTMLElement, reply: RuleTestReply): void {
  const out: HTMLElement[] = [];
  for (const e of reply.errors) for (const l of e.split('\n')) out.push(line(l, 'ansi-red'));
  if (reply.errors.length > 0) out.push(line('FAIL the test file has errors (above); its cases did not run', 'ansi-red'));
  for (const c of reply.cases) {
    const head = document.createElement('div');
    head.className = `test-case ${c.passed ? 'pass' : 'fail'}`;
    head.dataset.case = c.name;
    const badge = document.createElement('span');
    badge.className = 'kq-badge';
    badge.textContent = c.passed ? 'PASS' : 'FAIL';
    const where = document.createElement('span');
    where.className = 'kq-muted';
    where.textContent = `  line ${c.line} · ${c.ms.toFixed(0)} ms`;
    head.append(badge, ` ${c.name}`, where);
    out.push(head);
    for (const l of c.failure) out.push(line(`    ${l}`));
  }
  host.replaceChildren(...out);
  summary.textContent = `${reply.passed} passed, ${reply.failed} failed`;
  summary.className = `kq-status ${reply.failed > 0 ? 'bad' : 'good'}`;
}
