// Worker thread for measure.ts: measures the queries it is sent, one at a time, so that the parent can time-box
// each one (a query that hangs is reported, and this worker is replaced).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Measurer } from './measure-one.js';

const schemasFile = (workerData as { schemas?: string } | undefined)?.schemas;
const measurer = new Measurer(schemasFile ? JSON.parse(readFileSync(schemasFile, 'utf8')) : {});
parentPort!.on('message', (msg: { id: string; text: string }) => {
  parentPort!.postMessage(measurer.measure(msg.id, msg.text));
});
parentPort!.postMessage({ ready: true });
