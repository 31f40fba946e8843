// Every table kqlite knows without being told: the schema catalogue generated from Microsoft's documentation
// (./catalogue, ~700 Defender XDR and Azure Monitor / Sentinel tables) and, above it, the five Defender for Office 365
// email / URL tables kept by hand below. BUILTIN_SCHEMAS maps a table name to its columns; its values are decoded
// from the catalogue's compact form the first time they are read.
//
// The five email tables, one schema per table that serves both query dialects at once:
//
// Origin: transcribed column by column (order kept) from the project's shared/schemas.json, which records, per
// table, the Defender XDR advanced-hunting reference (MicrosoftDocs/defender-docs, defender-xdr/advanced-hunting-
// <table>-table.md) and the Log Analytics / Microsoft Sentinel table reference (MicrosoftDocs/azure-reference-other,
// azure-monitor-ref/tables/includes/<table>-include.md, cross-checked with the Sentinel solutions schema dump).
// This file is the copy that ships: the package never reads shared/ (users do not have it).
//
// Why a union: real detection rules are written against either variant — 229 of 457 public queries use only
// `Timestamp` (XDR), 99 only `TimeGenerated` (Sentinel), 5 both. A table that carries both time columns (same
// instant) plus every column of either variant runs all of them unchanged. The trailing comment on a column names
// the only variant that documents it; columns without a comment are in both.
//
// Type conflict (the only one): EmailEvents.AdditionalFields is `string` in the XDR reference and `dynamic` in the
// Log Analytics reference. We pick `dynamic` because it is the reading under which queries of both dialects bind:
// XDR queries wrap it in parse_json()/todynamic(), which returns a dynamic argument unchanged
// (docs: parse-json-function.md), while Sentinel queries index it directly (`AdditionalFields.x`), which a string
// column would reject. `has`/`contains` on a dynamic value still search its JSON text.
//
// Why these five stay hand-kept: they come from a newer Log Analytics schema (2026) than the catalogue's pages, so
// each is a superset of the catalogue's version of the table with the same types (checked by
// test/tables/catalogue.test.ts) — the extra columns are listed there.
//
// Inferred types: EmailUrlInfo.UrlChainId / UrlChainPosition appear in no schema, only in one Azure-Sentinel
// hunting query ("Hunt for email URL Redirections"); their types are guessed from that usage (`UrlChainPosition == 0`).
import type { ScalarType } from '../values/types.js';
import { catalogueSchema, catalogueTableNames } from './catalogue/index.js';
import type { Schema } from './table.js';

export interface BuiltinColumn {
  readonly name: string;
  readonly type: ScalarType;
}

