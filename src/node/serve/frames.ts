// The two response encodings of Kusto's REST API, built as text so long values stay exact (rows are already
// encoded with the library's JSON conventions, longs beyond 2^53 as exact integer literals).
// - v2 (response-v2.md): a JSON array of frames: DataSetHeader first, DataSetCompletion last, each table either one
//   DataTable frame or, when the client asks for progressive / fragmented results, TableHeader + TableFragment(s) +
//   TableCompletion. Errors that happen after the query started (truncation, timeout, runtime failures) are in the
//   200 response: DataSetCompletion {HasErrors, OneApiErrors}, and by `results_error_reporting_placement`
//   (request-properties.md: in_data | end_of_table | end_of_dataset) also in the primary table's rows as
//   {"OneApiErrors": [...]} (in_data, [U] the default) or in its TableCompletion (end_of_table).
// - v1 (response.md): {"Tables": [{TableName, Columns: [{ColumnName, DataType, ColumnType}], Rows}]}; a query's
//   tables are followed by a table of contents naming their kinds, as the clients read it.

import type { ScalarType } from '../../values/types.js';
import type { OneApiError } from './errors.js';
import { v1DataType } from './kusto-types.js';

export interface WireColumn {
  readonly name: string;
  readonly type: ScalarType;
}

export interface WireTable {
  readonly name: string;
  /** v2 TableKind: PrimaryResult, QueryProperties, QueryCompletionInformation. */
  readonly kind: string;
  readonly columns: readonly WireColumn[];
  /** Each row as JSON array text. */
  readonly rows: readonly string[];
}

export type ErrorPlacement = 'InData' | 'EndOfTable' | 'EndOfDataSet';

export interface V2Options {
  /** `results_progressive_enabled`: tables as TableHeader / TableFragment / TableCompletion, IsProgressive true. */
  readonly progressive?: boolean;
  /** `results_v2_fragment_primary_tables`: primary tables in several fragments (IsFragmented true). */
  readonly fragmentPrimary?: boolean;
  /** Rows per TableFragment (`query_results_progressive_row_count`). */
  readonly rowsPerFragment?: number;
  /** `results_v2_newlines_between_frames`. */
  readonly newlines?: boolean;
  readonly placement?: ErrorPlacement;
}

const json = (v: unknown) => JSON.stringify(v);

function columnsV2(cols: readonly WireColumn[]): string {
  return json(cols.map((c) => ({ ColumnName: c.name, ColumnType: c.type })));
}

/** The v2 frame array. `errors` belong to the primary table (the first PrimaryResult) when there is one. */
export function v2Body(tables: readonly WireTable[], errors: readonly OneApiError[], options: V2Options = {}): string {
  const placement = options.placement ?? 'InData';
  const split = Boolean(options.progressive || options.fragmentPrimary);
  const frames: string[] = [];
  frames.push(
    json({
      FrameType: 'DataSetHeader',
      IsProgressive: Boolean(options.progressive),
      Version: 'v2.0',
      IsFragmented: Boolean(options.fragmentPrimary),
      ErrorReportingPlacement: placement,
    }),
  );
  const primaryIndex = tables.findIndex((t) => t.kind === 'PrimaryResult');
  const errorText = errors.map((e) => json(e));
  tables.forEach((t, id) => {
    const tableErrors = id === primaryIndex ? errorText : [];
    const inData = placement === 'InData' && tableErrors.length > 0 ? [`{"OneApiErrors":[${tableErrors.join(',')}]}`] : [];
    if (split && t.kind === 'PrimaryResult') {
      frames.push(`{"FrameType":"TableHeader","TableId":${id},"TableKind":${json(t.kind)},"TableName":${json(t.name)},"Columns":${columnsV2(t.columns)}}`);
      const size = Math.max(1, options.rowsPerFragment ?? 10_000);
      for (let i = 0; i < t.rows.length; i += size) {
        const chunk = t.rows.slice(i, i + size);
        frames.push(`{"FrameType":"TableFragment","TableFragmentType":"DataAppend","TableId":${id},"FieldCount":${t.columns.length},"Rows":[${chunk.join(',')}]}`);
      }
      if (inData.length > 0) {
        frames.push(`{"FrameType":"TableFragment","TableFragmentType":"DataAppend","TableId":${id},"FieldCount":${t.columns.length},"Rows":[${inData.join(',')}]}`);
      }
      if (options.progressive) frames.push(`{"FrameType":"TableProgress","TableId":${id},"TableProgress":100}`);
      const endErrors = placement === 'EndOfTable' && tableErrors.length > 0 ? `,"HasErrors":true,"OneApiErrors":[${tableErrors.join(',')}]` : '';
      frames.push(`{"FrameType":"TableCompletion","TableId":${id},"RowCount":${t.rows.length}${endErrors}}`);
      return;
    }
    // [U] A single DataTable frame has no end of its own: end_of_table errors go in its rows as with in_data.
    const errorRows = placement === 'EndOfDataSet' ? [] : tableErrors.length > 0 ? [`{"OneApiErrors":[${tableErrors.join(',')}]}`] : [];
    const rows = [...t.rows, ...errorRows];
    frames.push(`{"FrameType":"DataTable","TableId":${id},"TableKind":${json(t.kind)},"TableName":${json(t.name)},"Columns":${columnsV2(t.columns)},"Rows":[${rows.join(',')}]}`);
  });
  frames.push(
    errors.length > 0
      ? `{"FrameType":"DataSetCompletion","HasErrors":true,"Cancelled":false,"OneApiErrors":[${errorText.join(',')}]}`
      : `{"FrameType":"DataSetCompletion","HasErrors":false,"Cancelled":false}`,
  );
  return `[${frames.join(options.newlines ? ',\n' : ',')}]`;
}

function tableV1(name: string, t: WireTable): string {
  const cols = json(t.columns.map((c) => ({ ColumnName: c.name, DataType: v1DataType(c.type), ColumnType: c.type })));
  return `{"TableName":${json(name)},"Columns":${cols},"Rows":[${t.rows.join(',')}]}`;
}

/** v1 body of a management command: its one result table, named Table_0. */
export function v1CommandBody(t: WireTable): string {
  return `{"Tables":[${tableV1('Table_0', t)}]}`;
}

const V1_KINDS: Readonly<Record<string, string>> = {
  PrimaryResult: 'QueryResult',
  QueryProperties: 'QueryProperties',
  QueryCompletionInformation: 'QueryStatus',
};

/**
 * v1 body of a query: Table_0..Table_n-1 then the table of contents (Ordinal, Kind, Name, Id, PrettyName), whose
 * Kind says which table is the result (QueryResult), the properties and the status (response.md; the clients map
 * QueryResult / QueryProperties / QueryStatus from it).
 */
export function v1QueryBody(tables: readonly WireTable[], tableIds: readonly string[]): string {
  const parts = tables.map((t, i) => tableV1(`Table_${i}`, t));
  const toc: WireTable = {
    name: 'TableOfContents',
    kind: 'TableOfContents',
    columns: [
      { name: 'Ordinal', type: 'long' },
      { name: 'Kind', type: 'string' },
      { name: 'Name', type: 'string' },
      { name: 'Id', type: 'string' },
      { name: 'PrettyName', type: 'string' },
    ],
    rows: tables.map((t, i) => json([i, V1_KINDS[t.kind] ?? t.kind, t.name, tableIds[i] ?? '', ''])),
  };
  parts.push(tableV1(`Table_${tables.length}`, toc));
  return `{"Tables":[${parts.join(',')}]}`;
}
