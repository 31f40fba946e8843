// Builds the corpus of real public KQL queries OUTSIDE the repository (public queries are never committed):
//
//   npx tsx scripts/corpus/collect.ts /work/corpus
//
// writes <out>/queries/<id>.kql + <out>/index.json (rules and hunting queries) and <out>/parsers/queries/<id>.kql
// + <out>/parsers/index.json (Sentinel parsers/functions, a separate set), from the git mirrors listed in
// sources.ts. Queries are deduplicated on whitespace-normalised text (first source in SOURCES order wins).
// Table names for the "tables read" field come from kqlite's catalogue plus the Sentinel Solutions Analyzer's
// table reference (oshezaf/sentinelninja, Tools/Solutions Analyzer/tables_reference.csv), read from its mirror.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Database } from '../../src/database.js';
import { looksLikeKql, tablesRead } from './lexical.js';
import { mirrorPath, SOURCES, type Extractor, type QuerySet, type Source } from './sources.js';

export const EMAIL_TABLES = new Set(['UrlClickEvents', 'EmailEvents', 'EmailUrlInfo', 'EmailAttachmentInfo', 'EmailPostDeliveryEvents']);

export interface IndexEntry {
  readonly id: string;
  readonly set: QuerySet;
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  /** 0-based position of the query among those extracted from the same file (Markdown may hold several). */
  readonly block: number;
  readonly tables: readonly string[];
  readonly emailOnly: boolean;
}

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function tryShow(gitDir: string, ref: string, path: string): string | undefined {
  try {
    return git(gitDir, ['show', `${ref}:${path}`]);
  } catch {
    return undefined; // blobs of 4 MiB and more are absent from snapshots
  }
}

/** Fenced code blocks of a Markdown file with their info string (language), in order. */
function markdownBlocks(text: string): { lang: string; body: string }[] {
  const blocks: { lang: string; body: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[j]!)) break;
      body.push(indent > 0 ? lines[j]!.replace(new RegExp(`^ {0,${indent}}`), '') : lines[j]!);
    }
    blocks.push({ lang: open[3]!.toLowerCase(), body: body.join('\n') });
    i = j;
  }
  return blocks;
}

const KQL_LANGS = new Set(['kql', 'kusto', 'query', 'csl', 'kql-query']);
const MAYBE_KQL_LANGS = new Set(['', 'sql', 'text', 'txt', 'sh', 'code', 'c#', 'csharp', 'yaml']);

function extract(extractor: Extractor, text: string): string[] {
  switch (extractor) {
    case 'markdown':
      return markdownBlocks(text)
        .filter((b) => KQL_LANGS.has(b.lang) || (MAYBE_KQL_LANGS.has(b.lang) && looksLikeKql(b.body)))
        .map((b) => b.body);
    case 'whole-file':
      return looksLikeKql(text) ? [text] : [];
    case 'yaml-query':
    case 'yaml-parser': {
      const fields = extractor === 'yaml-query' ? ['query'] : ['ParserQuery', 'FunctionQuery', 'query'];
      const out: string[] = [];
      try {
        for (const doc of parseAllDocuments(text.replace(/^\ufeff/, ''), { uniqueKeys: false })) {
          const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
          if (typeof value !== 'object' || value === null) continue;
          for (const f of fields) {
            const q = (value as Record<string, unknown>)[f];
            if (typeof q === 'string' && q.trim()) {
              out.push(q);
              break;
            }
          }
        }
      } catch {
        // malformed YAML: fall back to the literal block after `query: |`
        const m = /^query:\s*[|>][-+]?\s*\n((?:[ \t]+.*\n?|\s*\n)+)/m.exec(text);
        if (m) out.push(m[1]!.replace(/^ {2}/gm, ''));
      }
      return out;
    }
  }
}

