// Build-time plugin: the bundled dataset (fixtures/contoso) as the virtual module `virtual:contoso-dataset`.
// Each file is gzip-compressed and base64-encoded into one lazily loaded chunk (~1/7 of the text), so the page
// needs no fetch() at run time (that would fail from file:// and adds a request per table); the query worker
// inflates the files with the browser's DecompressionStream and loads them with the CLI's own folder loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const ID = 'virtual:contoso-dataset';
const RESOLVED = '\0' + ID;

/** The files of the folder that a data-folder loader reads: tables, schemas and dataset.json. */
function datasetFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ndjson|jsonl|json|csv)$/i.test(f))
    .sort();
}

export function contosoDataset(dir: string): Plugin {
  return {
    name: 'kqlite-contoso-dataset',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = datasetFiles(dir).map((name) => {
        const path = join(dir, name);
        this.addWatchFile(path);
        const bytes = readFileSync(path);
        return { name, size: bytes.length, gzip: gzipSync(bytes, { level: 9 }).toString('base64') };
      });
      return `export const files = ${JSON.stringify(files)};\n`;
    },
  };
}
