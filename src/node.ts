// kqlite's Node-only entry (`kqlite/node`): loading data folders and rule files, and running rule tests.
export { loadDataFolder, loadTableFile, DataError, type LoadedDataset, type LoadOptions } from './node/load-data.js';
export { readRuleFile, RuleFileError, type RuleText } from './node/rule-file.js';
export { runRuleTests } from './node/rule-test.js';
