// `kqlite serve` as a process: it starts, prints where it listens and the connection string, answers Microsoft's
// client, and stops cleanly on SIGTERM; a non-loopback --host without a token is refused before anything listens.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'azure-kusto-data';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { root, typedDir } from './helpers.js';

const runner = `import { main } from ${JSON.stringify(join(root, 'src/cli.ts'))};
process.exitCode = await main(process.argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: false, stdin: () => '' });`;

describe('kqlite serve (a real process)', () => {
  it('listens on a free loopback port, answers the client, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runner, 'serve', '--port', '0', '--data', typedDir, '--database', 'Probes'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line in 60 s:\n${err}`)), 60_000);
        child.stderr.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${err}`)));
      });
      expect(err).toContain(`connection string: Data Source=${url};Initial Catalog=Probes`);
      const client = new Client(`Data Source=${url};Initial Catalog=Probes`);
      try {
        const r = await client.execute('Probes', 'Probe | summarize n = count()');
        expect([...r.primaryResults[0]!.rows()][0]!.raw).toEqual([3]);
      } finally {
        client.close();
      }
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(err).toContain('kqlite serve: stopped');
      expect(err).toMatch(/POST \/v2\/rest\/query db=Probes 200 \d+ms 1 row\(s\)/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses a non-loopback --host without a token (exit 2, nothing listens)', async () => {
    let err = '';
    const saved = process.env.KQLITE_TOKEN;
    delete process.env.KQLITE_TOKEN;
    try {
      const code = await main(['serve', '--host', '0.0.0.0', '--port', '0', '--data', typedDir], { out: () => undefined, err: (s) => (err += s), isTTY: false, stdin: () => '' });
      expect(code).toBe(2);
      expect(err).toMatch(/^kqlite: refusing to listen on 0\.0\.0\.0 without a token/);
    } finally {
      if (saved !== undefined) process.env.KQLITE_TOKEN = saved;
    }
  });

  it('rejects a bad --port', async () => {
    let err = '';
    const code = await main(['serve', '--port', 'eighty'], { out: () => undefined, err: (s) => (err += s), isTTY: false, stdin: () => '' });
    expect(code).toBe(2);
    expect(err).toContain("--port takes a number from 0 to 65535, got 'eighty'");
  });
});
