// Data mistakes through the command line (issue #19): one-line messages and exit codes, never "internal error";
// --strict; --lenient counts; a reader that closes the pipe early ends the command quietly.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function run(args: string[], out?: (s: string) => void) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: out ?? ((s) => (stdout += s)), err: (s) => (stderr += s), isTTY: false, stdin: () => '' });
  return { code, out: stdout, err: stderr };
}

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-cli-data-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('data mistakes on the command line', () => {
  it('a file named like a table in another case: a warning, or with --strict an error (exit 1)', async () => {
    const dir = folder({ 'urlclickevents.ndjson': '{"Url":"x"}\n' });
    const loose = await run(['run', '--query', 'print 1', '--data', dir, '--format', 'json']);
    expect(loose.code).toBe(0);
    expect(loose.err).toMatch(/^kqlite: warning: .*urlclickevents\.ndjson: defines a new table 'urlclickevents' from its values; did you mean 'UrlClickEvents'\?/m);
    const strict = await run(['run', '--query', 'print 1', '--data', dir, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/urlclickevents\.ndjson: defines a new table .* \(--strict\)\n$/);
    expect(strict.err).not.toMatch(/internal error/);
  });

  it('a folder given as the rule file is a usage error (exit 2) in one line', async () => {
    const r = await run(['run', folder({})]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('kqlite: a folder was given where a file is expected\n');
  });

  it('--data naming a file, a schema file holding an object, invalid UTF-8: one line each, exit 1', async () => {
    const dir = folder({ 'x.csv': 'a\n1\n' });
    const file = await run(['run', '--query', 'print 1', '--data', join(dir, 'x.csv')]);
    expect(file.code).toBe(1);
    expect(file.err).toMatch(/x\.csv: is a file; --data takes a folder of table files\n$/);
    const schema = await run(['run', '--query', 'print 1', '--data', folder({ 'T.schema.json': '{"a":"long"}' })]);
    expect(schema.code).toBe(1);
    expect(schema.err).toMatch(/T\.schema\.json:1:1: a schema is a list of \{"name": …, "type": …\} columns, not an object\n$/);
    const bytes = Uint8Array.from([...Buffer.from('a\nb'), 0xfe, ...Buffer.from('\n')]);
    const utf8 = await run(['run', '--query', 'T', '--data', folder({ 'T.csv': bytes })]);
    expect(utf8.code).toBe(1);
    expect(utf8.err).toMatch(/T\.csv:2:2: invalid UTF-8 \(bytes fe 0a\)/);
    const lenient = await run(['run', '--query', 'T', '--data', folder({ 'T.csv': bytes }), '--lenient', '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.out).rows).toEqual([['b\uFFFD']]);
    expect(lenient.err).toContain('kqlite: T: 1 invalid UTF-8 sequence(s) replaced by U+FFFD (--lenient)');
  });

  it('a folder named like a table file', async () => {
    const dir = folder({});
    mkdirSync(join(dir, 'EmailEvents.csv'));
    const r = await run(['run', '--query', 'print 1', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/EmailEvents\.csv: is a folder \(or not a regular file\), named like a table file\n$/);
  });
});

describe('a closed output pipe ends the command quietly', () => {
  it('main(): a write failing with EPIPE returns the exit code, with nothing on stderr', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
    const r = await run(['run', '--query', 'range x from 1 to 3 step 1', '--format', 'csv'], () => {
      throw epipe;
    });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  const bin = new URL('../../bin/kqlite.js', import.meta.url).pathname;
  const built = existsSync(new URL('../../dist/src/cli.js', import.meta.url).pathname);
  it.skipIf(!built)('bin/kqlite.js: `| head -1` closes the pipe; exit 0, no stack trace (needs npm run build)', async () => {
    const child = spawn(process.execPath, [bin, 'run', '--query', 'range x from 1 to 300000 step 1', '--format', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 60_000);
});
