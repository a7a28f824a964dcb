import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Engine } from '../engine/engine.ts';
import { ParamError } from '../errors.ts';
import { createDecoder, type TextDecoderLike } from './cp949.ts';
import type {
  EngineLocation,
  EngineLocationOptions,
  FileAccess,
  FileInfo,
  FileRef,
  WriteTarget,
} from './file-access.ts';

export interface NodeFileAccessOptions {
  /** Relative paths resolve against this folder (the pipeline's folder, or the working directory). */
  baseDir: string;
  /** The engine that will open the files: native reads paths, WASM gets registered buffers. */
  engine: Engine;
  /**
   * Turns a `datasetId` into the absolute path of its file (the server passes its dataset store here, so that
   * scheduled runs read uploaded datasets). Without it, dataset references are refused as before.
   */
  resolveDataset?: (id: string) => Promise<string>;
}

/** Local files through `node:fs`, for the command line, the server and tests. */
export class NodeFileAccess implements FileAccess {
  private tempDir: Promise<string> | undefined;

  constructor(private readonly options: NodeFileAccessOptions) {}

  /** The absolute path a reference points at; dataset ids only with `resolveDataset` (see `locate`). */
  resolve(ref: FileRef): string {
    if (ref.datasetId !== undefined) {
      throw new ParamError(
        `Dataset "${ref.datasetId}" cannot be opened here: server datasets are not available yet. Give a file "path" instead.`,
        'datasetId',
      );
    }
    if (!ref.path) throw new ParamError('No file given: set "path".', 'path');
    return path.resolve(this.options.baseDir, ref.path);
  }

  /** Like `resolve`, and also dataset ids when a `resolveDataset` option was given. */
  async locate(ref: FileRef): Promise<string> {
    const { resolveDataset } = this.options;
    if (ref.datasetId === undefined || !resolveDataset) return this.resolve(ref);
    try {
      return await resolveDataset(ref.datasetId);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ParamError(`Dataset "${ref.datasetId}" cannot be opened: ${why}`, 'datasetId');
    }
  }

  async stat(ref: FileRef): Promise<FileInfo> {
    const file = await this.locate(ref);
    const info = await stat(file).catch((e: unknown) => rethrowMissing(e, ref, file));
    if (!info.isFile())
      throw new ParamError(`"${ref.path ?? ref.datasetId}" is a folder, not a file (${file}).`, 'path');
    return { name: path.basename(file), size: info.size, fingerprint: `${info.size}:${info.mtimeMs}:${file}` };
  }

  async head(ref: FileRef, length: number): Promise<Uint8Array> {
    const file = await this.locate(ref);
    const handle = await open(file, 'r').catch((e: unknown) => rethrowMissing(e, ref, file));
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async readAll(ref: FileRef): Promise<Uint8Array> {
    const file = await this.locate(ref);
    const bytes = await readFile(file).catch((e: unknown) => rethrowMissing(e, ref, file));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async engineLocation(ref: FileRef, options: EngineLocationOptions = {}): Promise<EngineLocation> {
    const file = await this.locate(ref);
    await this.stat(ref);
    const decoder = options.decodeFrom ? makeDecoder(options.decodeFrom) : undefined;
    const { engine } = this.options;
    if (engine.kind === 'duckdb-wasm') {
      let bytes = await this.readAll(ref);
      if (decoder) bytes = new TextEncoder().encode(decoder.decode(bytes));
      const name = `${uniqueId()}_${path.basename(file)}`;
      const location = await engine.registerFile(name, bytes);
      return { location, release: () => engine.dropFile(name) };
    }
    if (!decoder) return { location: file, release: async () => {} };
    const target = path.join(await this.tempFolder(), `${uniqueId()}_${path.basename(file)}`);
    try {
      await transcode(file, target, decoder, options.signal);
    } catch (e) {
      await rm(target, { force: true });
      throw e;
    }
    return { location: target, release: () => rm(target, { force: true }) };
  }

  async writeTarget(destination: string): Promise<WriteTarget> {
    if (this.options.engine.kind === 'duckdb-wasm') {
      throw new Error('Writing files with COPY from the WASM engine is not supported here; use the native engine.');
    }
    const file = await this.prepareDestination(destination);
    const temp = tempSibling(file);
    return {
      location: temp,
      commit: () => rename(temp, file),
      discard: () => rm(temp, { force: true }),
    };
  }

  async writeBytes(destination: string, bytes: Uint8Array): Promise<void> {
    const file = await this.prepareDestination(destination);
    const temp = tempSibling(file);
    try {
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  /** Removes transcoded temp files; call when the run (or the process) is done with this instance. */
  async close(): Promise<void> {
    const dir = this.tempDir;
    this.tempDir = undefined;
    if (dir) await rm(await dir, { recursive: true, force: true });
  }

  private async prepareDestination(destination: string): Promise<string> {
    const file = this.resolve({ path: destination });
    await mkdir(path.dirname(file), { recursive: true });
    return file;
  }

  private tempFolder(): Promise<string> {
    this.tempDir ??= mkdtemp(path.join(tmpdir(), 'customs-studio-src-'));
    return this.tempDir;
  }
}

/** Streams `source` through the decoder into a UTF-8 file, a chunk at a time. */
async function transcode(
  source: string,
  target: string,
  decoder: TextDecoderLike,
  signal?: AbortSignal,
): Promise<void> {
  const encoder = new TextEncoder();
  await pipeline(
    createReadStream(source),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) yield encoder.encode(decoder.decode(chunk, { stream: true }));
      const tail = decoder.decode();
      if (tail) yield encoder.encode(tail);
    },
    createWriteStream(target),
    signal ? { signal } : {},
  );
}

/** Not fatal: a stray byte becomes U+FFFD instead of failing a whole extract. euc-kr labels mean CP949. */
function makeDecoder(label: string): TextDecoderLike {
  try {
    return createDecoder(label);
  } catch {
    throw new ParamError(`Unknown text encoding "${label}".`, 'options.encoding');
  }
}

function rethrowMissing(error: unknown, ref: FileRef, file: string): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    throw new ParamError(
      `File not found: "${ref.path ?? `dataset ${ref.datasetId}`}" (looked for ${file}). Check the path and the file name.`,
      'path',
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    throw new ParamError(`No permission to read "${ref.path ?? ref.datasetId}" (${file}).`, 'path');
  }
  throw error;
}

/** A hidden temp name in the destination's folder that keeps its extensions (`out.csv.gz` stays gzip). */
function tempSibling(file: string): string {
  return path.join(path.dirname(file), `.${uniqueId()}.tmp.${path.basename(file)}`);
}

function uniqueId(): string {
  return randomBytes(6).toString('hex');
}
