// The rule linter: hints about a query's text that binding does not catch — matches broader than they look, reads
// that scan more than they need, comparisons that miss real values. Each hint has an id from hints.ts and the
// span of the text it is about. Syntax only (plus the table schemas the Database knows), so it runs without data.

import { getDomain, parse as parseDomain } from 'tldts';
import type { ast } from '../../index.js';
import { letValues, nodesOf, stringConstants, walk, type AnyNode } from './ast-walk.js';

export interface LintHint {
  readonly id: string;
  readonly level: 'warning' | 'note';
  readonly message: string;
  readonly span: ast.Span;
}

export interface LintContext {
  /** Table names the rule may read (anything else named at a pipeline's start is a let or a function). */
  readonly isTable: (name: string) => boolean;
  /** The scheduler already scopes the rows by time (a Sentinel scheduled rule): no time-filter hints. */
  readonly scheduledByTime?: boolean;
}

const TIME_COLUMNS = /^(TimeGenerated|Timestamp|EventTime|CreatedDateTime|ActivityDateTime|StartTime|EndTime|TimeCreated)$/i;
/** Fields whose values come in varying case: addresses, user names, host, domain, device and file names [U]. */
const CASE_VARYING = /(Upn|UserPrincipalName|EmailAddress|FromAddress|MailFromAddress|Domain|^Url$|Host(Name)?$|DeviceName|^Computer$|AccountName|FileName|FolderPath|CommandLine|RecipientAddress|SenderAddress)$/;

function hint(id: string, level: 'warning' | 'note', message: string, span: ast.Span): LintHint {
  return { id, level, message, span };
}

function isDomain(s: string): boolean {
  if (!/^[a-z0-9.-]+$/i.test(s) || !s.includes('.') || s.startsWith('.') || s.endsWith('.')) return false;
  const p = parseDomain(s, { allowPrivateDomains: true });
  return Boolean(p.isIcann || p.isPrivate);
}

/** One example host the operator matches whose registrable domain is not the needle's, and what to write instead. */
function broaderHost(op: string, needle: string): { host: string; why: string } | undefined {
  const own = getDomain(needle, { allowPrivateDomains: true });
  const publicSuffix = parseDomain(needle, { allowPrivateDomains: true }).publicSuffix === needle;
  const ps = publicSuffix ? `; '${needle}' is itself a public suffix, so every name under it (tenant.${needle}) has its own registrant` : '';
  const base = op.replace(/^!/, '').replace(/_cs$/, '');
  if (base === 'has' || base === 'has_any' || base === 'has_all' || base === 'hasprefix' || base === 'startswith') {
    const host = `${needle}.evil-redirect.com`;
    return { host, why: `registrable domain ${getDomain(host)}, not ${own ?? needle}${ps}` };
  }
  if (base === 'endswith' || base === 'hassuffix' || base === 'contains') {
    const host = base === 'contains' ? `x${needle}.evil-redirect.com` : `x${needle}`;
    const other = getDomain(host, { allowPrivateDomains: true });
    if (other && other !== own) return { host, why: `registrable domain ${other}, not ${own ?? needle}${ps}` };
    return publicSuffix ? { host: `tenant.${needle}`, why: ps.slice(2) } : undefined;
  }
  return undefined;
}

