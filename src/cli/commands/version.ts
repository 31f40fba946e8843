// The package version (package.json at the package root, from src/cli/commands or dist/src/cli/commands), for --version and reports.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function kqliteVersion(): string {
  for (const up of ['../..', '../../..']) {
    const p = resolve(here, '..', up, 'package.json');
    if (existsSync(p)) {
      const j = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (j.name === 'kqlite' && j.version) return j.version;
    }
  }
  return '0.0.0';
}
