import { z } from 'zod';
import { isNumericType, isTemporalType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { requireColumn, UNKNOWN } from '../_shared/columns.ts';

const column = z
  .string()
  .min(1)
  .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' });
/** The rule's discriminator, labelled with the rule's name for the studio's rule picker. */
const kind = <T extends string>(name: T, ko: string, en: string) =>
  z.literal(name).meta({ label: { ko: `규칙: ${ko}`, en: `Rule: ${en}` }, widget: 'select' });
const bound = z.union([z.number(), z.string().min(1)]);

/** One check; a row fails it when the check is false. Empty values pass every rule but `required`. */
export const rule = z.discriminatedUnion('rule', [
  z.object({ rule: kind('required', '필수값', 'Required'), column }).strict(),
  z
    .object({
      rule: kind('range', '범위', 'Range'),
      column,
      min: bound.optional().meta({ label: { ko: '최솟값', en: 'Minimum' } }),
      max: bound.optional().meta({ label: { ko: '최댓값', en: 'Maximum' } }),
    })
    .strict(),
  z
    .object({
      rule: kind('regex', '정규식', 'Pattern'),
      column,
      pattern: z
        .string()
        .min(1)
        .meta({ label: { ko: '정규식 (값 전체가 맞아야 함)', en: 'Regular expression (whole value)' } }),
    })
    .strict(),
  z
    .object({
      rule: kind('allowed', '허용 값', 'Allowed values'),
      column,
      values: z
        .array(z.union([z.string(), z.number()]))
        .min(1)
        .meta({ label: { ko: '허용 값 목록', en: 'Allowed values' }, widget: 'json' }),
    })
    .strict(),
  z
    .object({
      rule: kind('max_length', '최대 길이', 'Maximum length'),
      column,
      max: z
        .number()
        .int()
        .min(1)
        .meta({ label: { ko: '최대 글자 수', en: 'Maximum characters' } }),
    })
    .strict(),
  z
    .object({
      rule: kind('unique', '중복 없음', 'Unique'),
      columns: z
        .array(z.string().min(1))
        .min(1)
        .meta({
          label: { ko: '중복이면 안 되는 열', en: 'Columns that must be unique' },
          widget: 'columns',
          columnOf: 'in',
        }),
      keep: z
        .enum(['none', 'first'])
        .default('none')
        .meta({
          label: { ko: '중복 행 처리', en: 'Duplicates' },
          help: {
            ko: 'none: 모두 거부 · first: 첫 행은 통과',
            en: 'none: reject them all · first: the first one passes',
          },
          widget: 'select',
        }),
    })
    .strict(),
  z
    .object({
      rule: kind('hs_code', 'HS 코드', 'HS code'),
      column,
      digits: z
        .enum(['6_or_10', '6', '10'])
        .default('6_or_10')
        .meta({ label: { ko: '자릿수', en: 'Digits' }, widget: 'select' }),
      knownIn: z
        .string()
        .min(1)
        .optional()
        .meta({
          label: {
            ko: '부호표 입력의 코드 열 (있으면 존재 여부 확인)',
            en: 'Code column of the "codes" input (checks existence)',
          },
          widget: 'column',
          columnOf: 'codes',
        }),
    })
    .strict(),
  z.object({ rule: kind('country', '국가코드 (ISO 3166)', 'Country code (ISO 3166)'), column }).strict(),
  z.object({ rule: kind('currency', '통화코드 (ISO 4217)', 'Currency code (ISO 4217)'), column }).strict(),
]);

export type Rule = z.infer<typeof rule>;

/** Checks a rule against the input schema; throws ParamError naming `rules.i…`. */
export function checkRule(r: Rule, i: number, schema: Schema, codes: Schema | undefined): void {
  if (r.rule === 'unique') {
    r.columns.forEach((c, j) => {
      requireColumn(schema, c, `rules.${i}.columns.${j}`);
    });
    return;
  }
  const col = requireColumn(schema, r.column, `rules.${i}.column`);
  if (r.rule === 'range') {
    if (r.min === undefined && r.max === undefined)
      throw new ParamError(
        'give a minimum, a maximum or both',
        `rules.${i}.min`,
        msg('node.range_min_or_max', { field: { ko: `규칙 ${i + 1}번째`, en: `rule #${i + 1}` } }),
      );
    const numeric = isNumericType(col.type);
    if (!numeric && !isTemporalType(col.type) && col.type !== UNKNOWN) {
      throw new ParamError(
        `a range needs a number or date column; "${col.name}" is ${col.type}`,
        `rules.${i}.column`,
        msg('node.range_column_type', { column: col.name, type: typeLabel(col.type) }),
      );
    }
    for (const key of ['min', 'max'] as const) {
      const v = r[key];
      if (v !== undefined && numeric && typeof v !== 'number') {
        throw new ParamError(
          `"${col.name}" is a number column: the ${key} must be a number`,
          `rules.${i}.${key}`,
          msg('node.range_bound_number', {
            column: col.name,
            field: key === 'min' ? { ko: '최솟값', en: 'minimum' } : { ko: '최댓값', en: 'maximum' },
          }),
        );
      }
    }
  }
  if (r.rule === 'hs_code' && r.knownIn !== undefined) {
    if (!codes)
      throw new ParamError(
        'connect a code table to the "codes" input to check that codes exist',
        `rules.${i}.knownIn`,
        msg('node.codes_not_connected'),
      );
    const known = codes.find((c) => c.name === r.knownIn);
    if (!known) {
      throw new ParamError(
        `column "${r.knownIn}" is not in the "codes" input (columns: ${codes.map((c) => c.name).join(', ')})`,
        `rules.${i}.knownIn`,
        msg('node.codes_unknown_column', { column: r.knownIn, columns: codes.map((c) => c.name).join(', ') }),
      );
    }
  }
}