/** Whitespace-normalised text: the deduplication key. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function knownTableNames(): Set<string> {
  const names = new Set(new Database().tableNames());
  const ninja = mirrorPath('oshezaf/sentinelninja');
  if (existsSync(ninja)) {
    const csv = tryShow(ninja, 'HEAD', 'Tools/Solutions Analyzer/tables_reference.csv') ?? '';
    for (const line of csv.split('\n').slice(1)) {
      const m = /^"([^"]+)"/.exec(line);
      if (m) names.add(m[1]!);
    }
  } else {
    console.warn(`warning: ${ninja} missing; tables are limited to kqlite's catalogue and *_CL names`);
  }
  return names;
}

interface Collected {
  readonly text: string;
  readonly entry: Omit<IndexEntry, 'id'>;
}

function collectSource(source: Source, tables: ReadonlySet<string>): { items: Collected[]; commit: string } {
  const gitDir = mirrorPath(source.repo);
  if (!existsSync(gitDir)) {
    console.warn(`skip ${source.repo}: no mirror at ${gitDir} (fetch it first)`);
    return { items: [], commit: '' };
  }
  const ref = source.ref ?? 'HEAD';
  const commit = git(gitDir, ['rev-parse', ref]).trim();
  const paths = git(gitDir, ['ls-tree', '-r', '--name-only', '-z', ref]).split('\0').filter(Boolean).sort();
  const items: Collected[] = [];
  for (const path of paths) {
    const rule = source.rules.find((r) => r.path.test(path));
    if (!rule) continue;
    const text = tryShow(gitDir, ref, path);
    if (text === undefined) continue;
    extract(rule.extractor, text).forEach((q, block) => {
      const query = q.replace(/^\ufeff/, '').replace(/\r\n/g, '\n').trim() + '\n';
      if (normalise(query).length < 8) return;
      const read = tablesRead(query, tables);
      items.push({
        text: query,
        entry: {
          set: rule.set,
          repo: source.repo,
          path,
          commit,
          block,
          tables: read,
          emailOnly: read.length > 0 && read.every((t) => EMAIL_TABLES.has(t)),
        },
      });
    });
  }
  return { items, commit };
}

function main(): void {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npx tsx scripts/corpus/collect.ts OUT_DIR');
    process.exit(2);
  }
  const tables = knownTableNames();
  const seen = new Set<string>();
  const sets = {
    main: { dir: out, entries: [] as IndexEntry[], counter: new Map<string, number>() },
    parsers: { dir: join(out, 'parsers'), entries: [] as IndexEntry[], counter: new Map<string, number>() },
  };
  for (const s of Object.values(sets)) {
    rmSync(join(s.dir, 'queries'), { recursive: true, force: true });
    mkdirSync(join(s.dir, 'queries'), { recursive: true });
  }
  const perSource: { repo: string; commit: string; extracted: number; kept: number }[] = [];
  for (const source of SOURCES) {
    const { items, commit } = collectSource(source, tables);
    let kept = 0;
    for (const item of items) {
      const key = normalise(item.text);
      if (seen.has(key)) continue;
      seen.add(key);
      kept++;
      const target = item.entry.set === 'parser' ? sets.parsers : sets.main;
      const n = (target.counter.get(source.short) ?? 0) + 1;
      target.counter.set(source.short, n);
      const id = `${source.short}-${String(n).padStart(4, '0')}`;
      writeFileSync(join(target.dir, 'queries', `${id}.kql`), item.text);
      target.entries.push({ id, ...item.entry });
    }
    perSource.push({ repo: source.repo, commit, extracted: items.length, kept });
    console.log(`${source.repo.padEnd(75)} ${commit.slice(0, 10)} extracted ${String(items.length).padStart(5)} kept ${String(kept).padStart(5)}`);
  }
  for (const s of Object.values(sets)) {
    writeFileSync(join(s.dir, 'index.json'), JSON.stringify({ generatedBy: 'scripts/corpus/collect.ts', sources: perSource, queries: s.entries }, null, 1) + '\n');
  }
  console.log(`corpus: ${sets.main.entries.length} queries, ${sets.parsers.entries.length} parsers, in ${out}`);
}

main();