const CURATED_EMAIL_SCHEMAS: Readonly<Record<string, readonly BuiltinColumn[]>> = {
  UrlClickEvents: [
    { name: 'Timestamp', type: 'datetime' }, // xdr
    { name: 'TimeGenerated', type: 'datetime' }, // sentinel
    { name: 'Url', type: 'string' },
    { name: 'ActionType', type: 'string' },
    { name: 'AccountUpn', type: 'string' },
    { name: 'Workload', type: 'string' },
    { name: 'NetworkMessageId', type: 'string' },
    { name: 'ThreatTypes', type: 'string' },
    { name: 'DetectionMethods', type: 'string' },
    { name: 'IPAddress', type: 'string' },
    { name: 'IsClickedThrough', type: 'bool' },
    { name: 'UrlChain', type: 'string' },
    { name: 'ReportId', type: 'string' },
    { name: 'AppName', type: 'string' }, // sentinel
    { name: 'AppVersion', type: 'string' }, // sentinel
    { name: 'SourceId', type: 'string' }, // sentinel
    { name: 'TenantId', type: 'string' }, // sentinel
    { name: 'SourceSystem', type: 'string' }, // sentinel
    { name: 'Type', type: 'string' }, // sentinel
    { name: '_BilledSize', type: 'real' }, // sentinel
    { name: '_IsBillable', type: 'string' }, // sentinel
  ],
  EmailEvents: [
    { name: 'Timestamp', type: 'datetime' }, // xdr
    { name: 'TimeGenerated', type: 'datetime' }, // sentinel
    { name: 'NetworkMessageId', type: 'string' },
    { name: 'InternetMessageId', type: 'string' },
    { name: 'SenderMailFromAddress', type: 'string' },
    { name: 'SenderFromAddress', type: 'string' },
    { name: 'SenderDisplayName', type: 'string' },
    { name: 'SenderObjectId', type: 'string' },
    { name: 'SenderMailFromDomain', type: 'string' },
    { name: 'SenderFromDomain', type: 'string' },
    { name: 'SenderIPv4', type: 'string' },
    { name: 'SenderIPv6', type: 'string' },
    { name: 'RecipientEmailAddress', type: 'string' },
    { name: 'RecipientObjectId', type: 'string' },
    { name: 'Subject', type: 'string' },
    { name: 'EmailClusterId', type: 'long' },
    { name: 'EmailDirection', type: 'string' },
    { name: 'DeliveryAction', type: 'string' },
    { name: 'DeliveryLocation', type: 'string' },
    { name: 'ThreatTypes', type: 'string' },
    { name: 'ThreatNames', type: 'string' },
    { name: 'DetectionMethods', type: 'string' },
    { name: 'ConfidenceLevel', type: 'string' },
    { name: 'BulkComplaintLevel', type: 'int' },
    { name: 'EmailAction', type: 'string' },
    { name: 'EmailActionPolicy', type: 'string' },
    { name: 'EmailActionPolicyGuid', type: 'string' },
    { name: 'AuthenticationDetails', type: 'string' },
    { name: 'AttachmentCount', type: 'int' },
    { name: 'UrlCount', type: 'int' },
    { name: 'EmailLanguage', type: 'string' },
    { name: 'Connectors', type: 'string' },
    { name: 'OrgLevelAction', type: 'string' },
    { name: 'OrgLevelPolicy', type: 'string' },
    { name: 'UserLevelAction', type: 'string' },
    { name: 'UserLevelPolicy', type: 'string' },
    { name: 'ReportId', type: 'string' },
    { name: 'AdditionalFields', type: 'dynamic' }, // string in XDR, dynamic in Sentinel: see the type note above
    { name: 'LatestDeliveryLocation', type: 'string' },
    { name: 'LatestDeliveryAction', type: 'string' },
    { name: 'RecipientDomain', type: 'string' }, // sentinel
    { name: 'ThreatClassification', type: 'string' }, // sentinel (also used by XDR queries)
    { name: 'IsFirstContact', type: 'bool' }, // sentinel (also used by XDR queries)
    { name: 'ForwardingInformation', type: 'string' }, // sentinel (also used by XDR queries)
    { name: 'Cc', type: 'dynamic' }, // sentinel
    { name: 'To', type: 'dynamic' }, // sentinel
    { name: 'EmailSize', type: 'int' }, // sentinel
    { name: 'DistributionList', type: 'string' }, // sentinel
    { name: 'ExchangeTransportRule', type: 'string' }, // sentinel
    { name: 'Context', type: 'string' }, // sentinel
    { name: 'LastEventExecutionTime', type: 'datetime' }, // sentinel
    { name: 'TenantId', type: 'string' }, // sentinel
    { name: 'SourceSystem', type: 'string' }, // sentinel
    { name: 'Type', type: 'string' }, // sentinel
    { name: '_BilledSize', type: 'real' }, // sentinel
    { name: '_IsBillable', type: 'string' }, // sentinel
  ],
  EmailUrlInfo: [
    { name: 'Timestamp', type: 'datetime' }, // xdr
    { name: 'TimeGenerated', type: 'datetime' }, // sentinel
    { name: 'NetworkMessageId', type: 'string' },
    { name: 'Url', type: 'string' },
    { name: 'UrlDomain', type: 'string' },
    { name: 'UrlLocation', type: 'string' },
    { name: 'ReportId', type: 'string' },
    { name: 'UrlChainId', type: 'string' }, // xdr (type inferred from query usage)
    { name: 'UrlChainPosition', type: 'long' }, // xdr (type inferred from query usage)
    { name: 'TenantId', type: 'string' }, // sentinel
    { name: 'SourceSystem', type: 'string' }, // sentinel
    { name: 'Type', type: 'string' }, // sentinel
    { name: '_BilledSize', type: 'real' }, // sentinel
    { name: '_IsBillable', type: 'string' }, // sentinel
  ],
  EmailAttachmentInfo: [
    { name: 'Timestamp', type: 'datetime' }, // xdr
    { name: 'TimeGenerated', type: 'datetime' }, // sentinel
    { name: 'NetworkMessageId', type: 'string' },
    { name: 'SenderFromAddress', type: 'string' },
    { name: 'SenderDisplayName', type: 'string' },
    { name: 'SenderObjectId', type: 'string' },
    { name: 'RecipientEmailAddress', type: 'string' },
    { name: 'RecipientObjectId', type: 'string' },
    { name: 'FileName', type: 'string' },
    { name: 'FileType', type: 'string' },
    { name: 'FileExtension', type: 'string' }, // sentinel
    { name: 'SHA256', type: 'string' },
    { name: 'FileSize', type: 'long' },
    { name: 'ThreatTypes', type: 'string' },
    { name: 'ThreatNames', type: 'string' },
    { name: 'DetectionMethods', type: 'string' },
    { name: 'ReportId', type: 'string' },
    { name: 'TenantId', type: 'string' }, // sentinel
    { name: 'SourceSystem', type: 'string' }, // sentinel
    { name: 'Type', type: 'string' }, // sentinel
    { name: '_BilledSize', type: 'real' }, // sentinel
    { name: '_IsBillable', type: 'string' }, // sentinel
  ],
  EmailPostDeliveryEvents: [
    { name: 'Timestamp', type: 'datetime' }, // xdr
    { name: 'TimeGenerated', type: 'datetime' }, // sentinel
    { name: 'NetworkMessageId', type: 'string' },
    { name: 'InternetMessageId', type: 'string' },
    { name: 'Action', type: 'string' },
    { name: 'ActionType', type: 'string' },
    { name: 'ActionTrigger', type: 'string' },
    { name: 'ActionResult', type: 'string' },
    { name: 'RecipientEmailAddress', type: 'string' },
    { name: 'DeliveryLocation', type: 'string' },
    { name: 'ThreatTypes', type: 'string' },
    { name: 'DetectionMethods', type: 'string' },
    { name: 'ReportId', type: 'string' },
    { name: 'EmailDirection', type: 'string' }, // sentinel (also used by XDR queries)
    { name: 'SenderFromAddress', type: 'string' }, // sentinel (also used by XDR queries)
    { name: 'TenantId', type: 'string' }, // sentinel
    { name: 'SourceSystem', type: 'string' }, // sentinel
    { name: 'Type', type: 'string' }, // sentinel
    { name: '_BilledSize', type: 'real' }, // sentinel
    { name: '_IsBillable', type: 'string' }, // sentinel
  ],
};

