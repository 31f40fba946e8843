// Operators and forms added for issue #12: their AST shapes. Syntax per docs <operator>-operator.md and Kusto's
// parser (microsoft/Kusto-Query-Language QueryGrammar.cs); acceptance is also checked against Microsoft's parser
// by the corpus (test/corpus, oracle.test.ts).
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { B, Id, L, lastExpr, N, op, parseOk, S, stripSpans } from './helpers.js';

const A = (expression: unknown, ...names: string[]) => ({ kind: 'Assignment', names: names.map((n) => Id(n)), expression });
const P = (name: string, value: unknown) => ({ kind: 'OperatorParam', name, value });
const call = (name: string, ...args: unknown[]) => ({ kind: 'Call', callee: Id(name), args });
const STAR = { kind: 'Star' };
const T = (type: string) => ({ kind: 'ScalarType', type, text: type });
const col = (name: string, type: string) => ({ kind: 'ColumnDecl', name: Id(name), type: T(type) });
/** The implicit per-row / per-partition table of a subquery in parentheses. */
const sub = (...operators: unknown[]) => ({ kind: 'Paren', expression: { kind: 'Pipeline', source: N(''), operators } });
const take = (n: number) => ({ kind: 'Take', keyword: 'take', count: L(n) });
const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

describe('search', () => {
  it('a term, as a source and after a pipe', () => {
    expect(stripSpans(lastExpr('search "evil"'))).toEqual({ kind: 'Search', params: [], predicate: S('evil') });
    expect(op('search "evil"')).toEqual({ kind: 'Search', params: [], predicate: S('evil') });
  });
  it('kind=, in (tables with wildcards), column:term and boolean combinations', () => {
    expect(stripSpans(lastExpr('search kind=case_sensitive in (EmailEvents, Url*) Subject:"Invoice" and not("x*")'))).toEqual({
      kind: 'Search',
      params: [P('kind', N('case_sensitive'))],
      tables: [N('EmailEvents'), { kind: 'Name', name: 'Url*', quoted: false, wildcard: true }],
      predicate: B('and', B(':', N('Subject'), S('Invoice')), call('not', S('x*'))),
    });
  });
  it('* as "any column", and `* and predicate`', () => {
    expect(op('search * has "x"')).toMatchObject({ predicate: B('has', STAR, S('x')) });
    expect(op('search * and x == 1')).toMatchObject({ predicate: B('and', STAR, B('==', N('x'), L(1))) });
  });
  it('* and column:term in any predicate', () => {
    expect(op('where * has "x" or Col:"y"')).toEqual({ kind: 'Where', keyword: 'where', predicate: B('or', B('has', STAR, S('x')), B(':', N('Col'), S('y'))) });
    expect(op('where * == 1')).toMatchObject({ predicate: B('==', STAR, L(1)) });
  });
});

describe('find', () => {
  it('keeps its text and adds its parts', () => {
    expect(stripSpans(lastExpr('find withsource=Src in (A, B*, C | as X) where x == 1 project a, b:string, pack(*)'))).toEqual({
      kind: 'Find',
      text: 'find withsource=Src in (A, B*, C | as X) where x == 1 project a, b:string, pack(*)',
      params: [P('withsource', N('Src'))],
      tables: [
        N('A'),
        { kind: 'Name', name: 'B*', quoted: false, wildcard: true },
        { kind: 'Pipeline', source: N('C'), operators: [{ kind: 'As', params: [], name: Id('X') }] },
      ],
      predicate: B('==', N('x'), L(1)),
      project: [N('a'), col('b', 'string'), call('pack', STAR)],
    });
    expect(op('find where x > 1 project-smart')).toMatchObject({ kind: 'Find', projectSmart: true });
  });
});

describe('parse-kv, parse-where', () => {
  it('parse-kv with keys and properties', () => {
    expect(op('parse-kv Msg as (user:string, port:long) with (pair_delimiter=";", kv_delimiter=":", greedy=true)')).toEqual({
      kind: 'ParseKv',
      source: N('Msg'),
      columns: [col('user', 'string'), col('port', 'long')],
      properties: [P('pair_delimiter', S(';')), P('kv_delimiter', S(':')), P('greedy', { kind: 'BoolLiteral', value: true })],
    });
    expect(op('parse-kv Msg as (a:string)')).toMatchObject({ kind: 'ParseKv', properties: [] });
  });
  it('parse-where like parse', () => {
    expect(op('parse-where kind=regex Url with "id=" Id:long')).toEqual({
      kind: 'ParseWhere',
      params: [P('kind', N('regex'))],
      source: N('Url'),
      pattern: [S('id='), { kind: 'ParseColumn', name: Id('Id'), type: T('long') }],
    });
  });
});

