// `npm run web` / `npm run build:web` from the repository root: web/ is its own package, so its dependencies
// (Vite, Monaco, vega-embed...) are installed from web/package-lock.json the first time, and again when the lock
// changes; otherwise this does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const lock = `${web}/package-lock.json`;
const installed = `${web}/node_modules/.package-lock.json`;
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('installing the playground\'s dependencies (web/package-lock.json)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: web, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
