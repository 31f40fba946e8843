// docs/functions.md and README.md's functions summary are generated from the definitions: they must be current.
// Regenerate with `npx tsx test/functions/update-reference.ts`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionCounts, renderFunctionsReference, renderReadmeSummary } from '../../src/engine/reference.js';
import { readmeWithSummary } from './reference-files.js';

const root = new URL('../../', import.meta.url);

describe('generated functions reference', () => {
  it('docs/functions.md is current', () => {
    expect(readFileSync(new URL('docs/functions.md', root), 'utf8')).toBe(renderFunctionsReference());
  });
  it("README.md's functions summary is current", () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toBe(readmeWithSummary(readme, renderReadmeSummary()));
  });
  it('counts every definition and lists every refused Kusto name', () => {
    const c = functionCounts();
    expect(c.byKind.scalar + c.byKind.aggregate + c.byKind.window + c.byKind.special).toBe(c.implemented);
    const text = renderFunctionsReference();
    expect(text).toContain('[`round`](https://learn.microsoft.com/kusto/query/round-function)');
    expect(text).toMatch(/the period scores are undocumented .*\| `series_periods_detect`/);
  });
});
