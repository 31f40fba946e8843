// In-memory stand-in for the few `node:fs` calls the library's loader and rule-test runner make (see
// web/CONTEXT.md, "Shims"). Files live in one Map keyed by absolute POSIX path; folders are implied by the paths
// under them. Errors carry Node's `code` (ENOENT, EISDIR, ENOTDIR) because the loader turns them into messages.

const files = new Map<string, Uint8Array>();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function normal(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

function fsError(code: string, path: string): Error {
  const e = new Error(`${code}: ${path}`) as Error & { code: string; path: string };
  e.code = code;
  e.path = path;
  return e;
}

function isDir(path: string): boolean {
  const prefix = path === '/' ? '/' : path + '/';
  for (const k of files.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/** Puts a file (bytes or text) at an absolute path, replacing any file there. */
export function putFile(path: string, content: Uint8Array | string): void {
  files.set(normal(path), typeof content === 'string' ? encoder.encode(content) : content);
}

/** Removes every file under a folder. */
export function removeFolder(path: string): void {
  const prefix = normal(path) + '/';
  for (const k of [...files.keys()]) if (k.startsWith(prefix)) files.delete(k);
}

export function fileBytes(path: string): Uint8Array {
  const p = normal(path);
  const b = files.get(p);
  if (b === undefined) throw fsError(isDir(p) ? 'EISDIR' : 'ENOENT', path);
  return b;
}

/** What readFileSync returns without an encoding: bytes whose toString('utf8') is their text, as a Buffer's is. */
class FileBytes extends Uint8Array {
  override toString(encoding?: string): string {
    return encoding === undefined ? super.toString() : decoder.decode(this);
  }
}

export function readFileSync(path: string, encoding?: string | { encoding?: string }): string | Uint8Array {
  const bytes = fileBytes(path);
  const enc = typeof encoding === 'string' ? encoding : encoding?.encoding;
  return enc ? decoder.decode(bytes) : new FileBytes(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}

export function existsSync(path: string): boolean {
  const p = normal(path);
  return files.has(p) || isDir(p);
}

export function statSync(path: string): { isFile(): boolean; isDirectory(): boolean; size: number } {
  const p = normal(path);
  const f = files.get(p);
  if (f !== undefined) return { isFile: () => true, isDirectory: () => false, size: f.length };
  if (isDir(p)) return { isFile: () => false, isDirectory: () => true, size: 0 };
  throw fsError('ENOENT', path);
}

export function readdirSync(path: string): string[] {
  const p = normal(path);
  if (files.has(p)) throw fsError('ENOTDIR', path);
  const prefix = p === '/' ? '/' : p + '/';
  const names = new Set<string>();
  for (const k of files.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]!);
  if (names.size === 0) throw fsError('ENOENT', path);
  return [...names];
}

// Imported by modules the bundle contains but never calls in the browser (streaming reads, writes, watching).
function unavailable(name: string): never {
  throw new Error(`${name} is not available in the browser`);
}
export const openSync = (): never => unavailable('openSync');
export const readSync = (): never => unavailable('readSync');
export const closeSync = (): never => unavailable('closeSync');
export const writeFileSync = (): never => unavailable('writeFileSync');
export const watch = (): never => unavailable('watch');
