// Regenerates docs/functions.md and the functions summary in README.md from the function definitions:
//   npx tsx test/functions/update-reference.ts
// (reference.test.ts fails while either is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderFunctionsReference, renderReadmeSummary } from '../../src/engine/reference.js';
import { readmeWithSummary } from './reference-files.js';

const root = new URL('../../', import.meta.url);
writeFileSync(new URL('docs/functions.md', root), renderFunctionsReference());
const readme = new URL('README.md', root);
writeFileSync(readme, readmeWithSummary(readFileSync(readme, 'utf8'), renderReadmeSummary()));
console.log('wrote docs/functions.md and the functions summary of README.md');
