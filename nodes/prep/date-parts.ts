import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { checkNewNames, type OutColumn, placeAfter, schemaOf, selectList } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

const label = (ko: string, en: string) => ({ ko, en });

const part = z.enum(['year', 'quarter', 'month', 'day', 'weekday', 'week', 'year_month', 'year_quarter', 'year_week']);
type Part = z.infer<typeof part>;

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: label('날짜 열', 'Date column'), widget: 'column', columnOf: 'in' }),
    parts: z
      .array(part)
      .min(1, 'choose at least one part')
      .meta({
        label: label('꺼낼 항목', 'Parts'),
        help: label(
          'year 연 · quarter 분기 · month 월 · day 일 · weekday 요일 · week ISO 주 (월요일 시작) · year_month 2024-01 · year_quarter 2024-Q1 · year_week ISO 연-주 2025-W01',
          'year · quarter · month · day · weekday · week (ISO, weeks start on Monday) · year_month 2024-01 · year_quarter 2024-Q1 · year_week (ISO) 2025-W01',
        ),
        widget: 'json',
      }),
    weekday: z
      .enum(['ko', 'ko_long', 'en', 'number'])
      .default('ko')
      .meta({
        label: label('요일 표기', 'Weekday as'),
        help: label(
          'ko: 월 화 수 … · ko_long: 월요일 … · en: Mon … · number: 1 (월) … 7 (일)',
          'ko: 월 화 수 … · ko_long: 월요일 … · en: Mon … · number: 1 (Mon) … 7 (Sun)',
        ),
        widget: 'select',
      }),
    prefix: z
      .string()
      .optional()
      .meta({ label: label('새 열 이름 앞부분 (비우면 <열>_)', 'Name prefix (empty: <col>_)'), widget: 'text' }),
  })
  .strict();

type Params = z.infer<typeof params>;

const NAMES = {
  ko: ['월', '화', '수', '목', '금', '토', '일'],
  ko_long: ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

function partSql(which: Part, d: string, weekday: Params['weekday']): { type: string; sql: string } {
  const int = (fn: string) => ({ type: 'INTEGER', sql: `CAST(${fn}(${d}) AS INTEGER)` });
  switch (which) {
    case 'year':
    case 'quarter':
    case 'month':
    case 'day':
    case 'week':
      return int(which);
    case 'weekday':
      // isodow: Monday 1 … Sunday 7, the Korean week order (월 … 일).
      return weekday === 'number'
        ? int('isodow')
        : { type: 'VARCHAR', sql: `${literal(NAMES[weekday])}[isodow(${d})]` };
    case 'year_month':
      return { type: 'VARCHAR', sql: `strftime(${d}, '%Y-%m')` };
    case 'year_quarter':
      return { type: 'VARCHAR', sql: `strftime(${d}, '%Y') || '-Q' || quarter(${d})` };
    case 'year_week':
      // ISO year with ISO week: 2024-12-30 is in 2025-W01.
      return { type: 'VARCHAR', sql: `strftime(${d}, '%G-W%V')` };
  }
}

function layout(p: Params, schema: Schema): OutColumn[] {
  const col = requireColumn(schema, p.column, 'column');
  if (!/^(DATE|TIMESTAMP.*)$/.test(col.type) && col.type !== UNKNOWN) {
    throw new ParamError(
      `"${p.column}" is ${col.type}, not a date: turn it into one first with 날짜 변환 (prep.parse_date)`,
      'column',
      msg('node.date_parts_not_date', { column: p.column, type: typeLabel(col.type) }),
    );
  }
  const prefix = p.prefix ?? `${p.column}_`;
  const added = p.parts.map((which) => ({ name: `${prefix}${which}`, ...partSql(which, ident(p.column), p.weekday) }));
  checkNewNames(
    schema,
    added.map((c) => c.name),
    'parts',
  );
  return placeAfter(schema, p.column, added, true);
}

/**
 * Adds date parts as columns. Keeps input order (a projection).
 */
export const dateParts = defineNode({
  type: 'prep.date_parts',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: label('날짜 나누기', 'Date parts'),
  description: label(
    '날짜에서 연, 분기, 월, 일, 요일, 주, 연-월을 새 열로 꺼냅니다.',
    'Add year, quarter, month, day, weekday, week and year-month columns from a date.',
  ),
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => schemaOf(layout(p, single(inputs))),
  toSql: ({ inputs, schemas, params: p }) =>
    `SELECT ${selectList(layout(p, single(schemas)))} FROM ${relation(inputs)}`,
});
