// `kqlite test --watch`: run the tests, then again whenever a test file, a rule it names or its data folder
// changes (fs.watch, debounced so one save that writes twice runs once). Runs until interrupted (SIGINT/SIGTERM).

import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { findTestFiles, runRuleTests, type RuleTestIo } from '../rule-test.js';
import { readTestFile } from './test-file.js';

/** Everything a run depends on: the test files, their rule files and data folders, and the folders searched. */
function watchedPaths(paths: readonly string[]): string[] {
  const out = new Set<string>(paths.filter((p) => existsSync(p)));
  let files: string[] = [];
  try {
    files = findTestFiles(paths);
  } catch {
    return [...out];
  }
  for (const f of files) {
    out.add(f);
    try {
      const spec = readTestFile(f);
      if (spec.rule.kind === 'file') out.add(spec.rule.path);
      if (spec.from.kind === 'folder') out.add(spec.from.dir);
    } catch {
      out.add(dirname(f)); // a broken test file: watch it to rerun once it is fixed
    }
  }
  return [...out];
}

export function watchRuleTests(paths: string[], io: RuleTestIo, debounceMs = 150): Promise<number> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    for (const w of watchers) w.close();
    watchers = watchedPaths(paths).map((p) => watch(p, () => schedule()));
  };
  const runOnce = () => {
    runRuleTests(paths, io);
    io.out(`\nwatching ${watchers.length || watchedPaths(paths).length} path(s) for changes (Ctrl-C to stop)\n`);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      io.out(`\n--- change detected, running again ---\n`);
      arm();
      runOnce();
    }, debounceMs);
  };
  arm();
  runOnce();
  return new Promise((resolve) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
