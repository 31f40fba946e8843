// The command line's limits (issue #19): --timeout, --max-rows, --max-memory reach the engine, a limit hit is a
// one-line positioned error with exit 1, a malformed value is a usage error with exit 2.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
  return { code, out, err };
}

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly err: RegExp;
}

const SLOW = 'range i from 1 to 100000000 step 1 | extend s = strcat("a", tostring(i)) | where s matches regex "a+b" | count';

const cases: readonly Case[] = [
  { name: '--timeout stops a long query', args: ['--query', SLOW, '--timeout', '1', '--max-memory', '100000'], code: 1, err: /query time \(ms\) exceeded the limit of 1000/ },
  { name: '--max-rows stops a join before building it', args: ['--query', 'let T = range i from 1 to 2000 step 1 | extend k = 1; T | join kind=inner (T) on k | count', '--max-rows', '1000000'], code: 1, err: /query:1:\d+ error runtime-limit rows produced by join exceeded the limit of 1000000/ },
  { name: '--max-rows stops a range', args: ['--query', 'range x from 1 to 1000000000000 step 1 | take 5', '--max-rows', '1000'], code: 1, err: /rows produced by range exceeded the limit of 1000/ },
  { name: '--max-memory stops an mv-expand', args: ['--query', 'range i from 1 to 1000 step 1 | extend a = range(1, 1000, 1) | mv-expand a | count', '--max-memory', '1'], code: 1, err: /mv-expand would build about \d+ bytes, over the memory budget of 1048576 bytes/ },
  { name: 'a malformed --timeout is a usage error', args: ['--query', 'print 1', '--timeout', 'soon'], code: 2, err: /--timeout/ },
  { name: 'a negative --max-rows is a usage error', args: ['--query', 'print 1', '--max-rows', '-5'], code: 2, err: /--max-rows/ },
];

describe('CLI limits', () => {
  it.each(cases)('$name', async ({ args, code, err }) => {
    const start = performance.now();
    const r = await run(['run', ...args]);
    expect(r.err).toMatch(err);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(r.code).toBe(code);
    expect(performance.now() - start).toBeLessThan(20_000);
  }, 60_000);
});
