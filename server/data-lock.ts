/**
 * One server per embedded-database folder: PGlite is a single-process database, and two servers writing
 * one folder corrupt it. The first server writes `<dataDir>/server.lock` with its pid; a second one finds
 * the lock held by a live process and refuses to start. A lock left by a process that died (kill -9, a
 * crash, a reboot) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLocked extends Error {
  override name = 'DataDirLocked';
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `이 데이터 폴더는 이미 다른 서버(프로세스 ${pid})가 쓰고 있어 시작하지 않습니다. 그 서버를 먼저 멈추세요. ` +
        `(Another server, process ${pid}, already uses this data folder; stop it first. ` +
        `If no such process exists, delete ${file}.)`,
    );
  }
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock or throws `DataDirLocked`; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'server.lock');
  for (let tries = 0; tries < 3; tries++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx'); // atomic: exactly one of two servers starting at once creates it
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = holder(file);
      // our own pid: a container restarted us with the pid the dead server had
      if (pid !== undefined && pid !== process.pid && alive(pid)) throw new DataDirLocked(file, pid);
      if (pid === undefined && tries === 0) {
        // being written by a server starting this very moment: look again before calling it stale
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
      try {
        unlinkSync(file); // stale: its server is gone
      } catch {}
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return () => {
      try {
        if (holder(file) === process.pid) unlinkSync(file);
      } catch {}
    };
  }
  throw new Error(`could not take the lock ${file}`);
}
