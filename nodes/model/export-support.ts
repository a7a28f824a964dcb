import { z } from 'zod';
import type { Engine } from '../../runtime/engine/engine.ts';
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
import { type CompanyProfile, type Programme, recommend, trend } from './_export-support-model.ts';

const column = (ko: string, en: string, port = 'in') =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });
const weight = (ko: string, en: string, value: number) =>
  z.number().min(0).max(10).default(value).meta({ label: { ko, en } });

const params = z
  .object({
    company: column('수출업체 열', 'Exporter column'),
    date: column('수출일 열', 'Export date column'),
    hs: column('HS 부호 열', 'HS code column'),
    destination: column('목적국 열', 'Destination column'),
    value: column('수출금액 열', 'Export value column'),
    profileCompany: column('업체정보의 업체 열', 'Company column of the company details', 'companies').optional(),
    size: column('기업 규모 열 (중소·중견·대기업)', 'Company size column', 'companies').optional(),
    certifications: column('보유 인증 열 (;로 구분)', 'Certifications column (;-separated)', 'companies').optional(),
    participant: column('참여 이력의 업체 열', 'Company column of past participation', 'history').optional(),
    programme: column('참여 이력의 사업 ID 열', 'Programme id column of past participation', 'history').optional(),
    topN: z
      .number()
      .int()
      .min(1)
      .max(24)
      .default(5)
      .meta({ label: { ko: '업체당 추천 수', en: 'Recommendations per company' } }),
    contentWeight: weight('내용 유사도 가중치', 'Content similarity weight', 0.1),
    collaborativeWeight: weight('비슷한 업체 이용 가중치', 'Similar companies weight', 1),
    popularityWeight: weight('인기도 가중치', 'Popularity weight', 0.1),
  })
  .strict();

type Params = z.infer<typeof params>;

/** The catalogue is a table with these column names (templates/data/export_programmes.csv); only the id is required. */
const CATALOGUE = {
  id: 'programme_id',
  name: 'name_ko',
  sizes: 'target_sizes',
  hs2: 'target_hs2',
  destinations: 'target_destinations',
  certification: 'required_certification',
  min: 'min_annual_export_krw',
  max: 'max_annual_export_krw',
  focus: 'focus',
} as const;

const PORT_NAMES = {
  companies: { ko: '업체 정보', en: 'Company details' },
  programmes: { ko: '지원사업 목록', en: 'Programme catalogue' },
  history: { ko: '참여 이력', en: 'Past participation' },
};

function outputColumns(p: Params): Schema {
  return [
    { name: p.company, type: 'VARCHAR' },
    { name: 'rank', type: 'INTEGER' },
    { name: 'programme_id', type: 'VARCHAR' },
    { name: 'programme_name', type: 'VARCHAR' },
    { name: 'score', type: 'DOUBLE' },
    { name: 'content_score', type: 'DOUBLE' },
    { name: 'similar_companies_score', type: 'DOUBLE' },
    { name: 'popularity', type: 'DOUBLE' },
    { name: 'eligibility', type: 'VARCHAR' },
    { name: 'reasons', type: 'VARCHAR' },
    { name: 'size', type: 'VARCHAR' },
    { name: 'main_hs2', type: 'VARCHAR' },
    { name: 'main_destination', type: 'VARCHAR' },
    { name: 'annual_export_krw', type: 'DOUBLE' },
    { name: 'export_trend', type: 'DOUBLE' },
  ];
}

function check(inputs: Record<string, Schema[]>, p: Params) {
  const decl = single(inputs);
  for (const k of ['company', 'date', 'hs', 'destination'] as const) requireColumn(decl, p[k], k);
  const v = requireColumn(decl, p.value, 'value');
  if (v.type !== UNKNOWN && !isNumericType(v.type))
    throw new ParamError(
      `"${p.value}" must be numeric; it is ${v.type}`,
      'value',
      msg('node.model_needs_numeric', { column: p.value, type: typeLabel(v.type), field: setting(params, 'value') }),
    );
  const catalogue = inputs.programmes?.[0];
  if (!catalogue)
    throw new ParamError(
      'connect the programme catalogue',
      undefined,
      msg('node.model_connect', { what: PORT_NAMES.programmes }),
    );
  if (!catalogue.some((c) => c.name === CATALOGUE.id))
    throw new ParamError(
      `the programme catalogue has no "${CATALOGUE.id}" column`,
      undefined,
      msg('node.export_support_catalogue_id', { column: CATALOGUE.id }),
    );
  const companies = inputs.companies?.[0];
  if (companies) {
    for (const k of ['profileCompany', 'size'] as const) {
      const name = p[k];
      if (!name) throw new ParamError(`choose ${k}`, k, msg('node.model_choose_column', { field: setting(params, k) }));
      requireColumn(companies, name, k);
    }
    if (p.certifications) requireColumn(companies, p.certifications, 'certifications');
  }
  const history = inputs.history?.[0];
  if (history) {
    for (const k of ['participant', 'programme'] as const) {
      const name = p[k];
      if (!name) throw new ParamError(`choose ${k}`, k, msg('node.model_choose_column', { field: setting(params, k) }));
      requireColumn(history, name, k);
    }
  }
}

