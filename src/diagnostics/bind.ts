// Messages of the binder (codes `bind-*`): names, types, operators and functions. The one place their wording
// lives; each message has its own code and typed parameters. Grouped by what they are about.

export const BIND_MESSAGES = {
  // names
  'bind-unknown-table': (p: { name: string }) => `unknown table '${p.name}'`,
  'bind-unknown-column': (p: { name: string }) => `unknown column '${p.name}'`,
  'bind-unknown-name': (p: { name: string }) => `unknown name '${p.name}'`,
  'bind-unknown-function': (p: { name: string }) => `unknown function '${p.name}'`,
  'bind-not-a-table': (p: { name: string }) => `'${p.name}' is not a table`,
  'bind-not-a-function': (p: { name: string }) => `'${p.name}' is not a let-defined function`,
  'bind-function-not-called': (p: { name: string }) => `'${p.name}' is a function: call it as ${p.name}()`,
  'bind-duplicate-column': (p: { name: string }) => `duplicate column name '${p.name}'`,
  'bind-extend-sibling-column': (p: { name: string }) =>
    `unknown column '${p.name}': it is defined by an earlier item of the same extend, and each item sees only the input's columns (use a second | extend)`,
  'bind-keyword-name': (p: { name: string }) => `the name '${p.name}' needs to be bracketed as ['${p.name}'] to be used in this context`,
  'bind-no-query': (_p: object) => 'the script has no query: it needs a tabular expression after its let statements',
  'bind-invalid-now': (p: { value: string }) => `invalid 'now' value '${p.value}'`,
  'bind-too-deep': (p: { limit: number }) =>
    `query nested too deeply (more than ${p.limit} levels of operators and expressions; a long chain of or is better written with in (...))`,
  'bind-lambda-too-deep': (p: { limit: number }) => `functions call each other more than ${p.limit} levels deep`,
  // expressions
  'bind-expected-tabular': (p: { what: string }) => `${p.what} must be a tabular expression`,
  'bind-expected-scalar': (p: { what: string }) => `${p.what} must be a scalar expression`,
  'bind-expected-constant': (p: { what: string }) => `${p.what} must be a constant`,
  'bind-expected-column': (p: { what: string }) => `${p.what} must be a column name`,
  'bind-join-side-outside-join': (_p: object) => '$left/$right can only be used in join conditions',
  'bind-star-not-allowed': (_p: object) => "'*' is not allowed here",
  'bind-named-argument-not-allowed': (p: { name: string }) => `named argument '${p.name}' is not allowed here`,
  'bind-typeof-not-allowed': (_p: object) => "'typeof' is not allowed here",
  'bind-subquery-no-columns': (_p: object) => 'the subquery returns no columns',
  'bind-bad-regex': (p: { reason: string }) => `invalid regular expression: ${p.reason}`,
  // types and calls
  'bind-wrong-arity': (p: { name: string; expected: string; got: number }) => `function '${p.name}' expects ${p.expected} argument(s), got ${p.got}`,
  'bind-missing-argument': (p: { name: string; param: string }) => `missing argument '${p.param}' of '${p.name}'`,
  'bind-wrong-type': (p: { what: string; expected: string; got: string }) => `${p.what} expects ${p.expected}, got ${p.got}`,
  'bind-incomparable': (p: { op: string; left: string; right: string }) => `operator '${p.op}' cannot compare ${p.left} with ${p.right}`,
  'bind-operator-types': (p: { op: string; types: string }) => `operator '${p.op}' is not defined for ${p.types}`,
  'bind-not-aggregate': (p: { text: string }) => `'${p.text}' is not an aggregate function`,
  'bind-aggregate-outside-summarize': (p: { name: string }) => `aggregate function '${p.name}' can only be used in summarize or make-series`,
  'bind-not-serialized': (p: { name: string }) => `${p.name}() needs a serialized row set: put it after sort, top, range or serialize`,
  // operators
  'bind-unknown-parameter': (p: { operator: string; name: string; value: string }) => `unknown ${p.operator} parameter ${p.name}=${p.value}`,
  'bind-unknown-kind': (p: { operator: string; kind: string }) => `unknown ${p.operator} kind '${p.kind}'`,
  'bind-datatable-shape': (p: { values: number; columns: number }) => `datatable has ${p.values} values, not a multiple of its ${p.columns} columns`,
  'bind-dynamic-group-key': (_p: object) => 'summarize by a dynamic value is not allowed: convert it with tostring()',
  'bind-join-no-condition': (p: { operator: string }) => `${p.operator} needs 'on' conditions`,
  'bind-join-key-types': (p: { left: string; right: string }) => `join keys have different types: ${p.left} and ${p.right}`,
  'bind-union-no-tables': (_p: object) => 'union has no tables',
  'bind-make-series-no-step': (_p: object) => 'make-series needs a step',
  'bind-make-series-axis': (p: { axis: string; step: string }) => `make-series axis of type ${p.axis} with a step of type ${p.step} is not supported`,
  'bind-parse-flags-need-regex': (_p: object) => 'flags= is only allowed with kind=regex',
  'bind-invalid-option': (p: { operator: string; name: string }) => `${p.operator} option ${p.name} has an invalid value`,
  'bind-bag-unpack-conflict': (p: { key: string; column: string }) =>
    `bag_unpack(): slot '${p.key}' clashes with column '${p.column}' (use columnsConflict='replace_source' or 'keep_source')`,
  // query parameters, external data, watchlists, stored functions (issue #12)
  'bind-missing-query-parameter': (p: { name: string; type: string }) =>
    `query parameter '${p.name}' (${p.type}) has no value and no default: pass it with --param ${p.name}=... (command line) or parameters: { ${p.name}: ... } (library)`,
  'bind-bad-query-parameter': (p: { name: string; type: string; value: string; reason: string }) =>
    `query parameter '${p.name}' is declared ${p.type}, and the value given, ${p.value}, is not one (${p.reason})`,
  'bind-tuple-names': (p: { name: string; names: number; values: number }) =>
    `${p.names} names for the ${p.values} values of ${p.name}(): give at most ${p.values}`,
  'bind-unknown-watchlist': (p: { name: string }) => `unknown watchlist '${p.name}'`,
  // refusals
  'bind-not-supported': (p: { name: string }) => `not supported yet: ${p.name}`,
  /** Generic: a message written by a caller outside the engine (the engine's own call sites use specific codes). */
  'bind-invalid': (p: { message: string }) => p.message,
} as const;
