// What counts as a failure when a fuzzed query runs: anything but an answer or a KqlError. Each query runs
// with small limits (so a generated cross join stops quickly) and its result is formatted as every front end
// formats it (toText, toJSONText), since output code crashed too (issue #19: a 125k-row text table).
//  - crash: an exception that is not a KqlError (a TypeError, "cannot be converted to a BigInt", a stack overflow);
//  - hang: the query ran past its time limit by more than HANG_SLACK_MS (a loop that never checks the deadline);
//    the long run's watchdog (runner.ts) also catches a case that never returns, formatting included;
//  - too-deep: runtime-too-deep on a short query (the depth limits should have refused it before any walk);
//  - bad-span: a KqlError whose position lies outside the query text (the caret would point nowhere).
// A failure's signature (kind, error name, message with numbers and quoted text blanked) groups duplicates.
import { KqlError } from '../../src/diagnostics.js';
import type { Database } from '../../src/database.js';
import type { Limits } from '../../src/engine/exec/context.js';
import { FUZZ_NOW } from './fixture.js';

export const FUZZ_LIMITS: Limits = { timeoutMs: 2_000, maxIntermediateRows: 1_000_000, maxMemoryBytes: 16 * 1024 * 1024 };
/** A query that passes its time limit by this much never checked the deadline in a long loop. */
export const HANG_SLACK_MS = 3_000;

export type FailureKind = 'crash' | 'hang' | 'too-deep' | 'bad-span';

export interface Outcome {
  readonly ok: boolean;
  /** 'answer' or the KqlError's code when ok. */
  readonly result: string;
  readonly failure?: { readonly kind: FailureKind; readonly signature: string; readonly detail: string };
  readonly ms: number;
}

/** The message with the parts that vary between instances of one bug blanked out. */
export function normalize(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
}

function firstFrame(err: Error): string {
  const frame = (err.stack ?? '').split('\n').find((l) => /^\s+at /.test(l) && /\/src\//.test(l));
  const m = frame?.match(/\/(src\/[^:)]+)/);
  return m ? m[1]! : '?';
}

export function runQuery(db: Database, text: string, limits: Limits = FUZZ_LIMITS): Outcome {
  const start = performance.now();
  let result = 'answer';
  let failure: Outcome['failure'];
  let queryMs: number | undefined;
  try {
    const r = db.query(text, { now: FUZZ_NOW, limits });
    queryMs = performance.now() - start;
    // Formatting crashes are found on small answers; a large one (a 700k-row range) only costs time here, and the
    // 130k-row text table has its own test (test/reliability).
    if (r.rowCount <= 20_000) {
      r.toText();
      r.toJSONText();
    }
  } catch (err) {
    if (err instanceof KqlError) {
      result = err.code ?? 'kql-error';
      const d = err.diagnostics.find((x) => !(x.span.start >= 0 && x.span.start <= x.span.end && x.span.end <= text.length));
      if (err.code === 'runtime-too-deep' && text.length < 20_000) {
        failure = { kind: 'too-deep', signature: 'too-deep', detail: err.message };
      } else if (d) {
        failure = { kind: 'bad-span', signature: `bad-span ${d.code}`, detail: `${d.code} ${JSON.stringify(d.span)} in ${text.length} chars: ${d.message}` };
      }
    } else {
      const e = err instanceof Error ? err : new Error(String(err));
      failure = { kind: 'crash', signature: `crash ${e.name}: ${normalize(e.message)} @ ${firstFrame(e)}`, detail: e.stack ?? e.message };
    }
  }
  const ms = performance.now() - start;
  // The query's own time against its limit (formatting the answer is not under timeoutMs).
  const ran = queryMs ?? ms;
  if (!failure && limits.timeoutMs !== undefined && ran > limits.timeoutMs + HANG_SLACK_MS) {
    failure = { kind: 'hang', signature: 'hang', detail: `ran ${Math.round(ran)} ms with timeoutMs ${limits.timeoutMs}` };
  }
  return failure ? { ok: false, result, failure, ms } : { ok: true, result, ms };
}
