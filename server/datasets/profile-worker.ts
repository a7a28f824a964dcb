/** Worker thread body of `profileInWorker`: profiles one file and posts the result or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetFormat } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { profileFile } from './profile.ts';

const { dir, file, format } = workerData as { dir: string; file: string; format: DatasetFormat };
try {
  parentPort?.postMessage({ ok: true, profile: await profileFile(dir, file, format) });
} catch (e) {
  parentPort?.postMessage(
    e instanceof ApiError
      ? { ok: false, status: e.status, code: e.code, message: e.message, details: e.details }
      : { ok: false, message: (e instanceof Error ? e.message : String(e)).slice(0, 2000) },
  );
}
