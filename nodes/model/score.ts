import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { StoredModel } from '../../runtime/ml/model-store.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { requireColumns } from './_model-io.ts';
import { rawColumns, scoreInto } from './_scoring.ts';

const params = z
  .object({
    model: z
      .string()
      .min(1)
      .meta({
        label: { ko: '모델 이름', en: 'Model name' },
        help: {
          ko: '모델 저장소에 등록된 이름(AI 통관 심사 단계의 "모델 등록 이름", 또는 올린 ONNX 모델).',
          en: 'A name in the model registry (the screening step’s "Register model as", or an uploaded ONNX model).',
        },
        widget: 'text',
      }),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({
        label: { ko: '버전', en: 'Version' },
        help: { ko: '비우면 최신 버전을 씁니다.', en: 'Empty uses the latest version.' },
        widget: 'number',
      }),
    focusRate: z
      .number()
      .gt(0)
      .max(100)
      .default(5)
      .meta({ label: { ko: '집중 검사 비율(%)', en: 'Focused control rate (%)' }, widget: 'number' }),
    streamlineRate: z
      .number()
      .min(0)
      .max(100)
      .default(50)
      .meta({ label: { ko: '간이 통관 비율(%)', en: 'Streamlined clearance rate (%)' }, widget: 'number' }),
  })
  .strict();

export const scoreModel = defineNode({
  type: 'model.score',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '모델 채점', en: 'Score with a model' },
  description: {
    ko: '모델 저장소의 모델(학습한 위험 심사 모델 또는 올린 ONNX 모델)로 입력 행마다 위험 점수(risk_score)와 등급(risk_level)을 매깁니다.',
    en: 'Scores each input row with a model from the registry (a trained screening model or an uploaded ONNX model): risk_score and risk_level.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  // The model's columns are known only once it is loaded: the run checks them.
  outputSchema: () => null,
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress, models: store }) => {
    const relation = inputs.in?.[0];
    if (!relation)
      throw new ParamError(
        'connect the rows to score',
        'model',
        msg('node.model_connect', { what: { ko: '점수를 매길 행', en: 'the rows to score' } }),
      );
    if (!store)
      throw new ParamError(
        'the model registry is not available here (sign in to the server)',
        'model',
        msg('node.model_registry_unavailable'),
      );
    let model: StoredModel;
    try {
      model = await store.load(p.model, p.version);
    } catch (e) {
      throw new ParamError(
        (e as Error).message,
        p.version ? 'version' : 'model',
        msg('node.model_load_failed', { detail: (e as Error).message, field: setting(params, 'model') }),
      );
    }
    progress(0.2);
    const schema = schemas.in?.[0] ?? [];
    const needed =
      model.meta.kind === 'screening' ? Object.values(rawColumns(model.meta)).flat() : model.meta.inputColumns;
    requireColumns(schema, needed, 'model', 'connected');
    await scoreInto(
      engine,
      relation,
      tableName,
      schema.map((c) => c.name),
      model,
      p,
      signal,
    );
    return {
      warnings: [
        {
          message: `${model.info.name} v${model.info.version} (${model.info.kind}) · ${model.info.createdAt.slice(0, 10)}`,
        },
      ],
    };
  },
});
