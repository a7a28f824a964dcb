import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { averagePrecision } from '../../runtime/ml/detection-map.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { requireColumn } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { XRAY_CLASS_NAMES } from './xray-detect.ts';

const col = (ko: string, en: string, value: string) =>
  z.string().min(1).default(value).meta({ label: { ko, en }, widget: 'column', columnOf: 'truth' });

const params = z
  .object({
    truthImage: col('정답의 영상 이름 열', 'Image name column of the ground truth', 'image'),
    truthClass: col('정답의 품목 열', 'Class column of the ground truth', 'class'),
    truthX1: col('정답 상자 x1 열', 'Ground-truth box x1 column', 'x1'),
    truthY1: col('정답 상자 y1 열', 'Ground-truth box y1 column', 'y1'),
    truthX2: col('정답 상자 x2 열', 'Ground-truth box x2 column', 'x2'),
    truthY2: col('정답 상자 y2 열', 'Ground-truth box y2 column', 'y2'),
    iou: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.5)
      .meta({
        label: { ko: '맞춘 것으로 볼 겹침 (IoU)', en: 'Overlap counted as found (IoU)' },
        widget: 'number',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const COLUMNS = [
  ['class', 'VARCHAR'],
  ['class_ko', 'VARCHAR'],
  ['truth_boxes', 'INTEGER'],
  ['detections', 'INTEGER'],
  ['found', 'INTEGER'],
  ['recall', 'DOUBLE'],
  ['ap', 'DOUBLE'],
] as const;

const DETECTION_COLUMNS = ['image', 'class', 'score', 'x1', 'y1', 'x2', 'y2'];

function check(inputs: Record<string, Schema[]>, p: Params) {
  const det = inputs.in?.[0];
  const truth = inputs.truth?.[0];
  if (!truth)
    throw new ParamError('connect the ground truth', undefined, msg('node.model_connect', { what: TRUTH_LABEL }));
  if (det) for (const c of DETECTION_COLUMNS) requireColumn(det, c, 'in');
  for (const k of ['truthImage', 'truthClass', 'truthX1', 'truthY1', 'truthX2', 'truthY2'] as const)
    requireColumn(truth, p[k], k);
}

const TRUTH_LABEL = { ko: '정답 상자', en: 'Ground-truth boxes' };

/** Average precision per class (PASCAL VOC, all-point) of `model.xray_detect`'s boxes against labelled boxes. */
export const xrayEvaluate = defineNode({
  type: 'model.xray_evaluate',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: 'X-ray 탐지 성능 (mAP)', en: 'X-ray detection quality (mAP)' },
  description: {
    ko: 'X-ray 탐지 결과를 정답 상자와 맞춰 품목별 평균 정밀도(AP, IoU 0.5 기준)와 재현율을 내고, 마지막 줄에 전체 평균(mAP)을 적습니다.',
    en: 'Scores X-ray detections against ground-truth boxes: average precision (AP at IoU 0.5) and recall per class, and their mean (mAP) in the last row.',
  },
  inputs: [
    { ...IN, label: { ko: '탐지 결과', en: 'Detections' } },
    { name: 'truth', label: TRUTH_LABEL },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(inputs, p);
    return COLUMNS.map(([name, type]) => ({ name, type }));
  },
  run: async ({ engine, inputs, params: p, tableName, signal }) => {
    const det = (
      await engine.query(
        `SELECT CAST(image AS VARCHAR) AS image, CAST(class AS VARCHAR) AS cls, CAST(score AS DOUBLE) AS score,
          CAST(x1 AS DOUBLE) AS x1, CAST(y1 AS DOUBLE) AS y1, CAST(x2 AS DOUBLE) AS x2, CAST(y2 AS DOUBLE) AS y2
        FROM ${inputs.in![0]} WHERE class IS NOT NULL`,
        { signal },
      )
    ).rows.map((r) => ({
      image: String(r.image),
      cls: String(r.cls),
      score: Number(r.score),
      x1: Number(r.x1),
      y1: Number(r.y1),
      x2: Number(r.x2),
      y2: Number(r.y2),
    }));
    const truth = (
      await engine.query(
        `SELECT CAST(${ident(p.truthImage)} AS VARCHAR) AS image, CAST(${ident(p.truthClass)} AS VARCHAR) AS cls,
          CAST(${ident(p.truthX1)} AS DOUBLE) AS x1, CAST(${ident(p.truthY1)} AS DOUBLE) AS y1,
          CAST(${ident(p.truthX2)} AS DOUBLE) AS x2, CAST(${ident(p.truthY2)} AS DOUBLE) AS y2
        FROM ${inputs.truth![0]} WHERE ${ident(p.truthClass)} IS NOT NULL`,
        { signal },
      )
    ).rows.map((r) => ({
      image: String(r.image),
      cls: String(r.cls),
      x1: Number(r.x1),
      y1: Number(r.y1),
      x2: Number(r.x2),
      y2: Number(r.y2),
    }));
    const seen = new Set([...truth.map((t) => t.cls), ...det.map((d) => d.cls)]);
    const classes = [
      ...Object.keys(XRAY_CLASS_NAMES).filter((c) => seen.has(c)),
      ...[...seen].filter((c) => !(c in XRAY_CLASS_NAMES)).sort(),
    ];
    const per = averagePrecision(det, truth, classes, p.iou).filter((c) => c.truth > 0);
    const r3 = (v: number) => Math.round(v * 1000) / 1000;
    const rows = per.map((c) => [
      c.cls,
      XRAY_CLASS_NAMES[c.cls]?.ko ?? c.cls,
      c.truth,
      c.detections,
      c.truePositives,
      r3(c.truePositives / c.truth),
      r3(c.ap),
    ]);
    const mean = (f: (c: (typeof per)[number]) => number) =>
      per.length ? per.reduce((a, c) => a + f(c), 0) / per.length : 0;
    rows.push([
      'mAP',
      '전체 평균 (mAP)',
      per.reduce((a, c) => a + c.truth, 0),
      per.reduce((a, c) => a + c.detections, 0),
      per.reduce((a, c) => a + c.truePositives, 0),
      r3(mean((c) => c.truePositives / c.truth)),
      r3(mean((c) => c.ap)),
    ]);
    await engine.createTable(
      tableName,
      COLUMNS.map(([name, type]) => ({ name, type })),
      COLUMNS.map((_, k) => rows.map((r) => r[k])),
    );
    return {};
  },
});
