import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { TF_COLUMNS, tradeFinanceSql } from './_trade-finance-sql.ts';

const col = (port: string, ko: string, en: string) =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });
const num = (ko: string, en: string, value: number, min = 0) =>
  z.number().min(min).default(value).meta({ label: { ko, en }, widget: 'number' });

const params = z
  .object({
    importer: col('declarations', '수입자 열', 'Importer column'),
    declDate: col('declarations', '신고일 열', 'Declaration date column'),
    value: col('declarations', '신고금액 열', 'Declared value column'),
    seller: col('declarations', '해외거래처 열 (선택)', 'Seller column (optional)').optional(),
    declCurrency: col('declarations', '신고 통화 열 (선택)', 'Invoice currency column (optional)').optional(),
    country: col('declarations', '원산지·거래처 국가 열 (선택)', 'Origin or seller country (optional)').optional(),
    payer: col('fx', '송금인(업체) 열', 'Payer (company) column'),
    txDate: col('fx', '송금일 열', 'Remittance date column'),
    amount: col('fx', '송금액 열 (신고금액과 같은 통화)', 'Amount column (same currency as the declared value)'),
    originalAmount: col(
      'fx',
      '원통화 송금액 열 (선택, 분할·어림수 판단)',
      'Amount in original currency (optional)',
    ).optional(),
    payee: col('fx', '수취인 열 (선택)', 'Payee column (optional)').optional(),
    fxCurrency: col('fx', '송금 통화 열 (선택)', 'Remittance currency column (optional)').optional(),
    payeeCountry: col('fx', '수취 국가 열 (선택)', 'Payee country column (optional)').optional(),
    purpose: col('fx', '송금 목적 열 (선택)', 'Purpose code column (optional)').optional(),
    purposes: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '수입대금 목적 코드', en: 'Import-payment purpose codes' },
        help: { ko: '예: 101, 102 (비우면 전부)', en: 'e.g. 101, 102 (empty = all)' },
        widget: 'json',
      }),
    before: num('신고 전 송금 허용(일)', 'Days paid before declaration', 90),
    after: num('신고 후 송금 허용(일)', 'Days paid after declaration', 180),
    period: z
      .enum(['month', 'quarter', 'year', 'all'])
      .default('quarter')
      .meta({ label: { ko: '기간 단위', en: 'Period' }, widget: 'select' }),
    low: num('과소 송금 비율', 'Under-remittance ratio', 0.5),
    high: num('과다 송금 비율', 'Over-remittance ratio', 1.5),
    threshold: num('분할 송금 기준액', 'Structuring threshold', 10000),
    band: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.1)
      .meta({ label: { ko: '기준액 아래 폭 (비율)', en: 'Band below threshold (share)' } }),
    minStructuring: num('분할 송금 최소 건수', 'Minimum split transfers', 5, 1),
    roundUnit: num('어림수 단위', 'Round-amount unit', 1000, 1),
  })
  .strict();

type Params = z.infer<typeof params>;

function check(d: Schema, f: Schema, p: Params) {
  const numeric = (s: Schema, name: string, param: string) => {
    const c = requireColumn(s, name, param);
    if (c.type !== UNKNOWN && !isNumericType(c.type))
      throw new ParamError(
        `"${name}" must be numeric; it is ${c.type}`,
        param,
        msg('node.model_needs_numeric', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
      );
  };
  requireColumn(d, p.importer, 'importer');
  requireColumn(d, p.declDate, 'declDate');
  numeric(d, p.value, 'value');
  for (const k of ['seller', 'declCurrency', 'country'] as const) if (p[k]) requireColumn(d, p[k], k);
  requireColumn(f, p.payer, 'payer');
  requireColumn(f, p.txDate, 'txDate');
  numeric(f, p.amount, 'amount');
  if (p.originalAmount) numeric(f, p.originalAmount, 'originalAmount');
  for (const k of ['payee', 'fxCurrency', 'payeeCountry', 'purpose'] as const) if (p[k]) requireColumn(f, p[k], k);
  if (p.low >= p.high)
    throw new ParamError(
      'the under-remittance ratio must be below the over-remittance ratio',
      'low',
      msg('node.model_ratio_order', { low: setting(params, 'low'), high: setting(params, 'high') }),
    );
}

export const tradeFinance = defineNode({
  type: 'model.trade_finance',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'model',
  label: { ko: '무역금융 모니터링', en: 'Trade-finance monitoring' },
  description: {
    ko: '외환 송금을 수입신고와 업체·거래처·통화·기간으로 연결하고, 업체×기간별 신고 대비 송금 비율, 대응 없는 송금·신고, 제3국 송금, 분할 송금, 어림수를 점수와 사유로 냅니다 (FATF–Egmont 2021 지표).',
    en: 'Links remittances to declarations by importer, counterparty, currency and a date window; per importer × period: remitted/declared ratio, unmatched payments and declarations, third-country payments, structuring, round amounts, with a mismatch score and reasons (FATF–Egmont 2021 indicators).',
  },
  inputs: [
    { name: 'declarations', label: { ko: '수입신고', en: 'Declarations' } },
    { name: 'fx', label: { ko: '외환 송금', en: 'Remittances' } },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(single(inputs, 'declarations'), single(inputs, 'fx'), p);
    return TF_COLUMNS.map(([name, type]) => ({ name, type }));
  },
  toSql: ({ inputs, params: p }) =>
    tradeFinanceSql({
      decl: relation(inputs, 'declarations'),
      fx: relation(inputs, 'fx'),
      d: {
        importer: p.importer,
        date: p.declDate,
        value: p.value,
        counterparty: p.seller,
        currency: p.declCurrency,
        country: p.country,
      },
      f: {
        payer: p.payer,
        date: p.txDate,
        amount: p.amount,
        originalAmount: p.originalAmount,
        payee: p.payee,
        currency: p.fxCurrency,
        country: p.payeeCountry,
        purpose: p.purpose,
      },
      purposes: p.purposes,
      before: p.before,
      after: p.after,
      period: p.period,
      low: p.low,
      high: p.high,
      threshold: p.threshold,
      band: p.band,
      roundUnit: p.roundUnit,
      minStructuring: p.minStructuring,
    }),
});
