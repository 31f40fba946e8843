// The CLI end to end: main() with captured output for every command and format, and one real spawn of bin/kqlite.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const rules = join(root, 'examples/rules');

async function run(args: string[], stdin = '', isTTY = false) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY, stdin: () => stdin });
  return { code, out, err };
}

describe('kqlite run', () => {
  it('runs every seed rule on the bundled data', async () => {
    for (const f of ['link-target-t1608-005.kql', 'malicious-clicks-allowed.kql', 'malicious-clicks-allowed.yaml', 'safelinks-url-block-trigger.kql', 'safelinks-url-block-trigger.sentinel.kql']) {
      const r = (await run(['run', join(rules, f), '--format', 'json']));
      expect(r.code, `${f}: ${r.err}`).toBe(0);
      const json = JSON.parse(r.out) as { columns: unknown[]; rows: unknown[][] };
      expect(json.rows.length).toBeGreaterThan(0);
      expect(r.err).toMatch(/\(\d+ rows?, query \d+ ms, data loaded in \d+ ms\)/);
    }
  });

  it('the YAML rule and the .kql rule give the same result', async () => {
    const a = (await run(['run', join(rules, 'malicious-clicks-allowed.kql'), '--format', 'json']));
    const b = (await run(['run', join(rules, 'malicious-clicks-allowed.yaml'), '--format', 'json']));
    expect(a.out).toBe(b.out);
  });

  it('prints json, ndjson, csv and table formats', async () => {
    const q = ['run', '--query', 'datatable(a:long, s:string, d:datetime)[1, "x,y", datetime(2026-01-02), 2, "z", datetime(null)]'];
    expect(JSON.parse((await run([...q, '--format', 'json'])).out)).toEqual({
      columns: [{ name: 'a', type: 'long' }, { name: 's', type: 'string' }, { name: 'd', type: 'datetime' }],
      rows: [[1, 'x,y', '2026-01-02T00:00:00.0000000Z'], [2, 'z', null]],
    });
    expect((await run([...q, '--format', 'ndjson'])).out.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { a: 1, s: 'x,y', d: '2026-01-02T00:00:00.0000000Z' },
      { a: 2, s: 'z', d: null },
    ]);
    expect((await run([...q, '--format', 'csv'])).out).toBe('a,s,d\r\n1,"x,y",2026-01-02T00:00:00.0000000Z\r\n2,z,\r\n');
    const table = (await run(q)).out.split('\n');
    expect(table[0]).toMatch(/^a\s+\| s\s+\| d$/);
    expect(table[2]).toMatch(/^1\s+\| x,y\s+\| 2026-01-02T00:00:00.0000000Z$/);
  });

  it('writes --out files and reads the query from stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-'));
    const out = join(dir, 'r.json');
    expect((await run(['run', '-', '--format', 'json', '--out', out], 'print x = 1')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).rows).toEqual([[1]]);
  });

  it('reports a query error with file:line:col, the line and a caret, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-'));
    const f = join(dir, 'bad.kql');
    writeFileSync(f, 'EmailEvents\n| where Subjcet has "x"\n');
    const r = (await run(['run', f]));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f}:2:9 error bind-unknown-column unknown column 'Subjcet'`);
    expect(r.err).toContain("  | where Subjcet has \"x\"\n          ^^^^^^^");
    expect(r.err).toContain("did you mean 'Subject'?");
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('maps positions in a rule YAML back to the YAML file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-'));
    const f = join(dir, 'rule.yaml');
    writeFileSync(f, 'id: x\nname: y\nquery: |\n  UrlClickEvents\n  | where ActionTyp == "ClickBlocked"\nversion: 1\n');
    const r = (await run(['check', f]));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f}:5:11 error bind-unknown-column`);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['run'])).code).toBe(2);
    expect((await run(['run', '--query', 'print 1', '--format', 'xml'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['run', 'no-such-file.kql'])).code).toBe(2);
  });

  it('data errors name file:line:column and the value, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'EmailEvents.ndjson'), '{"Subject":"ok"}\n{"Subject":"x","Timestamp":"not a date"}\n');
    const r = (await run(['run', '--query', 'EmailEvents | count', '--data', join(dir, 'data')]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/EmailEvents\.ndjson:2:\d+: column 'Timestamp' \(datetime\)/);
    expect(r.err).toContain('"not a date"');
    const lenient = (await run(['run', '--query', 'EmailEvents | count', '--data', join(dir, 'data'), '--lenient', '--format', 'json']));
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.out).rows).toEqual([[2]]);
    expect(lenient.err).toContain('bad value');
  });
});

describe('charts', () => {
  it('--chart writes an SVG for a rendered seed rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-'));
    const svg = join(dir, 'c.svg');
    const r = await run(['run', join(rules, 'malicious-clicks-allowed.kql'), '--chart', svg]);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('2026-10-21');
  });

  it('--chart without render is a clear error', async () => {
    const r = await run(['run', '--query', 'print 1', '--chart', join(tmpdir(), 'x.svg')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--chart needs a query that ends with 'render'");
  });

  it('a terminal gets a sparkline under the table', async () => {
    const r = await run(['run', '--query', 'range x from 1 to 4 step 1 | extend y = x * x | render linechart'], '', true);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/y\s+▁\S*█/);
  });
});

