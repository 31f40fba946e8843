// POSIX `node:path` for the in-memory file system (fs.ts): the functions the library's loader and rule-test
// runner import. The working directory is the root, `/`.

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

export function normalize(path: string): string {
  const out: string[] = [];
  for (const p of split(path)) {
    if (p === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!path.startsWith('/')) out.push('..');
    } else out.push(p);
  }
  const body = out.join('/');
  return path.startsWith('/') ? '/' + body : body || '.';
}

export function resolve(...paths: string[]): string {
  let acc = '';
  for (const p of paths) acc = p.startsWith('/') ? p : acc + '/' + p;
  return normalize(acc.startsWith('/') ? acc : '/' + acc);
}

export function join(...paths: string[]): string {
  return normalize(paths.filter((p) => p !== '').join('/'));
}

export function dirname(path: string): string {
  const n = normalize(path);
  const i = n.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i);
}

export function basename(path: string, ext?: string): string {
  const b = normalize(path).split('/').pop() ?? '';
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
}

export function extname(path: string): string {
  const b = basename(path);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}

export function relative(from: string, to: string): string {
  const a = split(resolve(from));
  const b = split(resolve(to));
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export const sep = '/';
export default { normalize, resolve, join, dirname, basename, extname, relative, sep };
