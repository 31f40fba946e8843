// Every seed rule run verbatim over small hand-built tables. Expected rows are worked out by hand from Kusto's
// documented semantics; each row's comment says why it is in or out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';

const rule = (name: string) => readFileSync(new URL(`../../examples/rules/${name}`, import.meta.url), 'utf8');
const NOW = '2026-11-20T12:00:00Z';

describe('seed 000: malicious-clicks-allowed (make-series)', () => {
  // TimeStart = startofday(ago(30d)) = startofday(2026-10-21T12:00) = 2026-10-21T00:00 (startofday-function.md)
  // TimeEnd = startofday(now()) = 2026-11-20T00:00. make-series bins are [from, to) by 1d: 30 bins, Oct 21 .. Nov 19.
  const clicks = [
    // 1 s before TimeStart: removed by `where Timestamp >= TimeStart`.
    { Timestamp: '2026-10-20T23:59:59Z', IsClickedThrough: true, ThreatTypes: 'Phish' },
    // Exactly TimeStart: bin 0.
    { Timestamp: '2026-10-21T00:00:00Z', IsClickedThrough: true, ThreatTypes: 'Phish' },
    // Two clicks on Nov 1 (11 days after Oct 21): bin 11 counts 2.
    { Timestamp: '2026-11-01T10:00:00Z', IsClickedThrough: true, ThreatTypes: 'Malware' },
    { Timestamp: '2026-11-01T11:00:00Z', IsClickedThrough: true, ThreatTypes: 'Phish' },
    // Null IsClickedThrough: null == 1 is false (null-values.md), so the row is dropped.
    { Timestamp: '2026-11-01T12:00:00Z', IsClickedThrough: null, ThreatTypes: 'Phish' },
    // Not clicked through.
    { Timestamp: '2026-11-02T09:00:00Z', IsClickedThrough: false, ThreatTypes: 'Phish' },
    // Clean verdict: isnotempty("") is false.
    { Timestamp: '2026-11-03T09:00:00Z', IsClickedThrough: true, ThreatTypes: '' },
    // After startofday(now()): passes the where, but make-series `to` is exclusive, so it falls outside every bin.
    { Timestamp: '2026-11-20T08:00:00Z', IsClickedThrough: true, ThreatTypes: 'Phish' },
    // The last 100 ns of Nov 19: last bin (29).
    { Timestamp: '2026-11-19T23:59:59.9999999Z', IsClickedThrough: true, ThreatTypes: 'Phish' },
  ].map((r) => ({ ...r, TimeGenerated: r.Timestamp }));

  it('returns one series with the hand-counted bins and the render request', () => {
    const db = new Database();
    db.addTable('UrlClickEvents', { rows: clicks });
    const result = db.query(rule('malicious-clicks-allowed.kql'), { now: NOW });
    expect(result.columns).toEqual([
      { name: 'Count', type: 'dynamic' },
      { name: 'Timestamp', type: 'dynamic' },
    ]);
    const expectedCounts = new Array(30).fill(0);
    expectedCounts[0] = 1;
    expectedCounts[11] = 2;
    expectedCounts[29] = 1;
    const axis = Array.from({ length: 30 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 9, 21 + i));
      return d.toISOString().replace('.000Z', '.0000000Z');
    });
    expect(result.toJSON().rows).toEqual([[expectedCounts, axis]]);
    expect(result.visualization?.chart).toBe('timechart');
  });
});

describe('seed 002: safelinks-url-block-trigger (leftouter join)', () => {
  const clicks = [
    // Blocked e-mail click whose message went to two recipients: leftouter keeps both matches (2 rows).
    { Timestamp: '2026-11-19T10:00:00Z', ActionType: 'ClickBlocked', Workload: 'Email', NetworkMessageId: 'm1', AccountUpn: 'ann@contoso.com', Url: 'https://evil.example/a', ThreatTypes: 'Phish', UrlChain: '' },
    // Blocked click with no matching e-mail: one row, Subject and SenderFromAddress "" (strings are never null).
    { Timestamp: '2026-11-19T11:00:00Z', ActionType: 'ClickBlocked', Workload: 'Email', NetworkMessageId: 'm9', AccountUpn: 'bob@contoso.com', Url: 'https://evil.example/b', ThreatTypes: 'Malware', UrlChain: '' },
    // Lower-case action: == is case-sensitive, so it is out.
    { Timestamp: '2026-11-19T12:00:00Z', ActionType: 'clickblocked', Workload: 'Email', NetworkMessageId: 'm1', AccountUpn: 'cy@contoso.com', Url: 'https://evil.example/c', ThreatTypes: 'Phish', UrlChain: '' },
    // Teams click: out.
    { Timestamp: '2026-11-19T13:00:00Z', ActionType: 'ClickBlocked', Workload: 'Teams', NetworkMessageId: '', AccountUpn: 'dee@contoso.com', Url: 'https://evil.example/d', ThreatTypes: 'Phish', UrlChain: '' },
    // Allowed click: out.
    { Timestamp: '2026-11-19T14:00:00Z', ActionType: 'ClickAllowed', Workload: 'Email', NetworkMessageId: 'm1', AccountUpn: 'eve@contoso.com', Url: 'https://ok.example/', ThreatTypes: '', UrlChain: '' },
  ].map((r) => ({ ...r, TimeGenerated: r.Timestamp }));
  const emails = [
    { Timestamp: '2026-11-19T09:00:00Z', NetworkMessageId: 'm1', Subject: 'Invoice', SenderFromAddress: 'x@evil.example', RecipientEmailAddress: 'ann@contoso.com' },
    { Timestamp: '2026-11-19T09:00:00Z', NetworkMessageId: 'm1', Subject: 'Invoice', SenderFromAddress: 'x@evil.example', RecipientEmailAddress: 'fay@contoso.com' },
    { Timestamp: '2026-11-19T09:00:00Z', NetworkMessageId: 'm2', Subject: 'Other', SenderFromAddress: 'y@evil.example', RecipientEmailAddress: 'gil@contoso.com' },
  ].map((r) => ({ ...r, TimeGenerated: r.Timestamp }));

  it('returns the two matches of m1 and the unmatched m9 with empty strings', () => {
    const db = new Database();
    db.addTable('UrlClickEvents', { rows: clicks });
    db.addTable('EmailEvents', { rows: emails });
    const result = db.query(rule('safelinks-url-block-trigger.kql'), { now: NOW });
    expect(result.columns.map((c) => c.name)).toEqual([
      'Timestamp', 'AccountUpn', 'Product', 'Url', 'ThreatTypes', 'Subject', 'SenderFromAddress', 'UrlChain',
    ]);
    const rows = result.toObjects().map((r) => [r.AccountUpn, r.Product, r.Subject, r.SenderFromAddress]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['ann@contoso.com', 'Email', 'Invoice', 'x@evil.example'],
        ['ann@contoso.com', 'Email', 'Invoice', 'x@evil.example'],
        ['bob@contoso.com', 'Email', '', ''],
      ]),
    );
  });

  it('the Sentinel variant projects TimeGenerated instead of Timestamp', () => {
    const db = new Database();
    db.addTable('UrlClickEvents', { rows: clicks });
    db.addTable('EmailEvents', { rows: emails });
    const result = db.query(rule('safelinks-url-block-trigger.sentinel.kql'), { now: NOW });
    expect(result.columns[0]).toEqual({ name: 'TimeGenerated', type: 'datetime' });
    expect(result.rowCount).toBe(3);
  });
});

