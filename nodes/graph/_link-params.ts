/**
 * Settings shared by the link-analysis family (`graph.link_analysis`, `graph.link_edges`): which columns are
 * entities and what links them. One schema so the two nodes build the very same graph from the same form.
 */
import { z } from 'zod';
import { isIntegerType, isNumericType, isTextType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { requireColumn, UNKNOWN } from '../_shared/columns.ts';
import { setting } from '../_shared/said.ts';

const columns = (ko: string, en: string, help: { ko: string; en: string }) =>
  z.array(z.string().min(1)).default([]).meta({ label: { ko, en }, help, widget: 'columns', columnOf: 'in' });

export const linkShape = {
  entities: columns('개체 열', 'Entity columns', {
    ko: '연결망의 점이 될 열 (수입자, 해외거래처, 신고인, 여행자 등). 두 개 이상이면 같은 행에 함께 나온 개체끼리 연결합니다.',
    en: 'Columns whose values become the nodes (importer, seller, broker, traveller…). With two or more, entities on the same row are linked.',
  }),
  links: columns('공유 속성 열 (선택)', 'Shared attribute columns (optional)', {
    ko: '같은 값을 함께 쓰는 개체끼리 연결합니다 (전화번호, 주소, 카드, 항공편 등).',
    en: 'Entities that share a value of these columns are linked (phone, address, card, flight…).',
  }),
  weight: z
    .string()
    .min(1)
    .optional()
    .meta({
      label: { ko: '연결 가중치 열 (선택, 숫자)', en: 'Link weight column (optional, numeric)' },
      help: {
        ko: '같은 행에 함께 나온 연결의 무게 (예: 신고 금액). 비우면 함께 나온 횟수를 셉니다.',
        en: 'Weight of a same-row link (e.g. declared value). Empty: the number of rows.',
      },
      widget: 'column',
      columnOf: 'in',
    }),
  maxShared: z
    .number()
    .int()
    .min(2)
    .max(1000)
    .default(30)
    .meta({
      label: { ko: '공유 속성 최대 공유 수', en: 'Most entities per shared value' },
      help: {
        ko: '이보다 많은 개체가 함께 쓰는 값(큰 항공편, 대표번호 등)은 흔한 값이라 연결하지 않습니다.',
        en: 'A value shared by more entities than this (a full flight, a switchboard number) is too common to link.',
      },
    }),
};

export const linkParams = z.object(linkShape).strict();
export type LinkParams = z.infer<typeof linkParams>;

/** Entity and link values are codes or names: text or whole numbers, never amounts, dates or nested values. */
function keyColumn(schema: Schema, name: string, param: string, params: unknown) {
  const c = requireColumn(schema, name, param);
  if (c.type !== UNKNOWN && !isTextType(c.type) && !isIntegerType(c.type)) {
    throw new ParamError(
      `"${name}" is ${c.type}; choose a text or whole-number column (codes, names, phone numbers)`,
      param,
      msg('node.graph_key_type', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
    );
  }
}

/** Checks the link settings against the input's columns (any ParamError names the setting). */
export function checkLinks(schema: Schema, p: LinkParams, params: unknown): void {
  if (p.entities.length === 0)
    throw new ParamError(
      'choose at least one entity column',
      'entities',
      msg('node.model_choose_column', { field: setting(params, 'entities') }),
    );
  for (const [i, name] of p.entities.entries()) keyColumn(schema, name, `entities.${i}`, params);
  for (const [i, name] of p.links.entries()) keyColumn(schema, name, `links.${i}`, params);
  if (p.entities.length === 1 && p.links.length === 0)
    throw new ParamError(
      'one entity column and no shared attribute make no link',
      'links',
      msg('node.graph_no_links_chosen', { entities: setting(params, 'entities'), links: setting(params, 'links') }),
    );
  if (p.weight) {
    const c = requireColumn(schema, p.weight, 'weight');
    if (c.type !== UNKNOWN && !isNumericType(c.type))
      throw new ParamError(
        `"${p.weight}" must be numeric; it is ${c.type}`,
        'weight',
        msg('node.model_needs_numeric', {
          column: p.weight,
          type: typeLabel(c.type),
          field: setting(params, 'weight'),
        }),
      );
  }
}