const str = (x: unknown) => (x === null || x === undefined ? '' : String(x));
const list = (x: unknown) =>
  str(x)
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
const num = (x: unknown) => (x === null || x === undefined || x === '' ? null : Number(x));

async function readProfiles(engine: Engine, rel: string, p: Params, signal?: AbortSignal): Promise<CompanyProfile[]> {
  const d = `TRY_CAST(${ident(p.date)} AS DATE)`;
  const r = await engine.query(
    `WITH e AS (SELECT CAST(${ident(p.company)} AS VARCHAR) AS co, left(CAST(${ident(p.hs)} AS VARCHAR), 2) AS hs2,
        CAST(${ident(p.destination)} AS VARCHAR) AS dest, ${d} AS d, TRY_CAST(${ident(p.value)} AS DOUBLE) AS v
        FROM ${rel} WHERE ${ident(p.company)} IS NOT NULL),
      m AS (SELECT max(d) AS last FROM e)
     SELECT co, hs2, dest, sum(v)::DOUBLE AS v,
       coalesce(sum(v) FILTER (WHERE d > last - 365), 0)::DOUBLE AS recent,
       coalesce(sum(v) FILTER (WHERE d <= last - 365 AND d > last - 730), 0)::DOUBLE AS previous,
       bool_and(d > last - 365) AS new
     FROM e, m GROUP BY co, hs2, dest ORDER BY co, hs2, dest`,
    { signal },
  );
  const byId = new Map<string, CompanyProfile & { total: number }>();
  for (const row of r.rows) {
    const id = str(row.co);
    let c = byId.get(id);
    if (!c) {
      c = {
        id,
        size: null,
        certifications: [],
        hs2: new Map(),
        destinations: new Map(),
        annual: 0,
        previous: 0,
        isNew: true,
        total: 0,
      };
      byId.set(id, c);
    }
    const v = (row.v as number | null) ?? 0;
    c.total += v;
    if (row.hs2) c.hs2.set(str(row.hs2), (c.hs2.get(str(row.hs2)) ?? 0) + v);
    if (row.dest) c.destinations.set(str(row.dest), (c.destinations.get(str(row.dest)) ?? 0) + v);
    c.annual += row.recent as number;
    c.previous += row.previous as number;
    c.isNew &&= row.new === true;
  }
  for (const c of byId.values()) {
    for (const m of [c.hs2, c.destinations]) for (const [k, v] of m) m.set(k, c.total > 0 ? v / c.total : 0);
  }
  return [...byId.values()];
}

async function readCatalogue(engine: Engine, rel: string, schema: Schema, signal?: AbortSignal): Promise<Programme[]> {
  const has = (name: string) => schema.some((c) => c.name === name);
  const col = (name: string) => (has(name) ? `CAST(${ident(name)} AS VARCHAR)` : 'NULL');
  const r = await engine.query(
    `SELECT ${Object.entries(CATALOGUE)
      .map(([k, name]) => `${col(name)} AS ${ident(k)}`)
      .join(', ')} FROM ${rel} WHERE ${ident(CATALOGUE.id)} IS NOT NULL`,
    { signal },
  );
  return r.rows.map((row) => ({
    id: str(row.id),
    name: str(row.name) || str(row.id),
    sizes: list(row.sizes),
    hs2: list(row.hs2),
    destinations: list(row.destinations),
    certification: str(row.certification).trim(),
    minAnnual: num(row.min),
    maxAnnual: num(row.max),
    focus: list(row.focus),
  }));
}

