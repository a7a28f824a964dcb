import { createStore as createIdbStore, del, get, set, type UseStore } from 'idb-keyval';
import { sampleUrl } from '../sources/samples.ts';

/** Where `source.file` paths point in the browser: files the officer dropped, and the shipped samples. */
export interface StoredFile {
  name: string;
  blob: Blob;
  /** Changes whenever the content may have changed. */
  fingerprint: string;
}

const SAMPLE_PREFIXES = ['templates/data/', 'samples/'];

/**
 * `templates/data/x.csv` and `samples/x.csv` name a shipped sample served at `/samples/x.csv`; samples may sit
 * in sub-folders (`templates/data/kcs/x.csv`), but no segment may climb out (`..`).
 */
export function sampleName(path: string): string | undefined {
  const prefix = SAMPLE_PREFIXES.find((p) => path.startsWith(p));
  const name = prefix ? path.slice(prefix.length) : undefined;
  if (!name) return undefined;
  const segments = name.split('/');
  return segments.every((s) => /^[\w.-]+$/.test(s) && s !== '.' && s !== '..') ? name : undefined;
}

/** The path under which a read node (and this store) names a shipped sample. */
export const samplePath = (name: string) => `templates/data/${name}`;

/**
 * The files the studio can read, by name. Dropped files are also kept in IndexedDB (Chrome keeps the bytes
 * on disk, not in memory), so a reloaded page finds the data its pipeline names; samples are fetched once.
 */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly idb: UseStore | undefined;

  constructor(options: { persist?: boolean; samplesUrl?: string } = {}) {
    this.idb = options.persist === false ? undefined : createIdbStore('customs-studio-files', 'files');
    this.samplesUrl = options.samplesUrl ?? '/samples/';
  }

  private readonly samplesUrl: string;

  /** Keeps a dropped or picked file under its name (a later file of the same name replaces it). */
  async add(file: File): Promise<StoredFile> {
    const stored = { name: file.name, blob: file, fingerprint: `${file.size}:${file.lastModified}:${file.name}` };
    this.files.set(file.name, stored);
    if (this.idb) await set(file.name, file, this.idb).catch(() => undefined);
    return stored;
  }

  async remove(name: string): Promise<void> {
    this.files.delete(name);
    if (this.idb) await del(name, this.idb).catch(() => undefined);
  }

  /** The file a path names, or undefined when this browser does not have it. */
  async find(path: string, signal?: AbortSignal): Promise<StoredFile | undefined> {
    const known = this.files.get(path);
    if (known) return known;
    const sample = sampleName(path);
    if (sample) return this.fetchSample(path, sample, signal);
    const kept = this.idb ? await get<File>(path, this.idb).catch(() => undefined) : undefined;
    if (!kept) return undefined;
    const stored = { name: path, blob: kept, fingerprint: `${kept.size}:${kept.lastModified}:${path}` };
    this.files.set(path, stored);
    return stored;
  }

  private async fetchSample(path: string, name: string, signal?: AbortSignal): Promise<StoredFile | undefined> {
    const res = await fetch(sampleUrl(name, this.samplesUrl), signal ? { signal } : {});
    if (!res.ok) return undefined;
    const blob = await res.blob();
    const version = res.headers.get('etag') ?? res.headers.get('last-modified') ?? '';
    const stored = { name, blob, fingerprint: `${blob.size}:${version}:${path}` };
    this.files.set(path, stored);
    return stored;
  }
}
