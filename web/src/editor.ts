// The KQL editor: Monaco with Microsoft's Kusto language support (@kusto/monaco-kusto: highlighting, completion,
// hovers) fed kqlite's own table catalogue and the loaded tables' schemas; the squiggles are kqlite's own
// diagnostics (parse + bind in the checker worker), so they show what Run would stop with, at its position.
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { getKustoWorker, themeNames, type Database as KustoDatabase, type EngineSchema } from '@kusto/monaco-kusto';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import KustoWorker from './kusto.worker.ts?worker';
import type { ColumnInfo, DiagnosticInfo } from './protocol';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'kusto' ? new KustoWorker() : new EditorWorker()),
};

export { monaco };

/** The markers' owner: Microsoft's analyser reports as 'kusto', ours as 'kqlite'. */
export const MARKER_OWNER = 'kqlite';

export function createKqlEditor(host: HTMLElement, text: string, onRun: () => void): monaco.editor.IStandaloneCodeEditor {
  const editor = monaco.editor.create(host, {
    value: text,
    language: 'kusto',
    theme: themeNames.light,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    'semanticHighlighting.enabled': true,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);
  editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, onRun);
  // kqlite's diagnostics are the ones that matter here (what kqlite runs or refuses); Microsoft's analyser would
  // add its own for the same mistakes, and differ where kqlite refuses by name: its markers are cleared.
  monaco.editor.onDidChangeMarkers((uris) => {
    const model = editor.getModel();
    if (!model || !uris.some((u) => u.toString() === model.uri.toString())) return;
    if (monaco.editor.getModelMarkers({ owner: 'kusto', resource: model.uri }).length > 0) monaco.editor.setModelMarkers(model, 'kusto', []);
  });
  return editor;
}

export function createYamlEditor(host: HTMLElement, text: string): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(host, {
    value: text,
    language: 'yaml',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    tabSize: 2,
  });
}

/** Gives Monaco's Kusto worker the tables for completion: the catalogue, with loaded tables' own columns first. */
export async function setEditorSchema(model: monaco.editor.ITextModel, tables: readonly { name: string; columns: readonly ColumnInfo[] }[]): Promise<void> {
  const database: KustoDatabase = {
    name: 'kqlite',
    tables: tables.map((t) => ({ name: t.name, entityType: 'Table', columns: t.columns.map((c) => ({ name: c.name, type: c.type })) })),
    functions: [],
    entityGroups: [],
    majorVersion: 1,
    minorVersion: 0,
  };
  const schema: EngineSchema = { clusterType: 'Engine', cluster: { connectionString: 'kqlite', databases: [database] }, database };
  const accessor = await getKustoWorker();
  const worker = await accessor(model.uri);
  await worker.setSchema(schema);
}

/** kqlite's diagnostics as markers (offsets become line:column in the model). */
export function showDiagnostics(model: monaco.editor.ITextModel, diagnostics: readonly DiagnosticInfo[]): void {
  const markers = diagnostics.map((d) => {
    const start = model.getPositionAt(d.start);
    // An empty span (a missing token at the end) still gets one character to underline.
    const end = model.getPositionAt(Math.max(d.end, d.start + 1));
    return {
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: [d.message, ...d.notes].join('\n'),
      code: d.code,
      source: 'kqlite',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
