// The playground is a static site: `vite build` writes dist/ (relative asset paths, so it can be hosted anywhere).
// The engine is bundled from the library's TypeScript sources (../src), so the page always runs this checkout's
// kqlite. A few Node-only modules of the library are replaced by in-memory stand-ins (src/shims/, see CONTEXT.md):
// they let the CLI's own data-folder loader and rule-test runner run unchanged in the query worker.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { contosoDataset } from './build/contoso-dataset.ts';
import { inlineIntoHtml, inlineWorkers } from './build/single-file.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const shims = [
  { find: /^node:fs$/, replacement: here('./src/shims/fs.ts') },
  { find: /^node:path$/, replacement: here('./src/shims/path.ts') },
  { find: /^node:buffer$/, replacement: here('./src/shims/buffer.ts') },
  // The one file of the loader that reads bytes from disk: replaced by a reader of in-memory bytes.
  { find: /^\.\/file-text\.js$/, replacement: here('./src/shims/file-text.ts') },
];

/** In the query worker, chart.ts's vega imports (used only by its SVG renderer) resolve to a stand-in. */
function vegaUnusedInWorker(): Plugin {
  const chartModule = here('../src/node/chart.ts');
  const stub = here('./src/shims/vega-unused.ts');
  return {
    name: 'kqlite-vega-unused-in-worker',
    enforce: 'pre',
    resolveId(id, importer) {
      return (id === 'vega' || id === 'vega-lite') && importer === chartModule ? stub : undefined;
    },
  };
}

/**
 * The rule-test runner names files relative to `process.cwd()` (run-file.ts's displayPath); in the worker the
 * working directory is the in-memory folder of the test being run (src/worker/rule-tests.ts).
 */
function workingDirectoryInWorker(): Plugin {
  const runFile = here('../src/node/rule-test/run-file.ts');
  return {
    name: 'kqlite-cwd-in-worker',
    transform(code, id) {
      if (id !== runFile) return undefined;
      if (!code.includes('process.cwd()')) this.error('run-file.ts no longer calls process.cwd(): update web/vite.config.ts');
      return { code: code.replaceAll('process.cwd()', JSON.stringify('/examples/tests')), map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  // `--mode single`: one index.html holding everything, for file:// (build/single-file.ts).
  const single = mode === 'single';
  const oneBundle = single ? { output: { inlineDynamicImports: true } } : {};
  const workerPlugins = () => [vegaUnusedInWorker(), workingDirectoryInWorker(), contosoDataset(here('../fixtures/contoso'))];
  return {
  base: './',
  plugins: [contosoDataset(here('../fixtures/contoso')), ...(single ? [inlineWorkers(here('./src/')), inlineIntoHtml()] : [])],
  resolve: {
    alias: shims,
    // vega-embed and the library's chart module must share one vega / vega-lite.
    dedupe: ['vega', 'vega-lite'],
  },
  define: {
    // Microsoft's Kusto language service (Bridge.NET output, in Monaco's Kusto worker) takes `global` for its
    // global object once a bundler has wrapped it as a CommonJS module.
    global: 'globalThis',
  },
  worker: { format: 'es', plugins: workerPlugins, rollupOptions: oneBundle },
  server: { fs: { allow: [here('..')] } },
  // The dev server serves dependencies of workers unbundled unless listed: the Kusto worker's Bridge.NET scripts
  // only work bundled (CommonJS-style globals).
  optimizeDeps: { include: ['@kusto/monaco-kusto/release/esm/kusto.worker.js'] },
  build: {
    target: 'es2022',
    outDir: single ? 'dist-single' : 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: single ? 40_000 : 12_000,
    reportCompressedSize: !single,
    ...(single ? { assetsInlineLimit: Number.MAX_SAFE_INTEGER, cssCodeSplit: false, rollupOptions: oneBundle } : {}),
  },
  };
});
