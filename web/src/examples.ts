// Queries offered in the Examples menu: the shipped seed rules (examples/rules/*.kql, read at build time) and a
// few short queries over the bundled dataset that show charts, joins and parsing.
const rules = import.meta.glob('../../examples/rules/*.kql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  readonly title: string;
  readonly query: string;
}

const demos: Example[] = [
  {
    title: 'Safe Links clicks per day (timechart)',
    query: `UrlClickEvents
| where Timestamp > ago(30d)
| summarize Clicks = count() by bin(Timestamp, 1d), ActionType
| render timechart with (title = "Safe Links clicks per day")`,
  },
  {
    title: 'Mail by delivery action (piechart)',
    query: `EmailEvents
| summarize Messages = count() by DeliveryAction
| render piechart`,
  },
  {
    title: 'Top senders of delivered mail with URLs (join)',
    query: `EmailEvents
| where DeliveryAction == "Delivered"
| join kind=inner (EmailUrlInfo | summarize Urls = dcount(Url) by NetworkMessageId) on NetworkMessageId
| summarize Messages = count(), Urls = sum(Urls) by SenderFromDomain
| top 10 by Messages`,
  },
  {
    title: 'Process launches by parent (make-series)',
    query: `DeviceProcessEvents
| where Timestamp > ago(7d)
| make-series Launches = count() default = 0 on Timestamp step 1d by InitiatingProcessFileName
| top 5 by array_sum(Launches)
| render linechart`,
  },
  {
    title: '100,000 rows (virtual scrolling)',
    query: `range n from 1 to 100000 step 1
| extend Square = n * n, Label = strcat("row ", n), Even = n % 2 == 0`,
  },
];

export const examples: readonly Example[] = [
  ...Object.entries(rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, query]) => ({ title: `Rule: ${path.split('/').pop()}`, query })),
  ...demos,
];

export const DEFAULT_QUERY = rules['../../examples/rules/link-target-t1608-005.kql'] ?? demos[0]!.query;
