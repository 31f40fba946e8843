// The playground in a real browser (headless Chromium over the built site, served statically): the seed rule typed
// into the editor gives the library's own rows; a syntax error is marked where the parser stops; dropped files load
// as tables; charts, explain, rule tests, 100k-row scrolling, cancel and shared links work. Expected values are
// either the library's answer in Node for the same query over the same data, or worked out by hand (said so).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Database } from '../../src/index.ts';
import { openDataFolder } from '../../src/node.ts';
import { prepareTestFile, runPrepared } from '../../src/node/rule-test/run-file.ts';
import { textCell } from '../../src/tables/format.ts';
import { noPaint } from '../../src/testing/compare-rows.ts';
import { completionsAfter, gridRows, launch, openPlayground, pasteInto, REPO, runQuery, serveDist, typeQuery, waitForColouring } from './harness.ts';

const NOW = '2026-11-20T12:00:00.0000000Z';
const contoso = openDataFolder(join(REPO, 'fixtures/contoso'));

/** The library's result as the grid shows it: column names and types, and each cell's table text. */
function libraryRows(db: Database, query: string): { header: string[][]; rows: string[][] } {
  const r = db.query(query, { now: NOW });
  return { header: r.columns.map((c) => [c.name, c.type]), rows: r.rows().map((row) => row.map((v, j) => textCell(v, r.columns[j]!.type))) };
}

let site: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;

