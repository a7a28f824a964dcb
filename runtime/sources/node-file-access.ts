import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
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
  /**
   * The server's sandbox: every file, whatever its path or dataset id became after `{{parameter}}`
   * substitution, is resolved with `realpath` (symlinks followed) when it is opened and refused unless it
   * lies inside one of these folders. Errors then speak Korean and never show a server path. Absent (the
   * command line): any path may be read and messages show the absolute path, for developers.
   */
  allowedRoots?: string[];
}

/** Local files through `node:fs`, for the command line, the server and tests. */
export class NodeFileAccess implements FileAccess {
  private tempDir: Promise<string> | undefined;
  private realRoots: Promise<string[]> | undefined;

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

  /**
   * Like `resolve`, and also dataset ids when a `resolveDataset` option was given. With `allowedRoots`,
   * the real path (symlinks resolved), refused outside those folders.
   */
  async locate(ref: FileRef): Promise<string> {
    const { resolveDataset, allowedRoots } = this.options;
    let file: string;
    if (ref.datasetId === undefined || !resolveDataset) file = this.resolve(ref);
    else {
      try {
        file = await resolveDataset(ref.datasetId);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        if (allowedRoots) throw new ParamError(why, 'datasetId');
        throw new ParamError(`Dataset "${ref.datasetId}" cannot be opened: ${why}`, 'datasetId');
      }
    }
    return allowedRoots ? this.confine(ref, file) : file;
  }

  private async confine(ref: FileRef, file: string): Promise<string> {
    this.realRoots ??= Promise.all(
      (this.options.allowedRoots ?? []).map((root) => realpath(root).catch(() => path.resolve(root))),
    );
    const real = await realpath(file).catch((e: unknown) => this.rethrowMissing(e, ref, file));
    const inside = (await this.realRoots).some((root) => real === root || real.startsWith(root + path.sep));
    if (!inside) {
      throw new ParamError(
        `"${shownName(ref)}"은(는) 서버의 데이터 폴더 밖에 있어 열 수 없습니다. 업로드한 데이터셋을 사용하세요. (This file is outside the server's data folder; use a dataset.)`,
        ref.datasetId !== undefined && ref.path === undefined ? 'datasetId' : 'path',
      );
    }
    return real;
  }

  async stat(ref: FileRef): Promise<FileInfo> {
    const file = await this.locate(ref);
    const info = await stat(file).catch((e: unknown) => this.rethrowMissing(e, ref, file));
    if (!info.isFile()) {
      if (this.options.allowedRoots)
        throw new ParamError(
          `"${shownName(ref)}"은(는) 파일이 아니라 폴더입니다. (This is a folder, not a file.)`,
          'path',
        );
      throw new ParamError(`"${ref.path ?? ref.datasetId}" is a folder, not a file (${file}).`, 'path');
    }
    return { name: path.basename(file), size: info.size, fingerprint: `${info.size}:${info.mtimeMs}:${file}` };
  }

  async head(ref: FileRef, length: number): Promise<Uint8Array> {
    const file = await this.locate(ref);
    const handle = await open(file, 'r').catch((e: unknown) => this.rethrowMissing(e, ref, file));
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
    const bytes = await readFile(file).catch((e: unknown) => this.rethrowMissing(e, ref, file));
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

  private rethrowMissing(error: unknown, ref: FileRef, file: string): never {
    return missingOrDenied(error, ref, file, this.options.allowedRoots !== undefined);
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

/** How an error names a file: as the officer wrote it, never as the server stores it. */
function shownName(ref: FileRef): string {
  return ref.path ?? `데이터셋 ${ref.datasetId}`;
}

/** File-system errors as messages; the sandboxed (server) form is Korean and shows no server path. */
function missingOrDenied(error: unknown, ref: FileRef, file: string, sandboxed: boolean): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const param = ref.path === undefined && ref.datasetId !== undefined ? 'datasetId' : 'path';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    if (sandboxed) {
      throw new ParamError(
        `파일을 찾을 수 없습니다: "${shownName(ref)}". 경로와 파일 이름을 확인하세요. (File not found.)`,
        param,
      );
    }
    throw new ParamError(
      `File not found: "${ref.path ?? `dataset ${ref.datasetId}`}" (looked for ${file}). Check the path and the file name.`,
      'path',
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    if (sandboxed)
      throw new ParamError(`"${shownName(ref)}"을(를) 읽을 권한이 없습니다. (No permission to read.)`, param);
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
