// The JSONPath subset Kusto supports (jsonpath.md): `$` (the root), `.name`, `['name']` / `["name"]` and `[n]`
// (a 0-based array index). Wildcards, recursion (`..`), unions, slices, filters and the current object (`@`) are not
// supported; a path using them, or malformed, does not parse. Used by extract_json (all steps) and by the bag
// functions (bag_has_key, bag_set_key, bag_remove_keys), which take keys only ("array indexing isn't supported").
// Browser-safe: no Node modules.

import type { Dynamic } from './types.js';
import { isDynamicArray, isDynamicBag } from './types.js';

export type JsonPathStep = { readonly key: string } | { readonly index: number };

/** Why a path does not parse, for messages; undefined when it parses. */
export type JsonPathResult = { readonly steps: readonly JsonPathStep[] } | { readonly error: string };

/**
 * Parses a JSONPath of the supported subset. [U] Names after `.` run to the next `.` or `[` (the docs only say to
 * use brackets for names with special characters); a quoted name runs to its closing quote followed by `]` (no
 * escapes); an index is decimal digits (a negative index is not part of the subset).
 */
export function parseJsonPath(path: string): JsonPathResult {
  if (path[0] !== '$') return { error: 'a JSONPath starts with $' };
  const steps: JsonPathStep[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      if (path[i + 1] === '.') return { error: 'recursive descent (..) is not supported' };
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const name = path.slice(i + 1, j);
      if (name === '') return { error: 'a property name is missing after .' };
      if (name === '*') return { error: 'wildcards are not supported' };
      steps.push({ key: name });
      i = j;
    } else if (c === '[') {
      const q = path[i + 1];
      if (q === "'" || q === '"') {
        const close = path.indexOf(q + ']', i + 2);
        if (close < 0) return { error: `unterminated [${q}...${q}]` };
        steps.push({ key: path.slice(i + 2, close) });
        i = close + 2;
      } else {
        const close = path.indexOf(']', i + 1);
        const body = close < 0 ? '' : path.slice(i + 1, close);
        if (!/^[0-9]+$/.test(body)) {
          return { error: body === '*' ? 'wildcards are not supported' : `[${body}] is not an array index or a quoted name` };
        }
        steps.push({ index: Number(body) });
        i = close + 1;
      }
    } else {
      return { error: `unexpected '${c}'` };
    }
  }
  return { steps };
}

/** The value a path selects, or undefined when a step finds nothing (a missing key, an index out of range). */
export function selectJsonPath(root: Dynamic, steps: readonly JsonPathStep[]): Dynamic | undefined {
  let v: Dynamic = root;
  for (const s of steps) {
    if ('key' in s) {
      if (!isDynamicBag(v) || !Object.prototype.hasOwnProperty.call(v, s.key)) return undefined;
      v = v[s.key] as Dynamic;
    } else {
      if (!isDynamicArray(v) || s.index >= v.length) return undefined;
      v = v[s.index] as Dynamic;
    }
  }
  return v;
}

/** Keys of a path whose steps are all property names (the bag functions'); null when it uses an array index. */
export function keyPath(steps: readonly JsonPathStep[]): string[] | null {
  const keys: string[] = [];
  for (const s of steps) {
    if (!('key' in s)) return null;
    keys.push(s.key);
  }
  return keys;
}
