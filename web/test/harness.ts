// Browser tests' harness: a static server over the built site (web/dist, as anyone would host it) and headless
// Chromium from the system (Debian's package at /usr/bin/chromium, or KQLITE_CHROMIUM), driven by playwright-core.
// No browser is downloaded.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves web/dist on a free loopback port; every request is logged so tests can check nothing else is asked for. */
export async function serveDist(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` in web/ first');
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\/|\.\.)+/, '');
    requests.push(path);
    try {
      const body = await readFile(join(DIST, path === '' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path || 'index.html')] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

export function chromiumPath(): string {
  const path = process.env.KQLITE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}: install Debian's package (apt-get install -y chromium) or set KQLITE_CHROMIUM`);
  return path;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // As root in a container Chromium needs --no-sandbox; the background-networking flags keep it from calling
    // Google's services (this machine has no network beyond the package registries).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    headless: true,
  });
}

export interface PageErrors {
  readonly errors: string[];
}

/** A page with the playground open and its bundled dataset loaded; page errors are collected for the tests. */
export async function openPlayground(browser: Browser, url: string): Promise<Page & PageErrors> {
  // Clipboard access lets typeQuery paste (typed newlines would be auto-indented by the editor).
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __kqlite?: { readyMs?: number } }).__kqlite?.readyMs !== undefined, null, { timeout: 120_000 });
  return Object.assign(page, { errors });
}

/** Replaces an editor's text as a person pasting does: click into it, select all, paste from the clipboard. */
export async function pasteInto(page: Page, editor: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.click(editor, { position: { x: 200, y: 12 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

export async function typeQuery(page: Page, text: string): Promise<void> {
  await pasteInto(page, '#editor', text);
}

/** Runs the editor's query and waits for its status line (rows and time, or a failure). */
export async function runQuery(page: Page): Promise<string> {
  const before = await page.evaluate(() => (window as unknown as { __kqlite: { lastQueryMs?: number } }).__kqlite.lastQueryMs ?? -1);
  await page.click('#run');
  await page.waitForFunction(
    (prev) => {
      const s = document.getElementById('status')!;
      const k = (window as unknown as { __kqlite: { lastQueryMs?: number } }).__kqlite;
      return (s.classList.contains('good') && k.lastQueryMs !== prev) || s.classList.contains('bad');
    },
    before,
    { timeout: 120_000 },
  );
  return (await page.textContent('#status')) ?? '';
}

/** Every row of the results grid, read from the DOM while scrolling it (the grid renders only what is in view). */
export async function gridRows(page: Page): Promise<{ header: string[][]; rows: string[][]; domRowsMax: number }> {
  const header = await page.$$eval('.grid-header .kq-cell:not(.rownum)', (cells) =>
    cells.map((c) => [c.querySelector('.col-name')?.textContent ?? '', c.querySelector('.col-type')?.textContent ?? '']),
  );
  const rows = new Map<number, string[]>();
  let domRowsMax = 0;
  for (let step = 0; step < 10_000; step++) {
    const seen = await page.$$eval('.grid-row', (els) =>
      els.map((r) => ({ i: Number((r as HTMLElement).dataset.row), pending: r.querySelector('.pending') !== null, cells: [...r.querySelectorAll('.kq-cell[data-col]')].map((c) => c.textContent ?? '') })),
    );
    domRowsMax = Math.max(domRowsMax, seen.length);
    if (seen.some((r) => r.pending)) {
      await page.waitForTimeout(50);
      continue;
    }
    for (const r of seen) rows.set(r.i, r.cells);
    const done = await page.$eval('.grid-scroll', (s) => {
      const atEnd = s.scrollTop + s.clientHeight >= s.scrollHeight - 1;
      s.scrollTop += Math.max(1, s.clientHeight - 60);
      return atEnd;
    });
    if (done) break;
    await page.waitForTimeout(30);
  }
  const ordered = [...rows.keys()].sort((a, b) => a - b);
  return { header, rows: ordered.map((i) => rows.get(i)!), domRowsMax };
}

/** Waits until the Kusto language service has coloured the editor's text (semantic colours come from its worker). */
export async function waitForColouring(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('#editor .view-line span span')].some((s) => {
        const c = getComputedStyle(s).color;
        return c !== 'rgb(0, 0, 0)' && c !== 'rgb(0, 0, 255)';
      }),
    null,
    { timeout: 120_000 },
  );
}

/** The labels of the editor's completion list after typing `text` at the end of the query and asking for it. */
export async function completionsAfter(page: Page, query: string, expected?: string): Promise<string[]> {
  await typeQuery(page, query);
  await page.keyboard.press('Control+End');
  // The Kusto worker receives the schema asynchronously: a list asked for before it arrived holds keywords only, so
  // when the caller says which entry it looks for, ask again (up to ~30 s) until the list has it.
  let labels: string[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget .monaco-list-row', { timeout: 60_000 });
    labels = await page.$$eval('.suggest-widget .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    if (expected === undefined || labels.includes(expected)) return labels;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  return labels;
}
