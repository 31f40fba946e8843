// Names and types: declared names (`x`, `['a b']`), column patterns with wildcards (`Email*`), scalar type names and
// the schemas of datatable / externaldata / tabular lambda parameters.

import type { IToken } from 'chevrotain';
import type { ColumnDecl, ColumnPattern, Identifier, ScalarTypeRef, TabularTypeRef } from '../ast.js';
import { decodeString } from '../literals.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { identifier, missingIdentifier, scalarTypeRef, tokenEnd } from '../to-ast.js';
import { LiteralRules } from './literals.js';

export abstract class NameRules extends LiteralRules {
  declName = this.RULE(
    'declName',
    (): Identifier =>
      this.OR([
        { ALT: () => this.tok(T.AnyName, identifier) },
        { ALT: () => this.SUBRULE(this.quotedName) },
      ]),
    { recoveryValueFunc: () => missingIdentifier(this.here()) },
  );

  /** `name =` (the name of a named argument, aggregate or expanded column). */
  nameThenEq = this.RULE(
    'nameThenEq',
    (): Identifier => {
      const name = this.SUBRULE(this.declName);
      this.CONSUME(T.Eq);
      return name;
    },
    { recoveryValueFunc: () => missingIdentifier(this.here()) },
  );

  /** `['a b']` or `["a b"]`. */
  quotedName = this.RULE('quotedName', (): Identifier => {
    const first = this.CONSUME(T.LBracket);
    const s = this.CONSUME(T.StringTok);
    this.CONSUME(T.RBracket);
    return this.ACTION(() => ({
      kind: 'Identifier' as const,
      name: decodeString(s.image).value,
      quoted: true,
      span: this.spanFrom(first),
    }));
  });

  /** `(a, b)`: the names of a tuple assignment. */
  nameTuple = this.RULE(
    'nameTuple',
    (): Identifier[] => {
      this.CONSUME(T.LParen);
      const names = this.commaList(this.declName);
      this.CONSUME(T.RParen);
      return names;
    },
    { recoveryValueFunc: () => [] },
  );

  scalarType = this.RULE('scalarType', (): ScalarTypeRef => {
    const t = this.CONSUME(T.AnyName);
    return this.ACTION(() => scalarTypeRef(t, this.diags));
  });

  /** `typeof(long)` after `to` (mv-expand) and as an argument. */
  typeofType = this.RULE('typeofType', (): ScalarTypeRef => {
    this.CONSUME(T.Typeof);
    this.CONSUME(T.LParen);
    const type = this.SUBRULE(this.scalarType);
    this.CONSUME(T.RParen);
    return type;
  });

  /** `(col:type, ...)`, `(*)` or `(*, col:type)`: a tabular parameter's or plugin output's schema. */
  tabularType = this.RULE('tabularType', (): TabularTypeRef => {
    const first = this.CONSUME(T.LParen);
    const columns: ColumnDecl[] = [];
    let wildcard = false;
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Star);
              wildcard = true;
            },
          },
          { ALT: () => this.pushDefined(columns, this.SUBRULE(this.columnDecl)) },
        ]),
    });
    this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'TabularType' as const, columns, wildcard, span: this.spanFrom(first) }));
  });

  columnDecl = this.RULE('columnDecl', (): ColumnDecl => {
    const first = this.LA(1);
    const name = this.SUBRULE(this.declName);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.scalarType);
    return this.ACTION(() => ({ kind: 'ColumnDecl' as const, name, type, span: this.spanFrom(first) }));
  }, DROP_ON_ERROR);

  /** `(a:string, b:long)` (datatable, externaldata). */
  columnDeclList = this.RULE(
    'columnDeclList',
    (): ColumnDecl[] => {
      const cols: ColumnDecl[] = [];
      this.CONSUME(T.LParen);
      // A trailing comma is allowed (Kusto's RowSchema: `(a:string, b:long,)`).
      this.OPTION(() => {
        this.pushDefined(cols, this.SUBRULE(this.columnDecl));
        this.MANY({
          GATE: () => !this.is(this.LA(2), T.RParen),
          DEF: () => this.pushDefined(cols, this.SUBRULE(this.commaColumnDecl)),
        });
        this.OPTION2(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RParen);
      return cols;
    },
    { recoveryValueFunc: () => [] },
  );

  commaColumnDecl = this.RULE('commaColumnDecl', (): ColumnDecl => {
    this.CONSUME(T.Comma);
    return this.SUBRULE(this.columnDecl);
  }, DROP_ON_ERROR);

  columnPatternList = this.RULE('columnPatternList', (): ColumnPattern[] => this.commaList(this.columnPattern), {
    recoveryValueFunc: () => [],
  });

  /** `Name`, `['Name']`, or a wildcard pattern like `Email*`, `*Id`, `a*b` (tokens written without spaces). */
  columnPattern = this.RULE('columnPattern', (): ColumnPattern =>
    this.OR([
      {
        ALT: () => {
          const id = this.SUBRULE(this.quotedName);
          return this.ACTION(() => ({ kind: 'ColumnPattern' as const, pattern: id.name, wildcard: false, span: id.span }));
        },
      },
      { ALT: () => this.SUBRULE(this.wildcardPattern) },
    ]),
  );

  wildcardPattern = this.RULE('wildcardPattern', (): ColumnPattern => {
    const first = this.LA(1);
    const parts: IToken[] = [];
    this.AT_LEAST_ONE({
      GATE: () => {
        const t = this.LA(1);
        if (parts.length === 0) return this.is(t, T.AnyName) || this.is(t, T.Star);
        const prev = this.LA(0);
        // Digits may follow a `*` directly (`*1` drops the NetworkMessageId1-style columns a join adds).
        const digitsAfterStar = this.is(t, T.LongTok) && this.is(prev, T.Star) && /^\d+$/.test(t.image);
        return (this.is(t, T.AnyName) || this.is(t, T.Star) || digitsAfterStar) && tokenEnd(prev) === t.startOffset;
      },
      DEF: () =>
        parts.push(
          this.OR([
            { ALT: () => this.CONSUME(T.AnyName) },
            { ALT: () => this.CONSUME(T.Star) },
            { ALT: () => this.CONSUME(T.LongTok) },
          ]),
        ),
    });
    return this.ACTION(() => {
      const pattern = parts.map((p) => p.image).join('');
      return { kind: 'ColumnPattern' as const, pattern, wildcard: pattern.includes('*'), span: this.spanFrom(first) };
    });
  });
}
