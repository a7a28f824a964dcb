import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTrainingCache } from './file-training-cache.ts';

const key = (n: number) => n.toString(16).padStart(64, '0');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('the training cache on disk', () => {
  it('keeps typed arrays and refuses a key that is not a SHA-256', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cas-train-'));
    dirs.push(dir);
    const cache = new FileTrainingCache(dir);
    await cache.set(key(1), { w: Float32Array.from([0.5, 1.5]) });
    expect(await cache.get(key(1))).toEqual({ w: Float32Array.from([0.5, 1.5]) });
    expect(await cache.get(key(2))).toBeUndefined();
    await expect(cache.set('../../etc/passwd', {})).rejects.toThrow(/SHA-256/);
  });

  it('keeps only the most recently used trainings, so schedules cannot fill the disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cas-train-'));
    dirs.push(dir);
    const cache = new FileTrainingCache(dir, 2);
    await cache.set(key(1), { n: 1 });
    await cache.set(key(2), { n: 2 });
    // the first was written long ago but read just now; the second is the least recently used
    const past = new Date(Date.now() - 60_000);
    await utimes(path.join(dir, `${key(1)}.json`), past, past);
    await utimes(path.join(dir, `${key(2)}.json`), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    expect(await cache.get(key(1))).toEqual({ n: 1 });
    await cache.set(key(3), { n: 3 });
    expect((await readdir(dir)).sort()).toEqual([`${key(1)}.json`, `${key(3)}.json`]);
    expect(await cache.get(key(2))).toBeUndefined();
  });
});
