// KqlParser: the grammar's last layer. It holds the operator table (which rule reads each tabular operator after a
// `|`) and runs chevrotain's self-analysis once every layer has defined its rules.

import type { IOrAlt } from 'chevrotain';
import type { TabularOperator } from '../ast.js';
import type { GrammarOptions } from './base.js';
import { GraphOperatorRules } from './operators-graph.js';

export class KqlParser extends GraphOperatorRules {
  private operatorTable: IOrAlt<TabularOperator>[] | undefined;

  /**
   * Every tabular operator, one rule each; they all start with their own keyword. The table is an OR inlined into
   * the rules that read operators (pipelines, mv-apply subqueries) rather than a rule of its own, which saves calls
   * per level of nested subqueries; it is built once (chevrotain's advice for large ORs).
   */
  protected operatorAlternatives(): IOrAlt<TabularOperator>[] {
    this.operatorTable ??= [
      { ALT: () => this.SUBRULE(this.whereOp) },
      { ALT: () => this.SUBRULE(this.extendOp) },
      { ALT: () => this.SUBRULE(this.projectOp) },
      { ALT: () => this.SUBRULE(this.projectAwayOp) },
      { ALT: () => this.SUBRULE(this.projectKeepOp) },
      { ALT: () => this.SUBRULE(this.projectRenameOp) },
      { ALT: () => this.SUBRULE(this.projectReorderOp) },
      { ALT: () => this.SUBRULE(this.summarizeOp) },
      { ALT: () => this.SUBRULE(this.sortOp) },
      { ALT: () => this.SUBRULE(this.topOp) },
      { ALT: () => this.SUBRULE(this.takeOp) },
      { ALT: () => this.SUBRULE(this.countOp) },
      { ALT: () => this.SUBRULE(this.distinctOp) },
      { ALT: () => this.SUBRULE(this.joinOp) },
      { ALT: () => this.SUBRULE(this.unionOp) },
      { ALT: () => this.SUBRULE(this.mvExpandOp) },
      { ALT: () => this.SUBRULE(this.mvApplyOp) },
      { ALT: () => this.SUBRULE(this.makeSeriesOp) },
      { ALT: () => this.SUBRULE(this.renderOp) },
      { ALT: () => this.SUBRULE(this.parseOp) },
      { ALT: () => this.SUBRULE(this.asOp) },
      { ALT: () => this.SUBRULE(this.invokeOp) },
      { ALT: () => this.SUBRULE(this.evaluateOp) },
      { ALT: () => this.SUBRULE(this.serializeOp) },
      { ALT: () => this.SUBRULE(this.getSchemaOp) },
      { ALT: () => this.SUBRULE(this.sampleOp) },
      { ALT: () => this.SUBRULE(this.searchOp) },
      { ALT: () => this.SUBRULE(this.findExpr) },
      { ALT: () => this.SUBRULE(this.parseKvOp) },
      { ALT: () => this.SUBRULE(this.parseWhereOp) },
      { ALT: () => this.SUBRULE(this.scanOp) },
      { ALT: () => this.SUBRULE(this.topNestedOp) },
      { ALT: () => this.SUBRULE(this.topHittersOp) },
      { ALT: () => this.SUBRULE(this.sampleDistinctOp) },
      { ALT: () => this.SUBRULE(this.partitionOp) },
      { ALT: () => this.SUBRULE(this.forkOp) },
      { ALT: () => this.SUBRULE(this.makeGraphOp) },
      { ALT: () => this.SUBRULE(this.graphMatchOp) },
      { ALT: () => this.SUBRULE(this.reduceOp) },
    ];
    return this.operatorTable;
  }

  constructor(options: GrammarOptions = {}) {
    super(options);
    this.performSelfAnalysis();
  }
}
