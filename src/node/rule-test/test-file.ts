// Reading a `*.test.yaml` rule test into a checked model that keeps the source position (line:column) of every
// key, row and value, so any mistake in the file is reported as `file:line:col` with a did-you-mean.
// The format itself is documented at the top of src/node/rule-test.ts.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { didYouMean } from '../../diagnostics.js';
import type { Column } from '../../tables/table.js';
import { TYPE_ALIASES } from '../../values/types.js';
import type { OrderSpec } from '../../testing/compare-rows.js';

export interface Pos {
  readonly line: number;
  readonly col: number;
}

export class TestFileError extends Error {
  constructor(
    readonly file: string,
    readonly pos: Pos,
    readonly detail: string,
    readonly notes: readonly string[] = [],
  ) {
    super(`${file}:${pos.line}:${pos.col}: ${detail}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    this.name = 'TestFileError';
  }
}

/** One row as written: its values, and where each key and value is. */
export interface RowSpec {
  readonly values: Readonly<Record<string, unknown>>;
  readonly pos: Pos;
  readonly keyPos: ReadonlyMap<string, Pos>;
  readonly valuePos: ReadonlyMap<string, Pos>;
}

export interface TableRows {
  readonly table: string;
  readonly pos: Pos;
  readonly rows: readonly RowSpec[];
}

/** Query text embedded in (or referenced by) the test, with what is needed to map positions back. */
export interface QuerySource {
  readonly text: string;
  readonly file: string;
  readonly lineOffset: number;
  readonly columnOffset: number;
}

export type RuleRef =
  | { readonly kind: 'file'; readonly path: string; readonly block?: number; readonly pos: Pos }
  | { readonly kind: 'inline'; readonly source: QuerySource; readonly pos: Pos };

export interface ExpectSpec {
  readonly pos: Pos;
  readonly fires?: boolean;
  readonly count?: number;
  readonly columns?: readonly string[];
  readonly rows?: readonly RowSpec[];
  readonly contains?: readonly RowSpec[];
  readonly ordered?: OrderSpec;
  readonly orderedPos?: Pos;
}

export interface CaseSpec {
  readonly name: string;
  readonly pos: Pos;
  readonly now?: { readonly value: string; readonly pos: Pos };
  /** Rows added to the file's tables for this case. */
  readonly data: readonly TableRows[];
  /** Tables whose rows this case replaces (an empty list empties the table). */
  readonly replace: readonly TableRows[];
  readonly query?: RuleRef;
  readonly append?: QuerySource;
  readonly expect: ExpectSpec;
  /** `cases:` entries, or one row of the Sigma-style `match:` / `dont-match:` lists. */
  readonly kind: 'case' | 'match' | 'dont-match';
  /** The case's YAML node (`kqlite test --update` rewrites its `expect`). */
  readonly node?: Node;
}

export type DataSource = { readonly kind: 'none' } | { readonly kind: 'bundled'; readonly pos: Pos } | { readonly kind: 'folder'; readonly dir: string; readonly pos: Pos };

export interface TestFile {
  readonly path: string;
  readonly name?: string;
  readonly rule: RuleRef;
  readonly append?: QuerySource;
  readonly from: DataSource;
  readonly data: readonly TableRows[];
  readonly schemas: ReadonlyMap<string, { readonly columns: Column[]; readonly pos: Pos }>;
  readonly defaults: ReadonlyMap<string, RowSpec>;
  readonly now?: { readonly value: string; readonly pos: Pos };
  readonly cases: readonly CaseSpec[];
  /** The parsed YAML document and its text (`kqlite test --update` edits and rewrites it). */
  readonly doc: Document;
  /** Mutants of the rule declared equivalent (no test can tell them apart): `kqlite test --mutate` skips them. */
  readonly equivalentMutants: readonly EquivalentMutant[];
}

export interface EquivalentMutant {
  /** line:col in the rule file, as --mutate prints it. */
  readonly at: string;
  /** The mutant's description, as --mutate prints it after "no test fails when". */
  readonly mutant: string;
  readonly why: string;
  readonly pos: Pos;
}

const FILE_KEYS = ['name', 'description', 'rule', 'block', 'query', 'append', 'data', 'schemas', 'defaults', 'now', 'table', 'cases', 'match', 'dont-match', 'equivalent-mutants'];
const CASE_KEYS = ['name', 'description', 'now', 'data', 'replace', 'query', 'append', 'expect'];
const EXPECT_KEYS = ['fires', 'count', 'columns', 'rows', 'contains', 'ordered'];

class Reader {
  readonly errors: TestFileError[] = [];
  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: Document,
    readonly lc: LineCounter,
  ) {}

  pos(node: Node | null | undefined): Pos {
    const offset = node?.range?.[0] ?? 0;
    const p = this.lc.linePos(offset);
    return { line: p.line, col: p.col };
  }
  error(node: Node | null | undefined, message: string, notes: readonly string[] = []): void {
    this.errors.push(new TestFileError(this.file, this.pos(node), message, notes));
  }
  errorAt(pos: Pos, message: string, notes: readonly string[] = []): void {
    this.errors.push(new TestFileError(this.file, pos, message, notes));
  }
  deref(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }
  js(node: Node | null): unknown {
    if (!node) return null;
    return isScalar(node) ? node.value : node.toJS(this.doc, { maxAliasCount: 1000 });
  }
  /** The entries of a mapping, with the position of each key; checks keys against `allowed`. */
  entries(node: Node, what: string, allowed?: readonly string[]): { key: string; keyNode: Node; value: Node | null }[] {
    if (!isMap(node)) {
      this.error(node, `${what} must be a mapping`);
      return [];
    }
    const out: { key: string; keyNode: Node; value: Node | null }[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (key === '<<') continue; // YAML merge key: its entries are merged by toJS, not checked one by one
      if (allowed && !allowed.includes(key)) {
        this.error(keyNode, `unknown key '${key}' in ${what}`, [...didYouMean(key, allowed), `known keys: ${allowed.join(', ')}`]);
        continue;
      }
      out.push({ key, keyNode, value: this.deref(pair.value) });
    }
    return out;
  }
  string(node: Node | null, what: string): string | undefined {
    if (node && isScalar(node) && typeof node.value === 'string') return node.value;
    this.error(node, `${what} must be text`);
    return undefined;
  }
}

export function readTestFile(file: string): TestFile {
  const text = readFileSync(file, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, intAsBigInt: true, merge: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw doc.errors.map((e) => {
      const lp = e.linePos?.[0] ?? { line: 1, col: 1 };
      return new TestFileError(file, lp, `not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    });
  }
  const r = new Reader(file, text, doc, lc);
  const root = doc.contents as Node | null;
  if (!root || !isMap(root)) throw [new TestFileError(file, { line: 1, col: 1 }, "a rule test must be a mapping with 'rule' (or 'query') and 'cases'")];
  const top = new Map(r.entries(root, 'the test file', FILE_KEYS).map((e) => [e.key, e]));
  const baseDir = dirname(file);

  let ruleRef: RuleRef | undefined;
  const ruleE = top.get('rule');
  const queryE = top.get('query');
  if (ruleE && queryE) r.error(queryE.keyNode, "give either 'rule' (a file) or 'query' (inline text), not both");
  if (ruleE) ruleRef = readRuleRef(r, ruleE.value, baseDir, top.get('block')?.value ?? null);
  else if (queryE) ruleRef = inlineQuery(r, queryE.value);
  else r.error(root, "the test names no rule: add 'rule: path/to/rule.kql' (or .yaml / .md) or 'query: |' with the KQL");
  if (top.has('block') && !ruleE) r.error(top.get('block')!.keyNode, "'block' selects a ```kql block of a Markdown 'rule' file");

  const schemas = new Map<string, { columns: Column[]; pos: Pos }>();
  const schemasE = top.get('schemas');
  if (schemasE?.value) {
    for (const t of r.entries(schemasE.value, "'schemas'")) schemas.set(t.key, { columns: readSchema(r, t.value, t.key), pos: r.pos(t.keyNode) });
  }

  let from: DataSource = { kind: 'none' };
  let data: TableRows[] = [];
  const dataE = top.get('data');
  if (dataE?.value) {
    const v = dataE.value;
    if (isScalar(v)) from = readFrom(r, v, baseDir);
    else if (isMap(v)) {
      const fromEntry = v.items.find((p) => isScalar(p.key) && p.key.value === 'from');
      if (fromEntry) from = readFrom(r, r.deref(fromEntry.value), baseDir);
      data = readTables(r, v, "'data'", ['from']);
    } else r.error(v, "'data' is 'bundled', a data folder path, or a mapping of table names to rows");
  }

  const defaults = new Map<string, RowSpec>();
  const defaultsE = top.get('defaults');
  if (defaultsE?.value) {
    for (const t of r.entries(defaultsE.value, "'defaults'")) {
      const row = t.value && readRow(r, t.value);
      if (row) defaults.set(t.key, row);
    }
  }

  const now = readNow(r, top.get('now')?.value ?? null, top.has('now'));
  const append = top.get('append') ? appendSource(r, top.get('append')!.value) : undefined;
  const cases: CaseSpec[] = [];
  const casesE = top.get('cases');
  const shorthand = top.has('match') || top.has('dont-match');
  if (!casesE && !shorthand) r.error(root, "the test has no 'cases' (or 'match:' / 'dont-match:' rows)");
  else if (casesE && (!casesE.value || !isSeq(casesE.value) || casesE.value.items.length === 0)) r.error(casesE.keyNode, "'cases' must be a non-empty list");
  else if (casesE && isSeq(casesE.value)) {
    casesE.value.items.forEach((item, i) => {
      const c = readCase(r, r.deref(item), i, baseDir);
      if (c) cases.push(c);
    });
  }
  const tableE = top.get('table');
  const defaultTable = tableE ? r.string(tableE.value, "'table' (the table that bare 'match:' / 'dont-match:' rows belong to)") : undefined;
  for (const kind of ['match', 'dont-match'] as const) {
    const e = top.get(kind);
    if (e) cases.push(...readShorthand(r, e.value, e.keyNode, kind, defaultTable));
  }
  if (r.errors.length > 0) throw r.errors;
  const nameE = top.get('name');
  return {
    path: file,
    name: nameE ? r.string(nameE.value, "'name'") : undefined,
    rule: ruleRef!,
    append,
    from,
    data,
    schemas,
    defaults,
    now,
    cases,
    doc,
    equivalentMutants: readEquivalentMutants(r, top.get('equivalent-mutants')?.value ?? null),
  };
}

