/**
 * One upload, start to finish: refuse bad names and announced oversize bodies before reading, stream to disk
 * with the checksum, read and profile with DuckDB, then insert the row. Any failure removes the folder.
 */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type DatasetFormat, datasets, type Visibility } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { decodeFilename, formatOf, safeFilename } from './filename.ts';
import { profileFile } from './profile.ts';
import { profileInWorker, type ReadLimits } from './profile-in-worker.ts';
import { removeDataset, streamToDisk, tooLarge } from './store.ts';

export interface UploadRequest {
  body: ReadableStream<Uint8Array> | null;
  filenameHeader: string | undefined;
  contentLength: string | undefined;
  name?: string;
  format?: DatasetFormat;
  visibility: Visibility;
  owner: SessionUser;
  root: string;
  maxBytes: number;
  /** XLSX is read off the event loop under these limits. */
  readLimits: ReadLimits;
  now: Date;
}

export async function uploadDataset(db: Db, r: UploadRequest): Promise<string> {
  const originalName = decodeFilename(r.filenameHeader);
  const storedName = safeFilename(originalName);
  const format = formatOf(storedName, r.format);
  if (r.visibility === 'department' && !r.owner.department) {
    throw new ApiError(422, 'no_department', 'you have no department: ask an admin to set one before sharing with it');
  }
  if (r.contentLength && Number(r.contentLength) > r.maxBytes) throw tooLarge(r.maxBytes);
  const id = randomUUID();
  const stored = await streamToDisk(r.body, { root: r.root, id, name: storedName, maxBytes: r.maxBytes });
  try {
    const read =
      format === 'xlsx'
        ? await profileInWorker(stored.dir, storedName, format, r.readLimits)
        : await profileFile(stored.dir, storedName, format);
    await db.insert(datasets).values({
      id,
      ownerId: r.owner.id,
      name: r.name ?? storedName,
      originalName,
      storedName,
      format,
      size: stored.size,
      sha256: stored.sha256,
      rows: read.rows,
      columns: read.columns,
      profile: read.profile,
      warnings: read.warnings,
      visibility: r.visibility,
      department: r.owner.department,
      createdAt: r.now,
      updatedAt: r.now,
    });
    return id;
  } catch (e) {
    await removeDataset(r.root, id);
    throw e;
  }
}
