import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { fitLogistic, predictProba } from '../../runtime/ml/logistic.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { withColumns } from '../_shared/added-columns.ts';
import { requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { codeWidths, readColumns, writeWithColumns } from './_model-io.ts';
import { fitFeatures, type Raw, topFactors, transform } from './_requirement-risk-features.ts';

const column = (ko: string, en: string, port = 'in') =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });
const columns = (ko: string, en: string, help?: { ko: string; en: string }) =>
  z.array(z.string().min(1)).default([]).meta({ label: { ko, en }, help, widget: 'columns', columnOf: 'in' });

const params = z
  .object({
    hs: column('HS 부호 열', 'HS code column'),
    exempt: column('요건 비대상(면제) 주장 열', 'Exemption-claimed column'),
    prefixes: z
      .array(z.string().regex(/^[0-9]{2,10}$/, 'an HS prefix is 2 to 10 digits'))
      .default([])
      .meta({
        label: { ko: '세관장확인 대상 HS (앞자리)', en: 'HS prefixes needing verification' },
        help: {
          ko: '예: 1207, 3004. 아래 "품목표" 입력과 합칩니다.',
          en: 'e.g. 1207, 3004; merged with the item-list input.',
        },
        widget: 'json',
      }),
    itemColumn: column('품목표의 HS 열', 'HS column of the item list', 'items').optional(),
    label: column('위반 여부 열 (0/1)', 'Violation label (0/1)'),
    categorical: columns('범주형 열', 'Categorical columns', {
      ko: '원산지, 수입종류 등. 학습에 없거나 드문 값은 영향 없음(평균)으로 처리합니다.',
      en: 'Origin, import type… Values unseen or rare in training count as average (no effect).',
    }),
    numeric: columns('숫자 열', 'Numeric columns', {
      ko: '빈 값은 학습 평균으로 채웁니다.',
      en: 'Missing values are set to the training mean.',
    }),
    hsLevels: z
      .boolean()
      .default(true)
      .meta({ label: { ko: 'HS 2·4단위를 특징으로', en: 'Use HS2 and HS4 as features' } }),
    minCount: z
      .number()
      .int()
      .min(1)
      .default(5)
      .meta({ label: { ko: '범주 최소 건수', en: 'Minimum rows per category' } }),
    logNumeric: z
      .boolean()
      .default(true)
      .meta({ label: { ko: '숫자 열 로그 변환', en: 'Log-transform numbers' } }),
    l2: z
      .number()
      .min(0)
      .default(0.001)
      .meta({ label: { ko: 'L2 규제', en: 'L2 penalty' } }),
  })
  .strict();

const OUT_COLS = [
  { name: 'requirement_risk', type: 'DOUBLE' },
  { name: 'requirement_reason', type: 'VARCHAR' },
  { name: 'requirement_reason_text', type: 'VARCHAR' },
];
const TRUE = new Set(['true', '1', '1.0', 'y', 'yes', 't']);
const digits = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/[^0-9]/g, ''));

