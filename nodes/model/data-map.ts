import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { requireColumn } from '../_shared/columns.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { edgesTableOf } from '../graph/_edges-table.ts';
import { STAGE_LABELS, STAGES } from './_clearance-stages.ts';
import { buildDataMap, type DatasetProfile, type DictionaryEntry, type LinkRow } from './_data-map-build.ts';

const params = z
  .object({
    output: z
      .enum(['catalogue', 'network', 'links', 'summary'])
      .default('catalogue')
      .meta({
        label: { ko: '출력', en: 'Output' },
        widget: 'select',
        options: {
          catalogue: { ko: '자료 목록 (자료·열마다 한 행)', en: 'Catalogue (one row per dataset column)' },
          network: { ko: '단계·연결 키 연결망 (연계망 보기)', en: 'Stage and join-key network (network view)' },
          links: { ko: '단계·계보 연결선 표', en: 'Stage and lineage link table' },
          summary: { ko: '충족률·검색 성공률', en: 'Coverage and search success' },
        },
      }),
    fieldName: z
      .string()
      .min(1)
      .default('항목명')
      .meta({
        label: { ko: '항목정의서의 항목명 열', en: 'Field name column of the dictionary' },
        widget: 'column',
        columnOf: 'dictionary',
      }),
    codeList: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '항목정의서의 표준코드명 열 (선택)', en: 'Code list column of the dictionary (optional)' },
        widget: 'column',
        columnOf: 'dictionary',
      }),
    kcsAliases: z
      .boolean()
      .default(true)
      .meta({
        label: {
          ko: '관세청 수입신고 항목정의서의 알려진 열 이름 사용',
          en: 'Use the known headers of the KCS dictionary',
        },
        help: {
          ko: '항목정의서가 관세청 수입신고 항목정의서(19개 항목)일 때, Importer ID·importer_id 같은 열도 해당 항목(수입자 통관고유부호)으로 봅니다.',
          en: 'With the KCS import-declaration dictionary (19 entries), columns such as Importer ID or importer_id count as its entries.',
        },
      }),
    stages: z
      .record(z.string(), z.enum(STAGES).meta({ options: STAGE_LABELS }))
      .default({})
      .meta({
        label: { ko: '자료별 통관 단계 지정 (선택)', en: 'Clearance stage per dataset (optional)' },
        help: {
          ko: '열 이름으로 짐작한 단계 대신 쓸 단계. 예: {"travellers": "inspection"}',
          en: 'Overrides the stage guessed from the column names, e.g. {"travellers": "inspection"}',
        },
        widget: 'json',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const OUTPUTS: Record<Params['output'], Schema> = {
  catalogue: [
    { name: 'stage_order', type: 'INTEGER' },
    { name: 'stage', type: 'VARCHAR' },
    { name: 'dataset', type: 'VARCHAR' },
    { name: 'rows', type: 'BIGINT' },
    { name: 'column_name', type: 'VARCHAR' },
    { name: 'column_type', type: 'VARCHAR' },
    { name: 'null_percent', type: 'DOUBLE' },
    { name: 'distinct_values', type: 'BIGINT' },
    { name: 'sample_value', type: 'VARCHAR' },
    { name: 'field_no', type: 'INTEGER' },
    { name: 'field_name', type: 'VARCHAR' },
    { name: 'code_list', type: 'VARCHAR' },
    { name: 'join_key', type: 'VARCHAR' },
  ],
  network: [
    { name: 'entity', type: 'VARCHAR' },
    { name: 'entity_type', type: 'VARCHAR' },
    { name: 'is_seed', type: 'BOOLEAN' },
    { name: 'risk', type: 'DOUBLE' },
    { name: 'community', type: 'INTEGER' },
    { name: 'degree', type: 'INTEGER' },
    { name: 'pagerank', type: 'DOUBLE' },
  ],
  links: [
    { name: 'source_type', type: 'VARCHAR' },
    { name: 'source', type: 'VARCHAR' },
    { name: 'target_type', type: 'VARCHAR' },
    { name: 'target', type: 'VARCHAR' },
    { name: 'weight', type: 'DOUBLE' },
    { name: 'links', type: 'BIGINT' },
    { name: 'via', type: 'VARCHAR' },
  ],
  summary: [
    { name: 'measure', type: 'VARCHAR' },
    { name: 'found', type: 'BIGINT' },
    { name: 'total', type: 'BIGINT' },
    { name: 'percent', type: 'DOUBLE' },
  ],
};

function check(inputs: Record<string, Schema[]>, p: Params) {
  if (!inputs.in?.length)
    throw new ParamError(
      'connect the datasets to catalogue',
      undefined,
      msg('node.model_connect', { what: { ko: '목록에 올릴 자료', en: 'the datasets to catalogue' } }),
    );
  const dict = inputs.dictionary?.[0];
  if (dict) {
    requireColumn(dict, p.fieldName, 'fieldName');
    if (p.codeList) requireColumn(dict, p.codeList, 'codeList');
  }
}

/** Rows, non-null and distinct counts and one sample value per column, in one scan of the dataset. */
async function profile(
  engine: { query: (sql: string, o?: { signal?: AbortSignal }) => Promise<{ rows: Record<string, unknown>[] }> },
  name: string,
  relation: string,
  schema: Schema,
  signal?: AbortSignal,
): Promise<DatasetProfile> {
  const parts = schema.flatMap((c, i) => [
    `count(${ident(c.name)}) AS n${i}`,
    `approx_count_distinct(${ident(c.name)}) AS d${i}`,
    `left(CAST(any_value(${ident(c.name)}) AS VARCHAR), 60) AS s${i}`,
  ]);
  const row = (await engine.query(`SELECT count(*) AS rows, ${parts.join(', ')} FROM ${relation}`, { signal }))
    .rows[0]!;
  return {
    name,
    rows: Number(row.rows),
    columns: schema.map((c, i) => ({
      name: c.name,
      type: c.type,
      nonNull: Number(row[`n${i}`]),
      distinct: Number(row[`d${i}`]),
      sample: row[`s${i}`] === null || row[`s${i}`] === undefined ? null : String(row[`s${i}`]),
    })),
  };
}

/** Stages, datasets and join keys as the network view's entities; sized by their number of links. */
function networkOf(links: LinkRow[]): unknown[][] {
  const nodes = new Map<string, { entity: string; type: string; degree: number; community: number }>();
  const stageNo = new Map<string, number>();
  for (const l of links)
    if (l.source_type === 'stage' && !stageNo.has(l.source)) stageNo.set(l.source, stageNo.size + 1);
  const datasetStage = new Map(links.filter((l) => l.via.startsWith('단계')).map((l) => [l.target, l.source]));
  for (const l of links)
    for (const [type, entity] of [
      [l.source_type, l.source],
      [l.target_type, l.target],
    ] as const) {
      const k = `${type}\u001f${entity}`;
      const community =
        type === 'stage'
          ? (stageNo.get(entity) ?? 0)
          : type === 'dataset'
            ? (stageNo.get(datasetStage.get(entity)!) ?? 0)
            : 0;
      const n = nodes.get(k) ?? { entity, type, degree: 0, community };
      n.degree++;
      nodes.set(k, n);
    }
  const list = [...nodes.values()];
  const total = list.reduce((a, n) => a + n.degree, 0) || 1;
  return [
    list.map((n) => n.entity),
    list.map((n) => n.type),
    list.map(() => false),
    list.map(() => null),
    list.map((n) => n.community),
    list.map((n) => n.degree),
    list.map((n) => n.degree / total),
  ];
}

const columnsOf = (schema: Schema, rows: readonly object[]): unknown[][] =>
  schema.map((c) => rows.map((r) => (r as Record<string, unknown>)[c.name] ?? null));

export const dataMap = defineNode({
  type: 'model.data_map',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '관세 데이터 맵', en: 'Customs data map' },
  description: {
    ko: '연결한 자료마다 통관 단계(적하목록 → 입항 → 보세운송 → 보세창고 → 수입신고 → 검사 → 수리 → 반출 → 사후심사)를 열 이름으로 짐작해 배치하고, 열마다 형식·빈 값 비율·고유값 수·항목정의서 항목·연결 키(신고번호, B/L, 통관고유부호, HS)를 적습니다. 단계·연결 키 연결망과 연결선 표, 충족률과 한국어 검색 성공률도 냅니다.',
    en: 'Places each connected dataset in a clearance stage (manifest → arrival → bonded transport → warehouse → import declaration → inspection → acceptance → release → post-clearance audit) from its column names, and lists every column with type, null %, distinct values, field-dictionary entry and join key (declaration no., B/L, importer code, HS). Also gives the stage and join-key network, its link table, coverage and Korean search success.',
  },
  inputs: [
    { name: 'in', label: { ko: '자료 (여러 개)', en: 'Datasets (several)' }, multiple: true },
    { name: 'dictionary', label: { ko: '항목정의서 (선택)', en: 'Field dictionary (optional)' }, optional: true },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(inputs, p);
    return OUTPUTS[p.output];
  },
  run: async ({ engine, inputs, schemas, sources, params: p, tableName, signal, progress }) => {
    check(schemas, p);
    const rels = inputs.in ?? [];
    const names = sources?.in ?? rels.map((_, i) => `dataset_${i + 1}`);
    const datasets: DatasetProfile[] = [];
    for (const [i, rel] of rels.entries()) {
      const name = names[i] ?? `dataset_${i + 1}`;
      const schema = schemas.in![i]!;
      // Only the catalogue shows counts; the network, links and summary need the column names alone.
      datasets.push(
        p.output === 'catalogue'
          ? await profile(engine, name, rel, schema, signal)
          : { name, rows: 0, columns: schema.map((c) => ({ ...c, nonNull: 0, distinct: 0, sample: null })) },
      );
      progress((i + 1) / (rels.length + 1));
    }
    let dictionary: DictionaryEntry[] = [];
    const dict = inputs.dictionary?.[0];
    if (dict) {
      const code = p.codeList ? `CAST(${ident(p.codeList)} AS VARCHAR)` : `''`;
      // Entry numbers are positions in file order (the KCS dictionary numbers two entries 16).
      const rows = (
        await engine.query(
          `SELECT CAST(${ident(p.fieldName)} AS VARCHAR) AS name, ${code} AS code FROM ${dict} WHERE ${ident(p.fieldName)} IS NOT NULL`,
          { signal },
        )
      ).rows;
      dictionary = rows.map((r, i) => ({
        no: i + 1,
        name: String(r.name).replace(/\s+/g, ' ').trim(),
        codeList: r.code === null || r.code === undefined ? '' : String(r.code),
      }));
    }
    const unknown = Object.keys(p.stages).filter((k) => !names.includes(k));
    if (unknown.length)
      throw new ParamError(
        `no connected dataset is called ${unknown.join(', ')}`,
        'stages',
        msg('node.data_map_unknown_dataset', {
          names: unknown.join(', '),
          known: names.join(', '),
          field: setting(params, 'stages'),
        }),
      );
    const map = buildDataMap(datasets, dictionary, { stages: p.stages, kcsAliases: p.kcsAliases });
    const schema = OUTPUTS[p.output];
    if (p.output === 'network') {
      await engine.createTable(tableName, schema, networkOf(map.links));
      await engine.createTable(edgesTableOf(tableName), OUTPUTS.links, columnsOf(OUTPUTS.links, map.links));
    } else {
      const rows = p.output === 'catalogue' ? map.catalogue : p.output === 'links' ? map.links : map.summary;
      await engine.createTable(tableName, schema, columnsOf(schema, rows));
    }
    progress(1);
    return {};
  },
});
