#!/usr/bin/env node
// Entry point of the `kqlite` command: the compiled CLI (built by `npm run build`, which `npm ci` runs via prepare).
import { readFileSync } from 'node:fs';
import { register } from 'node:module';

// Start-up is mostly module loading: load chevrotain as its one bundled file (see chevrotain-hook.mjs). `register`
// exists from Node 20.6; without it the CLI loads chevrotain the ordinary way.
if (typeof register === 'function') register('./chevrotain-hook.mjs', import.meta.url);
const { main } = await import('../dist/src/cli.js');

// The reader of our output may go away early (`kqlite run … | head -2`): stop quietly, as command-line tools do,
// rather than die on the write error with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stdin: () => readFileSync(0, 'utf8'),
});
process.exitCode = code;
