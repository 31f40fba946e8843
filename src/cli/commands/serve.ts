// `kqlite serve`: the Kusto REST protocol over a data folder, for Kusto's own tools (azure-kusto-data, Kusto
// Explorer, notebooks). The server itself is src/node/serve/; this file reads the options, starts it, prints how to
// connect and runs until interrupted (Ctrl-C / SIGTERM).

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ServeSetupError, startServer } from '../../node/serve/server.js';
import { addDataOptions, bundledDataDir, checkDataOptions, type DataOptions } from '../data-options.js';
import { UsageError, type CommandState, type Io } from '../io.js';
import { kqliteVersion } from './version.js';

interface ServeCommandOptions extends DataOptions {
  port: string;
  host: string;
  token?: string;
  database?: string;
  quiet?: boolean;
}

export function registerServe(program: Command, io: Io, state: CommandState, until: () => Promise<void> = untilSignal): void {
  const cmd = program
    .command('serve')
    .description("answer Kusto's REST query protocol (v1/v2 query, management commands) over a data folder");
  addDataOptions(cmd)
    .option('-p, --port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on; other than loopback only with --token', '127.0.0.1')
    .option('--token <secret>', 'require "Authorization: Bearer <secret>" (default: $KQLITE_TOKEN)')
    .option('--database <name>', "the database's name (default: the dataset's name, else kqlite)")
    .option('--quiet', 'no log line per request')
    .addHelpText(
      'after',
      `
Connect with a Kusto client (no sign-in on loopback):
  Data Source=http://127.0.0.1:8080;Initial Catalog=contoso

Examples:
  kqlite serve                                  # the bundled contoso dataset on http://127.0.0.1:8080
  kqlite serve --data ./export --port 0         # a data folder, any free port
  KQLITE_TOKEN=s3cret kqlite serve --host 0.0.0.0   # other machines may connect, with the token`,
    )
    .action(async (opts: ServeCommandOptions) => {
      checkDataOptions(opts);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, got '${opts.port}'`);
      const token = opts.token ?? (process.env.KQLITE_TOKEN || undefined);
      let server;
      try {
        server = await startServer({
          host: String(opts.host),
          port,
          token,
          dataDir: resolve(opts.data ?? bundledDataDir()),
          schemasDir: opts.schemas !== undefined ? resolve(opts.schemas) : undefined,
          lenient: Boolean(opts.lenient),
          strict: Boolean(opts.strict),
          now: opts.now,
          databaseName: opts.database,
          productVersion: kqliteVersion(),
          log: opts.quiet ? undefined : (line) => io.err(line + '\n'),
          notice: (line) => io.err(line + '\n'),
        });
      } catch (err) {
        if (err instanceof ServeSetupError) throw new UsageError(err.message);
        throw err;
      }
      const db = server.ready.databaseName;
      io.err(
        `kqlite serve: listening on ${server.url} — database '${db}' (${server.ready.tables} table${server.ready.tables === 1 ? '' : 's'} with data)${server.ready.now ? `, now() = ${server.ready.now}` : ''}\n` +
          `kqlite serve: connection string: Data Source=${server.url};Initial Catalog=${db}${token ? ' (send the token as a bearer token)' : ''}\n`,
      );
      await until();
      await server.close();
      io.err('kqlite serve: stopped\n');
      state.exitCode = 0;
    });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
