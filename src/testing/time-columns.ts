// Test rows follow the data-folder convention (src/node/load-data.ts): the built-in tables carry both Timestamp
// (Defender XDR) and TimeGenerated (Sentinel) for the same instant, so a row that gives only one gets the other.
// Without this, a test written with `Timestamp` would silently not fire a Sentinel-dialect rule.

export function mirrorTimeColumns(
  columnNames: ReadonlySet<string>,
  row: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out = { ...row };
  if (!columnNames.has('Timestamp') || !columnNames.has('TimeGenerated')) return out;
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(out.Timestamp) && !empty(out.TimeGenerated)) out.Timestamp = out.TimeGenerated;
  if (empty(out.TimeGenerated) && !empty(out.Timestamp)) out.TimeGenerated = out.Timestamp;
  return out;
}
