import type { Engine } from '../../runtime/engine/engine.ts';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Warning } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { detectEncoding, ENCODING_SAMPLE_BYTES } from '../../runtime/sources/detect-encoding.ts';
import type { FileAccess, FileRef } from '../../runtime/sources/file-access.ts';
import { ident, stringLiteral, typeName } from '../../runtime/sql/quote.ts';
import { type CsvReject, castRetypes, rejectWarning } from './file-csv-rejects.ts';

export interface CsvOptions {
  delimiter?: string | undefined;
  header?: boolean | undefined;
  encoding: 'auto' | 'utf-8' | 'euc-kr' | 'cp949';
}

export interface CsvLoad {
  engine: Engine;
  files: FileAccess;
  ref: FileRef;
  /** The path or dataset id as the user wrote it, for messages. */
  display: string;
  options: CsvOptions;
  tableName: string;
  signal?: AbortSignal | undefined;
}

/**
 * Reads a CSV file into table `tableName`:
 *
 * 1. Encoding: `auto` looks at the first 64 KiB (see `detect-encoding.ts`); CP949/EUC-KR and UTF-16 files
 *    are transcoded to UTF-8 before DuckDB sees them. DuckDB itself drops a UTF-8 byte-order mark.
 * 2. DuckDB sniffs delimiter, header and column types (the user's `delimiter`/`header` win), with
 *    `ignore_errors` so that ragged lines do not push it to a one-column reading.
 * 3. Leading zeros: every column DuckDB types as a number is first read as VARCHAR; it becomes that number
 *    type again only if no value matches `^0\d` (a zero followed by a digit, as in HS `010121` or office
 *    `030`) and every value converts. So codes keep their zeros even past DuckDB's sniffing sample, and a
 *    stray `N/A` late in a numeric column keeps the column as text instead of losing the row.
 * 4. Other type guesses that fail on a line (a DATE column with `2024-13-45`) make that column VARCHAR and
 *    the file is read again (once), with a warning naming the line.
 * 5. Lines with the wrong number of fields, bad quoting or bad encoding are skipped (`store_rejects`,
 *    which implies `ignore_errors`) and reported in one warning with their 1-based line numbers.
 */
export async function loadCsv(load: CsvLoad): Promise<Warning[]> {
  const { files, ref, options, signal } = load;
  const warnings: Warning[] = [];
  const decodeFrom = await chooseDecoding(files, ref, options.encoding, load.display, warnings);
  const source = await files.engineLocation(ref, {
    ...(decodeFrom ? { decodeFrom } : {}),
    ...(signal ? { signal } : {}),
  });
  try {
    warnings.push(...(await readInto(load, source.location)));
  } finally {
    await source.release();
  }
  return warnings;
}

async function chooseDecoding(
  files: FileAccess,
  ref: FileRef,
  encoding: CsvOptions['encoding'],
  display: string,
  warnings: Warning[],
): Promise<string | undefined> {
  if (encoding === 'utf-8') return undefined;
  if (encoding === 'euc-kr' || encoding === 'cp949') return 'euc-kr';
  const guess = detectEncoding(await files.head(ref, ENCODING_SAMPLE_BYTES));
  if (guess.confidence < 0.5) {
    warnings.push({
      message: `Could not tell the text encoding of "${display}"; it was read as UTF-8. If Korean text looks wrong, set the encoding to euc-kr (CP949).`,
    });
  }
  if (guess.encoding === 'utf-8' || guess.encoding === 'utf-8-bom') return undefined;
  return guess.encoding;
}

async function readInto(load: CsvLoad, location: string): Promise<Warning[]> {
  const { engine, options, tableName, signal } = load;
  // Sniff and read with ignore_errors (store_rejects implies it): ragged lines must not make the sniffer
  // give up on the real delimiter and fall back to one column.
  const args = [stringLiteral(location), 'ignore_errors=true'];
  if (options.delimiter !== undefined) args.push(`delim=${stringLiteral(options.delimiter)}`);
  if (options.header !== undefined) args.push(`header=${options.header}`);

  const sniff = await sniffCsv(engine, args).catch((e: unknown) => {
    throw cannotRead(load.display, e);
  });
  // Pin the sniffed dialect: reading numbers as text must not change DuckDB's mind about the header.
  if (options.delimiter === undefined) args.push(`delim=${stringLiteral(sniff.delimiter)}`);
  if (options.header === undefined) args.push(`header=${sniff.header}`);
  const sniffed = sniff.columns;
  const numeric = sniffed.filter((c) => isNumericType(c.type));
  const asText = new Set(numeric.map((c) => c.name));
  const warnings: Warning[] = [];
  let rejects: CsvReject[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    rejects = await createFromCsv(engine, tableName, [...args, ...typesArg(asText)], signal).catch((e: unknown) => {
      throw signal?.aborted ? e : cannotRead(load.display, e);
    });
    const retypes = castRetypes(rejects, sniffed, asText);
    if (retypes.length === 0 || attempt === 1) break;
    for (const r of retypes) {
      asText.add(r.column);
      warnings.push({ message: r.message, lines: [r.line] });
    }
  }
  const rejected = rejectWarning(rejects);
  if (rejected) warnings.push(rejected);
  await restoreNumbers(engine, tableName, numeric, signal);
  return warnings;
}

