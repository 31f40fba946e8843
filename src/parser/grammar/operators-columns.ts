// Tabular operators that compute, select, rename or split columns: extend, project and its variants, parse,
// parse-where, parse-kv, mv-expand, serialize. One rule per operator (docs: <operator>-operator.md, Syntax section).

import type {
  ColumnPattern,
  Expression,
  Identifier,
  MvExpandItem,
  ParsePatternPart,
  ProjectRenameOp,
  ProjectReorderOp,
  ScalarTypeRef,
  TabularOperator,
} from '../ast.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { tokenSpan } from '../to-ast.js';
import { P_KNOWN, P_PARSE } from './params.js';
import { QueryRules } from './queries.js';


type ReorderItem = ProjectReorderOp['columns'][number];
type RenameItem = ProjectRenameOp['items'][number];

export abstract class ColumnOperatorRules extends QueryRules {
  extendOp = this.RULE('extendOp', (): TabularOperator => {
    const first = this.CONSUME(T.Extend);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION(() => ({ kind: 'Extend' as const, items, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  projectOp = this.RULE('projectOp', (): TabularOperator => {
    const first = this.CONSUME(T.Project);
    const items = this.SUBRULE(this.assignmentList);
    return this.ACTION(() => ({ kind: 'Project' as const, items, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  projectAwayOp = this.RULE('projectAwayOp', (): TabularOperator => {
    const first = this.CONSUME(T.ProjectAway);
    const columns = this.SUBRULE(this.columnPatternList);
    return this.ACTION(() => ({ kind: 'ProjectAway' as const, columns, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  projectKeepOp = this.RULE('projectKeepOp', (): TabularOperator => {
    const first = this.CONSUME(T.ProjectKeep);
    const columns = this.SUBRULE(this.columnPatternList);
    return this.ACTION(() => ({ kind: 'ProjectKeep' as const, columns, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  projectRenameOp = this.RULE('projectRenameOp', (): TabularOperator => {
    const first = this.CONSUME(T.ProjectRename);
    const items = this.commaList(this.renameItem);
    return this.ACTION(() => ({ kind: 'ProjectRename' as const, items, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `NewName = OldName`. */
  renameItem = this.RULE('renameItem', (): RenameItem => {
    const first = this.LA(1);
    const newName = this.SUBRULE(this.nameThenEq);
    const oldName = this.SUBRULE(this.declName);
    return this.ACTION(() => ({ newName, oldName, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  projectReorderOp = this.RULE('projectReorderOp', (): TabularOperator => {
    const first = this.CONSUME(T.ProjectReorder);
    const columns = this.commaList(this.reorderItem);
    return this.ACTION(() => ({ kind: 'ProjectReorder' as const, columns, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  reorderItem = this.RULE('reorderItem', (): ReorderItem => {
    const first = this.LA(1);
    const column: ColumnPattern = this.SUBRULE(this.columnPattern);
    let order: ReorderItem['order'];
    this.OPTION(() => {
      const t = this.OR([
        { ALT: () => this.CONSUME(T.Asc) },
        { ALT: () => this.CONSUME(T.Desc) },
        { ALT: () => this.CONSUME(T.GrannyAsc) },
        { ALT: () => this.CONSUME(T.GrannyDesc) },
      ]);
      order = this.ACTION(() => t.image as ReorderItem['order']);
    });
    return this.ACTION(() => (order ? { column, order, span: this.spanFrom(first) } : { column, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `parse kind=regex flags=Ui Source with "x" Col1:long "y" * ...`. */
  parseOp = this.RULE('parseOp', (): TabularOperator => {
    const first = this.CONSUME(T.Parse);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_PARSE] });
    const source = this.SUBRULE(this.expr);
    const pattern = this.SUBRULE(this.parsePattern);
    return this.ACTION(() => ({ kind: 'Parse' as const, params, source, pattern, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `parse-where`: parse that keeps only the rows the pattern matches. */
  parseWhereOp = this.RULE('parseWhereOp', (): TabularOperator => {
    const first = this.CONSUME(T.ParseWhere);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_PARSE] });
    const source = this.SUBRULE(this.expr);
    const pattern = this.SUBRULE(this.parsePattern);
    return this.ACTION(() => ({ kind: 'ParseWhere' as const, params, source, pattern, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `with "text" Column:type * ...`. */
  parsePattern = this.RULE(
    'parsePattern',
    (): ParsePatternPart[] => {
      this.CONSUME(T.With);
      const pattern: ParsePatternPart[] = [];
      this.AT_LEAST_ONE(() => this.pushDefined(pattern, this.SUBRULE(this.parsePatternPart)));
      return pattern;
    },
    { recoveryValueFunc: () => [] },
  );

  /** `parse-kv Source as (key:type, ...) [with (pair_delimiter=",", kv_delimiter="=", ...)]`. */
  parseKvOp = this.RULE('parseKvOp', (): TabularOperator => {
    const first = this.CONSUME(T.ParseKv);
    const source = this.SUBRULE(this.expr);
    this.CONSUME(T.As);
    const columns = this.SUBRULE(this.columnDeclList);
    const properties = this.OPTION(() => this.SUBRULE(this.withProperties)) ?? [];
    return this.ACTION(() => ({ kind: 'ParseKv' as const, source, columns, properties, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  parsePatternPart = this.RULE('parsePatternPart', (): ParsePatternPart =>
    this.OR([
      { ALT: () => this.SUBRULE(this.stringLit) },
      { ALT: () => this.tok(T.Star, (t) => ({ kind: 'Star' as const, span: tokenSpan(t) })) },
      { ALT: () => this.SUBRULE(this.parseColumn) },
    ]),
    DROP_ON_ERROR,
  );

  /** `Name` or `Name:type` in a parse pattern. */
  parseColumn = this.RULE('parseColumn', (): ParsePatternPart => {
    const first = this.LA(1);
    const name: Identifier = this.SUBRULE(this.declName);
    let type: ScalarTypeRef | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      type = this.SUBRULE(this.scalarType);
    });
    return this.ACTION(() =>
      type ? { kind: 'ParseColumn' as const, name, type, span: this.spanFrom(first) } : { kind: 'ParseColumn' as const, name, span: this.spanFrom(first) },
    );
  });

  /** `mv-expand kind=array with_itemindex=i bagexpansion=bag a to typeof(string), b limit 10`. */
  mvExpandOp = this.RULE('mvExpandOp', (): TabularOperator => {
    const first = this.OR([{ ALT: () => this.CONSUME(T.MvExpand) }, { ALT: () => this.CONSUME(T.MvExpandLegacy) }]);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const r = this.SUBRULE(this.mvExpandItems);
    return this.ACTION(() => ({ kind: 'MvExpand' as const, params, ...r, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** The expanded expressions and the optional `limit` of mv-expand and mv-apply. */
  mvExpandItems = this.RULE(
    'mvExpandItems',
    (): { items: MvExpandItem[]; limit?: Expression } => {
      const items = this.commaList(this.mvExpandItem);
      let limit: Expression | undefined;
      this.OPTION(() => {
        this.CONSUME(T.Limit);
        limit = this.SUBRULE(this.expr);
      });
      return this.ACTION(() => (limit ? { items, limit } : { items }));
    },
    { recoveryValueFunc: () => ({ items: [] }) },
  );

  mvExpandItem = this.RULE('mvExpandItem', (): MvExpandItem => {
    const first = this.LA(1);
    let name: Identifier | undefined;
    this.OPTION({ GATE: () => this.namedAssignAhead(), DEF: () => (name = this.SUBRULE(this.nameThenEq)) });
    const expression = this.SUBRULE(this.expr);
    let toType: ScalarTypeRef | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.To);
      toType = this.SUBRULE(this.typeofType);
    });
    return this.ACTION(() => ({
      kind: 'MvExpandItem' as const,
      ...(name ? { name } : {}),
      expression,
      ...(toType ? { toType } : {}),
      span: this.spanFrom(first),
    }));
  }, DROP_ON_ERROR);

  serializeOp = this.RULE('serializeOp', (): TabularOperator => {
    const first = this.CONSUME(T.Serialize);
    const params = this.SUBRULE(this.opParams, { ARGS: [P_KNOWN] });
    const items = this.OPTION(() => this.SUBRULE(this.assignmentList)) ?? [];
    return this.ACTION(() => ({ kind: 'Serialize' as const, ...(params.length ? { params } : {}), items, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);
}
