import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { withColumns } from '../_shared/added-columns.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { PRICE_BAND_COLUMNS, priceBandSql, SHORTFALL } from './_price-band-sql.ts';

const column = (ko: string, en: string) =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: 'in' });

const params = z
  .object({
    value: column('신고가격 열', 'Declared value column'),
    quantity: column('수량·중량 열', 'Quantity or mass column'),
    groupBy: z
      .array(z.string().min(1))
      .min(1, 'choose at least the HS code column')
      .meta({
        label: { ko: '비교 그룹 열 (HS [+원산지] [+기간])', en: 'Comparable group (HS [+ origin] [+ period])' },
        widget: 'columns',
        columnOf: 'in',
      }),
    k: z
      .number()
      .positive()
      .default(3)
      .meta({
        label: { ko: '기준 z (k)', en: 'Band width k' },
        help: { ko: 'z < −k 이면 저가 신고', en: 'flag when z < −k' },
      }),
    minComparables: z
      .number()
      .int()
      .min(2)
      .default(5)
      .meta({ label: { ko: '최소 비교 건수', en: 'Minimum comparables' } }),
    taxRate: column('관세율 열 (선택)', 'Tax rate column (optional)').optional(),
    ratePercent: z
      .boolean()
      .default(true)
      .meta({ label: { ko: '세율이 % 단위', en: 'Rate is in percent' } }),
  })
  .strict();

export const priceBand = defineNode({
  type: 'model.price_band',
  version: 1,
  kind: 'sql',
  category: 'model',
  label: { ko: '수입가격 저가신고 탐지', en: 'Import price band' },
  description: {
    ko: 'HS(+원산지, 기간) 그룹별 단가의 중앙값과 MAD 로 기준가격대를 만들고, 기준보다 크게 낮은 신고와 추정 세액 부족분을 표시합니다.',
    en: 'Reference price band per HS (+ origin, period) group from the median and MAD of log unit values; flags declarations far below it with the estimated duty shortfall.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const numeric = (name: string, param: string) => {
      const c = requireColumn(schema, name, param);
      if (c.type !== UNKNOWN && !isNumericType(c.type))
        throw new ParamError(
          `"${name}" must be numeric; it is ${c.type}`,
          param,
          msg('node.model_needs_numeric', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
        );
    };
    numeric(p.value, 'value');
    numeric(p.quantity, 'quantity');
    if (p.taxRate) numeric(p.taxRate, 'taxRate');
    p.groupBy.forEach((g, i) => {
      requireColumn(schema, g, `groupBy.${i}`);
    });
    const added: Column[] = PRICE_BAND_COLUMNS.map(([name, type]) => ({ name, type }));
    if (p.taxRate) added.push({ name: SHORTFALL, type: 'DOUBLE' });
    return withColumns(schema, added, 'value');
  },
  toSql: ({ inputs, schemas, params: p }) =>
    priceBandSql({ ...p, relation: relation(inputs), schema: single(schemas) }),
});
