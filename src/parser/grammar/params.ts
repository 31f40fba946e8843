// Operator parameters (`kind=inner`, `hint.strategy=shuffle`, `withsource=T`...). Kusto's parser lets every operator
// that has a parameter list take its own parameters AND every parameter it knows of
// (microsoft/Kusto-Query-Language src/Kusto.Language/QueryOperatorParameters.cs AllParameters, used by
// QueryGrammar.cs GetQueryOperatorParameterParsers): `mv-expand hint.remote=auto x` is accepted, `mv-expand foo=1 x`
// and `join hint.foo=1` are not. Consequently `summarize kind = count()` reads `kind=` as a parameter (and is then
// an error), as in Kusto. Names are matched exactly (case-sensitive).

/** Every parameter Kusto's parser knows, accepted by every operator that has a parameter list. */
const KNOWN = [
  'bagexpansion', 'bin_legacy', '__crossCluster', '__crossDB', 'decodeblocks', 'expandoutput',
  'hint.concurrency', 'hint.distribution', 'hint.materialized', 'hint.num_partitions', 'hint.pass_filters',
  'hint.pass_filters_column', 'hint.progressive_top', 'hint.remote', 'hint.shufflekey', 'hint.spread', 'hint.strategy',
  '__id', 'isfuzzy', '__isFuzzy', 'kind', '__noWithSource', '__packedColumn', '__sourceColumnIndex', 'cycles',
  'with_match_id', 'with_itemindex', 'withsource', 'with_source', 'with_step_name', 'force_remote',
];

export type ParamSet = ReadonlySet<string>;

const withKnown = (...own: string[]): ParamSet => new Set([...KNOWN, ...own]);

/** Operators whose parameters are only the known ones. */
export const P_KNOWN = withKnown();
export const P_UNION = withKnown('best_effort');
export const P_PARSE = withKnown('flags');
/** find and search: `datascope=hotcache|all` is a clause of its own in Kusto, kept here as a parameter. */
export const P_FIND = withKnown('datascope');
export const P_GRAPH_MATCH = withKnown('output', 'with_component_id');
/** `getschema kind=csl`: getschema takes only that one. */
export const P_GETSCHEMA: ParamSet = new Set(['kind']);

/** Names written right after an operator's parameters that would read as one: the printer quotes them there. */
export const KNOWN_PARAMS: ParamSet = P_KNOWN;
