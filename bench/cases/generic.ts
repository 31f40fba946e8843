// The operator suite of issue 15 over the generic tables of gen-data.ts (Events: n rows; Users: 50,000 rows, 90 %
// of Events' users). Every case returns a materialised result; most reduce it (count / summarize) so that the
// figures measure the operator rather than handing a million rows to JavaScript; `project`, `extend-rows` and
// `sort` return all n rows on purpose.

import { op } from 'arquero';
import type { ColumnTable } from 'arquero';
import { DAY_MS } from '../gen-data.js';
import { FROM_KQL, FROM_MS, FROM_SQL, NOW_KQL, NOW_SQL, dense } from './issue.js';
import type { Case } from './types.js';

/** The row shape arquero's expressions see (arquero parses the arrow functions; the type is for the checker). */
interface Row {
  EventId: number; EventKey: string; Timestamp: number; Key: string; Category: string; UserId: number; UserName: string;
  SessionId: string; Bytes: number; Duration: number; Status: number; Tags: string[]; Dept: string | null; Url: string; IPAddress: string;
}
/** Nearest-rank percentile (kqlite's definition: the value of rank ceil(p/100 · n), at least 1). */
function nearestRank(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}
const HAS_10 = /(?<![\p{L}\p{Nd}])10(?![\p{L}\p{Nd}])/u;
const g = (name: string, scans: string[], kql: string, arquero: Case['arquero'], sql: string, check: Case['check'] = {}, note?: string): Case => ({
  name,
  group: 'generic',
  scans,
  kql,
  arquero,
  sql,
  check,
  ...(note ? { note } : {}),
});

// ---------------------------------------------------------------------------------------------------------------
// Joins: Users (left, unique keys) with Events (right, ~20 rows per user) on a long and a string key, every kind;
// 1:1 joins of Events with a filtered copy of itself on its unique keys.

type Kind = 'inner' | 'innerunique' | 'leftouter' | 'rightouter' | 'fullouter' | 'leftsemi' | 'leftanti' | 'rightsemi' | 'rightanti';
const KINDS: readonly Kind[] = ['inner', 'innerunique', 'leftouter', 'rightouter', 'fullouter', 'leftsemi', 'leftanti', 'rightsemi', 'rightanti'];

function joinCase(kind: Kind, key: 'UserId' | 'UserName'): Case {
  const keyType = key === 'UserId' ? 'long' : 'string';
  // What each kind keeps: both sides, the left (Users) only or the right (Events) only.
  const sides = kind.endsWith('semi') || kind.endsWith('anti') ? (kind.startsWith('left') ? 'left' : 'right') : 'both';
  const reduce =
    sides === 'both'
      ? '| summarize Count = count(), Bytes = sum(Bytes), Matched = countif(isnotempty(Dept))'
      : sides === 'left'
        ? '| summarize Count = count(), Depts = dcount(Dept)'
        : '| summarize Count = count(), Bytes = sum(Bytes)';
  const sqlJoin = { inner: 'JOIN', innerunique: 'JOIN', leftouter: 'LEFT JOIN', rightouter: 'RIGHT JOIN', fullouter: 'FULL JOIN', leftsemi: 'SEMI JOIN', leftanti: 'ANTI JOIN' }[kind as string];
  const sql =
    sides === 'both'
      ? `SELECT count(*) AS Count, sum(e.Bytes) AS Bytes, count(u.Dept) AS Matched FROM Users u ${sqlJoin} Events e ON u.${key} = e.${key}`
      : sides === 'left'
        ? `SELECT count(*) AS Count, count(DISTINCT Dept) AS Depts FROM Users u ${sqlJoin} Events e ON u.${key} = e.${key}`
        : `SELECT count(*) AS Count, sum(Bytes) AS Bytes FROM Events e ${kind === 'rightsemi' ? 'SEMI' : 'ANTI'} JOIN Users u ON u.${key} = e.${key}`;
  const arquero = (_aq: unknown, t: Readonly<Record<string, ColumnTable>>): ColumnTable => {
    const u = t.Users!;
    const e = t.Events!;
    const both = { Count: op.count(), Bytes: op.sum('Bytes'), Matched: op.valid('Dept') };
    switch (kind) {
      case 'inner':
      case 'innerunique':
        return u.join(e, key).rollup(both);
      case 'leftouter':
        return u.join_left(e, key).rollup(both);
      case 'rightouter':
        return u.join_right(e, key).rollup(both);
      case 'fullouter':
        return u.join_full(e, key).rollup(both);
      case 'leftsemi':
        return u.semijoin(e, key).rollup({ Count: op.count(), Depts: op.distinct('Dept') });
      case 'leftanti':
        return u.antijoin(e, key).rollup({ Count: op.count(), Depts: op.distinct('Dept') });
      case 'rightsemi':
        return e.semijoin(u, key).rollup({ Count: op.count(), Bytes: op.sum('Bytes') });
      case 'rightanti':
        return e.antijoin(u, key).rollup({ Count: op.count(), Bytes: op.sum('Bytes') });
    }
  };
  return g(`join-${kind}-${keyType}-1:n`, ['Users', 'Events'], `Users | join kind=${kind} Events on ${key} ${reduce}`, arquero, sql, {},
    kind === 'innerunique' ? 'left keys are unique, so innerunique = inner' : undefined);
}

