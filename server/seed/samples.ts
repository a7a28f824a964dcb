/**
 * The shipped sample files under `templates/data` (top level and one folder down, e.g. `kcs/`) as public server
 * datasets owned by the system account, stored and profiled as an upload is (`streamToDisk` + `profileFile`).
 * Keyed by the sample's path (a deterministic dataset id): unchanged files cost one `stat` each on a warm start
 * (the stored copy carries the shipped file's mtime); a changed file's SHA-256 decides whether it is stored and
 * profiled again under the same id.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import { formatOf } from '../datasets/filename.ts';
import { profileFile } from '../datasets/profile.ts';
import { datasetDir, streamToDisk } from '../datasets/store.ts';
import type { Db } from '../db/client.ts';
import { type DatasetFormat, type DatasetRow, datasets } from '../db/schema.ts';
import { sampleDatasetId } from './ids.ts';

/** A data file name (no README/LICENSE); one optional folder level, plain characters only. */
export const SAMPLE_NAME = /^(?:[\w-]+\/)?[\w-][\w.-]*\.(?:csv|tsv|parquet|json|jsonl|xlsx|zip|png|jpe?g|pdf)$/;

export interface SampleFile {
  /** The path under `templates/data`, with `/` (`declarations.csv`, `kcs/df_syn_train_eng.csv`). */
  name: string;
  file: string;
  size: number;
  mtimeMs: number;
}

/** The sample data files, sorted by name. */
export async function listSampleFiles(samplesDir: string): Promise<SampleFile[]> {
  const out: SampleFile[] = [];
  const visit = async (rel: string, depth: number) => {
    const entries = await readdir(path.join(samplesDir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && depth === 0 && /^[\w-]+$/.test(e.name)) await visit(name, 1);
      else if (e.isFile() && SAMPLE_NAME.test(name)) {
        const file = path.join(samplesDir, name);
        const s = await stat(file);
        out.push({ name, file, size: s.size, mtimeMs: s.mtimeMs });
      }
    }
  };
  await visit('', 0);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const KEPT = {
  id: datasets.id,
  storedName: datasets.storedName,
  format: datasets.format,
  size: datasets.size,
  sha256: datasets.sha256,
  rows: datasets.rows,
};
type Kept = Pick<DatasetRow, keyof typeof KEPT>;

export interface SeededSample {
  name: string;
  datasetId: string;
  format: DatasetFormat;
  rows: number;
  size: number;
}

export interface SampleSeedOptions {
  samplesDir: string;
  /** The dataset store (`config.uploads.datasetsDir`). */
  datasetsDir: string;
  system: SessionUser;
  now: Date;
  log?: (message: string) => void;
}

/** Registers every sample as a public dataset; returns them by name (what `rewriteSamplePaths` needs). */
export async function seedSampleDatasets(db: Db, o: SampleSeedOptions): Promise<Map<string, SeededSample>> {
  const files = await listSampleFiles(o.samplesDir);
  const ids = files.map((f) => sampleDatasetId(f.name));
  // not the profiles: a warm start reads a few small columns per sample
  const rows = ids.length === 0 ? [] : await db.select(KEPT).from(datasets).where(inArray(datasets.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, SeededSample>();
  for (const f of files) {
    const id = sampleDatasetId(f.name);
    let row = byId.get(id);
    if (!row || !(await unchanged(o.datasetsDir, row, f))) {
      const seeded = await storeSample(db, id, f, row, o);
      if (seeded) row = seeded;
    }
    if (row) out.set(f.name, { name: f.name, datasetId: id, format: row.format, rows: row.rows, size: row.size });
  }
  return out;
}

/** Same size and the stored copy has the shipped file's mtime: nothing to read. */
async function unchanged(root: string, row: Kept, f: SampleFile): Promise<boolean> {
  if (row.size !== f.size) return false;
  const copy = await stat(path.join(datasetDir(root, row.id), row.storedName)).catch(() => undefined);
  return copy !== undefined && copy.size === f.size && Math.trunc(copy.mtimeMs) === Math.trunc(f.mtimeMs);
}

async function storeSample(
  db: Db,
  id: string,
  f: SampleFile,
  row: Kept | undefined,
  o: SampleSeedOptions,
): Promise<Kept | undefined> {
  const storedName = path.basename(f.name);
  const copy = path.join(datasetDir(o.datasetsDir, id), storedName);
  const sha256 = await fileSha256(f.file);
  const copyThere = await stat(copy).catch(() => undefined);
  if (row && row.sha256 === sha256 && row.storedName === storedName && copyThere?.size === f.size) {
    await utimes(copy, new Date(), new Date(f.mtimeMs)); // the same bytes: next start only stats
    return row;
  }
  const started = performance.now();
  try {
    const body = Readable.toWeb(createReadStream(f.file)) as ReadableStream<Uint8Array>;
    const stored = await streamToDisk(body, { root: o.datasetsDir, id, name: storedName, maxBytes: Infinity });
    await utimes(stored.file, new Date(), new Date(f.mtimeMs));
    const format = formatOf(storedName);
    const read = await profileFile(stored.dir, storedName, format);
    const values = {
      ownerId: o.system.id,
      name: f.name,
      originalName: f.name,
      storedName,
      format,
      size: stored.size,
      sha256: stored.sha256,
      rows: read.rows,
      columns: read.columns,
      profile: read.profile,
      warnings: read.warnings,
      visibility: 'public' as const,
      department: null,
      updatedAt: o.now,
    };
    const [saved] = await db
      .insert(datasets)
      .values({ id, ...values, createdAt: o.now })
      .onConflictDoUpdate({ target: datasets.id, set: values })
      .returning(KEPT);
    o.log?.(`Sample ${f.name}: ${row ? 'updated' : 'registered'} in ${Math.round(performance.now() - started)} ms`);
    return saved;
  } catch (e) {
    o.log?.(`Sample ${f.name} could not be registered as a dataset: ${(e as Error).message}`);
    return undefined;
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
