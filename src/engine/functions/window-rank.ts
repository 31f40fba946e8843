// Ranking and session window functions over serialized row sets: row_rank_dense (and its former name row_rank),
// row_rank_min (row-rank-dense-function.md, row-rank-min-function.md) and row_window_session
// (row-window-session-function.md). Like window.ts's functions they read neighbouring rows, need a serialized input
// and are never folded.
//
// A rank looks at the current run of equal terms: row_rank_dense goes up by 1 where the term differs from the
// previous row's, row_rank_min is the row number (within the partition) where the run began. The pages define
// row_rank_min as "the minimal row number that the current row's Term appears in", which is the same on a sorted
// input (every example and recorded answer sorts first); on an unsorted one kqlite takes the run's first row [U].
// Terms are equal under the one hashing kernel (a null equals a null) [U]; strings compare exactly (real engine,
// recorded: "CAFE", "Café", "cafe", "café" rank 1, 2, 3, 4).

import { vectorWriter } from '../../tables/builder.js';
import type { ScalarValue } from '../../values/types.js';
import { valueKey, type ValueKey } from '../kernels/value-key.js';
import type { Invoke, ScalarFunctionDef } from './types.js';
import { checkRestart, restartsAt, valueAt } from './window.js';

const keyOf = (v: ScalarValue | null): ValueKey | null => (v === null ? null : valueKey(v));

function rankDef(name: 'row_rank_dense' | 'row_rank_min'): ScalarFunctionDef {
  const dense = name === 'row_rank_dense';
  return {
    kind: 'window',
    name,
    // row_rank() was this function's first name (rowrankfunction.md: "incremented by 1 whenever the provided Term
    // is different than the previous row's Term"); Microsoft's analyser still knows it.
    aliases: dense ? ['row_rank'] : undefined,
    signature: `${name}(term [, restart: bool]) → long`,
    minArgs: 1,
    maxArgs: 2,
    nulls: 'custom',
    deterministic: false,
    doc: dense
      ? 'The dense rank of the row: 1 on the first row, up by 1 where the term differs from the previous row\'s; 1 again where restart is true.'
      : 'The minimal rank of the row: the row number where its run of equal terms began; counting again from 1 where restart is true.',
    docs: `${name.replace(/_/g, '-')}-function`,
    example: `datatable(x: long)[1, 1, 2] | serialize | extend r = ${name}(x)`,
    resolve(argTypes) {
      // Microsoft's analyser: "The value of type 'dynamic' is not allowed in this context".
      if (argTypes[0] === 'dynamic') return { arg: 0, expected: 'a scalar term (not dynamic)', got: 'dynamic' };
      const bad = checkRestart(argTypes, 1);
      if (bad) return bad;
      const invoke: Invoke = (args, n) => {
        const w = vectorWriter('long', n);
        let rank = 0;
        let rowInPartition = 0;
        let previous: ValueKey | null = null;
        for (let i = 0; i < n; i++) {
          const key = keyOf(valueAt(args[0]!, i) as ScalarValue | null);
          if (i === 0 || restartsAt(args, 1, i)) {
            rowInPartition = 1;
            rank = 1;
          } else {
            rowInPartition++;
            if (key !== previous) rank = dense ? rank + 1 : rowInPartition;
          }
          previous = key;
          w.set(i, BigInt(rank));
        }
        return w.finish();
      };
      return { returnType: 'long', invoke };
    },
  };
}

/**
 * row_window_session(expr, maxDistanceFromFirst, maxDistanceBetweenNeighbors [, restart]): the start of the row's
 * session. A row starts a new session when there is no session yet or its start is null, when it is at least
 * maxDistanceFromFirst after the session's start, when it is at least maxDistanceBetweenNeighbors after the
 * previous row's value, or when restart is true (the page's conditions). A null value starts a null session, so the
 * next value starts a new one ("When Expr results in a null value, the next value starts a new session"); the null
 * row's own result is that null [U]. The distances may vary by row; a null distance never starts a session [U].
 */
const rowWindowSession: ScalarFunctionDef = {
  kind: 'window',
  name: 'row_window_session',
  signature: 'row_window_session(datetime, maxDistanceFromFirst: timespan, maxDistanceBetweenNeighbors: timespan [, restart: bool]) → datetime',
  minArgs: 3,
  maxArgs: 4,
  nulls: 'custom',
  deterministic: false,
  doc: 'The start of the row\'s session: a new session starts past a maximum distance from its first value or from the previous value, or where restart is true.',
  docs: 'row-window-session-function',
  example: 'datatable(t: datetime)[datetime(2024-01-01 10:00), datetime(2024-01-01 10:03), datetime(2024-01-01 12:00)] | serialize | extend s = row_window_session(t, 1h, 5m)',
  resolve(argTypes) {
    if (argTypes[0] !== 'datetime') return { arg: 0, expected: 'a datetime', got: argTypes[0]! };
    for (const i of [1, 2]) if (argTypes[i] !== 'timespan') return { arg: i, expected: 'a timespan', got: argTypes[i]! };
    const bad = checkRestart(argTypes, 3);
    if (bad) return bad;
    const invoke: Invoke = (args, n) => {
      const w = vectorWriter('datetime', n);
      let start: bigint | null = null;
      let previous: bigint | null = null;
      for (let i = 0; i < n; i++) {
        const v = valueAt(args[0]!, i) as bigint | null;
        if (v === null) start = null;
        else {
          const fromFirst = valueAt(args[1]!, i) as bigint | null;
          const between = valueAt(args[2]!, i) as bigint | null;
          const newSession =
            i === 0 ||
            start === null ||
            restartsAt(args, 3, i) ||
            (fromFirst !== null && v >= start + fromFirst) ||
            (between !== null && previous !== null && v >= previous + between);
          if (newSession) start = v;
        }
        previous = v;
        w.set(i, start);
      }
      return w.finish();
    };
    return { returnType: 'datetime', invoke };
  },
};

export const windowRankFunctions: readonly ScalarFunctionDef[] = [rankDef('row_rank_dense'), rankDef('row_rank_min'), rowWindowSession];