describe('scan', () => {
  it('declare, steps with output and assignments', () => {
    expect(op('scan with_match_id=m declare (n:long = 0) with (step s1 output=last: x > 1 => n = s1.n + 1; step s2: true;)')).toEqual({
      kind: 'Scan',
      params: [P('with_match_id', N('m'))],
      declare: [{ kind: 'LambdaParam', name: Id('n'), type: T('long'), defaultValue: L(0) }],
      steps: [
        {
          kind: 'ScanStep',
          name: Id('s1'),
          optional: false,
          output: 'last',
          condition: B('>', N('x'), L(1)),
          assignments: [A(B('+', { kind: 'Member', target: N('s1'), member: Id('n') }, L(1)), 'n')],
        },
        { kind: 'ScanStep', name: Id('s2'), optional: false, condition: { kind: 'BoolLiteral', value: true }, assignments: [] },
      ],
    });
  });
  it('order by and partition by', () => {
    expect(op('scan order by t partition by k with (step s: true;)')).toMatchObject({
      orderBy: [{ kind: 'SortKey', expression: N('t') }],
      partitionBy: [N('k')],
      declare: [],
    });
  });
});

describe('top-nested, top-hitters, sample-distinct', () => {
  it('top-nested levels', () => {
    expect(op('top-nested 3 of Sender with others = "other" by n = count() desc, top-nested of Url by max(t)')).toEqual({
      kind: 'TopNested',
      levels: [
        { kind: 'TopNestedLevel', count: L(3), of: A(N('Sender')), others: S('other'), by: A(call('count'), 'n'), order: 'desc' },
        { kind: 'TopNestedLevel', of: A(N('Url')), by: A(call('max', N('t'))) },
      ],
    });
  });
  it('top-hitters and sample-distinct', () => {
    expect(op('top-hitters 5 of Url by sum(n)')).toEqual({ kind: 'TopHitters', count: L(5), of: A(N('Url')), by: A(call('sum', N('n'))) });
    expect(op('sample-distinct 10 of tolower(Url)')).toEqual({ kind: 'SampleDistinct', count: L(10), of: A(call('tolower', N('Url'))) });
  });
});

describe('partition, fork', () => {
  it('partition with hints, scope and a subquery', () => {
    expect(op('partition hint.strategy=native by Sender in dynamic(["a"]) (take 1)')).toEqual({
      kind: 'Partition',
      params: [P('hint.strategy', N('native'))],
      by: N('Sender'),
      scope: { kind: 'DynamicLiteral', value: { kind: 'DynArray', items: [S('a')] } },
      subquery: sub(take(1)),
    });
    expect(op('partition by k { T | take 1 }')).toEqual({
      kind: 'Partition',
      params: [],
      by: N('k'),
      subquery: { kind: 'Pipeline', source: N('T'), operators: [take(1)] },
      braces: true,
    });
  });
  it('fork with named and unnamed branches', () => {
    expect(op('fork (take 1) big = (where n > 10 | count)')).toEqual({
      kind: 'Fork',
      branches: [
        { kind: 'ForkBranch', subquery: sub(take(1)) },
        { kind: 'ForkBranch', name: Id('big'), subquery: sub({ kind: 'Where', keyword: 'where', predicate: B('>', N('n'), L(10)) }, { kind: 'Count' }) },
      ],
    });
  });
});

describe('graphs', () => {
  it('make-graph', () => {
    expect(op('make-graph Src --> Dst with Users on Id, Hosts on Name')).toEqual({
      kind: 'MakeGraph',
      params: [],
      source: N('Src'),
      direction: '-->',
      target: N('Dst'),
      nodes: [
        { table: N('Users'), key: N('Id') },
        { table: N('Hosts'), key: N('Name') },
      ],
    });
    expect(op('make-graph a -- b with_node_id=Node')).toMatchObject({ direction: '--', nodeId: Id('Node'), nodes: [] });
  });
  it('graph-match patterns', () => {
    const edge = (direction: string, name?: string, range?: [number, number]) => ({
      kind: 'GraphEdge',
      ...(name ? { name: Id(name) } : {}),
      direction,
      ...(range ? { range: { min: L(range[0]), max: L(range[1]) } } : {}),
    });
    const node = (name?: string) => ({ kind: 'GraphNode', ...(name ? { name: Id(name) } : {}) });
    expect(op('graph-match (a)-[e*1..3]->(b)<--(c)--()-[f]-(d) where a.x > 1 project a')).toEqual({
      kind: 'GraphMatch',
      params: [],
      patterns: [
        {
          kind: 'GraphPattern',
          elements: [node('a'), edge('-->', 'e', [1, 3]), node('b'), edge('<--'), node('c'), edge('--'), node(), edge('--', 'f'), node('d')],
        },
      ],
      where: B('>', { kind: 'Member', target: N('a'), member: Id('x') }, L(1)),
      project: [A(N('a'))],
    });
    expect(codes('G | graph-match (a) - [e] -> (b)').length).toBeGreaterThan(0);
  });
});

