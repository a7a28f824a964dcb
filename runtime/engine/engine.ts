import type { Column, ResultTable } from '../schema/types.ts';

export interface QueryOptions {
  /** Aborting interrupts the running statement where the engine allows it. */
  signal?: AbortSignal;
}

/**
 * The one door to a DuckDB database. The runtime plans SQL and calls this; adapters exist for
 * DuckDB native (`duckdb-node.ts`: server, command line, tests) and DuckDB-WASM (`duckdb-wasm*.ts`: browser).
 * Every adapter passes `engine.contract.ts`.
 */
export interface Engine {
  readonly kind: 'duckdb-native' | 'duckdb-wasm';
  /** DuckDB library version, e.g. `v1.5.5`. */
  version(): Promise<string>;
  /** Runs a statement and reads all rows back, values normalized (see `normalize.ts`). */
  query(sql: string, options?: QueryOptions): Promise<ResultTable>;
  /** Runs one or more statements, reading nothing back. */
  exec(sql: string, options?: QueryOptions): Promise<void>;
  /** Column names and types of a SELECT, without executing it. */
  describe(sql: string): Promise<Column[]>;
  /**
   * Makes bytes readable by DuckDB's file functions under `name` (e.g. `read_csv('name')`).
   * Native writes a private temp file; WASM registers a buffer.
   */
  registerFile(name: string, bytes: Uint8Array): Promise<string>;
  /** Drops a file made readable by `registerFile`. */
  dropFile(name: string): Promise<void>;
  /** Creates (or replaces) table `name` from column-major data with the given DuckDB types. */
  createTable(name: string, columns: Column[], data: unknown[][]): Promise<void>;
  /** Stops whatever statement is running now. */
  interrupt(): Promise<void>;
  close(): Promise<void>;
}
