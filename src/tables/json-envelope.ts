// API result documents saved as .json files, loaded as they come. Shapes (each from its documentation):
//  - Defender XDR advanced-hunting API: {"Stats": …, "Schema": [{"Name", "Type"}], "Results": [{row}, …]}
//    (MicrosoftDocs/defender-docs defender-xdr/api-advanced-hunting.md; types are .NET names: "DateTime", "String").
//  - Microsoft Graph security runHuntingQuery: {"@odata.context": …, "schema": [{"name", "type"}], "results": [{row}]}
//    (microsoft-graph-docs api-reference/v1.0/api/security-security-runhuntingquery.md).
//  - Log Analytics query API: {"tables": [{"name": "PrimaryResult", "columns": [{"name", "type"}], "rows": [[v, …]]}]}
//    (azure-docs articles/azure-monitor/logs/api/response-format.md). [U] This API returns dynamic values as JSON
//    text, so a string in a dynamic column of this shape is read as JSON (text that is not JSON stays a string).
// The document is read whole (the services cap a result at 100k–500k rows), the schema found wherever it is among
// the members, then the rows are read straight into columns by json-rows.ts.

import { didYouMean } from '../diagnostics.js';
import type { ScalarType } from '../values/types.js';
import { DataError } from './data-error.js';
import { JsonRowReader } from './json-rows.js';
import { checkSchema, SchemaError } from './schema-check.js';
import type { Schema } from './table.js';

export interface ExportShape {
  /** Rows are objects keyed by column (Defender, Graph) or arrays in column order (Log Analytics). */
  readonly rows: 'objects' | 'arrays';
  readonly declared: Schema;
  /** Offset of the rows array, and of the declared schema (for positions). */
  readonly rowsAt: number;
  readonly schemaAt: number;
  readonly dynamicStringsAreJson: boolean;
  readonly what: string;
}

const SHAPES_HINT =
  'a .json table file holds an array of row objects, a Defender advanced-hunting API result {"Schema", "Results"}, a Graph runHuntingQuery result {"schema", "results"} or a Log Analytics API result {"tables"}';

/** Walks the members of the object at p, calling `visit` with each key and the offset of its value. */
function members(r: JsonRowReader, p: number, visit: (key: string, at: number) => number): number {
  const t = r.text;
  p = r.skipWs(p);
  if (t.charCodeAt(p) !== 123) r.syntax(p, "expected '{'");
  p = r.skipWs(p + 1);
  if (t.charCodeAt(p) === 125) return p + 1;
  const seen = new Set<string>();
  for (;;) {
    const keyAt = p;
    const key = r.stringAt(p);
    if (seen.has(key.value)) r.error(keyAt, `duplicate key '${key.value}' in an object`);
    seen.add(key.value);
    p = r.skipWs(key.end);
    if (t.charCodeAt(p) !== 58) r.syntax(p, "expected ':'");
    p = r.skipWs(visit(key.value, r.skipWs(p + 1)));
    const c = t.charCodeAt(p);
    if (c === 125) return p + 1;
    if (c !== 44) r.syntax(p, "expected ',' or '}'");
    p = r.skipWs(p + 1);
  }
}

function declaredSchema(r: JsonRowReader, at: number): Schema {
  const { value } = r.plainAt(at);
  try {
    return checkSchema(value);
  } catch (err) {
    if (err instanceof SchemaError) r.error(at, `the export's schema: ${err.message}`);
    throw err;
  }
}

/** Finds the shape of an API result document (text starting with '{'); throws DataError when it is none of them. */
export function readExportShape(text: string, file: string): ExportShape {
  const r = new JsonRowReader(undefined, { file, table: '', lenient: false }, []);
  r.setWindow(text, 0, text.length, true);
  let schemaAt = -1;
  let rowsAt = -1;
  let tablesAt = -1;
  let upper = false;
  const end = members(r, 0, (key, at) => {
    if (key === 'Schema' || key === 'schema') {
      schemaAt = at;
      upper = key === 'Schema';
    } else if (key === 'Results' || key === 'results') rowsAt = at;
    else if (key === 'tables') tablesAt = at;
    return r.skipValue(at);
  });
  if (r.skipWs(end) < text.length) {
    r.syntax(r.skipWs(end), 'text after the end of the document (a .json file holds one JSON document; one object per line is .ndjson)');
  }
  if (schemaAt >= 0 && rowsAt >= 0) {
    return {
      rows: 'objects',
      declared: declaredSchema(r, schemaAt),
      rowsAt,
      schemaAt,
      dynamicStringsAreJson: false,
      what: upper ? 'a Defender advanced-hunting API result' : 'a Graph runHuntingQuery result',
    };
  }
  if (tablesAt >= 0) return logAnalyticsShape(r, tablesAt);
  return r.error(0, 'not a table file', [SHAPES_HINT]);
}

function logAnalyticsShape(r: JsonRowReader, tablesAt: number): ExportShape {
  const t = r.text;
  const found: { name: string; columnsAt: number; rowsAt: number; at: number }[] = [];
  let p = r.skipWs(tablesAt);
  if (t.charCodeAt(p) !== 91) r.syntax(p, "expected '[' (\"tables\" is a list)");
  p = r.skipWs(p + 1);
  while (t.charCodeAt(p) !== 93) {
    const entry = { name: '', columnsAt: -1, rowsAt: -1, at: p };
    p = r.skipWs(
      members(r, p, (key, at) => {
        if (key === 'name') entry.name = String(r.plainAt(at).value);
        else if (key === 'columns') entry.columnsAt = at;
        else if (key === 'rows') entry.rowsAt = at;
        return r.skipValue(at);
      }),
    );
    found.push(entry);
    if (t.charCodeAt(p) === 44) p = r.skipWs(p + 1);
    else if (t.charCodeAt(p) !== 93) r.syntax(p, "expected ',' or ']'");
  }
  const primary = found.length === 1 ? found[0] : found.find((f) => f.name === 'PrimaryResult');
  if (!primary) {
    r.error(tablesAt, `a Log Analytics result with ${found.length} tables and none named PrimaryResult: kqlite reads one table per file`);
  }
  if (primary.columnsAt < 0 || primary.rowsAt < 0) r.error(primary.at, 'a Log Analytics result table needs "columns" and "rows"');
  return {
    rows: 'arrays',
    declared: declaredSchema(r, primary.columnsAt),
    rowsAt: primary.rowsAt,
    schemaAt: primary.columnsAt,
    dynamicStringsAreJson: true,
    what: 'a Log Analytics API result',
  };
}

/**
 * The schema to load an export into, and each declared column's index in it. With a known schema (built-in or
 * declared by the user), the export's columns must be among its columns with the same types; without one, the
 * export's own schema is the table's.
 */
export function bindExportSchema(
  shape: ExportShape,
  known: Schema | undefined,
  table: string,
  file: string,
  positionOf: (offset: number) => { line: number; column: number },
): { schema: Schema; order: number[] } {
  if (!known) return { schema: shape.declared, order: shape.declared.map((_, i) => i) };
  const names = known.map((c) => c.name);
  const order = shape.declared.map((c) => {
    const j = names.indexOf(c.name);
    const { line, column } = positionOf(shape.schemaAt);
    if (j < 0) throw new DataError(file, line, column, `${shape.what} with column '${c.name}', unknown for table '${table}'`, didYouMean(c.name, names));
    const type: ScalarType = known[j]!.type;
    if (type !== c.type) {
      throw new DataError(file, line, column, `column '${c.name}' is ${type} in table '${table}' but ${c.type} in ${shape.what}`);
    }
    return j;
  });
  return { schema: known, order };
}
