// Graph operators: make-graph and graph-match (make-graph-operator.md, graph-match-operator.md). Kusto's arrows
// (`-->`, `<--`, `--`, `-[e]->`, `<-[e]-`, `-[e*1..3]-`) are read as runs of `-`, `<`, `>`, `[`, `]` written without
// spaces between them, which is how Kusto's lexer sees them (one token each).

import type { IToken, TokenType } from 'chevrotain';
import type { Expression, GraphEdge, GraphNode, GraphPattern, Identifier, NameRef, TabularOperator } from '../ast.js';
import * as T from '../tokens.js';
import { identifier, nameRef } from '../to-ast.js';
import { DROP_ON_ERROR } from './base.js';
import { CombineOperatorRules } from './operators-combine.js';
import { P_GRAPH_MATCH, P_KNOWN } from './params.js';

type NodeTable = { table: Expression; key: NameRef; span: { start: number; end: number } };

export abstract class GraphOperatorRules extends CombineOperatorRules {
  /** Whether the next tokens are `types`, each written right after the previous one. */
  protected adjacentAhead(...types: TokenType[]): boolean {
    let prev: IToken | undefined;
    for (let i = 0; i < types.length; i++) {
      const t = this.LA(i + 1);
      if (!this.is(t, types[i]!)) return false;
      if (prev && prev.startOffset + prev.image.length !== t.startOffset) return false;
      prev = t;
    }
    return true;
  }

  /** Whether the next token is written right after the last one consumed. */
  protected adjacentToPrevious(): boolean {
    const prev = this.LA(0);
    return prev.startOffset + prev.image.length === this.LA(1).startOffset;
  }

