/**
 * Server settings, read once from the environment through one zod schema (`settingsSchema`): sizes take units
 * (`1GB`, `512MB`, `1048576`), durations too (`5s`, `30m`, `1500` = ms), and a value that does not parse stops
 * the server at start-up with a message naming the variable (`ConfigError`) instead of silently turning into
 * `NaN` (which used to switch the upload limit off). `.env.example` lists every variable with its default.
 */
import { fileURLToPath } from 'node:url';
import bytes from 'bytes';
import ms from 'ms';
import { z } from 'zod';

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
  /** Failed logins allowed per user name inside the window; then the name is locked until the window ends. */
  perUser: number;
  /**
   * Failed logins per client address inside the window after which every further try from that address is
   * slowed down (never locked: offices share one NAT address, and one person must not lock everyone out).
   */
  perIp: number;
}

export interface UploadConfig {
  /** Where uploaded datasets live (`<dir>/<id>/<file>`). */
  datasetsDir: string;
  /** Files attached to analysis requests (`<dir>/<requestId>/<fileId>/<file>`; same size limit as datasets). */
  requestFilesDir: string;
  /** Largest accepted dataset upload in bytes (separate from `bodyLimit`). */
  datasetMaxBytes: number;
  /** Largest accepted template preview image in bytes. */
  previewMaxBytes: number;
  /** Draw the shipped templates' missing preview images in the background after start. */
  templatePreviews: boolean;
  /** The model registry (`<dir>/<name>/v<version>.onnx|json`), shared by the server, its runs and the command line. */
  modelsDir: string;
  /** Dataset uploads one user may start per minute (0: no limit). */
  perMinute: number;
  /** Reading an XLSX upload happens in a worker with this JS heap (MB) and this time limit (ms). */
  readHeapMb: number;
  readTimeLimitMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Connections of the PostgreSQL pool (not used by the embedded PGlite). */
  databasePoolSize: number;
  dataDir: string;
  /** Largest accepted request body in bytes (pipeline documents are small; datasets will get their own limit). */
  bodyLimit: number;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: LogLevel;
  /** The Chromium binary that prints dashboard PDFs. */
  chromiumPath: string;
  uploads: UploadConfig;
  security: SecurityConfig;
  session: SessionConfig;
  throttle: ThrottleConfig;
}

/** A setting that does not parse; `main.ts` prints `message` and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const UNIT = { ms: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const MIB = 1024 ** 2;

// ── Value parsers: each takes the raw text and refuses (with what is expected) anything it cannot read ──

/** A size: `1GB`, `512MB`, `64kb`, or a bare number of `bareUnit` bytes (1 unless stated). */
export function size(bareUnit = 1) {
  const unit = bareUnit === MIB ? 'megabytes' : 'bytes';
  return z.string().transform((text, ctx) => {
    const bare = /^\s*\d+(\.\d+)?\s*$/.test(text);
    // `bytes.parse` alone reads anything starting with a digit (`1 gigabyte` → 1 byte): check the shape first.
    const shaped = /^\s*\d+(\.\d+)?\s*(b|kb|mb|gb|tb|pb)\s*$/i.test(text);
    const n = bare ? Number(text) * bareUnit : shaped ? bytes.parse(text) : null;
    if (n === null || !Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: `a size such as 1GB, 512MB or a plain number of ${unit}` });
      return z.NEVER;
    }
    return Math.floor(n);
  });
}

/** A duration: `5s`, `30m`, `2h`, `1d`, or a bare number of `bareUnit` milliseconds (1 unless stated). */
export function duration(bareUnit: number = UNIT.ms) {
  const unit = Object.entries(UNIT).find(([, v]) => v === bareUnit)?.[0] ?? 'ms';
  return z.string().transform((text, ctx) => {
    const bare = /^\s*\d+(\.\d+)?\s*$/.test(text);
    let n: number | undefined;
    try {
      n = bare ? Number(text) * bareUnit : ms(text.trim() as ms.StringValue);
    } catch {
      n = undefined;
    }
    if (n === undefined || !Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: `a duration such as 5s, 30m, 2h or a plain number of ${unit}s` });
      return z.NEVER;
    }
    return Math.round(n);
  });
}

