// AST → canonical KQL text. Invariant (checked by test/property/parser-roundtrip.test.ts): for every AST that
// parse() can produce, parse(print(ast)) is the same AST up to spans. Parentheses come from Paren nodes; the
// printer adds its own only where an AST built by hand would otherwise read back differently.

import type {
  Assignment,
  ColumnDecl,
  ColumnPattern,
  DynamicNode,
  Expression,
  Identifier,
  Lambda,
  LetStatement,
  MvExpandItem,
  OperatorParam,
  ScalarTypeRef,
  Script,
  SortKey,
  Statement,
  TabularOperator,
  TabularTypeRef,
} from './ast.js';

export function print(script: Script): string {
  return script.statements.map(printStatement).join(';\n');
}

function printStatement(s: Statement): string {
  switch (s.kind) {
    case 'Let':
      return printLet(s);
    case 'QueryStatement':
      return expr(s.expression, PREC.pipe);
    case 'UnsupportedStatement':
      return s.text;
  }
}

function printLet(s: LetStatement): string {
  const value = s.value.kind === 'Lambda' ? printLambda(s.value) : expr(s.value, PREC.pipe);
  return `let ${ident(s.name)} = ${value}`;
}

function printLambda(l: Lambda): string {
  const params = l.params
    .map((p) => {
      const type = p.type.kind === 'TabularType' ? tabularType(p.type) : scalarType(p.type);
      return `${ident(p.name)}:${type}${p.defaultValue ? ` = ${expr(p.defaultValue, PREC.or)}` : ''}`;
    })
    .join(', ');
  const lets = l.lets.map((x) => `${printLet(x)}; `).join('');
  return `(${params}) { ${lets}${expr(l.body, PREC.pipe)} }`;
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Words that cannot be written as a bare name (tokens.ts: reserved keywords and operator words). */
const RESERVED = new Set([
  'and', 'or', 'by', 'let', 'union', 'print', 'datatable', 'externaldata', 'find', 'matches',
  'true', 'false', 'TRUE', 'FALSE', 'True', 'False', 'in', 'between', 'has_any', 'has_all',
  'project-away', 'project-keep', 'project-rename', 'project-reorder', 'mv-expand', 'mv-apply', 'make-series',
]);
const STRING_OP_WORD = /^(?:has(?:prefix|suffix)?|contains|startswith|endswith)(?:_cs)?$/;
const NUMBER_LIKE = /^\d+(?:\.\d*)?(?:[A-Za-z]+|[eE][+-]?\d+)?$/;
const IDENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+[A-Za-z_][A-Za-z0-9_]*)$/;
const TYPED_LITERAL_WORD = /^(?:bool|boolean|int|int32|long|int64|real|double|decimal|datetime|date|timespan|time|guid|uniqueid|uuid)$/;

function isBareName(name: string): boolean {
  if (!IDENT.test(name) || RESERVED.has(name) || STRING_OP_WORD.test(name)) return false;
  if (/^hint$/.test(name)) return true;
  // `1d`, `2e5`: digit-led names that would lex as numbers or timespans.
  if (/^\d/.test(name) && NUMBER_LIKE.test(name) && !name.includes('_')) return false;
  return true;
}

function quoteName(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}']`;
}

function ident(id: Identifier): string {
  return !id.quoted && isBareName(id.name) ? id.name : quoteName(id.name);
}

/**
 * The name of an item right after an operator's parameters (`mv-expand kind = x`, `make-series kind = count()`):
 * written bare, a parameter word followed by `=` would read as the parameter (grammar/base.ts paramAhead).
 */
function itemName(id: Identifier, params: ReadonlySet<string>): string {
  return params.has(id.name) ? quoteName(id.name) : ident(id);
}
const MV_EXPAND_PARAMS = new Set(['kind', 'bagexpansion', 'with_itemindex']);
const MAKE_SERIES_PARAMS = new Set(['kind']);

/** A name used right before `(`: typed-literal words would lex as `int(...)` literals. */
function calleeName(id: Identifier): string {
  return TYPED_LITERAL_WORD.test(id.name) && !id.quoted ? id.name : ident(id);
}

function scalarType(t: ScalarTypeRef): string {
  return t.text;
}

function tabularType(t: TabularTypeRef): string {
  const parts = [...(t.wildcard ? ['*'] : []), ...t.columns.map(columnDecl)];
  return `(${parts.join(', ')})`;
}

function columnDecl(c: ColumnDecl): string {
  return `${ident(c.name)}:${scalarType(c.type)}`;
}

function pattern(p: ColumnPattern): string {
  return p.wildcard ? p.pattern : isBareName(p.pattern) ? p.pattern : quoteName(p.pattern);
}

