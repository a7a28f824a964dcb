/**
 * Converts staged CSVs to typed parquet files with DuckDB (streaming, bounded memory, order preserved).
 * `start()` queues the COPY on DuckDB's own threads immediately, so the caller can keep generating other tables on
 * the JS thread while the big files convert; `finish()` awaits everything and closes DuckDB.
 */
import { join, resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { TABLES, type TableKey } from './schema.ts';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export class ParquetConverter {
  private readonly pending: Promise<void>[] = [];
  private readonly connections: DuckDBConnection[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly stage: string,
    private readonly out: string,
    private readonly log: (m: string) => void,
  ) {}

  static async open(stage: string, out: string, log: (m: string) => void): Promise<ParquetConverter> {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '2',
      memory_limit: '2GB',
      preserve_insertion_order: 'true',
      temp_directory: resolve(stage, '.duckdb-tmp'),
    });
    return new ParquetConverter(instance, stage, out, log);
  }

  /** Queues the conversion of one staged table on its own connection (starts at once). */
  async start(key: TableKey): Promise<void> {
    const con = await this.instance.connect();
    this.connections.push(con);
    const table = TABLES[key];
    const csv = resolve(this.stage, `${table.file}.csv`);
    const parquet = resolve(join(this.out, `${table.file}.parquet`));
    const columns = table.columns.map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ');
    const sql =
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, auto_detect = false, delim = ',', quote = '"', ` +
      `escape = '"', columns = {${columns}}, dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%d %H:%M')) ` +
      `TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`;
    const done = con.run(sql).then(() => this.log(`${table.file}.parquet written`));
    done.catch(() => {}); // surfaced by finish(); avoids an unhandled rejection while the JS thread is busy
    this.pending.push(done);
  }

  async finish(): Promise<void> {
    try {
      await Promise.all(this.pending);
    } finally {
      for (const con of this.connections) con.closeSync();
      this.instance.closeSync();
    }
  }
}
