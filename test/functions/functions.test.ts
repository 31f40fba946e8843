// Functions tested as data. Every definition in the registry (scalar, aggregation, window, special) has a case file
// test/functions/<category>/<name>.kql in the conformance format (test/conformance/case-file.ts), whose expected
// values come from the function's page in the official docs; every case file belongs to a definition; and every
// definition's `example` runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { allFunctions } from '../../src/engine/functions/registry.js';
import { DEFAULT_NOW, parseCaseFile, runCase } from '../conformance/case-file.js';
import { caseFilePath, caseFiles, FUNCTIONS_DIR, hasCaseFile } from './files.js';

const defs = allFunctions();

/** Does the KQL text call `name(` (as a whole word)? */
const calls = (kql: string, name: string) => new RegExp(`(^|[^\\w])${name}\\s*\\(`).test(kql);

describe('every function has a case file', () => {
  it.each(defs.map(({ category, def }) => [`${category}/${def.name}`, category, def] as const))('%s', (_n, category, def) => {
    expect(hasCaseFile(category, def.name), `missing test/functions/${category}/${def.name}.kql`).toBe(true);
    const cases = parseCaseFile(readFileSync(caseFilePath(category, def.name), 'utf8'), `${category}/${def.name}.kql`);
    const names = [def.name, ...(def.aliases ?? [])];
    expect(cases.some((c) => names.some((n) => calls(c.kql, n))), `no case of ${category}/${def.name}.kql calls ${def.name}()`).toBe(true);
  });

  it('every case file belongs to a definition of its category', () => {
    const known = new Set(defs.map(({ category, def }) => `${category}/${def.name}.kql`));
    expect(caseFiles().filter((f) => !known.has(f))).toEqual([]);
  });
});

describe('every definition\'s example runs', () => {
  it.each(defs.map(({ def }) => [def.name, def] as const))('%s', (_n, def) => {
    expect(calls(def.example, def.name) || (def.aliases ?? []).some((a) => calls(def.example, a)), `the example of ${def.name} does not call it`).toBe(true);
    const result = new Database().query(def.example, { now: DEFAULT_NOW });
    expect(result.columns.length).toBeGreaterThan(0);
  });
});

describe.each(caseFiles())('%s', (file) => {
  const cases = parseCaseFile(readFileSync(join(FUNCTIONS_DIR, file), 'utf8'), file);
  it.each(cases.map((c) => [`${file}:${c.line}`, c] as const))('%s', (_name, c) => runCase(c));
});
