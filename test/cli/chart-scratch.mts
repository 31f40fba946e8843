import { Database } from '../../src/database.js';
import { loadDataFolder } from '../../src/node/load-data.js';
import { renderChartSvg } from '../../src/node/chart.js';
import { readFileSync, writeFileSync } from 'node:fs';
const ds = loadDataFolder('fixtures/contoso');
const db = new Database();
for (const [n, t] of ds.tables) db.addTable(n, t);
const qs: Record<string, string> = {
  mc: readFileSync('examples/rules/malicious-clicks-allowed.kql','utf8').replace('render timechart', 'render timechart with (title="Malicious clicks allowed", ytitle="clicks")'),
  pie: 'UrlClickEvents | summarize n=count() by ActionType | render piechart with (title="Click actions")',
  col: 'EmailEvents | summarize Emails=count(), Recipients=dcount(RecipientEmailAddress) by DeliveryAction | render columnchart with (title="Delivery")',
  bar: 'EmailEvents | summarize Emails=count() by DeliveryLocation | render barchart',
  ms: 'UrlClickEvents | make-series Clicks=count() on Timestamp from datetime(2026-10-12) to datetime(2026-11-21) step 1d by ActionType | render timechart with (title="Clicks by action")',
  flat: 'EmailEvents | summarize Emails=count() by bin(Timestamp, 6h), EmailDirection | render timechart',
  area: 'EmailEvents | summarize Emails=count() by bin(Timestamp, 1d), EmailDirection | render areachart with (kind=stacked)',
  panels: 'UrlClickEvents | make-series Clicks=count(), Users=dcount(AccountUpn) on Timestamp from datetime(2026-10-12) to datetime(2026-11-21) step 1d | render timechart with (ysplit=panels)',
};
for (const [k, q] of Object.entries(qs)) {
  try { const r = db.query(q, { now: ds.now }); writeFileSync(`/tmp/vx/${k}.svg`, renderChartSvg(r)); console.log(k, 'ok'); }
  catch (e) { console.log(k, (e as Error).message); }
}
