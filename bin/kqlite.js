#!/usr/bin/env node
// Entry point of the `kqlite` command: the compiled CLI (built by `npm run build`, which `npm ci` runs via prepare).
import { readFileSync } from 'node:fs';
import { main } from '../dist/src/cli.js';

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stdin: () => readFileSync(0, 'utf8'),
});
process.exitCode = code;
