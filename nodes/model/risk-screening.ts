import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { checkModelName, fingerprintOf, type ModelStore, type ScreeningMeta } from '../../runtime/ml/model-store.ts';
import { exportOnnx } from '../../runtime/ml/onnx-export.ts';
import {
  exactKey,
  featureSpec,
  type ScreeningConfig,
  type TrainedScreening,
  UNIT_VALUE_KEY,
} from '../../runtime/ml/screening.ts';
import { runMlTask } from '../../runtime/ml/tasks.ts';
import { MemoryTrainingCache, sha256 } from '../../runtime/ml/training-cache.ts';
import { defineNode, type Warning } from '../../runtime/nodes/define-node.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { treesOf } from './_explain.ts';
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
    exactValues: trainColumns('값 자체를 코드로 쓸 숫자 열', 'Number columns also used as codes', {
      ko: '같은 물품이 같은 가격·중량으로 되풀이될 때, 그 값 자체의 과거 적발률을 함께 학습합니다(예: 물품가격, 순중량).',
      en: 'When the same goods recur with the same price or mass, the past hit rate of the exact value is learnt too (e.g. item price, net mass).',
    }),
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
    objective: z
      .enum(['balanced', 'precision', 'revenue'])
      .default('balanced')
      .meta({
        label: { ko: '순위 목표', en: 'Ranking objective' },
        help: {
          ko: '적발 위주: 적발 확률 순. 세수 위주: 적발 확률 × 걸린 세액(기대 추징액) 순. 균형: 집중 검사 대상 안의 적발 비율과 걸린 세액 비율이 둘 다 높도록(둘 중 낮은 쪽이 가장 높게) 최근 기간으로 맞춘 절충. 세액 열이 없으면 적발 위주로 매깁니다.',
          en: 'Precision: by the probability of a violation. Revenue: probability × duty at stake (expected recovery). Balanced: a blend tuned on the latest period so the focused share holds both a high hit share and a high share of the duty (the lesser of the two as high as possible). Without revenue columns, ranks by probability.',
        },
        options: {
          balanced: { ko: '균형 (적발 + 세수)', en: 'Balanced (hits + revenue)' },
          precision: { ko: '적발 위주 (정밀도)', en: 'Precision (hits)' },
          revenue: { ko: '세수 위주 (추징 세액)', en: 'Revenue (duty at stake)' },
        },
        widget: 'select',
      }),
    revenue: trainColumns('걸린 세액 열(곱)', 'Revenue at stake (columns multiplied)', {
      ko: '신고마다 걸린 세액을 이 열들의 곱으로 셉니다. 예: 물품가격 × 세율(%). 열 하나면 그 값(예: 세액). 과거 이력과 채점할 신고 둘 다에 있어야 합니다.',
      en: "Each declaration's duty at stake is the product of these columns, e.g. item price × tax rate (%); one column = its value (e.g. duty). Both inputs need them.",
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
    exactValues: p.exactValues,
    timeColumn: p.timeColumn,
    validShare: p.validShare,
    learner: p.learner,
    targetRate: p.focusRate,
    rounds: p.rounds,
    seed: p.seed,
    objective: p.objective,
    revenue: p.revenue,
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
      requireColumns(train, p.revenue, 'revenue', 'history');
      requireColumns(train, p.exactValues, 'exactValues', 'history');
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
    requireColumns(score, p.revenue, 'revenue', 'declarations-to-score');
    requireColumns(score, p.exactValues, 'exactValues', 'declarations-to-score');
    if (p.unitValue)
      requireColumns(score, [p.unitValue.value, p.unitValue.quantity], 'unitValue', 'declarations-to-score');
    const added = ['risk_score', 'risk_level', 'risk_reasons'];
    const kept = score.filter((c) => !added.includes(c.name));
    // risk_reasons: the top contributions (exact TreeSHAP) of each flagged declaration, in Korean; empty for an MLP.
    return [
      ...kept,
      { name: 'risk_score', type: 'DOUBLE' },
      { name: 'risk_level', type: 'VARCHAR' },
      { name: 'risk_reasons', type: 'VARCHAR' },
    ];
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress, models, trainings }) => {
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
      categorical: spec.categorical.filter((c) => c !== UNIT_VALUE_KEY && !p.exactValues.map(exactKey).includes(c)),
      numeric: [
        ...p.numeric,
        ...(p.unitValue ? [p.unitValue.value, p.unitValue.quantity] : []),
        ...[...p.revenue, ...p.exactValues].filter((c) => !p.numeric.includes(c)),
      ],
    };
    const widths = await codeWidths(engine, train, raw.categorical, signal);
    const other = [p.label, ...(p.timeColumn ? [p.timeColumn] : [])];
    const history = await readColumns(engine, train, `${tableName}__train`, { ...raw, other, widths }, signal);
    await engine.exec(`DROP TABLE IF EXISTS "${tableName}__train"`);
    checkLabel(history.table[p.label] ?? [], p.label);
    // The same rows and settings were trained before (this session, an earlier visit, another run): reuse it.
    const key = await trainingKey(history.table, config);
    const cache = trainings ?? new MemoryTrainingCache();
    const cached = (await cache.get(key).catch(() => undefined)) as TrainedScreening | undefined;
    const trained =
      cached ??
      (await runMlTask(
        'screening',
        { table: history.table, n: history.n, config },
        { progress: (f) => progress(f * 0.9), signal },
      ));
    // A cache that cannot write (quota, read-only folder) costs a re-training later, never this run.
    if (!cached) await cache.set(key, trained).catch(() => undefined);
    const onnx = exportOnnx(trained.model);
    const meta: ScreeningMeta = {
      kind: 'screening',
      pre: trained.pre,
      unitValue: p.unitValue,
      exactValues: p.exactValues,
      widths,
      learner: trained.learner,
      report: trained.report,
      objective: trained.objective,
      tilt: trained.tilt,
      revenue: p.revenue,
    };
    await scoreInto(
      engine,
      score,
      tableName,
      (schemas.score?.[0] ?? []).map((c) => c.name),
      { meta, onnx },
      p,
      signal,
      treesOf(trained.model),
    );
    progress(0.98);
    const saved = p.saveAs ? await saveModel(models, p.saveAs, meta, onnx, key, trained) : null;
    const reused = cached
      ? [
          {
            message:
              '같은 학습 데이터·설정으로 학습해 둔 모델을 다시 썼습니다(재학습 없음) · reused the model trained on the same rows and settings (no re-training)',
          },
        ]
      : [];
    return {
      warnings: [
        { message: screeningSummary(trained, onnx.byteLength, p.focusRate) },
        ...reused,
        ...(saved ? [saved] : []),
      ],
    };
  },
});

