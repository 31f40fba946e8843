// Token vocabulary of the KQL lexer. Order in ALL_TOKENS matters: chevrotain tries patterns in order and takes the
// first match (not the longest), so literals and operator words come before Identifier, and every keyword carries
// `longer_alt: Identifier` so that `kindOf` is one identifier rather than `kind` + `Of`.
// Reference for the lexical forms: microsoft/Kusto-Query-Language grammar/KqlTokens.g4 and
// docs scalar-data-types/{string,timespan}.md.

import { createToken as rawCreateToken, Lexer, type ITokenConfig, type TokenType } from 'chevrotain';

/** Every concrete token: used only to skip the body of statements we parse but do not support (`set`, `find`). */
export const AnyTok = rawCreateToken({ name: 'AnyTok', pattern: Lexer.NA });

function createToken(config: ITokenConfig): TokenType {
  if (config.pattern === Lexer.NA || config.group === Lexer.SKIPPED) return rawCreateToken(config);
  const cats = config.categories === undefined ? [] : Array.isArray(config.categories) ? config.categories : [config.categories];
  return rawCreateToken({ ...config, categories: [...cats, AnyTok] });
}

// ---------------------------------------------------------------------------------------------------------------
// Categories

/** Any token usable as a name in a declaration or reference position (identifiers and soft keywords). */
export const AnyName = createToken({ name: 'AnyName', pattern: Lexer.NA });
/** Every operator written `left op right` (comparisons, string predicates, and/or, arithmetic): one CONSUME. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA, label: 'an operator' });
/** Every string-literal form; adjacent ones are concatenated by the grammar. */
export const StringTok = createToken({ name: 'StringTok', pattern: Lexer.NA, label: 'string literal' });

// ---------------------------------------------------------------------------------------------------------------
// Trivia

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\n\r\u2028\u2029]*/, group: Lexer.SKIPPED });

// ---------------------------------------------------------------------------------------------------------------
// Literals