function oneToOne(kind: 'inner' | 'leftouter', key: 'EventId' | 'EventKey'): Case {
  const keyType = key === 'EventId' ? 'long' : 'string';
  return g(
    `join-${kind}-${keyType}-1:1`,
    ['Events', 'Events'],
    `Events | join kind=${kind} (Events | where Status == 200 | project ${key}, B2 = Bytes) on ${key} | summarize Count = count(), B2 = sum(B2)`,
    (_aq, t) => {
      const right = t.Events!.filter((d: Row) => d.Status === 200).select(key, 'Bytes').rename({ Bytes: 'B2' });
      const j = kind === 'inner' ? t.Events!.join(right, key) : t.Events!.join_left(right, key);
      return j.rollup({ Count: op.count(), B2: op.sum('B2') });
    },
    `SELECT count(*) AS Count, sum(r.B2) AS B2 FROM Events e ${kind === 'inner' ? 'JOIN' : 'LEFT JOIN'}
       (SELECT ${key}, Bytes AS B2 FROM Events WHERE Status = 200) r ON e.${key} = r.${key}`,
  );
}

const TIME_1D = `time_bucket(INTERVAL 1 day, Timestamp)`;

export const GENERIC_CASES: readonly Case[] = [
  // filter
  g('filter-long-int', ['Events'], 'Events | where Bytes > 100000 and Status == 200 | count',
    (_aq, t) => t.Events!.filter((d: Row) => d.Bytes > 100000 && d.Status === 200).numRows(),
    'SELECT count(*) AS Count FROM Events WHERE Bytes > 100000 AND Status = 200'),
  g('filter-dict-eq', ['Events'], 'Events | where Category == "billing" | count',
    (_aq, t) => t.Events!.filter((d: Row) => d.Category === 'billing').numRows(),
    "SELECT count(*) AS Count FROM Events WHERE Category = 'billing'"),
  g('filter-dict-in', ['Events'], 'Events | where Key in ("key-0001", "key-0100", "key-0500", "key-0999") | count',
    (_aq, t) => t.Events!.filter((d: Row) => d.Key === 'key-0001' || d.Key === 'key-0100' || d.Key === 'key-0500' || d.Key === 'key-0999').numRows(),
    "SELECT count(*) AS Count FROM Events WHERE Key IN ('key-0001', 'key-0100', 'key-0500', 'key-0999')"),
  g('filter-contains-dict', ['EmailUrlInfo'], 'EmailUrlInfo | where Url contains "login" | count',
    (_aq, t) => t.EmailUrlInfo!.filter((d: Row) => op.includes(op.lower(d.Url) as unknown as string[], 'login')).numRows(),
    "SELECT count(*) AS Count FROM EmailUrlInfo WHERE Url ILIKE '%login%'", {}, 'case-insensitive substring over a dictionary column'),
  g('filter-has-plain', ['UrlClickEvents'], 'UrlClickEvents | where IPAddress has "10" | count',
    (aq, t) => t.UrlClickEvents!.filter(aq.escape((d: Row) => HAS_10.test(d.IPAddress))).numRows(),
    "SELECT count(*) AS Count FROM UrlClickEvents WHERE regexp_matches(IPAddress, '(^|[^\\pL\\p{Nd}])10($|[^\\pL\\p{Nd}])')",
    {}, 'has (a whole term) over a plain column of random IPv4 text'),
  g('filter-rows', ['Events'], 'Events | where Duration > 500 | project EventId, Category, Duration',
    (_aq, t) => t.Events!.filter((d: Row) => d.Duration > 500).select('EventId', 'Category', 'Duration'),
    'SELECT EventId, Category, Duration FROM Events WHERE Duration > 500', {}, '~0.7 % of the rows out'),
  // extend / project
  g('extend-rows', ['Events'], 'Events | extend Kb = Bytes / 1024.0 | project EventId, Kb',
    (_aq, t) => t.Events!.derive({ Kb: (d: Row) => d.Bytes / 1024 }).select('EventId', 'Kb'),
    'SELECT EventId, Bytes / 1024.0 AS Kb FROM Events', {}, 'n rows out'),
  g('extend-hour-summarize', ['Events'], 'Events | extend Hour = hourofday(Timestamp) | summarize Count = count() by Hour',
    (_aq, t) => t.Events!.derive({ Hour: (d: Row) => op.utchours(d.Timestamp) }).groupby('Hour').count({ as: 'Count' }),
    'SELECT hour(Timestamp) AS Hour, count(*) AS Count FROM Events GROUP BY 1'),
  g('project', ['Events'], 'Events | project EventId, Category, Bytes',
    (_aq, t) => t.Events!.select('EventId', 'Category', 'Bytes'),
    'SELECT EventId, Category, Bytes FROM Events', {}, 'n rows out'),
  // summarize by 1–3 keys of each kind
  g('sum-by-dict12', ['Events'], 'Events | summarize Count = count(), Bytes = sum(Bytes), Duration = avg(Duration) by Category',
    (_aq, t) => t.Events!.groupby('Category').rollup({ Count: op.count(), Bytes: op.sum('Bytes'), Duration: op.mean('Duration') }),
    'SELECT Category, count(*) AS Count, sum(Bytes) AS Bytes, avg(Duration) AS Duration FROM Events GROUP BY Category'),
  g('count-by-dict1000', ['Events'], 'Events | summarize Count = count() by Key',
    (_aq, t) => t.Events!.groupby('Key').count({ as: 'Count' }),
    'SELECT Key, count(*) AS Count FROM Events GROUP BY Key'),
  g('count-by-plain', ['Events'], 'Events | summarize Count = count() by SessionId',
    (_aq, t) => t.Events!.groupby('SessionId').count({ as: 'Count' }),
    'SELECT SessionId, count(*) AS Count FROM Events GROUP BY SessionId', {}, 'plain string column, ~0.33 n groups'),
  g('sum-by-long', ['Events'], 'Events | summarize Count = count(), Bytes = sum(Bytes) by UserId',
    (_aq, t) => t.Events!.groupby('UserId').rollup({ Count: op.count(), Bytes: op.sum('Bytes') }),
    'SELECT UserId, count(*) AS Count, sum(Bytes) AS Bytes FROM Events GROUP BY UserId', {}, '50k groups'),
  g('count-by-bin1h', ['Events'], 'Events | summarize Count = count() by bin(Timestamp, 1h)',
    (_aq, t) => t.Events!.groupby({ Timestamp: (d: Row) => op.floor(d.Timestamp / 3600000) * 3600000 }).count({ as: 'Count' }),
    'SELECT time_bucket(INTERVAL 1 hour, Timestamp) AS Timestamp, count(*) AS Count FROM Events GROUP BY 1'),
  g('sum-by-dict-bin1d', ['Events'], 'Events | summarize Count = count(), Bytes = sum(Bytes) by Category, bin(Timestamp, 1d)',
    (_aq, t) => t.Events!.groupby('Category', { Timestamp: (d: Row) => op.floor(d.Timestamp / 86400000) * 86400000 }).rollup({ Count: op.count(), Bytes: op.sum('Bytes') }),
    `SELECT Category, ${TIME_1D} AS Timestamp, count(*) AS Count, sum(Bytes) AS Bytes FROM Events GROUP BY ALL`),
  g('count-by-dict-long', ['Events'], 'Events | summarize Count = count() by Category, UserId',
    (_aq, t) => t.Events!.groupby('Category', 'UserId').count({ as: 'Count' }),
    'SELECT Category, UserId, count(*) AS Count FROM Events GROUP BY ALL', {}, 'up to 600k groups'),
  g('count-by-3keys', ['Events'], 'Events | summarize Count = count() by Key, Status, bin(Timestamp, 1d)',
    (_aq, t) => t.Events!.groupby('Key', 'Status', { Timestamp: (d: Row) => op.floor(d.Timestamp / 86400000) * 86400000 }).count({ as: 'Count' }),
    `SELECT Key, Status, ${TIME_1D} AS Timestamp, count(*) AS Count FROM Events GROUP BY ALL`, {}, 'string dict, int, datetime bin: up to 150k groups'),
  // dcount, percentile
  g('dcount-long-by-dict', ['Events'], 'Events | summarize Users = dcount(UserId) by Category',
    (_aq, t) => t.Events!.groupby('Category').rollup({ Users: op.distinct('UserId') }),
    'SELECT Category, count(DISTINCT UserId) AS Users FROM Events GROUP BY Category'),
  g('dcount-plain-by-dict', ['Events'], 'Events | summarize Sessions = dcount(SessionId) by Key',
    (_aq, t) => t.Events!.groupby('Key').rollup({ Sessions: op.distinct('SessionId') }),
    'SELECT Key, count(DISTINCT SessionId) AS Sessions FROM Events GROUP BY Key'),
  g('percentile-by-dict', ['Events'], 'Events | summarize P95 = percentile(Duration, 95) by Category',
    (aq, t) =>
      t.Events!.groupby('Category').rollup({ ds: op.array_agg('Duration') })
        .derive({ P95: aq.escape((d: { ds: number[] }) => nearestRank(d.ds, 95)) }).select('Category', 'P95'),
    'SELECT Category, quantile_disc(Duration, 0.95) AS P95 FROM Events GROUP BY Category',
    {}, "nearest rank: kqlite's definition, DuckDB's quantile_disc, by hand in arquero (op.quantile interpolates)"),
  // joins
  ...KINDS.flatMap((k) => [joinCase(k, 'UserId'), joinCase(k, 'UserName')]),
  oneToOne('inner', 'EventId'),
  oneToOne('inner', 'EventKey'),
  oneToOne('leftouter', 'EventId'),
  oneToOne('leftouter', 'EventKey'),
  g('lookup', ['Events', 'Users'], 'Events | lookup Users on UserId | summarize Count = count() by Dept',
    (_aq, t) => t.Events!.lookup(t.Users!, 'UserId', 'Dept').derive({ Dept: (d: Row) => (d.Dept == null ? '' : d.Dept) }).groupby('Dept').count({ as: 'Count' }),
    "SELECT coalesce(u.Dept, '') AS Dept, count(*) AS Count FROM Events e LEFT JOIN Users u ON e.UserId = u.UserId GROUP BY 1"),
  // top (one key: Kusto's top takes a single expression), sort, distinct
  g('top100', ['Events'], 'Events | top 100 by Duration desc | project EventId, Duration',
    (aq, t) => t.Events!.orderby(aq.desc('Duration')).slice(0, 100).select('EventId', 'Duration'),
    'SELECT EventId, Duration FROM Events ORDER BY Duration DESC LIMIT 100', { order: 'as-is' }),
  g('sort-take100-2keys', ['Events'], 'Events | sort by Bytes desc, EventId asc | take 100 | project EventId, Bytes',
    (aq, t) => t.Events!.orderby(aq.desc('Bytes'), 'EventId').slice(0, 100).select('EventId', 'Bytes'),
    'SELECT EventId, Bytes FROM Events ORDER BY Bytes DESC, EventId ASC LIMIT 100', { order: 'as-is' }),
  g('sort', ['Events'], 'Events | project EventId, Duration | sort by Duration desc',
    (aq, t) => t.Events!.select('EventId', 'Duration').orderby(aq.desc('Duration')),
    'SELECT EventId, Duration FROM Events ORDER BY Duration DESC', { order: { sortedBy: [['Duration', 'desc']] } }, 'n rows out'),
  g('distinct-2keys', ['Events'], 'Events | distinct Category, Status',
    (_aq, t) => t.Events!.select('Category', 'Status').dedupe(),
    'SELECT DISTINCT Category, Status FROM Events'),
  g('distinct-plain-count', ['Events'], 'Events | distinct SessionId | count',
    (_aq, t) => t.Events!.select('SessionId').dedupe().numRows(),
    'SELECT count(*) AS Count FROM (SELECT DISTINCT SessionId FROM Events)'),
  // mv-expand, make-series, union
  g('mv-expand', ['Events'], 'Events | mv-expand Tag = Tags to typeof(string) | summarize Count = count() by Tag',
    (_aq, t) => t.Events!.select('Tags').unroll('Tags').groupby('Tags').count({ as: 'Count' }).rename({ Tags: 'Tag' }),
    'SELECT Tag, count(*) AS Count FROM (SELECT unnest(Tags) AS Tag FROM Events) GROUP BY Tag'),
  g('make-series-dict12-1d', ['Events'],
    `Events | make-series Bytes = sum(Bytes) default = 0 on Timestamp from ${FROM_KQL} to ${NOW_KQL} step 1d by Category | project Category, Bytes`,
    (aq, t) =>
      t.Events!.params({ from: FROM_MS })
        .derive({ b: (d: Row, $: { from: number }) => op.floor((d.Timestamp - $.from) / 86400000) })
        .groupby('Category', 'b').rollup({ s: op.sum('Bytes') })
        .groupby('Category').rollup({ bs: op.array_agg('b'), ss: op.array_agg('s') })
        .derive({ Bytes: aq.escape((d: { bs: number[]; ss: number[] }) => dense(d.bs, d.ss, 30)) })
        .select('Category', 'Bytes'),
    `WITH c AS (SELECT Category, (epoch_ms(Timestamp) - ${FROM_MS}) // ${DAY_MS} AS b, sum(Bytes) AS s FROM Events
                WHERE Timestamp >= ${FROM_SQL} AND Timestamp < ${NOW_SQL} GROUP BY ALL)
     SELECT k.Category, list(coalesce(c.s, 0) ORDER BY r.b) AS Bytes
     FROM (SELECT DISTINCT Category FROM Events) k CROSS JOIN range(30) r(b) LEFT JOIN c ON c.Category = k.Category AND c.b = r.b
     GROUP BY k.Category`),
  g('union-2tables', ['EmailUrlInfo', 'UrlClickEvents'],
    'union (EmailUrlInfo | project Timestamp, Url), (UrlClickEvents | project Timestamp, Url) | summarize Count = count(), Urls = dcount(Url) by bin(Timestamp, 1d)',
    (_aq, t) =>
      t.EmailUrlInfo!.select('Timestamp', 'Url').concat(t.UrlClickEvents!.select('Timestamp', 'Url'))
        .groupby({ Timestamp: (d: Row) => op.floor(d.Timestamp / 86400000) * 86400000 })
        .rollup({ Count: op.count(), Urls: op.distinct('Url') }),
    `SELECT ${TIME_1D} AS Timestamp, count(*) AS Count, count(DISTINCT Url) AS Urls FROM
       (SELECT Timestamp, Url FROM EmailUrlInfo UNION ALL SELECT Timestamp, Url FROM UrlClickEvents) GROUP BY 1`),
];
