// The schema catalogue generator: reads Microsoft's public table documentation and writes
// src/tables/catalogue/{tables,sources}.generated.ts.
//
//   npx tsx scripts/catalogue/generate.ts \
//     --azure-monitor <checkout of MicrosoftDocs/azure-reference-other at inputs.json's commit> \
//     --defender      <checkout of MicrosoftDocs/defender-docs holding the pages inputs.json lists> \
//     --custom-tables <checkout of Azure/Azure-Sentinel holding the files inputs.json lists> \
//     [--out src/tables/catalogue] [--check]
//
// What is read is fixed by scripts/catalogue/inputs.json (pages, files, commits, type overrides), so the output is a
// function of that manifest and the files' contents: the same inputs give the same bytes. `--check` compares instead
// of writing and exits 1 on any difference. Everything odd (unknown types, duplicates, pages not in the manifest...)
// is printed; nothing is guessed.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitColumns, emitSources, type Inputs } from './emit.js';
import { mergeSources } from './merge.js';
import { Findings } from './model.js';
import { DEFENDER_PAGE, readAzureMonitor, readCustomTables, readDefender, type TypeOverrides } from './read-sources.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Args {
  azureMonitor: string;
  defender: string;
  customTables: string;
  out: string;
  check: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> = { out: resolve(here, '../../src/tables/catalogue'), check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--azure-monitor') args.azureMonitor = value();
    else if (a === '--defender') args.defender = value();
    else if (a === '--custom-tables') args.customTables = value();
    else if (a === '--out') args.out = value();
    else if (a === '--check') args.check = true;
    else throw new Error(`unknown argument '${a}'`);
  }
  for (const k of ['azureMonitor', 'defender', 'customTables'] as const) {
    if (!args[k]) throw new Error(`missing --${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} <checkout>`);
    if (!existsSync(args[k]!)) throw new Error(`no such folder: ${args[k]}`);
  }
  return args as Args;
}

export interface Manifest extends Inputs {
  readonly typeOverrides: TypeOverrides;
}

export function readManifest(file = join(here, 'inputs.json')): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Runs the whole pipeline; returns the two generated files' text and the findings. */
export function generate(args: Pick<Args, 'azureMonitor' | 'defender' | 'customTables'>, manifest: Manifest) {
  const findings = new Findings();
  const pages = Object.keys(manifest.defender.pages).sort();
  const defenderDir = join(args.defender, 'defender-xdr');
  if (existsSync(defenderDir)) {
    const listed = new Set(pages);
    for (const f of readdirSync(defenderDir).sort()) {
      const path = `defender-xdr/${f}`;
      if (DEFENDER_PAGE.test(path) && !listed.has(path)) findings.add('unlisted-file', path, 'a table page the manifest does not list (a newer table?); not read');
    }
  }
  const defender = readDefender(args.defender, pages, manifest.typeOverrides, findings);
  const azure = readAzureMonitor(args.azureMonitor, manifest.typeOverrides, findings);
  // Open-schema tables take the test schema's extra columns too (merge.ts), so their test schema is read as well.
  const open = new Set(manifest.openSchema.map((n) => n.toLowerCase()));
  const documented = new Set([...defender, ...azure].map((t) => t.name.toLowerCase()).filter((n) => !open.has(n)));
  const custom = readCustomTables(args.customTables, Object.keys(manifest.customTables.files).sort(), manifest.typeOverrides, findings, documented);
  const catalogue = mergeSources(defender, azure, custom, findings, manifest.openSchema);
  return {
    catalogue,
    findings: findings.all,
    columnsText: emitColumns(catalogue),
    sourcesText: emitSources(catalogue, manifest, findings.all),
  };
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate: ${(err as Error).message}\n`);
    return 2;
  }
  const { catalogue, findings, columnsText, sourcesText } = generate(args, readManifest());
  const count = (pred: (s: readonly string[]) => boolean) => catalogue.tables.filter((t) => pred(t.sources)).length;
  const log = (s: string) => process.stderr.write(s + '\n');
  log(`tables: ${catalogue.tables.length} (Defender XDR only ${count((s) => s.includes('defender') && !s.includes('azure'))}, ` +
    `Azure Monitor only ${count((s) => s.includes('azure') && !s.includes('defender'))}, both ${count((s) => s.includes('defender') && s.includes('azure'))}, ` +
    `Azure-Sentinel test schemas ${count((s) => s[0] === 'custom')}); columns: ${catalogue.tables.reduce((n, t) => n + t.columns.length, 0)}`);
  log(`type conflicts: ${catalogue.conflicts.length}`);
  for (const c of catalogue.conflicts) log(`  ${c.table}.${c.column}: Defender ${c.defender}, Azure Monitor ${c.azure} → ${c.chosen} (rule ${c.rule})`);
  for (const c of catalogue.caseTwins) log(`  case twins ${c.table}: ${c.defender} (Defender) / ${c.azure} (Azure Monitor), both kept`);
  const byKind = new Map<string, typeof findings>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  for (const [kind, list] of [...byKind].sort()) {
    log(`${kind}: ${list.length}`);
    for (const f of list) log(`  ${f.where}: ${f.message}`);
  }
  const outputs: [string, string][] = [
    [join(args.out, 'tables.generated.ts'), columnsText],
    [join(args.out, 'sources.generated.ts'), sourcesText],
  ];
  if (args.check) {
    const differ = outputs.filter(([f, text]) => !existsSync(f) || readFileSync(f, 'utf8') !== text).map(([f]) => f);
    for (const f of differ) log(`differs from the generated text: ${f}`);
    log(differ.length === 0 ? 'check: the committed catalogue is reproduced byte for byte' : 'check: FAILED');
    return differ.length === 0 ? 0 : 1;
  }
  for (const [f, text] of outputs) writeFileSync(f, text);
  log(`wrote ${outputs.map(([f]) => f).join(', ')}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
