// Hints on the usual slips, attached to syntax diagnostics as notes.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parser/index.js';

const notes = (text: string) => parse(text).diagnostics.flatMap((d) => d.notes ?? []);

describe('syntax hints', () => {
  it("suggests '==' for a SQL-style '='", () => {
    expect(notes('T | where a = 1')).toContain("KQL compares with '==' (a single '=' names a column: extend x = ...)");
  });
  it('suggests the operator a misspelt keyword after a pipe resembles', () => {
    expect(notes('T | sumarize count()')).toContain("did you mean 'summarize'?");
    expect(notes('T | projct a')).toContain("did you mean 'project'?");
  });
  it("points out a missing ';' after a let", () => {
    expect(notes('let x = 1\nlet y = 2; print x')).toContain("a let statement ends with ';' — is one missing before this let?");
  });
  it('adds nothing to an unrelated error', () => {
    expect(notes('T | where (a == 1')).toEqual([]);
  });
});
