// The scheduling and alert-shaping fields of a Microsoft Sentinel analytic-rule YAML (the Azure-Sentinel repository
// layout: queryFrequency, queryPeriod, triggerOperator, triggerThreshold, entityMappings, customDetails,
// alertDetailsOverride), each with the line:column where it is written so problems are reported there.
// Reading never fails: malformed values become problems, and a YAML without any of these fields is not a Sentinel
// scheduled rule (undefined) — a plain `query:` YAML keeps working as before.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface YamlPos {
  readonly line: number;
  readonly col: number;
}

export interface RuleProblem {
  /** Stable id, documented in docs/lint.md (`sentinel-…`). */
  readonly id: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly pos: YamlPos;
}

export interface Duration {
  readonly ticks: bigint;
  readonly text: string;
  readonly pos: YamlPos;
}

export type TriggerOperator = 'gt' | 'lt' | 'eq' | 'ne';

export interface ColumnRef {
  readonly column: string;
  readonly pos: YamlPos;
  /** What names the column, for messages: "entityMappings[0] (Account) FullName". */
  readonly what: string;
  /** Which types the Sentinel feature can use; undefined = any. */
  readonly usable?: readonly string[];
}

export interface SentinelRule {
  readonly file: string;
  readonly kind: string;
  readonly kindPos?: YamlPos;
  readonly queryFrequency?: Duration;
  readonly queryPeriod?: Duration;
  readonly triggerOperator?: { readonly op: TriggerOperator; readonly pos: YamlPos };
  readonly triggerThreshold?: { readonly value: number; readonly pos: YamlPos };
  /** Every column the rule's alert shaping names (entity identifiers, custom details, overrides). */
  readonly columns: readonly ColumnRef[];
  /** Problems found while reading (formats, documented limits); columns are checked against the plan later. */
  readonly problems: readonly RuleProblem[];
  readonly queryPos?: YamlPos;
  readonly queryLength: number;
}

const TICKS_PER_MINUTE = 600_000_000n;
const MINUTE = TICKS_PER_MINUTE;
const HOUR = 60n * MINUTE;
const DAY = 24n * HOUR;

/** The documented bounds (Azure-Sentinel .script/tests/detectionTemplateSchemaValidation, scheduled templates). */
export const LIMITS = {
  minDuration: 5n * MINUTE,
  maxDuration: 14n * DAY,
  longPeriod: 2n * DAY,
  longPeriodMinFrequency: HOUR,
  maxThreshold: 10000,
  maxQueryLength: 10000,
  maxEntityMappings: 5,
  maxFieldMappings: 3,
  maxCustomDetails: 20,
  maxCustomDetailKeyLength: 20,
  maxDisplayNameLength: 256,
  maxDescriptionLength: 5000,
  maxPlaceholders: 3,
} as const;

const SCHEDULING_KEYS = ['queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold'];

/** Sentinel's duration forms: `5m`, `1h`, `14d` (the repository's YAML), a .NET TimeSpan `1.00:00:00`, or ISO `PT5H`. */
export function parseSentinelDuration(text: string): bigint | null {
  const t = text.trim();
  let m = /^(\d+)([mhd])$/.exec(t);
  if (m) return BigInt(m[1]!) * (m[2] === 'm' ? MINUTE : m[2] === 'h' ? HOUR : DAY);
  m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return BigInt(m[1] ?? 0) * DAY + BigInt(m[2]!) * HOUR + BigInt(m[3]!) * MINUTE + BigInt(m[4] ?? 0) * 10_000_000n;
  m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(t);
  if (m && t.length > 1 && !/T$/i.test(t)) {
    return BigInt(m[1] ?? 0) * DAY + BigInt(m[2] ?? 0) * HOUR + BigInt(m[3] ?? 0) * MINUTE + BigInt(m[4] ?? 0) * 10_000_000n;
  }
  return null;
}

