import { z } from 'zod';
import { isNumericType, isTextType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { closestNames } from '../../runtime/messages/duckdb.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { type ComputeContext, defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { edgesTableOf } from './_edges-table.ts';
import { entitiesSql, linkEdgesSql } from './_link-edges-sql.ts';
import { analyse, buildGraph, type Entity, keyOf } from './_link-graph.ts';
import { checkLinks, linkShape } from './_link-params.ts';

const params = z
  .object({
    ...linkShape,
    seedFlag: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '알려진 위반 표시 열 (선택)', en: 'Known-violator flag column (optional)' },
        help: {
          ko: '1·예·Y·true 인 행의 개체를 알려진 위반자로 봅니다 (0·아니오·N·false·빈 값은 아님).',
          en: 'Rows where it is 1 / yes / Y / true mark their entity as a known violator.',
        },
        widget: 'column',
        columnOf: 'in',
      }),
    seedEntity: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '위반 표시가 가리키는 개체 열', en: 'Entity column the flag marks' },
        help: { ko: '비우면 첫 번째 개체 열입니다.', en: 'Empty: the first entity column.' },
        widget: 'column',
        columnOf: 'in',
      }),
    seedList: z
      .string()
      .default('')
      .meta({
        label: { ko: '알려진 위반자 목록 (선택)', en: 'Known violators (optional)' },
        help: {
          ko: '개체 값을 쉼표나 줄바꿈으로 나눠 적습니다 (예: C000315, C000349).',
          en: 'Entity values separated by commas or new lines.',
        },
      }),
    strength: z
      .enum(['presence', 'log', 'count'])
      .default('presence')
      .meta({
        label: { ko: '연결 강도', en: 'Link strength' },
        help: {
          ko: '위험을 퍼뜨릴 때 연결의 무게. 있음/없음이 기본입니다: 거래가 많은 큰 업체가 거래 횟수만으로 위에 오르지 않도록 합니다.',
          en: 'How much a link carries when risk spreads. Presence by default, so big traders do not rise on volume alone.',
        },
        options: {
          presence: { ko: '연결 있음/없음 (1)', en: 'Presence (1)' },
          log: { ko: '가중치의 로그 ln(1 + 가중치)', en: 'Log of the weight, ln(1 + w)' },
          count: { ko: '가중치 그대로 (횟수·금액)', en: 'Weight as is (count or amount)' },
        },
      }),
    damping: z
      .number()
      .min(0.05)
      .max(0.99)
      .default(0.85)
      .meta({
        label: { ko: '위험 전파 강도 (0–1)', en: 'Propagation strength (0–1)' },
        help: {
          ko: '클수록 위반자에서 먼 개체까지 위험이 퍼집니다 (개인화 PageRank의 α).',
          en: 'Higher spreads risk further from the violators (personalised PageRank α).',
        },
      }),
    betweennessLimit: z
      .number()
      .int()
      .min(0)
      // O(entities × links): about 1.5 s at 1,700 entities / 5,700 links on the shared 2-core machine.
      .default(3000)
      .meta({
        label: { ko: '매개 중심성 계산 최대 개체 수', en: 'Most entities for betweenness' },
        help: {
          ko: '개체가 이보다 많으면 오래 걸리는 매개 중심성은 비워 둡니다.',
          en: 'Above this many entities the slow betweenness centrality is left empty.',
        },
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const OUTPUT: Schema = [
  { name: 'entity', type: 'VARCHAR' },
  { name: 'entity_type', type: 'VARCHAR' },
  { name: 'is_seed', type: 'BOOLEAN' },
  { name: 'risk', type: 'DOUBLE' },
  { name: 'suspect_rank', type: 'INTEGER' },
  { name: 'nearest_seed', type: 'VARCHAR' },
  { name: 'evidence_path', type: 'VARCHAR' },
  { name: 'path_hops', type: 'INTEGER' },
  { name: 'community', type: 'INTEGER' },
  { name: 'component', type: 'INTEGER' },
  { name: 'component_size', type: 'INTEGER' },
  { name: 'degree', type: 'INTEGER' },
  { name: 'weighted_degree', type: 'DOUBLE' },
  { name: 'betweenness', type: 'DOUBLE' },
  { name: 'pagerank', type: 'DOUBLE' },
];

const TRUE = new Set(['1', 'true', 't', 'y', 'yes', '예', 'o']);
const FALSE = new Set(['0', 'false', 'f', 'n', 'no', '아니오', '아니요', 'x', '']);

function check(schema: Schema, p: Params) {
  checkLinks(schema, p, params);
  if (p.seedEntity && !p.entities.includes(p.seedEntity))
    throw new ParamError(
      `"${p.seedEntity}" is not one of the entity columns`,
      'seedEntity',
      msg('node.graph_seed_entity', { column: p.seedEntity, entities: setting(params, 'entities') }),
    );
  if (p.seedFlag) {
    const c = requireColumn(schema, p.seedFlag, 'seedFlag');
    if (c.type !== UNKNOWN && c.type !== 'BOOLEAN' && !isNumericType(c.type) && !isTextType(c.type))
      throw new ParamError(
        `"${p.seedFlag}" is ${c.type}; choose a 0/1, yes/no or true/false column`,
        'seedFlag',
        msg('node.graph_flag_type', {
          column: p.seedFlag,
          type: typeLabel(c.type),
          field: setting(params, 'seedFlag'),
        }),
      );
  }
}

/** The flag's value as violator yes/no; a value that is neither (a column mixing flags with other text) is refused. */
function flagOf(raw: unknown, p: Params): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  const v = String(raw).trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  const n = Number(v);
  if (Number.isFinite(n)) return n !== 0;
  throw new ParamError(
    `"${p.seedFlag}" holds "${String(raw)}", which is not a yes/no flag`,
    'seedFlag',
    msg('node.graph_flag_value', { column: p.seedFlag ?? '', value: String(raw), field: setting(params, 'seedFlag') }),
  );
}

/** Zero-weight links (a zero amount) stay out of the graph whatever the strength. */
export function linkStrength(weight: number, strength: Params['strength']): number {
  if (!(weight > 0)) return 0;
  if (strength === 'presence') return 1;
  return strength === 'log' ? Math.log1p(weight) : weight;
}

const said = (e: Entity, typed: boolean) => (typed ? `${e.value}(${e.type})` : e.value);

export const linkAnalysis = defineNode({
  type: 'graph.link_analysis',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '연계망 분석 (BigFINDER)', en: 'Link analysis (BigFINDER)' },
  description: {
    ko: '고른 열로 개체(업체·신고인·여행자 등) 연결망을 만들고, 연결 요소, 커뮤니티(Louvain), 연결·매개·PageRank 중심성, 알려진 위반자에서 퍼진 위험(개인화 PageRank), 숨은 공범 순위와 위반자까지의 최단 연결 경로를 개체마다 냅니다.',
    en: 'Builds an entity graph from the chosen columns and gives each entity its component, Louvain community, degree / betweenness / PageRank, risk propagated from known violators (personalised PageRank), suspected-accomplice rank and shortest evidence path to a violator.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(single(inputs), p);
    return OUTPUT;
  },
  run: async (ctx) => {
    const { engine, inputs, params: p, tableName, signal } = ctx;
    const input = inputs.in![0]!;
    const edgesTable = edgesTableOf(tableName);
    // Kept beside the result for the network view (nodes and edges of one run); the result cache drops it with
    // the result (`companions`), and a failed run drops it here.
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(edgesTable)} AS ${linkEdgesSql(input, p)}`, { signal });
    try {
      await scoreEntities(ctx, input, edgesTable);
    } catch (e) {
      await engine.exec(`DROP TABLE IF EXISTS ${ident(edgesTable)}`).catch(() => {});
      throw e;
    }
    return { companions: [edgesTable] };
  },
});

/** Scores every entity of the graph the edges table describes and writes the node's result table. */
async function scoreEntities(
  { engine, params: p, tableName, signal, progress }: ComputeContext<Params>,
  input: string,
  edgesTable: string,
): Promise<void> {
  const edgeRows = (await engine.query(`SELECT * FROM ${ident(edgesTable)}`, { signal })).rows;
  if (edgeRows.length === 0)
    throw new ParamError(
      'the chosen columns make no link between two entities',
      'entities',
      msg('node.graph_no_edges', { entities: setting(params, 'entities'), links: setting(params, 'links') }),
    );
  const entityRows = (await engine.query(entitiesSql(input, p), { signal })).rows;
  progress(0.2);
  const entities: Entity[] = entityRows.map((r) => ({ type: String(r.et), value: String(r.ev) }));
  const edges = edgeRows.map((r) => ({
    source: { type: String(r.source_type), value: String(r.source) },
    target: { type: String(r.target_type), value: String(r.target) },
    weight: Number(r.weight),
  }));
  if (edges.some((e) => e.weight < 0))
    throw new ParamError(
      'link weights must not be negative',
      'weight',
      msg('node.graph_negative_weight', { column: p.weight ?? '', field: setting(params, 'weight') }),
    );
  const seeds = await seedKeys(engine, input, p, new Set(entities.map(keyOf)), signal);
  const g = buildGraph(
    entities,
    edges.map((e) => ({ ...e, raw: e.weight, weight: linkStrength(e.weight, p.strength) })),
  );
  progress(0.4);
  const scores = analyse(g, {
    seeds,
    damping: p.damping,
    betweennessLimit: p.betweennessLimit,
    randomSeed: 42,
  });
  progress(0.9);
  scores.sort(
    (a, b) =>
      Number(b.isSeed) - Number(a.isSeed) ||
      (a.suspectRank ?? Number.POSITIVE_INFINITY) - (b.suspectRank ?? Number.POSITIVE_INFINITY) ||
      b.pagerank - a.pagerank ||
      a.key.localeCompare(b.key),
  );
  const typed = p.entities.length > 1;
  const data: unknown[][] = [
    scores.map((s) => s.entity.value),
    scores.map((s) => s.entity.type),
    scores.map((s) => s.isSeed),
    scores.map((s) => s.risk),
    scores.map((s) => s.suspectRank),
    scores.map((s) => (s.nearestSeed ? s.nearestSeed.value : null)),
    scores.map((s) => (s.path ? s.path.map((e) => said(e, typed)).join(' → ') : null)),
    scores.map((s) => (s.path ? s.path.length - 1 : null)),
    scores.map((s) => s.community),
    scores.map((s) => s.component),
    scores.map((s) => s.componentSize),
    scores.map((s) => s.degree),
    scores.map((s) => s.weightedDegree),
    scores.map((s) => s.betweenness),
    scores.map((s) => s.pagerank),
  ];
  await engine.createTable(tableName, OUTPUT, data);
  progress(1);
}

/** The known violators' keys: flagged rows' entities plus the typed list; a listed value not in the graph is refused. */
async function seedKeys(
  engine: { query: (sql: string, o?: { signal?: AbortSignal }) => Promise<{ rows: Record<string, unknown>[] }> },
  input: string,
  p: Params,
  known: Set<string>,
  signal: AbortSignal | undefined,
): Promise<Set<string>> {
  const seeds = new Set<string>();
  const marked = p.seedEntity ?? p.entities[0]!;
  if (p.seedFlag) {
    const rows = (
      await engine.query(
        `SELECT DISTINCT CAST(${ident(marked)} AS VARCHAR) AS ev, ${ident(p.seedFlag)} AS f FROM ${input} WHERE ${ident(p.seedFlag)} IS NOT NULL AND ${ident(marked)} IS NOT NULL`,
        { signal },
      )
    ).rows;
    for (const r of rows) if (flagOf(r.f, p)) seeds.add(keyOf({ type: marked, value: String(r.ev) }));
    if (seeds.size === 0)
      throw new ParamError(
        `no row of "${p.seedFlag}" marks a violator`,
        'seedFlag',
        msg('node.graph_flag_none', { column: p.seedFlag, field: setting(params, 'seedFlag') }),
      );
  }
  const listed = p.seedList
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const value of listed) {
    const hit = p.entities.map((t) => keyOf({ type: t, value })).filter((k) => known.has(k));
    if (hit.length === 0) {
      const values = [...known].map((k) => k.slice(k.indexOf('\u001f') + 1));
      const close = closestNames(value, values);
      throw new ParamError(
        `known violator "${value}" is not in the graph`,
        'seedList',
        msg('node.graph_seed_not_found', {
          value,
          field: setting(params, 'seedList'),
          entities: setting(params, 'entities'),
          suggest: close.length ? msg('sql.candidates', { names: close.map((n) => `"${n}"`).join(', ') }) : '',
        }),
      );
    }
    for (const k of hit) seeds.add(k);
  }
  return seeds;
}
