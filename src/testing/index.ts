// kqlite/testing: assertions for rule tests in vitest / jest / node:test (browser-safe, no fast-check needed).
// The property-based kit is a separate entry (kqlite/testing/arbitraries) because it needs fast-check.
export { expectQuery, QueryExpectation, QueryExpectationError, type ExpectQueryOptions } from './expect-query.js';
export { checkResult, type Expectations, type CheckOptions } from './assertions.js';
export { compareRows, formatDiff, normalizeExpectedRows, ExpectationError, type OrderSpec, type RowComparison } from './compare-rows.js';