export function formatDuration(ticks: bigint): string {
  if (ticks % DAY === 0n) return `${ticks / DAY}d`;
  if (ticks % HOUR === 0n) return `${ticks / HOUR}h`;
  if (ticks % MINUTE === 0n) return `${ticks / MINUTE}m`;
  return `${Number(ticks) / 1e7}s`;
}

const OPERATORS: Record<string, TriggerOperator> = {
  gt: 'gt', greaterthan: 'gt', lt: 'lt', lessthan: 'lt', eq: 'eq', equal: 'eq', ne: 'ne', notequal: 'ne',
};

/** Whether the rule alerts on a result of `rows` rows (triggerOperator / triggerThreshold; default gt 0). */
export function ruleFires(rule: SentinelRule, rows: number): boolean {
  const op = rule.triggerOperator?.op ?? 'gt';
  const n = rule.triggerThreshold?.value ?? 0;
  return op === 'gt' ? rows > n : op === 'lt' ? rows < n : op === 'eq' ? rows === n : rows !== n;
}

export function describeTrigger(rule: SentinelRule): string {
  const op = rule.triggerOperator?.op ?? 'gt';
  const word = { gt: 'more than', lt: 'fewer than', eq: 'exactly', ne: 'other than' }[op];
  return `the rule alerts when the query returns ${word} ${rule.triggerThreshold?.value ?? 0} row(s) (triggerOperator ${op}, triggerThreshold ${rule.triggerThreshold?.value ?? 0})`;
}

