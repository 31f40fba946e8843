// `kqlite run`: run a rule or query over a data folder and print the result (and its chart).

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { KqlError } from '../../diagnostics.js';
import { renderSparklines } from '../../node/sparkline.js';
import type { QueryResult } from '../../result.js';
import { addDataOptions, addLimitOptions, checkDataOptions, limitsFromOptions, openData, type DataOptions, type LimitOptions } from '../data-options.js';
import { formatAll, UsageError, type CommandState, type Io } from '../io.js';
import { outputFormats, renderResults } from '../render-result.js';
import { ruleFromArgs } from '../rule-args.js';

interface RunOptions extends DataOptions, LimitOptions {
  query?: string;
  block?: string;
  format: string;
  out?: string;
  full?: boolean;
  chart?: string;
}

export function registerRun(program: Command, io: Io, state: CommandState): void {
  const cmd = program
    .command('run')
    .description('run a rule or query and print its result')
    .argument('[file]', 'a .kql file, a Sentinel rule .yaml, a .md file (first ```kql block), or - for stdin')
    .option('-q, --query <text>', 'the query text itself');
  addLimitOptions(addDataOptions(cmd))
    .option('-f, --format <format>', outputFormats.join(' | '), 'table')
    .option('-o, --out <file>', 'write the result to a file')
    .option('--block <n>', 'which ```kql block of a Markdown file')
    .option('--full', 'show long cells whole in table output')
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
    .action(async (file: string | undefined, opts: RunOptions) => {
      const format = String(opts.format);
      if (!(outputFormats as readonly string[]).includes(format)) {
        throw new UsageError(`unknown --format '${format}' (${outputFormats.slice(0, -1).join(', ')} or ${outputFormats.at(-1)})`);
      }
      const rule = ruleFromArgs(file, opts, io);
      checkDataOptions(opts);
      const limits = limitsFromOptions(opts);
      const { db, now, loadMs } = openData(opts, io);
      const started = Date.now();
      let result: QueryResult;
      try {
        // Runaway queries (a join or mv-expand producing billions of rows) stop on the engine's default limits,
        // which --max-rows and --max-memory lower or raise; --timeout bounds the time.
        result = db.query(rule.text, { now, fileName: rule.file, limits });
      } catch (err) {
        if (err instanceof KqlError) {
          io.err(formatAll(err.diagnostics, rule, io) + '\n');
          state.exitCode = 1;
          return;
        }
        throw err;
      }
      const text = renderResults(result.results, format, Boolean(opts.full));
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
          const { renderChartSvg, ChartError } = await import('../../node/chart.js');
          try {
            writeFileSync(String(opts.chart), renderChartSvg(result));
          } catch (err) {
            if (err instanceof ChartError) {
              io.err(`kqlite: cannot draw the chart: ${err.message}\n`);
              state.exitCode = 1;
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
        state.exitCode = 1;
        return;
      }
      const rowCount = result.results.reduce((n, r) => n + r.rowCount, 0);
      const tables = result.results.length > 1 ? `${result.results.length} results, ` : '';
      io.err(`(${tables}${rowCount} row${rowCount === 1 ? '' : 's'}, query ${Date.now() - started} ms, data loaded in ${loadMs} ms)\n`);
    });
}
