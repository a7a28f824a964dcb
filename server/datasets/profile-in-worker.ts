/**
 * Profiles an upload in a worker thread with a heap cap and a time limit, so that a hostile or merely huge
 * workbook cannot freeze the server (health checks, other users) or take all its memory. Used for XLSX, the
 * one format read by JavaScript (exceljs) rather than by DuckDB's own threads.
 */
import { Worker } from 'node:worker_threads';
import type { DatasetFormat } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { say } from '../security/say.ts';
import type { DatasetProfile } from './profile.ts';

export interface ReadLimits {
  /** JS heap of the worker (MB). */
  heapMb: number;
  /** Wall-clock limit of the read (ms). */
  timeLimitMs: number;
}

type Reply =
  | { ok: true; profile: DatasetProfile }
  | { ok: false; status?: number; code?: string; message: string; details?: Record<string, unknown> };

export function profileInWorker(
  dir: string,
  file: string,
  format: DatasetFormat,
  limits: ReadLimits,
): Promise<DatasetProfile> {
  const seconds = Math.round(limits.timeLimitMs / 100) / 10;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./profile-worker-entry.mjs', import.meta.url), {
      workerData: { dir, file, format },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true, // a library's console output must not reach the server log with file contents
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new ApiError(422, 'read_time_limit', `reading the file took over the ${seconds} s time limit`, {
              limit: 'timeLimitMs',
              limitValue: limits.timeLimitMs,
              ...say(
                `파일을 읽는 데 ${seconds}초가 넘게 걸려 중단했습니다 (시간 한도 ${seconds}초). 필요한 부분만 CSV로 저장해 올려 주세요`,
                `reading the file took over the ${seconds} s time limit; save the part you need as CSV`,
              ),
            }),
          ),
        ),
      limits.timeLimitMs,
    );
    worker.on('message', (reply: Reply) =>
      settle(() => {
        if (reply.ok) return resolve(reply.profile);
        if (reply.status && reply.code) {
          return reject(new ApiError(reply.status as 422, reply.code, reply.message, reply.details));
        }
        reject(new Error(reply.message));
      }),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ApiError(422, 'read_memory_limit', `reading the file needed over ${limits.heapMb} MB`, {
                limit: 'heapMb',
                limitValue: limits.heapMb,
                ...say(
                  `파일을 읽는 데 메모리 한도(${limits.heapMb} MB)를 넘어 중단했습니다. 필요한 부분만 CSV로 저장해 올려 주세요`,
                  `reading the file needed over the ${limits.heapMb} MB memory limit; save the part you need as CSV`,
                ),
              })
            : new Error(`profile worker: ${e.message.slice(0, 500)}`),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`profile worker exited with code ${code} before answering`))),
    );
  });
}
