// AST → canonical KQL text. Invariant (checked by test/property/parser-roundtrip.test.ts): for every AST that
// parse() can produce, parse(print(ast)) is the same AST up to spans. Parentheses come from Paren nodes; the
// printer adds its own only where an AST built by hand would otherwise read back differently.

import type {
  Assignment,
  DynamicNode,
  Expression,
  GraphEdge,
  GraphPattern,
  Lambda,
  LambdaParam,
  LetStatement,
  MvExpandItem,
  OperatorParam,
  ParsePatternPart,
  ScanStep,
  Script,
  SearchOp,
  SortKey,
  Statement,
  TabularOperator,
  TopNestedLevel,
} from './ast.js';
import {
  calleeName,
  columnDecl,
  firstItemName,
  ident,
  isBareName,
  pattern,
  quoteName,
  realText,
  scalarType,
  stringLit,
  tabularType,
} from './print-text.js';

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
  const lets = l.lets.map((x) => `${printLet(x)}; `).join('');
  return `${l.view ? 'view ' : ''}(${l.params.map(lambdaParam).join(', ')}) { ${lets}${expr(l.body, PREC.pipe)} }`;
}

/** `name:type [= default]` (lambdas, scan's declare, declare query_parameters). */
function lambdaParam(p: LambdaParam): string {
  const type = p.type.kind === 'TabularType' ? tabularType(p.type) : scalarType(p.type);
  return `${ident(p.name)}:${type}${p.defaultValue ? ` = ${expr(p.defaultValue, PREC.or)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Dynamic literals

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
    case 'Search':
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
      return `datatable${e.params ? ` ${params(e.params)}` : ''}(${e.columns.map(columnDecl).join(', ')}) [${e.values.map((v) => expr(v, PREC.or)).join(', ')}]`;
    case 'Print':
      return `print ${assignments(e.items)}`;
    case 'Range':
      return `range ${ident(e.column)} from ${expr(e.from, PREC.or)} to ${expr(e.to, PREC.or)} step ${expr(e.step, PREC.or)}`;
    case 'Union':
      return `union ${params(e.params)}${e.tables.map(unionTable).join(', ')}`;
    case 'Externaldata':
      return `externaldata${e.params ? ` ${params(e.params)}` : ''}(${e.columns.map(columnDecl).join(', ')}) [${e.uris.map((v) => expr(v, PREC.or)).join(', ')}]${
        e.properties.length ? ` with (${e.properties.map(param).join(', ')})` : ''
      }`;
    case 'Evaluate':
      return `evaluate ${params(e.params)}${exprText(e.call)}${e.schema ? ` : ${tabularType(e.schema)}` : ''}`;
    case 'Find':
      // Kept as written: `text` is part of the node, so the canonical form is the original text.
      return e.text;
    case 'Search':
      return searchText(e);
  }
}

function searchText(e: SearchOp): string {
  // `T | as X` in the list is written bare: Kusto reads no parenthesised subquery there.
  const table = (t: Expression) => (t.kind === 'Pipeline' ? [unionTable(t.source), ...t.operators.map(operator)].join(' | ') : unionTable(t));
  const tables = e.tables ? `in (${e.tables.map(table).join(', ')}) ` : '';
  // `search * and P` is its own form: P is read whole, so it is printed without the parentheses `and` would need.
  const p = e.predicate;
  const predicate = p.kind === 'Binary' && p.op === 'and' && p.left.kind === 'Star' ? `* and ${expr(p.right, PREC.or)}` : expr(p, PREC.or);
  return `search ${params(e.params)}${tables}${predicate}`;
}

function unionTable(t: Expression): string {
  return t.kind === 'Name' && t.wildcard ? t.name : expr(t, PREC.postfix);
}

