import { createDecoder } from '../../../runtime/sources/cp949.ts';

const CHUNK = 4 * 1024 * 1024;
/** Encoded chunks are gathered into Blobs of about this size, which the browser may keep out of JS memory. */
const PART = 64 * 1024 * 1024;

/**
 * Re-encodes a legacy-encoded file (`euc-kr` means CP949) as UTF-8, a few MB at a time with a pause between
 * chunks so the page stays responsive; `onProgress` gets the bytes read so far.
 */
export async function transcodeToUtf8(
  blob: Blob,
  encoding: string,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const decoder = createDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  for (let at = 0; at < blob.size; at += CHUNK) {
    signal?.throwIfAborted();
    const bytes = new Uint8Array(await blob.slice(at, at + CHUNK).arrayBuffer());
    const out = encoder.encode(decoder.decode(bytes, { stream: true }));
    pending.push(out);
    pendingBytes += out.byteLength;
    if (pendingBytes >= PART) flush();
    onProgress(Math.min(at + CHUNK, blob.size), blob.size);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  pending.push(encoder.encode(decoder.decode()));
  flush();
  return new Blob(parts, { type: 'text/csv' });
}
