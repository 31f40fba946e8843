// externaldata offline: a data folder's `externaldata/urls.tsv` maps each URL a query reads to a local file, so rules
// that read threat-intel lists or lookup files run unchanged, reproducibly, without network access.
//
//   # comment lines and empty lines are ignored
//   https://example.org/feeds/ips.txt<TAB>ips.txt            (file relative to the externaldata/ folder)
//
// A URL matches its line exactly, or without its query string (`?sv=…&sig=…`: SAS tokens need not, and should
// not, be written down). An unmapped URL is an error that gives the exact line to add. With `fetch: true`
// (`kqlite run --fetch-externaldata`) an unmapped http(s) URL is downloaded once, saved in externaldata/ and
// recorded in urls.tsv, so later runs read the file. The download runs in a child process so the engine's
// synchronous resolver can wait for it.

import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { DataError } from '../tables/data-error.js';

export const EXTERNALDATA_DIR = 'externaldata';
export const EXTERNALDATA_MAPPING = 'urls.tsv';

export type ExternalDataLookup = (uri: string) => { text: string; source: string } | { error: string };

interface Mapping {
  readonly urls: Map<string, string>;
}

/** The URL without its query string or fragment: the key a mapping line uses. */
export function mappingKey(uri: string): string {
  return uri.replace(/[?#].*$/s, '');
}

function readMapping(file: string): Mapping {
  const urls = new Map<string, string>();
  if (!existsSync(file)) return { urls };
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab <= 0 || line.slice(tab + 1).trim() === '') {
      throw new DataError(file, i + 1, 1, 'expected <URL><TAB><file> (the file relative to the externaldata folder)');
    }
    const url = line.slice(0, tab).trim();
    if (urls.has(url)) throw new DataError(file, i + 1, 1, `URL given twice: ${url}`);
    urls.set(url, line.slice(tab + 1).trim());
  });
  return { urls };
}

/** A file name for a URL's download: its last path segment, made safe, unique in the folder. */
function fileNameFor(uri: string, dir: string): string {
  const last = basename(mappingKey(uri).replace(/\/+$/, '')) || 'download';
  const safe = last.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'download';
  let name = safe;
  for (let k = 2; existsSync(join(dir, name)); k++) name = safe.replace(/(\.[^.]*)?$/, `-${k}$1`);
  return name;
}

/** Downloads a URL synchronously (in a child process: the engine's resolver is synchronous). */
function download(uri: string): Buffer {
  const script = `const r = await fetch(process.argv[1]); if (!r.ok) { process.stderr.write('HTTP ' + r.status + ' ' + r.statusText); process.exit(3); } process.stdout.write(Buffer.from(await r.arrayBuffer()));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, uri], { maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/**
 * The resolver over `dataDir` (Database option externalData). The mapping is read once; `fetch` adds what it
 * downloads to it.
 */
export function externalDataLookup(dataDir: string, options: { fetch?: boolean } = {}): ExternalDataLookup {
  const dir = join(dataDir, EXTERNALDATA_DIR);
  const mappingFile = join(dir, EXTERNALDATA_MAPPING);
  let mapping: Mapping | undefined;
  return (uri) => {
    mapping ??= readMapping(mappingFile);
    const file = mapping.urls.get(uri) ?? mapping.urls.get(mappingKey(uri));
    if (file !== undefined) {
      const path = join(dir, file);
      try {
        return { text: readFileSync(path, 'utf8'), source: relative(process.cwd(), path) || path };
      } catch (err) {
        return { error: `${mappingFile} maps ${mappingKey(uri)} to ${path}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
      }
    }
    const name = fileNameFor(uri, dir);
    const line = `${mappingKey(uri)}\t${name}`;
    if (options.fetch && /^https?:\/\//i.test(uri)) {
      let bytes: Buffer;
      try {
        bytes = download(uri);
      } catch (err) {
        const e = err as { stderr?: Buffer; message: string };
        return { error: `cannot download ${mappingKey(uri)}: ${e.stderr?.toString().trim() || e.message}` };
      }
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), bytes);
      const header = existsSync(mappingFile) ? '' : '# URL<TAB>file (relative to this folder), written by kqlite run --fetch-externaldata\n';
      appendFileSync(mappingFile, `${header}${line}\n`);
      mapping.urls.set(mappingKey(uri), name);
      return { text: bytes.toString('utf8'), source: relative(process.cwd(), join(dir, name)) };
    }
    return {
      error: `no local file for ${mappingKey(uri)}: save it in ${dir} and add this line to ${mappingFile}:\n  ${line.replace('\t', '<TAB>')}\n(or run once with --fetch-externaldata to download it and record the line)`,
    };
  };
}
