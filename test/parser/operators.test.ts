// Tabular operators and statements: AST shape per operator. Syntax per docs <operator>-operator.md.
import { describe, it, expect } from 'vitest';
import { op, N, L, S, B, Id, lastExpr, parseOk, stripSpans } from './helpers.js';

const A = (expression: unknown, ...names: string[]) => ({ kind: 'Assignment', names: names.map((n) => Id(n)), expression });
const P = (name: string, value: unknown) => ({ kind: 'OperatorParam', name, value });
const C = (pattern: string, wildcard = false) => ({ kind: 'ColumnPattern', pattern, wildcard });
const call = (name: string, ...args: unknown[]) => ({ kind: 'Call', callee: Id(name), args });

describe('statements', () => {
  it('let with scalar, tabular and dynamic values, then a query', () => {
    const ast = stripSpans(parseOk('let a = 1; let t = T | take 1; let d = dynamic([1]);\nt | where x == a'));
    expect(ast.statements.map((s) => s.kind)).toEqual(['Let', 'Let', 'Let', 'QueryStatement']);
    expect(ast.statements[0]).toEqual({ kind: 'Let', name: Id('a'), value: L(1) });
    expect((ast.statements[1] as { value: { kind: string } }).value.kind).toBe('Pipeline');
  });
  it('lambda with scalar, defaulted and tabular parameters, inner lets', () => {
    const ast = stripSpans(parseOk('let f = (T:(a:string), U:(*), x:long = 5) { let y = x; T | take y }; f(A, B)'));
    const let0 = ast.statements[0] as { value: unknown };
    expect(let0.value).toEqual({
      kind: 'Lambda',
      params: [
        { kind: 'LambdaParam', name: Id('T'), type: { kind: 'TabularType', columns: [{ kind: 'ColumnDecl', name: Id('a'), type: { kind: 'ScalarType', type: 'string', text: 'string' } }], wildcard: false } },
        { kind: 'LambdaParam', name: Id('U'), type: { kind: 'TabularType', columns: [], wildcard: true } },
        { kind: 'LambdaParam', name: Id('x'), type: { kind: 'ScalarType', type: 'long', text: 'long' }, defaultValue: L(5) },
      ],
      lets: [{ kind: 'Let', name: Id('y'), value: N('x') }],
      body: { kind: 'Pipeline', source: N('T'), operators: [{ kind: 'Take', keyword: 'take', count: N('y') }] },
    });
  });
  it('empty lambda parameter list', () => {
    expect(stripSpans(parseOk('let f = () { 1 }; print f()')).statements[0]).toEqual({
      kind: 'Let',
      name: Id('f'),
      value: { kind: 'Lambda', params: [], lets: [], body: L(1) },
    });
  });
  it('set / declare are kept as UnsupportedStatement with their text', () => {
    const ast = parseOk('set notruncation; declare query_parameters(x:string); T');
    expect(ast.statements.map((s) => s.kind)).toEqual(['UnsupportedStatement', 'UnsupportedStatement', 'QueryStatement']);
    expect(ast.statements[1]).toMatchObject({ keyword: 'declare', text: 'declare query_parameters(x:string)' });
  });
  it('a trailing semicolon and several query statements', () => {
    expect(parseOk('T | take 1; U | count;').statements.length).toBe(2);
  });
});