before(async () => {
  site = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('playground in Chromium', () => {
  test('the seed rule typed into the editor returns the rows the library returns', async () => {
    const started = Date.now();
    const page = await openPlayground(browser, site.url);
    const readyAt = Date.now() - started;
    assert.equal(await page.inputValue('#now'), NOW, "the bundled dataset's now (fixtures/contoso/dataset.json)");
    const rule = readFileSync(join(REPO, 'examples/rules/link-target-t1608-005.kql'), 'utf8');
    await typeQuery(page, rule);
    assert.equal(await page.evaluate(() => (window as any).__kqlite.query()), rule);
    const runAt = Date.now();
    const status = await runQuery(page);
    const firstQuery = Date.now() - started;
    const expected = libraryRows(contoso.db, rule);
    assert.match(status, new RegExp(`^${expected.rows.length} rows`));
    assert.ok(expected.rows.length > 5, 'the seed rule fires on the bundled data');
    const shown = await gridRows(page);
    assert.deepEqual(shown.header, expected.header);
    assert.deepEqual(shown.rows, expected.rows);
    const timings = await page.evaluate(() => (window as any).__kqlite);
    console.log(`# page ready ${readyAt} ms; first result ${firstQuery} ms after navigation (run → rows ${Date.now() - runAt} ms, engine ${timings.lastQueryMs.toFixed(0)} ms)`);
    if (process.env.KQLITE_TIMINGS) writeFileSync(process.env.KQLITE_TIMINGS, JSON.stringify({ readyAt, firstQuery, engineMs: timings.lastQueryMs, pageReadyMs: timings.readyMs }));
    // Microsoft's language service colours the query (its worker starts after the page is ready).
    await page.click('#editor', { position: { x: 200, y: 12 } });
    await page.keyboard.press('Control+Home');
    await waitForColouring(page);
    const shot = process.env.KQLITE_SCREENSHOT ?? join(tmpdir(), 'kqlite-playground.png');
    await page.evaluate(() => document.querySelector('.grid-scroll')!.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot });
    console.log(`# screenshot: ${shot}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('completion offers the catalogue: tables kqlite knows and their columns', async () => {
    const page = await openPlayground(browser, site.url);
    // EmailEvents is bundled; IdentityDirectoryEvents is in the catalogue only (no data).
    const columns = await completionsAfter(page, 'EmailEvents\n| where Sub', 'Subject');
    assert.ok(columns.includes('Subject'), columns.join(', '));
    await page.keyboard.press('Escape');
    const tables = await completionsAfter(page, 'IdentityDirectoryEv', 'IdentityDirectoryEvents');
    assert.ok(tables.includes('IdentityDirectoryEvents'), tables.join(', '));
    await page.close();
  });

  test('a syntax error is marked at the position where the parser stops', async () => {
    const page = await openPlayground(browser, site.url);
    // By hand: after `and` an operand is expected; the next token is the `|` at line 3, column 1.
    const query = 'EmailEvents\n| where Subject has "x" and\n| take 5';
    await typeQuery(page, query);
    await page.waitForFunction(() => (window as any).__kqlite.markers().some((m: { owner: string }) => m.owner === 'kqlite'), null, { timeout: 30_000 });
    const markers = (await page.evaluate(() => (window as any).__kqlite.markers())) as { owner: string; line: number; column: number; message: string }[];
    const ours = markers.filter((m) => m.owner === 'kqlite');
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.line, 3);
    assert.equal(ours[0]!.column, 1);
    assert.match(ours[0]!.message, /unexpected '\|'/);
    assert.deepEqual(markers.filter((m) => m.owner === 'kusto'), [], "Microsoft's analyser markers are cleared");
    // The squiggle is drawn in the editor, and running the query reports the same place.
    await page.waitForSelector('#editor .squiggly-error', { timeout: 10_000 });
    assert.match(await runQuery(page), /failed/);
    assert.match((await page.textContent('#messages')) ?? '', /query:3:1 error syntax-unexpected-token/);
    await page.close();
  });

  test('dropped CSV (portal export) and NDJSON files load as tables', async () => {
    const page = await openPlayground(browser, site.url);
    // A Log Analytics portal export: `[UTC]` header, en-US times; Timestamp comes from TimeGenerated.
    const csv = [
      'TimeGenerated [UTC],Url,ActionType,AccountUpn,Workload,NetworkMessageId,IsClickedThrough',
      '"11/20/2026, 10:00:00.000 AM",https://bit.ly/abc,ClickAllowed,a@contoso.com,Email,m1,true',
      '"11/20/2026, 11:30:00.000 AM",https://ipfs.io/ipfs/Qm1,ClickBlocked,b@contoso.com,Email,m2,false',
      '"11/19/2026, 9:15:00.000 PM",https://contoso.com/x,ClickAllowed,c@contoso.com,Teams,m3,false',
      '"11/18/2026, 9:15:00.000 PM",https://contoso.com/y,ClickAllowed,d@contoso.com,Teams,m4,false',
    ].join('\r\n');
    const ndjson = '{"Upn":"a@contoso.com","Level":3}\n{"Upn":"b@contoso.com","Level":5}\n';
    await page.evaluate(
      (files) => {
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([f.text], f.name));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [
        { name: 'UrlClickEvents.csv', text: csv },
        { name: 'VipUsers.ndjson', text: ndjson },
      ],
    );
    await page.waitForFunction(() => /^loaded /.test(document.getElementById('status')!.textContent ?? ''), null, { timeout: 60_000 });
    const listed = await page.$$eval('#tables details.table', (ds) => ds.map((d) => d.querySelector('summary')!.textContent));
    assert.ok(listed.some((t) => /^UrlClickEvents 4 rows · UrlClickEvents\.csv/.test(t ?? '')), listed.join('|'));
    assert.ok(listed.some((t) => /^VipUsers 2 rows · VipUsers\.ndjson/.test(t ?? '')), listed.join('|'));
    // By hand: now is 2026-11-20 12:00 UTC, so the last day holds the 21:15, 10:00 and 11:30 clicks (not the 18th).
    await typeQuery(page, 'UrlClickEvents\n| where Timestamp > ago(1d)\n| project Timestamp, AccountUpn, IsClickedThrough\n| order by Timestamp asc');
    assert.match(await runQuery(page), /^3 rows/);
    assert.deepEqual((await gridRows(page)).rows, [
      ['2026-11-19T21:15:00.0000000Z', 'c@contoso.com', 'False'],
      ['2026-11-20T10:00:00.0000000Z', 'a@contoso.com', 'True'],
      ['2026-11-20T11:30:00.0000000Z', 'b@contoso.com', 'False'],
    ]);
    // A table the catalogue does not know takes its columns from its values: Level is a long.
    await typeQuery(page, 'VipUsers | where Level > 4 | project Upn, Level');
    assert.match(await runQuery(page), /^1 rows/);
    const shown = await gridRows(page);
    assert.deepEqual(shown.header, [['Upn', 'string'], ['Level', 'long']]);
    assert.deepEqual(shown.rows, [['b@contoso.com', '5']]);

    // The link carries the query and the small dropped files: a new page shows the same answer.
    await page.click('#share');
    await page.waitForFunction(() => location.hash.startsWith('#kql='));
    const link = page.url();
    const other = await openPlayground(browser, link);
    await other.waitForFunction(() => /^loaded /.test(document.getElementById('status')!.textContent ?? ''), null, { timeout: 60_000 });
    assert.equal(await other.evaluate(() => (window as any).__kqlite.query()), 'VipUsers | where Level > 4 | project Upn, Level');
    assert.match(await runQuery(other), /^1 rows/);
    assert.deepEqual((await gridRows(other)).rows, [['b@contoso.com', '5']]);
    assert.deepEqual([...page.errors, ...other.errors], []);
    await other.close();
    // Completion knows the dropped table's columns.
    const offered = await completionsAfter(page, 'VipUsers\n| where Le', 'Level');
    assert.ok(offered.includes('Level'), offered.join(', '));
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('a render query draws the chart the CLI would draw', async () => {
    const page = await openPlayground(browser, site.url);
    await page.selectOption('#examples', { label: 'Safe Links clicks per day (timechart)' });
    const query = await page.evaluate(() => (window as any).__kqlite.query() as string);
    assert.match(await runQuery(page), /rows/);
    await page.waitForSelector('#chart svg .mark-line path', { timeout: 30_000 });
    assert.equal(await page.getAttribute('[data-tab="chart"]', 'class'), 'active');
    // One line per series: the distinct ActionType values the library's result holds.
    const series = new Set(contoso.db.query(query, { now: NOW }).toObjects().map((r) => r.ActionType));
    assert.ok(series.size >= 2);
    assert.equal(await page.locator('#chart svg .mark-line path').count(), series.size);
    const text = await page.textContent('#chart svg');
    assert.match(text ?? '', /Safe Links clicks per day/);
    for (const s of series) assert.match(text ?? '', new RegExp(String(s)));
    await page.close();
  });

  test('explain shows the library’s plan; the rule-test view runs a shipped test and shows a failing diff', async () => {
    const page = await openPlayground(browser, site.url);
    const query = 'EmailEvents | where DeliveryAction == "Delivered" | summarize n = count() by SenderFromDomain | top 3 by n';
    await typeQuery(page, query);
    await page.click('#explain');
    await page.waitForSelector('[data-panel="explain"].active');
    assert.equal(await page.textContent('#explain-out'), contoso.db.explain(query, { now: NOW }));

    await page.click('[data-tab="tests"]');
    await page.selectOption('#test-examples', { label: 'link-target-t1608-005.test.yaml' });
    const yamlText = readFileSync(join(REPO, 'examples/tests/link-target-t1608-005.test.yaml'), 'utf8');
    await page.waitForFunction((y) => (window as any).__kqlite.testYaml() === y, yamlText);
    await page.click('#run-tests');
    await page.waitForFunction(() => /passed/.test(document.getElementById('test-summary')!.textContent ?? ''), null, { timeout: 120_000 });
    const shown = await page.$$eval('.test-case', (els) => els.map((e) => [e.dataset.case, e.classList.contains('pass') ? 'PASS' : 'FAIL']));
    // The same file through the runner in Node (what `kqlite test` prints): the same cases, in order, same verdicts.
    const file = join(REPO, 'examples/tests/link-target-t1608-005.test.yaml');
    const prepared = prepareTestFile(file, new Map(), () => join(REPO, 'fixtures/contoso'));
    const expected = runPrepared(prepared, { paint: noPaint }).map((c) => [c.name, c.passed ? 'PASS' : 'FAIL']);
    assert.ok(expected.length > 3);
    assert.deepEqual(shown, expected);
    assert.equal(await page.textContent('#test-summary'), `${expected.length} passed, 0 failed`);

    // A wrong expectation fails with the runner's diff: the missing expected row and the unexpected actual one.
    const failing = `query: |\n  UrlClickEvents | where ActionType == "ClickBlocked" | project AccountUpn\nnow: 2026-11-20T12:00:00Z\ndata:\n  UrlClickEvents:\n    - { Timestamp: now-1h, ActionType: ClickBlocked, AccountUpn: a@contoso.com }\ncases:\n  - name: wrong user\n    expect:\n      rows: [ { AccountUpn: z@contoso.com } ]\n`;
    await pasteInto(page, '#test-editor', failing);
    await page.click('#run-tests');
    await page.waitForFunction(() => /1 failed/.test(document.getElementById('test-summary')!.textContent ?? ''), null, { timeout: 60_000 });
    const lines = await page.$$eval('#test-out .test-line', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(lines.some((l) => /- missing .*z@contoso\.com/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /\+ unexpected .*a@contoso\.com/.test(l)), lines.join('\n'));
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('100,000 and 1,000,000 rows scroll with a few dozen rows in the page', async () => {
    const page = await openPlayground(browser, site.url);
    await typeQuery(page, 'range n from 1 to 100000 step 1\n| extend Square = n * n, Label = strcat("row ", n), Even = n % 2 == 0');
    assert.match(await runQuery(page), /^100,000 rows/);
    const domRows = await page.locator('.grid-row').count();
    assert.ok(domRows > 10 && domRows < 100, `rows in the DOM: ${domRows}`);
    // By hand: row i shows n = i, n², "row i", and whether i is even.
    for (const fraction of [0.5, 1]) {
      await page.$eval('.grid-scroll', (s, f) => (s.scrollTop = (s.scrollHeight - s.clientHeight) * f), fraction);
      await page.waitForFunction(() => document.querySelectorAll('.grid-row .pending').length === 0 && document.querySelectorAll('.grid-row').length > 0);
      const rows = await page.$$eval('.grid-row', (els) => els.map((r) => [...r.querySelectorAll('.kq-cell')].map((c) => c.textContent ?? '')));
      for (const [num, n, square, label, even] of rows) {
        const i = Number(num);
        assert.equal(n, String(i));
        assert.equal(square, String(BigInt(i) * BigInt(i)));
        assert.equal(label, `row ${i}`);
        assert.equal(even, i % 2 === 0 ? 'True' : 'False', "tostring of a bool is .NET's True/False (src/values/convert.ts)");
      }
      if (fraction === 1) assert.equal(rows[rows.length - 1]![0], '100000');
      else assert.ok(rows.some((r) => Math.abs(Number(r[0]) - 50_000) < 100));
    }
    // A million rows is taller than browsers let an element be at 24 px a row: the scroll range is scaled.
    await typeQuery(page, 'range n from 1 to 1000000 step 1');
    assert.match(await runQuery(page), /^1,000,000 rows/);
    for (const [fraction, near] of [[0.25, 250_000], [1, 1_000_000]] as const) {
      await page.$eval('.grid-scroll', (s, f) => (s.scrollTop = (s.scrollHeight - s.clientHeight) * f), fraction);
      await page.waitForFunction(() => document.querySelectorAll('.grid-row .pending').length === 0 && document.querySelectorAll('.grid-row').length > 0);
      const rows = await page.$$eval('.grid-row', (els) => els.map((r) => [...r.querySelectorAll('.kq-cell')].map((c) => c.textContent ?? '')));
      for (const [num, n] of rows) assert.equal(n, num);
      const numbers = rows.map((r) => Number(r[0]));
      assert.ok(numbers.every((x, i) => i === 0 || x === numbers[i - 1]! + 1), 'consecutive rows');
      assert.ok(Math.abs(numbers[0]! - near) < 100 || numbers[numbers.length - 1] === near, `${numbers[0]}…${numbers[numbers.length - 1]} near ${near}`);
    }
    await page.close();
  });

  test('a long query leaves the page responsive and Cancel stops it', async () => {
    const page = await openPlayground(browser, site.url);
    // Long (seconds) but inside the engine's default limits (100M rows, 1 GiB per operator), so it runs until cancelled.
    await typeQuery(page, 'range x from 1 to 20000000 step 1 | extend y = strcat("a", x % 1000003) | summarize dcount(y)');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'running…');
    // The page's thread is free while the worker computes: animation frames keep coming.
    // (A string, not a function: the test's TypeScript compiler would wrap named functions in a helper the page lacks.)
    const frames = (await page.evaluate(`new Promise((resolve) => {
      let n = 0;
      const end = performance.now() + 500;
      const tick = () => (performance.now() < end ? (n++, requestAnimationFrame(tick)) : resolve(n));
      requestAnimationFrame(tick);
    })`)) as number;
    assert.ok(frames > 5, `frames in 500 ms: ${frames}`);
    assert.equal(await page.isEnabled('#cancel'), true);
    await page.click('#cancel');
    assert.match((await page.textContent('#status')) ?? '', /cancelled/);
    await page.waitForFunction(() => /cancelled; ready/.test(document.getElementById('status')!.textContent ?? ''), null, { timeout: 120_000 });
    await typeQuery(page, 'EmailEvents | count');
    assert.match(await runQuery(page), /^1 rows/);
    // By hand: fixtures/contoso/dataset.json lists 513 EmailEvents rows.
    assert.deepEqual((await gridRows(page)).rows, [['513']]);
    await page.close();
  });

  test('the page asks the server for its own files only', () => {
    const foreign = site.requests.filter((p) => !(p === '' || p === 'index.html' || p.startsWith('assets/')));
    assert.deepEqual(foreign, []);
  });
});
