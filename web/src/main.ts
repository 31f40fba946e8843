// The playground page: wiring between the editor, the two query workers (runner: data and queries; checker: live
// diagnostics), the results grid, charts, explain, the rule-test view, dropped files and shareable links.
import './styles.css';
import { drawChart } from './chart-view';
import { createKqlEditor, createYamlEditor, setEditorSchema, showDiagnostics, monaco } from './editor';
import { DEFAULT_QUERY, examples } from './examples';
import { BLOCK, ResultGrid } from './grid';
import type { ColumnInfo, DiagnosticInfo, LoadedFilesReply, QueryReply, RuleTestReply, TableInfo } from './protocol';
import { decodeState, encodeState, MAX_INLINE_DATA_CHARS, type SharedState } from './share';
import { showCatalogue, showTables } from './tables-panel';
import { shippedTests, showTestReport, STARTER_TEST } from './tests-view';
import { CancelledError, EngineClient, EngineError } from './worker-client';

/**
 * The library's limits for every query. Intermediate rows (what one join / mv-expand / make-series may produce)
 * are capped lower than the CLI's 100M: a browser tab has far less memory than a Node process. [U]
 */
const LIMITS = { maxIntermediateRows: 20_000_000, maxResultRows: 5_000_000, timeoutMs: 300_000 } as const;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const runButton = $<HTMLButtonElement>('run');
const cancelButton = $<HTMLButtonElement>('cancel');
const nowInput = $<HTMLInputElement>('now');
const messages = $('messages');
const cellDetail = $('cell');

/** Timings and state the browser tests read (web/test): when the page was ready, when the first result came. */
const timings: { readyMs?: number; firstResultMs?: number; lastQueryMs?: number } = {};

const runner = new EngineClient('runner');
const checker = new EngineClient('checker');
let loaded: TableInfo[] = [];
let catalogue: { name: string; columns: ColumnInfo[] }[] = [];
/** Dropped files as text, for links (only while they are small). */
const droppedText = new Map<string, string>();
let running = 0;

function setStatus(text: string, kind: '' | 'good' | 'bad' | 'busy' = ''): void {
  status.textContent = text;
  status.className = `kq-status ${kind}`;
}

// --- editor ----------------------------------------------------------------------------------------------------

const editor = createKqlEditor($('editor'), '', () => void run());
const model = editor.getModel()!;
(window as unknown as { __kqlite: unknown }).__kqlite = Object.assign(timings, {
  query: () => model.getValue(),
  testYaml: () => testEditor?.getValue() ?? '',
  markers: () => monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ owner: m.owner, message: m.message, line: m.startLineNumber, column: m.startColumn, endLine: m.endLineNumber, endColumn: m.endColumn })),
});

let checkVersion = 0;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleCheck(): void {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(async () => {
    const version = ++checkVersion;
    try {
      const diagnostics = await checker.request<DiagnosticInfo[]>({ type: 'check', text: model.getValue(), now: nowInput.value });
      if (version === checkVersion) showDiagnostics(model, diagnostics);
    } catch {
      /* the checker restarts itself; the next edit checks again */
    }
  }, 250);
}
model.onDidChangeContent(scheduleCheck);
nowInput.addEventListener('change', scheduleCheck);

async function refreshSchemas(): Promise<void> {
  await checker.mutate({ type: 'define', tables: loaded.map((t) => ({ name: t.name, columns: t.columns })) });
  const own = new Set(loaded.map((t) => t.name));
  await setEditorSchema(model, [...loaded, ...catalogue.filter((t) => !own.has(t.name))]);
  scheduleCheck();
}

function insertAtCursor(text: string): void {
  const sel = editor.getSelection();
  if (sel) editor.executeEdits('tables', [{ range: sel, text, forceMoveMarkers: true }]);
  editor.focus();
}

// --- tables ----------------------------------------------------------------------------------------------------

function renderTables(): void {
  showTables($('tables'), loaded, insertAtCursor, (name) => void removeTable(name));
  const rows = loaded.reduce((a, t) => a + t.rowCount, 0);
  $('table-count').textContent = `${loaded.length} loaded · ${rows.toLocaleString('en-US')} rows`;
}

async function removeTable(name: string): Promise<void> {
  loaded = await runner.mutate<TableInfo[]>({ type: 'remove', table: name });
  droppedText.delete(name);
  renderTables();
  await refreshSchemas();
}

$<HTMLInputElement>('catalogue-filter').addEventListener('input', (e) => showCatalogue($('catalogue'), catalogue, (e.target as HTMLInputElement).value, insertAtCursor));

