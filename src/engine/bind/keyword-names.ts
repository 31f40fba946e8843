// Keywords used as bare names, refused before binding as Kusto refuses them (issue #14). Kusto's grammar lets some
// keywords be names only when bracketed: `extend first = d[0]` and `where to > 0` are errors, `extend ['first'] = …`
// and `where ['to'] > 0` are not. Real engine, recorded answers: every recorded query whose only fault is such a name
// is rejected (first, last, asc, desc, missing, has, to, where: 13 queries). Microsoft's analyser says which words
// and where (KS228, "The name 'first' needs to be bracketed as ['first'] to be used in this context"): the two lists
// below are its answers, word by word, for a declared name (`extend W = …`, `print W = …`, `summarize W = …`,
// `project W = …`, a parse column `W:string`) and for a reference in an expression (`where W > 0`), taken over every
// keyword Kusto.Language's SyntaxFacts says cannot be an identifier. Over 7,512 public queries the analyser reports
// KS228 for 3, none of them a name this check sees, so real rules do not write these names bare.
//
// Only names the binder would read as columns are checked: assignment targets, parse columns and name references.
// Operator parameters (`kind=inner`, `with (title=…)`) are values, not names, and are skipped.

import { diagnostic, type Diagnostic, type Span } from '../../diagnostics.js';

/** Keywords a declared column name may not be without brackets (KS228 in declarations). */
const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'anomalychart', 'areachart', 'asc', 'bagexpansion', 'barchart', 'between', 'bin_legacy', 'boolean', 'byte',
  'cachingpolicy', 'callout', 'cancel', 'card', 'char', 'columnchart', 'contains_cs', 'containscs', 'cycles',
  'dataexport', 'datascope', 'date', 'datetime', 'decimal', 'decodeblocks', 'desc', 'double', 'dynamic',
  'encodingpolicy', 'endswith', 'endswith_cs', 'expandoutput', 'extent_tags_retention', 'external_data', 'first',
  'flags', 'float', 'force_remote', 'harddelete', 'hardretention', 'has_all', 'has_any', 'has_cs', 'hasprefix',
  'hasprefix_cs', 'hassuffix', 'hassuffix_cs', 'hotcache', 'int', 'int16', 'int32', 'int64', 'int8', 'isfuzzy',
  'journal', 'kind', 'ladderchart', 'last', 'like', 'likecs', 'linechart', 'long', 'missing', 'nooptimization',
  'notcontains', 'notcontainscs', 'notlike', 'notlikecs', 'or', 'others', 'pathformat', 'piechart', 'pivotchart',
  'project', 'queries', 'query_results', 'real', 'relaxed', 'restricted_view_access', 'row_level_security',
  'rowstore', 'rowstore_references', 'rowstore_sealinfo', 'rowstorepolicy', 'rowstores', 'scatterchart', 'seal',
  'seals', 'shards', 'simple', 'softdelete', 'softretention', 'stackedareachart', 'startswith', 'startswith_cs',
  'statistics', 'storedqueryresultcontainers', 'string', 'tablepurge', 'time', 'timechart', 'timeline', 'timepivot',
  'timespan', 'treemap', 'uint', 'uint16', 'uint32', 'uint64', 'uint8', 'ulong', 'union', 'uniqueid',
  'unrestrictedviewers', 'views', 'with_itemindex', 'with_match_id', 'with_source', 'with_step_name', 'withsource',
  'writeaheadlog',
]);

/** Keywords a bare reference in an expression may not be (KS228 in references; a superset of most declarations). */
const REFERENCE_KEYWORDS: ReadonlySet<string> = new Set([
  'accumulate', 'and', 'anomalychart', 'areachart', 'as', 'asc', 'bagexpansion', 'barchart', 'between', 'bin_legacy',
  'boolean', 'by', 'byte', 'cachingpolicy', 'callout', 'cancel', 'card', 'char', 'columnchart', 'contains',
  'contains_cs', 'containscs', 'cycles', 'dataexport', 'datascope', 'date', 'datetime', 'decimal', 'decodeblocks',
  'desc', 'double', 'earliest', 'encodingpolicy', 'endswith', 'endswith_cs', 'expandoutput', 'extent_tags_retention',
  'find', 'first', 'flags', 'float', 'force_remote', 'harddelete', 'hardretention', 'has', 'has_all', 'has_any',
  'has_cs', 'hasprefix', 'hasprefix_cs', 'hassuffix', 'hassuffix_cs', 'hotcache', 'in', 'int', 'int16', 'int32',
  'int64', 'int8', 'invoke', 'isfuzzy', 'journal', 'ladderchart', 'last', 'latest', 'like', 'likecs', 'linechart',
  'long', 'materialize', 'mdm', 'missing', 'nooptimization', 'notcontains', 'notcontainscs', 'notlike', 'notlikecs',
  'of', 'or', 'others', 'pathformat', 'piechart', 'pivotchart', 'print', 'project', 'queries', 'query_results',
  'real', 'relaxed', 'restricted_view_access', 'row_level_security', 'rowstore', 'rowstore_references',
  'rowstore_sealinfo', 'rowstorepolicy', 'rowstores', 'sample', 'scatterchart', 'seal', 'seals', 'search', 'set',
  'shards', 'simple', 'softdelete', 'softretention', 'sql', 'stackedareachart', 'startswith', 'startswith_cs',
  'statistics', 'storedqueryresultcontainers', 'string', 'tablepurge', 'time', 'timechart', 'timeline', 'timepivot',
  'timespan', 'title', 'to', 'treemap', 'uint', 'uint16', 'uint32', 'uint64', 'uint8', 'ulong', 'union', 'uniqueid',
  'unrestrictedviewers', 'verbose', 'viewers', 'views', 'where', 'with_itemindex', 'with_match_id', 'with_step_name',
  'writeaheadlog',
]);

interface Node {
  readonly kind: string;
  readonly span: Span;
}

interface NameLike {
  readonly name: string;
  readonly quoted: boolean;
  readonly span: Span;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).kind === 'string';

/** One diagnostic per bare keyword name in the script, in source order (the walk is iterative). */
export function checkKeywordNames(root: object): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (n: NameLike, words: ReadonlySet<string>) => {
    if (!n.quoted && words.has(n.name)) found.push(diagnostic('bind-keyword-name', n.span, { name: n.name }));
  };
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (isNode(value)) {
      if (value.kind === 'OperatorParam') continue;
      if (value.kind === 'Assignment') for (const n of (value as unknown as { names: readonly NameLike[] }).names) report(n, DECLARATION_KEYWORDS);
      else if (value.kind === 'ParseColumn') report((value as unknown as { name: NameLike }).name, DECLARATION_KEYWORDS);
      else if (value.kind === 'Name' && !(value as unknown as { wildcard?: boolean }).wildcard) report(value as unknown as NameLike, REFERENCE_KEYWORDS);
    }
    for (const key in value) {
      if (key === 'span') continue;
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
