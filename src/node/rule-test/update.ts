// `kqlite test --update`: write each failing case's actual result into its expectations (its `count`, and its
// `rows` naming the same columns the old rows named, or every column), so the change shows up in review as a diff
// of the test file. The YAML document is edited in place (comments, key order and scalar styles are kept as far as
// the yaml library's round trip keeps them). `match:` / `dont-match:` rows are statements, not snapshots: a failing
// one is left failing.

import { writeFileSync } from 'node:fs';
import { isMap, type Document, type Node, type YAMLMap } from 'yaml';
import type { CaseSpec, TestFile } from './test-file.js';
import type { CaseOutcome } from './run-file.js';

/** Rewrites the file when a case changed; returns the cases whose expectations were rewritten. */
export function updateExpectations(spec: TestFile, outcomes: readonly CaseOutcome[]): Set<CaseSpec> {
  const updated = new Set<CaseSpec>();
  for (const o of outcomes) {
    if (o.passed || !o.result || o.spec.kind !== 'case' || !o.spec.node || !isMap(o.spec.node)) continue;
    const expect = o.spec.node.get('expect', true) as Node | undefined;
    if (!expect || !isMap(expect)) continue;
    if (rewrite(spec.doc, expect, o)) updated.add(o.spec);
  }
  if (updated.size > 0) writeFileSync(spec.path, spec.doc.toString({ lineWidth: 0, minContentWidth: 0 }));
  return updated;
}

function rewrite(doc: Document, expect: YAMLMap, o: CaseOutcome): boolean {
  const result = o.result!;
  const objects = result.toObjects();
  const n = objects.length;
  const e = o.spec.expect;
  if (expect.has('fires')) expect.set('fires', n > 0);
  if (expect.has('count') || expect.has('rows')) expect.set('count', n);
  if (expect.has('columns')) expect.set('columns', doc.createNode(result.columns.map((c) => c.name), { flow: true }));
  if (expect.has('rows')) {
    const named = new Set((e.rows ?? []).flatMap((r) => Object.keys(r.values)));
    const keep = named.size > 0 ? result.columns.filter((c) => named.has(c.name)).map((c) => c.name) : result.columns.map((c) => c.name);
    const rows = objects.map((row) => {
      return doc.createNode(Object.fromEntries(keep.map((k) => [k, row[k]])), { flow: true });
    });
    const seq = doc.createNode([]) as Node & { items: unknown[] };
    seq.items.push(...rows);
    expect.set('rows', seq);
  }
  // `contains` (at least these rows) is left as written: which expected row is wrong is the reviewer's call.
  return !expect.has('contains') || expect.has('rows') || expect.has('count') || expect.has('fires');
}