// ---------------------------------------------------------------------------------------------------------------
// Literals

function stringLit(value: string, obfuscated?: boolean): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff))
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${obfuscated ? 'h' : ''}"${out}"`;
}

function realText(v: number): string {
  if (Number.isNaN(v)) return 'real(nan)';
  if (!Number.isFinite(v)) return v > 0 ? 'real(+inf)' : 'real(-inf)';
  const s = String(Math.abs(v));
  const body = /[.e]/.test(s) ? s.replace('e+', 'e') : `${s}.0`;
  return v < 0 || Object.is(v, -0) ? `-${body}` : body;
}

function dyn(n: DynamicNode): string {
  switch (n.kind) {
    case 'DynNull':
      return 'null';
    case 'DynArray':
      return `[${n.items.map(dyn).join(', ')}]`;
    case 'DynBag':
      return `{${n.entries.map((e) => `${stringLit(e.key)}: ${dyn(e.value)}`).join(', ')}}`;
    case 'TimespanLiteral':
      return n.ticks < 0n ? `-${n.text}` : n.text;
    default:
      // Signs are part of dynamic leaves (no unary operator inside dynamic()), so never parenthesise here.
      return exprText(n);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

const PREC = { pipe: 0, or: 1, and: 2, cmp: 3, add: 4, mul: 5, unary: 6, postfix: 7, primary: 8 } as const;

function precOf(e: Expression): number {
  switch (e.kind) {
    case 'Pipeline':
    case 'Datatable':
    case 'Print':
    case 'Range':
    case 'Union':
    case 'Externaldata':
    case 'Evaluate':
    case 'Find':
      return PREC.pipe;
    case 'Binary':
      return binaryPrec(e.op);
    case 'ListOp':
    case 'Between':
      return PREC.cmp;
    case 'Unary':
      return PREC.unary;
    case 'Member':
    case 'Index':
      return PREC.postfix;
    case 'LongLiteral':
    case 'RealLiteral':
      // A negative number prints with a leading '-' and reads back as a unary minus.
      return e.value < 0 || Object.is(e.value, -0) ? PREC.unary : PREC.primary;
    default:
      return PREC.primary;
  }
}

function binaryPrec(op: string): number {
  if (op === 'or') return PREC.or;
  if (op === 'and') return PREC.and;
  if (op === '+' || op === '-') return PREC.add;
  if (op === '*' || op === '/' || op === '%') return PREC.mul;
  return PREC.cmp;
}

/** Prints `e` in a position that accepts precedence `min` or tighter, adding parentheses otherwise. */
function expr(e: Expression, min: number): string {
  const text = exprText(e);
  return precOf(e) < min ? `(${text})` : text;
}

function args(list: readonly Expression[]): string {
  return `(${list.map((a) => expr(a, PREC.pipe)).join(', ')})`;
}

/** Nodes whose first child is printed first (or, for Unary, last) and may repeat without brackets: `a+b+c`, `x.a.b`. */
type ChainNode = Extract<Expression, { kind: 'Binary' | 'ListOp' | 'Between' | 'Member' | 'Index' | 'Unary' }>;

function isChainNode(e: Expression): e is ChainNode {
  return e.kind === 'Binary' || e.kind === 'ListOp' || e.kind === 'Between' || e.kind === 'Member' || e.kind === 'Index' || e.kind === 'Unary';
}

function chainChild(e: ChainNode): Expression {
  return e.kind === 'Member' || e.kind === 'Index' ? e.target : e.kind === 'Unary' ? e.operand : e.left;
}

/**
 * Prints a chain (`1 + 1 + ... + 1`, `x.a.b...`, `- - x`) in a loop: such chains are as long as the query, not as
 * deep as its brackets (src/parser/nesting.ts), so recursing on them could overflow the stack.
 */
function chainText(top: ChainNode): string {
  const spine: ChainNode[] = [];
  let base: Expression = top;
  while (isChainNode(base)) {
    spine.push(base);
    base = chainChild(base);
  }
  let child: Expression = base;
  let text = exprText(base);
  for (let i = spine.length - 1; i >= 0; i--) {
    const e = spine[i]!;
    const inner = (min: number) => (precOf(child) < min ? `(${text})` : text);
    switch (e.kind) {
      case 'Binary': {
        const p = binaryPrec(e.op);
        text = `${inner(p)} ${e.op} ${expr(e.right, p + 1)}`;
        break;
      }
      case 'ListOp':
        text = `${inner(PREC.cmp)} ${e.op} ${args(e.items)}`;
        break;
      case 'Between':
        text = `${inner(PREC.cmp)} ${e.negated ? '!between' : 'between'} (${expr(e.low, PREC.add)} .. ${expr(e.high, PREC.add)})`;
        break;
      case 'Member':
        text = `${inner(PREC.postfix)}.${ident(e.member)}`;
        break;
      case 'Index':
        text = `${inner(PREC.postfix)}[${expr(e.index, PREC.or)}]`;
        break;
      case 'Unary': {
        const operand = inner(PREC.unary);
        // `- -x` must not print as `--x`... which still lexes as two minuses, but keep a space for readability.
        text = `${e.op}${operand.startsWith('-') || operand.startsWith('+') ? ' ' : ''}${operand}`;
        break;
      }
    }
    child = e;
  }
  return text;
}

function exprText(e: Expression): string {
  if (isChainNode(e)) return chainText(e);
  switch (e.kind) {
    case 'Name':
      if (e.wildcard) return e.name;
      return e.name === '' ? '' : !e.quoted && isBareName(e.name) ? e.name : quoteName(e.name);
    case 'JoinSide':
      return `$${e.side}.${ident(e.name)}`;
    case 'StringLiteral':
      return stringLit(e.value, e.obfuscated);
    case 'LongLiteral':
      return e.value.toString();
    case 'RealLiteral':
      return realText(e.value);
    case 'BoolLiteral':
      return e.value ? 'true' : 'false';
    case 'TimespanLiteral':
      return e.ticks < 0n ? `-${e.text}` : e.text;
    case 'TypedLiteral':
      return `${e.type.text}(${e.text ?? 'null'})`;
    case 'DynamicLiteral':
      return `dynamic(${dyn(e.value)})`;
    case 'Call':
      return `${calleeName(e.callee)}${args(e.args)}`;
    case 'Star':
      return '*';
    case 'NamedArg':
      return `${ident(e.name)} = ${expr(e.value, PREC.or)}`;
    case 'TypeOf':
      return `typeof(${scalarType(e.type)})`;
    case 'Paren':
      return `(${expr(e.expression, PREC.pipe)})`;
    case 'Pipeline':
      return [expr(e.source, PREC.pipe), ...e.operators.map(operator)].join(' | ');
    case 'Datatable':
      return `datatable(${e.columns.map(columnDecl).join(', ')}) [${e.values.map((v) => expr(v, PREC.or)).join(', ')}]`;
    case 'Print':
      return `print ${assignments(e.items)}`;
    case 'Range':
      return `range ${ident(e.column)} from ${expr(e.from, PREC.or)} to ${expr(e.to, PREC.or)} step ${expr(e.step, PREC.or)}`;
    case 'Union':
      return `union ${params(e.params)}${e.tables.map(unionTable).join(', ')}`;
    case 'Externaldata':
      return `externaldata(${e.columns.map(columnDecl).join(', ')}) [${e.uris.map((v) => expr(v, PREC.or)).join(', ')}]${
        e.properties.length ? ` with (${e.properties.map(param).join(', ')})` : ''
      }`;
    case 'Evaluate':
      return `evaluate ${params(e.params)}${exprText(e.call)}${e.schema ? ` : ${tabularType(e.schema)}` : ''}`;
    case 'Find':
      return e.text;
  }
}

function unionTable(t: Expression): string {
  return t.kind === 'Name' && t.wildcard ? t.name : expr(t, PREC.postfix);
}

function param(p: OperatorParam): string {
  return `${p.name}=${expr(p.value, PREC.primary)}`;
}

function params(list: readonly OperatorParam[]): string {
  return list.map((p) => `${param(p)} `).join('');
}

function assignment(a: Assignment): string {
  const value = expr(a.expression, PREC.or);
  if (a.names.length === 0) return value;
  if (a.names.length === 1) return `${ident(a.names[0]!)} = ${value}`;
  return `(${a.names.map(ident).join(', ')}) = ${value}`;
}

function assignments(list: readonly Assignment[]): string {
  return list.map(assignment).join(', ');
}

function sortKey(k: SortKey): string {
  return `${expr(k.expression, PREC.or)}${k.order ? ` ${k.order}` : ''}${k.nulls ? ` nulls ${k.nulls}` : ''}`;
}

function mvItem(i: MvExpandItem): string {
  return `${i.name ? `${itemName(i.name, MV_EXPAND_PARAMS)} = ` : ''}${expr(i.expression, PREC.or)}${i.toType ? ` to typeof(${scalarType(i.toType)})` : ''}`;
}

function operator(op: TabularOperator): string {
  switch (op.kind) {
    case 'Where':
      return `${op.keyword} ${expr(op.predicate, PREC.or)}`;
    case 'Extend':
      return `extend ${assignments(op.items)}`;
    case 'Project':
      return `project ${assignments(op.items)}`;
    case 'ProjectAway':
      return `project-away ${op.columns.map(pattern).join(', ')}`;
    case 'ProjectKeep':
      return `project-keep ${op.columns.map(pattern).join(', ')}`;
    case 'ProjectRename':
      return `project-rename ${op.items.map((i) => `${ident(i.newName)} = ${ident(i.oldName)}`).join(', ')}`;
    case 'ProjectReorder':
      return `project-reorder ${op.columns.map((c) => `${pattern(c.column)}${c.order ? ` ${c.order}` : ''}`).join(', ')}`;
    case 'Summarize': {
      const by = op.by.length ? `${op.aggregates.length ? ' ' : ''}by ${assignments(op.by)}` : '';
      return `summarize ${params(op.params)}${assignments(op.aggregates)}${by}`;
    }
    case 'Sort':
      return `${op.keyword} by ${op.keys.map(sortKey).join(', ')}`;
    case 'Top':
      return `top ${expr(op.count, PREC.or)} by ${op.keys.map(sortKey).join(', ')}`;
    case 'Take':
      return `${op.keyword} ${expr(op.count, PREC.or)}`;
    case 'Count':
      return 'count';
    case 'Distinct':
      return `distinct ${op.columns === '*' ? '*' : op.columns.map((c) => expr(c, PREC.or)).join(', ')}`;
    case 'Join':
    case 'Lookup': {
      const on = op.on.length ? ` on ${op.on.map((c) => expr(c, PREC.or)).join(', ')}` : '';
      return `${op.kind === 'Join' ? 'join' : 'lookup'} ${params(op.params)}${expr(op.right, PREC.postfix)}${on}`;
    }
    case 'Union':
      return exprText(op);
    case 'MvExpand':
      return `mv-expand ${params(op.params)}${op.items.map(mvItem).join(', ')}${op.limit ? ` limit ${expr(op.limit, PREC.or)}` : ''}`;
    case 'MvApply': {
      const inner = op.subquery.kind === 'Paren' ? op.subquery.expression : op.subquery;
      const sub = inner.kind === 'Pipeline' && inner.source.kind === 'Name' && inner.source.name === ''
        ? inner.operators.map(operator).join(' | ')
        : expr(inner, PREC.pipe);
      return `mv-apply ${params(op.params)}${op.items.map(mvItem).join(', ')}${op.limit ? ` limit ${expr(op.limit, PREC.or)}` : ''} on (${sub})`;
    }
    case 'MakeSeries': {
      const aggs = op.aggregates
        .map((a) => `${a.name ? `${itemName(a.name, MAKE_SERIES_PARAMS)} = ` : ''}${expr(a.expression, PREC.or)}${a.defaultValue ? ` default = ${expr(a.defaultValue, PREC.or)}` : ''}`)
        .join(', ');
      const axis = op.inRange
        ? ` in range(${expr(op.inRange.start, PREC.or)}, ${expr(op.inRange.stop, PREC.or)}, ${expr(op.inRange.step, PREC.or)})`
        : `${op.from ? ` from ${expr(op.from, PREC.or)}` : ''}${op.to ? ` to ${expr(op.to, PREC.or)}` : ''} step ${expr(op.step ?? { kind: 'Name', name: '', quoted: false, span: op.span }, PREC.or)}`;
      const by = op.by.length ? ` by ${assignments(op.by)}` : '';
      return `make-series ${params(op.params)}${aggs} on ${expr(op.on, PREC.add)}${axis}${by}`;
    }
    case 'Render':
      return `render ${ident(op.chart)}${op.properties.length ? ` with (${op.properties.map(param).join(', ')})` : ''}`;
    case 'Parse': {
      const parts = op.pattern.map((p) =>
        p.kind === 'StringLiteral' ? exprText(p) : p.kind === 'Star' ? '*' : `${ident(p.name)}${p.type ? `:${scalarType(p.type)}` : ''}`,
      );
      return `parse ${params(op.params)}${expr(op.source, PREC.or)} with ${parts.join(' ')}`;
    }
    case 'As':
      return `as ${params(op.params)}${ident(op.name)}`;
    case 'Invoke':
      return `invoke ${exprText(op.call)}`;
    case 'Evaluate':
      return exprText(op);
    case 'Serialize':
      return `serialize${op.items.length ? ` ${assignments(op.items)}` : ''}`;
    case 'GetSchema':
      return 'getschema';
    case 'Sample':
      return `sample ${expr(op.count, PREC.or)}`;
  }
}
