import { z } from 'zod';
import { isNumericType, isTemporalType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { EVAL_COLUMNS, evaluateSql } from './_evaluate-sql.ts';

const col = (ko: string, en: string, help?: { ko: string; en: string }) =>
  z.string().min(1).meta({ label: { ko, en }, help, widget: 'column', columnOf: 'in' });

const params = z
  .object({
    score: col('점수 열', 'Score column', { ko: '높을수록 위험', en: 'Higher = riskier' }),
    label: col('정답 열 (0/1)', 'Label column (0/1)', {
      ko: '적발 1, 정상 0. 빈 값인 행(미검사)은 평가에서 빠집니다.',
      en: '1 = fraud found, 0 = clean. Rows with an empty label (not inspected) are left out.',
    }),
    revenue: col('추징세액 열 (선택)', 'Revenue column (optional)').optional(),
    time: col('시간 열 (선택)', 'Time column (optional)', {
      ko: '기준일 이후의 행만 평가합니다(시간 분할).',
      en: 'Evaluate only rows on or after the cutoff (time split).',
    }).optional(),
    cutoff: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '평가 시작 시점', en: 'Evaluate from' },
        help: { ko: '예: 2024-07-01', en: 'e.g. 2024-07-01' },
      }),
    ks: z
      .array(z.number().gt(0).max(100))
      .min(1)
      .default([1, 2, 5, 10])
      .meta({ label: { ko: '상위 k% 목록', en: 'Top k% list' }, widget: 'json' }),
    confusionK: z
      .number()
      .gt(0)
      .max(100)
      .default(5)
      .meta({
        label: { ko: '혼동행렬 선별 비율(상위 k%)', en: 'Confusion matrix: top k% selected' },
        help: {
          ko: '검사할 비율. 점수 상위 k% 를 선별한 것으로 셉니다(경계 점수와 같은 행 포함).',
          en: 'Your inspection rate: the top k% by score count as selected (rows tied with the cut included).',
        },
      }),
    threshold: z
      .number()
      .optional()
      .meta({
        label: { ko: '혼동행렬 임계값 (선택)', en: 'Confusion threshold (optional)' },
        help: {
          ko: '정하면 상위 k% 대신 점수 ≥ 임계값 → 선별',
          en: 'If set, score ≥ threshold → selected, instead of the top k%',
        },
      }),
    points: z
      .number()
      .int()
      .min(2)
      .max(1000)
      .default(100)
      .meta({ label: { ko: '곡선 점 개수', en: 'Curve points' } }),
  })
  .strict();

const keep = (names: string[]) => (self: Schema) => names.map((n) => self.find((c) => c.name === n)!);
const pick = (names: string[]) => names.map(ident).join(', ');

const METRICS = ['k', 'n_selected', 'hits', 'precision', 'recall', 'revenue', 'lift', 'auc', 'n_rows', 'positives'];
const ROC = ['threshold', 'n_selected', 'fpr', 'tpr'];
const PR = ['threshold', 'n_selected', 'recall', 'precision'];
/** `k` = the top-k % cut the threshold comes from (empty when the officer set a threshold). */
const CONFUSION = ['k', 'threshold', 'actual', 'predicted', 'count'];

export const evaluate = defineNode({
  type: 'model.evaluate',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'model',
  label: { ko: '모델 평가', en: 'Evaluate model' },
  description: {
    ko: '점수 상위 k% 의 적중률·재현율·추징세액 비율, 향상도, AUC, ROC/PR 곡선, 혼동행렬. 동점은 비율로 나눠 셉니다.',
    en: 'Precision, recall and revenue in the top k%, lift, AUC, ROC/PR curves, confusion matrix. Tied scores are shared proportionally.',
  },
  inputs: [IN],
  outputs: [
    { name: 'out', label: { ko: '상위 k% 지표', en: 'Top-k% metrics' } },
    { name: 'roc', label: { ko: 'ROC 곡선', en: 'ROC curve' } },
    { name: 'pr', label: { ko: 'PR 곡선', en: 'PR curve' } },
    { name: 'confusion', label: { ko: '혼동행렬', en: 'Confusion matrix' } },
  ],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const numeric = (name: string, param: string) => {
      const c = requireColumn(schema, name, param);
      if (c.type !== UNKNOWN && !isNumericType(c.type) && c.type !== 'BOOLEAN') {
        throw new ParamError(
          `"${name}" must be numeric; it is ${c.type}`,
          param,
          msg('node.model_needs_numeric', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
        );
      }
    };
    numeric(p.score, 'score');
    numeric(p.label, 'label');
    if (p.revenue) numeric(p.revenue, 'revenue');
    if (p.time) {
      const t = requireColumn(schema, p.time, 'time');
      if (!p.cutoff)
        throw new ParamError(
          'a time column needs a cutoff (evaluate from)',
          'cutoff',
          msg('node.model_cutoff_missing', { time: setting(params, 'time'), field: setting(params, 'cutoff') }),
        );
      if (t.type !== UNKNOWN && !isTemporalType(t.type) && !isNumericType(t.type) && t.type !== 'VARCHAR') {
        throw new ParamError(
          `"${p.time}" is ${t.type}, not a date, time or number`,
          'time',
          msg('node.model_time_type', { column: p.time, type: typeLabel(t.type), field: setting(params, 'time') }),
        );
      }
    }
    return EVAL_COLUMNS.map(([name, type]) => ({ name, type }));
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const timeType = p.time ? (schema.find((c) => c.name === p.time)?.type ?? 'VARCHAR') : 'VARCHAR';
    return evaluateSql({
      relation: relation(inputs),
      score: p.score,
      label: p.label,
      revenue: p.revenue,
      time: p.time && p.cutoff ? { column: p.time, type: timeType, cutoff: p.cutoff } : undefined,
      ks: p.ks,
      threshold: p.threshold,
      confusionK: p.confusionK,
      points: p.points,
    });
  },
  outputPorts: {
    out: {
      schema: keep(METRICS),
      sql: (self) => `SELECT ${pick(METRICS)} FROM ${self} WHERE part = 'metrics' ORDER BY k`,
    },
    roc: {
      schema: keep(ROC),
      sql: (self) => `SELECT ${pick(ROC)} FROM ${self} WHERE part = 'curve' ORDER BY n_selected`,
    },
    pr: {
      schema: keep(PR),
      sql: (self) => `SELECT ${pick(PR)} FROM ${self} WHERE part = 'curve' AND n_selected > 0 ORDER BY n_selected`,
    },
    confusion: {
      schema: keep(CONFUSION),
      sql: (self) =>
        `SELECT ${pick(CONFUSION)} FROM ${self} WHERE part = 'confusion' ORDER BY actual DESC, predicted DESC`,
    },
  },
});
