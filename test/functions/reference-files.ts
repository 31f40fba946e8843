// The generated functions summary's place in README.md: between these two markers, in "What runs".
export const START = '<!-- functions:start -->';
export const END = '<!-- functions:end -->';

export function readmeWithSummary(readme: string, summary: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} region`);
  return readme.slice(0, a + START.length) + '\n' + summary + '\n' + readme.slice(b);
}