export function lintQuery(script: ast.Script, text: string, ctx: LintContext): LintHint[] {
  const hints: LintHint[] = [];
  const lets = letValues(script);
  const opText = (n: { span: ast.Span }) => text.slice(n.span.start, n.span.end).replace(/\s+/g, ' ');

  // Domain lists and short needles: has / has_any / endswith / contains over string constants.
  walk(script, (n) => {
    if (n.kind !== 'Binary' && n.kind !== 'ListOp') return;
    const e = n as unknown as ast.BinaryExpr | ast.ListOpExpr;
    const op = e.op;
    if (!/^!?(has|has_any|has_all|hasprefix|hassuffix|endswith|startswith|contains)(_cs)?$/.test(op)) return;
    const needles = e.kind === 'Binary' ? stringConstants(e.right, lets) : e.items.flatMap((i) => stringConstants(i, lets) ?? []);
    if (!needles) return;
    const flagged: string[] = [];
    for (const nd of needles) {
      if (isDomain(nd.value)) {
        const b = broaderHost(op, nd.value);
        if (b) flagged.push(`'${nd.value}' also matches ${b.host} (${b.why})`);
      }
      if (/^!?(has|has_any|has_all|hasprefix|hassuffix)(_cs)?$/.test(op) && nd.value.length > 0 && nd.value.length < 3) {
        hints.push(hint('short-has-needle', 'note', `'${op} "${nd.value}"': terms shorter than 3 characters are not in the term index, so this scans every value`, nd.span));
      }
    }
    if (flagged.length > 0) {
      const more = flagged.length > 2 ? ` (and ${flagged.length - 2} more)` : '';
      hints.push(
        hint(
          'domain-match-too-broad',
          'warning',
          `${op} over domain names matches more than those domains: ${flagged.slice(0, 2).join('; ')}${more}. Compare the parsed host: Host == d or Host endswith strcat(".", d)`,
          e.span,
        ),
      );
    }
    if (/^!?contains(_cs)?$/.test(op) && e.kind === 'Binary' && e.right.kind === 'StringLiteral') {
      const v = e.right.value;
      // A needle that starts and ends with a delimiter only occurs as whole terms: has finds exactly the same rows.
      if (v.length >= 3 && /^[^a-z0-9]/i.test(v) && /[^a-z0-9]$/i.test(v) && /[a-z0-9]{3,}/i.test(v)) {
        hints.push(hint('contains-could-be-has', 'note', `'${opText(e)}': the needle is delimited on both sides, so '${op.replace('contains', 'has')}' gives the same answer using the term index`, e.span));
      } else if (/^[a-z0-9]{3,}$/i.test(v)) {
        hints.push(hint('contains-could-be-has', 'note', `'${opText(e)}' also matches '${v}' inside longer words; if you mean the whole term, '${op.replace('contains', 'has')}' is faster (term index)`, e.span));
      }
    }
  });

  // Case-sensitive equality on fields whose case varies.
  walk(script, (n) => {
    if (n.kind === 'Binary') {
      const e = n as unknown as ast.BinaryExpr;
      if ((e.op === '==' || e.op === '!=') && e.left.kind === 'Name' && CASE_VARYING.test(e.left.name) && e.right.kind === 'StringLiteral' && /[a-z]/i.test(e.right.value)) {
        hints.push(hint('case-sensitive-equality', 'warning', `'${opText(e)}' is case-sensitive, but ${e.left.name} values come in varying case ('${e.right.value.toUpperCase()}' would not match); use ${e.op === '==' ? '=~' : '!~'}`, e.span));
      }
      if (e.op === '==' && e.left.kind === 'Call' && /^tolower$/i.test(e.left.callee.name) && e.right.kind === 'StringLiteral') {
        hints.push(hint('bp-tolower-equality', 'note', `'${opText(e)}': write ${opText(e.left.args[0]!)} =~ "${e.right.value}" (same answer, no per-row conversion)`, e.span));
      }
    }
    if (n.kind === 'ListOp') {
      const e = n as unknown as ast.ListOpExpr;
      if ((e.op === 'in' || e.op === '!in') && e.left.kind === 'Name' && CASE_VARYING.test(e.left.name)) {
        const consts = e.items.flatMap((i) => stringConstants(i, lets) ?? []);
        if (consts.some((c) => /[a-z]/i.test(c.value))) {
          hints.push(hint('case-sensitive-equality', 'warning', `'${e.left.name} ${e.op} (...)' is case-sensitive, but ${e.left.name} values come in varying case; use ${e.op}~`, e.span));
        }
      }
    }
    if (n.kind === 'Call') {
      const c = n as unknown as ast.CallExpr;
      if (/^unixtime_(seconds|milliseconds|microseconds|nanoseconds)_todatetime$/i.test(c.callee.name)) {
        hints.push(hint('bp-unix-time-conversion', 'note', `${c.callee.name}() converts every row at query time; store the value as datetime at ingestion`, c.span));
      }
    }
  });

  // Searching every column.
  walk(script, (n) => {
    if (n.kind === 'Where') {
      let star = false;
      walk((n as unknown as ast.WhereOp).predicate, (m) => {
        if (m.kind === 'Binary' && (m as unknown as ast.BinaryExpr).left.kind === 'Star') star = true;
      });
      if (star) hints.push(hint('bp-search-all-columns', 'warning', `'${opText(n)}' searches every column: name the column you mean`, n.span));
    }
    if (n.kind === 'UnsupportedStatement' && /^search\b/i.test(String((n as unknown as ast.UnsupportedStatement).keyword))) {
      hints.push(hint('bp-search-all-columns', 'warning', "'search' looks in every column of every table: query the table and column you mean", n.span));
    }
  });

  // Time filters: every pipeline that starts at a table should narrow by time (unless the scheduler does).
  if (!ctx.scheduledByTime) {
    for (const p of nodesOf(script, 'Pipeline')) {
      const pipe = p as unknown as ast.Pipeline;
      const table = sourceTable(pipe.source, ctx);
      if (!table) continue;
      const joinIndex = pipe.operators.findIndex((o) => o.kind === 'Join' || o.kind === 'Lookup');
      if (!hasTimeFilter(pipe.operators)) {
        hints.push(hint('no-time-filter', 'warning', `${table} is read without a time filter: add '| where TimeGenerated > ago(…)' right after it`, pipe.source.span));
      }
      if (joinIndex >= 0) {
        const join = pipe.operators[joinIndex] as ast.JoinOp;
        const leftTimed = hasTimeFilter(pipe.operators.slice(0, joinIndex));
        const rightTimed = sideHasTimeFilter(join.right, lets);
        if (!leftTimed && !rightTimed) {
          hints.push(hint('join-without-time-bound', 'warning', `neither side of '${opText(join).slice(0, 40)}…' is limited in time: both tables are joined over all their rows`, join.span));
        }
      }
    }
  }

  // where over a column just computed by extend.
  for (const p of nodesOf(script, 'Pipeline')) {
    const ops = (p as unknown as ast.Pipeline).operators;
    const computed = new Map<string, ast.Expression>();
    for (const op of ops) {
      if (op.kind === 'Extend') for (const a of op.items) if (a.names.length === 1) computed.set(a.names[0]!.name, a.expression);
      if (op.kind === 'Where') {
        walk(op.predicate, (m) => {
          if (m.kind === 'Name' && computed.has((m as unknown as ast.NameRef).name)) {
            const name = (m as unknown as ast.NameRef).name;
            hints.push(hint('bp-filter-on-computed-column', 'note', `'${name}' is computed by extend for every row before this where; filtering a table column first (e.g. with has) lets the index skip rows`, m.span));
            computed.delete(name);
          }
        });
      }
      if (op.kind === 'Project' || op.kind === 'Summarize') computed.clear();
    }
  }

  // Tabular lets used twice without materialize().
  const uses = new Map<string, number>();
  walk(script, (n) => {
    if (n.kind === 'Name') uses.set((n as unknown as ast.NameRef).name, (uses.get((n as unknown as ast.NameRef).name) ?? 0) + 1);
  });
  walk(script, (n) => {
    if (n.kind !== 'Let') return;
    const l = n as unknown as ast.LetStatement;
    if (l.value.kind === 'Pipeline' && sourceTable(l.value.source, ctx) && (uses.get(l.name.name) ?? 0) >= 2) {
      hints.push(hint('bp-let-used-twice', 'note', `'${l.name.name}' is a tabular expression used ${uses.get(l.name.name)} times: materialize() computes it once`, l.name.span));
    }
  });

  return hints.sort((a, b) => a.span.start - b.span.start);
}

