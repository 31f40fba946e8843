// Every case, in report order, and the columns each generated table must carry into arquero and DuckDB.

import { GENERIC_CASES } from './generic.js';
import { ISSUE_CASES } from './issue.js';
import type { Case } from './types.js';

export const CASES: readonly Case[] = [...ISSUE_CASES, ...GENERIC_CASES];

/** The columns the arquero and DuckDB cases read (kqlite has every column of the built-in schemas). */
export const ENGINE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  EmailUrlInfo: ['Timestamp', 'TimeGenerated', 'NetworkMessageId', 'Url', 'UrlDomain', 'UrlLocation', 'ReportId'],
  EmailEvents: ['Timestamp', 'TimeGenerated', 'NetworkMessageId', 'SenderFromAddress', 'SenderMailFromDomain', 'RecipientEmailAddress', 'Subject', 'DeliveryAction', 'ThreatNames', 'EmailDirection', 'LatestDeliveryLocation'],
  UrlClickEvents: ['Timestamp', 'Url', 'ActionType', 'AccountUpn', 'Workload', 'NetworkMessageId', 'ThreatTypes', 'IsClickedThrough', 'UrlChain', 'IPAddress'],
  Events: ['EventId', 'EventKey', 'Timestamp', 'Key', 'Category', 'UserId', 'UserName', 'SessionId', 'Bytes', 'Duration', 'Status', 'Tags'],
  Users: ['UserId', 'UserName', 'Dept', 'Country'],
};
