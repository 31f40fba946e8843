// The `kqlite` command line: run, check, explain. Exit codes: 0 success, 1 query or data error, 2 usage error.
// A user's mistake prints one clear message with its position and never a stack trace (--debug shows one).

import { writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { Database } from './database.js';
import { formatDiagnostic, KqlError, type Diagnostic } from './diagnostics.js';
import { loadDataFolder, DataError, type LoadedDataset } from './node/load-data.js';
import { readRuleFile, RuleFileError, type RuleText } from './node/rule-file.js';
import type { QueryResult } from './result.js';
import { textCell, stringifyJson } from './tables/format.js';
import { parseDatetime } from './values/datetime.js';
import { renderSparklines } from './node/sparkline.js';
import { runRuleTests } from './node/rule-test.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The bundled dataset: fixtures/contoso next to the package root (src/ or dist/src/ both resolve). */
export function bundledDataDir(): string {
  for (const up of ['..', '../..']) {
    const d = resolve(here, up, 'fixtures', 'contoso');
    if (existsSync(d)) return d;
  }
  return resolve(here, '..', 'fixtures', 'contoso');
}

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  stdin: () => string;
}

const useColor = (io: Io) => io.isTTY && !process.env.NO_COLOR;

function formatAll(diags: readonly Diagnostic[], rule: RuleText, io: Io): string {
  return diags
    .map((d) =>
      formatDiagnostic(d, rule.text, rule.file, {
        color: useColor(io),
        lineOffset: rule.lineOffset,
        columnOffset: rule.columnOffset,
      }),
    )
    .join('\n');
}

function loadDatabase(dataDir: string | undefined, lenient: boolean, io: Io): { db: Database; dataset: LoadedDataset } {
  const dir = dataDir ?? bundledDataDir();
  const dataset = loadDataFolder(dir, { lenient, progress: (m) => io.err(`kqlite: ${m}`) });
  const db = new Database();
  for (const [name, t] of dataset.tables) db.addTable(name, t);
  for (const [name, n] of dataset.badValues) io.err(`kqlite: ${name}: ${n} bad value(s) turned into nulls (--lenient)`);
  return { db, dataset };
}

function ruleFromArgs(file: string | undefined, opts: { query?: string; block?: string }, io: Io): RuleText {
  if (opts.query !== undefined) return { file: 'query', text: opts.query, lineOffset: 0, columnOffset: 0 };
  if (!file) throw new UsageError('give a rule FILE, - for standard input, or --query TEXT');
  const block = opts.block !== undefined ? Number(opts.block) : undefined;
  if (block !== undefined && (!Number.isInteger(block) || block < 1)) throw new UsageError('--block takes a positive number');
  if (file === '-') return readRuleFile('stdin.kql', { stdinText: io.stdin() });
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return readRuleFile(file, { block });
}

