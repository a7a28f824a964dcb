import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromJson, type TrainingCache, toJson } from './training-cache.ts';

/** How many trainings the folder keeps: each is a few MB, and schedules re-run the same few pipelines. */
const DEFAULT_CAPACITY = 64;

/**
 * Trained models on disk, one JSON file per content key (`<dir>/<key>.json`), for the server and the
 * command line: a scheduled run or a re-run over the same rows and settings reuses the training.
 * Written to a temporary name and renamed, so a reader never sees half a file. The folder keeps the
 * `capacity` most recently used trainings (a read touches the file), so it cannot fill the disk.
 */
export class FileTrainingCache implements TrainingCache {
  constructor(
    private readonly dir: string,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  private file(key: string) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('a training cache key is a SHA-256 in hex');
    return path.join(this.dir, `${key}.json`);
  }

  async get(key: string) {
    try {
      const value = fromJson(await readFile(this.file(key), 'utf8'));
      const now = new Date();
      await utimes(this.file(key), now, now).catch(() => {}); // recently used: kept longest
      return value;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown) {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file(key)}.${process.pid}.tmp`;
    await writeFile(tmp, toJson(value));
    await rename(tmp, this.file(key));
    await this.prune();
  }

  /** Drops the least recently used trainings beyond the capacity (another process may prune at the same time). */
  private async prune() {
    const names = (await readdir(this.dir)).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
    if (names.length <= this.capacity) return;
    const aged = await Promise.all(
      names.map(async (n) => ({ n, used: (await stat(path.join(this.dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })),
    );
    aged.sort((a, b) => b.used - a.used);
    await Promise.all(aged.slice(this.capacity).map(({ n }) => rm(path.join(this.dir, n), { force: true })));
  }
}

/** Where the training cache lives beside a model registry folder. */
export function trainingCacheDir(modelsDir: string): string {
  return path.join(path.dirname(path.resolve(modelsDir)), 'training-cache');
}
