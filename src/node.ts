// kqlite's Node-only entry (`kqlite/node`): loading data folders and rule files, and running rule tests.
export { loadDataFolder, loadTableFile, DataError, type LoadedDataset, type LoadOptions } from './node/load-data.js';
export { readRuleFile, RuleFileError, type RuleText } from './node/rule-file.js';
export { loadSchemaFolder, readSchemaFile, type SchemaSet } from './node/schemas.js';
export { runRuleTests } from './node/rule-test.js';
export { geoIpLookup, loadGeoIpFile } from './node/geoip.js';

import { Database } from './database.js';
import { loadDataFolder as load, type LoadOptions as Options } from './node/load-data.js';

/**
 * A Database holding every table of a data folder (one `<Table>.ndjson|.jsonl|.json|.csv` per table), and the
 * folder's `now` from dataset.json when it has one: `const { db, now } = openDataFolder('fixtures/contoso');
 * db.query(text, { now })`.
 */
export function openDataFolder(dir: string, options: Options = {}): { db: Database; now: string | undefined } {
  const dataset = load(dir, options);
  const db = new Database();
  for (const [name, t] of dataset.tables) db.addTable(name, t);
  return { db, now: dataset.now };
}
