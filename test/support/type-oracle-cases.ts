// The query set of the type-checking oracle (test/engine/type-oracle.test.ts): small, single-column queries that
// exercise the typing rules of operators, common scalar functions and aggregates over every pair of scalar types.
// Each case is a whole query with one result column `r` (or the aggregate's default name), so the only thing that
// can differ between Microsoft's analyser and kqlite is whether the typing rule accepts it and which type it gives.
// decimal is left out on purpose: kqlite refuses it by name everywhere.

export interface TypeCase {
  /** Grouping key for the report, e.g. 'op ==' or 'fn bin(x, 1d)' or 'agg sum'. */
  readonly group: string;
  readonly query: string;
}

/**
 * One typed literal per scalar type. Typed constructors so that the literal's type is unambiguous. dynamic is
 * `dynamic(null)`, not `dynamic(1)`: Microsoft's analyser refines a dynamic literal by its content (dynamic(1) is
 * "a dynamic long", so array_length or has refuse it as not an array / not a string), whereas dynamic(null) stays
 * plain dynamic, exactly like a dynamic column — and the column case is the one detection queries hit.
 */
export const LITERALS: Readonly<Record<string, string>> = {
  bool: 'bool(true)',
  int: 'int(1)',
  long: 'long(1)',
  real: 'real(1)',
  datetime: 'datetime(2026-01-01)',
  timespan: 'timespan(1d)',
  string: '"s"',
  guid: 'guid(74be27de-1e4e-49d9-b579-fe0b331d3642)',
  dynamic: 'dynamic(null)',
};

export const TYPES = Object.keys(LITERALS);

const BINARY_OPERATORS = [
  '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'and', 'or', '=~', '!~', 'has', 'contains', 'startswith',
  'in', 'between',
];

/** Single-argument functions whose typing rule depends on the argument type. */
const UNARY_FUNCTIONS = [
  'tostring(x)', 'toint(x)', 'tolong(x)', 'toreal(x)', 'tobool(x)', 'todatetime(x)', 'totimespan(x)', 'strlen(x)',
  'tolower(x)', 'isempty(x)', 'isnull(x)', 'bin(x, 1d)', 'bin(x, 1)', 'startofday(x)', 'abs(x)', 'round(x)',
  'array_length(x)', 'parse_json(x)',
];

/** Functions of two arguments of any type pair. */
const BINARY_FUNCTIONS = ['iff(true, x, y)', 'coalesce(x, y)', 'strcat(x, y)'];

/** Aggregates over a datatable column `c` of each type. countif only takes a bool predicate, so bool only. */
const AGGREGATES = ['sum(c)', 'avg(c)', 'min(c)', 'max(c)', 'dcount(c)', 'make_set(c)', 'arg_max(c, *)'];

function binary(op: string, a: string, b: string): string {
  if (op === 'in') return `${a} in (${b})`;
  if (op === 'between') return `${a} between (${b} .. ${b})`;
  return `${a} ${op} ${b}`;
}

export function typeCases(): TypeCase[] {
  const cases: TypeCase[] = [];
  for (const op of BINARY_OPERATORS) {
    for (const ta of TYPES) {
      for (const tb of TYPES) {
        cases.push({ group: `op ${op}`, query: `print r = ${binary(op, LITERALS[ta]!, LITERALS[tb]!)}` });
      }
    }
  }
  for (const t of TYPES) cases.push({ group: 'op unary -', query: `print r = -${LITERALS[t]!}` });
  for (const fn of UNARY_FUNCTIONS) {
    for (const t of TYPES) cases.push({ group: `fn ${fn}`, query: `print r = ${fn.replace('x', LITERALS[t]!)}` });
  }
  for (const fn of BINARY_FUNCTIONS) {
    for (const ta of TYPES) {
      for (const tb of TYPES) {
        cases.push({ group: `fn ${fn}`, query: `print r = ${fn.replace('x', LITERALS[ta]!).replace('y', LITERALS[tb]!)}` });
      }
    }
  }
  for (const agg of AGGREGATES) {
    for (const t of TYPES) cases.push({ group: `agg ${agg}`, query: `datatable(c:${t})[] | summarize ${agg}` });
  }
  for (const t of TYPES) cases.push({ group: 'agg countif(c)', query: `datatable(c:${t})[] | summarize countif(c)` });
  return cases;
}
