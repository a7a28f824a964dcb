import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DuckDBArrayValue,
  type DuckDBConnection,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBStructValue,
  type DuckDBType,
  type DuckDBValue,
  StatementType,
} from '@duckdb/node-api';
import type { Column, ResultTable, Row, Value } from '../schema/types.ts';
import { stringLiteral } from '../sql/quote.ts';
import { createTableViaStaging } from './create-table.ts';
import type { Engine, QueryOptions } from './engine.ts';
import { normalizeInteger } from './normalize.ts';

export interface NativeEngineOptions {
  /** Database file; default in-memory. */
  path?: string;
  threads?: number;
  memoryLimit?: string;
  /**
   * Further DuckDB settings, applied in order with `SET` right after the database opens (the server's run
   * sandbox: spill folder, then its quota; given at creation, a `temp_directory` reset the quota).
   */
  settings?: Record<string, string>;
}

/** DuckDB native (`@duckdb/node-api`): server, command line and tests. */
export class DuckDBNodeEngine implements Engine {
  readonly kind = 'duckdb-native' as const;
  private fileDir: string | undefined;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async create(options: NativeEngineOptions = {}): Promise<DuckDBNodeEngine> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
    const conn = await instance.connect();
    // DuckDB-WASM has no time zones: print TIMESTAMPTZ in UTC here too, so both engines give the same text.
    await conn.run("SET TimeZone = 'UTC'");
    for (const [name, value] of Object.entries(options.settings ?? {})) {
      if (!/^\w+$/.test(name)) throw new Error(`not a DuckDB setting name: ${name}`);
      await conn.run(`SET ${name} = ${stringLiteral(value)}`);
    }
    return new DuckDBNodeEngine(instance, conn);
  }

  async version(): Promise<string> {
    const r = await this.query('SELECT version() AS v');
    return String(r.rows[0]?.v);
  }

  async query(sql: string, options: QueryOptions = {}): Promise<ResultTable> {
    const reader = await this.withAbort(options.signal, () => this.conn.runAndReadAll(sql));
    const names = reader.columnNames();
    const types = reader.columnTypes();
    const columns = names.map((name, i) => ({ name, type: types[i]!.toString() }));
    const rows: Row[] = reader.getRows().map((values) => {
      const row: Row = {};
      values.forEach((v, i) => {
        row[names[i]!] = toValue(v, types[i]!);
      });
      return row;
    });
    return { columns, rows };
  }

  async exec(sql: string, options: QueryOptions = {}): Promise<void> {
    await this.withAbort(options.signal, () => this.conn.run(sql));
  }

  /**
   * Refuses anything but exactly one statement, counted by DuckDB's own parser: `DESCRIBE a; DROP …` would
   * otherwise run every statement. The runtime describes each `sql` node's query before running it, so a
   * second statement hidden from a text check (in `$$…$$`, or after a `)` that closes the wrapper) stops here.
   */
  async describe(sql: string): Promise<Column[]> {
    const extracted = await this.conn.extractStatements(sql);
    // A PIVOT without an IN list expands into `CREATE TYPE __pivot_enum…` statements before its SELECT: only such
    // CREATEs may come first (harmless in the run's own database; ATTACH, COPY, SET, DROP… are refused).
    let extra = extracted.count === 0 ? 1 : 0;
    for (let i = 0; i < extracted.count - 1; i++) {
      if ((await extracted.prepare(i)).statementType !== StatementType.CREATE) extra++;
    }
    if (extra > 0) {
      throw new Error(
        `SELECT 한 문장만 쓸 수 있습니다 (DuckDB가 문장 ${extracted.count}개를 찾았습니다). (Write one SELECT statement: DuckDB found ${extracted.count}.)`,
      );
    }
    const r = await this.query(`DESCRIBE ${sql}`);
    return r.rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<string> {
    this.fileDir ??= await mkdtemp(path.join(tmpdir(), 'customs-studio-'));
    const file = path.join(this.fileDir, name.replace(/[^\w.-]/g, '_'));
    await writeFile(file, bytes);
    return file;
  }

  async dropFile(name: string): Promise<void> {
    if (this.fileDir) await rm(path.join(this.fileDir, name.replace(/[^\w.-]/g, '_')), { force: true });
  }

  async createTable(name: string, columns: Column[], data: unknown[][]): Promise<void> {
    await createTableViaStaging(this, name, columns, data, async (staging, carriers) => {
      const appender = await this.conn.createAppender(staging);
      const rowCount = data[0]?.length ?? 0;
      for (let r = 0; r < rowCount; r++) {
        for (let c = 0; c < carriers.length; c++) {
          const v = data[c]![r];
          if (v === null || v === undefined) appender.appendNull();
          else if (carriers[c] === 'DOUBLE') appender.appendDouble(Number(v));
          else if (carriers[c] === 'BOOLEAN') appender.appendBoolean(Boolean(v));
          else appender.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v));
        }
        appender.endRow();
      }
      appender.closeSync();
    });
  }

  async interrupt(): Promise<void> {
    this.conn.interrupt();
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
    if (this.fileDir) await rm(this.fileDir, { recursive: true, force: true });
  }

  private async withAbort<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    if (!signal) return run();
    signal.throwIfAborted();
    const onAbort = () => this.conn.interrupt();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await run();
    } catch (e) {
      if (signal.aborted) throw signal.reason ?? e;
      throw e;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

function toValue(v: DuckDBValue, type: DuckDBType): Value {
  if (v === null) return null;
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return normalizeInteger(v);
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) {
    const child = 'valueType' in type ? (type.valueType as DuckDBType) : type;
    return v.items.map((item) => toValue(item, child));
  }
  if (v instanceof DuckDBStructValue) {
    const out: Record<string, Value> = {};
    const entryTypes = 'entryTypes' in type ? (type.entryTypes as DuckDBType[]) : [];
    Object.entries(v.entries).forEach(([k, item], i) => {
      out[k] = toValue(item, entryTypes[i] ?? type);
    });
    return out;
  }
  return String(v);
}
