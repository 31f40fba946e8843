// chevrotain's grammar validations (ambiguities, left recursion, missing rules) cost start-up time, so the shared
// production parser skips them; this test runs them on every change to the grammar.
import { describe, expect, it } from 'vitest';
import { KqlParser } from '../../src/parser/grammar/parser.js';

describe('grammar', () => {
  it("passes chevrotain's grammar validations", () => {
    expect(() => new KqlParser({ validate: true })).not.toThrow();
  });
});
