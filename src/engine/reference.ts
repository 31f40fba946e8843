// The functions reference, generated from the definitions (docs/functions.md, and a short summary in README.md):
// every implemented function with its signature, one-line doc and page of the official docs, then every Kusto
// built-in name kqlite refuses, with the reason. test/functions/update-reference.ts writes it; a test fails when
// the committed file differs.

import { KQL_AGGREGATE_NAMES, KQL_FUNCTION_NAMES, KQL_PLUGIN_NAMES } from './functions/kql-names.js';
import { allFunctions } from './functions/registry.js';
import { refusalReason } from './functions/refused.js';
import type { FunctionDef } from './functions/types.js';
import { implementedPlugins } from './operators/evaluate.js';

const DOCS_URL = 'https://learn.microsoft.com/kusto/query/';

export interface FunctionCounts {
  readonly implemented: number;
  readonly aliases: number;
  readonly byKind: Readonly<Record<FunctionDef['kind'], number>>;
  readonly refused: number;
}

function implementedNames(): Set<string> {
  return new Set(allFunctions().flatMap(({ def }) => [def.name, ...(def.aliases ?? [])]));
}

function refusedNames(): string[] {
  const implemented = implementedNames();
  return [...new Set([...KQL_FUNCTION_NAMES, ...KQL_AGGREGATE_NAMES])].filter((n) => !implemented.has(n)).sort();
}

export function functionCounts(): FunctionCounts {
  const defs = allFunctions().map((f) => f.def);
  const byKind = { scalar: 0, window: 0, aggregate: 0, special: 0 };
  for (const d of defs) byKind[d.kind]++;
  return {
    implemented: defs.length,
    aliases: defs.reduce((n, d) => n + (d.aliases?.length ?? 0), 0),
    byKind,
    refused: refusedNames().length,
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function summaryLine(c: FunctionCounts): string {
  return (
    `${c.implemented} functions implemented (${c.byKind.scalar} scalar, ${c.byKind.aggregate} aggregation, ${c.byKind.window} window, ` +
    `${c.byKind.special} special; plus ${c.aliases} aliases); ${c.refused} other Kusto built-in names refused by name (\`not supported yet: <name>()\`).`
  );
}

/** The generated docs/functions.md. */
export function renderFunctionsReference(): string {
  const counts = functionCounts();
  const out: string[] = [
    '# Functions reference',
    '',
    '<!-- Generated from the function definitions in src/engine/functions by `npx tsx test/functions/update-reference.ts`. Do not edit. -->',
    '',
    summaryLine(counts),
    '',
    'Each name links to its page in the official KQL documentation. Semantics and the choices kqlite makes where the',
    'documentation is silent are in src/engine/CONTEXT.md and the definitions themselves; tests: test/functions/<category>/<name>.kql.',
    '',
  ];
  const byCategory = new Map<string, FunctionDef[]>();
  for (const { category, def } of allFunctions()) byCategory.set(category, [...(byCategory.get(category) ?? []), def]);
  for (const [category, defs] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`## ${category}`, '', '| Function | Signature | What it returns |', '|---|---|---|');
    for (const d of [...defs].sort((a, b) => a.name.localeCompare(b.name))) {
      const aliases = d.aliases?.length ? ` (also ${d.aliases.map((a) => `\`${a}\``).join(', ')})` : '';
      out.push(`| [\`${d.name}\`](${DOCS_URL}${d.docs})${aliases} | \`${cell(d.signature)}\` | ${cell(d.doc)} |`);
    }
    out.push('');
  }
  out.push('## Refused', '', 'Kusto built-in function and aggregation names that kqlite refuses by name, with the reason.', '');
  const reasons = new Map<string, string[]>();
  for (const n of refusedNames()) {
    const r = refusalReason(n);
    reasons.set(r, [...(reasons.get(r) ?? []), n]);
  }
  out.push('| Reason | Names |', '|---|---|');
  for (const [reason, names] of [...reasons].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`| ${cell(reason)} | ${names.map((n) => `\`${n}\``).join(', ')} |`);
  }
  out.push('', '## Plugins (`evaluate`)', '');
  const plugins = [...KQL_PLUGIN_NAMES].sort();
  const implemented = new Set(implementedPlugins());
  out.push(`Implemented: ${plugins.filter((p) => implemented.has(p)).map((p) => `\`${p}\``).join(', ')}.`, '');
  out.push(`Refused (\`not supported yet: evaluate <name>\`): ${plugins.filter((p) => !implemented.has(p)).map((p) => `\`${p}\``).join(', ')}.`, '');
  return out.join('\n');
}

/** The generated region of README.md (between `<!-- functions:start -->` and `<!-- functions:end -->`). */
export function renderReadmeSummary(): string {
  return `Functions: ${summaryLine(functionCounts())} The full list, generated from the definitions: [docs/functions.md](docs/functions.md).`;
}
