// The public repositories the corpus is collected from, and which files of each hold queries.
// Each source is a bare git mirror brought onto this machine by the search tool's `fetch`
// (/work/.mirror/<owner>+<name>/repo); collect.ts reads it with `git ls-tree` / `git show`, never a work tree.
// The commit actually read is recorded per query in index.json, and scripts/corpus/README.md lists them.

/** Which part of the corpus a file belongs to. Parsers are kept apart: they are library code, not rules. */
export type QuerySet = 'detection' | 'hunting' | 'community' | 'azure-monitor' | 'parser';

/** How the query text is pulled out of a file. */
export type Extractor =
  | 'yaml-query' // a YAML document's `query:` field (Sentinel analytic rules and hunting queries)
  | 'yaml-parser' // a parser/function YAML: `ParserQuery:` / `FunctionQuery:` / `query:`
  | 'markdown' // fenced code blocks that are KQL (```kql, ```kusto, ```query, or unlabelled/sql that look like KQL)
  | 'whole-file'; // the file is one query (.kql, .kusto, .csl, .txt that looks like KQL)

export interface FileRule {
  /** Matched against the file's path in the repository. */
  readonly path: RegExp;
  readonly extractor: Extractor;
  readonly set: QuerySet;
}

export interface Source {
  /** owner/name on GitHub. */
  readonly repo: string;
  /** Short name used in query ids. */
  readonly short: string;
  /** Git ref to read (default HEAD of the mirror). */
  readonly ref?: string;
  readonly rules: readonly FileRule[];
}

const KQL_FILE = /\.(kql|kusto|csl|txt|func)$/i;
const MD = /\.md$/i;

/** Community collections: every Markdown file and every KQL-looking file. */
function community(repo: string, short: string): Source {
  return {
    repo,
    short,
    rules: [
      { path: MD, extractor: 'markdown', set: 'community' },
      { path: KQL_FILE, extractor: 'whole-file', set: 'community' },
      { path: /\.ya?ml$/i, extractor: 'yaml-query', set: 'community' },
    ],
  };
}

export const SOURCES: readonly Source[] = [
  {
    // Azure/Azure-Sentinel itself is larger than `fetch` can bring (1.7 GB); this fork holds its history up to
    // August 2022 (the last commit on top is the fork's own, not Microsoft's content).
    repo: 'cloudflare/Azure-Sentinel',
    short: 'sentinel',
    rules: [
      { path: /^Detections\/.*\.ya?ml$/i, extractor: 'yaml-query', set: 'detection' },
      { path: /^Solutions\/[^/]+\/Analytic(s)? ?Rules\/.*\.ya?ml$/i, extractor: 'yaml-query', set: 'detection' },
      { path: /^Hunting Queries\/.*\.ya?ml$/i, extractor: 'yaml-query', set: 'hunting' },
      { path: /^Hunting Queries\/.*\.(txt|kql)$/i, extractor: 'whole-file', set: 'hunting' },
      { path: /^Solutions\/[^/]+\/Hunting Queries\/.*\.ya?ml$/i, extractor: 'yaml-query', set: 'hunting' },
      { path: /^Parsers\/.*\.ya?ml$/i, extractor: 'yaml-parser', set: 'parser' },
      { path: /^Parsers\/.*\.(txt|kql)$/i, extractor: 'whole-file', set: 'parser' },
      { path: /^Solutions\/[^/]+\/Parsers\/.*\.ya?ml$/i, extractor: 'yaml-parser', set: 'parser' },
      { path: /^Solutions\/[^/]+\/Parsers\/.*\.(txt|kql)$/i, extractor: 'whole-file', set: 'parser' },
    ],
  },
  {
    repo: 'microsoft/Microsoft-365-Defender-Hunting-Queries',
    short: 'm365d',
    rules: [
      { path: MD, extractor: 'markdown', set: 'hunting' },
      { path: /\.(txt|csl|kql)$/i, extractor: 'whole-file', set: 'hunting' },
    ],
  },
  {
    repo: 'MicrosoftDocs/azure-reference-other',
    short: 'azmon-docs',
    // The per-table example queries live only on this branch (removed from main).
    ref: 'refs/heads/cleanup-script-ignore-build',
    rules: [{ path: /^azure-monitor-ref\/queries\/.*\.md$/i, extractor: 'markdown', set: 'azure-monitor' }],
  },
  {
    repo: 'microsoft/AzureMonitorCommunity',
    short: 'azmon-community',
    rules: [{ path: /\.kql$/i, extractor: 'whole-file', set: 'azure-monitor' }],
  },
  community('Bert-JanP/Hunting-Queries-Detection-Rules', 'bertjanp'),
  community('reprise99/Sentinel-Queries', 'reprise99'),
  community('FalconForceTeam/FalconFriday', 'falconfriday'),
  community('alexverboon/Hunting-Queries-Detection-Rules', 'alexverboon'),
  community('alexverboon/MDATP', 'alexverboon-mdatp'),
  community('cyb3rmik3/KQL-threat-hunting-queries', 'cyb3rmik3'),
  community('Cyb3r-Monk/Threat-Hunting-and-Detection', 'cyb3rmonk'),
  community('Sergio-Albea-Git/Threat-Hunting-KQL-Queries', 'sergioalbea'),
  community('LearningKijo/KQL', 'learningkijo'),
  community('benscha/KQLAdvancedHunting', 'benscha'),
  community('0xAnalyst/DefenderATPQueries', '0xanalyst'),
  community('rod-trent/SentinelKQL', 'rodtrent'),
  community('HybridBrothers/Hunting-Queries-Detection-Rules', 'hybridbrothers'),
  community('SubashGhimire/Hunting-Queries-and-Detection-Rule-Microsoft-Sentinel-Defender', 'subashghimire'),
  community('le0li9ht/Microsoft-Sentinel-Queries', 'le0li9ht'),
  community('NVISOsecurity/Detection-and-Hunting-Queries', 'nviso'),
  community('BinaryDefense/ARC-Labs-Hunting-Queries', 'binarydefense'),
  community('Cloud-Architekt/AzureAD-Attack-Defense', 'aadattackdefense'),
  community('Cloud-Architekt/AzureSentinel', 'cloudarchitekt'),
  community('maverick-sahu/kql-detection-rules', 'mavericksahu'),
  community('zachlikescoding/KQL-Hunting-Queries', 'zachlikescoding'),
  community('alexverboon/AnythingAboutITBlog', 'alexverboon-blog'),
];

/** Where `fetch` puts a repository's bare git directory. */
export function mirrorPath(repo: string): string {
  return `/work/.mirror/${repo.replace('/', '+')}/repo`;
}
