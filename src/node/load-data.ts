// Loading data (Node only): the public entry of src/node/load/ — a data folder (data-folder.ts) and one table file
// (table-file.ts), streamed into typed columns by the browser-safe scanners of src/tables.

export { DataError } from '../tables/data-error.js';
export { loadDataFolder, type LoadOptions, type LoadedDataset } from './load/data-folder.js';
export { loadTableFile, type LoadedTable, type TableFileOptions } from './load/table-file.js';
