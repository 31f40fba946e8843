// `kqlite test --schemas DIR`: a rule over a table the catalogue lacks (a custom log) runs in rule tests when a
// schema folder declares it, as `run`, `check` and `explain` already allow.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function kqlite(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s: string) => (out += s), err: (s: string) => (err += s), isTTY: false, stdin: () => '' });
  return { code, out, err };
}

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-test-schemas-'));
  mkdirSync(join(dir, 'schemas'));
  writeFileSync(
    join(dir, 'schemas', 'MyApp_CL.schema.json'),
    JSON.stringify([
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'User_s', type: 'string' },
      { name: 'Failures_d', type: 'real' },
    ]),
  );
  // By hand: rows with Failures_d > 3 are bob (5) only; alice has 2.
  writeFileSync(
    join(dir, 'app.test.yaml'),
    [
      'query: |',
      '  MyApp_CL | where Failures_d > 3 | project User_s',
      'now: 2026-11-20T12:00:00Z',
      'data:',
      '  MyApp_CL:',
      '    - { TimeGenerated: 2026-11-20T10:00:00Z, User_s: alice, Failures_d: 2 }',
      '    - { TimeGenerated: 2026-11-20T11:00:00Z, User_s: bob, Failures_d: 5 }',
      'cases:',
      '  - name: only bob',
      '    expect:',
      '      rows:',
      '        - { User_s: bob }',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('kqlite test --schemas', () => {
  it('knows the declared tables, so the case runs and passes', async () => {
    const dir = fixture();
    const r = await kqlite(['test', join(dir, 'app.test.yaml'), '--schemas', join(dir, 'schemas')]);
    expect(r.out).toContain('1 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('without --schemas the table is unknown, and the message says how to declare it', async () => {
    const dir = fixture();
    const r = await kqlite(['test', join(dir, 'app.test.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/unknown table 'MyApp_CL'/);
    expect(r.out + r.err).toContain('--schemas DIR');
  });

  it('a missing schema folder is a usage error', async () => {
    const dir = fixture();
    const r = await kqlite(['test', join(dir, 'app.test.yaml'), '--schemas', join(dir, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no such schema folder');
  });
});
