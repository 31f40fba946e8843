// A module-resolution hook for the kqlite command (registered by bin/kqlite.js): `chevrotain` resolves to the
// single bundled ES module its package ships (lib/chevrotain.mjs, the same code with lodash-es inlined) instead of
// its package entry, which loads ~700 ES modules (lodash-es is one file per function). Loading modules is most of
// the command's start-up time; this one substitution removes about three quarters of the files it loads.
// When the bundled file is not where this version of chevrotain keeps it, resolution is left unchanged.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (specifier !== 'chevrotain' || !resolved.url.endsWith('/lib/src/api.js')) return resolved;
  const bundled = resolved.url.replace(/\/lib\/src\/api\.js$/, '/lib/chevrotain.mjs');
  return existsSync(fileURLToPath(bundled)) ? { url: bundled, format: 'module', shortCircuit: true } : resolved;
}
