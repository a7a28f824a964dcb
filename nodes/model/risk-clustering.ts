import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { assignUnseen, type ClusterModel } from '../../runtime/ml/risk-clusters.ts';
import { runMlTask } from '../../runtime/ml/tasks.ts';
import { MemoryTrainingCache, sha256 } from '../../runtime/ml/training-cache.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { FEATURE_NAMES, type ProfileSpec, readProfiles } from './_clustering-profiles.ts';
import { codeWidths, keyExpr, requireColumns } from './_model-io.ts';
import { trainColumns, unitValueParam } from './_train-params.ts';

const params = z
  .object({
    keys: z
      .array(z.string().min(1))
      .min(1)
      .meta({
        label: { ko: '프로파일 기준 열', en: 'Profile key columns' },
        help: {
          ko: '과거 신고를 이 열의 조합(예: HS6 × 원산지 × 관세 구분)으로 모아 위험 프로파일을 만듭니다.',
          en: 'Past declarations are grouped by these columns (e.g. HS6 × origin × tax type) into risk profiles.',
        },
        widget: 'columns',
        columnOf: 'train',
      }),
    label: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '적발 여부 열', en: 'Outcome column' },
        help: {
          ko: '검사에서 적발이면 1. 비어 있는 행은 검사하지 않은 신고로 봅니다.',
          en: '1 when an inspection found a violation; empty = not inspected.',
        },
        widget: 'column',
        columnOf: 'train',
      }),
    numeric: trainColumns('숫자 특징(중앙값)', 'Numeric features (median)'),
    unitValue: unitValueParam,
    distinct: trainColumns('거래처 수로 셀 열', 'Count distinct of', {
      ko: '프로파일마다 서로 다른 값의 수(예: 판매자, 신고인)를 특징으로 씁니다.',
      en: 'Per profile, the number of different values (e.g. sellers, declarants) becomes a feature.',
    }),
    k: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(0)
      .meta({
        label: { ko: '군집 수', en: 'Clusters' },
        help: {
          ko: '0 이면 5~20 중 실루엣이 가장 높은 수를 고릅니다.',
          en: '0 picks the count in 5–20 with the best silhouette.',
        },
        widget: 'number',
      }),
    smoothing: z
      .number()
      .min(0)
      .default(10)
      .meta({
        label: { ko: '적발률 평활(건)', en: 'Hit-rate smoothing (rows)' },
        help: {
          ko: '검사 건수가 적은 프로파일의 적발률을 전체(군집) 적발률 쪽으로 당기는 강도.',
          en: 'How strongly a profile with few inspections is pulled toward the overall (cluster) rate.',
        },
        widget: 'number',
      }),
    output: z
      .enum(['declarations', 'profiles'])
      .default('declarations')
      .meta({
        label: { ko: '출력', en: 'Output' },
        help: {
          ko: '채점한 신고, 또는 프로파일·군집 표.',
          en: 'The scored declarations, or the profile and cluster table.',
        },
        widget: 'select',
      }),
    seed: z
      .number()
      .int()
      .default(42)
      .meta({ label: { ko: '난수 시드', en: 'Random seed' }, widget: 'number' }),
  })
  .strict();

type Params = z.infer<typeof params>;

const ADDED: Column[] = [
  { name: 'cluster_id', type: 'INTEGER' },
  { name: 'risk_grade', type: 'VARCHAR' },
  { name: 'cluster_risk', type: 'DOUBLE' },
  { name: 'risk_score', type: 'DOUBLE' },
];

/** Bumped when the clustering changes, so clusterings kept from an older version are not reused. */
const CLUSTERER = 'risk-clusters/1';

type Clustered = { model: ClusterModel; assignment: number[] };

function specOf(p: Params, widths: Record<string, number>): ProfileSpec {
  return { keys: p.keys, label: p.label, numeric: p.numeric, unitValue: p.unitValue, distinct: p.distinct, widths };
}