function param(p: OperatorParam): string {
  const v = p.value;
  return `${p.name}=${v.kind === 'NameList' ? v.names.map(ident).join(', ') : expr(v, PREC.primary)}`;
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

/** The items of an operator with parameters: a first item named like a parameter is written quoted. */
function itemsAfterParams(list: readonly Assignment[]): string {
  return list.map((a, i) => (i === 0 && a.names.length === 1 ? `${firstItemName(a.names[0]!)} = ${expr(a.expression, PREC.or)}` : assignment(a))).join(', ');
}

function parsePattern(parts: readonly ParsePatternPart[]): string {
  return parts
    .map((p) => (p.kind === 'StringLiteral' ? exprText(p) : p.kind === 'Star' ? '*' : `${ident(p.name)}${p.type ? `:${scalarType(p.type)}` : ''}`))
    .join(' ');
}

/** `(op | op)` over an implicit table (mv-apply, partition, fork), or any other subquery as written. */
function contextual(subquery: Expression): string {
  const inner = subquery.kind === 'Paren' ? subquery.expression : subquery;
  const sub =
    inner.kind === 'Pipeline' && inner.source.kind === 'Name' && inner.source.name === ''
      ? inner.operators.map(operator).join(' | ')
      : expr(inner, PREC.pipe);
  return `(${sub})`;
}

function scanStep(s: ScanStep): string {
  const options = `${s.optional ? ' optional' : ''}${s.output ? ` output=${s.output}` : ''}`;
  const body = s.assignments.length ? ` => ${assignments(s.assignments)}` : '';
  return `step ${ident(s.name)}${options}: ${expr(s.condition, PREC.or)}${body};`;
}

function topNestedLevel(l: TopNestedLevel): string {
  const others = l.others ? ` with others = ${expr(l.others, PREC.or)}` : '';
  const order = `${l.order ? ` ${l.order}` : ''}${l.nulls ? ` nulls ${l.nulls}` : ''}`;
  return `top-nested${l.count ? ` ${expr(l.count, PREC.or)}` : ''} of ${assignment(l.of)}${others} by ${assignment(l.by)}${order}`;
}

function graphPattern(p: GraphPattern): string {
  return p.elements.map((e) => (e.kind === 'GraphNode' ? `(${e.name ? ident(e.name) : ''})` : graphEdge(e))).join('');
}

function graphEdge(e: GraphEdge): string {
  if (!e.name && !e.range) return e.direction;
  const inside = `${e.name ? ident(e.name) : ''}${e.range ? `${e.name ? ' ' : ''}*${expr(e.range.min, PREC.postfix)}..${expr(e.range.max, PREC.postfix)}` : ''}`;
  return e.direction === '-->' ? `-[${inside}]->` : e.direction === '<--' ? `<-[${inside}]-` : `-[${inside}]-`;
}

function sortKey(k: SortKey): string {
  return `${expr(k.expression, PREC.or)}${k.order ? ` ${k.order}` : ''}${k.nulls ? ` nulls ${k.nulls}` : ''}`;
}

function mvItem(i: MvExpandItem, index: number): string {
  const name = i.name ? `${index === 0 ? firstItemName(i.name) : ident(i.name)} = ` : '';
  return `${name}${expr(i.expression, PREC.or)}${i.toType ? ` to typeof(${scalarType(i.toType)})` : ''}`;
}

function optionalParams(list: readonly OperatorParam[] | undefined): string {
  return list ? params(list) : '';
}

function operator(op: TabularOperator): string {
  switch (op.kind) {
    case 'Where':
      return `${op.keyword} ${optionalParams(op.params)}${expr(op.predicate, PREC.or)}`;
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
      return `summarize ${params(op.params)}${itemsAfterParams(op.aggregates)}${by}`;
    }
    case 'Sort':
      return `${op.keyword} ${optionalParams(op.params)}by ${op.keys.map(sortKey).join(', ')}`;
    case 'Top':
      return `top ${optionalParams(op.params)}${expr(op.count, PREC.or)} by ${op.keys.map(sortKey).join(', ')}`;
    case 'Take':
      return `${op.keyword} ${optionalParams(op.params)}${expr(op.count, PREC.or)}`;
    case 'Count':
      return op.as ? `count as ${ident(op.as)}` : 'count';
    case 'Distinct': {
      const columns = op.columns === '*' ? '*' : op.columns.map((c, i) => (i === 0 && c.kind === 'NamedArg' ? `${firstItemName(c.name)} = ${expr(c.value, PREC.or)}` : expr(c, PREC.or)));
      return `distinct ${optionalParams(op.params)}${columns === '*' ? '*' : columns.join(', ')}`;
    }
    case 'Join':
    case 'Lookup': {
      const on = op.on.length ? ` on ${op.on.map((c) => expr(c, PREC.or)).join(', ')}` : '';
      const where = op.kind === 'Join' && op.where ? ` where ${expr(op.where, PREC.or)}` : '';
      return `${op.kind === 'Join' ? 'join' : 'lookup'} ${params(op.params)}${expr(op.right, PREC.postfix)}${on}${where}`;
    }
    case 'Union':
    case 'Evaluate':
    case 'Search':
    case 'Find':
      return exprText(op);
    case 'MvExpand':
      return `mv-expand ${params(op.params)}${op.items.map(mvItem).join(', ')}${op.limit ? ` limit ${expr(op.limit, PREC.or)}` : ''}`;
    case 'MvApply':
      return `mv-apply ${params(op.params)}${op.items.map(mvItem).join(', ')}${op.limit ? ` limit ${expr(op.limit, PREC.or)}` : ''} on ${contextual(op.subquery)}`;
    case 'MakeSeries': {
      const aggs = op.aggregates
        .map((a, i) => `${a.name ? `${i === 0 ? firstItemName(a.name) : ident(a.name)} = ` : ''}${expr(a.expression, PREC.or)}${a.defaultValue ? ` default = ${expr(a.defaultValue, PREC.or)}` : ''}`)
        .join(', ');
      const axis = op.inRange
        ? ` in range(${expr(op.inRange.start, PREC.or)}, ${expr(op.inRange.stop, PREC.or)}, ${expr(op.inRange.step, PREC.or)})`
        : `${op.from ? ` from ${expr(op.from, PREC.or)}` : ''}${op.to ? ` to ${expr(op.to, PREC.or)}` : ''} step ${expr(op.step ?? { kind: 'Name', name: '', quoted: false, span: op.span }, PREC.or)}`;
      const by = op.by.length ? ` by ${assignments(op.by)}` : '';
      return `make-series ${params(op.params)}${aggs} on ${expr(op.on, PREC.add)}${axis}${by}`;
    }
    case 'Render': {
      const by = op.by ? ` by ${op.by.map(ident).join(', ')}` : '';
      return `render ${ident(op.chart)}${by}${op.properties.length ? ` with (${op.properties.map(param).join(', ')})` : ''}`;
    }
    case 'Reduce':
      return `reduce ${params(op.params)}by ${assignment(op.by)}${op.properties.length ? ` with ${op.properties.map(param).join(', ')}` : ''}`;
    case 'Parse':
      return `parse ${params(op.params)}${expr(op.source, PREC.or)} with ${parsePattern(op.pattern)}`;
    case 'ParseWhere':
      return `parse-where ${params(op.params)}${expr(op.source, PREC.or)} with ${parsePattern(op.pattern)}`;
    case 'ParseKv':
      return `parse-kv ${expr(op.source, PREC.or)} as (${op.columns.map(columnDecl).join(', ')})${
        op.properties.length ? ` with (${op.properties.map(param).join(', ')})` : ''
      }`;
    case 'As':
      return `as ${params(op.params)}${ident(op.name)}`;
    case 'Invoke':
      return `invoke ${exprText(op.call)}`;
    case 'Serialize':
      return `serialize${op.params ? ` ${params(op.params).trimEnd()}` : ''}${op.items.length ? ` ${itemsAfterParams(op.items)}` : ''}`;
    case 'GetSchema':
      return `getschema${op.params ? ` ${params(op.params).trimEnd()}` : ''}`;
    case 'Sample':
      return `sample ${optionalParams(op.params)}${expr(op.count, PREC.or)}`;
    case 'SampleDistinct':
      return `sample-distinct ${optionalParams(op.params)}${expr(op.count, PREC.or)} of ${assignment(op.of)}`;
    case 'TopNested':
      return op.levels.map(topNestedLevel).join(', ');
    case 'TopHitters':
      return `top-hitters ${expr(op.count, PREC.or)} of ${assignment(op.of)}${op.by ? ` by ${assignment(op.by)}` : ''}`;
    case 'Scan': {
      const order = op.orderBy ? `order by ${op.orderBy.map(sortKey).join(', ')} ` : '';
      const partition = op.partitionBy ? `partition by ${op.partitionBy.map((e) => expr(e, PREC.or)).join(', ')} ` : '';
      const declare = op.declare.length ? `declare (${op.declare.map(lambdaParam).join(', ')}) ` : '';
      return `scan ${params(op.params)}${order}${partition}${declare}with (${op.steps.map(scanStep).join(' ')})`;
    }
    case 'Partition': {
      const scope = op.scope ? ` in ${expr(op.scope, PREC.postfix)}` : '';
      const body = op.braces ? `{ ${expr(op.subquery, PREC.pipe)} }` : contextual(op.subquery);
      return `partition ${params(op.params)}by ${expr(op.by, PREC.postfix)}${scope} ${body}`;
    }
    case 'Fork':
      return `fork ${op.branches.map((b) => `${b.name ? `${ident(b.name)} = ` : ''}${contextual(b.subquery)}`).join(' ')}`;
    case 'MakeGraph': {
      const nodes = op.nodeId
        ? ` with_node_id=${ident(op.nodeId)}`
        : op.nodes.length
          ? ` with ${op.nodes.map((n) => `${expr(n.table, PREC.postfix)} on ${exprText(n.key)}`).join(', ')}`
          : '';
      const partitioned = op.partitionedBy ? ` partitioned-by ${exprText(op.partitionedBy.column)} ${contextual(op.partitionedBy.subquery)}` : '';
      return `make-graph ${params(op.params)}${exprText(op.source)} ${op.direction} ${exprText(op.target)}${nodes}${partitioned}`;
    }
    case 'GraphMatch': {
      const where = op.where ? ` where ${expr(op.where, PREC.or)}` : '';
      const project = op.project.length ? ` project ${assignments(op.project)}` : '';
      return `graph-match ${params(op.params)}${op.patterns.map(graphPattern).join(', ')}${where}${project}`;
    }
  }
}