export const requirementRisk = defineNode({
  type: 'model.requirement_risk',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '요건확인 비대상 위험', en: 'Requirement-verification risk' },
  description: {
    ko: '세관장확인 대상 품목인데 면제를 주장한 신고는 규칙으로 표시하고, 나머지는 과거 위반으로 학습한 로지스틱 모델로 순위를 매깁니다.',
    en: 'Flags declarations of listed items that claim exemption (rule), and ranks the rest with a logistic model trained on past violations.',
  },
  inputs: [IN, { name: 'items', label: { ko: '품목표 (선택)', en: 'Item list (optional)' }, optional: true }],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    for (const [param, name] of [
      ['hs', p.hs],
      ['exempt', p.exempt],
      ['label', p.label],
    ] as const) {
      requireColumn(schema, name, param);
    }
    for (const [i, c] of p.categorical.entries()) requireColumn(schema, c, `categorical.${i}`);
    for (const [i, c] of p.numeric.entries()) requireColumn(schema, c, `numeric.${i}`);
    const items = inputs.items?.[0];
    if (items) {
      if (!p.itemColumn)
        throw new ParamError(
          'choose the HS column of the item list',
          'itemColumn',
          msg('node.model_choose_column', { field: setting(params, 'itemColumn') }),
        );
      requireColumn(items, p.itemColumn, 'itemColumn');
    }
    if (!items && p.prefixes.length === 0) {
      throw new ParamError(
        'list the HS prefixes that need verification, or connect an item list',
        'prefixes',
        msg('node.model_prefixes_or_items', { field: setting(params, 'prefixes') }),
      );
    }
    return withColumns(schema, OUT_COLS, 'label');
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress }) => {
    const relation = inputs.in![0]!;
    const prefixes = new Set(p.prefixes);
    if (inputs.items?.[0] && p.itemColumn) {
      const r = await engine.query(
        `SELECT DISTINCT CAST(${ident(p.itemColumn)} AS VARCHAR) AS hs FROM ${inputs.items[0]}`,
        { signal },
      );
      for (const row of r.rows) if (digits(row.hs).length >= 2) prefixes.add(digits(row.hs));
    }
    const codes = [p.hs, ...p.categorical];
    const widths = await codeWidths(engine, relation, codes, signal);
    const numbered = `${tableName}__in`;
    const { table, n } = await readColumns(
      engine,
      relation,
      numbered,
      { categorical: [...codes, p.exempt], numeric: [...p.numeric, p.label], widths },
      signal,
    );
    progress(0.1);
    const hs = table[p.hs]!.map(digits);
    const exempt = table[p.exempt]!.map((v) => TRUE.has(String(v).trim().toLowerCase()));
    const sorted = [...prefixes].sort((a, b) => b.length - a.length);
    const listedBy = hs.map((h) => sorted.find((x) => h.startsWith(x)));
    const raw: Raw = {
      ...table,
      'exemption claimed': exempt.map((e) => (e ? 'Y' : 'N')),
      'listed item': listedBy.map((l) => (l ? 'Y' : 'N')),
    };
    const cats = ['exemption claimed', 'listed item', ...p.categorical];
    if (p.hsLevels) {
      raw.HS2 = hs.map((h) => h.slice(0, 2) || null);
      raw.HS4 = hs.map((h) => h.slice(0, 4) || null);
      cats.push('HS2', 'HS4');
    }
    const label = table[p.label]!;
    const train: number[] = [];
    for (let i = 0; i < n; i++) {
      const y = label[i];
      if (y === null || y === undefined || Number.isNaN(y)) continue;
      if (y !== 0 && y !== 1)
        throw new ParamError(
          `label "${p.label}" must be 0/1 (found ${String(y)})`,
          'label',
          msg('node.model_label_not_01', {
            column: p.label,
            value: String(y),
            where: '',
            field: setting(params, 'label'),
          }),
        );
      train.push(i);
    }
    if (train.length === 0)
      throw new ParamError(
        `label "${p.label}" has no 0/1 values to learn from`,
        'label',
        msg('node.model_label_empty', { column: p.label, field: setting(params, 'label') }),
      );
    const y = train.map((i) => label[i] as number);
    const positives = y.filter((v) => v === 1).length;
    if (positives === 0 || positives === y.length) {
      throw new ParamError(
        `label "${p.label}" has only ${positives ? 1 : 0}s; the model needs both outcomes`,
        'label',
        msg('node.model_one_outcome', { column: p.label, value: positives ? 1 : 0, field: setting(params, 'label') }),
      );
    }
    const features = fitFeatures(raw, train, cats, p.numeric, p.minCount, p.logNumeric);
    const model = fitLogistic(transform(features, raw, train), y, {
      l2: p.l2,
      onIteration: (it) => progress(0.1 + 0.8 * Math.min(1, it / 100)),
    });
    const all = Array.from({ length: n }, (_, i) => i);
    const x = transform(features, raw, all);
    const proba = predictProba(model, x);
    const risk: number[] = [];
    const reason: string[] = [];
    const texts: string[] = [];
    for (let i = 0; i < n; i++) {
      const hit = listedBy[i] !== undefined && exempt[i];
      risk.push(hit ? 1 : proba[i]!);
      reason.push(hit ? 'rule' : 'model');
      if (hit) {
        texts.push(
          `세관장확인 대상(HS ${listedBy[i]})인데 면제 주장 (HS ${listedBy[i]} needs verification but exemption is claimed)`,
        );
      } else {
        const top = topFactors(features, model.coef, x, i, 2).join(', ');
        texts.push(
          top
            ? `모델 위험 요인: ${top} (model risk factors: ${top})`
            : '두드러진 위험 요인 없음 (no notable risk factor)',
        );
      }
    }
    progress(0.95);
    const cols = schemas.in![0]!.map((c) => c.name);
    await writeWithColumns(
      engine,
      numbered,
      tableName,
      [
        { ...OUT_COLS[0]!, values: risk },
        { ...OUT_COLS[1]!, values: reason },
        { ...OUT_COLS[2]!, values: texts },
      ],
      cols,
      signal,
    );
    progress(1);
    return {};
  },
});
