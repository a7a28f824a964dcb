/**
 * Reads an uploaded file exactly as a pipeline's `source.file` node would (same encoding detection, same
 * handling of ragged CSV lines, same warnings), with DuckDB native, and profiles every column.
 */

import { open } from 'node:fs/promises';
import path from 'node:path';
import { sourceFile } from '../../nodes/source/file.ts';
import { XlsxLimitError } from '../../nodes/source/xlsx-limits.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Warning } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { type BinaryDatasetFormat, type DatasetFormat, isBinaryFormat } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { say } from '../security/say.ts';

export interface ColumnProfile {
  name: string;
  type: string;
  nullPercent: number;
  distinctApprox: number;
  min: string | null;
  max: string | null;
  top: { value: string; count: number }[];
}

export interface DatasetProfile {
  rows: number;
  columns: Column[];
  profile: ColumnProfile[];
  warnings: Warning[];
}

/** Columns past this many get no top values (one GROUP BY each). */
const TOP_VALUE_COLUMNS = 60;
const TOP_VALUES = 5;

export async function profileFile(dir: string, file: string, format: DatasetFormat): Promise<DatasetProfile> {
  if (isBinaryFormat(format)) return checkImageBundle(dir, file, format);
  const engine = await DuckDBNodeEngine.create({ threads: 2 });
  const files = new NodeFileAccess({ baseDir: dir, engine });
  try {
    const loaded = await sourceFile
      .load({ nodeId: 'dataset', params: { path: file, format }, engine, files, tableName: 'dataset' })
      .catch((e: unknown) => {
        if (e instanceof XlsxLimitError) {
          throw new ApiError(422, 'xlsx_limit', e.en, { limit: e.limit, ...say(e.ko, e.en) });
        }
        const why = withoutPaths(e instanceof Error ? e.message : String(e), dir).slice(0, 500);
        const en = `the file could not be read as ${format}: ${why}`;
        throw new ApiError(
          422,
          'unreadable_dataset',
          en,
          say(`파일을 ${format} 형식으로 읽을 수 없습니다: ${why}`, en),
        );
      });
    const profile = await profileRelation(engine, loaded.relation);
    const rows = Number((await engine.query(`SELECT count(*) AS n FROM ${loaded.relation}`)).rows[0]?.n ?? 0);
    return { rows, columns: loaded.schema, profile, warnings: loaded.warnings ?? [] };
  } finally {
    await files.close();
    await engine.close();
  }
}

const SIGNATURES: Record<BinaryDatasetFormat, { bytes: number[]; ko: string }> = {
  png: { bytes: [0x89, 0x50, 0x4e, 0x47], ko: 'PNG 그림' },
  jpeg: { bytes: [0xff, 0xd8, 0xff], ko: 'JPEG 그림' },
  zip: { bytes: [0x50, 0x4b, 0x03, 0x04], ko: 'ZIP 압축' },
  // `%PDF-`: every PDF opens with its header (a scan written by any tool)
  pdf: { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], ko: 'PDF 문서' },
};

/**
 * An image or a ZIP of images is no table: nothing to profile (no rows, no columns), only its first bytes checked
 * so that a renamed file is refused at upload rather than at the first run. The image nodes unpack it when they run.
 */
async function checkImageBundle(dir: string, file: string, format: BinaryDatasetFormat): Promise<DatasetProfile> {
  const sig = SIGNATURES[format];
  const head = new Uint8Array(sig.bytes.length);
  const handle = await open(path.join(dir, file), 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (!sig.bytes.every((b, i) => head[i] === b)) {
    const en = `the file is not a ${format} file (its first bytes say otherwise)`;
    throw new ApiError(
      422,
      'unreadable_dataset',
      en,
      say(`파일 이름은 ${format} 이지만 내용이 ${sig.ko} 파일이 아닙니다. 원래 파일을 올려 주세요`, en),
    );
  }
  return { rows: 0, columns: [], profile: [], warnings: [] };
}

/**
 * A reader's message without server paths (the officer sees the file by its name; the server's folders are
 * none of a client's business): the upload folder is dropped, any other absolute path cut to its last part.
 */
export function withoutPaths(message: string, dir: string): string {
  return message
    .replaceAll(`${dir}/`, '')
    .replaceAll(dir, '')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/"'`:,;()]+){2,}/g, (p) => p.split(/[\\/]/).pop() ?? '');
}

async function profileRelation(engine: DuckDBNodeEngine, relation: string): Promise<ColumnProfile[]> {
  const summary = await engine.query(`SELECT * FROM (SUMMARIZE ${relation})`);
  const out: ColumnProfile[] = [];
  for (const [i, row] of summary.rows.entries()) {
    const name = String(row.column_name);
    const top =
      i < TOP_VALUE_COLUMNS
        ? await engine.query(
            `SELECT CAST(${ident(name)} AS VARCHAR) AS v, count(*) AS n FROM ${relation} WHERE ${ident(name)} IS NOT NULL ` +
              `GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_VALUES}`,
          )
        : { rows: [] };
    out.push({
      name,
      type: String(row.column_type),
      nullPercent: Number(row.null_percentage ?? 0),
      distinctApprox: Number(row.approx_unique ?? 0),
      min: row.min === null || row.min === undefined ? null : String(row.min),
      max: row.max === null || row.max === undefined ? null : String(row.max),
      top: top.rows.map((r) => ({ value: String(r.v), count: Number(r.n) })),
    });
  }
  return out;
}
