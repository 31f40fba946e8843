// Result schemas of the issue #12 operators against Microsoft's analyser over the built-in tables (names, order,
// types): each query must bind to exactly the analyser's columns. Values are tested in the case files.
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import { BUILTIN_SCHEMAS } from '../../src/tables/builtin-schemas.js';
import { msResultSchema } from '../support/ms-kusto.js';

const QUERIES = [
  'EmailEvents | where * has "x" | count as Hits',
  'EmailEvents | where * == "x" or Subject:"invoice*" | distinct Sender = tolower(SenderFromAddress), Subject',
  'EmailEvents | search "invoice" and not(SenderFromDomain == "contoso.com")',
  'search kind=case_sensitive in (EmailEvents, EmailUrlInfo) "PayPaI*" | summarize count() by $table',
  'search in (EmailUrlInfo) UrlDomain:"bit.ly" or * contains "tinyurl"',
  'find in (EmailEvents, EmailUrlInfo) where NetworkMessageId == "x"',
  'find withsource=Src in (EmailEvents, EmailUrlInfo) where NetworkMessageId == "x" project Timestamp, Url:string',
  'find in (EmailEvents, EmailUrlInfo) where NetworkMessageId == "x" project pack(*)',
  'EmailEvents | getschema',
  'EmailEvents | sample 10',
  'EmailEvents | sample-distinct 5 of SenderFromDomain',
  'EmailEvents | parse-where Subject with "Re: " Rest',
  'EmailEvents | parse-where kind=regex Subject with "(?i)invoice " Number:long',
  'EmailEvents | parse-kv Subject as (a:string, b:long) with (pair_delimiter=";", kv_delimiter="=")',
  'EmailEvents | parse-kv Subject as (a:string, b:long) with (regex=@"(\\w+)=(\\w+)")',
  'EmailEvents | top-hitters 5 of SenderFromDomain',
  // Not listed: `top-hitters … by <int column>`: the analyser types the sum int, summarize's sum (which the page says
  // top-hitters approximates) is long; kqlite gives long. Left for issue #14 (what the engine returns).
  'EmailEvents | top-nested 3 of SenderFromDomain by count(), top-nested 2 of RecipientEmailAddress with others = "other" by Mails = count()',
  'EmailEvents | top-nested of D = SenderFromDomain by Last = max(Timestamp) asc',
];

describe('issue #12 operators: result schemas equal Microsoft analyser', () => {
  const db = new Database();
  it.each(QUERIES)('%s', (q) => {
    const ms = msResultSchema(q, BUILTIN_SCHEMAS as never);
    expect(Array.isArray(ms), JSON.stringify(ms)).toBe(true);
    const ours = db.plan(q, { now: '2026-11-20T12:00:00Z' });
    expect(ours.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(ours.plan!.schema.map((c) => ({ name: c.name, type: c.type }))).toEqual(ms);
  });
});
