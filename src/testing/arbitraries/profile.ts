// A table profile: the random ingredients of a row (a person, a device, a process template, a sign-in result…) and
// how they become column values that agree with each other. Columns the user overrides are passed in `fixed`;
// `pick` returns the user's value for those, so the columns built from them follow (override FileName and the
// FolderPath and command line use it). The dispatcher in ../arbitraries.ts converts each built value to its
// column's type (JSON text where the catalogue says string) and drops columns the table does not have.
import type fc from 'fast-check';
import type { Row, TimeOptions } from './basics.js';

export interface Profile<S = unknown> {
  ingredients(time: TimeOptions): fc.Arbitrary<S>;
  build(s: S, row: Row, pick: Pick): Row;
}

/** The overridden value of a column if the user fixed it, else the fallback. */
export type Pick = <T>(column: string, fallback: T) => T | unknown;

export function profile<S>(p: Profile<S>): Profile {
  return p as Profile;
}

export function text(v: unknown): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}