describe('seed 004: link-target-t1608-005 (has_any over parsed hosts)', () => {
  const h = (hours: number) => new Date(Date.parse(NOW) - hours * 3600_000).toISOString();
  const urls = [
    // bit.ly is a shortener: URLShortener, score 1; no credential word among the terms https, bit, ly, abc.
    { TimeGenerated: h(1), NetworkMessageId: 'm1', Url: 'https://bit.ly/abc' },
    // rabbit.ly: the phrase "bit.ly" must start on a term boundary; "rabbit" is one term, so no match: out.
    { TimeGenerated: h(2), NetworkMessageId: 'm2', Url: 'https://rabbit.ly/login' },
    // IPFS gateway with "login" as a whole term in the URL: IPFS_Gateway, 2 + 1 = 3.
    { TimeGenerated: h(3), NetworkMessageId: 'm3', Url: 'https://ipfs.io/ipfs/Qm123/login.html' },
    // PaaS host with "signin": SuspiciousPaaS, 1 + 1 = 2.
    { TimeGenerated: h(4), NetworkMessageId: 'm4', Url: 'https://myapp.azurewebsites.net/signin' },
    // Shortener but older than 24h: out.
    { TimeGenerated: h(25), NetworkMessageId: 'm5', Url: 'https://bit.ly/xyz' },
    // Shortener, but its e-mail was blocked, so the leftouter join leaves SenderFromAddress "" and
    // `where isnotempty(SenderFromAddress)` removes it: out.
    { TimeGenerated: h(5), NetworkMessageId: 'm6', Url: 'https://tinyurl.com/q' },
    // "ipfs.io" sits on term boundaries inside the host sub.ipfs.io.evil.com: IPFS_Gateway, score 2.
    { TimeGenerated: h(6), NetworkMessageId: 'm7', Url: 'https://sub.ipfs.io.evil.com/x' },
  ].map((r) => ({ ...r, Timestamp: r.TimeGenerated }));
  const email = (id: string, action: string) => ({
    TimeGenerated: h(7), Timestamp: h(7), NetworkMessageId: id, DeliveryAction: action,
    SenderFromAddress: `sender-${id}@evil.example`, RecipientEmailAddress: 'ann@contoso.com', Subject: `s-${id}`,
  });
  const emails = [email('m1', 'Delivered'), email('m2', 'Delivered'), email('m3', 'DeliveredToJunk'), email('m4', 'Delivered'), email('m6', 'Blocked'), email('m7', 'Delivered')];

  it('scores and orders the suspicious links as worked out by hand', () => {
    const db = new Database();
    db.addTable('EmailUrlInfo', { rows: urls });
    db.addTable('EmailEvents', { rows: emails });
    const result = db.query(rule('link-target-t1608-005.kql'), { now: NOW });
    const types = Object.fromEntries(result.columns.map((c) => [c.name, c.type]));
    // toint(bool) is int; int + long (the iif literals) is long (numerical-operators.md).
    expect(types.SuspicionScore).toBe('long');
    expect(types.CredentialHarvestIndicator).toBe('bool');
    const rows = result.toObjects().map((r) => [r.Url, r.ParsedHost, r.LinkCategory, r.CredentialHarvestIndicator, r.SuspicionScore]);
    // sort by SuspicionScore desc, TimeGenerated desc: m4 (4 h ago) is newer than m7 (6 h ago).
    expect(rows).toEqual([
      ['https://ipfs.io/ipfs/Qm123/login.html', 'ipfs.io', 'IPFS_Gateway', true, 3],
      ['https://myapp.azurewebsites.net/signin', 'myapp.azurewebsites.net', 'SuspiciousPaaS', true, 2],
      ['https://sub.ipfs.io.evil.com/x', 'sub.ipfs.io.evil.com', 'IPFS_Gateway', false, 2],
      ['https://bit.ly/abc', 'bit.ly', 'URLShortener', false, 1],
    ]);
  });
});
