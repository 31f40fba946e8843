// The seed rules and the cases of issue 15's table, over the Defender-shaped tables of gen-data.ts.

import { op } from 'arquero';
import { countPerDistinct, countPerRow, case1Predicate, type UrlColumn } from '../baselines.js';
import { DAY_MS, NOW } from '../gen-data.js';
import type { Table } from '../../src/tables/table.js';
import { SEED000, SEED002, SEED004, SEED004_LETS, SHORTENERS, PAAS, IPFS, js, sql } from './url-rules.js';
import type { Case } from './types.js';

const NOW_MS = Date.parse(NOW);
const SINCE_24H = NOW_MS - DAY_MS;
const ts = (ms: number) => `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`;
/** 30 days before NOW (= startofday(ago(30d)) as NOW is midnight): the generated data lies in [FROM, NOW). */
export const FROM_MS = NOW_MS - 30 * DAY_MS;
export const FROM_KQL = `datetime(${new Date(FROM_MS).toISOString()})`;
export const NOW_KQL = `datetime(${NOW})`;
export const FROM_SQL = ts(FROM_MS);
export const NOW_SQL = ts(NOW_MS);

/** A series of `bins` zeros with counts placed at their bin numbers (make-series without an engine verb for it). */
export function dense(bins: ArrayLike<number>, counts: ArrayLike<number>, size: number): number[] {
  const out = new Array<number>(size).fill(0);
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i]!;
    if (b >= 0 && b < size) out[b] = counts[i]!;
  }
  return out;
}

function urlColumn(t: Table): UrlColumn {
  const v = t.columns[t.schema.findIndex((c) => c.name === 'Url')]!;
  if (v.type !== 'string') throw new Error('Url is not a string column');
  const { values, dict, codes } = v;
  return { rowCount: t.rowCount, at: values ? (i) => values[i]! : (i) => dict![codes![i]!]!, dict, codes };
}

const CASE1_WHERE = `| extend ParsedHost = tostring(parse_url(Url).Host)
| extend ParsedPath = tostring(parse_url(Url)["Path"])
| where ParsedHost has_any (UrlShortenerDomains)
    or ParsedHost has_any (SuspiciousPaaSDomains)
    or ParsedHost has_any (IpfsGatewayDomains)
    or ParsedPath has "/ipfs/"
    or Url has "ipfs://"`;

const SEED004_SQL = `
WITH u AS (
  SELECT *, ${sql.host('Url')} AS ParsedHost, ${sql.path('Url')} AS ParsedPath
  FROM EmailUrlInfo WHERE TimeGenerated > ${ts(SINCE_24H)}
), f AS (
  SELECT *, regexp_matches(ParsedHost, ${sql.ipfs}) OR contains(lower(ParsedPath), '/ipfs/') OR regexp_matches(Url, ${sql.ipfsScheme}) AS isIpfs,
         regexp_matches(ParsedHost, ${sql.shortener}) AS isShort, regexp_matches(ParsedHost, ${sql.paas}) AS isPaas
  FROM u
), g AS (SELECT * FROM f WHERE isIpfs OR isShort OR isPaas),
e AS (
  SELECT NetworkMessageId, SenderFromAddress, SenderMailFromDomain, RecipientEmailAddress, Subject, DeliveryAction,
         ThreatNames, EmailDirection, LatestDeliveryLocation
  FROM EmailEvents WHERE TimeGenerated > ${ts(SINCE_24H)} AND DeliveryAction IN ('Delivered', 'DeliveredToJunk')
), j AS (
  SELECT g.TimeGenerated, e.SenderFromAddress, e.SenderMailFromDomain, e.RecipientEmailAddress, e.Subject, g.Url, g.ParsedHost,
         CASE WHEN isIpfs THEN 'IPFS_Gateway' WHEN isShort THEN 'URLShortener' WHEN isPaas THEN 'SuspiciousPaaS' ELSE 'Other' END AS LinkCategory,
         regexp_matches(g.Url, ${sql.credential}) AS CredentialHarvestIndicator, e.DeliveryAction, e.ThreatNames, e.LatestDeliveryLocation
  FROM g LEFT JOIN e ON g.NetworkMessageId = e.NetworkMessageId
  WHERE coalesce(e.SenderFromAddress, '') <> ''
)
SELECT TimeGenerated, SenderFromAddress, SenderMailFromDomain, RecipientEmailAddress, Subject, Url, ParsedHost, LinkCategory,
       CredentialHarvestIndicator,
       CAST(CredentialHarvestIndicator AS INTEGER) + CASE LinkCategory WHEN 'IPFS_Gateway' THEN 2 WHEN 'URLShortener' THEN 1 WHEN 'SuspiciousPaaS' THEN 1 ELSE 0 END AS SuspicionScore,
       DeliveryAction, ThreatNames, LatestDeliveryLocation
FROM j ORDER BY SuspicionScore DESC, TimeGenerated DESC`;

