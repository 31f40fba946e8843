// Which tabular operators, scalar functions, aggregates and plugins real queries use, ranked by the number of
// queries that use each — the priority list for the function and operator work:
//
//   npx tsx scripts/corpus/usage.ts /work/corpus [--out usage.md]
//
// A lexical census (scripts/corpus/lexical.ts tokens, so it covers queries kqlite cannot parse): an operator is a
// word after `|` (join/lookup split by kind, evaluate by plugin) or a source word at the start of a statement
// (datatable, externaldata, print, range, union, search, find); a call `name(` is a scalar function or an
// aggregate when Microsoft's language library (@kusto/language-service-next) lists it as one. The "kqlite" column
// probes kqlite's binder with a call of each name: `known` when the binder knows it (whatever it then says about
// the arguments), `refused` when it names it as not supported yet, `unknown` otherwise.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../src/index.js';
import type { IndexEntry } from './collect.js';
import { tokenize, type Token } from './lexical.js';
import { MsOracle } from './ms-oracle.js';

const SOURCE_WORDS = new Set(['datatable', 'externaldata', 'external_data', 'print', 'range', 'union', 'search', 'find', 'evaluate', 'materialize']);
const STATEMENT_START = new Set([';', '=', '(', ',']);

interface Census {
  readonly operators: Map<string, Set<string>>;
  readonly functions: Map<string, Set<string>>;
  readonly aggregates: Map<string, Set<string>>;
  readonly plugins: Map<string, Set<string>>;
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(id);
}

/** The join/lookup kind in the operator's parameters (`kind=inner`), or the default. */
function joinKind(tokens: readonly Token[], k: number, op: string): string {
  for (let j = k + 1; j < Math.min(tokens.length, k + 12); j++) {
    if (tokens[j]!.text.toLowerCase() === 'kind' && tokens[j + 1]?.text === '=' && tokens[j + 2]) return `${op} kind=${tokens[j + 2]!.text.toLowerCase()}`;
    if (tokens[j]!.text === '(' || tokens[j]!.text === '|') break;
  }
  return op === 'join' ? 'join (default innerunique)' : 'lookup (default leftouter)';
}

function censusOf(id: string, text: string, builtins: ReturnType<MsOracle['builtins']>, c: Census): void {
  const tokens = tokenize(text);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident') continue;
    const word = t.text.toLowerCase();
    const prev = tokens[k - 1];
    const afterPipe = prev?.text === '|';
    const atStart = !prev || STATEMENT_START.has(prev.text);
    if (afterPipe || (atStart && SOURCE_WORDS.has(word))) {
      if (word === 'join' || word === 'lookup') add(c.operators, joinKind(tokens, k, word), id);
      else if (word === 'evaluate') {
        // evaluate [hint.x=y …] plugin(
        let j = k + 1;
        while (tokens[j] && tokens[j + 1]?.text !== '(' && j < k + 8) j++;
        const plugin = tokens[j]?.text.toLowerCase() ?? '?';
        add(c.operators, `evaluate ${plugin}`, id);
        add(c.plugins, plugin, id);
      } else add(c.operators, word, id);
      if (afterPipe) continue;
    }
    if (tokens[k + 1]?.text !== '(' || prev?.text === '.') continue;
    // `let f = (…)` and lambda parameters are not calls; a name followed by `(` that Microsoft lists is.
    if (builtins.aggregates.has(word)) add(c.aggregates, word, id);
    else if (builtins.functions.has(word)) add(c.functions, word, id);
  }
}

function kqliteKnows(db: Database, name: string, aggregate: boolean): 'known' | 'refused' | 'unknown' {
  const probe = aggregate ? `datatable(x:long)[1] | summarize ${name}()` : `print ${name}()`;
  const { plan, diagnostics } = db.plan(probe, { now: '2026-01-01T00:00:00Z' });
  if (plan) return 'known';
  const e = diagnostics.find((d) => d.severity === 'error');
  if (!e) return 'known';
  const mentions = e.message.toLowerCase().includes(name.toLowerCase());
  if (e.code === 'bind-not-supported' && mentions) return 'refused';
  if ((e.code === 'bind-unknown-function' || e.code === 'bind-not-aggregate') && mentions) return 'unknown';
  if (e.code === 'bind-aggregate-outside-summarize') return 'known';
  return mentions || e.code.startsWith('bind-wrong') ? 'known' : 'unknown';
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  if (!dir) {
    console.error('usage: npx tsx scripts/corpus/usage.ts CORPUS_DIR [--out usage.md]');
    process.exit(2);
  }
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { queries: IndexEntry[] };
  const builtins = new MsOracle({}).builtins();
  const lower = (s: Set<string>) => new Set([...s].map((x) => x.toLowerCase()));
  const b = { functions: lower(builtins.functions), aggregates: lower(builtins.aggregates), plugins: lower(builtins.plugins) };
  const c: Census = { operators: new Map(), functions: new Map(), aggregates: new Map(), plugins: new Map() };
  const email = new Set(index.queries.filter((q) => q.emailOnly).map((q) => q.id));
  for (const q of index.queries) censusOf(q.id, readFileSync(join(dir, 'queries', `${q.id}.kql`), 'utf8'), b, c);

  const db = new Database();
  const total = index.queries.length;
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
  const lines: string[] = [];
  lines.push('# What real public KQL queries use — the priority list', '');
  lines.push(`From the corpus in \`${dir}\` (${total} distinct public hunting/detection/monitoring queries; ${email.size} read only the`);
  lines.push('five email tables). Lexical census by `scripts/corpus/usage.ts`; "N" is the number of queries using the item at least');
  lines.push('once, "email" the same over the email-only queries. Built-in names come from Microsoft\'s language library; the');
  lines.push('"kqlite" column is what kqlite\'s binder says about a call of that name today (known / refused by name / unknown).', '');
  const section = (title: string, map: Map<string, Set<string>>, probe?: 'fn' | 'agg', top = 400) => {
    const rows = [...map.entries()].sort((x, y) => y[1].size - x[1].size || x[0].localeCompare(y[0])).slice(0, top);
    lines.push(`## ${title} (${map.size} distinct)`, '');
    lines.push(probe ? '| # | name | N | share | email | kqlite |' : '| # | name | N | share | email |');
    lines.push(probe ? '|---:|---|---:|---:|---:|---|' : '|---:|---|---:|---:|---:|');
    rows.forEach(([name, ids], i) => {
      const e = [...ids].filter((id) => email.has(id)).length;
      const status = probe ? ` ${kqliteKnows(db, name, probe === 'agg')} |` : '';
      lines.push(`| ${i + 1} | \`${name}\` | ${ids.size} | ${pct(ids.size)} | ${e} |${status}`);
    });
    lines.push('');
  };
  section('Tabular operators (join/lookup by kind, evaluate by plugin)', c.operators);
  section('Aggregates', c.aggregates, 'agg');
  section('Scalar functions', c.functions, 'fn');
  section('evaluate plugins', c.plugins);
  const text = lines.join('\n');
  if (out) writeFileSync(out, text + '\n');
  else console.log(text);
  console.error(`operators ${c.operators.size}, aggregates ${c.aggregates.size}, functions ${c.functions.size}, plugins ${c.plugins.size}`);
}

main();