/** `equivalent-mutants: [{ at: "30:13", mutant: "`kind=leftouter` becomes `kind=inner`", why: "…" }]`: a reason is required. */
function readEquivalentMutants(r: Reader, node: Node | null): EquivalentMutant[] {
  if (!node) return [];
  if (!isSeq(node)) {
    r.error(node, "'equivalent-mutants' is a list of { at, mutant, why }");
    return [];
  }
  const out: EquivalentMutant[] = [];
  for (const item of node.items) {
    const n = r.deref(item);
    const e = n ? new Map(r.entries(n, 'an equivalent mutant', ['at', 'mutant', 'why']).map((x) => [x.key, x])) : new Map();
    const at = e.get('at') ? r.string(e.get('at')!.value, "'at' (line:col of the mutant in the rule file)") : undefined;
    const mutant = e.get('mutant') ? r.string(e.get('mutant')!.value, "'mutant' (its description as --mutate prints it)") : undefined;
    const why = e.get('why') ? r.string(e.get('why')!.value, "'why'") : undefined;
    if (!at || !mutant || !why) {
      r.error(n, "each equivalent mutant needs 'at', 'mutant' and 'why' (why no test can kill it)");
      continue;
    }
    out.push({ at, mutant, why, pos: r.pos(n) });
  }
  return out;
}

