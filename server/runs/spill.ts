/**
 * Where runs spill. Each run works in `<spill root>/<runId>/` (`spill/`: DuckDB's temp files under the run's
 * quota, `out/`: its artifacts until they are moved into place), deleted when the run ends; the whole root is
 * cleared when the server starts. A run's SQL can see these two paths (`duckdb_settings()` lists its temp and
 * allowed folders), so the default root says nothing about the server's own folders: a folder under
 * `/var/tmp` (on disk, unlike a `/tmp` that may be memory), one per data folder so servers sharing a machine
 * do not clear each other's.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Disk one run may fill with spill files (sorts, joins, aggregates larger than its memory limit). */
export const DEFAULT_SPILL_MAX_BYTES = 10 * 1024 ** 3;

export function defaultSpillDir(artifactsDir: string): string {
  const tag = createHash('sha256').update(path.resolve(artifactsDir)).digest('hex').slice(0, 8);
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  return path.join(base, `customs-studio-spill-${tag}`);
}

/** Deletes every run's work folder a stopped or crashed server left behind; call once at start, before the runner claims. */
export async function clearSpill(spillDir: string): Promise<void> {
  await rm(spillDir, { recursive: true, force: true });
}