describe('tabular operators', () => {
  it('where / filter', () => {
    expect(op('where x > 1')).toEqual({ kind: 'Where', keyword: 'where', predicate: B('>', N('x'), L(1)) });
    expect(op('filter x')).toEqual({ kind: 'Where', keyword: 'filter', predicate: N('x') });
  });
  it('extend and project with named, unnamed and tuple assignments', () => {
    expect(op('extend a = 1, b, (c, d) = f(x)')).toEqual({
      kind: 'Extend',
      items: [A(L(1), 'a'), A(N('b')), A(call('f', N('x')), 'c', 'd')],
    });
    expect(op("project ['x y'] = a, title = b")).toEqual({
      kind: 'Project',
      items: [{ kind: 'Assignment', names: [Id('x y', true)], expression: N('a') }, A(N('b'), 'title')],
    });
  });
  it('project-away / project-keep with wildcards', () => {
    expect(op('project-away a, Email*, *Id, a*b')).toEqual({
      kind: 'ProjectAway',
      columns: [C('a'), C('Email*', true), C('*Id', true), C('a*b', true)],
    });
    expect(op("project-keep ['a b']")).toEqual({ kind: 'ProjectKeep', columns: [C('a b')] });
  });
  it('project-rename and project-reorder', () => {
    expect(op('project-rename n = o')).toEqual({ kind: 'ProjectRename', items: [{ newName: Id('n'), oldName: Id('o') }] });
    expect(op('project-reorder b desc, a*, c granny-asc')).toEqual({
      kind: 'ProjectReorder',
      columns: [{ column: C('b'), order: 'desc' }, { column: C('a*', true) }, { column: C('c'), order: 'granny-asc' }],
    });
  });
  it('summarize: aggregates, by, bin, hints, by only', () => {
    expect(op('summarize hint.strategy=shuffle n = count(), dcount(u) by bin(t, 1h), k')).toEqual({
      kind: 'Summarize',
      params: [P('hint.strategy', N('shuffle'))],
      aggregates: [A(call('count'), 'n'), A(call('dcount', N('u')))],
      by: [A(call('bin', N('t'), { kind: 'TimespanLiteral', ticks: 36_000_000_000n, text: '1h' })), A(N('k'))],
    });
    expect(op('summarize by k')).toEqual({ kind: 'Summarize', params: [], aggregates: [], by: [A(N('k'))] });
    expect(op('summarize count() by kind')).toMatchObject({ by: [A(N('kind'))] });
  });
  it('sort / order with asc, desc and nulls', () => {
    expect(op('sort by a asc nulls first, b desc nulls last, c')).toEqual({
      kind: 'Sort',
      keyword: 'sort',
      keys: [
        { kind: 'SortKey', expression: N('a'), order: 'asc', nulls: 'first' },
        { kind: 'SortKey', expression: N('b'), order: 'desc', nulls: 'last' },
        { kind: 'SortKey', expression: N('c') },
      ],
    });
    expect(op('order by x').kind).toBe('Sort');
  });
  it('top, take, limit, count, distinct, sample, serialize, getschema', () => {
    expect(op('top 5 by x desc')).toEqual({ kind: 'Top', count: L(5), keys: [{ kind: 'SortKey', expression: N('x'), order: 'desc' }] });
    expect(op('take 3')).toEqual({ kind: 'Take', keyword: 'take', count: L(3) });
    expect(op('limit 3')).toEqual({ kind: 'Take', keyword: 'limit', count: L(3) });
    expect(op('count')).toEqual({ kind: 'Count' });
    expect(op('distinct a, b')).toEqual({ kind: 'Distinct', columns: [N('a'), N('b')] });
    expect(op('distinct *')).toEqual({ kind: 'Distinct', columns: '*' });
    expect(op('sample 10')).toEqual({ kind: 'Sample', count: L(10) });
    expect(op('serialize rn = row_number()')).toEqual({ kind: 'Serialize', items: [A(call('row_number'), 'rn')] });
    expect(op('serialize')).toEqual({ kind: 'Serialize', items: [] });
    expect(op('getschema')).toEqual({ kind: 'GetSchema' });
  });
  it('join: kind, hints, parenthesised right side, key list and $left/$right', () => {
    expect(op('join kind=leftouter hint.remote=auto (U | where x) on Key, $left.a == $right.b')).toEqual({
      kind: 'Join',
      params: [P('kind', N('leftouter')), P('hint.remote', N('auto'))],
      right: { kind: 'Paren', expression: { kind: 'Pipeline', source: N('U'), operators: [{ kind: 'Where', keyword: 'where', predicate: N('x') }] } },
      on: [N('Key'), B('==', { kind: 'JoinSide', side: 'left', name: Id('a') }, { kind: 'JoinSide', side: 'right', name: Id('b') })],
    });
    expect(op('join U on Key')).toEqual({ kind: 'Join', params: [], right: N('U'), on: [N('Key')] });
    expect(op('lookup kind=inner (U) on k')).toMatchObject({ kind: 'Lookup', params: [P('kind', N('inner'))], on: [N('k')] });
  });
  it('union: params, tables, subqueries and wildcards, as source and operator', () => {
    const u = lastExpr('union kind=outer withsource=Src isfuzzy=true A, (B | take 1), Email*');
    expect(stripSpans(u)).toEqual({
      kind: 'Union',
      params: [P('kind', N('outer')), P('withsource', N('Src')), P('isfuzzy', { kind: 'BoolLiteral', value: true })],
      tables: [
        N('A'),
        { kind: 'Paren', expression: { kind: 'Pipeline', source: N('B'), operators: [{ kind: 'Take', keyword: 'take', count: L(1) }] } },
        { kind: 'Name', name: 'Email*', quoted: false, wildcard: true },
      ],
    });
    expect(op('union U, V')).toEqual({ kind: 'Union', params: [], tables: [N('U'), N('V')] });
  });
  it('mv-expand with params, names, to typeof and limit', () => {
    expect(op('mv-expand kind=array with_itemindex=i bagexpansion=bag x to typeof(string), y = arr limit 10')).toEqual({
      kind: 'MvExpand',
      params: [P('kind', N('array')), P('with_itemindex', N('i')), P('bagexpansion', N('bag'))],
      items: [
        { kind: 'MvExpandItem', expression: N('x'), toType: { kind: 'ScalarType', type: 'string', text: 'string' } },
        { kind: 'MvExpandItem', name: Id('y'), expression: N('arr') },
      ],
      limit: L(10),
    });
  });
  it('mv-apply: subquery without a source', () => {
    expect(op('mv-apply x = arr to typeof(long) on (where x > 1 | take 1)')).toEqual({
      kind: 'MvApply',
      params: [],
      items: [{ kind: 'MvExpandItem', name: Id('x'), expression: N('arr'), toType: { kind: 'ScalarType', type: 'long', text: 'long' } }],
      subquery: {
        kind: 'Paren',
        expression: {
          kind: 'Pipeline',
          source: N(''),
          operators: [{ kind: 'Where', keyword: 'where', predicate: B('>', N('x'), L(1)) }, { kind: 'Take', keyword: 'take', count: L(1) }],
        },
      },
    });
  });
  it('make-series: from/to/step form and in range() form', () => {
    expect(op('make-series kind=nonempty n = count() default = 0 on t from a to b step 1d by k')).toEqual({
      kind: 'MakeSeries',
      params: [P('kind', N('nonempty'))],
      aggregates: [{ kind: 'MakeSeriesAggregate', name: Id('n'), expression: call('count'), defaultValue: L(0) }],
      on: N('t'),
      from: N('a'),
      to: N('b'),
      step: { kind: 'TimespanLiteral', ticks: 864_000_000_000n, text: '1d' },
      by: [A(N('k'))],
    });
    expect(op('make-series avg(x) on t in range(a, b, c)')).toEqual({
      kind: 'MakeSeries',
      params: [],
      aggregates: [{ kind: 'MakeSeriesAggregate', expression: call('avg', N('x')) }],
      on: N('t'),
      inRange: { start: N('a'), stop: N('b'), step: N('c') },
      by: [],
    });
  });
  it('render with properties', () => {
    expect(op('render timechart')).toEqual({ kind: 'Render', chart: Id('timechart'), properties: [] });
    expect(op('render columnchart with (title="x", ymin=-1)')).toEqual({
      kind: 'Render',
      chart: Id('columnchart'),
      properties: [P('title', S('x')), P('ymin', { kind: 'Unary', op: '-', operand: L(1) })],
    });
  });
  it('parse: simple and kind=regex', () => {
    expect(op('parse Url with "https://" Host "/" Port:long *')).toEqual({
      kind: 'Parse',
      params: [],
      source: N('Url'),
      pattern: [
        S('https://'),
        { kind: 'ParseColumn', name: Id('Host') },
        S('/'),
        { kind: 'ParseColumn', name: Id('Port'), type: { kind: 'ScalarType', type: 'long', text: 'long' } },
        { kind: 'Star' },
      ],
    });
    expect(op('parse kind=regex flags=Ui m with * "id=" Id:long')).toMatchObject({
      params: [P('kind', N('regex')), P('flags', N('Ui'))],
    });
  });
  it('as, invoke, evaluate', () => {
    expect(op('as hint.materialized=true X')).toEqual({
      kind: 'As',
      params: [P('hint.materialized', { kind: 'BoolLiteral', value: true })],
      name: Id('X'),
    });
    expect(op('invoke f(1)')).toEqual({ kind: 'Invoke', call: call('f', L(1)) });
    expect(op('evaluate bag_unpack(d) : (a:string)')).toEqual({
      kind: 'Evaluate',
      params: [],
      call: call('bag_unpack', N('d')),
      schema: { kind: 'TabularType', columns: [{ kind: 'ColumnDecl', name: Id('a'), type: { kind: 'ScalarType', type: 'string', text: 'string' } }], wildcard: false },
    });
  });
});

