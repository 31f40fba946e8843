// Data fuzzing of the loaders for the long run (test/tables/load-fuzz.test.ts holds the model-based properties run
// by `npm test`): real files — the loader samples (Defender and Graph API results, Log Analytics JSON and CSV
// exports) and the first lines of the bundled dataset — mutated byte by byte (flips, deletions, duplications, bytes
// that matter to JSON/CSV/UTF-8 inserted) and loaded, with the catalogue schema or none, in small read chunks.
// Loading must end in a table or a DataError; anything else is a crash.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DataError, loadTableFile } from '../../src/node/load-data.js';
import { builtinSchema } from '../../src/tables/builtin-schemas.js';
import { normalize } from './oracle.js';

const ROOT = new URL('../../', import.meta.url);

interface Sample {
  readonly name: string;
  readonly bytes: Uint8Array;
}

let samples: Sample[] | undefined;
function dataSamples(): Sample[] {
  if (samples) return samples;
  samples = [];
  const sampleRoot = new URL('test/tables/samples/', ROOT);
  for (const dir of readdirSync(sampleRoot).sort()) {
    const d = new URL(dir + '/', sampleRoot);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).sort()) samples.push({ name: f, bytes: readFileSync(new URL(f, d)) });
  }
  const contoso = new URL('fixtures/contoso/', ROOT);
  for (const f of readdirSync(contoso).sort()) {
    if (!f.endsWith('.ndjson')) continue;
    const text = readFileSync(new URL(f, contoso), 'utf8').split('\n').slice(0, 12).join('\n') + '\n';
    samples.push({ name: f, bytes: Buffer.from(text) });
  }
  return samples;
}

const SPECIAL = [0x22, 0x2c, 0x0a, 0x0d, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x5c, 0x00, 0xff, 0xc0, 0xe2, 0xf0, 0xed, 0xef, 0xbb, 0xbf, 0x30, 0x2d, 0x2e, 0x65];

export interface DataCase {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly withSchema: boolean;
  readonly chunkBytes: number;
  readonly lenient: boolean;
}

export const dataCase: fc.Arbitrary<DataCase> = fc
  .tuple(
    fc.nat(),
    fc.array(fc.tuple(fc.noBias(fc.nat(999_999)), fc.constantFrom('flip', 'delete', 'insert', 'duplicate'), fc.nat(255)), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
    fc.constantFrom(1, 7, 64, 65_536),
    fc.boolean(),
  )
  .map(([i, edits, withSchema, chunkBytes, lenient]) => {
    const all = dataSamples();
    const s = all[i % all.length]!;
    const b = [...s.bytes];
    for (const [at, kind, v] of edits) {
      const p = Math.floor((at / 1_000_000) * b.length);
      const byte = v % 2 === 0 ? SPECIAL[v % SPECIAL.length]! : v;
      if (kind === 'flip' && b.length) b[p] = byte;
      else if (kind === 'delete') b.splice(p, 1 + (v % 8));
      else if (kind === 'insert') b.splice(p, 0, byte);
      else if (kind === 'duplicate') b.splice(p, 0, ...b.slice(p, p + 1 + (v % 40)));
    }
    return { name: s.name, bytes: Uint8Array.from(b), withSchema, chunkBytes, lenient };
  });

let scratch: string | undefined;

/** Loads the case; undefined when it loads or fails with a DataError, else the crash's signature and detail. */
export function loadCase(c: DataCase): { signature: string; detail: string } | undefined {
  scratch ??= mkdtempSync(join(tmpdir(), 'kqlite-data-fuzz-'));
  const file = join(scratch, c.name);
  writeFileSync(file, c.bytes);
  const table = c.name.replace(/\..*$/, '');
  try {
    loadTableFile(file, table, c.withSchema ? builtinSchema(table) : undefined, { chunkBytes: c.chunkBytes, lenient: c.lenient });
    return undefined;
  } catch (err) {
    if (err instanceof DataError) return undefined;
    const e = err instanceof Error ? err : new Error(String(err));
    return { signature: `data-crash ${e.name}: ${normalize(e.message)}`, detail: e.stack ?? e.message };
  }
}