function readFrom(r: Reader, node: Node | null, baseDir: string): DataSource {
  const s = r.string(node, "the data source ('bundled' or a folder path)");
  if (s === undefined) return { kind: 'none' };
  if (s === 'bundled') return { kind: 'bundled', pos: r.pos(node) };
  const dir = resolve(baseDir, s);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    r.error(node, `data folder not found: ${s} (resolved to ${dir}); use 'bundled' for the bundled contoso dataset`);
  }
  return { kind: 'folder', dir, pos: r.pos(node) };
}

function readRuleRef(r: Reader, node: Node | null, baseDir: string, blockNode: Node | null): RuleRef | undefined {
  const s = r.string(node, "'rule' (a path to a .kql, rule .yaml or .md file)");
  if (s === undefined) return undefined;
  const path = resolve(baseDir, s);
  if (!existsSync(path) || !statSync(path).isFile()) {
    r.error(node, `rule file not found: ${s} (resolved to ${path})`);
    return undefined;
  }
  let block: number | undefined;
  if (blockNode) {
    const b = r.js(blockNode);
    if (typeof b !== 'bigint' || b < 1n) r.error(blockNode, "'block' must be a positive whole number");
    else block = Number(b);
  }
  return { kind: 'file', path, block, pos: r.pos(node) };
}

/** Inline KQL in the test file; block scalars (`query: |`) start on the next line, indented. */
function embedded(r: Reader, node: Node | null, what: string): QuerySource | undefined {
  const text = r.string(node, what);
  if (text === undefined || !node) return undefined;
  const at = r.pos(node);
  const lines = r.text.split('\n');
  const type = (node as Scalar).type;
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    for (let i = at.line; i < lines.length; i++) {
      const idx = first === '' ? -1 : lines[i]!.indexOf(first);
      if (idx >= 0) {
        const leading = text.length - text.trimStart().length;
        const blankLines = text.slice(0, leading).split('\n').length - 1;
        return { text, file: r.file, lineOffset: i - blankLines, columnOffset: idx };
      }
    }
    return { text, file: r.file, lineOffset: at.line, columnOffset: 0 };
  }
  const quoted = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? 1 : 0;
  return { text, file: r.file, lineOffset: at.line - 1, columnOffset: at.col - 1 + quoted };
}

