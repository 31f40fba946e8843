// Marker-in-source helper (after Malloy's markSource): write a query as a tagged template and every interpolated
// piece becomes part of the text *and* a recorded half-open span, so span tests never count characters by hand.
//
//   const m = markSource`T | where ${'x'} > 1`;
//   m.code === 'T | where x > 1'; m.locations[0] === { start: 10, end: 11 }

import type { Span } from '../../src/diagnostics.js';

export interface MarkedSource {
  readonly code: string;
  readonly locations: readonly Span[];
}

export function markSource(strings: TemplateStringsArray, ...marked: readonly string[]): MarkedSource {
  let code = strings[0] ?? '';
  const locations: Span[] = [];
  marked.forEach((piece, i) => {
    locations.push({ start: code.length, end: code.length + piece.length });
    code += piece + (strings[i + 1] ?? '');
  });
  return { code, locations };
}
