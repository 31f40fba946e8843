// Builds the (partial) checkout the generator reads for one source, from a git clone of its repository, at exactly
// the commits scripts/catalogue/inputs.json lists — so anyone with the clones can rerun the generator and compare
// (`generate.ts --check`).
//
//   npx tsx scripts/catalogue/checkout.ts azureMonitor <git dir of MicrosoftDocs/azure-reference-other> <out dir>
//   npx tsx scripts/catalogue/checkout.ts defender     <git dir of MicrosoftDocs/defender-docs>          <out dir>
//   npx tsx scripts/catalogue/checkout.ts customTables <git dir of Azure/Azure-Sentinel (or a fork)>     <out dir>
//
// Azure Monitor: the azure-monitor-ref/tables folder at the manifest's commit. Defender and custom tables: each listed
// file at its own listed commit (the pages were read one at a time, at different commits).

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readManifest } from './generate.js';

function gitShow(gitDir: string, commit: string, path: string): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 64 * 1024 * 1024 });
}

function main(argv: readonly string[]): number {
  const [source, gitDir, out] = argv;
  if (!source || !gitDir || !out) {
    process.stderr.write('usage: checkout.ts azureMonitor|defender|customTables <git dir> <out dir>\n');
    return 2;
  }
  const manifest = readManifest();
  let files: [path: string, commit: string][];
  if (source === 'azureMonitor') {
    const commit = manifest.azureMonitor.commit;
    const list = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', commit, 'azure-monitor-ref/tables'], { encoding: 'utf8' });
    files = list.split('\n').filter(Boolean).map((p) => [p, commit]);
  } else if (source === 'defender') files = Object.entries(manifest.defender.pages);
  else if (source === 'customTables') files = Object.entries(manifest.customTables.files);
  else {
    process.stderr.write(`unknown source '${source}'\n`);
    return 2;
  }
  for (const [path, commit] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, gitShow(gitDir, commit, path));
  }
  process.stderr.write(`wrote ${files.length} file(s) under ${out}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
