import { parquetReadObjects } from 'hyparquet';
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { FileAccess, FileRef } from '../../runtime/sources/file-access.ts';
import { ident, stringLiteral } from '../../runtime/sql/quote.ts';
import { inferColumns, type TypedColumns } from './infer-columns.ts';

export interface ColumnarLoad {
  engine: Engine;
  files: FileAccess;
  ref: FileRef;
  display: string;
  format: 'parquet' | 'json';
  tableName: string;
  signal?: AbortSignal | undefined;
}

/**
 * Parquet and JSON. DuckDB native reads them itself (`read_parquet`, `read_json_auto`: a JSON array of
 * objects or newline-delimited JSON). DuckDB-WASM ships neither extension, so there the file is parsed
 * in JS (hyparquet; `JSON.parse`) and the values typed like XLSX cells (`infer-columns.ts`).
 */
export async function loadColumnar(load: ColumnarLoad): Promise<void> {
  const { engine, tableName } = load;
  if (engine.kind === 'duckdb-wasm') {
    const bytes = await load.files.readAll(load.ref);
    const typed = load.format === 'parquet' ? await parseParquet(bytes, load.display) : parseJson(bytes, load.display);
    if (typed.columns.length === 0) {
      throw new ParamError(
        `"${load.display}" holds no columns to read.`,
        'path',
        msg('node.file_no_columns', { file: load.display }),
      );
    }
    await engine.createTable(tableName, typed.columns, typed.data);
    return;
  }
  const source = await load.files.engineLocation(load.ref, load.signal ? { signal: load.signal } : {});
  const reader = load.format === 'parquet' ? 'read_parquet' : 'read_json_auto';
  // Parquet is columnar and compressed already: a view reads only the columns and row groups a query needs,
  // so nothing is copied. JSON is parsed once into a table.
  const kind = load.format === 'parquet' ? 'VIEW' : 'TABLE';
  try {
    await engine.exec(
      `CREATE OR REPLACE ${kind} ${ident(tableName)} AS SELECT * FROM ${reader}(${stringLiteral(source.location)})`,
      load.signal ? { signal: load.signal } : {},
    );
  } catch (e) {
    throw load.signal?.aborted ? e : cannotRead(load.display, load.format, e);
  } finally {
    await source.release();
  }
}

async function parseParquet(bytes: Uint8Array, display: string): Promise<TypedColumns> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const rows = await parquetReadObjects({ file });
    return fromObjects(rows);
  } catch (e) {
    throw cannotRead(display, 'parquet', e);
  }
}

function parseJson(bytes: Uint8Array, display: string): TypedColumns {
  const text = new TextDecoder().decode(bytes).trim();
  let records: unknown[];
  try {
    records = text.startsWith('[')
      ? (JSON.parse(text) as unknown[])
      : text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as unknown);
  } catch (e) {
    throw cannotRead(display, 'json', e);
  }
  if (!records.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
    throw new ParamError(
      `Cannot read "${display}" as JSON: expected objects (one per row), as an array or one per line.`,
      'path',
      msg('node.json_not_objects', { file: display }),
    );
  }
  return fromObjects(records as Record<string, unknown>[]);
}

/** Column names in order of first appearance; a key missing from a row is a missing value. */
function fromObjects(rows: Record<string, unknown>[]): TypedColumns {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return inferColumns(
    names,
    names.map((name) => rows.map((row) => row[name] ?? null)),
  );
}

function cannotRead(display: string, format: string, error: unknown): Error {
  const text = error instanceof Error ? error.message : String(error);
  const detail = text.split('\n')[0] ?? '';
  return new ParamError(
    `Cannot read "${display}" as ${format.toUpperCase()}: ${detail}`,
    'path',
    msg('node.cannot_read_file', { file: display, format: format.toUpperCase(), detail }),
  );
}
