// `--functions DIR`: a folder (searched recursively) of stored function definitions, so rules that call a Sentinel
// parser or a saved function run unchanged.
//   *.kql   `.create-or-alter function [with (...)] Name(params) { body }` (Kusto's command), or, without it, the
//           body of a parameterless function named after the file (a query saved as a function in Log Analytics)
//   *.yaml  Azure-Sentinel parser / function YAML: FunctionName and FunctionAlias (both names are defined),
//           FunctionQuery, FunctionParams (Name, Type, Default); ASIM parsers: ParserName, EquivalentBuiltInParser,
//           ParserQuery, ParserParams.
// A name defined twice, a YAML without a query, or a definition that does not parse is an error naming the file.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Database } from '../database.js';
import { KqlError, lineCol } from '../diagnostics.js';
import { DataError } from '../tables/data-error.js';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(kql|ya?ml)$/i.test(entry)) out.push(path);
  }
  return out;
}

interface Param {
  Name?: unknown;
  Type?: unknown;
  Default?: unknown;
}

/** FunctionParams → `a:string = "x", n:long = 5` (a string default not written as a KQL literal is quoted). */
function parametersText(params: unknown, file: string): string {
  if (params === undefined || params === null) return '';
  if (!Array.isArray(params)) throw new DataError(file, 0, 0, 'FunctionParams must be a list of {Name, Type, Default}');
  return (params as Param[])
    .map((p) => {
      if (typeof p?.Name !== 'string' || typeof p.Type !== 'string') throw new DataError(file, 0, 0, 'each parameter needs a Name and a Type');
      if (p.Default === undefined || p.Default === null) return `${p.Name}:${p.Type}`;
      let d = String(p.Default);
      if (p.Type.toLowerCase() === 'string' && !/^\s*(['"]|@['"]|h['"]|dynamic\(|strcat\()/.test(d)) d = JSON.stringify(d);
      return `${p.Name}:${p.Type} = ${d}`;
    })
    .join(', ');
}

function defineYaml(db: Database, file: string, text: string, defined: Map<string, string>): void {
  const doc = parseDocument(text);
  const bad = doc.errors[0];
  if (bad) throw new DataError(file, bad.linePos?.[0].line ?? 0, bad.linePos?.[0].col ?? 0, bad.message);
  const root = doc.contents;
  const js = doc.toJS() as Record<string, unknown> | null;
  if (!isMap(root) || js === null || typeof js !== 'object') throw new DataError(file, 0, 0, 'not a function definition (a map with FunctionName and FunctionQuery)');
  const queryKey = js.FunctionQuery !== undefined ? 'FunctionQuery' : js.ParserQuery !== undefined ? 'ParserQuery' : undefined;
  if (!queryKey) throw new DataError(file, 0, 0, 'not a function definition: no FunctionQuery (or ParserQuery)');
  const names = [js.FunctionAlias, js.FunctionName, js.ParserName, js.EquivalentBuiltInParser]
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.trim());
  if (names.length === 0) throw new DataError(file, 0, 0, 'no FunctionName or FunctionAlias (or ParserName)');
  const node = root.get(queryKey, true);
  const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  const bodyLine = isScalar(node) && node.range ? lineCol(text, node.range[0]).line + (block ? 1 : 0) : 1;
  const parameters = parametersText(js[queryKey === 'FunctionQuery' ? 'FunctionParams' : 'ParserParams'], file);
  for (const name of new Set(names)) {
    claim(name, file, defined);
    defineOrFail(file, bodyLine - 2, () => db.defineFunction(name, { parameters, body: String(js[queryKey]), fileName: file, bodyLine }));
  }
}

/** Runs a definition; a KqlError becomes a DataError at the file's line (`shift` maps the wrapped text's lines). */
function defineOrFail(file: string, shift: number, define: () => string): string {
  try {
    return define();
  } catch (err) {
    if (!(err instanceof KqlError)) throw err;
    const pos = err.position;
    throw new DataError(file, pos ? pos.line + shift : 0, pos?.column ?? 0, err.diagnostics[0]?.message ?? err.message);
  }
}

function claim(name: string, file: string, defined: Map<string, string>): void {
  const other = defined.get(name);
  if (other !== undefined) throw new DataError(file, 0, 0, `function '${name}' is also defined in ${other}`);
  defined.set(name, file);
}

/** Defines every function of `dir` on the database; returns their names. */
export function loadFunctionFolder(db: Database, dir: string): string[] {
  const defined = new Map<string, string>();
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (/\.ya?ml$/i.test(file)) {
      defineYaml(db, file, text, defined);
    } else if (/^\s*(\/\/[^\n]*\n\s*)*\.(create|alter)/i.test(text)) {
      claim(defineOrFail(file, 0, () => db.defineFunction(text, { fileName: file })), file, defined);
    } else {
      const name = basename(file, extname(file));
      claim(name, file, defined);
      defineOrFail(file, -1, () => db.defineFunction(name, { parameters: '', body: text, fileName: file, bodyLine: 1 }));
    }
  }
  return [...defined.keys()];
}