describe('tabular sources', () => {
  it('datatable with trailing comma and single-value bracket', () => {
    expect(stripSpans(lastExpr('datatable(a:long, b:string) [1, "x",]'))).toEqual({
      kind: 'Datatable',
      columns: [
        { kind: 'ColumnDecl', name: Id('a'), type: { kind: 'ScalarType', type: 'long', text: 'long' } },
        { kind: 'ColumnDecl', name: Id('b'), type: { kind: 'ScalarType', type: 'string', text: 'string' } },
      ],
      values: [L(1), S('x')],
    });
    expect(stripSpans(lastExpr('datatable(a:string)["x"]'))).toMatchObject({ values: [S('x')] });
  });
  it('print, range, externaldata, evaluate, find', () => {
    expect(stripSpans(lastExpr('print x = 1, 2'))).toEqual({ kind: 'Print', items: [A(L(1), 'x'), A(L(2))] });
    expect(stripSpans(lastExpr('range i from 1 to 10 step 2'))).toEqual({ kind: 'Range', column: Id('i'), from: L(1), to: L(10), step: L(2) });
    expect(stripSpans(lastExpr('externaldata(ip:string) ["https://x/y.csv"] with (format="csv")'))).toEqual({
      kind: 'Externaldata',
      columns: [{ kind: 'ColumnDecl', name: Id('ip'), type: { kind: 'ScalarType', type: 'string', text: 'string' } }],
      uris: [S('https://x/y.csv')],
      properties: [P('format', S('csv'))],
    });
    expect(lastExpr('evaluate pivot(x)').kind).toBe('Evaluate');
    expect(stripSpans(lastExpr('find in (A, B) where x == 1 | take 1'))).toMatchObject({
      kind: 'Pipeline',
      source: { kind: 'Find', text: 'find in (A, B) where x == 1' },
    });
  });
  it('materialize and toscalar take tabular arguments', () => {
    const ast = stripSpans(parseOk('let m = materialize(T | take 1); print toscalar(m | count)'));
    expect((ast.statements[0] as unknown as { value: { args: { kind: string }[] } }).value.args[0]!.kind).toBe('Pipeline');
  });
});