/** A whole number within [min, max]. */
export function whole(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.string().transform((text, ctx) => {
    const n = Number(text.trim());
    if (!/^\s*-?\d+\s*$/.test(text) || n < min || n > max) {
      ctx.addIssue({
        code: 'custom',
        message: `a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** One of the listed words (case-insensitive). */
export function oneOf<const T extends readonly [string, ...string[]]>(words: T) {
  return z.string().transform((text, ctx) => {
    const word = text.trim().toLowerCase();
    if (!words.includes(word)) {
      ctx.addIssue({ code: 'custom', message: `one of ${words.join(', ')}` });
      return z.NEVER;
    }
    return word as T[number];
  });
}

const text = z.string();
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every environment variable of the server and its runner, with its default (as the text an operator would
 * write). Add a new setting here, in `.env.example`, and where it is mapped into `ServerConfig`/`RunnerConfig`.
 * Defaults that depend on DATA_DIR are filled in by the readers.
 */
export const settingsSchema = z.object({
  // server
  PORT: whole(0, 65_535).default(8787),
  HOST: text.default('127.0.0.1'),
  DATABASE_URL: text.optional(),
  DATABASE_POOL_SIZE: whole(1, 1000).default(10),
  DATA_DIR: text.optional(),
  BODY_LIMIT_BYTES: size().default(2 * MIB),
  LOG_LEVEL: oneOf(LOG_LEVELS).default('info'),
  CHROMIUM_PATH: text.default('/usr/bin/chromium'),
  // uploads
  DATASETS_DIR: text.optional(),
  DATASET_MAX_BYTES: size().default(1024 ** 3),
  PREVIEW_MAX_BYTES: size().default(512 * 1024),
  TEMPLATE_PREVIEWS: oneOf(['on', 'off']).default('on'),
  MODELS_DIR: text.optional(),
  UPLOADS_PER_MINUTE: whole(0).default(30),
  UPLOAD_READ_HEAP_MB: size(MIB).default(1024 * MIB),
  UPLOAD_READ_TIME_LIMIT: duration().default(60_000),
  // security and sessions
  COOKIE_SECURE: oneOf(['true', 'false', 'auto']).default('auto'),
  TRUST_PROXY: oneOf(['1', 'true', '0', 'false']).default('false'),
  ALLOWED_ORIGINS: text.default(''),
  SESSION_IDLE_HOURS: duration(UNIT.hour).default(12 * UNIT.hour),
  SESSION_MAX_DAYS: duration(UNIT.day).default(7 * UNIT.day),
  LOGIN_WINDOW: duration().default(15 * UNIT.minute),
  LOGIN_MAX_FAILS_PER_USER: whole(1).default(5),
  LOGIN_SLOW_AFTER_FAILS_PER_ADDRESS: whole(1).default(50),
  // runner
  RUNNER: oneOf(['on', 'off']).default('on'),
  RUNNER_INTERVAL_MS: duration().default(5_000),
  RUNNER_CONCURRENCY: whole(1, 64).default(2),
  RUNNER_MAX_ATTEMPTS: whole(1, 100).default(3),
  RUNNER_BACKOFF_MS: duration().default(60_000),
  RUN_TIME_LIMIT_MS: duration().default(30 * UNIT.minute),
  RUN_THREADS: whole(1, 256).default(2),
  RUN_MEMORY_LIMIT: size().default(2 * 1024 ** 3),
  RUN_HEAP_MB: size(MIB).default(512 * MIB),
  RUN_DATA_DIR: text.optional(),
  RUN_ARTIFACTS_DIR: text.optional(),
  RUN_SPILL_DIR: text.optional(),
  RUN_SPILL_MAX: size().default(10 * 1024 ** 3),
  RUN_STALE_AFTER_MS: duration().default(2 * UNIT.minute),
  RUN_WEBHOOK_TIMEOUT_MS: duration().default(5_000),
  RUN_ARTIFACTS_KEEP_RUNS: whole(0).default(20),
  RUN_ARTIFACTS_KEEP_DAYS: whole(0).default(30),
  SHUTDOWN_GRACE: duration().default(30_000),
  RUN_QUEUE_PER_USER: whole(0).default(5),
  WEBHOOK_ALLOW_HOSTS: text.default(''),
});
export type Settings = z.output<typeof settingsSchema>;

/**
 * Parses every setting; a bad value throws `ConfigError` naming the variable, the value and what is expected.
 * Empty values count as unset (`PORT=` in a .env file means the default).
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const given: Record<string, string> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') given[key] = value;
  }
  const parsed = settingsSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    return `  ${key}=${JSON.stringify(given[key] ?? '')}: expected ${issue.message}`;
  });
  throw new ConfigError(`Invalid setting${lines.length > 1 ? 's' : ''} (see .env.example):\n${lines.join('\n')}`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const s = readSettings(env);
  const dataDir = s.DATA_DIR ?? `${PROJECT_ROOT}.data`;
  return {
    port: s.PORT,
    host: s.HOST,
    databaseUrl: s.DATABASE_URL,
    databasePoolSize: s.DATABASE_POOL_SIZE,
    dataDir,
    bodyLimit: s.BODY_LIMIT_BYTES,
    logLevel: s.LOG_LEVEL,
    chromiumPath: s.CHROMIUM_PATH,
    uploads: {
      datasetsDir: s.DATASETS_DIR ?? `${dataDir}/datasets`,
      requestFilesDir: `${dataDir}/request-files`,
      datasetMaxBytes: s.DATASET_MAX_BYTES,
      previewMaxBytes: s.PREVIEW_MAX_BYTES,
      templatePreviews: s.TEMPLATE_PREVIEWS === 'on',
      modelsDir: s.MODELS_DIR ?? `${dataDir}/models`,
      perMinute: s.UPLOADS_PER_MINUTE,
      readHeapMb: Math.max(64, Math.floor(s.UPLOAD_READ_HEAP_MB / MIB)),
      readTimeLimitMs: s.UPLOAD_READ_TIME_LIMIT,
    },
    security: {
      secureCookies: s.COOKIE_SECURE === 'auto' ? 'auto' : s.COOKIE_SECURE === 'true',
      trustProxy: s.TRUST_PROXY === '1' || s.TRUST_PROXY === 'true',
      allowedOrigins: s.ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    },
    session: { idleMs: s.SESSION_IDLE_HOURS, absoluteMs: s.SESSION_MAX_DAYS },
    throttle: {
      windowMs: s.LOGIN_WINDOW,
      perUser: s.LOGIN_MAX_FAILS_PER_USER,
      perIp: s.LOGIN_SLOW_AFTER_FAILS_PER_ADDRESS,
    },
  };
}

/** `readConfig` for the entry points: a bad setting prints its message (no stack trace) and exits with 1. */
export function readConfigOrExit(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  try {
    return readConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}
