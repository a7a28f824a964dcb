/** Server settings, read once from the environment by `main.ts`; tests build them with `testConfig()`. */
import { fileURLToPath } from 'node:url';

export interface SecurityConfig {
  /** Mark cookies `Secure`: always, never, or when the request arrived over https (`auto`). */
  secureCookies: boolean | 'auto';
  /** Trust `X-Forwarded-For` / `X-Forwarded-Proto` (only behind a reverse proxy that sets them). */
  trustProxy: boolean;
  /** Origins other than the server's own allowed to send browser writes (e.g. the Vite dev server). */
  allowedOrigins: string[];
}

export interface SessionConfig {
  /** Idle lifetime; each request in the second half of it pushes the expiry forward (sliding renewal). */
  idleMs: number;
  /** Hard limit from login, whatever the activity. */
  absoluteMs: number;
}

export interface ThrottleConfig {
  windowMs: number;
  /** Failed logins allowed per user name inside the window. */
  perUser: number;
  /** Failed logins allowed per client address inside the window (higher: offices share one NAT address). */
  perIp: number;
}

export interface UploadConfig {
  /** Where uploaded datasets live (`<dir>/<id>/<file>`). */
  datasetsDir: string;
  /** Largest accepted dataset upload in bytes (separate from `bodyLimit`). */
  datasetMaxBytes: number;
  /** Largest accepted template preview image in bytes. */
  previewMaxBytes: number;
  /** The model registry (`<dir>/<name>/v<version>.onnx|json`), shared by the server, its runs and the command line. */
  modelsDir: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Largest accepted request body in bytes (pipeline documents are small; datasets will get their own limit). */
  bodyLimit: number;
  uploads: UploadConfig;
  security: SecurityConfig;
  session: SessionConfig;
  throttle: ThrottleConfig;
}

const HOUR = 3_600_000;
const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = env.DATA_DIR ?? `${PROJECT_ROOT}.data`;
  return {
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    bodyLimit: Number(env.BODY_LIMIT_BYTES ?? 2 * 1024 * 1024),
    uploads: {
      datasetsDir: env.DATASETS_DIR ?? `${dataDir}/datasets`,
      datasetMaxBytes: Number(env.DATASET_MAX_BYTES ?? 1024 ** 3),
      previewMaxBytes: Number(env.PREVIEW_MAX_BYTES ?? 512 * 1024),
      modelsDir: env.MODELS_DIR ?? `${dataDir}/models`,
    },
    security: {
      secureCookies: env.COOKIE_SECURE === 'true' ? true : env.COOKIE_SECURE === 'false' ? false : 'auto',
      trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
      allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    },
    session: {
      idleMs: Number(env.SESSION_IDLE_HOURS ?? 12) * HOUR,
      absoluteMs: Number(env.SESSION_MAX_DAYS ?? 7) * 24 * HOUR,
    },
    throttle: { windowMs: 15 * 60_000, perUser: 5, perIp: 50 },
  };
}
