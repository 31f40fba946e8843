// The query worker: a worker thread that owns the served Database (the loaded data folder plus what management
// commands created) and answers one request at a time through KustoService. Running queries here keeps the HTTP
// side responsive, and lets the server stop a runaway query for good by terminating the thread (query-host.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../../database.js';
import { loadDataFolder } from '../load-data.js';
import { loadSchemaFolder } from '../schemas.js';
import { KustoService, type ServiceRequest } from './service.js';
import type { WorkerInit, WorkerMessage, WorkerReply } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const send = (m: WorkerReply) => port.postMessage(m);

function start(): KustoService {
  const db = new Database();
  let now = init.now;
  let name = init.databaseName;
  // As the CLI's openData: declared schemas first, so a data file of a declared table is read with its columns.
  const schemas = init.schemasDir !== undefined ? loadSchemaFolder(init.schemasDir) : {};
  for (const [table, columns] of Object.entries(schemas)) db.defineTable(table, columns);
  const log = (message: string) => {
    if (!init.replaying) send({ type: 'log', message });
  };
  if (init.dataDir !== undefined) {
    const dataset = loadDataFolder(init.dataDir, {
      schemas,
      lenient: init.lenient,
      strict: Boolean(init.strict),
      progress: log,
      warn: (m) => log(`warning: ${m}`),
    });
    for (const [table, t] of dataset.tables) db.addTable(table, t);
    for (const [table, n] of dataset.badValues) log(`${table}: ${n} bad value(s) turned into nulls (--lenient)`);
    now ??= dataset.now;
    name ??= dataset.name;
  }
  const service = new KustoService(db, name ?? 'kqlite', now, init.productVersion);
  // Declared tables are the database's own (listed by .show tables), with or without rows.
  for (const [table, columns] of Object.entries(schemas)) if (!db.table(table)) service.context.created.set(table, columns);
  // After a restart (a query was stopped), the commands that changed the database run again, in order.
  for (const c of init.replay) service.handle({ endpoint: 'mgmt', db: c.db, csl: c.csl, options: {}, ids: { clientRequestId: 'kqlite.replay', activityId: 'kqlite.replay' } });
  return service;
}

let service: KustoService;
try {
  service = start();
  send({ type: 'ready', databaseName: service.databaseName, now: service.defaultNow, tables: service.db.tableNames().filter((n) => service.db.table(n) !== undefined).length });
} catch (err) {
  send({ type: 'fatal', message: (err as Error).message });
  process.exit(1);
}

port.on('message', (m: WorkerMessage) => {
  const req: ServiceRequest = m.request;
  send({ type: 'response', id: m.id, response: service.handle(req) });
});
