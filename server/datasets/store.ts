/**
 * Dataset files on disk: `<datasetsDir>/<id>/<storedName>`. An upload streams into a temp file in the dataset's
 * own folder while its size is counted and its SHA-256 computed; over the limit, or on any failure, the whole
 * folder goes away, so nothing is ever left half-written.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApiError } from '../errors.ts';

export interface StoredUpload {
  dir: string;
  file: string;
  size: number;
  sha256: string;
}

export const datasetDir = (root: string, id: string) => path.join(root, id);

/** Checks that `file` lies inside `root` (defence in depth after sanitizing). */
export function insideRoot(root: string, file: string): string {
  const resolved = path.resolve(file);
  const base = path.resolve(root) + path.sep;
  if (!resolved.startsWith(base))
    throw new ApiError(400, 'bad_filename', 'refused file name: outside the dataset folder');
  return resolved;
}

export const tooLarge = (max: number) =>
  new ApiError(413, 'payload_too_large', `dataset uploads are limited to ${max} bytes`);

/** Streams the body to `<root>/<id>/<name>`; throws 413 past `maxBytes` (and removes everything written). */
export async function streamToDisk(
  body: ReadableStream<Uint8Array> | null,
  target: { root: string; id: string; name: string; maxBytes: number },
): Promise<StoredUpload> {
  if (!body) throw new ApiError(400, 'empty_upload', 'the upload has no body');
  const dir = datasetDir(target.root, target.id);
  const file = insideRoot(dir, path.join(dir, target.name));
  const temp = path.join(dir, '.upload.tmp');
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > target.maxBytes) return done(tooLarge(target.maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await mkdir(dir, { recursive: true });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), meter, createWriteStream(temp));
    if (size === 0) throw new ApiError(422, 'empty_file', 'the file is empty (0 bytes)');
    await rename(temp, file);
  } catch (e) {
    await removeDataset(target.root, target.id);
    throw e;
  }
  return { dir, file, size, sha256: hash.digest('hex') };
}

export function removeDataset(root: string, id: string): Promise<void> {
  return rm(datasetDir(root, id), { recursive: true, force: true });
}