function inlineQuery(r: Reader, node: Node | null): RuleRef | undefined {
  const source = embedded(r, node, "'query' (KQL text)");
  return source && { kind: 'inline', source, pos: r.pos(node) };
}

function appendSource(r: Reader, node: Node | null): QuerySource | undefined {
  return embedded(r, node, "'append' (KQL operators, e.g. '| where AccountUpn != \"svc@contoso.com\"')");
}

function readNow(r: Reader, node: Node | null, present: boolean): { value: string; pos: Pos } | undefined {
  if (!present) return undefined;
  const v = r.js(node);
  if (typeof v !== 'string') {
    r.error(node, "'now' must be an ISO-8601 datetime text, e.g. 2026-11-20T12:00:00Z");
    return undefined;
  }
  return { value: v, pos: r.pos(node) };
}

function readSchema(r: Reader, node: Node | null, table: string): Column[] {
  // `Table: { Col: string, N: long }` (column order kept) or `Table: [{name: Col, type: string}]`.
  const cols: Column[] = [];
  const add = (name: string, type: unknown, at: Node | null) => {
    const t = typeof type === 'string' ? TYPE_ALIASES[type] : undefined;
    if (!t || t === 'decimal') r.error(at, `schema of '${table}': column '${name}' has unsupported type '${String(type)}'`, didYouMean(String(type), Object.keys(TYPE_ALIASES)));
    else cols.push({ name, type: t });
  };
  if (node && isMap(node)) for (const e of r.entries(node, `the schema of '${table}'`)) add(e.key, r.js(e.value), e.value ?? e.keyNode);
  else if (node && isSeq(node)) {
    for (const item of node.items) {
      const n = r.deref(item);
      const o = r.js(n) as { name?: unknown; type?: unknown } | null;
      if (!o || typeof o !== 'object' || typeof o.name !== 'string') r.error(n, `schema of '${table}': each column is {name, type}`);
      else add(o.name, o.type, n);
    }
  } else r.error(node, `the schema of '${table}' is a mapping of column names to types`);
  return cols;
}

function readRow(r: Reader, node: Node): RowSpec | undefined {
  if (!isMap(node)) {
    r.error(node, 'a row must be a mapping of column names to values');
    return undefined;
  }
  const keyPos = new Map<string, Pos>();
  const valuePos = new Map<string, Pos>();
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const k = String(pair.key.value);
    keyPos.set(k, r.pos(pair.key as Node));
    valuePos.set(k, r.pos((pair.value as Node | null) ?? (pair.key as Node)));
  }
  const values = r.js(node) as Record<string, unknown>;
  return { values, pos: r.pos(node), keyPos, valuePos };
}

function readRows(r: Reader, node: Node | null, what: string): RowSpec[] {
  if (!node || !isSeq(node)) {
    r.error(node, `${what} must be a list of rows`);
    return [];
  }
  const rows: RowSpec[] = [];
  for (const item of node.items) {
    const n = r.deref(item);
    const row = n && readRow(r, n);
    if (row) rows.push(row);
  }
  return rows;
}

function readTables(r: Reader, node: Node, what: string, reserved: readonly string[] = []): TableRows[] {
  return r
    .entries(node, what)
    .filter((e) => !reserved.includes(e.key))
    .map((e) => ({ table: e.key, pos: r.pos(e.keyNode), rows: readRows(r, e.value, `the rows of '${e.key}'`) }));
}

function readCase(r: Reader, node: Node | null, index: number, baseDir: string): CaseSpec | undefined {
  if (!node || !isMap(node)) {
    r.error(node, `case ${index + 1} must be a mapping with 'name' and 'expect'`);
    return undefined;
  }
  const e = new Map(r.entries(node, `case ${index + 1}`, CASE_KEYS).map((x) => [x.key, x]));
  const name = e.get('name') ? r.string(e.get('name')!.value, "a case's 'name'") ?? `case ${index + 1}` : `case ${index + 1}`;
  const data = e.get('data')?.value ? readTables(r, e.get('data')!.value!, `the 'data' of case '${name}'`) : [];
  const replace = e.get('replace')?.value ? readTables(r, e.get('replace')!.value!, `the 'replace' of case '${name}'`) : [];
  let query: RuleRef | undefined;
  const q = e.get('query');
  if (q) query = inlineQuery(r, q.value);
  const append = e.get('append') ? appendSource(r, e.get('append')!.value) : undefined;
  const expectE = e.get('expect');
  if (!expectE || !expectE.value) {
    r.error(node, `case '${name}' has no 'expect' (fires, count, columns, rows, contains)`);
    return undefined;
  }
  const expect = readExpect(r, expectE.value, name);
  void baseDir;
  return { name, pos: r.pos(node), now: readNow(r, e.get('now')?.value ?? null, e.has('now')), data, replace, query, append, expect, kind: 'case', node };
}