/** Registers the model in the run session's registry; without one (a signed-out studio) it says so instead. */
async function saveModel(
  store: ModelStore | undefined,
  name: string,
  meta: ScreeningMeta,
  onnx: Uint8Array,
  fingerprint: string,
  trained: TrainedScreening,
): Promise<Warning> {
  if (!store)
    return {
      message: `모델 저장소가 없어 "${name}" 을(를) 등록하지 않았습니다(로그인 필요) · No model registry here: "${name}" was not registered (sign in)`,
    };
  const bad = checkModelName(name);
  if (bad)
    throw new ParamError(bad, 'saveAs', msg('node.model_bad_name', { detail: bad, field: setting(params, 'saveAs') }));
  // The same training rows and settings are registered already: that version is the model, not a copy.
  const same = (await store.list()).filter((i) => i.name === name && i.fingerprint === fingerprint).at(-1);
  if (same)
    return {
      message: `같은 학습 데이터·설정의 모델이 이미 ${same.name} v${same.version} 으로 등록되어 있어 그대로 씁니다 · already registered as ${same.name} v${same.version} (same training rows and settings)`,
    };
  const chosen = trained.report.find((r) => r.learner === trained.learner);
  const info = await store.save({
    name,
    kind: 'screening',
    fingerprint,
    metrics: chosen
      ? {
          precision: chosen.precision,
          recall: chosen.recall,
          auc: chosen.auc,
          ...(chosen.revenue === undefined ? {} : { revenue: chosen.revenue }),
          rows: trained.trainedRows,
        }
      : { rows: trained.trainedRows },
    meta,
    onnx,
  });
  return { message: `모델 등록 · registered: ${info.name} v${info.version}` };
}

/**
 * The content key of a training: the rows read (every column the model learns from, in order) and the
 * settings, plus the trainer's version so an improved trainer never reuses an older one's models.
 */
const TRAINER = 'screening/3'; // 3: the MLP learns revenue-weighted too
async function trainingKey(table: Record<string, readonly unknown[]>, config: ScreeningConfig): Promise<string> {
  const rows = await fingerprintOf(table, Object.keys(table).sort());
  return sha256(`${TRAINER}\u001d${rows}\u001d${JSON.stringify(config)}`);
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
