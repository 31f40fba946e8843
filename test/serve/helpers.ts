// Shared by the kqlite serve tests: start a server on a random loopback port, raw HTTP requests, and the library's
// answer for the same data (the reference the protocol must reproduce).
import { request } from 'node:http';
import { join } from 'node:path';
import { Database } from '../../src/database.js';
import { loadDataFolder } from '../../src/node/load-data.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/node/serve/server.js';

export const root = new URL('../../', import.meta.url).pathname;
export const typedDir = join(root, 'test/serve/fixtures/typed');
export const bundledDir = join(root, 'fixtures/contoso');

export async function serve(options: Partial<ServeOptions> = {}, lines: string[] = []): Promise<RunningServer> {
  return startServer({ host: '127.0.0.1', port: 0, dataDir: typedDir, productVersion: '0.0.0-test', log: (l) => lines.push(l), ...options });
}

/** The library's answer over a data folder: what every protocol answer is compared with. */
export function libraryDb(dir: string): Database {
  const db = new Database();
  for (const [name, t] of loadDataFolder(dir).tables) db.addTable(name, t);
  return db;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

export function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return raw(url, 'POST', path, text, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function raw(url: string, method: string, path: string, body: string | undefined, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { method, headers: { ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The frames of a v2 body, by FrameType. */
export function frames(body: any[]): { header: any; tables: any[]; completion: any; all: any[] } {
  return {
    header: body[0],
    tables: body.filter((f) => f.FrameType === 'DataTable'),
    completion: body[body.length - 1],
    all: body,
  };
}
