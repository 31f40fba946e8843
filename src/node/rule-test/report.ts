// Machine-readable reports of a `kqlite test` run for CI systems: JUnit XML (one <testsuite> per test file, one
// <testcase> per case, the diff as the failure text) and JSON. Written from the same outcomes the console shows.

import junitModule, { type Builder } from 'junit-report-builder';

// The package is CommonJS with `exports.default`: Node's ESM loader and bundlers disagree on which object the
// default import is, so take whichever has the builder.
const junit: Builder = (junitModule as unknown as { newBuilder?: unknown }).newBuilder
  ? (junitModule as unknown as Builder)
  : (junitModule as unknown as { default: Builder }).default;

export interface CaseReport {
  readonly name: string;
  readonly line: number;
  readonly passed: boolean;
  /** The failure lines without colour (the diff). */
  readonly failure: readonly string[];
  readonly ms: number;
}

export interface FileReport {
  /** The test file as shown (relative to the working folder). */
  readonly file: string;
  readonly name?: string;
  /** Errors that stopped the whole file (it then counts as one failure). */
  readonly errors: readonly string[];
  readonly cases: readonly CaseReport[];
  readonly ms: number;
}

const seconds = (ms: number) => Math.max(0, ms / 1000).toFixed(3);

/**
 * JUnit XML as Jenkins, GitLab and GitHub test reporters read it. classname is the test file (so reports group by
 * file), the case name is the name; a broken file is one <testcase> with an <error>. The writer escapes attribute
 * and text content and drops characters XML cannot hold.
 */
export function junitReport(files: readonly FileReport[]): string {
  const b = junit.newBuilder().name('kqlite test');
  for (const f of files) {
    const suite = b.testSuite().name(f.name ? `${f.file} (${f.name})` : f.file).time(Number(seconds(f.ms)));
    if (f.errors.length > 0) {
      suite
        .testCase()
        .className(f.file)
        .name(`${f.file} could not run`)
        .error(f.errors[0]!.split('\n')[0], 'TestFileError', f.errors.join('\n'));
    }
    for (const c of f.cases) {
      const tc = suite.testCase().className(f.file).name(c.name).time(Number(seconds(c.ms)));
      if (!c.passed) tc.failure(`${f.file}:${c.line}: ${c.failure[0] ?? 'failed'}`, 'ExpectationFailure').stacktrace(c.failure.join('\n'));
    }
  }
  // The writer puts `skipped` on <testsuites>, which the Jenkins JUnit schema (junit-10.xsd) does not define there;
  // kqlite never skips a case, so the attribute carries nothing and is dropped to keep the report schema-valid.
  return b.build().replace(/(<testsuites\b[^>]*?) skipped="\d+"/, '$1') + '\n';
}

export function jsonReport(files: readonly FileReport[], totals: { passed: number; failed: number }): string {
  return (
    JSON.stringify(
      {
        passed: totals.passed,
        failed: totals.failed,
        files: files.map((f) => ({
          file: f.file,
          name: f.name ?? null,
          errors: f.errors,
          cases: f.cases.map((c) => ({ name: c.name, line: c.line, status: c.passed ? 'passed' : 'failed', failure: c.failure.join('\n'), ms: Math.round(c.ms * 1000) / 1000 })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
