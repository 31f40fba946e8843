// The rule linter's hint catalogue: each hint's stable id, what it flags and why. docs/lint.md shows an example of
// each; `kqlite check --lint` prints them with their positions, and SARIF lists them as the tool's rules.

export interface HintInfo {
  readonly id: string;
  readonly title: string;
  readonly level: 'warning' | 'note';
}

export const HINTS: readonly HintInfo[] = [
  { id: 'domain-match-too-broad', level: 'warning', title: 'a domain matched with has/has_any/endswith/contains also matches hosts under other registrable domains' },
  { id: 'contains-could-be-has', level: 'note', title: "'contains' where 'has' gives the same answer faster (term index)" },
  { id: 'no-time-filter', level: 'warning', title: 'a table is read without a time filter' },
  { id: 'join-without-time-bound', level: 'warning', title: 'a join with no time filter on either side' },
  { id: 'case-sensitive-equality', level: 'warning', title: 'case-sensitive == / in on a field whose case varies (addresses, host and file names)' },
  { id: 'short-has-needle', level: 'note', title: "'has' with a needle shorter than 3 characters cannot use the term index" },
  { id: 'bp-tolower-equality', level: 'note', title: "tolower(Col) == 'x': use Col =~ 'x' (KQL best practices)" },
  { id: 'bp-search-all-columns', level: 'warning', title: 'searching every column with * or search: look in a specific column (KQL best practices)' },
  { id: 'bp-unix-time-conversion', level: 'note', title: 'unix time conversion in the query: store datetime at ingestion (KQL best practices)' },
  { id: 'bp-filter-on-computed-column', level: 'note', title: 'a where filters a column computed by extend: filter the table column (KQL best practices)' },
  { id: 'bp-let-used-twice', level: 'note', title: 'a tabular let used more than once: wrap it in materialize() (KQL best practices)' },
];

export const HINT_BY_ID = new Map(HINTS.map((h) => [h.id, h]));
