import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { checkFormat, cleanDateSql, datePatterns, matchSql, TIME_PATTERNS } from '../_shared/date-formats.ts';
import { checkNewNames, type OutColumn, placeAfter, schemaOf, selectList } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { textOf, trimSql } from '../_shared/text-sql.ts';

const label = (ko: string, en: string) => ({ ko, en });

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: label('날짜 글자 열', 'Column'), widget: 'column', columnOf: 'in' }),
    mode: z
      .enum(['auto', 'formats'])
      .default('auto')
      .meta({
        label: label('형식 찾기', 'Format'),
        help: label(
          'auto: 2024-01-05, 2024.01.05, 2024/01/05, 20240105, 2024년 1월 5일, 24.01.05, 05/01/2024, 05-Jan-2024, 시각 (13:45, 오후 1:45) 을 알아봅니다 · formats: 지정한 형식만',
          'auto: recognises 2024-01-05, 2024.01.05, 2024/01/05, 20240105, 2024년 1월 5일, 24.01.05, 05/01/2024, 05-Jan-2024 and times (13:45, 오후 1:45) · formats: only the formats given',
        ),
        widget: 'select',
      }),
    formats: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({
        label: label('형식 (strptime, 차례대로 시도)', 'Formats (strptime, tried in order)'),
        help: label('예: %Y-%m-%d, %d/%m/%Y %H:%M', 'e.g. %Y-%m-%d, %d/%m/%Y %H:%M'),
        widget: 'json',
        showIf: { mode: ['formats'] },
      }),
    order: z
      .enum(['day_first', 'month_first'])
      .default('day_first')
      .meta({
        label: label('05/01/2024 읽는 법', 'Reading 05/01/2024'),
        help: label(
          'day_first: 2024년 1월 5일 · month_first: 2024년 5월 1일',
          'day_first: 5 Jan 2024 · month_first: 1 May 2024',
        ),
        widget: 'select',
        showIf: { mode: ['auto'] },
      }),
    to: z
      .enum(['DATE', 'TIMESTAMP'])
      .default('DATE')
      .meta({ label: label('결과 형식', 'Result type'), widget: 'select' }),
    as: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: label('새 열 이름 (비우면 그 열을 바꿈)', 'New column (empty: replace the column)'),
        widget: 'text',
      }),
    flag: z
      .boolean()
      .default(false)
      .meta({
        label: label('성공 여부 열 추가 (<열>_parse_ok)', 'Add a <col>_parse_ok column'),
        help: label('참: 읽음 · 거짓: 못 읽음 · 빈 값: 원래 비어 있음', 'true: read · false: failed · null: was empty'),
        widget: 'boolean',
      }),
    onError: z
      .enum(['null', 'fail'])
      .default('null')
      .meta({
        label: label('읽지 못하면', 'When a value cannot be read'),
        help: label('null: 빈 값으로 둡니다 · fail: 실행을 멈춥니다', 'null: leave it empty · fail: stop the run'),
        widget: 'select',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const TEXT = ident('__date_text');
const PARTS = ident('__date_parts');
const PARSED = ident('__parsed');
const TEMPORAL = /^(DATE|TIMESTAMP(_S|_MS|_NS)?|TIMESTAMP WITH TIME ZONE)$/;

/** Subqueries that leave the cleaned text in TEXT and the TIMESTAMP (or NULL) in PARSED. */
function parsedFrom(p: Params, col: Column, rel: string): string {
  const x = textOf(col);
  if (TEMPORAL.test(col.type)) {
    return `(SELECT *, ${x} AS ${TEXT}, CAST(${ident(col.name)} AS TIMESTAMP) AS ${PARSED} FROM ${rel})`;
  }
  if (p.mode === 'formats') {
    const formats = p.formats ?? [];
    const parsed = `try_strptime(${TEXT}, ${literal(formats)})`;
    return `(SELECT *, ${parsed} AS ${PARSED} FROM (SELECT *, ${trimSql(x)} AS ${TEXT} FROM ${rel}))`;
  }
  const date = matchSql(`${PARTS}.d`, datePatterns(p.order));
  const time = `CASE WHEN ${PARTS}.t = '' THEN TIME '00:00:00' ELSE CAST(${matchSql(`${PARTS}.t`, TIME_PATTERNS)} AS TIME) END`;
  const split = `regexp_extract(${TEXT}, '^(\\S+)(?: (.+))?$', ['d', 't'])`;
  return `(SELECT *, CAST(${date} AS DATE) + ${time} AS ${PARSED} FROM (SELECT *, ${split} AS ${PARTS} FROM (SELECT *, ${cleanDateSql(x)} AS ${TEXT} FROM ${rel})))`;
}

function layout(p: Params, schema: Schema): OutColumn[] {
  requireColumn(schema, p.column, 'column');
  if (p.mode === 'formats') {
    if (!p.formats)
      throw new ParamError(
        'give at least one format, or use auto',
        'formats',
        msg('node.parse_date_formats', { field: setting(params, 'formats') }),
      );
    p.formats.forEach((f, i) => {
      checkFormat(f, `formats.${i}`);
    });
  }
  const name = p.as ?? p.column;
  if (p.as) checkNewNames(schema, [p.as], 'as');
  const value = p.to === 'DATE' ? `CAST(${PARSED} AS DATE)` : PARSED;
  const missing = `(${TEXT} IS NULL OR ${TEXT} = '')`;
  const sql =
    p.onError === 'fail'
      ? `CASE WHEN NOT ${missing} AND ${PARSED} IS NULL THEN error('cannot read "' || ${TEXT} || '" in column ' || ${literal(p.column)} || ' as a date') ELSE ${value} END`
      : value;
  const added: OutColumn[] = [{ name, type: p.to, sql }];
  if (p.flag) {
    const flag = `${name}_parse_ok`;
    checkNewNames([...schema, { name, type: p.to }], [flag], 'flag', p.as ? [] : [p.column]);
    added.push({ name: flag, type: 'BOOLEAN', sql: `CASE WHEN ${missing} THEN NULL ELSE ${PARSED} IS NOT NULL END` });
  }
  return placeAfter(schema, p.column, added, p.as !== undefined);
}

/**
 * Parses text into dates. Keeps input order (a projection).
 */
export const parseDate = defineNode({
  type: 'prep.parse_date',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: label('날짜 변환', 'Parse dates'),
  description: label(
    '글자로 된 날짜를 날짜(DATE)나 일시(TIMESTAMP)로 바꿉니다. 읽지 못한 값은 빈 값이 됩니다.',
    'Turn text into DATE or TIMESTAMP values; what cannot be read becomes NULL.',
  ),
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => schemaOf(layout(p, single(inputs))),
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const from = parsedFrom(p, requireColumn(schema, p.column, 'column'), relation(inputs));
    return `SELECT ${selectList(layout(p, schema))} FROM ${from}`;
  },
});
