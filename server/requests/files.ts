/**
 * Files attached to an analysis request: `<requestFilesDir>/<requestId>/<fileId>/<storedName>`, streamed to disk
 * under the dataset upload limit with their checksum (the datasets' own store), listed in the request's
 * `attachments`. Only people who may see the request reach them (the routes check with `viewableRequest`).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { decodeFilename, safeFilename } from '../datasets/filename.ts';
import { datasetDir, insideRoot, removeDataset, streamToDisk, tooLarge } from '../datasets/store.ts';
import type { Db } from '../db/client.ts';
import { analysisRequests } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { Attachment } from './queries.ts';

/** A request holds at most this many attachments (files, datasets and links together). */
export const MAX_ATTACHMENTS = 20;

export type FileAttachment = Extract<Attachment, { kind: 'file' }>;

export interface FileUpload {
  body: ReadableStream<Uint8Array> | null;
  filenameHeader: string | undefined;
  contentLength: string | undefined;
  root: string;
  maxBytes: number;
  uploaderId: string;
  now: Date;
}

const folderOf = (root: string, requestId: string) => path.join(root, requestId);

/** Stores the file and appends it to the request's attachments in one statement (refused past the maximum). */
export async function attachFile(db: Db, requestId: string, r: FileUpload): Promise<FileAttachment> {
  const name = decodeFilename(r.filenameHeader);
  const storedName = safeFilename(name);
  if (r.contentLength && Number(r.contentLength) > r.maxBytes) throw tooLarge(r.maxBytes);
  const fileId = randomUUID();
  const root = folderOf(r.root, requestId);
  const stored = await streamToDisk(r.body, { root, id: fileId, name: storedName, maxBytes: r.maxBytes });
  const entry: FileAttachment = {
    kind: 'file',
    fileId,
    name,
    storedName,
    size: stored.size,
    sha256: stored.sha256,
    uploadedBy: r.uploaderId,
    uploadedAt: r.now.toISOString(),
  };
  const added = await db
    .update(analysisRequests)
    .set({ attachments: sql`${analysisRequests.attachments} || ${JSON.stringify([entry])}::jsonb`, updatedAt: r.now })
    .where(
      sql`${analysisRequests.id} = ${requestId} and jsonb_array_length(${analysisRequests.attachments}) < ${MAX_ATTACHMENTS}`,
    )
    .returning({ id: analysisRequests.id });
  if (added.length === 0) {
    await removeDataset(root, fileId);
    throw new ApiError(422, 'request_too_many_attachments', `a request holds at most ${MAX_ATTACHMENTS} attachments`);
  }
  return entry;
}

/** The stored file of an attachment, confined to the request's folder. */
export function attachmentPath(root: string, requestId: string, a: FileAttachment): string {
  const dir = datasetDir(folderOf(root, requestId), a.fileId);
  return insideRoot(dir, path.join(dir, a.storedName));
}
