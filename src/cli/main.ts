// The `kqlite` command line. Exit codes: 0 success, 1 query or data error, 2 usage error. A user's mistake prints
// one clear message with its position and never a stack trace (--debug shows one for internal errors).
// Each command lives in commands/<name>.ts and registers itself here.

import { Command, CommanderError } from 'commander';
import { KqlError } from '../diagnostics.js';
import { DataError } from '../node/load-data.js';
import { RuleFileError } from '../node/rule-file.js';
import { kqliteVersion } from './commands/version.js';
import { UsageError, type CommandState, type Io } from './io.js';

export type { Io } from './io.js';

type Register = (program: Command, io: Io, state: CommandState) => void;

/**
 * Each command's module, loaded on demand: start-up time is mostly module loading (hundreds of files), so
 * `kqlite run` does not load what serve, test or export-test need. In the order `--help` lists them.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  run: async () => (await import('./commands/run.js')).registerRun,
  check: async () => (await import('./commands/check.js')).registerCheck,
  test: async () => (await import('./commands/test.js')).registerTest,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  'export-test': async () => (await import('./commands/export-test.js')).registerExportTest,
  tables: async () => (await import('./commands/tables.js')).registerTables,
};

/** The command argv names (the first word that is not an option: the only global option, --debug, takes no value),
 * or undefined when there is none or it is unknown — then every command is registered, for help and suggestions. */
function commandNamed(argv: readonly string[]): string | undefined {
  const word = argv.find((a) => !a.startsWith('-'));
  return word !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, word) ? word : undefined;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const state: CommandState = { exitCode: 0 };
  const program = new Command();
  program
    .name('kqlite')
    .description('Run Kusto (KQL) queries — Sentinel / Defender XDR rules — over local data.')
    .version(kqliteVersion(), '-V, --version', 'print the kqlite version')
    .option('--debug', 'show stack traces for internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const wanted = commandNamed(argv);
  for (const [name, load] of Object.entries(COMMANDS)) if (wanted === undefined || wanted === name) (await load())(program, io, state);

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
    const ioMessage = ioErrorMessage(err);
    if (ioMessage === 'EPIPE') return state.exitCode; // the reader of our output went away (`| head`): end quietly
    if (ioMessage !== undefined) {
      io.err(`kqlite: ${ioMessage}\n`);
      return 2;
    }
    const debug = argv.includes('--debug');
    io.err(`kqlite: internal error: ${(err as Error).message}\n${debug ? (err as Error).stack + '\n' : '(run with --debug for details; please report it)\n'}`);
    return 1;
  }
  return state.exitCode;
}

/** A user-facing line for a file-system error (a path given that is a folder, missing, unreadable), 'EPIPE' for a
 * closed output pipe, undefined for anything else. */
function ioErrorMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string') return undefined;
  if (e.code === 'EPIPE') return 'EPIPE';
  const reasons: Record<string, string> = {
    EISDIR: 'is a folder, not a file',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
  };
  const reason = reasons[e.code];
  if (reason === undefined) return undefined;
  if (e.path) return `cannot read ${e.path}: ${reason}`;
  return e.code === 'EISDIR' ? 'a folder was given where a file is expected' : `${reason} (${e.syscall ?? 'file system'})`;
}