/** The Sentinel fields of a rule YAML, or undefined when it has none of them (not a Sentinel scheduled/NRT rule). */
export function readSentinelRule(file: string, text: string): SentinelRule | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0) return undefined;
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const get = (key: string): { key: Node; value: Node | null } | undefined => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? { key: pair.key as Node, value: (pair.value as Node | null) ?? null } : undefined;
  };
  const kindE = get('kind');
  const kind = kindE && isScalar(kindE.value) ? String(kindE.value.value) : '';
  if (!SCHEDULING_KEYS.some((k) => get(k)) && !get('entityMappings') && !/^(scheduled|nrt)$/i.test(kind)) return undefined;

  const pos = (n: Node | null | undefined): YamlPos => {
    const p = lc.linePos(n?.range?.[0] ?? 0);
    return { line: p.line, col: p.col };
  };
  const problems: RuleProblem[] = [];
  const problem = (id: string, at: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ id, severity, message, pos: pos(at) });
  const scalarText = (n: Node | null): string | undefined => (n && isScalar(n) && n.value !== null ? String(n.value) : undefined);

  const duration = (key: string): Duration | undefined => {
    const e = get(key);
    if (!e) return undefined;
    const t = scalarText(e.value);
    const ticks = t === undefined ? null : parseSentinelDuration(t);
    if (ticks === null) {
      problem('sentinel-duration-format', e.value ?? e.key, `${key} '${t ?? ''}' is not a duration: write <number><m|h|d> (5m, 1h, 14d)`);
      return undefined;
    }
    return { ticks, text: t!, pos: pos(e.value) };
  };
  const queryFrequency = duration('queryFrequency');
  const queryPeriod = duration('queryPeriod');

  let triggerOperator: SentinelRule['triggerOperator'];
  const opE = get('triggerOperator');
  if (opE) {
    const t = scalarText(opE.value);
    const op = t === undefined ? undefined : OPERATORS[t.toLowerCase()];
    if (!op) problem('sentinel-trigger-operator', opE.value ?? opE.key, `triggerOperator '${t ?? ''}' is not one of gt, lt, eq, ne`);
    else triggerOperator = { op, pos: pos(opE.value) };
  }
  let triggerThreshold: SentinelRule['triggerThreshold'];
  const thE = get('triggerThreshold');
  if (thE) {
    const v = thE.value && isScalar(thE.value) ? Number(thE.value.value) : NaN;
    if (!Number.isInteger(v) || v < 0 || v > LIMITS.maxThreshold) {
      problem('sentinel-trigger-threshold', thE.value ?? thE.key, `triggerThreshold must be a whole number from 0 to ${LIMITS.maxThreshold}`);
    } else triggerThreshold = { value: v, pos: pos(thE.value) };
  }

  const scheduled = !/^nrt$/i.test(kind);
  if (scheduled && (queryFrequency || queryPeriod)) {
    for (const [key, d] of [['queryFrequency', queryFrequency], ['queryPeriod', queryPeriod]] as const) {
      if (d && (d.ticks < LIMITS.minDuration || d.ticks > LIMITS.maxDuration)) {
        problems.push({ id: 'sentinel-duration-range', severity: 'error', pos: d.pos, message: `${key} ${d.text} is outside the allowed range 5m to 14d` });
      }
    }
    if (queryFrequency && queryPeriod && queryPeriod.ticks < queryFrequency.ticks) {
      problems.push({
        id: 'sentinel-period-shorter-than-frequency',
        severity: 'error',
        pos: queryPeriod.pos,
        message: `queryPeriod ${queryPeriod.text} is shorter than queryFrequency ${queryFrequency.text}: rows between two runs would never be looked at`,
      });
    }
    if (queryFrequency && queryPeriod && queryPeriod.ticks >= LIMITS.longPeriod && queryFrequency.ticks < LIMITS.longPeriodMinFrequency) {
      problems.push({
        id: 'sentinel-long-period-frequency',
        severity: 'error',
        pos: queryFrequency.pos,
        message: `with queryPeriod ${queryPeriod.text} (2 days or more), queryFrequency must be at least 1h, not ${queryFrequency.text}`,
      });
    }
    for (const key of SCHEDULING_KEYS) {
      if (!get(key)) problem('sentinel-missing-field', root, `a scheduled rule needs '${key}'`);
    }
  }

  const columns: ColumnRef[] = [];
  const emE = get('entityMappings');
  if (emE?.value) {
    if (!isSeq(emE.value)) problem('sentinel-entity-mappings', emE.value, 'entityMappings is a list of { entityType, fieldMappings }');
    else {
      const n = emE.value.items.length;
      if (n < 1 || n > LIMITS.maxEntityMappings) problem('sentinel-entity-mappings', emE.value, `entityMappings has ${n} entities; allowed: 1 to ${LIMITS.maxEntityMappings}`);
      emE.value.items.forEach((item, i) => {
        const m = item as Node;
        if (!isMap(m)) return problem('sentinel-entity-mappings', m, `entityMappings[${i}] must be a mapping with entityType and fieldMappings`);
        const type = scalarText((m.get('entityType', true) as Node | undefined) ?? null) ?? '?';
        const fm = m.get('fieldMappings', true) as Node | undefined;
        if (!fm || !isSeq(fm)) return problem('sentinel-entity-mappings', m, `entityMappings[${i}] (${type}) has no fieldMappings list`);
        if (fm.items.length < 1 || fm.items.length > LIMITS.maxFieldMappings) {
          problem('sentinel-entity-mappings', fm, `entityMappings[${i}] (${type}) has ${fm.items.length} field mappings; allowed: 1 to ${LIMITS.maxFieldMappings}`);
        }
        for (const f of fm.items) {
          const fNode = f as Node;
          if (!isMap(fNode)) continue;
          const idNode = (fNode.get('identifier', true) as Node | undefined) ?? null;
          const colNode = (fNode.get('columnName', true) as Node | undefined) ?? null;
          const column = scalarText(colNode);
          if (!column) problem('sentinel-entity-mappings', fNode, `a field mapping of entityMappings[${i}] (${type}) has no columnName`);
          else {
            // [U] An entity identifier is one value: Sentinel reads it as text; a dynamic array or bag is not one.
            columns.push({ column, pos: pos(colNode), what: `entityMappings[${i}] (${type}) ${scalarText(idNode) ?? '?'}`, usable: SCALAR_TYPES });
          }
        }
      });
    }
  }

  const cdE = get('customDetails');
  if (cdE?.value) {
    if (!isMap(cdE.value)) problem('sentinel-custom-details', cdE.value, 'customDetails is a mapping of detail name → column');
    else {
      if (cdE.value.items.length > LIMITS.maxCustomDetails) problem('sentinel-custom-details', cdE.value, `customDetails has ${cdE.value.items.length} entries; at most ${LIMITS.maxCustomDetails}`);
      for (const p of cdE.value.items) {
        const key = scalarText(p.key as Node) ?? '';
        const column = scalarText((p.value as Node | null) ?? null) ?? '';
        if (!/^[a-zA-Z]+\w*$/.test(key) || key.length > LIMITS.maxCustomDetailKeyLength) {
          problem('sentinel-custom-details', p.key as Node, `customDetails key '${key}' must start with a letter, hold only letters, digits and _, and be at most ${LIMITS.maxCustomDetailKeyLength} characters`);
        }
        if (!/^[a-zA-Z_]+\w*$/.test(column)) problem('sentinel-custom-details', (p.value as Node | null) ?? (p.key as Node), `customDetails '${key}' must name a column, not '${column}'`);
        else columns.push({ column, pos: pos(p.value as Node), what: `customDetails ${key}` });
      }
    }
  }

  const adE = get('alertDetailsOverride');
  if (adE?.value && isMap(adE.value)) {
    const ad = adE.value;
    for (const [key, max] of [['alertDisplayNameFormat', LIMITS.maxDisplayNameLength], ['alertDescriptionFormat', LIMITS.maxDescriptionLength]] as const) {
      const n = (ad.get(key, true) as Node | undefined) ?? null;
      const t = scalarText(n);
      if (t === undefined) continue;
      if (t.trim() === '' || t.length > max) problem('sentinel-alert-details', n, `${key} must be 1 to ${max} characters`);
      const placeholders = [...t.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)];
      if (placeholders.length > LIMITS.maxPlaceholders) problem('sentinel-alert-details', n, `${key} has ${placeholders.length} {{column}} placeholders; at most ${LIMITS.maxPlaceholders}`);
      for (const ph of placeholders) columns.push({ column: ph[1]!, pos: pos(n), what: `alertDetailsOverride ${key} {{${ph[1]}}}` });
    }
    for (const key of ['alertTacticsColumnName', 'alertSeverityColumnName']) {
      const n = (ad.get(key, true) as Node | undefined) ?? null;
      const t = scalarText(n);
      // A severity or tactics column holds text (a severity name / tactic names): string is what the override reads.
      if (t) columns.push({ column: t, pos: pos(n), what: `alertDetailsOverride ${key}`, usable: key === 'alertSeverityColumnName' ? ['string'] : ['string', 'dynamic'] });
    }
    const dyn = ad.get('alertDynamicProperties', true) as Node | undefined;
    if (dyn && isSeq(dyn)) {
      for (const item of dyn.items) {
        if (!isMap(item)) continue;
        const v = (item.get('value', true) as Node | undefined) ?? null;
        const t = scalarText(v);
        if (t) columns.push({ column: t, pos: pos(v), what: `alertDetailsOverride alertDynamicProperties ${scalarText((item.get('alertProperty', true) as Node | undefined) ?? null) ?? ''}` });
      }
    }
  }

  const qE = get('query');
  const query = scalarText(qE?.value ?? null) ?? '';
  if (qE && (query.length < 1 || query.length > LIMITS.maxQueryLength)) {
    problem('sentinel-query-length', qE.value ?? qE.key, `the query is ${query.length} characters long; allowed: 1 to ${LIMITS.maxQueryLength}`);
  }
  return {
    file,
    kind: kind || 'Scheduled',
    kindPos: kindE ? pos(kindE.value) : undefined,
    queryFrequency,
    queryPeriod,
    triggerOperator,
    triggerThreshold,
    columns,
    problems,
    queryPos: qE ? pos(qE.key) : undefined,
    queryLength: query.length,
  };
}

const SCALAR_TYPES = ['string', 'long', 'int', 'real', 'bool', 'datetime', 'timespan', 'guid'];
