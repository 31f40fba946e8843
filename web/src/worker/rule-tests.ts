// The rule-test view's runner: the CLI's own `kqlite test` code (src/node/rule-test/run-file.ts) over the in-memory
// file system. The shipped examples (examples/rules, examples/tests) are there at the same relative places as in
// the repository, so a test pasted from examples/tests finds `rule: ../rules/…`; the editor's query is
// /examples/tests/editor.kql (`rule: editor.kql`). `data: bundled` is the dataset the page already loaded.
import type { LoadedDataset } from '../../../src/node/load-data.ts';
import { ansiPaint } from '../../../src/testing/compare-rows.ts';
import { prepareTestFile, runPrepared } from '../../../src/node/rule-test/run-file.ts';
import type { RuleTestReply } from '../protocol';
import { putFile } from '../shims/fs';
import { BUNDLED_DIR, bundledDataset } from './data';

const examples = import.meta.glob(['../../../examples/rules/*', '../../../examples/tests/**/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

for (const [path, text] of Object.entries(examples)) putFile(path.replace(/^(\.\.\/)+/, '/'), text);

export const TEST_FILE = '/examples/tests/playground.test.yaml';

export function runRuleTest(yaml: string, editorQuery: string): RuleTestReply {
  putFile(TEST_FILE, yaml);
  putFile('/examples/tests/editor.kql', editorQuery);
  const datasets = new Map<string, LoadedDataset>();
  const bundled = bundledDataset();
  if (bundled) datasets.set(BUNDLED_DIR, bundled);
  const prepared = prepareTestFile(TEST_FILE, datasets, () => BUNDLED_DIR);
  const cases = prepared.errors.length > 0 ? [] : runPrepared(prepared, { paint: ansiPaint() });
  const passed = cases.filter((c) => c.passed).length;
  return {
    errors: prepared.errors,
    cases: cases.map((c) => ({ name: c.name, line: c.line, passed: c.passed, failure: c.failure, ms: c.ms })),
    passed,
    failed: cases.length - passed + (prepared.errors.length > 0 ? 1 : 0),
  };
}
