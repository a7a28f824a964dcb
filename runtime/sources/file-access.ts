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
   * re-encoded from that legacy encoding (e.g. `euc-kr`, which covers CP949) to UTF-8.
   */
  engineLocation(ref: FileRef, options?: { decodeFrom?: string; signal?: AbortSignal }): Promise<string>;
  /** A location DuckDB can `COPY … TO`, then `commit` moves it into place. */
  writeTarget(path: string): Promise<{ location: string; commit(): Promise<void> }>;
  /** Writes bytes produced in JS (e.g. XLSX). */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>;
}