export const riskClustering = defineNode({
  type: 'model.risk_clustering',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: 'AI 통관 심사(1차, 군집 위험 등급)', en: 'AI clearance screening (1st, risk clusters)' },
  description: {
    ko: '과거 신고를 업체·품목 프로파일로 모아 k-평균으로 군집하고, 군집마다 검사 적발률로 위험 등급(A 낮음 ~ E 높음)을 매깁니다. 새 신고에는 프로파일의 군집·등급과 위험 점수를 붙입니다.',
    en: 'Groups past declarations into company × item profiles, clusters them with k-means and grades each cluster A (low) to E (high) by its inspection hit rate; new declarations get their profile’s cluster, grade and a risk score.',
  },
  inputs: [
    { name: 'train', label: { ko: '과거 신고', en: 'History' } },
    { name: 'score', label: { ko: '채점할 신고', en: 'Declarations to score' }, optional: true },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ params: p, inputs }) => {
    const train = inputs.train?.[0];
    if (train) {
      requireColumns(train, p.keys, 'keys', 'history');
      requireColumns(train, [...(p.label ? [p.label] : [])], 'label', 'history');
      requireColumns(train, p.numeric, 'numeric', 'history');
      requireColumns(train, p.distinct, 'distinct', 'history');
    }
    if (p.output === 'profiles') return null;
    const score = inputs.score?.[0];
    if (!score) return null;
    requireColumns(score, p.keys, 'keys', 'declarations-to-score');
    const added = new Set(ADDED.map((c) => c.name));
    return [...score.filter((c) => !added.has(c.name)), ...ADDED];
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress, trainings }) => {
    const train = inputs.train?.[0];
    const score = inputs.score?.[0];
    if (!train)
      throw new ParamError(
        'connect the history of past declarations',
        'keys',
        msg('node.model_connect', { what: { ko: '과거 신고 이력', en: 'the history of past declarations' } }),
      );
    const widths = await codeWidths(engine, train, p.keys, signal);
    const spec = specOf(p, widths);
    const history = await readProfiles(engine, train, spec, signal);
    if (history.length < 2)
      throw new ParamError(
        `the history has ${history.length} profile(s); clustering needs at least 2`,
        'keys',
        msg('node.model_too_few_profiles', { count: history.length, field: setting(params, 'keys') }),
      );
    if (p.label && !history.some((h) => h.inspected > 0))
      throw new ParamError(
        `the outcome column "${p.label}" has no values`,
        'label',
        msg('node.model_outcome_empty', { column: p.label, field: setting(params, 'label') }),
      );
    progress(0.1);
    const task = {
      profiles: history.map(({ key: _key, ...rest }) => rest),
      hasLabel: Boolean(p.label),
      k: p.k,
      smoothing: p.smoothing,
      seed: p.seed,
    };
    // The same profiles and settings were clustered before (the template's profiles and scoring steps share one
    // history; a re-run; an earlier visit): reuse it. Content-keyed, so another history never meets it.
    const key = await sha256(`${CLUSTERER}\u001d${JSON.stringify(task)}`);
    const cache = trainings ?? new MemoryTrainingCache();
    const cached = (await cache.get(key).catch(() => undefined)) as Clustered | undefined;
    const { model, assignment } =
      cached ?? (await runMlTask('clusters', task, { progress: (f) => progress(0.1 + f * 0.8), signal }));
    // A cache that cannot write costs a re-clustering later, never this run.
    if (!cached) await cache.set(key, { model, assignment }).catch(() => undefined);
    const profileRate = (hits: number, inspected: number, c: number) =>
      (hits + model.clusters[c]!.rate * p.smoothing) / (inspected + p.smoothing);
    const byKey = new Map(history.map((h, i) => [JSON.stringify(h.key), { h, c: assignment[i]! }]));
    const keyCols: Column[] = p.keys.map((_, i) => ({ name: `k${i}`, type: 'VARCHAR' }));

    if (p.output === 'profiles') {
      const names = FEATURE_NAMES(spec);
      const rows = history.map((h, i) => {
        const c = assignment[i]!;
        const cl = model.clusters[c]!;
        return [
          ...h.key,
          h.rows,
          h.inspected,
          h.hits,
          c + 1,
          cl.grade,
          cl.rate,
          cl.lift,
          profileRate(h.hits, h.inspected, c),
          ...h.features,
        ];
      });
      const columns: Column[] = [
        ...p.keys.map((name) => ({ name, type: 'VARCHAR' })),
        { name: 'declarations', type: 'BIGINT' },
        { name: 'inspected', type: 'BIGINT' },
        { name: 'hits', type: 'BIGINT' },
        ...ADDED.slice(0, 3),
        { name: 'lift', type: 'DOUBLE' },
        ADDED[3]!,
        ...names.filter((n) => n !== 'hit rate (smoothed)').map((name) => ({ name, type: 'DOUBLE' })),
      ];
      await engine.createTable(
        tableName,
        columns,
        columns.map((_, j) => rows.map((r) => finite(r[j]))),
      );
      return { warnings: [{ message: summary(model) }] };
    }

    if (!score)
      throw new ParamError(
        'connect the declarations to score',
        'keys',
        msg('node.model_connect', { what: { ko: '채점할 신고', en: 'the declarations to score' } }),
      );
    const incoming = await readProfiles(engine, score, { ...spec, label: undefined }, signal);
    const rows = incoming.map((q) => {
      const seen = byKey.get(JSON.stringify(q.key));
      const c = seen ? seen.c : assignUnseen(model, q, Boolean(p.label));
      const cl = model.clusters[c]!;
      return [...q.key, c + 1, cl.grade, cl.rate, seen ? profileRate(seen.h.hits, seen.h.inspected, c) : cl.rate];
    });
    const lookup = `${tableName}__profiles`;
    const lookupCols = [...keyCols, ...ADDED];
    await engine.createTable(
      lookup,
      lookupCols,
      lookupCols.map((_, j) => rows.map((r) => r[j] ?? null)),
    );
    const inputNames = (schemas.score?.[0] ?? []).map((c) => c.name);
    const replaced = ADDED.filter((a) => inputNames.includes(a.name)).map((a) => ident(a.name));
    const on = p.keys.map((k, i) => `${keyExpr(k, widths[k], '__in')} IS NOT DISTINCT FROM __p.k${i}`);
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(tableName)} AS
       SELECT __in.* EXCLUDE (__rid${replaced.map((r) => `, ${r}`).join('')}), ${ADDED.map((a) => `__p.${ident(a.name)}`).join(', ')}
       FROM (SELECT row_number() OVER () AS __rid, * FROM ${score}) __in LEFT JOIN ${ident(lookup)} __p ON ${on.join(' AND ')}
       ORDER BY __in.__rid;
       DROP TABLE IF EXISTS ${ident(lookup)};`,
      { signal },
    );
    return { warnings: [{ message: summary(model) }] };
  },
});

function finite(v: unknown) {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

function summary(m: ClusterModel): string {
  const grades = ['A', 'B', 'C', 'D', 'E']
    .map((g) => {
      const cs = m.clusters.filter((c) => c.grade === g);
      if (!cs.length) return '';
      const inspected = cs.reduce((s, c) => s + c.inspected, 0);
      const hits = cs.reduce((s, c) => s + c.hits, 0);
      return `${g} ${inspected ? ((hits / inspected) * 100).toFixed(1) : '—'}%`;
    })
    .filter(Boolean)
    .join(' · ');
  const sil = Number.isFinite(m.silhouette) ? `, 실루엣 silhouette ${m.silhouette.toFixed(2)}` : '';
  return `군집 ${m.centroids.length}개${sil} | 등급별 적발률 · hit rate by grade: ${grades} (전체 overall ${(m.prior * 100).toFixed(1)}%)`;
}