  /** `make-graph [params] Src --> Dst [with_node_id = Name | with Nodes on Key, ...] [partitioned-by Col (subquery)]`. */
  makeGraphOp = this.RULE('makeGraphOp', (): TabularOperator => {
    const first = this.CONSUME(T.MakeGraph);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const source = this.tok(T.AnyName, (t) => nameRef(identifier(t)));
    this.CONSUME(T.Minus);
    this.CONSUME2(T.Minus);
    const directed = this.OPTION({ GATE: () => this.adjacentToPrevious(), DEF: () => this.CONSUME(T.Gt) });
    const target = this.tok(T.AnyName, (t) => nameRef(identifier(t)), 1);
    let nodes: NodeTable[] = [];
    let nodeId: Identifier | undefined;
    this.OPTION2(() =>
      this.OR([
        {
          GATE: () => this.LA(1).image === 'with_node_id',
          ALT: () => {
            this.CONSUME2(T.AnyName);
            this.CONSUME(T.Eq);
            nodeId = this.SUBRULE(this.declName);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.With);
            nodes = this.commaList(this.graphNodeTable);
          },
        },
      ]),
    );
    const partitionedBy = this.OPTION3(() => {
      this.CONSUME(T.PartitionedBy);
      const column = this.tok(T.AnyName, (t) => nameRef(identifier(t)), 3);
      const subquery = this.SUBRULE(this.contextualSubquery);
      return this.ACTION(() => ({ column, subquery }));
    });
    return this.ACTION(() => ({
      kind: 'MakeGraph' as const,
      params,
      source,
      direction: directed ? ('-->' as const) : ('--' as const),
      target,
      nodes,
      ...(nodeId ? { nodeId } : {}),
      ...(partitionedBy ? { partitionedBy } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  /** `Nodes on Key`. */
  graphNodeTable = this.RULE(
    'graphNodeTable',
    (): NodeTable => {
      const first = this.LA(1);
      const table = this.SUBRULE(this.operand, { ARGS: [false] });
      this.CONSUME(T.On);
      const key = this.tok(T.AnyName, (t) => nameRef(identifier(t)));
      return this.ACTION(() => ({ table, key, span: this.spanFrom(first) }));
    },
    DROP_ON_ERROR,
  );

  /** `graph-match [params] pattern, ... [where Predicate] [project ...]`. */
  graphMatchOp = this.RULE('graphMatchOp', (): TabularOperator => {
    const first = this.CONSUME(T.GraphMatch);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_GRAPH_MATCH] });
    const patterns = this.commaList(this.graphPattern);
    const where = this.OPTION(() => {
      this.CONSUME(T.Where);
      return this.SUBRULE(this.expr);
    });
    const project = this.OPTION2(() => {
      this.CONSUME(T.Project);
      return this.SUBRULE(this.assignmentList);
    }) ?? [];
    return this.ACTION(() => ({ kind: 'GraphMatch' as const, params, patterns, ...(where ? { where } : {}), project, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `(a)-[e]->(b)<--(c)`: nodes and edges in order. */
  graphPattern = this.RULE('graphPattern', (): GraphPattern => {
    const first = this.LA(1);
    const elements: (GraphNode | GraphEdge)[] = [];
    this.AT_LEAST_ONE(() =>
      this.pushDefined(
        elements,
        this.OR([{ ALT: () => this.SUBRULE(this.graphNode) }, { ALT: () => this.SUBRULE(this.graphEdge) }]),
      ),
    );
    return this.ACTION(() => ({ kind: 'GraphPattern' as const, elements, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `(name)` or `()`. */
  graphNode = this.RULE('graphNode', (): GraphNode => {
    const first = this.CONSUME(T.LParen);
    const name = this.OPTION(() => this.SUBRULE(this.declName));
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'GraphNode' as const, ...(name ? { name } : {}), span: this.spanFrom(first) }));
  });

  /** `-->`, `<--`, `--`, or `-[name *min..max]->` and its `<-[…]-`, `-[…]-` forms. */
  graphEdge = this.RULE('graphEdge', (): GraphEdge => {
    const first = this.LA(1);
    const back = this.OPTION({ GATE: () => this.adjacentAhead(T.Lt, T.Minus), DEF: () => this.CONSUME(T.Lt) });
    this.CONSUME(T.Minus);
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.adjacentToPrevious() && this.is(this.LA(1), T.LBracket),
          ALT: () => {
            this.CONSUME(T.LBracket);
            const name = this.OPTION2(() => this.SUBRULE(this.declName));
            const range = this.OPTION3(() => this.SUBRULE(this.edgeRange));
            this.CONSUME(T.RBracket);
            this.CONSUME2(T.Minus);
            const forward = this.OPTION4({ GATE: () => !back && this.adjacentToPrevious() && this.is(this.LA(1), T.Gt), DEF: () => this.CONSUME(T.Gt) });
            return this.ACTION(() => ({
              kind: 'GraphEdge' as const,
              ...(name ? { name } : {}),
              direction: back ? ('<--' as const) : forward ? ('-->' as const) : ('--' as const),
              ...(range ? { range } : {}),
              span: this.spanFrom(first),
            }));
          },
        },
        {
          GATE: () => this.adjacentToPrevious() && this.is(this.LA(1), T.Minus),
          ALT: () => {
            this.CONSUME3(T.Minus);
            const forward = this.OPTION5({ GATE: () => !back && this.adjacentToPrevious() && this.is(this.LA(1), T.Gt), DEF: () => this.CONSUME2(T.Gt) });
            return this.ACTION(() => ({
              kind: 'GraphEdge' as const,
              direction: back ? ('<--' as const) : forward ? ('-->' as const) : ('--' as const),
              span: this.spanFrom(first),
            }));
          },
        },
      ],
    });
  });

  /** `*min..max`: how many hops a variable-length edge may take. */
  edgeRange = this.RULE('edgeRange', () => {
    this.CONSUME(T.Star);
    const min = this.SUBRULE(this.operand);
    this.CONSUME(T.DotDot);
    const max = this.SUBRULE2(this.operand);
    return { min, max };
  });
}
