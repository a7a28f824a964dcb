import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode, type Warning } from '../../runtime/nodes/define-node.ts';
import type { FileRef } from '../../runtime/sources/file-access.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';
import { loadCsv } from './file-csv.ts';
import { loadColumnar } from './file-parquet-json.ts';
import { sourceFileSql } from './file-sql.ts';
import { readXlsx } from './file-xlsx.ts';

const csvOnly = { format: ['csv'] };

const sourceFileOptions = z
  .object({
    delimiter: z
      .string()
      .min(1)
      .max(2)
      .transform((d) => (d === '\\t' ? '\t' : d))
      .optional()
      .meta({
        label: { ko: '구분자', en: 'Delimiter' },
        help: {
          ko: '열을 나누는 문자(, ; | 또는 탭은 \\t). 비워 두면 자동으로 찾습니다.',
          en: 'The character between fields (, ; | or \\t for tab). Leave empty to detect it.',
        },
        widget: 'text',
        showIf: csvOnly,
      }),
    header: z
      .boolean()
      .optional()
      .meta({
        label: { ko: '첫 줄이 열 이름', en: 'First line holds column names' },
        help: { ko: '비워 두면 자동으로 판단합니다.', en: 'Leave unset to detect it.' },
        widget: 'boolean',
        showIf: csvOnly,
      }),
    encoding: z
      .enum(['auto', 'utf-8', 'euc-kr', 'cp949'])
      .default('auto')
      .meta({
        label: { ko: '문자 인코딩', en: 'Text encoding' },
        help: {
          ko: '자동(기본)은 UTF-8과 CP949(EUC-KR)를 구별합니다. euc-kr과 cp949는 같은 설정입니다.',
          en: 'Auto (default) tells UTF-8 from CP949 (EUC-KR); euc-kr and cp949 mean the same.',
        },
        widget: 'select',
        showIf: csvOnly,
      }),
    sheet: z
      .union([z.string().min(1), z.number().int().min(1)])
      .optional()
      .meta({
        label: { ko: '시트', en: 'Sheet' },
        help: {
          ko: '시트 이름 또는 순서(1부터). 비워 두면 첫 시트를 읽습니다.',
          en: 'Sheet name or position (from 1). Leave empty for the first sheet.',
        },
        widget: 'text',
        showIf: { format: ['xlsx'] },
      }),
  })
  .strict();

export const sourceFileParams = z
  .object({
    path: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '파일 경로', en: 'File path' },
        help: {
          ko: '명령줄·서버에서 읽을 파일. 상대 경로는 파이프라인 폴더 기준입니다.',
          en: 'The file to read on the command line or server; relative paths start at the pipeline folder.',
        },
        widget: 'file',
      }),
    datasetId: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '데이터셋', en: 'Dataset' },
        help: {
          ko: '서버의 데이터셋(예제 데이터 포함). 목록에서 고릅니다.',
          en: 'A server dataset (samples included), chosen from the list.',
        },
        widget: 'dataset',
      }),
    format: z.enum(['csv', 'parquet', 'json', 'xlsx']).meta({
      label: { ko: '파일 형식', en: 'File format' },
      help: {
        ko: 'csv, parquet, json(배열 또는 한 줄에 하나씩), xlsx(엑셀).',
        en: 'csv, parquet, json (an array or one object per line), xlsx (Excel).',
      },
      widget: 'select',
    }),
    options: sourceFileOptions.optional().meta({
      label: { ko: '읽기 옵션', en: 'Read options' },
      help: { ko: '형식별 세부 설정.', en: 'Settings for the chosen format.' },
    }),
  })
  .strict()
  .refine((p) => (p.path === undefined) !== (p.datasetId === undefined), {
    message: 'Give either "path" or "datasetId" (one of them, not both).',
    path: ['path'],
  });

export type SourceFileParams = z.infer<typeof sourceFileParams>;

export const sourceFile = defineNode<SourceFileParams>({
  kind: 'source',
  type: 'source.file',
  version: 1,
  category: 'source',
  label: { ko: '파일 읽기', en: 'Read file' },
  description: {
    ko: 'CSV, Parquet, JSON, XLSX 파일을 읽습니다. CSV는 인코딩(UTF-8/CP949)과 구분자를 자동으로 찾고, 0으로 시작하는 코드는 문자로 유지하며, 형식이 맞지 않는 줄은 건너뛰고 알려 줍니다.',
    en: 'Reads a CSV, Parquet, JSON or XLSX file. For CSV it detects the encoding (UTF-8/CP949) and delimiter, keeps codes with leading zeros as text, and skips and reports malformed lines.',
  },
  inputs: [],
  outputs: [OUT],
  params: sourceFileParams,

  async fingerprint({ params, files }) {
    return (await files.stat(fileRef(params))).fingerprint;
  },

  async load(ctx) {
    const { params, files, engine, tableName, signal } = ctx;
    const ref = fileRef(params);
    const display = params.path ?? `dataset ${params.datasetId}`;
    const options = params.options;
    const info = await files.stat(ref);
    if (info.size === 0)
      throw new ParamError(`"${display}" is empty (0 bytes).`, 'path', msg('node.file_empty', { file: display }));
    let warnings: Warning[] = [];
    switch (params.format) {
      case 'csv':
        warnings = await loadCsv({
          engine,
          files,
          ref,
          display,
          tableName,
          signal,
          options: { delimiter: options?.delimiter, header: options?.header, encoding: options?.encoding ?? 'auto' },
        });
        break;
      case 'parquet':
      case 'json':
        await loadColumnar({ engine, files, ref, display, format: params.format, tableName, signal });
        break;
      case 'xlsx': {
        const typed = await readXlsx(await files.readAll(ref), options?.sheet, display);
        if (typed.columns.length === 0)
          throw new ParamError(
            `The sheet in "${display}" is empty.`,
            'path',
            msg('node.sheet_empty', { file: display }),
          );
        await engine.createTable(tableName, typed.columns, typed.data);
        break;
      }
    }
    const relation = ident(tableName);
    return { relation, schema: await engine.describe(`SELECT * FROM ${relation}`), warnings };
  },

  sourceSql: sourceFileSql,

  datasetRefs: (params) => (params.datasetId === undefined ? [] : [params.datasetId]),

  resolvePaths: (params, resolve) => (params.path === undefined ? params : { ...params, path: resolve(params.path) }),

  // Another file replaces the dataset or path the document names (a path and a dataset id exclude each other).
  readFrom: ({ datasetId: _dataset, ...params }, file) => ({
    ...params,
    path: file.path,
    ...(file.format ? { format: file.format } : {}),
  }),
});

function fileRef(params: SourceFileParams): FileRef {
  return params.path !== undefined ? { path: params.path } : { datasetId: params.datasetId! };
}
