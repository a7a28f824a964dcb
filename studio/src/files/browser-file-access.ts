import { type AsyncDuckDB, DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import { ParamError } from '../../../runtime/errors.ts';
import { msg } from '../../../runtime/messages/render.ts';
import type {
  EngineLocation,
  EngineLocationOptions,
  FileAccess,
  FileInfo,
  FileRef,
  WriteTarget,
} from '../../../runtime/sources/file-access.ts';
import { loadSamples, sampleOfDataset } from '../sources/samples.ts';
import type { FileLoad } from '../state/store-types.ts';
import { type FileStore, type StoredFile, samplePath } from './file-store.ts';
import { transcodeToUtf8 } from './transcode.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Files for the runtime in the browser: what the officer dropped or picked, the shipped samples, and server
 * datasets (downloaded with the session cookie). DuckDB
 * reads a file through its handle (`registerFileHandle`, read in slices inside the worker), so a large file
 * is never copied into the page's memory; only legacy encodings are re-encoded first, in chunks.
 */
export class BrowserFileAccess implements FileAccess {
  private seq = 0;
  /** Server datasets fetched this session, by id (the server's SHA-256 is their fingerprint). */
  private readonly datasets = new Map<string, Promise<StoredFile>>();

  constructor(
    private readonly db: AsyncDuckDB,
    private readonly store: FileStore,
    private readonly onProgress: (load: FileLoad) => void = () => {},
  ) {}

  async stat(ref: FileRef): Promise<FileInfo> {
    const file = await this.resolve(ref);
    return { name: file.name, size: file.blob.size, fingerprint: file.fingerprint };
  }

  async head(ref: FileRef, length: number): Promise<Uint8Array> {
    const file = await this.resolve(ref);
    return new Uint8Array(await file.blob.slice(0, length).arrayBuffer());
  }

  async readAll(ref: FileRef): Promise<Uint8Array> {
    const file = await this.resolve(ref);
    const total = file.blob.size;
    this.onProgress({ name: file.name, phase: 'reading', done: 0, total });
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    this.onProgress({ name: file.name, phase: 'done', done: total, total });
    return bytes;
  }

  async engineLocation(ref: FileRef, options: EngineLocationOptions = {}): Promise<EngineLocation> {
    const file = await this.resolve(ref);
    const report = (phase: FileLoad['phase'], done: number) =>
      this.onProgress({ name: file.name, phase, done, total: file.blob.size });
    let blob = file.blob;
    if (options.decodeFrom) {
      blob = await transcodeToUtf8(blob, options.decodeFrom, (done) => report('transcoding', done), options.signal);
    }
    const location = `f${++this.seq}_${file.name.replace(/[^\w.-]+/g, '_')}`;
    await this.db.registerFileHandle(location, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    report('loading', 0);
    return {
      location,
      release: async () => {
        await this.db.dropFile(location);
        report('done', file.blob.size);
      },
    };
  }

  async writeTarget(_path: string): Promise<WriteTarget> {
    throw new ParamError(
      'Writing files runs on the server and the command line; in the studio, download the result.',
      'path',
      msg('file.write_on_server'),
    );
  }

  async writeBytes(_path: string, _bytes: Uint8Array): Promise<void> {
    throw new ParamError(
      'Writing files runs on the server and the command line; in the studio, download the result.',
      'path',
      msg('file.write_on_server'),
    );
  }

  /**
   * Downloads a server dataset with the officer's session cookie, reporting progress; the browser keeps the
   * bytes as a Blob that DuckDB then reads through its handle like a dropped file.
   */
  private async fetchDataset(id: string): Promise<StoredFile> {
    const response = await fetch(`/api/datasets/${encodeURIComponent(id)}/file`, { credentials: 'same-origin' });
    if (response.status === 401) {
      throw new ParamError(`Sign in to open server dataset "${id}".`, 'datasetId', msg('file.sign_in_for_dataset'));
    }
    if (!response.ok || !response.body) {
      throw new ParamError(
        `Server dataset "${id}" was not found or is not shared with you (HTTP ${response.status}).`,
        'datasetId',
        msg('file.dataset_unavailable'),
      );
    }
    const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    const fileName = name ? decodeURIComponent(name) : `dataset-${id}`;
    const total = Number(response.headers.get('content-length') ?? 0);
    const chunks: Uint8Array[] = [];
    let done = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      chunks.push(value);
      done += value.byteLength;
      this.onProgress({ name: fileName, phase: 'reading', done, total });
    }
    this.onProgress({ name: fileName, phase: 'done', done, total: done });
    const fingerprint = response.headers.get('x-content-sha256') ?? `${id}:${done}`;
    return { name: fileName, blob: new Blob(chunks as BlobPart[]), fingerprint };
  }

  /** A sample's dataset is read from `/samples/` (no sign-in, cached like a sample path); others from the API. */
  private async fetchDatasetOrSample(id: string): Promise<StoredFile> {
    const sample = sampleOfDataset(await loadSamples().catch(() => []), id);
    const file = sample ? await this.store.find(samplePath(sample.name)) : undefined;
    if (file) return file;
    if (!UUID.test(id)) {
      // Not an id the server issues (typed by hand): asking would only earn an HTTP 400.
      throw new ParamError(
        `"${id}" is not a server dataset: choose one from the list.`,
        'datasetId',
        msg('file.not_a_dataset', { id }),
      );
    }
    return this.fetchDataset(id);
  }

  private async resolve(ref: FileRef): Promise<StoredFile> {
    if (ref.datasetId !== undefined) {
      const id = ref.datasetId;
      let pending = this.datasets.get(id);
      if (!pending) {
        pending = this.fetchDatasetOrSample(id);
        this.datasets.set(id, pending);
        pending.catch(() => this.datasets.delete(id));
      }
      return pending;
    }
    if (!ref.path) throw new ParamError('No file given: set "path".', 'path', msg('file.none_given'));
    const file = await this.store.find(ref.path);
    if (!file) {
      throw new ParamError(
        `"${ref.path}" is not in this browser: drop the file onto the studio again (data never leaves this computer).`,
        'path',
        msg('file.not_in_browser', { path: ref.path }),
      );
    }
    return file;
  }
}