interface Sniff {
  delimiter: string;
  header: boolean;
  columns: Column[];
}

async function sniffCsv(engine: Engine, args: string[]): Promise<Sniff> {
  const r = await engine.query(
    `SELECT Delimiter AS d, HasHeader AS h, Columns AS c FROM sniff_csv(${args.join(', ')})`,
  );
  const row = r.rows[0];
  if (!row) throw new ParamError('DuckDB could not sniff the file', 'options', msg('node.csv_sniff_failed'));
  return { delimiter: String(row.d), header: row.h === true, columns: row.c as unknown as Column[] };
}

function typesArg(asText: Set<string>): string[] {
  if (asText.size === 0) return [];
  return [`types={${[...asText].map((name) => `${stringLiteral(name)}: 'VARCHAR'`).join(', ')}}`];
}

/** CREATE OR REPLACE TABLE … AS SELECT * FROM read_csv(…), returning the lines DuckDB rejected. */
async function createFromCsv(
  engine: Engine,
  tableName: string,
  args: string[],
  signal: AbortSignal | undefined,
): Promise<CsvReject[]> {
  const id = Math.random().toString(36).slice(2, 10);
  const rejectsTable = `__csv_rejects_${id}`;
  const rejectsScan = `__csv_reject_scans_${id}`;
  const all = [
    ...args,
    'store_rejects=true',
    `rejects_table=${stringLiteral(rejectsTable)}`,
    `rejects_scan=${stringLiteral(rejectsScan)}`,
  ];
  const options = signal ? { signal } : {};
  try {
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(tableName)} AS SELECT * FROM read_csv(${all.join(', ')})`,
      options,
    );
    const r = await engine.query(
      `SELECT line, error_type::VARCHAR AS error_type, column_name, csv_line, error_message
       FROM ${ident(rejectsTable)} ORDER BY line, column_idx`,
    );
    return r.rows as unknown as CsvReject[];
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(rejectsTable)}; DROP TABLE IF EXISTS ${ident(rejectsScan)}`);
  }
}

/** Gives numeric columns read as VARCHAR their sniffed type back, unless a value has a leading zero. */
async function restoreNumbers(engine: Engine, tableName: string, numeric: Column[], signal?: AbortSignal) {
  if (numeric.length === 0) return;
  const table = ident(tableName);
  const current = new Map((await engine.describe(`SELECT * FROM ${table}`)).map((c) => [c.name, c.type]));
  const candidates = numeric.filter((c) => current.get(c.name) === 'VARCHAR');
  if (candidates.length === 0) return;
  const checks = candidates.map((c, i) => {
    const col = ident(c.name);
    return `coalesce(bool_or(regexp_matches(${col}, '^0[0-9]')), false) AS z${i},
      count(${col}) - count(TRY_CAST(${col} AS ${typeName(c.type)})) AS bad${i}`;
  });
  const row = (await engine.query(`SELECT ${checks.join(', ')} FROM ${table}`, signal ? { signal } : {})).rows[0] ?? {};
  for (const [i, c] of candidates.entries()) {
    if (row[`z${i}`] === false && row[`bad${i}`] === 0) {
      await engine.exec(`ALTER TABLE ${table} ALTER ${ident(c.name)} TYPE ${typeName(c.type)}`);
    }
  }
}

/** DuckDB's message, trimmed to the sentence that says what went wrong, with the file named. */
export function cannotRead(display: string, error: unknown): Error {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((l) => l.trim());
  const end = lines.findIndex((l, i) => i > 0 && (l === '' || /^(The search space|Possible|LINE \d)/.test(l)));
  const reason = lines.slice(0, end === -1 ? 3 : Math.min(end, 3)).join(' ');
  return new ParamError(
    `Cannot read "${display}" as CSV: ${reason}`,
    'path',
    msg('node.cannot_read_file', { file: display, format: 'CSV', detail: reason }),
  );
}