async function loadFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  const box = $('load-messages');
  box.replaceChildren();
  const note = (text: string, cls: string) => {
    const p = document.createElement('p');
    p.className = cls;
    p.textContent = text;
    box.append(p);
  };
  setStatus(`loading ${files.map((f) => f.name).join(', ')}…`, 'busy');
  try {
    const reply = await runner.mutate<LoadedFilesReply>({ type: 'load', files, lenient: $<HTMLInputElement>('lenient').checked });
    const names = new Set(reply.tables.map((t) => t.name));
    loaded = [...loaded.filter((t) => !names.has(t.name)), ...reply.tables];
    for (const t of reply.tables) {
      const f = files.find((x) => x.name === t.file);
      if (f && f.bytes.length <= MAX_INLINE_DATA_CHARS) droppedText.set(t.name, new TextDecoder().decode(f.bytes));
      else droppedText.delete(t.name);
    }
    if (reply.now) nowInput.value = reply.now;
    for (const w of reply.warnings) note(w, 'warn');
    for (const t of reply.tables) note(`${t.name}: ${t.rowCount.toLocaleString('en-US')} rows, ${t.columns.length} columns`, 'good');
    renderTables();
    setStatus(`loaded ${reply.tables.map((t) => t.name).join(', ') || 'no table'}`, 'good');
    await refreshSchemas();
  } catch (err) {
    if (err instanceof CancelledError) return;
    note(err instanceof EngineError ? err.message : String(err), 'bad');
    setStatus('the files could not be loaded', 'bad');
  }
}

async function readFiles(list: FileList | File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

const overlay = $('drop-overlay');
let dragDepth = 0;
window.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  overlay.hidden = false;
});
window.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    overlay.hidden = true;
  }
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', async (e) => {
  e.preventDefault();
  dragDepth = 0;
  overlay.hidden = true;
  const files = e.dataTransfer?.files;
  if (files && files.length > 0) await loadFiles(await readFiles(files));
});
const fileInput = $<HTMLInputElement>('file-input');
$('open-files').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', async () => {
  if (fileInput.files && fileInput.files.length > 0) await loadFiles(await readFiles(fileInput.files));
  fileInput.value = '';
});

// --- results ---------------------------------------------------------------------------------------------------

const grid = new ResultGrid($('grid'), (text, column, row) => {
  cellDetail.hidden = false;
  cellDetail.textContent = '';
  const head = document.createElement('strong');
  head.textContent = `row ${row + 1} · ${column.name} (${column.type})`;
  const body = document.createElement('pre');
  body.textContent = text;
  cellDetail.append(head, body);
});

function selectTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLElement>('[data-tab]')) b.classList.toggle('active', b.dataset.tab === name);
  for (const p of document.querySelectorAll<HTMLElement>('[data-panel]')) p.classList.toggle('active', p.dataset.panel === name);
  if (name === 'tests') ensureTestEditor();
}
for (const b of document.querySelectorAll<HTMLElement>('[data-tab]')) b.addEventListener('click', () => selectTab(b.dataset.tab!));

function showError(err: unknown): void {
  messages.hidden = false;
  const pre = document.createElement('pre');
  pre.className = 'error';
  if (err instanceof EngineError) {
    pre.textContent = err.info.formatted ?? err.info.message;
    if (err.info.diagnostics.length > 0) showDiagnostics(model, err.info.diagnostics);
  } else pre.textContent = String(err);
  messages.replaceChildren(pre);
}

function setRunning(on: boolean): void {
  runButton.disabled = on;
  cancelButton.disabled = !on;
  $<HTMLButtonElement>('explain').disabled = on;
  $<HTMLButtonElement>('run-tests').disabled = on;
}

