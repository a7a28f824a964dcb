/** The data-folder lock: a live holder refuses a second server; a dead holder's lock is taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from './data-lock.ts';

describe('data folder lock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cas-lock-'));
  const file = path.join(dir, 'server.lock');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses while a live process holds it, naming that process in Korean', () => {
    writeFileSync(file, String(process.ppid)); // the test runner's parent: alive
    expect(() => lockDataDir(dir)).toThrow(DataDirLocked);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`이미 다른 서버\\(프로세스 ${process.ppid}\\)`));
    expect(readFileSync(file, 'utf8')).toBe(String(process.ppid));
  });

  it('takes over the lock of a process that is gone, and releases only its own', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(file, gone);
    const release = lockDataDir(dir);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
    expect(() => lockDataDir(dir)()).not.toThrow();
  });
});
