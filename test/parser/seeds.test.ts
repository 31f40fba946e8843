// The seed detection rules in examples/rules parse unchanged, with the expected top-level shape.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/parser/index.js';
import type { Pipeline, QueryStatement } from '../../src/parser/index.js';

const dir = new URL('../../examples/rules/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

function shape(text: string) {
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  const last = ast.statements[ast.statements.length - 1] as QueryStatement;
  const pipe = last.expression as Pipeline;
  return {
    statements: ast.statements.map((s) => (s.kind === 'Let' ? `let ${s.name.name}` : s.kind)),
    source: pipe.source.kind === 'Name' ? pipe.source.name : pipe.source.kind,
    operators: pipe.operators.map((o) => o.kind),
  };
}

describe('seed rules', () => {
  it('link-target-t1608-005.kql', () => {
    expect(shape(read('link-target-t1608-005.kql'))).toEqual({
      statements: ['let UrlShortenerDomains', 'let SuspiciousPaaSDomains', 'let IpfsGatewayDomains', 'let CredentialHarvestKeywords', 'QueryStatement'],
      source: 'EmailUrlInfo',
      operators: ['Where', 'Extend', 'Extend', 'Where', 'Join', 'Where', 'Extend', 'Extend', 'Extend', 'Project', 'Sort'],
    });
  });
  it('malicious-clicks-allowed.kql and the query: of the .yaml are the same query', () => {
    const expected = {
      statements: ['let TimeStart', 'let TimeEnd', 'QueryStatement'],
      source: 'UrlClickEvents',
      operators: ['Where', 'Where', 'Where', 'MakeSeries', 'Render'],
    };
    expect(shape(read('malicious-clicks-allowed.kql'))).toEqual(expected);
    const yaml = read('malicious-clicks-allowed.yaml');
    const query = /^query: \|\n((?:  .*\n|\n)*)/m.exec(yaml)![1]!.replace(/^ {2}/gm, '');
    expect(shape(query)).toEqual(expected);
  });
  it.each(['safelinks-url-block-trigger.kql', 'safelinks-url-block-trigger.sentinel.kql'])('%s', (f) => {
    expect(shape(read(f))).toEqual({
      statements: ['QueryStatement'],
      source: 'UrlClickEvents',
      operators: ['Where', 'Where', 'Join', 'Project'],
    });
  });
});