describe('smaller forms', () => {
  it('count as, distinct with names and *', () => {
    expect(op('count as Clicks')).toEqual({ kind: 'Count', as: Id('Clicks') });
    expect(op('distinct Domain = tolower(Host), *')).toEqual({
      kind: 'Distinct',
      columns: [{ kind: 'NamedArg', name: Id('Domain'), value: call('tolower', N('Host')) }, STAR],
    });
  });
  it('legacy render properties and column lists', () => {
    expect(op('render barchart kind=stacked title="t" with (ycolumns=a, b, xtitle=strcat("x", "y"))')).toEqual({
      kind: 'Render',
      chart: Id('barchart'),
      properties: [
        P('kind', N('stacked')),
        P('title', S('t')),
        P('ycolumns', { kind: 'NameList', names: [Id('a'), Id('b')] }),
        P('xtitle', call('strcat', S('x'), S('y'))),
      ],
    });
  });
  it('legacy operator names', () => {
    expect(op('mvexpand x')).toEqual(op('mv-expand x'));
    expect(op('mvapply x on (take 1)')).toEqual(op('mv-apply x on (take 1)'));
    expect(stripSpans(lastExpr('external_data (a:string) ["https://x"]'))).toEqual(stripSpans(lastExpr('externaldata (a:string) ["https://x"]')));
  });
  it('hints and known parameters on every operator with parameters, kept in the AST', () => {
    expect(op('sort hint.strategy=shuffle by a')).toMatchObject({ params: [P('hint.strategy', N('shuffle'))] });
    expect(op('take hint.remote=auto 5')).toMatchObject({ params: [P('hint.remote', N('auto'))], count: L(5) });
    expect(op('where hint.strategy=x a')).toMatchObject({ params: [P('hint.strategy', N('x'))], predicate: N('a') });
    expect(op('distinct hint.shufflekey=k a')).toMatchObject({ params: [P('hint.shufflekey', N('k'))] });
    expect(op('getschema kind=csl')).toEqual({ kind: 'GetSchema', params: [P('kind', N('csl'))] });
    expect(op('join hint.strategy=broadcast hint.num_partitions=4 (U) on k')).toMatchObject({
      params: [P('hint.strategy', N('broadcast')), P('hint.num_partitions', L(4))],
    });
    expect(stripSpans(lastExpr('externaldata kind=storage (a:string) ["x"]'))).toMatchObject({ params: [P('kind', N('storage'))] });
    // Unknown names are not parameters, and known ones are parameters everywhere (Kusto: `summarize kind=...` too).
    expect(codes('T | join hint.foo=x (U) on k').length).toBeGreaterThan(0);
    expect(codes('T | summarize kind = count()').length).toBeGreaterThan(0);
  });
  it('reduce, search *, $-names, legacy string operators, render by, trailing and leading commas', () => {
    expect(op('reduce kind=source by Subject with threshold=0.4')).toEqual({
      kind: 'Reduce',
      params: [P('kind', N('source'))],
      by: A(N('Subject')),
      properties: [P('threshold', { kind: 'RealLiteral', value: 0.4 })],
    });
    expect(stripSpans(lastExpr('search *'))).toEqual({ kind: 'Search', params: [], predicate: STAR });
    expect(op('project $table, d.$id')).toEqual({
      kind: 'Project',
      items: [A(N('$table')), A({ kind: 'Member', target: N('d'), member: Id('$id') })],
    });
    expect(op('where a notcontains "x" and b containscs "y"')).toMatchObject({
      predicate: B('and', B('!contains', N('a'), S('x')), B('contains_cs', N('b'), S('y'))),
    });
    expect(op('render piechart by Action')).toEqual({ kind: 'Render', chart: Id('piechart'), properties: [], by: [Id('Action')] });
    expect(stripSpans(lastExpr('datatable(a:string,) [, "x", "y"]'))).toMatchObject({ columns: [col('a', 'string')], values: [S('x'), S('y')] });
    expect(codes('datatable(a:long b:long) [1]').length).toBeGreaterThan(0);
  });
  it('join ... where', () => {
    expect(op('join (U) where $left.a == $right.b')).toEqual({
      kind: 'Join',
      params: [],
      right: { kind: 'Paren', expression: N('U') },
      on: [],
      where: B('==', { kind: 'JoinSide', side: 'left', name: Id('a') }, { kind: 'JoinSide', side: 'right', name: Id('b') }),
    });
  });
  it('let view and declare query_parameters', () => {
    expect(stripSpans(parseOk('let V = view () { T }; V').statements[0])).toMatchObject({ value: { kind: 'Lambda', view: true, params: [] } });
    const d = stripSpans(parseOk('declare query_parameters(x:string, n:long = 5); T').statements[0]);
    expect(d).toEqual({
      kind: 'UnsupportedStatement',
      keyword: 'declare',
      text: 'declare query_parameters(x:string, n:long = 5)',
      queryParameters: [
        { kind: 'LambdaParam', name: Id('x'), type: T('string') },
        { kind: 'LambdaParam', name: Id('n'), type: T('long'), defaultValue: L(5) },
      ],
    });
  });
});
