// Where function case files live: test/functions/<category>/<name>.kql, one per definition (categories and names
// from the registry, src/engine/functions/index.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FUNCTIONS_DIR = new URL('./', import.meta.url).pathname;

/** Every .kql file under test/functions, as `category/name.kql`. */
export function caseFiles(): string[] {
  return readdirSync(FUNCTIONS_DIR)
    .filter((d) => statSync(join(FUNCTIONS_DIR, d)).isDirectory())
    .flatMap((d) => readdirSync(join(FUNCTIONS_DIR, d)).filter((f) => f.endsWith('.kql')).map((f) => `${d}/${f}`))
    .sort();
}

export function caseFilePath(category: string, name: string): string {
  return join(FUNCTIONS_DIR, category, `${name}.kql`);
}

export function hasCaseFile(category: string, name: string): boolean {
  return existsSync(caseFilePath(category, name));
}
