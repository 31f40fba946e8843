// Messages between the HTTP side (query-host.ts) and the query worker (query-worker.ts).

import type { ServiceRequest, ServiceResponse } from './service.js';

export interface WorkerInit {
  /** Data folder to load (absolute); undefined: an empty database. */
  readonly dataDir?: string;
  readonly lenient: boolean;
  readonly strict?: boolean;
  /** --schemas: a folder of table schemas (absolute). */
  readonly schemasDir?: string;
  /** --now: the default now() (else the dataset's now, else the clock). */
  readonly now?: string;
  /** --database: the served database's name (else the dataset's name, else "kqlite"). */
  readonly databaseName?: string;
  readonly productVersion: string;
  /** Management commands that changed the database, replayed in order after a restart. */
  readonly replay: readonly { db?: string; csl: string }[];
  readonly replaying: boolean;
}

export interface WorkerMessage {
  readonly id: number;
  readonly request: ServiceRequest;
}

export type WorkerReply =
  | { type: 'ready'; databaseName: string; now: string | undefined; tables: number }
  | { type: 'fatal'; message: string }
  | { type: 'log'; message: string }
  | { type: 'response'; id: number; response: ServiceResponse };
