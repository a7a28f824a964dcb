import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Column, ResultTable, Row } from '../schema/types.ts';
import { type ArrowBatchLike, arrowToValue, duckTypeFromArrow } from './arrow-values.ts';
import { createTableViaStaging } from './create-table.ts';
import { parseDuckType, printDuckType } from './duckdb-types.ts';
import type { Engine, QueryOptions } from './engine.ts';
import {
  castSelect,
  duckdbError,
  fileName,
  isParserError,
  stagingCsv,
  stagingInsert,
  type TypedColumn,
  trimStatement,
  trimStatementByTokens,
  unwrappedError,
} from './wasm-sql.ts';

export interface WasmEngineOptions {
  /** Extra cleanup after the database is terminated (e.g. the Node worker thread behind it). */
  onClose?: () => Promise<void>;
}

/**
 * DuckDB-WASM over the AsyncDuckDB API (the browser's Web Worker engine). Results are read through Arrow;
 * `DESCRIBE` supplies DuckDB's own type names, and columns Arrow cannot hand over exactly (temporal types,
 * decimals, huge integers, UUID, BLOB, …) are cast in SQL first (see `carrierType`), so values and type names
 * match the native adapter. Statements run as "sent" (pending) queries so `interrupt()` can cancel them.
 */
export class DuckDBWasmEngine implements Engine {
  readonly kind = 'duckdb-wasm' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly db: AsyncDuckDB,
    private readonly conn: AsyncDuckDBConnection,
    private readonly options: WasmEngineOptions,
  ) {}

  /** Connects to an instantiated, opened database and turns extension auto-loading off (stack-notes pitfall 12). */
  static async create(db: AsyncDuckDB, options: WasmEngineOptions = {}): Promise<DuckDBWasmEngine> {
    const conn = await db.connect();
    await conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false');
    return new DuckDBWasmEngine(db, conn, options);
  }

  async version(): Promise<string> {
    const r = await this.query('SELECT version() AS v');
    return String(r.rows[0]?.v);
  }

  async query(sql: string, options: QueryOptions = {}): Promise<ResultTable> {
    const described = await this.describeColumns(sql);
    const wrapped = described && castSelect(trimStatement(sql), described);
    const batches = !wrapped
      ? await this.run(sql, options.signal)
      : await this.run(wrapped, options.signal).catch(async (e: unknown) => {
          // Parsing failed before anything ran: the plain trim left a `;` (followed by a comment) inside the wrapper.
          if (!isParserError(e)) throw unwrappedError(e);
          const body = trimStatementByTokens(sql, await this.db.tokenize(sql));
          return this.run(castSelect(body, described)!, options.signal).catch((e2: unknown) => {
            throw unwrappedError(e2);
          });
        });
    const fields = batches[0]?.schema.fields ?? [];
    const cols = described ?? fields.map((f) => ({ name: f.name, type: duckTypeFromArrow(f.type) }));
    const rows: Row[] = [];
    for (const batch of batches) {
      const vectors = cols.map((_, i) => batch.getChildAt(i));
      for (let r = 0; r < batch.numRows; r++) {
        const row: Row = {};
        cols.forEach((c, i) => {
          row[c.name] = arrowToValue(vectors[i]?.get(r), c.type);
        });
        rows.push(row);
      }
    }
    return { columns: cols.map((c) => ({ name: c.name, type: printDuckType(c.type) })), rows };
  }

  async exec(sql: string, options: QueryOptions = {}): Promise<void> {
    await this.run(sql, options.signal);
  }

  /** DESCRIBE through a prepared statement: preparing refuses several statements, so nothing else ever runs. */
  async describe(sql: string): Promise<Column[]> {
    const batches = await this.serial(async () => {
      const stmt = await this.conn.prepare(`DESCRIBE ${sql}`).catch((e: unknown) => Promise.reject(duckdbError(e)));
      try {
        return (await stmt.query()).batches as ArrowBatchLike[];
      } catch (e) {
        throw duckdbError(e);
      } finally {
        await stmt.close();
      }
    });
    return batches.flatMap((b) =>
      Array.from({ length: b.numRows }, (_, r) => ({
        name: String(b.getChildAt(0)?.get(r)),
        type: String(b.getChildAt(1)?.get(r)),
      })),
    );
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<string> {
    const file = fileName(name);
    // registerFileBuffer transfers the buffer to the worker: hand over a copy, never the caller's bytes.
    await this.db.registerFileBuffer(file, bytes.slice());
    return file;
  }

  async dropFile(name: string): Promise<void> {
    await this.db.dropFile(fileName(name));
  }

  async createTable(name: string, columns: Column[], data: unknown[][]): Promise<void> {
    await createTableViaStaging(this, name, columns, data, async (staging, carriers) => {
      const rowCount = data[0]?.length ?? 0;
      if (rowCount === 0) return;
      const file = `${staging}.csv`;
      await this.db.registerFileBuffer(file, new TextEncoder().encode(stagingCsv(data, carriers, rowCount)));
      try {
        await this.exec(stagingInsert(staging, file, carriers));
      } finally {
        await this.db.dropFile(file);
      }
    });
  }

  async interrupt(): Promise<void> {
    if (!this.closed) await this.conn.cancelSent();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.conn.cancelSent().catch(() => undefined);
    await this.queue;
    await this.conn.close();
    await this.db.terminate();
    await this.options.onClose?.();
  }

  /**
   * The result columns with DuckDB's type names: DESCRIBE of the statement, else of `SELECT * FROM (<sql>)`
   * (covers SHOW, SUMMARIZE, DESCRIBE). Undefined for what neither binds (PRAGMA, CALL, EXPLAIN, DDL/DML,
   * several statements): those results are typed from Arrow (`duckTypeFromArrow`).
   */
  private async describeColumns(sql: string): Promise<TypedColumn[] | undefined> {
    const body = trimStatement(sql);
    for (const candidate of [body, `SELECT * FROM (\n${body}\n) AS __q`]) {
      const described = await this.describe(candidate).catch(() => undefined);
      if (!described) continue;
      try {
        return described.map((c) => ({ name: c.name, type: parseDuckType(c.type) }));
      } catch {
        return undefined; // a type name this parser does not know: read through Arrow instead
      }
    }
    return undefined;
  }

  /** Runs SQL as a pending query (cancellable between polls) and reads every batch. */
  private run(sql: string, signal?: AbortSignal): Promise<ArrowBatchLike[]> {
    return this.serial(async () => {
      signal?.throwIfAborted();
      const onAbort = () => void this.conn.cancelSent().catch(() => undefined);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const reader = await this.conn.send(sql);
        const batches: ArrowBatchLike[] = [];
        for await (const batch of reader) batches.push(batch);
        return batches;
      } catch (e) {
        if (signal?.aborted) throw signal.reason ?? e;
        throw duckdbError(e);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  /** One connection serves one statement at a time: a new one would invalidate a pending query mid-poll. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('DuckDB-WASM engine is closed'));
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
