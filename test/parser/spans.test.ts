// Spans are half-open UTF-16 offsets into the source (src/diagnostics.ts). Marked with markSource.
import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import type { BinaryExpr, Pipeline, QueryStatement, WhereOp, ProjectOp, LetStatement } from '../../src/parser/index.js';
import { markSource } from '../support/mark-source.js';


function pipeline(code: string): Pipeline {
  const { ast, diagnostics } = parse(code);
  expect(diagnostics).toEqual([]);
  return (ast.statements[ast.statements.length - 1] as QueryStatement).expression as Pipeline;
}

describe('spans', () => {
  it('operator, predicate and operand spans', () => {
    const m = markSource`T | ${'where ' + 'x == "é"'}`;
    const where = pipeline(m.code).operators[0] as WhereOp;
    expect(where.span).toEqual(m.locations[0]);
    const pred = where.predicate as BinaryExpr;
    expect(pred.span).toEqual({ start: m.locations[0]!.start + 6, end: m.code.length });
  });
  it('string literal spans include quotes and cover spliced pieces', () => {
    const m = markSource`print ${'"a" @"b"'}, ${"h'c'"}`;
    const { ast } = parse(m.code);
    const print = (ast.statements[0] as QueryStatement).expression as Extract<QueryStatement['expression'], { kind: 'Print' }>;
    expect(print.items[0]!.expression.span).toEqual(m.locations[0]);
    expect(print.items[1]!.expression.span).toEqual(m.locations[1]);
  });
  it('quoted names, calls, members and indexes', () => {
    const m = markSource`T | project ${"['a b']"} = ${'f(x).y[0]'}`;
    const p = pipeline(m.code).operators[0] as ProjectOp;
    expect(p.items[0]!.names[0]!.span).toEqual(m.locations[0]);
    expect(p.items[0]!.expression.span).toEqual(m.locations[1]);
  });
  it('let statements span from let to the end of the value', () => {
    const m = markSource`${'let x = 1d'};\n${'x'}`;
    const { ast } = parse(m.code);
    expect((ast.statements[0] as LetStatement).span).toEqual(m.locations[0]);
    expect(ast.statements[1]!.span).toEqual(m.locations[1]);
    expect(ast.span).toEqual({ start: 0, end: m.code.length });
  });
  it('surrogate pairs count as two UTF-16 units', () => {
    const m = markSource`print "😀", ${'y'}`;
    const { ast } = parse(m.code);
    const print = (ast.statements[0] as QueryStatement).expression as Extract<QueryStatement['expression'], { kind: 'Print' }>;
    expect(print.items[1]!.expression.span).toEqual(m.locations[0]);
  });
});