async function run(): Promise<void> {
  const text = model.getValue();
  const id = ++running;
  setRunning(true);
  setStatus('running…', 'busy');
  messages.hidden = true;
  cellDetail.hidden = true;
  try {
    const r = await runner.request<QueryReply>({ type: 'query', text, now: nowInput.value, limits: LIMITS, firstRows: BLOCK });
    if (id !== running) return;
    timings.lastQueryMs = r.ms;
    timings.firstResultMs ??= performance.now();
    grid.show({ columns: r.columns, rowCount: r.rowCount, firstRows: r.rows, fetchRows: (start, end) => runner.request({ type: 'rows', start, end }) });
    $<HTMLButtonElement>('export-csv').disabled = false;
    $<HTMLButtonElement>('export-json').disabled = false;
    if (r.warnings.length > 0) {
      messages.hidden = false;
      const pre = document.createElement('pre');
      pre.className = 'warning';
      pre.textContent = r.warnings.map((w) => `warning ${w.code}: ${w.message}`).join('\n');
      messages.replaceChildren(pre);
    }
    setStatus(`${r.rowCount.toLocaleString('en-US')} rows · ${formatMs(r.ms)}`, 'good');
    if (r.chart) {
      await drawChart($('chart'), r.chart);
      selectTab('chart');
    } else selectTab('results');
  } catch (err) {
    if (id !== running) return;
    if (err instanceof CancelledError) {
      setStatus('cancelled — restarting the query worker', 'bad');
      void runner.ready.then(() => setStatus('cancelled; ready', ''));
    } else {
      grid.clear();
      showError(err);
      selectTab('results');
      setStatus('the query failed', 'bad');
    }
  } finally {
    if (id === running) setRunning(false);
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

runButton.addEventListener('click', () => void run());
cancelButton.addEventListener('click', () => {
  running++;
  runner.cancel();
  setRunning(false);
  setStatus('cancelled — restarting the query worker (reloading data)…', 'busy');
  void runner.ready.then(() => setStatus('cancelled; ready', ''));
});

$('explain').addEventListener('click', async () => {
  const out = $('explain-out');
  try {
    out.textContent = await runner.request<string>({ type: 'explain', text: model.getValue(), now: nowInput.value });
    out.className = 'kq-explain';
  } catch (err) {
    out.textContent = err instanceof EngineError ? (err.info.formatted ?? err.message) : String(err);
    out.className = 'kq-explain error';
  }
  selectTab('explain');
});

async function download(format: 'csv' | 'json'): Promise<void> {
  const text = await runner.request<string>({ type: 'export', format });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
  a.download = `result.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
$('export-csv').addEventListener('click', () => void download('csv'));
$('export-json').addEventListener('click', () => void download('json'));

// --- examples, share -------------------------------------------------------------------------------------------

const exampleSelect = $<HTMLSelectElement>('examples');
examples.forEach((e, i) => exampleSelect.add(new Option(e.title, String(i))));
exampleSelect.addEventListener('change', () => {
  const e = examples[Number(exampleSelect.value)];
  if (e) model.setValue(e.query);
  exampleSelect.value = '';
});

$('share').addEventListener('click', async () => {
  const files = [...droppedText.entries()].map(([table]) => loaded.find((t) => t.name === table)).filter((t): t is TableInfo => t !== undefined);
  const tooBig = loaded.filter((t) => t.source === 'dropped' && !droppedText.has(t.name)).map((t) => t.name);
  const state: SharedState = {
    query: model.getValue(),
    now: nowInput.value,
    ...(files.length > 0 ? { files: files.map((t) => ({ name: t.file ?? `${t.name}.ndjson`, text: droppedText.get(t.name)! })) } : {}),
  };
  const hash = await encodeState(state);
  history.replaceState(null, '', hash);
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    setStatus(`link copied (${url.length.toLocaleString('en-US')} characters)`, 'good');
  } catch {
    setStatus('link in the address bar', 'good');
  }
  if (tooBig.length > 0) setStatus(`${status.textContent}; not in it: ${tooBig.join(', ')} (over ${MAX_INLINE_DATA_CHARS / 1024} KiB)`, 'good');
});

// --- rule tests ------------------------------------------------------------------------------------------------

let testEditor: monaco.editor.IStandaloneCodeEditor | undefined;
function ensureTestEditor(): monaco.editor.IStandaloneCodeEditor {
  testEditor ??= createYamlEditor($('test-editor'), STARTER_TEST);
  return testEditor;
}
const testSelect = $<HTMLSelectElement>('test-examples');
shippedTests.forEach((t, i) => testSelect.add(new Option(t.name, String(i))));
testSelect.addEventListener('change', async () => {
  const t = shippedTests[Number(testSelect.value)];
  testSelect.value = '';
  if (t) ensureTestEditor().setValue(await t.load());
});
$('run-tests').addEventListener('click', async () => {
  const summary = $('test-summary');
  summary.textContent = 'running…';
  summary.className = 'kq-status busy';
  setRunning(true);
  try {
    const reply = await runner.request<RuleTestReply>({ type: 'ruleTest', yaml: ensureTestEditor().getValue(), editorQuery: model.getValue() });
    showTestReport($('test-out'), summary, reply);
  } catch (err) {
    if (!(err instanceof CancelledError)) {
      summary.textContent = err instanceof EngineError ? err.message : String(err);
      summary.className = 'kq-status bad';
    }
  } finally {
    setRunning(false);
  }
});

// --- layout ----------------------------------------------------------------------------------------------------

const splitter = $('splitter');
splitter.addEventListener('pointerdown', (e) => {
  const editorHost = $('editor');
  const startY = e.clientY;
  const startH = editorHost.getBoundingClientRect().height;
  splitter.setPointerCapture(e.pointerId);
  const move = (m: PointerEvent) => (editorHost.style.height = `${Math.max(80, startH + m.clientY - startY)}px`);
  splitter.addEventListener('pointermove', move);
  splitter.addEventListener('pointerup', () => splitter.removeEventListener('pointermove', move), { once: true });
});

// --- start -----------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  let shared: SharedState | undefined;
  try {
    shared = await decodeState(location.hash);
  } catch (err) {
    setStatus(`the link could not be read: ${(err as Error).message}`, 'bad');
  }
  model.setValue(shared?.query ?? DEFAULT_QUERY);
  setStatus('loading the bundled dataset…', 'busy');
  const init = await runner.ready;
  loaded = [...init.tables];
  nowInput.value = shared?.now ?? init.now ?? new Date().toISOString();
  renderTables();
  timings.readyMs = performance.now();
  setStatus(`ready · ${init.tables.length} tables loaded in ${formatMs(init.ms)}`, 'good');
  catalogue = await checker.request<{ name: string; columns: ColumnInfo[] }[]>({ type: 'catalogue' });
  $('catalogue-count').textContent = `${catalogue.length} tables known`;
  if (shared?.files?.length) {
    const enc = new TextEncoder();
    await loadFiles(shared.files.map((f) => ({ name: f.name, bytes: enc.encode(f.text) })));
  } else await refreshSchemas();
}

void start();
