// The core editor with all its contributions but no language bundles (Kusto comes from @kusto/monaco-kusto, YAML
// from basic-languages): the same API as editor.api.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor/esm/vs/editor/editor.api';
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
