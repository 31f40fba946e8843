// The query worker: a worker thread that owns the served Database (the loaded data folder plus what management
// commands created) and answers one request at a time through KustoService. Running queries here keeps the HTTP
// side responsive, and lets the server stop a runaway query for good by terminating the thread (query-host.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../../database.js';
import { loadDataFolder } from '../load-data.js';
import { KustoService, type ServiceRequest } from './service.js';
import type { WorkerInit, WorkerMessage, WorkerReply } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const send = (m: WorkerReply) => port.postMessage(m);

function start(): KustoService {
  const db = new Database();
  let now = init.now;
  let name = init.databaseName;
  if (init.dataDir !== undefined) {
    const dataset = loadDataFolder(init.dataDir, {
      lenient: init.lenient,
      progress: (m) => send({ type: 'log', message: m }),
    });
    for (const [table, t] of dataset.tables) db.addTable(table, t);
    if (!init.replaying) for (const [table, n] of dataset.badValues) send({ type: 'log', message: `${table}: ${n} bad value(s) turned into nulls (--lenient)` });
    now ??= dataset.now;
    name ??= dataset.name;
  }
  const service = new KustoService(db, name ?? 'kqlite', now, init.productVersion);
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
