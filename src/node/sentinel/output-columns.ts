// Every column a Sentinel rule's alert shaping names (entity identifiers, custom details, alert overrides) must be
// in the query's output, with a type the feature can use. The output schema comes from binding the query
// (Database.plan), so this check needs no data.

import { didYouMean } from '../../diagnostics.js';
import type { RuleProblem, SentinelRule } from './rule-yaml.js';

export interface OutputColumn {
  readonly name: string;
  readonly type: string;
}

export function checkOutputColumns(rule: SentinelRule, output: readonly OutputColumn[]): RuleProblem[] {
  const byName = new Map(output.map((c) => [c.name, c]));
  const problems: RuleProblem[] = [];
  for (const ref of rule.columns) {
    const col = byName.get(ref.column);
    if (!col) {
      const hint = didYouMean(ref.column, byName.keys());
      problems.push({
        id: 'sentinel-missing-column',
        severity: 'error',
        pos: ref.pos,
        message: `${ref.what} names column '${ref.column}', which the query does not output${hint.length ? ` (${hint.join('; ')})` : ''}; output columns: ${output.map((c) => c.name).join(', ')}`,
      });
    } else if (ref.usable && !ref.usable.includes(col.type)) {
      problems.push({
        id: 'sentinel-column-type',
        severity: 'error',
        pos: ref.pos,
        message: `${ref.what} names column '${ref.column}' of type ${col.type}; it needs ${ref.usable.join(' or ')} (convert it in the query, e.g. tostring())`,
      });
    }
  }
  return problems;
}