function readExpect(r: Reader, node: Node, caseName: string): ExpectSpec {
  const e = new Map(r.entries(node, `the 'expect' of case '${caseName}'`, EXPECT_KEYS).map((x) => [x.key, x]));
  if (e.size === 0) r.error(node, `case '${caseName}' expects nothing: give fires, count, columns, rows or contains`);
  const out: { -readonly [K in keyof ExpectSpec]: ExpectSpec[K] } = { pos: r.pos(node) };
  const fires = e.get('fires');
  if (fires) {
    const v = r.js(fires.value);
    if (typeof v !== 'boolean') r.error(fires.value ?? fires.keyNode, "'fires' is true or false");
    else out.fires = v;
  }
  const count = e.get('count');
  if (count) {
    const v = r.js(count.value);
    if (typeof v !== 'bigint' || v < 0n) r.error(count.value ?? count.keyNode, "'count' is a whole number ≥ 0");
    else out.count = Number(v);
  }
  const columns = e.get('columns');
  if (columns) {
    const v = r.js(columns.value);
    if (!Array.isArray(v) || v.some((c) => typeof c !== 'string')) r.error(columns.value ?? columns.keyNode, "'columns' is a list of column names");
    else out.columns = v as string[];
  }
  if (e.get('rows')) out.rows = readRows(r, e.get('rows')!.value, "'rows'");
  if (e.get('contains')) out.contains = readRows(r, e.get('contains')!.value, "'contains'");
  const ordered = e.get('ordered');
  if (ordered) {
    const v = r.js(ordered.value);
    if (typeof v === 'boolean' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))) out.ordered = v as OrderSpec;
    else r.error(ordered.value ?? ordered.keyNode, "'ordered' is true, false, or a list of the sort-key columns (rows tied on them may come in any order)");
    if (!e.get('rows')) r.error(ordered.keyNode, "'ordered' applies to 'rows'");
    out.orderedPos = r.pos(ordered.value ?? ordered.keyNode);
  }
  return out;
}

/**
 * Sigma-style shorthand: `match:` / `dont-match:` list rows, each of which alone (over the file's `data`) must make
 * the rule fire / not fire. An item is `{ Table: { row } }` (one key naming the table), or a bare row when the
 * file says `table: Name`.
 */
function readShorthand(r: Reader, node: Node | null, keyNode: Node, kind: 'match' | 'dont-match', defaultTable: string | undefined): CaseSpec[] {
  if (!node || !isSeq(node) || node.items.length === 0) {
    r.error(node ?? keyNode, `'${kind}' must be a non-empty list of rows`);
    return [];
  }
  const out: CaseSpec[] = [];
  for (const item of node.items) {
    const n = r.deref(item);
    if (!n || !isMap(n)) {
      r.error(n ?? keyNode, `each '${kind}' item is a row: { Table: { Column: value, ... } }, or a bare row with 'table:' set`);
      continue;
    }
    let table = defaultTable;
    let rowNode: Node = n;
    const only = n.items.length === 1 ? n.items[0]! : undefined;
    const inner = only ? r.deref(only.value) : null;
    if (only && isScalar(only.key) && inner && isMap(inner)) {
      table = String(only.key.value);
      rowNode = inner;
    } else if (!table) {
      r.error(n, `this '${kind}' row names no table: write it as { Table: { ... } } or set 'table:' at the top of the file`);
      continue;
    }
    const row = readRow(r, rowNode);
    if (!row) continue;
    const pos = r.pos(n);
    const summary = Object.entries(row.values)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) : String(v)}`)
      .join(', ');
    const short = summary.length > 70 ? summary.slice(0, 69) + '…' : summary;
    out.push({
      name: `${kind === 'match' ? 'fires on' : 'does not fire on'} ${table} { ${short} }`,
      pos,
      data: [{ table: table!, pos, rows: [row] }],
      replace: [],
      expect: { pos, fires: kind === 'match' },
      kind,
      node: n,
    });
  }
  return out;
}
