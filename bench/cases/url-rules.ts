// The seed-004 lists and the pieces of its where-clause as each engine writes them: JavaScript predicates (the
// arquero pipelines and the hand loops use the fastest hand-written ones) and RE2 regular expressions for DuckDB.
// The host and path follow parse_url's rules as baselines.ts scans them; the SQL regexes reproduce those rules
// on the generated URLs (userinfo `user:pw@`, ports), which the equality checks confirm on every run.

import { readFileSync } from 'node:fs';
import { case1RegexPredicate, hostOf, pathOf } from '../baselines.js';
import { sqlString } from './types.js';

const RULES = new URL('../../examples/rules/', import.meta.url);
export const SEED004 = readFileSync(new URL('link-target-t1608-005.kql', RULES), 'utf8');
export const SEED002 = readFileSync(new URL('safelinks-url-block-trigger.kql', RULES), 'utf8');
export const SEED000 = readFileSync(new URL('malicious-clicks-allowed.kql', RULES), 'utf8');

/** The seed's own `let` lists, so the cases stay in step with the rule file. */
function seedLets(): { text: string; lists: Record<string, string[]> } {
  const lets = [...SEED004.matchAll(/let\s+(\w+)\s*=\s*dynamic\(\[([\s\S]*?)\]\);/g)];
  const lists: Record<string, string[]> = {};
  for (const m of lets) lists[m[1]!] = JSON.parse(`[${m[2]!}]`) as string[];
  return { text: lets.map((m) => m[0]).join('\n'), lists };
}
export const { text: SEED004_LETS, lists: SEED004_LISTS } = seedLets();
const list = (name: string) => {
  const l = SEED004_LISTS[name];
  if (!l) throw new Error(`seed 004 has no list ${name}`);
  return l;
};
export const SHORTENERS = list('UrlShortenerDomains');
export const PAAS = list('SuspiciousPaaSDomains');
export const IPFS = list('IpfsGatewayDomains');
export const CREDENTIAL = list('CredentialHarvestKeywords');

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TERM = '\\p{L}\\p{Nd}';

/** `x has_any (list)`: case-insensitive, a term boundary on each side (every needle here starts and ends with a letter). */
function hasAnyRegex(needles: readonly string[]): RegExp {
  return new RegExp(`(?<![${TERM}])(?:${needles.map(esc).join('|')})(?![${TERM}])`, 'iu');
}
export const js = {
  case1: case1RegexPredicate({ shorteners: SHORTENERS, paas: PAAS, ipfs: IPFS }),
  hostOf,
  pathOf,
  shortener: hasAnyRegex(SHORTENERS),
  paas: hasAnyRegex(PAAS),
  ipfs: hasAnyRegex(IPFS),
  credential: hasAnyRegex(CREDENTIAL),
  ipfsScheme: /(?<![\p{L}\p{Nd}])ipfs:\/\//iu,
  ipfsPath: /\/ipfs\//i,
};

// RE2 has no lookbehind; for a yes/no match `(^|[^term])` and `($|[^term])` are equivalent.
const re2HasAny = (needles: readonly string[]) => sqlString(`(?i)(^|[^\\pL\\p{Nd}])(${needles.map(esc).join('|')})($|[^\\pL\\p{Nd}])`);
const SCHEME = '^[A-Za-z][A-Za-z0-9+.-]*://';
export const sql = {
  /** parse_url(Url).Host: the authority, without `user:pw@` and without `:port`. */
  host: (url: string) =>
    `regexp_replace(regexp_replace(regexp_extract(${url}, ${sqlString(SCHEME + '([^/?#]*)')}, 1), '^[^@:]*:[^@]*@', ''), ':[^:]*$', '')`,
  path: (url: string) => `regexp_extract(${url}, ${sqlString(SCHEME + '[^/?#]*([^?#]*)')}, 1)`,
  shortener: re2HasAny(SHORTENERS),
  paas: re2HasAny(PAAS),
  ipfs: re2HasAny(IPFS),
  hostAny: re2HasAny([...SHORTENERS, ...PAAS, ...IPFS]),
  credential: re2HasAny(CREDENTIAL),
  ipfsScheme: sqlString('(?i)(^|[^\\pL\\p{Nd}])ipfs://'),
};
