import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { checkModelName, fingerprintOf, modelStore, type ScreeningMeta } from '../../runtime/ml/model-store.ts';
import { exportOnnx } from '../../runtime/ml/onnx-export.ts';
import {
  featureSpec,
  type ScreeningConfig,
  type TrainedScreening,
  UNIT_VALUE_KEY,
} from '../../runtime/ml/screening.ts';
import { runMlTask } from '../../runtime/ml/tasks.ts';
import { defineNode, type Warning } from '../../runtime/nodes/define-node.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { codeWidths, readColumns, requireColumns } from './_model-io.ts';
import { scoreInto } from './_scoring.ts';
import { screeningSummary } from './_screening-report.ts';
import { trainColumns, unitValueParam } from './_train-params.ts';

const params = z
  .object({
    label: z
      .string()
      .min(1)
      .meta({
        label: { ko: '적발 여부 열(정답)', en: 'Outcome column (label)' },
        help: { ko: '과거 검사에서 적발이면 1, 아니면 0.', en: '1 when a past inspection found a violation, else 0.' },
        widget: 'column',
        columnOf: 'train',
      }),
    categorical: trainColumns('범주형 열', 'Categorical columns', {
      ko: 'HS 코드, 원산지, 관세 구분처럼 코드로 된 열. 과거 적발률로 바꾸어 씁니다(처음 보는 값은 전체 적발률).',
      en: 'Code columns such as HS code, origin, tax type; each becomes its past hit rate (unseen values get the overall rate).',
    }),
    numeric: trainColumns('숫자 열', 'Numeric columns'),
    autoCrosses: z
      .boolean()
      .default(true)
      .meta({
        label: { ko: '조합 자동 선택', en: 'Choose combinations automatically' },
        help: {
          ko: '적발과 가장 관련 있는 범주형 열 4개의 조합(예: HS × 원산지)을 함께 학습합니다.',
          en: 'Also learns combinations (e.g. HS × origin) of the four categorical columns most related to hits.',
        },
        widget: 'boolean',
      }),
    crosses: z
      .array(
        z
          .object({
            columns: z
              .array(z.string().min(1))
              .min(2)
              .meta({ label: { ko: '열', en: 'Columns' }, widget: 'columns', columnOf: 'train' }),
          })
          .strict(),
      )
      .default([])
      .meta({ label: { ko: '직접 지정한 조합', en: 'Combinations' }, showIf: { autoCrosses: [false] } }),
    unitValue: unitValueParam,
    timeColumn: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '시간 열', en: 'Time column' },
        help: {
          ko: '가장 최근 기간으로 모델을 검증합니다.',
          en: 'The latest period is held out to validate the models.',
        },
        widget: 'column',
        columnOf: 'train',
      }),
    learner: z
      .enum(['auto', 'gbdt', 'mlp', 'ensemble'])
      .default('auto')
      .meta({
        label: { ko: '학습 방법', en: 'Learner' },
        help: {
          ko: '자동: 부스팅 트리, 신경망(MLP), 둘의 평균을 최근 기간으로 비교해 가장 잘 고르는 것을 씁니다.',
          en: 'Auto: compares boosted trees, a neural network (MLP) and their average on the latest period and keeps the best.',
        },
        widget: 'select',
      }),
    validShare: z
      .number()
      .min(0)
      .max(0.5)
      .default(0.2)
      .meta({ label: { ko: '검증 비율', en: 'Validation share' }, widget: 'number' }),
    focusRate: z
      .number()
      .gt(0)
      .max(100)
      .default(5)
      .meta({
        label: { ko: '집중 검사 비율(%)', en: 'Focused control rate (%)' },
        help: {
          ko: '위험도 상위 이 비율을 high(집중 검사)로 표시합니다.',
          en: 'The riskiest share marked high (focused control).',
        },
        widget: 'number',
      }),
    streamlineRate: z
      .number()
      .min(0)
      .max(100)
      .default(50)
      .meta({
        label: { ko: '간이 통관 비율(%)', en: 'Streamlined clearance rate (%)' },
        help: {
          ko: '위험도 하위 이 비율을 low(간이 통관)로 표시합니다.',
          en: 'The least risky share marked low (streamlined).',
        },
        widget: 'number',
      }),
    rounds: z
      .number()
      .int()
      .min(10)
      .max(2000)
      .default(300)
      .meta({ label: { ko: '트리 수', en: 'Trees' }, widget: 'number' }),
    seed: z
      .number()
      .int()
      .default(42)
      .meta({ label: { ko: '난수 시드', en: 'Random seed' }, widget: 'number' }),
    saveAs: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '모델 등록 이름', en: 'Register model as' },
        help: {
          ko: '이름을 주면 학습한 모델을 모델 저장소에 새 버전으로 등록합니다. 다른 파이프라인의 "모델 채점" 단계와 예약 실행에서 씁니다.',
          en: 'When set, the trained model is registered under this name as a new version, for "Score with a model" steps in other pipelines and scheduled runs.',
        },
        widget: 'text',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

function configOf(p: Params): ScreeningConfig {
  return {
    label: p.label,
    categorical: p.categorical,
    numeric: p.numeric,
    crosses: p.autoCrosses ? 'auto' : p.crosses.map((c) => c.columns),
    unitValue: p.unitValue,
    timeColumn: p.timeColumn,
    validShare: p.validShare,
    learner: p.learner,
    targetRate: p.focusRate,
    rounds: p.rounds,
    seed: p.seed,
  };
}