/** The five hand-kept email / URL tables (above); every other built-in table comes from the catalogue. */
export const CURATED_TABLES: readonly string[] = Object.keys(CURATED_EMAIL_SCHEMAS);

const BUILTIN_NAMES: readonly string[] = [...new Set([...catalogueTableNames(), ...CURATED_TABLES])].sort();
const BUILTIN_NAME_SET: ReadonlySet<string> = new Set(BUILTIN_NAMES);

/** The columns of a built-in table (hand-kept email table first, then the catalogue), or undefined. */
export function builtinSchema(table: string): Schema | undefined {
  return CURATED_EMAIL_SCHEMAS[table] ?? catalogueSchema(table);
}

function builtinSchemas(): Readonly<Record<string, readonly BuiltinColumn[]>> {
  const all: Record<string, readonly BuiltinColumn[]> = {};
  for (const name of BUILTIN_NAMES) {
    // A getter per table: importing stays cheap, and a table's columns are decoded only when first read.
    Object.defineProperty(all, name, { enumerable: true, get: () => builtinSchema(name) });
  }
  return Object.freeze(all);
}

/** Table name → columns for every built-in table. Reading a value decodes that table once; prefer builtinSchema(). */
export const BUILTIN_SCHEMAS: Readonly<Record<string, readonly BuiltinColumn[]>> = builtinSchemas();

/**
 * A table-name → schema Map that already holds every built-in table without decoding any of them: `get` falls back
 * to the built-in schema (decoded on first use), `keys` lists the built-in names after the ones set explicitly. A
 * Database starts from one of these, so creating a Database costs no decoding of ~700 schemas. `set` shadows a
 * built-in schema; `delete` removes only what was set.
 */
export class SchemaMapWithBuiltins extends Map<string, Schema> {
  override get(name: string): Schema | undefined {
    return super.get(name) ?? (BUILTIN_NAME_SET.has(name) ? builtinSchema(name) : undefined);
  }
  override has(name: string): boolean {
    return super.has(name) || BUILTIN_NAME_SET.has(name);
  }
  override get size(): number {
    let extra = 0;
    for (const k of super.keys()) if (!BUILTIN_NAME_SET.has(k)) extra++;
    return BUILTIN_NAMES.length + extra;
  }
  override *keys(): MapIterator<string> {
    for (const k of super.keys()) if (!BUILTIN_NAME_SET.has(k)) yield k;
    yield* BUILTIN_NAMES;
  }
  override *entries(): MapIterator<[string, Schema]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }
  override *values(): MapIterator<Schema> {
    for (const k of this.keys()) yield this.get(k)!;
  }
  override [Symbol.iterator](): MapIterator<[string, Schema]> {
    return this.entries();
  }
  override forEach(fn: (value: Schema, key: string, map: Map<string, Schema>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
