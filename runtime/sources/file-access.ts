/**
 * How a node reaches files: the command line and server read local paths, the browser reads the
 * files an officer dropped or the server's datasets. Nodes never touch `fs` or the DOM directly.
 */
export interface FileRef {
  path?: string;
  datasetId?: string;
}

export interface FileInfo {
  /** Display name, e.g. `declarations.csv`. */
  name: string;
  size: number;
  /** Changes whenever the content may have changed (size + mtime, or a content hash). */
  fingerprint: string;
}

export interface FileAccess {
  stat(ref: FileRef): Promise<FileInfo>;
  /** The first `length` bytes (for sniffing encodings and delimiters). */
  head(ref: FileRef, length: number): Promise<Uint8Array>;
  /** The whole file (for formats DuckDB cannot read itself, such as XLSX). */
  readAll(ref: FileRef): Promise<Uint8Array>;
  /**
   * A name DuckDB's file functions can open for this file. With `decodeFrom`, the content is first
   * re-encoded from that legacy encoding (e.g. `euc-kr`, which covers CP949, or `utf-16le`) to UTF-8.
   * Call `release` once the engine has read it (e.g. after `CREATE TABLE … AS SELECT … FROM read_csv(…)`):
   * it drops the transcoded temp file or the buffer registered with a WASM engine.
   */
  engineLocation(ref: FileRef, options?: EngineLocationOptions): Promise<EngineLocation>;
  /**
   * A location DuckDB can `COPY … TO`; `commit` then moves it into place (atomically where the
   * file system allows), `discard` removes it after a failed write.
   */
  writeTarget(path: string): Promise<WriteTarget>;
  /** Writes bytes produced in JS (e.g. XLSX), replacing the file atomically where possible. */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>;
}

export interface EngineLocationOptions {
  /** A WHATWG encoding label the file is written in, e.g. `euc-kr`; omitted for UTF-8. */
  decodeFrom?: string;
  signal?: AbortSignal;
}

export interface EngineLocation {
  location: string;
  release(): Promise<void>;
}

export interface WriteTarget {
  location: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}
