import type { SourceSql, SourceSqlContext } from '../../runtime/nodes/define-node.ts';
import { detectEncoding, ENCODING_SAMPLE_BYTES } from '../../runtime/sources/detect-encoding.ts';
import type { FileRef } from '../../runtime/sources/file-access.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import type { SourceFileParams } from './file.ts';

/**
 * `source.file` as one DuckDB table function call, giving the rows and types `load` gave:
 *
 * - CSV: the dialect is sniffed again with the loader's arguments and pinned (delimiter, header, date
 *   formats), every column's type is pinned to what the loader kept (so `010121` stays text), and
 *   `ignore_errors` skips the same malformed lines. Text that is not UTF-8 (CP949, UTF-16) has no SQL
 *   form: DuckDB reads UTF-8 only, and the studio converts such files before DuckDB sees them.
 * - Parquet, JSON: `read_parquet`, `read_json_auto`, as the loader does on DuckDB native.
 * - XLSX: read by the studio in JS, so no SQL form.
 *
 * On DuckDB native the path is the absolute file path; elsewhere the path as written in the pipeline.
 */
export async function sourceFileSql(ctx: SourceSqlContext<SourceFileParams>): Promise<SourceSql> {
  const { params, files, engine } = ctx;
  if (params.path === undefined) {
    return { unsupported: `dataset "${params.datasetId}" is stored by the studio, not a file DuckDB can open` };
  }
  if (params.format === 'xlsx') {
    return { unsupported: `"${params.path}" is an Excel file, which the studio reads itself; save the sheet as CSV` };
  }
  const ref: FileRef = { path: params.path };
  let location = params.path;
  if (engine.kind === 'duckdb-native') {
    const found = await files.engineLocation(ref);
    location = found.location;
    await found.release();
  }
  const file = stringLiteral(location);
  if (params.format === 'parquet') return { sql: `SELECT * FROM read_parquet(${file})` };
  if (params.format === 'json') return { sql: `SELECT * FROM read_json_auto(${file})` };

  const encoding = params.options?.encoding ?? 'auto';
  const guessed =
    encoding === 'auto' ? detectEncoding(await files.head(ref, ENCODING_SAMPLE_BYTES)).encoding : encoding;
  if (guessed !== 'utf-8' && guessed !== 'utf-8-bom') {
    return {
      unsupported: `"${params.path}" is ${guessed === 'euc-kr' || guessed === 'cp949' ? 'CP949 (EUC-KR)' : guessed} text and DuckDB reads only UTF-8; convert it (e.g. iconv -f cp949 -t utf-8) and read the copy`,
    };
  }
  const args = [file, 'ignore_errors=true'];
  if (params.options?.delimiter !== undefined) args.push(`delim=${stringLiteral(params.options.delimiter)}`);
  if (params.options?.header !== undefined) args.push(`header=${params.options.header}`);
  const sniff = (
    await engine.query(
      `SELECT Delimiter AS d, HasHeader AS h, DateFormat AS df, TimestampFormat AS tf FROM sniff_csv(${args.join(', ')})`,
    )
  ).rows[0];
  if (params.options?.delimiter === undefined && sniff) args.push(`delim=${stringLiteral(String(sniff.d))}`);
  if (params.options?.header === undefined && sniff) args.push(`header=${sniff.h === true}`);
  if (typeof sniff?.df === 'string') args.push(`dateformat=${stringLiteral(sniff.df)}`);
  if (typeof sniff?.tf === 'string') args.push(`timestampformat=${stringLiteral(sniff.tf)}`);
  const types = ctx.schema.map((c) => `${stringLiteral(c.name)}: ${stringLiteral(c.type)}`);
  args.push(`types={${types.join(', ')}}`);
  return { sql: `SELECT * FROM read_csv(${args.join(', ')})` };
}
