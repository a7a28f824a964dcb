import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { featureList, featureSql } from './_tax-risk-features.ts';
import { peerPercentile, woeScorecard, zScorecard } from './_tax-risk-scorecard.ts';

const column = (ko: string, en: string, port = 'in') =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });

const params = z
  .object({
    company: column('업체(수입자) 열', 'Company (importer) column'),
    value: column('신고가격 열', 'Declared value column'),
    duty: column('관세액 열 (선택)', 'Duty column (optional)').optional(),
    taxRate: column('관세율(%) 열 (선택)', 'Tax rate (%) column (optional)').optional(),
    hs: column('HS 부호 열 (선택)', 'HS code column (optional)').optional(),
    supplier: column('해외거래처 열 (선택)', 'Supplier column (optional)').optional(),
    taxType: column('관세율 구분 열 (선택)', 'Tax type column (optional)').optional(),
    ftaPrefix: z
      .string()
      .default('F')
      .meta({ label: { ko: 'FTA 세율구분 접두어', en: 'FTA tax-type prefix' } }),
    origin: column('원산지 열 (선택)', 'Origin column (optional)').optional(),
    departure: column('적출국 열 (선택)', 'Departure column (optional)').optional(),
    quantity: column('중량·수량 열 (선택)', 'Mass or quantity column (optional)').optional(),
    finding: column('과거 검사 적발 열 (선택, 0/1)', 'Past inspection finding (optional, 0/1)').optional(),
    labelCompany: column('감사결과의 업체 열', 'Company column of audit results', 'labels').optional(),
    label: column('감사 적발 열 (0/1)', 'Audit finding (0/1)', 'labels').optional(),
    bins: z
      .number()
      .int()
      .min(2)
      .max(20)
      .default(5)
      .meta({ label: { ko: 'WoE 구간 수', en: 'WoE bins' } }),
    l2: z
      .number()
      .min(0)
      .default(0.01)
      .meta({ label: { ko: 'L2 규제', en: 'L2 penalty' } }),
  })
  .strict();

type Params = z.infer<typeof params>;

const RESULT = [
  ['score', 'DOUBLE'],
  ['grade', 'VARCHAR'],
  ['probability', 'DOUBLE'],
  ['reason_1', 'VARCHAR'],
  ['reason_2', 'VARCHAR'],
  ['reason_3', 'VARCHAR'],
  ['peer_group', 'VARCHAR'],
  ['peer_percentile', 'DOUBLE'],
  ['method', 'VARCHAR'],
] as const;

function outputColumns(p: Params): Schema {
  return [
    { name: p.company, type: 'VARCHAR' },
    ...featureList(p).map((f) => ({ name: f.name, type: 'DOUBLE' })),
    ...RESULT.map(([name, type]) => ({ name, type })),
  ];
}

