// Worker thread for measure.ts: measures the queries it is sent, one at a time, so that the parent can time-box
// each one (a query that hangs is reported, and this worker is replaced).
import { parentPort } from 'node:worker_threads';
import { Measurer } from './measure-one.js';

const measurer = new Measurer();
parentPort!.on('message', (msg: { id: string; text: string }) => {
  parentPort!.postMessage(measurer.measure(msg.id, msg.text));
});
parentPort!.postMessage({ ready: true });
