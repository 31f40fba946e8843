// CLI start-up (issue 15): wall time of `kqlite check` on a tiny rule and of `kqlite run` on a small seed rule
// (the bundled contoso dataset), against `node -e 0`, run interleaved. It measures bin/kqlite.js as installed, i.e.
// the compiled dist/ (`npm run build` first, so dist/ matches the source).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmtMs, median } from './measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function measureCliStartup(runs: number, log: (s: string) => void): string {
  const bin = join(ROOT, 'bin', 'kqlite.js');
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli.js'))) return 'CLI start-up: dist/ is not built (`npm run build`), not measured.';
  const dir = mkdtempSync(join(tmpdir(), 'kqlite-cli-'));
  try {
    const tiny = join(dir, 'tiny.kql');
    writeFileSync(tiny, 'EmailEvents\n| where DeliveryAction == "Delivered"\n| take 5\n');
    const rule = join(ROOT, 'examples', 'rules', 'malicious-clicks-allowed.kql');
    const commands: [string, string[]][] = [
      ['node -e 0', ['-e', '0']],
      ['kqlite check tiny.kql', [bin, 'check', tiny]],
      ['kqlite run malicious-clicks-allowed.kql', [bin, 'run', rule, '--format', 'json']],
    ];
    const times = commands.map(() => [] as number[]);
    for (let round = -1; round < runs; round++) {
      commands.forEach(([name, args], j) => {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
        const ms = performance.now() - t0;
        if (r.status !== 0) throw new Error(`${name} exited with ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`);
        if (round >= 0) times[j]!.push(ms); // round -1 warms the file cache
      });
    }
    const base = median(times[0]!);
    const lines = commands.map(([name], j) => {
      const m = median(times[j]!);
      return `| \`${name}\` | ${fmtMs(m)} | ${fmtMs(Math.min(...times[j]!))}–${fmtMs(Math.max(...times[j]!))} | ${(m / base).toFixed(1)} |`;
    });
    const out = [`CLI start-up: wall time of ${runs} interleaved runs each (bin/kqlite.js over dist/).`, '', '| command | median ms | min–max ms | × node -e 0 |', '|---|---:|---:|---:|', ...lines].join('\n');
    log(out);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
