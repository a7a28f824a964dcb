import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the studio bundle is built from; a change to any of these makes `dist/` stale. */
const INPUTS = ['studio', 'runtime', 'nodes', 'vite.config.ts', 'package-lock.json'];
const SKIP = /(^|\/)(node_modules|\.data)(\/|$)|\.test\.ts$/;

/** The newest modification time among the build's inputs. */
async function newestInput(): Promise<number> {
  let newest = 0;
  for (const input of INPUTS) {
    const full = path.join(ROOT, input);
    const info = await stat(full).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) {
      newest = Math.max(newest, info.mtimeMs);
      continue;
    }
    for (const entry of await readdir(full, { withFileTypes: true, recursive: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || SKIP.test(path.relative(ROOT, file))) continue;
      newest = Math.max(newest, (await stat(file)).mtimeMs);
    }
  }
  return newest;
}

/** Whether `dist/` is missing or older than its sources. */
export async function buildIsStale(): Promise<boolean> {
  const built = await stat(path.join(ROOT, 'dist/index.html')).catch(() => undefined);
  return !built || built.mtimeMs < (await newestInput());
}

const LOCK = path.join(ROOT, 'node_modules/.cache/studio-build.lock');
/** A build older than this is taken to have died with its process, and its lock is broken. */
const LOCK_STALE_MS = 10 * 60_000;

/**
 * Holds the build lock while `work` runs. The test suite runs its files two at a time, and several browser tests
 * may find `dist/` stale at once: one builds, the others wait for it and then see a fresh build.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = await stat(LOCK).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Runs `vite build` when `dist/` is missing or older than the sources; `npm start` calls it first. */
export async function ensureBuild(log: (line: string) => void = console.log): Promise<boolean> {
  if (!(await buildIsStale())) return false;
  return withBuildLock(async () => {
    if (!(await buildIsStale())) return false;
    log('Building the studio (vite build)…');
    const started = performance.now();
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    log(`Studio built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return true;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureBuild();
}