export const riskScreening = defineNode({
  type: 'model.risk_screening',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: 'AI 통관 심사(2차, 위험 점수)', en: 'AI clearance screening (2nd, risk score)' },
  description: {
    ko: '과거 검사 결과로 학습해 신고마다 위험 점수(risk_score)를 매깁니다. 부스팅 트리·신경망·앙상블 중 최근 기간에 가장 잘 맞춘 모델을 ONNX 로 만들어 채점합니다.',
    en: 'Learns past inspection outcomes and gives each declaration a risk score; boosted trees, an MLP or their ensemble, whichever ranks the latest period best, exported to ONNX and scored with it.',
  },
  inputs: [
    { name: 'train', label: { ko: '학습(과거 검사)', en: 'History (inspected)' } },
    { name: 'score', label: { ko: '채점할 신고', en: 'Declarations to score' } },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ params: p, inputs }) => {
    const train = inputs.train?.[0];
    const score = inputs.score?.[0];
    if (train) {
      requireColumns(train, [p.label], 'label', 'history');
      requireColumns(train, p.categorical, 'categorical', 'history');
      requireColumns(train, p.numeric, 'numeric', 'history');
      if (p.unitValue) requireColumns(train, [p.unitValue.value, p.unitValue.quantity], 'unitValue', 'history');
      if (p.timeColumn) requireColumns(train, [p.timeColumn], 'timeColumn', 'history');
    }
    if (p.categorical.length + p.numeric.length === 0 && !p.unitValue) {
      throw new ParamError(
        'choose at least one categorical or numeric column to learn from',
        'categorical',
        msg('node.model_no_features'),
      );
    }
    if (!score) return null;
    requireColumns(score, [...p.categorical, ...p.numeric], 'categorical', 'declarations-to-score');
    if (p.unitValue)
      requireColumns(score, [p.unitValue.value, p.unitValue.quantity], 'unitValue', 'declarations-to-score');
    const kept = score.filter((c) => c.name !== 'risk_score' && c.name !== 'risk_level');
    return [...kept, { name: 'risk_score', type: 'DOUBLE' }, { name: 'risk_level', type: 'VARCHAR' }];
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress }) => {
    const config = configOf(p);
    const train = inputs.train?.[0];
    const score = inputs.score?.[0];
    if (!train || !score)
      throw new ParamError(
        'connect both the history and the declarations to score',
        'label',
        msg('node.model_connect', {
          what: { ko: '과거 이력과 채점할 신고 둘 다', en: 'both the history and the declarations to score' },
        }),
      );
    const spec = featureSpec(config, []);
    const raw = {
      categorical: spec.categorical.filter((c) => c !== UNIT_VALUE_KEY),
      numeric: [...p.numeric, ...(p.unitValue ? [p.unitValue.value, p.unitValue.quantity] : [])],
    };
    const widths = await codeWidths(engine, train, raw.categorical, signal);
    const other = [p.label, ...(p.timeColumn ? [p.timeColumn] : [])];
    const history = await readColumns(engine, train, `${tableName}__train`, { ...raw, other, widths }, signal);
    await engine.exec(`DROP TABLE IF EXISTS "${tableName}__train"`);
    checkLabel(history.table[p.label] ?? [], p.label);
    const trained = await runMlTask(
      'screening',
      { table: history.table, n: history.n, config },
      { progress: (f) => progress(f * 0.9), signal },
    );
    const onnx = exportOnnx(trained.model);
    const meta: ScreeningMeta = {
      kind: 'screening',
      pre: trained.pre,
      unitValue: p.unitValue,
      widths,
      learner: trained.learner,
      report: trained.report,
    };
    await scoreInto(
      engine,
      score,
      tableName,
      (schemas.score?.[0] ?? []).map((c) => c.name),
      { meta, onnx },
      p,
      signal,
    );
    progress(0.98);
    const saved = p.saveAs
      ? await saveModel(p.saveAs, meta, onnx, history.table, [...raw.categorical, ...raw.numeric, p.label], trained)
      : null;
    return {
      warnings: [{ message: screeningSummary(trained, onnx.byteLength, p.focusRate) }, ...(saved ? [saved] : [])],
    };
  },
});

/** Registers the model when a store is installed; without one (a signed-out studio) it says so instead. */
async function saveModel(
  name: string,
  meta: ScreeningMeta,
  onnx: Uint8Array,
  table: Record<string, readonly unknown[]>,
  columns: string[],
  trained: TrainedScreening,
): Promise<Warning> {
  const store = modelStore();
  if (!store)
    return {
      message: `모델 저장소가 없어 "${name}" 을(를) 등록하지 않았습니다(로그인 필요) · No model registry here: "${name}" was not registered (sign in)`,
    };
  const bad = checkModelName(name);
  if (bad)
    throw new ParamError(bad, 'saveAs', msg('node.model_bad_name', { detail: bad, field: setting(params, 'saveAs') }));
  const chosen = trained.report.find((r) => r.learner === trained.learner);
  const info = await store.save({
    name,
    kind: 'screening',
    fingerprint: await fingerprintOf(table, columns),
    metrics: chosen
      ? { precision: chosen.precision, recall: chosen.recall, auc: chosen.auc, rows: trained.trainedRows }
      : { rows: trained.trainedRows },
    meta,
    onnx,
  });
  return { message: `모델 등록 · registered: ${info.name} v${info.version}` };
}

function checkLabel(values: readonly unknown[], column: string) {
  let pos = 0;
  let neg = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (v === true || Number(v) > 0) pos++;
    else neg++;
  }
  if (pos === 0 || neg === 0) {
    throw new ParamError(
      `the label column "${column}" needs both outcomes (found ${pos} hits and ${neg} non-hits); the model learns from past inspections with both`,
      'label',
      msg('node.model_needs_both_outcomes', { column, pos, neg, field: setting(params, 'label') }),
    );
  }
}