export function renderResult(result: QueryResult, format: string, full: boolean): string {
  switch (format) {
    case 'json':
      return result.toJSONText() + '\n';
    case 'ndjson': {
      const cols = result.columns;
      return result
        .toJSON()
        .rows.map((r) => stringifyJson(Object.fromEntries(cols.map((c, j) => [c.name, r[j]]))))
        .map((l) => l + '\n')
        .join('');
    }
    case 'csv': {
      const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      const lines = [result.columns.map((c) => esc(c.name)).join(',')];
      for (const row of result.rows()) lines.push(row.map((v, j) => esc(textCell(v, result.columns[j]!.type))).join(','));
      return lines.join('\r\n') + '\r\n';
    }
    default:
      return result.toText({ maxWidth: full ? Infinity : 60 }) + '\n';
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('kqlite')
    .description('Run Kusto (KQL) queries — Sentinel / Defender XDR rules — over local data.')
    .option('--debug', 'show stack traces for internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('run')
    .description('run a rule or query and print its result')
    .argument('[file]', 'a .kql file, a Sentinel rule .yaml, a .md file (first ```kql block), or - for stdin')
    .option('-q, --query <text>', 'the query text itself')
    .option('-d, --data <dir>', 'data folder: one <Table>.ndjson|.jsonl|.json|.csv per table (default: bundled contoso dataset)')
    .option('--now <iso>', 'the instant now() and ago() use (default: the dataset\'s now, else the clock)')
    .option('-f, --format <format>', 'table | json | ndjson | csv', 'table')
    .option('-o, --out <file>', 'write the result to a file')
    .option('--block <n>', 'which ```kql block of a Markdown file')
    .option('--full', 'show long cells whole in table output')
    .option('--lenient', 'turn data values that do not fit their column into nulls (and count them) instead of failing')
    .option('--chart <file.svg>', 'when the query ends with render, write the chart as SVG')
    .addHelpText(
      'after',
      `
Examples:
  kqlite run examples/rules/link-target-t1608-005.kql
  kqlite run examples/rules/malicious-clicks-allowed.yaml --format json
  kqlite run --query "EmailEvents | summarize count() by DeliveryAction"
  kqlite run rule.kql --data ./my-export --now 2026-11-20T12:00:00Z --format csv --out result.csv`,
    )
    .action(async (file: string | undefined, opts: Record<string, string | boolean | undefined>) => {
      const format = String(opts.format);
      if (!['table', 'json', 'ndjson', 'csv'].includes(format)) throw new UsageError(`unknown --format '${format}' (table, json, ndjson or csv)`);
      const rule = ruleFromArgs(file, opts as never, io);
      if (opts.now !== undefined && parseDatetime(String(opts.now)) === null) {
        throw new UsageError(`--now takes an ISO-8601 datetime, got '${String(opts.now)}'`);
      }
      if (opts.data !== undefined && !existsSync(String(opts.data))) throw new UsageError(`no such data folder: ${String(opts.data)}`);
      const loadStarted = Date.now();
      const { db, dataset } = loadDatabase(opts.data as string | undefined, Boolean(opts.lenient), io);
      const loadMs = Date.now() - loadStarted;
      const now = (opts.now as string | undefined) ?? dataset.now;
      const started = Date.now();
      let result: QueryResult;
      try {
        // The CLI guards against runaway queries (a join or mv-expand producing billions of rows).
        result = db.query(rule.text, { now, fileName: rule.file, limits: { maxIntermediateRows: 100_000_000 } });
      } catch (err) {
        if (err instanceof KqlError) {
          io.err(formatAll(err.diagnostics, rule, io) + '\n');
          exitCode = 1;
          return;
        }
        throw err;
      }
      const text = renderResult(result, format, Boolean(opts.full));
      if (opts.out) {
        try {
          writeFileSync(String(opts.out), text);
        } catch (err) {
          throw new UsageError(`cannot write ${String(opts.out)}: ${(err as Error).message}`);
        }
      } else io.out(text);
      if (result.visualization) {
        if (opts.chart) {
          // Loaded only when asked for: the charting library takes most of a second to import.
          const { renderChartSvg, ChartError } = await import('./node/chart.js');
          try {
            writeFileSync(String(opts.chart), renderChartSvg(result));
          } catch (err) {
            if (err instanceof ChartError) {
              io.err(`kqlite: cannot draw the chart: ${err.message}\n`);
              exitCode = 1;
              return;
            }
            throw err;
          }
        } else if (format === 'table' && !opts.out && io.isTTY) {
          try {
            io.out(renderSparklines(result) + '\n');
          } catch {
            // A chart that cannot be drawn as text is simply not shown under the table.
          }
        }
      } else if (opts.chart) {
        io.err("kqlite: --chart needs a query that ends with 'render'\n");
        exitCode = 1;
        return;
      }
      io.err(`(${result.rowCount} row${result.rowCount === 1 ? '' : 's'}, query ${Date.now() - started} ms, data loaded in ${loadMs} ms)\n`);
    });

  program
    .command('check')
    .description('parse and bind rules without running them (a linter for a folder of rules)')
    .argument('<paths...>', '.kql, rule .yaml or .md files, or folders of them')
    .addHelpText('after', '\nExamples:\n  kqlite check examples/rules\n  kqlite check my-rule.kql other.yaml')
    .action((paths: string[]) => {
      const files = paths.flatMap((p) => collectRuleFiles(p));
      if (files.length === 0) throw new UsageError('no rule files found');
      const db = new Database();
      let errors = 0;
      for (const f of files) {
        let rule: RuleText;
        try {
          rule = readRuleFile(f);
        } catch (err) {
          if (err instanceof RuleFileError) {
            io.err(`${err.message}\n`);
            errors++;
            continue;
          }
          throw err;
        }
        const { diagnostics } = db.plan(rule.text);
        const bad = diagnostics.filter((d) => d.severity === 'error');
        if (bad.length > 0) {
          errors++;
          io.err(formatAll(bad, rule, io) + '\n');
        } else io.out(`${f}: ok\n`);
      }
      io.err(`${files.length - errors} of ${files.length} rule file(s) ok\n`);
      if (errors > 0) exitCode = 1;
    });

  program
    .command('test')
    .description('run rule tests: *.test.yaml files holding a rule, sample rows and the expected result')
    .argument('[paths...]', 'test files or folders to search (default: the current folder)')
    .addHelpText('after', '\nExamples:\n  kqlite test examples/tests\n  kqlite test my-rule.test.yaml')
    .action((paths: string[]) => {
      exitCode = runRuleTests(paths.length > 0 ? paths : ['.'], {
        out: io.out,
        err: io.err,
        color: useColor(io),
      });
    });

  program
    .command('explain')
    .description('print the bound plan of a rule, with the output schema of every step')
    .argument('[file]', 'a .kql, rule .yaml or .md file, or -')
    .option('-q, --query <text>', 'the query text itself')
    .option('--block <n>', 'which ```kql block of a Markdown file')
    .addHelpText('after', '\nExamples:\n  kqlite explain examples/rules/link-target-t1608-005.kql\n  kqlite explain --query "EmailEvents | summarize count() by SenderFromDomain"')
    .action((file: string | undefined, opts: Record<string, string | undefined>) => {
      const rule = ruleFromArgs(file, opts, io);
      const db = new Database();
      try {
        io.out(db.explain(rule.text) + '\n');
      } catch (err) {
        if (err instanceof KqlError) {
          io.err(formatAll(err.diagnostics, rule, io) + '\n');
          exitCode = 1;
          return;
        }
        throw err;
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      io.err(`kqlite: ${err.message}\n`);
      return 2;
    }
    if (err instanceof DataError || err instanceof RuleFileError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    if (err instanceof KqlError) {
      io.err(`kqlite: ${err.message}\n`);
      return 1;
    }
    const debug = argv.includes('--debug');
    io.err(`kqlite: internal error: ${(err as Error).message}\n${debug ? (err as Error).stack + '\n' : '(run with --debug for details; please report it)\n'}`);
    return 1;
  }
  return exitCode;
}

function collectRuleFiles(p: string): string[] {
  if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  if (statSync(p).isDirectory()) {
    return readdirSync(p)
      .sort()
      .flatMap((f) => collectRuleFiles(join(p, f)))
      .filter((f) => ['.kql', '.yaml', '.yml', '.md'].includes(extname(f)) && !f.endsWith('.test.yaml'));
  }
  return [p];
}