export const exportSupport = defineNode({
  type: 'model.export_support',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '중소기업 수출지원사업 추천', en: 'SME export-support recommender' },
  description: {
    ko: '수출신고로 업체별 수출 품목(HS 류), 수출국, 최근 12개월 수출액과 증감, 규모·인증을 요약하고, 지원사업 목록의 자격 요건(규모, HS, 수출국, 인증, 수출액 구간)을 먼저 적용한 뒤 내용 유사도와 비슷한 업체의 참여 이력(항목 기반 협업 필터링), 인기도로 업체별 상위 N개 사업과 자격 사유를 냅니다.',
    en: 'Profiles each exporter from its export declarations (HS chapters, destinations, latest-12-month value and trend, size, certifications), applies the catalogue’s hard eligibility rules, then ranks by content similarity, what similar companies joined (item-based collaborative filtering) and popularity: top-N programmes per company with eligibility reasons.',
  },
  inputs: [
    { ...IN, label: { ko: '수출신고', en: 'Export declarations' } },
    { name: 'programmes', label: PORT_NAMES.programmes },
    { name: 'companies', label: { ko: '업체 정보 (선택)', en: 'Company details (optional)' }, optional: true },
    { name: 'history', label: { ko: '참여 이력 (선택)', en: 'Past participation (optional)' }, optional: true },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(inputs, p);
    return outputColumns(p);
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress }) => {
    const profiles = await readProfiles(engine, inputs.in![0]!, p, signal);
    if (profiles.length === 0)
      throw new ParamError(
        'no exporter has an export declaration',
        'company',
        msg('node.model_no_declarations', { field: setting(params, 'company') }),
      );
    progress(0.3);
    const companiesRel = inputs.companies?.[0];
    if (companiesRel && p.profileCompany && p.size) {
      const cert = p.certifications ? `CAST(${ident(p.certifications)} AS VARCHAR)` : 'NULL';
      const r = await engine.query(
        `SELECT CAST(${ident(p.profileCompany)} AS VARCHAR) AS co, any_value(CAST(${ident(p.size)} AS VARCHAR)) AS size,
           any_value(${cert}) AS certs FROM ${companiesRel} GROUP BY 1`,
        { signal },
      );
      const info = new Map(r.rows.map((row) => [str(row.co), row]));
      for (const c of profiles) {
        const row = info.get(c.id);
        c.size = row?.size ? str(row.size) : null;
        c.certifications = list(row?.certs);
      }
    }
    const catalogue = await readCatalogue(engine, inputs.programmes![0]!, schemas.programmes![0]!, signal);
    const history = new Map<string, Set<string>>();
    const historyRel = inputs.history?.[0];
    if (historyRel && p.participant && p.programme) {
      const r = await engine.query(
        `SELECT DISTINCT CAST(${ident(p.participant)} AS VARCHAR) AS co, CAST(${ident(p.programme)} AS VARCHAR) AS prog
         FROM ${historyRel} WHERE ${ident(p.participant)} IS NOT NULL AND ${ident(p.programme)} IS NOT NULL`,
        { signal },
      );
      for (const row of r.rows) {
        const co = str(row.co);
        if (!history.has(co)) history.set(co, new Set());
        history.get(co)!.add(str(row.prog));
      }
    }
    progress(0.6);
    const recs = recommend(
      profiles,
      catalogue,
      history,
      { content: p.contentWeight, collaborative: p.collaborativeWeight, popularity: p.popularityWeight },
      p.topN,
    );
    const byId = new Map(profiles.map((c) => [c.id, c]));
    const top = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    const profileOf = (id: string) => byId.get(id)!;
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    await engine.createTable(tableName, outputColumns(p), [
      recs.map((r) => r.company),
      recs.map((r) => r.rank),
      recs.map((r) => r.programme),
      recs.map((r) => r.name),
      recs.map((r) => round(r.score)),
      recs.map((r) => round(r.content)),
      recs.map((r) => round(r.collaborative)),
      recs.map((r) => round(r.popularity)),
      recs.map((r) => r.eligibility),
      recs.map((r) => r.why),
      recs.map((r) => profileOf(r.company).size),
      recs.map((r) => top(profileOf(r.company).hs2)),
      recs.map((r) => top(profileOf(r.company).destinations)),
      recs.map((r) => profileOf(r.company).annual),
      recs.map((r) => {
        const t = trend(profileOf(r.company));
        return t === null ? null : round(t);
      }),
    ]);
    progress(1);
    return {};
  },
});
