// as (as-operator.md): names the result so far for the operators after it (e.g. union withsource); the data is
// unchanged. The name's scope is the rest of the pipeline, so the dispatcher (bind/bind-tabular.ts) adds it to the
// let scope before binding the next operator; this binder only passes the input through.

import type { OperatorBinders } from './operator.js';

export const binders: OperatorBinders = {
  As: (input) => input,
};