function sourceTable(source: ast.Expression, ctx: LintContext): string | undefined {
  return source.kind === 'Name' && !source.wildcard && ctx.isTable(source.name) ? source.name : undefined;
}

function hasTimeFilter(ops: readonly ast.TabularOperator[]): boolean {
  for (const op of ops) {
    if (op.kind !== 'Where') continue;
    let found = false;
    walk(op.predicate, (m: AnyNode) => {
      if (m.kind === 'Name' && TIME_COLUMNS.test((m as unknown as ast.NameRef).name)) found = true;
      if (m.kind === 'Call' && /^(ago|now)$/i.test((m as unknown as ast.CallExpr).callee.name)) found = true;
    });
    if (found) return true;
  }
  return false;
}

function sideHasTimeFilter(e: ast.Expression, lets: Map<string, ast.Expression | ast.Lambda>, depth = 0): boolean {
  if (depth > 5) return false;
  if (e.kind === 'Paren') return sideHasTimeFilter(e.expression, lets, depth + 1);
  if (e.kind === 'Pipeline') return hasTimeFilter(e.operators) || sideHasTimeFilter(e.source, lets, depth + 1);
  if (e.kind === 'Name') {
    const v = lets.get(e.name);
    return Boolean(v && v.kind !== 'Lambda' && sideHasTimeFilter(v, lets, depth + 1));
  }
  return false;
}
