/**
 * A real server process (`server/main.ts`, what `npm start` runs) for the tests of what only a process
 * shows: kill -9, SIGTERM, two servers on one data folder. Embedded PGlite in the given folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../e2e/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export type Json = Record<string, unknown>;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code (null when a signal ended it) once the process is gone. */
  exited: Promise<number | null>;
}

/** Spawns the server; it may not answer yet (see `startServerProcess`). */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx', '--import', './server/test/exit-with-parent.mjs', 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // Previews off unless a test asks: drawing them runs every shipped template (training models too) in the
    // background, which took a core from the other test files for the whole life of the server.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      TEMPLATE_PREVIEWS: 'off',
      ...env,
    },
    stdio: 'pipe', // stdin stays open while this process lives: see exit-with-parent.mjs
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += String(d);
  });
  child.stderr.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Spawns the server and waits until `/api/health` answers. */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const proc = await spawnServer(dataDir, env);
  try {
    await until(
      () =>
        fetch(`${proc.url}/api/health`).then(
          (r) => r.ok,
          () => {
            if (proc.child.exitCode !== null) throw new Error(`the server exited:\n${proc.output()}`);
            return false;
          },
        ),
      120_000, // a loaded machine (8 test runs at once) has taken over 60 s to start one
    );
  } catch (e) {
    await stopServerProcess(proc, 2_000); // never leave a server behind a failed start
    throw e;
  }
  return proc;
}

/** SIGTERM, then SIGKILL if it is still there after `ms`. */
export async function stopServerProcess(proc: ServerProcess | undefined, ms = 10_000): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), ms);
  await proc.exited;
  clearTimeout(timer);
}

/** Polls `check` until it returns something truthy (a state change in another process, not a timing). */
export async function until<T>(
  check: () => Promise<T | false | undefined> | T | false | undefined,
  limitMs: number,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A cookie- and CSRF-keeping client of a server over HTTP. */
export function httpClient(base: string) {
  let cookie = '';
  let csrf = '';
  return async (
    method: string,
    route: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json; text: string }> => {
    const headers: Record<string, string> = { origin: base, cookie };
    if (csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('cas_session='));
    if (set) cookie = set.split(';')[0]!;
    const text = await res.text();
    const json = (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Json;
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status, json, text };
  };
}

/** Signs in as the first-start admin (password from the server's output) and sets `chosen` as the new password. */
export async function signInFirstAdmin(proc: ServerProcess, chosen: string) {
  const password = /one-time password\s+(\S+)/.exec(proc.output())?.[1];
  if (!password) throw new Error(`no one-time password in the output:\n${proc.output()}`);
  const api = httpClient(proc.url);
  const login = await api('POST', '/api/auth/login', { username: 'admin', password });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${login.text}`);
  const changed = await api('POST', '/api/auth/password', { currentPassword: password, newPassword: chosen });
  if (changed.status !== 204) throw new Error(`password change: ${changed.status} ${changed.text}`);
  return api;
}
