// `--param Name=value` (src/cli/data-options.ts): values of a query's declare query_parameters on the command line.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
  return { code, out, err };
}

const q = 'declare query_parameters(n:long, d:timespan = 1h); print total = n * 2, d';

describe('kqlite run --param', () => {
  it('reads each value as the declared type', async () => {
    const r = await run(['run', '--query', q, '--param', 'n=21', '--param', 'd=2d', '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).rows).toEqual([[42, '2.00:00:00']]);
  });

  it('a missing value names the parameter and the option', async () => {
    const r = await run(['run', '--query', q]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("query parameter 'n' (long) has no value and no default: pass it with --param n=...");
  });

  it('text that is not the declared type fails with the name', async () => {
    const r = await run(['run', '--query', q, '--param', 'n=many']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("query parameter 'n' is declared long");
  });

  it('a malformed --param is a usage error', async () => {
    const r = await run(['run', '--query', q, '--param', 'oops']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--param takes Name=value, got 'oops'");
  });
});
