import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromJson, type TrainingCache, toJson } from './training-cache.ts';

/**
 * Trained models on disk, one JSON file per content key (`<dir>/<key>.json`), for the server and the
 * command line: a scheduled run or a re-run over the same rows and settings reuses the training.
 * Written to a temporary name and renamed, so a reader never sees half a file.
 */
export class FileTrainingCache implements TrainingCache {
  constructor(private readonly dir: string) {}

  private file(key: string) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('a training cache key is a SHA-256 in hex');
    return path.join(this.dir, `${key}.json`);
  }

  async get(key: string) {
    try {
      return fromJson(await readFile(this.file(key), 'utf8'));
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown) {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file(key)}.${process.pid}.tmp`;
    await writeFile(tmp, toJson(value));
    await rename(tmp, this.file(key));
  }
}

/** Where the training cache lives beside a model registry folder. */
export function trainingCacheDir(modelsDir: string): string {
  return path.join(path.dirname(path.resolve(modelsDir)), 'training-cache');
}
