// What every command shares: the process streams (injected, so tests capture them), colour, and the error kinds
// that main() turns into exit codes.

import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { RuleText } from '../node/rule-file.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  stdin: () => string;
}

/** A mistake in the command line itself (exit 2): printed as `kqlite: <message>`. */
export class UsageError extends Error {}

/** The exit code a command leaves behind; main() returns it when nothing threw. */
export interface CommandState {
  exitCode: number;
}

export const useColor = (io: Io): boolean => io.isTTY && !process.env.NO_COLOR;

/** Diagnostics of one rule, each with `file:line:col`, the source line and a caret, positions mapped to the file. */
export function formatAll(diags: readonly Diagnostic[], rule: RuleText, io: Io): string {
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