const linkCategory = (url: string, host: string, path: string): string =>
  js.ipfs.test(host) || js.ipfsPath.test(path) || js.ipfsScheme.test(url)
    ? 'IPFS_Gateway'
    : js.shortener.test(host)
      ? 'URLShortener'
      : js.paas.test(host)
        ? 'SuspiciousPaaS'
        : 'Other';

export const ISSUE_CASES: readonly Case[] = [
  {
    name: 'seed004-where',
    group: 'issue',
    scans: ['EmailUrlInfo'],
    kql: `${SEED004_LETS}\nEmailUrlInfo\n${CASE1_WHERE}\n| count`,
    arquero: (aq, t) => t.EmailUrlInfo!.filter(aq.escape((d: { Url: string }) => js.case1(d.Url))).numRows(),
    sql: `SELECT count(*) AS Count FROM (SELECT Url, ${sql.host('Url')} AS h, ${sql.path('Url')} AS p FROM EmailUrlInfo)
          WHERE regexp_matches(h, ${sql.hostAny}) OR contains(lower(p), '/ipfs/') OR regexp_matches(Url, ${sql.ipfsScheme})`,
    hand: {
      'js: fastest per-row loop': (tables) => {
        const col = urlColumn(tables.EmailUrlInfo!);
        return () => countPerRow(col, js.case1);
      },
      'js: indexOf per-row loop': (tables) => {
        const col = urlColumn(tables.EmailUrlInfo!);
        const pred = case1Predicate({ shorteners: SHORTENERS, paas: PAAS, ipfs: IPFS });
        return () => countPerRow(col, pred);
      },
      'js: distinct-URL loop': (tables) => {
        const col = urlColumn(tables.EmailUrlInfo!);
        return () => countPerDistinct(col, js.case1);
      },
    },
    check: {},
    note: 'arquero filters with the fastest hand predicate (aq.escape); DuckDB with RE2 regexes',
  },
  {
    name: 'seed004',
    group: 'seed',
    scans: ['EmailUrlInfo', 'EmailEvents'],
    kql: SEED004,
    arquero: (aq, t) => {
      const urls = t
        .EmailUrlInfo!.params({ since: SINCE_24H })
        .filter((d: { TimeGenerated: number }, $: { since: number }) => d.TimeGenerated > $.since)
        .derive({ ParsedHost: aq.escape((d: { Url: string }) => js.hostOf(d.Url)), ParsedPath: aq.escape((d: { Url: string }) => js.pathOf(d.Url)) })
        .derive({ LinkCategory: aq.escape((d: { Url: string; ParsedHost: string; ParsedPath: string }) => linkCategory(d.Url, d.ParsedHost, d.ParsedPath)) })
        .filter((d: { LinkCategory: string }) => d.LinkCategory !== 'Other');
      const events = t
        .EmailEvents!.params({ since: SINCE_24H })
        .filter((d: { TimeGenerated: number; DeliveryAction: string }, $: { since: number }) => d.TimeGenerated > $.since && (d.DeliveryAction === 'Delivered' || d.DeliveryAction === 'DeliveredToJunk'))
        .select('NetworkMessageId', 'SenderFromAddress', 'SenderMailFromDomain', 'RecipientEmailAddress', 'Subject', 'DeliveryAction', 'ThreatNames', 'EmailDirection', 'LatestDeliveryLocation');
      return urls
        .join_left(events, 'NetworkMessageId')
        .filter((d: { SenderFromAddress: string | null }) => d.SenderFromAddress != null && d.SenderFromAddress !== '')
        .derive({ CredentialHarvestIndicator: aq.escape((d: { Url: string }) => js.credential.test(d.Url)) })
        .derive({
          SuspicionScore: (d: { CredentialHarvestIndicator: boolean; LinkCategory: string }) =>
            (d.CredentialHarvestIndicator ? 1 : 0) + (d.LinkCategory === 'IPFS_Gateway' ? 2 : 0) + (d.LinkCategory === 'URLShortener' ? 1 : 0) + (d.LinkCategory === 'SuspiciousPaaS' ? 1 : 0),
        })
        .select('TimeGenerated', 'SenderFromAddress', 'SenderMailFromDomain', 'RecipientEmailAddress', 'Subject', 'Url', 'ParsedHost', 'LinkCategory', 'CredentialHarvestIndicator', 'SuspicionScore', 'DeliveryAction', 'ThreatNames', 'LatestDeliveryLocation')
        .orderby(aq.desc('SuspicionScore'), aq.desc('TimeGenerated'));
    },
    sql: SEED004_SQL,
    check: { order: { sortedBy: [['SuspicionScore', 'desc'], ['TimeGenerated', 'desc']] } },
    note: 'as written: ago(24h) keeps ~1/30 of the rows',
  },
  {
    name: 'seed002',
    group: 'seed',
    scans: ['UrlClickEvents', 'EmailEvents'],
    kql: SEED002,
    arquero: (_aq, t) =>
      t
        .UrlClickEvents!.filter((d: { ActionType: string; Workload: string }) => d.ActionType === 'ClickBlocked' && d.Workload === 'Email')
        .join_left(t.EmailEvents!.select('NetworkMessageId', 'Subject', 'SenderFromAddress'), 'NetworkMessageId')
        .derive({
          Product: (d: { Workload: string }) => d.Workload,
          Subject: (d: { Subject: string | null }) => (d.Subject == null ? '' : d.Subject),
          SenderFromAddress: (d: { SenderFromAddress: string | null }) => (d.SenderFromAddress == null ? '' : d.SenderFromAddress),
        })
        .select('Timestamp', 'AccountUpn', 'Product', 'Url', 'ThreatTypes', 'Subject', 'SenderFromAddress', 'UrlChain'),
    sql: `SELECT c.Timestamp, c.AccountUpn, c.Workload AS Product, c.Url, c.ThreatTypes, coalesce(e.Subject, '') AS Subject,
                 coalesce(e.SenderFromAddress, '') AS SenderFromAddress, c.UrlChain
          FROM (SELECT * FROM UrlClickEvents WHERE ActionType = 'ClickBlocked' AND Workload = 'Email') c
          LEFT JOIN (SELECT NetworkMessageId, Subject, SenderFromAddress FROM EmailEvents) e ON c.NetworkMessageId = e.NetworkMessageId`,
    check: {},
  },
  {
    name: 'seed000',
    group: 'seed',
    scans: ['UrlClickEvents'],
    kql: SEED000,
    arquero: (aq, t) => {
      const c = t
        .UrlClickEvents!.params({ from: FROM_MS, to: NOW_MS })
        .filter((d: { Timestamp: number; IsClickedThrough: boolean; ThreatTypes: string }, $: { from: number; to: number }) => d.Timestamp >= $.from && d.IsClickedThrough && d.ThreatTypes !== '')
        .derive({ b: (d: { Timestamp: number }, $: { from: number }) => op.floor((d.Timestamp - $.from) / 86400000) })
        .groupby('b')
        .count({ as: 'n' });
      return aq.table({ Count: [dense(c.array('b') as ArrayLike<number>, c.array('n') as ArrayLike<number>, 30)] });
    },
    sql: `SELECT list(coalesce(n, 0) ORDER BY r.b) AS Count FROM range(30) r(b) LEFT JOIN (
            SELECT (epoch_ms(Timestamp) - ${FROM_MS}) // 86400000 AS b, count(*) AS n FROM UrlClickEvents
            WHERE Timestamp >= ${FROM_SQL} AND Timestamp < ${NOW_SQL} AND IsClickedThrough AND ThreatTypes <> '' GROUP BY 1) c ON c.b = r.b`,
    check: { columns: ['Count'] },
  },
  {
    name: 'count-by-url',
    group: 'issue',
    scans: ['EmailUrlInfo'],
    kql: 'EmailUrlInfo | summarize Count = count() by Url',
    arquero: (_aq, t) => t.EmailUrlInfo!.groupby('Url').count({ as: 'Count' }),
    sql: 'SELECT Url, count(*) AS Count FROM EmailUrlInfo GROUP BY Url',
    check: {},
    note: 'a dictionary string column, ~47k groups at 1M rows',
  },
  {
    name: 'count-by-id',
    group: 'issue',
    scans: ['EmailUrlInfo'],
    kql: 'EmailUrlInfo | summarize Count = count() by NetworkMessageId',
    arquero: (_aq, t) => t.EmailUrlInfo!.groupby('NetworkMessageId').count({ as: 'Count' }),
    sql: 'SELECT NetworkMessageId, count(*) AS Count FROM EmailUrlInfo GROUP BY NetworkMessageId',
    check: {},
    note: 'GUID text, ~350k groups at 1M rows',
  },
  {
    name: 'dcount-url-by-upn',
    group: 'issue',
    scans: ['UrlClickEvents'],
    kql: 'UrlClickEvents | summarize dcount_Url = dcount(Url) by AccountUpn',
    arquero: (aq, t) => t.UrlClickEvents!.groupby('AccountUpn').rollup({ dcount_Url: aq.op.distinct('Url') }),
    sql: 'SELECT AccountUpn, count(DISTINCT Url) AS dcount_Url FROM UrlClickEvents GROUP BY AccountUpn',
    check: {},
    note: "kqlite's dcount is exact, so DuckDB's count(DISTINCT) (not approx_count_distinct)",
  },
  {
    name: 'top10-by-time',
    group: 'issue',
    scans: ['EmailUrlInfo'],
    kql: 'EmailUrlInfo | top 10 by Timestamp desc',
    arquero: (aq, t) => t.EmailUrlInfo!.orderby(aq.desc('Timestamp')).slice(0, 10),
    sql: 'SELECT * FROM EmailUrlInfo ORDER BY Timestamp DESC LIMIT 10',
    // Rows of one message share its instant, and top picks any of the tied rows: only the instants must agree.
    check: { columns: ['Timestamp'], order: { sortedBy: [['Timestamp', 'desc']] } },
  },
  {
    name: 'join-inner-1mx1m',
    group: 'issue',
    scans: ['EmailUrlInfo', 'UrlClickEvents'],
    kql: 'EmailUrlInfo | join kind=inner UrlClickEvents on NetworkMessageId | count',
    arquero: (_aq, t) => t.EmailUrlInfo!.join(t.UrlClickEvents!, 'NetworkMessageId').numRows(),
    sql: 'SELECT count(*) AS Count FROM EmailUrlInfo a JOIN UrlClickEvents b ON a.NetworkMessageId = b.NetworkMessageId',
    check: {},
    note: 'string key, ~2.7 rows per key on each side',
  },
  {
    name: 'make-series-1000x720',
    group: 'issue',
    scans: ['Events'],
    kql: `Events | make-series Count = count() default = 0 on Timestamp from ${FROM_KQL} to ${NOW_KQL} step 1h by Key | project Key, Count`,
    arquero: (aq, t) =>
      t
        .Events!.params({ from: FROM_MS })
        .derive({ b: (d: { Timestamp: number }, $: { from: number }) => op.floor((d.Timestamp - $.from) / 3600000) })
        .groupby('Key', 'b')
        .count({ as: 'n' })
        .groupby('Key')
        .rollup({ bs: aq.op.array_agg('b'), ns: aq.op.array_agg('n') })
        .derive({ Count: aq.escape((d: { bs: number[]; ns: number[] }) => dense(d.bs, d.ns, 720)) })
        .select('Key', 'Count'),
    sql: `WITH c AS (SELECT Key, (epoch_ms(Timestamp) - ${FROM_MS}) // 3600000 AS b, count(*) AS n FROM Events
                    WHERE Timestamp >= ${FROM_SQL} AND Timestamp < ${NOW_SQL} GROUP BY ALL)
          SELECT k.Key, list(coalesce(c.n, 0) ORDER BY r.b) AS Count
          FROM (SELECT DISTINCT Key FROM Events) k CROSS JOIN range(720) r(b) LEFT JOIN c ON c.Key = k.Key AND c.b = r.b
          GROUP BY k.Key`,
    check: {},
    note: '1000 keys × 720 hourly bins',
  },
  {
    name: 'startswith-plain',
    group: 'issue',
    scans: ['EmailUrlInfo'],
    kql: 'EmailUrlInfo | where ReportId startswith "ab" | count',
    arquero: (aq, t) => t.EmailUrlInfo!.filter((d: { ReportId: string }) => op.startswith(op.lower(d.ReportId), 'ab')).numRows(),
    sql: "SELECT count(*) AS Count FROM EmailUrlInfo WHERE ReportId ILIKE 'ab%'",
    check: {},
    note: 'ReportId is unique per row (plain storage); startswith is case-insensitive in all three',
  },
];