describe('kqlite test', () => {
  it('runs the shipped rule tests', async () => {
    const r = await run(['test', join(root, 'examples/tests')]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('a failing case exits 1 with a diff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-'));
    writeFileSync(
      join(dir, 'x.test.yaml'),
      'query: |\n  datatable(a:long)[1, 2] | where a > 1\nnow: 2026-11-20T12:00:00Z\ncases:\n  - name: wrong\n    expect:\n      rows:\n        - { a: 3 }\n',
    );
    const r = await run(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 passed, 1 failed');
  });
});

describe('kqlite check and explain', () => {
  it('check passes the seed rules', async () => {
    const r = (await run(['check', rules]));
    expect(r.code).toBe(0);
    // Every rule file under examples/rules (the seeds and the hunting rules), counted here rather than hard-coded.
    const count = countRuleFiles(rules);
    expect(count).toBeGreaterThanOrEqual(23);
    expect(r.err).toContain(`${count} of ${count} rule file(s) ok`);
  });

  it('explain --plan prints the plan with schemas', async () => {
    const r = (await run(['explain', '--plan', '--query', 'EmailEvents | where Subject has "x" | project Subject']));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Project\(project\) Subject → \[Subject:string\]\n  Filter has\(Subject, "x"\)/);
  });

  it('explain prints the steps in order, as written, with the columns they change', async () => {
    const r = await run(['explain', '--now', '2026-11-20T12:00:00Z', '--query', 'EmailUrlInfo | where Timestamp > ago(1d) | extend Host = tostring(parse_url(Url).Host) | project Host']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('EmailUrlInfo');
    expect(lines[2]).toBe('| where Timestamp > ago(1d)');
    // By hand: --now minus one day.
    expect(lines[3]).toBe('    ago(1d) = 2026-11-19T12:00:00Z');
    expect(lines[4]).toBe('| extend Host = tostring(parse_url(Url).Host)');
    expect(lines[5]).toBe('    + Host: string');
    expect(lines[6]).toBe('| project Host');
    expect(lines[7]).toBe('    → 1 column(s): Host: string');
    expect(lines[8]).toBe('result: 1 column(s): Host: string');
  });
});

describe('the installed command (spawned)', () => {
  const kqlite = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/kqlite.js'), ...args], { encoding: 'utf8' });

  it('runs every seed rule on the bundled data in every format', () => {
    for (const f of ['link-target-t1608-005.kql', 'malicious-clicks-allowed.yaml', 'safelinks-url-block-trigger.sentinel.kql']) {
      for (const format of ['table', 'json', 'ndjson', 'csv']) {
        const r = kqlite(['run', join(rules, f), '--format', format]);
        expect(r.status, `${f} ${format}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
    }
  });

  it('exit codes: 1 for a bad rule (with position, no stack trace), 2 for usage, 0 for check on good rules', () => {
    const bad = kqlite(['run', '--query', 'EmailEvents | wher Subject has "x"']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^query:1:15 error syntax-/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(kqlite(['run', '--format', 'xml', '--query', 'print 1']).status).toBe(2);
    expect(kqlite(['check', rules]).status).toBe(0);
  });

  it('writes the SVG chart of a rendered rule', () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'kqlite-')), 'c.svg');
    const r = kqlite(['run', join(rules, 'malicious-clicks-allowed.kql'), '--chart', svg]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[^>]*>/);
  });

  it('bin/kqlite.js runs a seed rule (needs `npm run build`, which npm ci runs)', async () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/kqlite.js'), 'run', join(rules, 'safelinks-url-block-trigger.kql'), '--format', 'json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).columns[0]).toEqual({ name: 'Timestamp', type: 'datetime' });
  });
});


describe('mistakes users make', () => {
  it('an invalid --now and a missing data folder are usage errors', async () => {
    expect((await run(['run', '--query', 'print 1', '--now', 'yesterday'])).code).toBe(2);
    expect((await run(['run', '--query', 'print 1', '--data', '/no/such/folder'])).code).toBe(2);
  });

  it('a function refusing its argument is a query error at the call, not an internal error', async () => {
    const r = await run(['run', '--query', 'print datetime_add("weeks", 1, now())']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/query:1:7 error runtime-error datetime_add\(\): .*weeks/);
    expect(r.err).not.toContain('internal error');
  });

  it('an unwritable --out is a clear usage error', async () => {
    const r = await run(['run', '--query', 'print 1', '--out', '/no/such/dir/x.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot write /no/such/dir/x.csv');
  });
});

function countRuleFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countRuleFiles(join(dir, e.name));
    else if (/\.(kql|ya?ml)$/.test(e.name) && !/\.test\.ya?ml$/.test(e.name)) n++;
  }
  return n;
}
