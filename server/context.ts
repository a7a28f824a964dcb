/** What every route module is built from (no module singletons), and the per-request variables. */
import type { NodeRegistry } from '../runtime/nodes/registry.ts';
import type { ServerConfig } from './config.ts';
import type { Db, DbDriver } from './db/client.ts';
import type { Role } from './db/schema.ts';
import type { Logger } from './log/logger.ts';

export interface AppDeps {
  db: Db;
  driver: DbDriver;
  config: ServerConfig;
  /** Node types known to this build: every saved pipeline is validated against them. */
  registry: NodeRegistry;
  /** The clock (tests move it to expire sessions and throttle windows). */
  now: () => Date;
  log: (message: string) => void;
  /** Structured logger (JSON lines); absent in tests, which then log nothing. */
  logger?: Logger;
  /** The runner of this instance, for `GET /api/ready` (absent: no runner here). */
  runnerPulse?: RunnerPulse;
}

/** How `GET /api/ready` sees the runner: it is ready while ticks keep ending. */
export interface RunnerPulse {
  intervalMs: number;
  startedAt: Date;
  lastTickAt: () => Date | undefined;
}

/** The signed-in user as the routes see it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  mustChangePassword: boolean;
}

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Variables of every request: set by `sessionLoader` when a valid session cookie came with it. */
export interface AppEnv {
  Variables: {
    user?: SessionUser;
    session?: ActiveSession;
    /** Set by `accessLog`: the request id and a logger carrying it. */
    requestId?: string;
    log?: Logger;
  };
}
