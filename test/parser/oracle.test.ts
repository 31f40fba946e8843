// Parse-acceptance oracle: Microsoft's own KQL parser (Kusto.Language, via test/support/ms-kusto.ts) decides
// whether each corpus query is syntactically valid, and our parser must make the same accept/reject decision.
// The corpus folder (valid/ or invalid/) records Microsoft's decision; part (a) re-checks it so a corpus edit that
// Microsoft disagrees with fails loudly instead of silently teaching us the wrong answer. See test/corpus/README.md.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../src/parser/index.js';
import { loadMsKusto, msLoadMillis, msSyntaxDiagnostics } from '../support/ms-kusto.js';

type Folder = 'valid' | 'invalid';
type Decision = 'accept' | 'reject' | 'crash';

interface CorpusCase {
  readonly folder: Folder;
  readonly file: string;
  readonly text: string;
}

const corpusRoot = new URL('../corpus/', import.meta.url);

function readFolder(folder: Folder): CorpusCase[] {
  const dir = new URL(`${folder}/`, corpusRoot);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.kql'))
    .sort()
    .map((file) => ({ folder, file, text: readFileSync(new URL(file, dir), 'utf8') }));
}

const cases: readonly CorpusCase[] = [...readFolder('valid'), ...readFolder('invalid')];

function msDecision(text: string): { decision: Decision; detail: string } {
  const diagnostics = msSyntaxDiagnostics(text);
  const first = diagnostics[0];
  return first
    ? { decision: 'reject', detail: `${first.message} at ${first.start}` }
    : { decision: 'accept', detail: 'no syntax diagnostics' };
}

function isErrorDiagnostic(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { severity?: unknown }).severity === 'error';
}

function describeDiagnostic(value: unknown): string {
  const d = value as { message?: unknown; span?: { start?: unknown } };
  return `${String(d.message)} at ${String(d.span?.start)}`;
}

/**
 * Our parser's decision. Accept = no error-severity diagnostics. The parser reports problems as diagnostics
 * (src/diagnostics.ts: "every phase collects them instead of throwing"); a thrown KqlError is still read as a
 * rejection, but any other exception is a crash, which agrees with neither side.
 */
function ourDecision(text: string): { decision: Decision; detail: string } {
  let result: unknown;
  try {
    result = parse(text);
  } catch (error) {
    if (error instanceof Error && error.name === 'KqlError') return { decision: 'reject', detail: error.message };
    return { decision: 'crash', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const diagnostics = (result as { diagnostics?: unknown } | null)?.diagnostics;
  if (!Array.isArray(diagnostics)) {
    return { decision: 'crash', detail: 'parse() returned no diagnostics array' };
  }
  const firstError: unknown = diagnostics.find(isErrorDiagnostic);
  return firstError === undefined
    ? { decision: 'accept', detail: 'no error diagnostics' }
    : { decision: 'reject', detail: describeDiagnostic(firstError) };
}

// Loading Kusto.Language takes ~2–3 s alone and several times that on a busy machine: a generous hook timeout.
beforeAll(() => {
  loadMsKusto();
  console.log(`Kusto.Language loaded in ${msLoadMillis().toFixed(0)} ms`);
}, 120_000);

describe('corpus shape', () => {
  it('has at least 170 valid and 35 invalid queries', () => {
    expect(cases.filter((c) => c.folder === 'valid').length).toBeGreaterThanOrEqual(170);
    expect(cases.filter((c) => c.folder === 'invalid').length).toBeGreaterThanOrEqual(35);
  });

  it('names files NNN-short-name.kql and starts each with a // comment saying what it exercises', () => {
    for (const c of cases) {
      expect(c.file, c.file).toMatch(/^\d{3}-[a-z0-9-]+\.kql$/);
      expect(c.text.startsWith('//'), `${c.folder}/${c.file}`).toBe(true);
    }
  });
});

describe('(a) Microsoft parser matches the folder', () => {
  it.each(cases)('$folder/$file', ({ folder, text }) => {
    const ms = msDecision(text);
    expect(ms.decision, ms.detail).toBe(folder === 'valid' ? 'accept' : 'reject');
  });
});

describe('(b) our parser makes the same decision as Microsoft', () => {
  const disagreements: string[] = [];
  let compared = 0;

  it.each(cases)('$folder/$file', ({ folder, file, text }) => {
    const ms = msDecision(text);
    const ours = ourDecision(text);
    compared++;
    if (ours.decision !== ms.decision) {
      disagreements.push(`${folder}/${file}: Microsoft ${ms.decision} (${ms.detail}); ours ${ours.decision} (${ours.detail})`);
    }
    expect(ours.decision, `Microsoft: ${ms.detail}; ours: ${ours.detail}`).toBe(ms.decision);
  });

  afterAll(() => {
    const agree = compared - disagreements.length;
    console.log(
      [`parse-acceptance agreement with Microsoft: ${agree}/${compared} agree`, ...disagreements.map((d) => `  ${d}`)].join(
        '\n',
      ),
    );
  });
});
