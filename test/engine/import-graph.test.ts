// The import graph of src/: no cycle anywhere (type-only imports included: a cycle of types is still a knot a
// reader has to untie), and the engine's layers only import downwards (src/engine/CONTEXT.md "Layers").
// A small scanner of `import ... from './x.js'` / `export ... from` / `import('./x.js')`; relative paths only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('../../src', import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file, resolved to .ts paths (the project writes `./x.js` for `./x.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const patterns = [/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]/gm, /^\s*import\s*['"](\.[^'"]+)['"]/gm, /import\(\s*['"](\.[^'"]+)['"]\s*\)/g];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) out.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  }
  return out;
}

const files = sourceFiles(root);
const graph = new Map(files.map((f) => [f, importsOf(f).filter((d) => d !== f)]));
const rel = (f: string) => relative(root, f);

function findCycles(): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(' → '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

describe('import graph of src/', () => {
  it('the scanner sees the imports (sanity)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(join(root, 'engine/exec/execute.ts'))).toContain(join(root, 'engine/operators/index.ts'));
  });

  it('has no cycle', () => {
    expect(findCycles()).toEqual([]);
  });

  // Layers of src/engine, bottom to top: kernels → functions → plan → bind, exec → operators → the dispatchers
  // (which look operators up). A layer may import its own and lower layers only (and anything outside src/engine).
  const layers = ['kernels', 'functions', 'plan', 'bind|exec', 'operators', 'dispatchers'];
  const DISPATCHERS = ['engine/bind/bind-script.ts', 'engine/bind/bind-tabular.ts', 'engine/exec/execute.ts'];
  const layerOf = (f: string): number | undefined => {
    if (DISPATCHERS.includes(rel(f))) return layers.indexOf('dispatchers');
    const m = /^engine\/([^/]+)\//.exec(rel(f));
    if (!m) return undefined;
    const i = layers.findIndex((l) => l.split('|').includes(m[1]!));
    return i < 0 ? undefined : i;
  };
  it.each(layers)('engine/%s imports only its own and lower layers', (layer) => {
    const level = layers.indexOf(layer);
    const bad: string[] = [];
    for (const [f, deps] of graph) {
      if (layerOf(f) !== level) continue;
      for (const d of deps) {
        const l = layerOf(d);
        if (l !== undefined && l > level) bad.push(`${rel(f)} → ${rel(d)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
