import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import { IN } from '../_shared/ports.ts';
import { xlsxBytes } from './file-xlsx.ts';

export const outputFileParams = z
  .object({
    path: z
      .string()
      .min(1)
      .meta({
        label: { ko: '저장할 파일 경로', en: 'File path to write' },
        help: {
          ko: '상대 경로는 파이프라인 폴더 기준입니다. 폴더가 없으면 만들고, 같은 이름의 파일은 바꿔 씁니다.',
          en: 'Relative paths start at the pipeline folder. Missing folders are created; an existing file is replaced.',
        },
        widget: 'file',
      }),
    format: z.enum(['csv', 'parquet', 'json', 'xlsx']).meta({
      label: { ko: '파일 형식', en: 'File format' },
      help: {
        ko: 'csv(UTF-8, 첫 줄에 열 이름), parquet, json(한 줄에 객체 하나: NDJSON), xlsx(엑셀, 최대 1,048,575행).',
        en: 'csv (UTF-8, column names on the first line), parquet, json (newline-delimited: one object per line), xlsx (Excel, at most 1,048,575 rows).',
      },
      widget: 'select',
    }),
  })
  .strict();

export type OutputFileParams = z.infer<typeof outputFileParams>;

const COPY_OPTIONS = {
  csv: 'FORMAT csv, HEADER true',
  parquet: 'FORMAT parquet',
  json: 'FORMAT json',
} as const;

export const outputFile = defineNode<OutputFileParams>({
  kind: 'sink',
  type: 'output.file',
  version: 1,
  category: 'output',
  label: { ko: '파일로 저장', en: 'Write file' },
  description: {
    ko: '입력 데이터를 CSV, Parquet, JSON(NDJSON), XLSX 파일로 저장합니다.',
    en: 'Writes the input rows to a CSV, Parquet, JSON (newline-delimited) or XLSX file.',
  },
  inputs: [IN],
  outputs: [],
  params: outputFileParams,

  async write({ params, engine, files, input, signal }) {
    const options = signal ? { signal } : {};
    if (params.format === 'xlsx') {
      const { bytes, rows } = await xlsxBytes(engine, input, signal);
      await files.writeBytes(params.path, bytes);
      return { rows };
    }
    if (engine.kind === 'duckdb-wasm' && params.format !== 'csv') {
      throw new ParamError(
        `Writing ${params.format} is not supported in the browser engine yet; write csv or xlsx.`,
        'format',
        msg('node.output_format_browser', { format: params.format.toUpperCase() }),
      );
    }
    const target = await files.writeTarget(params.path);
    try {
      const r = await engine.query(
        `COPY (SELECT * FROM ${input}) TO ${stringLiteral(target.location)} (${COPY_OPTIONS[params.format]})`,
        options,
      );
      await target.commit();
      const copied = r.rows[0]?.Count;
      if (typeof copied === 'number') return { rows: copied };
    } catch (e) {
      await target.discard();
      throw e;
    }
    const counted = await engine.query(`SELECT count(*) AS n FROM ${input}`, options);
    return { rows: Number(counted.rows[0]?.n ?? 0) };
  },
});
