// Literal rules: strings (adjacent pieces spliced), numbers, booleans and the content of `dynamic(...)`
// (docs scalar-data-types/dynamic.md): JSON-like, with KQL literals as leaves and signs folded into the leaf.

import type { IOrAlt, IToken } from 'chevrotain';
import type { DynamicNode, Expression, StringLiteral } from '../ast.js';
import { decodeString } from '../literals.js';
import * as T from '../tokens.js';
import { DROP_ON_ERROR } from './base.js';
import { longLiteral, realLiteral, stringLiteral, timespanLiteral, tokenSpan, typedLiteral } from '../to-ast.js';
import { GrammarBase } from './base.js';

type DynEntry = { key: string; value: DynamicNode };

export abstract class LiteralRules extends GrammarBase {
  stringLit = this.RULE('stringLit', (): StringLiteral => {
    const parts: IToken[] = [];
    this.AT_LEAST_ONE(() => parts.push(this.CONSUME(T.StringTok)));
    return this.ACTION(() => stringLiteral(parts, this.diags));
  });

  // Built once (see ExpressionRules): literals are read at every leaf.
  private numberAlts?: IOrAlt<Expression>[];
  private boolAlts?: IOrAlt<Expression>[];

  numberLit = this.RULE('numberLit', (): Expression =>
    this.OR(
      (this.numberAlts ??= [
        { ALT: (): Expression => this.tok(T.LongTok, (t) => longLiteral(t, this.diags)) },
        { ALT: (): Expression => this.tok(T.HexTok, (t) => longLiteral(t, this.diags)) },
        { ALT: (): Expression => this.tok(T.RealTok, (t) => realLiteral(t)) },
        { ALT: (): Expression => this.tok(T.TimespanTok, (t) => timespanLiteral(t, this.diags)) },
      ]),
    ),
  );

  boolLit = this.RULE('boolLit', (): Expression =>
    this.OR(
      (this.boolAlts ??= [
        { ALT: (): Expression => this.tok(T.True, (t) => ({ kind: 'BoolLiteral', value: true, span: tokenSpan(t) })) },
        { ALT: (): Expression => this.tok(T.False, (t) => ({ kind: 'BoolLiteral', value: false, span: tokenSpan(t) })) },
      ]),
    ),
  );

  /** The content of `dynamic(...)`. */
  dynValue = this.RULE(
    'dynValue',
    (): DynamicNode => {
      const first = this.LA(1);
      return this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.stringLit) },
          { ALT: () => this.SUBRULE(this.numberLit) as DynamicNode },
          { ALT: () => this.SUBRULE(this.boolLit) as DynamicNode },
          { ALT: (): DynamicNode => this.tok(T.TypedLiteralTok, typedLiteral) },
          { ALT: () => this.SUBRULE(this.dynSignedNumber) },
          {
            GATE: () => this.LA(1).image === 'null',
            ALT: () => {
              this.CONSUME(T.AnyName);
              return this.ACTION(() => ({ kind: 'DynNull' as const, span: this.spanFrom(first) }));
            },
          },
          { ALT: () => this.SUBRULE(this.dynNested) },
          { ALT: () => this.SUBRULE(this.dynArray) },
          { ALT: () => this.SUBRULE(this.dynBag) },
        ],
      });
    },
    { recoveryValueFunc: (): DynamicNode => ({ kind: 'DynNull', span: { start: this.here(), end: this.here() } }) },
  );

  /** `-1`, `+2.5`, `-1d`: the sign is part of the leaf value. */
  dynSignedNumber = this.RULE('dynSignedNumber', (): DynamicNode => {
    const sign = this.OR([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
    const negate = this.ACTION(() => sign.image === '-');
    return this.OR2([
      { ALT: (): DynamicNode => this.tok(T.LongTok, (t) => longLiteral(t, this.diags, negate)) },
      { ALT: (): DynamicNode => this.tok(T.RealTok, (t) => realLiteral(t, negate)) },
      { ALT: (): DynamicNode => this.tok(T.TimespanTok, (t) => timespanLiteral(t, this.diags, negate)) },
    ]);
  });

  /** A `dynamic(...)` nested inside a dynamic literal is the same value (dynamic-to-json-function.md example). */
  dynNested = this.RULE('dynNested', (): DynamicNode => {
    this.CONSUME(T.Dynamic);
    this.CONSUME(T.LParen);
    const inner = this.SUBRULE(this.dynValue);
    this.CONSUME(T.RParen);
    return inner;
  });

  dynArray = this.RULE('dynArray', (): DynamicNode => {
    const first = this.CONSUME(T.LBracket);
    const items: DynamicNode[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(items, this.SUBRULE(this.dynValue)) });
    this.CONSUME(T.RBracket);
    return this.ACTION(() => ({ kind: 'DynArray' as const, items, span: this.spanFrom(first) }));
  });

  dynBag = this.RULE('dynBag', (): DynamicNode => {
    const first = this.CONSUME(T.LBrace);
    const entries: DynEntry[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.pushDefined(entries, this.SUBRULE(this.dynBagEntry)) });
    this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'DynBag' as const, entries, span: this.spanFrom(first) }));
  });

  /** Keys must be string literals: Microsoft's parser rejects `dynamic({a: 1})`. */
  dynBagEntry = this.RULE('dynBagEntry', (): DynEntry => {
    const key = this.CONSUME(T.StringTok);
    this.CONSUME(T.Colon);
    const value = this.SUBRULE(this.dynValue);
    return this.ACTION(() => ({ key: decodeString(key.image).value, value }));
  }, DROP_ON_ERROR);
}