export const MultiLineString = createToken({
  name: 'MultiLineString',
  pattern: /[hH]?(?:```[\s\S]*?```|~~~[\s\S]*?~~~)/,
  categories: [StringTok],
  label: 'string literal',
});
export const VerbatimString = createToken({
  name: 'VerbatimString',
  pattern: /[hH]?@(?:"(?:[^"\r\n]|"")*"|'(?:[^'\r\n]|'')*')/,
  categories: [StringTok],
  label: 'string literal',
});
export const PlainString = createToken({
  name: 'PlainString',
  pattern: /[hH]?(?:"(?:[^"\\\r\n]|\\[^\r\n])*"|'(?:[^'\\\r\n]|\\[^\r\n])*')/,
  categories: [StringTok],
  label: 'string literal',
});
/**
 * A string whose closing quote is missing: it runs to the end of the line (or of the text for ```).
 * It is a StringTok so that parsing continues as if it were closed; parse() reports it once.
 */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /[hH]?(?:```|~~~)[\s\S]*|[hH]?@?["'][^\r\n]*/,
  categories: [StringTok],
  label: 'string literal',
});

/** `int(5)`, `datetime(2026-01-01 10:00)`, `guid(...)`, `time(1d)`: the parenthesised content is raw text. */
export const TypedLiteralTok = createToken({
  name: 'TypedLiteral',
  pattern:
    /(?:bool|boolean|int|int32|long|int64|real|double|decimal|datetime|date|timespan|time|guid|uniqueid|uuid)\([^)]*\)/,
  label: 'typed literal',
});

const TIMESPAN_UNITS = [
  'days', 'day', 'd',
  'hours', 'hour', 'hrs', 'hr', 'h',
  'minutes', 'minute', 'min', 'm',
  'seconds', 'second', 'sec', 's',
  'ms',
  'milliseconds', 'millisecond', 'millisec', 'millis', 'milli',
  'microseconds', 'microsecond', 'microsec', 'micros', 'micro',
  'nanoseconds', 'nanosecond', 'nanosec', 'nanos', 'nano',
  'ticks', 'tick',
];
export const TimespanTok = createToken({
  name: 'Timespan',
  pattern: new RegExp(`\\d+(?:\\.\\d+)?(?:${[...TIMESPAN_UNITS].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_])`),
  label: 'timespan literal',
});
// `1..5` must stay `1` `..` `5`, hence the (?!\.) after the decimal point.
export const RealTok = createToken({
  name: 'Real',
  pattern: /(?:\d+\.(?!\.)\d*(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)(?![A-Za-z0-9_])/,
  label: 'real literal',
});
export const HexTok = createToken({ name: 'Hex', pattern: /0[xX][0-9a-fA-F]+(?![A-Za-z0-9_])/, label: 'hex literal' });
export const LongTok = createToken({ name: 'Long', pattern: /\d+(?![A-Za-z0-9_])/, label: 'integer literal' });

// ---------------------------------------------------------------------------------------------------------------
// Operator words (reserved: never names). `!` forms are single tokens.

export const StringOpTok = createToken({
  name: 'StringOp',
  // Also Kusto's legacy spellings notcontains, containscs, notcontainscs (the AST keeps the canonical ones).
  pattern: /(?:!?(?:has(?:prefix|suffix)?|contains|startswith|endswith)(?:_cs)?|notcontains(?:cs)?|containscs)(?![A-Za-z0-9_])/,
  categories: [BinaryOperator],
  label: 'string operator',
});
export const HasAnyAllTok = createToken({ name: 'HasAnyAll', pattern: /has_(?:any|all)(?![A-Za-z0-9_])/, label: 'has_any/has_all' });
export const InTok = createToken({ name: 'In', pattern: /!?in~?(?![A-Za-z0-9_~])/, label: "'in'" });
export const BetweenTok = createToken({ name: 'Between', pattern: /!?between(?![A-Za-z0-9_])/, label: "'between'" });

// ---------------------------------------------------------------------------------------------------------------
// Punctuation

export const EqEq = createToken({ name: 'EqEq', pattern: '==', categories: [BinaryOperator], label: "'=='" });
export const EqTilde = createToken({ name: 'EqTilde', pattern: '=~', categories: [BinaryOperator], label: "'=~'" });
export const BangEq = createToken({ name: 'BangEq', pattern: '!=', categories: [BinaryOperator], label: "'!='" });
export const BangTilde = createToken({ name: 'BangTilde', pattern: '!~', categories: [BinaryOperator], label: "'!~'" });
export const LtGt = createToken({ name: 'LtGt', pattern: '<>', categories: [BinaryOperator], label: "'<>'" });
export const LtEq = createToken({ name: 'LtEq', pattern: '<=', categories: [BinaryOperator], label: "'<='" });
export const GtEq = createToken({ name: 'GtEq', pattern: '>=', categories: [BinaryOperator], label: "'>='" });
export const Lt = createToken({ name: 'Lt', pattern: '<', categories: [BinaryOperator], label: "'<'" });
export const Gt = createToken({ name: 'Gt', pattern: '>', categories: [BinaryOperator], label: "'>'" });
/** `=>` in scan steps (`step s: cond => c = 1;`). */
export const FatArrow = createToken({ name: 'FatArrow', pattern: '=>', label: "'=>'" });
export const Eq = createToken({ name: 'Eq', pattern: '=', label: "'='" });
export const DotDot = createToken({ name: 'DotDot', pattern: '..', label: "'..'" });
export const Dot = createToken({ name: 'Dot', pattern: '.', label: "'.'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
export const Semi = createToken({ name: 'Semi', pattern: ';', label: "';'" });
/** Also search's term operator `Col:"x"` (a BinaryOperator); elsewhere the `:` of `name:type`. */
export const Colon = createToken({ name: 'Colon', pattern: ':', categories: [BinaryOperator], label: "':'" });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
export const LBrace = createToken({ name: 'LBrace', pattern: '{', label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: '}', label: "'}'" });
export const Pipe = createToken({ name: 'Pipe', pattern: '|', label: "'|'" });
export const Plus = createToken({ name: 'Plus', pattern: '+', categories: [BinaryOperator], label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: '-', categories: [BinaryOperator], label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: '*', categories: [BinaryOperator], label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: '/', categories: [BinaryOperator], label: "'/'" });
export const Percent = createToken({ name: 'Percent', pattern: '%', categories: [BinaryOperator], label: "'%'" });

// ---------------------------------------------------------------------------------------------------------------
// Identifiers and keywords

/** Identifiers may start with digits when a letter or `_` follows (`5_Min_Count`), as in KqlTokens.g4. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*|[0-9]+[A-Za-z_][A-Za-z0-9_]*/,
  categories: [AnyName],
  label: 'identifier',
});

export const HintName = createToken({ name: 'HintName', pattern: /hint\.[A-Za-z_][A-Za-z0-9_]*/, label: 'hint' });
export const DollarLeft = createToken({ name: 'DollarLeft', pattern: /\$left(?![A-Za-z0-9_])/, label: "'$left'" });
export const DollarRight = createToken({ name: 'DollarRight', pattern: /\$right(?![A-Za-z0-9_])/, label: "'$right'" });
/** `$table` (union/search's source column), `d.$id`: Kusto names may start with `$`. */
export const DollarName = createToken({ name: 'DollarName', pattern: /\$[A-Za-z_][A-Za-z0-9_]*/, categories: [AnyName], label: 'identifier' });

const keywordTokens: TokenType[] = [];
function kw(word: string, soft: boolean, categories: TokenType[] = []): TokenType {
  const tok = createToken({
    name: `Kw_${word.replace(/-/g, '_')}`,
    pattern: word.includes('-') ? new RegExp(`${word}(?![A-Za-z0-9_-])`) : word,
    longer_alt: word.includes('-') ? undefined : Identifier,
    categories: soft ? [AnyName, ...categories] : categories,
    label: `'${word}'`,
  });
  keywordTokens.push(tok);
  return tok;
}

// Dashed operator names are single tokens; they must precede their first word (`project`, ...).
export const ProjectAway = kw('project-away', false);
export const ProjectKeep = kw('project-keep', false);
export const ProjectRename = kw('project-rename', false);
export const ProjectReorder = kw('project-reorder', false);
export const MvExpand = kw('mv-expand', false);
export const MvApply = kw('mv-apply', false);
export const MakeSeries = kw('make-series', false);
export const ParseKv = kw('parse-kv', false);
export const ParseWhere = kw('parse-where', false);
export const TopNested = kw('top-nested', false);
export const TopHitters = kw('top-hitters', false);
export const SampleDistinct = kw('sample-distinct', false);
export const MakeGraph = kw('make-graph', false);
export const GraphMatch = kw('graph-match', false);
export const PartitionedBy = kw('partitioned-by', false);
export const ProjectSmart = kw('project-smart', false);
export const GrannyAsc = kw('granny-asc', false);
export const GrannyDesc = kw('granny-desc', false);

// Reserved words: never a bare name (Microsoft's parser asks for ['and'] etc. in these positions).
export const And = kw('and', false, [BinaryOperator]);
export const Or = kw('or', false, [BinaryOperator]);
export const By = kw('by', false);
export const Let = kw('let', false);
export const True = createToken({ name: 'True', pattern: /(?:true|TRUE|True)(?![A-Za-z0-9_])/, label: "'true'" });
export const False = createToken({ name: 'False', pattern: /(?:false|FALSE|False)(?![A-Za-z0-9_])/, label: "'false'" });
export const Union = kw('union', false);
export const Print = kw('print', false);
export const Datatable = kw('datatable', false);
export const Externaldata = kw('externaldata', false);
/** `external_data`, Kusto's other spelling of externaldata. */
export const ExternalDataAlt = kw('external_data', false);
export const Find = kw('find', false);
export const Matches = kw('matches', false);

// Soft keywords: grammar words that may also be column, table or function names (`summarize count() by kind`).
export const Where = kw('where', true);
export const Filter = kw('filter', true);
export const Extend = kw('extend', true);
export const Project = kw('project', true);
export const Summarize = kw('summarize', true);
export const Sort = kw('sort', true);
export const Order = kw('order', true);
export const Top = kw('top', true);
export const Take = kw('take', true);
export const Limit = kw('limit', true);
export const Count = kw('count', true);
export const Distinct = kw('distinct', true);
export const Join = kw('join', true);
export const Lookup = kw('lookup', true);
export const Render = kw('render', true);
export const Parse = kw('parse', true);
export const As = kw('as', true);
export const Invoke = kw('invoke', true);
export const Evaluate = kw('evaluate', true);
export const Serialize = kw('serialize', true);
export const GetSchema = kw('getschema', true);
export const Sample = kw('sample', true);
export const Search = kw('search', true);
export const Scan = kw('scan', true);
export const Partition = kw('partition', true);
export const Fork = kw('fork', true);
export const Reduce = kw('reduce', true);
export const Of = kw('of', true);
/** Legacy spellings of mv-expand / mv-apply. */
export const MvExpandLegacy = kw('mvexpand', true);
export const MvApplyLegacy = kw('mvapply', true);
export const Range = kw('range', true);
export const On = kw('on', true);
export const With = kw('with', true);
export const To = kw('to', true);
export const From = kw('from', true);
export const Step = kw('step', true);
export const Default = kw('default', true);
export const Asc = kw('asc', true);
export const Desc = kw('desc', true);
export const Nulls = kw('nulls', true);
export const First = kw('first', true);
export const Last = kw('last', true);
export const Typeof = kw('typeof', true);
export const Dynamic = kw('dynamic', true);
export const Regex = kw('regex', true);
export const Set = kw('set', true);
export const Declare = kw('declare', true);
export const Alias = kw('alias', true);

export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  MultiLineString,
  VerbatimString,
  PlainString,
  UnterminatedString,
  TypedLiteralTok,
  TimespanTok,
  RealTok,
  HexTok,
  LongTok,
  StringOpTok,
  HasAnyAllTok,
  InTok,
  BetweenTok,
  True,
  False,
  HintName,
  DollarLeft,
  DollarRight,
  DollarName,
  // Longest first: with `as` before `asc`, longer_alt would turn `asc` into an Identifier instead of Kw_asc.
  ...[...keywordTokens].sort((x, y) => String(y.PATTERN).length - String(x.PATTERN).length),
  Identifier,
  EqEq,
  EqTilde,
  BangEq,
  BangTilde,
  LtGt,
  LtEq,
  GtEq,
  Lt,
  Gt,
  FatArrow,
  Eq,
  DotDot,
  Dot,
  Comma,
  Semi,
  Colon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Pipe,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  AnyName,
  BinaryOperator,
  StringTok,
  AnyTok,
];