function check(schema: Schema, p: Params) {
  const numeric = (name: string, param: string) => {
    const c = requireColumn(schema, name, param);
    if (c.type !== UNKNOWN && !isNumericType(c.type))
      throw new ParamError(
        `"${name}" must be numeric; it is ${c.type}`,
        param,
        msg('node.model_needs_numeric', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
      );
  };
  requireColumn(schema, p.company, 'company');
  numeric(p.value, 'value');
  if (p.duty) numeric(p.duty, 'duty');
  if (p.taxRate) numeric(p.taxRate, 'taxRate');
  if (p.quantity) numeric(p.quantity, 'quantity');
  for (const k of ['hs', 'supplier', 'taxType', 'origin', 'departure', 'finding'] as const) {
    const name = p[k];
    if (name) requireColumn(schema, name, k);
  }
  const taken = featureList(p).map((f) => f.name);
  if (taken.includes(p.company) || RESULT.some(([n]) => n === p.company)) {
    throw new ParamError(
      `the company column may not be called "${p.company}" (an output column has that name)`,
      'company',
      msg('node.model_output_name_clash', { column: p.company, field: setting(params, 'company') }),
    );
  }
}

export const taxRisk = defineNode({
  type: 'model.tax_risk',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '업체 세무 위험 점수', en: 'Company tax-risk score' },
  description: {
    ko: '신고 자료로 업체별 특징(물량, 실효세율의 동종 HS 대비 차이, FTA 비중, 적출국≠원산지, 집중도)을 만들고, 감사 결과가 있으면 WoE 로지스틱 점수표, 없으면 z 점수로 0–100 점수, A–E 등급, 주요 사유 3개, 동종 백분위를 냅니다.',
    en: 'Company features from declarations; a WoE-binned logistic scorecard trained on audit results (or a z-score scorecard without them): score 0–100, grade A–E, top 3 reasons, peer percentile.',
  },
  inputs: [IN, { name: 'labels', label: { ko: '감사 결과 (선택)', en: 'Audit results (optional)' }, optional: true }],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(single(inputs), p);
    const labels = inputs.labels?.[0];
    if (labels) {
      if (!p.labelCompany)
        throw new ParamError(
          'choose the company column of the audit results',
          'labelCompany',
          msg('node.model_choose_column', { field: setting(params, 'labelCompany') }),
        );
      if (!p.label)
        throw new ParamError(
          'choose the audit finding column (0/1)',
          'label',
          msg('node.model_choose_column', { field: setting(params, 'label') }),
        );
      requireColumn(labels, p.labelCompany, 'labelCompany');
      requireColumn(labels, p.label, 'label');
    }
    return outputColumns(p);
  },
  run: async ({ engine, inputs, params: p, tableName, signal, progress }) => {
    const info = featureList(p);
    const r = await engine.query(featureSql(inputs.in![0]!, p), { signal });
    const n = r.rows.length;
    if (n === 0)
      throw new ParamError(
        'no company has a declaration',
        'company',
        msg('node.model_no_declarations', { field: setting(params, 'company') }),
      );
    progress(0.2);
    const columns = info.map((f) =>
      Float64Array.from(r.rows, (row) => (typeof row[f.name] === 'number' ? (row[f.name] as number) : Number.NaN)),
    );
    const companies = r.rows.map((row) => String(row.company));
    let card: ReturnType<typeof zScorecard>;
    const labelRel = inputs.labels?.[0];
    if (labelRel && p.labelCompany && p.label) {
      const lr = await engine.query(
        `SELECT CAST(${ident(p.labelCompany)} AS VARCHAR) AS co, max(TRY_CAST(${ident(p.label)} AS DOUBLE)) AS y FROM ${labelRel} GROUP BY 1`,
        { signal },
      );
      const labelOf = new Map(lr.rows.map((row) => [String(row.co), row.y as number | null]));
      const train: number[] = [];
      const y: number[] = [];
      companies.forEach((c, i) => {
        const v = labelOf.get(c);
        if (v === null || v === undefined) return;
        if (v !== 0 && v !== 1)
          throw new ParamError(
            `audit finding "${p.label}" must be 0/1 (found ${v} for ${c})`,
            'label',
            msg('node.model_label_not_01', {
              column: p.label ?? '',
              value: v,
              where: msg('node.model_label_at', { key: c }),
              field: setting(params, 'label'),
            }),
          );
        train.push(i);
        y.push(v);
      });
      const pos = y.filter((v) => v === 1).length;
      if (train.length === 0)
        throw new ParamError(
          'no company of the declarations has an audit result',
          'labelCompany',
          msg('node.model_no_audit_match', { field: setting(params, 'labelCompany') }),
        );
      if (pos === 0 || pos === y.length) {
        throw new ParamError(
          `the audit results hold only ${pos ? 1 : 0}s; the scorecard needs both outcomes`,
          'label',
          msg('node.model_one_outcome', { column: p.label, value: pos ? 1 : 0, field: setting(params, 'label') }),
        );
      }
      card = woeScorecard(columns, info, train, y, {
        bins: p.bins,
        l2: p.l2,
        onIteration: (it) => progress(0.2 + 0.7 * Math.min(1, it / 100)),
      });
    } else {
      card = zScorecard(columns, info);
    }
    const groups = r.rows.map((row) => (row.peer_group === null ? null : String(row.peer_group)));
    const pct = peerPercentile(card.score, groups);
    const method = labelRel ? 'woe-logistic' : 'z-score';
    const data: unknown[][] = [
      companies,
      ...columns.map((c) => Array.from(c, (v) => (Number.isNaN(v) ? null : v))),
      card.score,
      card.grade,
      card.probability,
      card.reasons.map((x) => x[0]),
      card.reasons.map((x) => x[1]),
      card.reasons.map((x) => x[2]),
      groups,
      pct,
      companies.map(() => method),
    ];
    await engine.createTable(tableName, outputColumns(p), data);
    progress(1);
    return {};
  },
});
