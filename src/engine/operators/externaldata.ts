// externaldata (externaldata-operator.md): a table of the schema declared in the query, read from external
// artifacts. kqlite never opens a network connection from the engine: the Database's `externalData` resolver gives
// the text behind each URI (the Node edge reads it from the data folder's mapping, src/node/external-data.ts), and
// externaldata-formats.ts parses it by the `format` property.
//
// Binding checks the schema, the URIs (constant strings, e.g. a query parameter) and the properties; reading
// happens when the plan runs, through the resolver captured in the node (binding never reads data).
// Format: the `format` property, else the URI's file extension, else csv (the operator's page). Several URIs: their
// rows one after another, in the order written.

import { diagnostic, didYouMean, KqlError } from '../../diagnostics.js';
import type * as A from '../../parser/ast.js';
import { DataError } from '../../tables/data-error.js';
import { concatTables, type Column, type Table } from '../../tables/table.js';
import { bindExpr } from '../bind/bind-expr.js';
import type { ExternalDataResolver } from '../bind/scope.js';
import type { PlanNodeBase } from '../plan/logical.js';
import { EXTERNALDATA_FORMATS, parseExternalData, type ExternalDataFormat } from './externaldata-formats.js';
import type { PlanOperatorsOf, SourceBinder, SourceBinders } from './operator.js';

declare module '../plan/logical.js' {
  interface PlanNodes {
    ExternalData: ExternalDataNode;
  }
}

export interface ExternalDataNode extends PlanNodeBase<'ExternalData'> {
  readonly uris: readonly { readonly uri: string; readonly format: ExternalDataFormat; readonly span: A.Expression['span'] }[];
  readonly ignoreFirstRecord: boolean;
  /** The Database's resolver (undefined: none was given, and running fails naming the URI). */
  readonly resolve: ExternalDataResolver | undefined;
}

/** Properties that change nothing offline (authentication, compression hints) [U]. */
const IGNORED_PROPERTIES = new Set(['managedIdentity', 'compressed', 'zipPattern']);

const formatFromExtension = (uri: string): ExternalDataFormat | undefined => {
  const path = uri.split(/[?#;]/)[0]!.toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(path)?.[1];
  return ext === undefined ? undefined : (EXTERNALDATA_FORMATS as readonly string[]).includes(ext) ? (ext as ExternalDataFormat) : undefined;
};

function propertyText(p: A.OperatorParam): string | boolean | undefined {
  const v = p.value;
  switch (v.kind) {
    case 'StringLiteral':
      return v.value;
    case 'BoolLiteral':
      return v.value;
    case 'Name':
      return v.name;
    default:
      return undefined;
  }
}

const bindExternaldata: SourceBinder<'Externaldata'> = (e, lets, ctx) => {
  const schema: Column[] = e.columns.map((c) => ({ name: c.name.name, type: c.type.type }));
  if (schema.some((c) => c.type === 'decimal')) {
    ctx.diagnostics.push(diagnostic('bind-not-supported', e.span, { name: 'decimal' }));
    return undefined;
  }
  for (const p of e.params ?? []) {
    if (p.name.toLowerCase() === 'kind') continue; // kind=storage|sql|...: the resolver decides what a URI is
    ctx.diagnostics.push(diagnostic('bind-not-supported', p.span, { name: `externaldata parameter ${p.name}` }));
    return undefined;
  }
  let format: ExternalDataFormat | undefined;
  let ignoreFirstRecord = false;
  for (const p of e.properties) {
    const value = propertyText(p);
    const name = p.name;
    if (name.toLowerCase() === 'format') {
      const f = typeof value === 'string' ? value.toLowerCase() : undefined;
      if (f === undefined || !(EXTERNALDATA_FORMATS as readonly string[]).includes(f)) {
        ctx.diagnostics.push(
          diagnostic('bind-not-supported', p.span, { name: `externaldata format ${String(value ?? '')} (kqlite reads ${EXTERNALDATA_FORMATS.join(', ')})` }, {
            notes: didYouMean(String(value ?? ''), [...EXTERNALDATA_FORMATS]),
          }),
        );
        return undefined;
      }
      format = f as ExternalDataFormat;
    } else if (name.toLowerCase() === 'ignorefirstrecord') {
      const b = typeof value === 'string' ? value.toLowerCase() : value;
      if (b !== true && b !== false && b !== 'true' && b !== 'false') {
        ctx.diagnostics.push(diagnostic('bind-invalid-option', p.span, { operator: 'externaldata', name }));
        return undefined;
      }
      ignoreFirstRecord = b === true || b === 'true';
    } else if (!IGNORED_PROPERTIES.has(name)) {
      ctx.diagnostics.push(diagnostic('bind-not-supported', p.span, { name: `externaldata property ${name}` }));
      return undefined;
    }
  }
  const uris: ExternalDataNode['uris'][number][] = [];
  for (const u of e.uris) {
    const v = bindExpr(u, { schema: [], lets }, ctx);
    if (!v) return undefined;
    if (v.kind !== 'Literal' || v.type !== 'string') {
      ctx.diagnostics.push(diagnostic('bind-expected-constant', u.span, { what: 'an externaldata URI (a string)' }));
      return undefined;
    }
    const uri = String(v.value);
    uris.push({ uri, format: format ?? formatFromExtension(uri) ?? 'csv', span: u.span });
  }
  return { kind: 'ExternalData', schema, span: e.span, uris, ignoreFirstRecord, resolve: ctx.externalData };
};

export const sources: SourceBinders = { Externaldata: bindExternaldata };

function fail(node: ExternalDataNode, span: A.Expression['span'], message: string, source: string): never {
  throw new KqlError([diagnostic('runtime-externaldata', span, { message })], source);
}

export const plans: PlanOperatorsOf<'ExternalData'> = {
  ExternalData: {
    inputs: () => [],
    execute: (node, ctx) => {
      const parts: Table[] = [];
      for (const { uri, format, span } of node.uris) {
        const found = node.resolve?.(uri);
        if (found === undefined) {
          fail(node, span, `no data for ${uri}: give the Database an externalData resolver (kqlite: a data folder's externaldata/urls.tsv maps URLs to files)`, ctx.source);
        }
        if ('error' in found) fail(node, span, found.error, ctx.source);
        try {
          const { table } = parseExternalData(found.text, found.source, format, node.schema, node.ignoreFirstRecord);
          ctx.checkRows(table.rowCount, span, 'externaldata');
          parts.push(table);
        } catch (err) {
          if (err instanceof DataError) fail(node, span, `${err.message} (format ${format}, from ${uri})`, ctx.source);
          throw err;
        }
      }
      return parts.length === 1 ? parts[0]! : concatTables(node.schema, parts);
    },
    explain: (node) => `ExternalData ${node.uris.map((u) => `${u.format} ${JSON.stringify(u.uri)}`).join(', ')}${node.ignoreFirstRecord ? ' ignoreFirstRecord' : ''}`,
    serialization: 'loses',
  },
};
