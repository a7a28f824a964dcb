import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePipeline } from '../../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { NodeError } from '../../runtime/errors.ts';
import { PipelineRuntime } from '../../runtime/execute/runtime.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import type { Row } from '../../runtime/schema/types.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { edgesRelationOf } from '../graph/_edges-table.ts';
import { nodeDefinitions, registry } from '../index.ts';
import { supplyChainFlows } from './supply-chain-flows.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

// 2023 is the reference period (since 2024-01-01). Routes known there: CN→CN→A, VN→VN→B, US→US→D.
// US→US→D is a steady 2 declarations a month from 2023-07, jumps to 12 in 2024-02 and drops to 0 in 2024-03.
const HEADER = ['origin', 'dep', 'imp', 'fta:BOOLEAN', 'fraud:BOOLEAN', 'd:DATE', 'v:DOUBLE'];
const us: unknown[][] = [];
for (const [month, n] of [
  ['2023-07', 2],
  ['2023-08', 2],
  ['2023-09', 2],
  ['2023-10', 2],
  ['2023-11', 2],
  ['2023-12', 2],
  ['2024-01', 2],
  ['2024-02', 12],
] as const)
  for (let i = 0; i < n; i++) us.push(['US', 'US', 'D', false, false, `${month}-15`, 1]);
const DECL = values(HEADER, [
  ['CN', 'CN', 'A', false, false, '2023-06-01', 100],
  ['VN', 'VN', 'B', true, null, '2023-07-01', 50],
  ['CN', 'CN', 'A', false, false, '2024-01-05', 100], // known route
  ['CN', 'VN', 'B', true, true, '2024-01-10', 200], // FTA claimed, shipped from VN: circumvention, new route, fraud
  ['CN', 'VN', 'B', true, false, '2024-02-10', 300], // same route
  ['VN', 'VN', 'B', true, null, '2024-02-11', 50], // known route, not inspected
  ['JP', 'JP', 'C', false, false, '2024-03-01', 10], // new route
  ['JP', 'CN', 'C', false, true, '2024-03-02', 20], // new route, departure ≠ origin without FTA claim, fraud
  ...us,
]);
const SALES = values(
  ['s', 'b', 'amt:DOUBLE', 'db:BOOLEAN'],
  [
    ['A', 'B', 100, true],
    ['B', 'A', 120, true], // sold back: a circular trade
    ['A', 'C', 50, false],
    ['A', 'C', 30, true],
  ],
);
const BASE = {
  origin: 'origin',
  departure: 'dep',
  importer: 'imp',
  value: 'v',
  fta: 'fta',
  fraud: 'fraud',
  date: 'd',
  since: '2024-01-01',
  chainSeller: 's',
  chainBuyer: 'b',
  chainAmount: 'amt',
  chainDrawback: 'db',
};

const PORTS = ['out', 'routes', 'anomalies', 'summary', 'chain'] as const;

/** Every output port of one run, each read through a pass-through SQL node as a downstream node reads it. */
async function run(params: Record<string, unknown>): Promise<Record<(typeof PORTS)[number], Row[]>> {
  const p = resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'sales', type: 'test.values', params: SALES },
        { id: 'n', type: 'model.supply_chain_flows', params },
        ...PORTS.map((port) => ({ id: port, type: 'sql', params: { query: 'SELECT * FROM input' } })),
      ],
      [
        ['decl', 'n'],
        { source: 'sales', target: 'n', targetPort: 'chain' },
        ...PORTS.map((port) => ({ source: 'n', sourcePort: port, target: port })),
      ],
    ),
    nodeDefinitions,
  );
  const runtime = runtimeFor(engine, nodeDefinitions);
  const status = (await runtime.run(p, { targets: ['n'] })).nodes.find((s) => s.nodeId === 'n');
  if (status?.error) throw status.error;
  const rows = await Promise.all(PORTS.map(async (port) => (await runtime.preview(p, port, { limit: 1000 })).rows));
  return Object.fromEntries(PORTS.map((port, i) => [port, rows[i]!])) as Record<(typeof PORTS)[number], Row[]>;
}

let base: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  base = await run(BASE);
});

const num = (v: unknown) => (v === null ? null : Number(v));

describe('model.supply_chain_flows', () => {
  it('flows between stages by value and count, in the analysed period only', async () => {
    const rows = base.out;
    const flow = (r: Row) => [r.source_stage, r.source, r.target, num(r.weight), num(r.row_count), num(r.fraud_rows)];
    expect(rows.filter((r) => r.source_stage === 'origin').map(flow)).toEqual([
      ['origin', 'CN', 'VN', 500, 2, 1],
      ['origin', 'CN', 'CN', 100, 1, 0],
      ['origin', 'VN', 'VN', 50, 1, 0],
      ['origin', 'JP', 'CN', 20, 1, 1],
      ['origin', 'US', 'US', 14, 14, 0],
      ['origin', 'JP', 'JP', 10, 1, 0],
    ]);
    expect(rows.filter((r) => r.source_stage === 'departure').map(flow)).toEqual([
      ['departure', 'VN', 'B', 550, 3, 1],
      ['departure', 'CN', 'A', 100, 1, 0],
      ['departure', 'CN', 'C', 20, 1, 1],
      ['departure', 'US', 'D', 14, 14, 0],
      ['departure', 'JP', 'C', 10, 1, 0],
    ]);
    expect(num(rows.find((r) => r.source === 'CN' && r.target === 'VN')!.flagged_rows)).toBe(2);
    // The map's country routes are never lumped.
    expect(base.routes.map((r) => [r.origin, r.departure, num(r.weight), num(r.flagged_rows)])).toEqual([
      ['CN', 'VN', 500, 2],
      ['CN', 'CN', 100, 0],
      ['VN', 'VN', 50, 0],
      ['JP', 'CN', 20, 0],
      ['US', 'US', 14, 0],
      ['JP', 'JP', 10, 0],
    ]);
    // Only the top stage values stay named; the rest become 기타.
    const top1 = (await run({ ...BASE, topPerStage: 1, measure: 'count' })).out;
    expect(top1.filter((r) => r.source_stage === 'origin').map(flow)).toEqual([
      ['origin', 'US', 'US', 14, 14, 0],
      ['origin', '기타', '기타', 6, 6, 2],
    ]);
  });

  it('lists circumvention, new routes and volume shifts with reasons in Korean', async () => {
    const rows = (await run({ ...BASE, zThreshold: 2 })).anomalies;
    const brief = (r: Row) => [r.anomaly, r.origin, r.departure, r.importer, r.period, num(r.row_count)];
    expect(rows.map(brief)).toEqual([
      ['circumvention', 'CN', 'VN', 'B', '2024-01-10~2024-02-10', 2],
      ['new_route', 'CN', 'VN', 'B', '2024-01-10', 2],
      ['new_route', 'JP', 'CN', 'C', '2024-03-02', 1],
      ['new_route', 'JP', 'JP', 'C', '2024-03-01', 1],
      // by hand: monthly changes ln(1+n) are 0 ×6, ln(13/3), ln(1/13); median 0 and MAD 0, so the spread is
      // 1.2533 × mean |change| = 0.6315: z = −4.06 for March (12 → 0) and +2.32 for February (2 → 12).
      ['volume_shift', 'US', 'US', null, '2024-03', 0],
      ['volume_shift', 'US', 'US', null, '2024-02', 12],
    ]);
    expect(rows.filter((r) => r.anomaly === 'volume_shift').map((r) => r.score)).toEqual([-4.06, 2.32]);
    expect(rows.map((r) => num(r.fraud_share))).toEqual([0.5, 0.5, 1, 0, null, 0]);
    expect(rows[0]!.reason).toContain('원산지 CN 물품이 VN에서 출발했는데 FTA 협정세율을 신청했습니다');
    expect(rows[1]!.reason).toContain('기준 기간(2024-01-01 이전)에 없던 경로입니다: CN → VN → B');
    expect(rows[5]!.reason).toBe(
      'US → US 경로의 2024-02 물량이 직전 달보다 급증했습니다: 2건 → 12건 (강건 표준점수 2.3)',
    );
    // At the default threshold (3.5) only the drop is a shift.
    const strict = base.anomalies;
    expect(strict.filter((r) => r.anomaly === 'volume_shift').map((r) => r.period)).toEqual(['2024-03']);
  });

  it('compares each anomaly type’s fraud rate with the rest (uninspected rows left out of the rates)', async () => {
    const rows = base.summary;
    // 20 declarations from 2024 on: 19 inspected, 2 frauds (the CN→VN one and the JP→CN one).
    const brief = (r: Row) => [
      r.anomaly,
      num(r.row_count),
      num(r.row_share),
      num(r.labelled_rows),
      num(r.fraud_rate),
      num(r.fraud_rate_rest),
    ];
    expect(rows.map(brief)).toEqual([
      ['circumvention', 2, 0.1, 2, 0.5, 0.0588],
      ['new_route', 4, 0.2, 4, 0.5, 0],
      ['volume_shift', 0, 0, 0, null, 0.1053],
      ['departure_differs', 3, 0.15, 3, 0.6667, 0],
      ['any', 4, 0.2, 4, 0.5, 0],
    ]);
  });

  it('the domestic chain: sales with drawback amounts, circular trades marked', async () => {
    const rows = base.chain;
    expect(
      rows.map((r) => [r.seller, r.buyer, num(r.row_count), num(r.value), num(r.drawback_value), r.circular]),
    ).toEqual([
      ['B', 'A', 1, 120, 120, true],
      ['A', 'B', 1, 100, 100, true],
      ['A', 'C', 2, 80, 30, false],
    ]);
    expect(rows[0]!.reason).toBe('되파는 거래(A→B)가 있는데 환급을 신청했습니다: 환급 신청 120원');
  });

  it('a text value column gets a Korean message naming the setting', async () => {
    const err = await run({ ...BASE, value: 'imp' }).then(
      () => undefined,
      (e: NodeError) => e,
    );
    expect(renderMessage(err!.msg!, 'ko')).toContain('‹신고금액 열 (선택)›에 고른 "imp"');
  });
});

describe('the shipped template on the sample declarations', () => {
  // The sample read once by plain SQL, apart from the template, for the expected figures.
  const SAMPLE = 'sample_declarations';
  let flows: Row[];
  let network: string;
  beforeAll(async () => {
    const file = path.join(ROOT, 'templates/supply-chain.pipeline.json');
    const v = validatePipeline(JSON.parse(readFileSync(file, 'utf8')), registry, { parameters: { measure: 'count' } });
    if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
    const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: ROOT, engine }));
    const result = await runtime.run(v.pipeline, { targets: ['flows', 'network'] });
    expect(result.nodes.filter((n) => n.state !== 'done')).toEqual([]);
    flows = (await engine.query(supplyChainFlows.outputPorts!.out!.sql(result.relations.get('flows')!))).rows;
    network = result.relations.get('network')!;
    await engine.exec(
      `CREATE OR REPLACE TABLE ${SAMPLE} AS SELECT * FROM read_csv('${path.join(ROOT, 'templates/data/declarations.csv')}')`,
    );
  });

  it('the customs office stage sits between departure and importer, with each office’s 2024 declarations', async () => {
    const pairs = [...new Set(flows.map((r) => `${r.source_stage}→${r.target_stage}`))];
    expect(pairs.sort()).toEqual(['departure→office', 'importer→hs', 'office→importer', 'origin→departure']);
    const byOffice = (stage: 'source' | 'target', pair: string) => {
      const m = new Map<string, [number, number]>();
      for (const r of flows.filter((f) => `${f.source_stage}→${f.target_stage}` === pair)) {
        const [n, v] = m.get(String(r[stage])) ?? [0, 0];
        m.set(String(r[stage]), [n + Number(r.row_count), v + Number(r.value)]);
      }
      return m;
    };
    const into = byOffice('target', 'departure→office');
    // Counted in the committed declarations.csv with Python's csv module (2024 rows: 10,364); all ten offices
    // fit in the top 10, so none is lumped as 기타.
    expect(Object.fromEntries([...into].map(([k, [n]]) => [k, n]))).toEqual({
      부산세관: 3139,
      인천공항세관: 2515,
      인천세관: 1883,
      서울세관: 1796,
      평택세관: 533,
      광양세관: 345,
      김포공항세관: 58,
      울산세관: 41,
      포항세관: 39,
      여수세관: 15,
    });
    // Declared values by office, in plain SQL over the file; what enters an office leaves it towards the importers.
    const expected = await engine.query(`SELECT customs_office AS o, sum(declared_value_krw) AS v FROM ${SAMPLE}
      WHERE declaration_date >= DATE '2024-01-01' GROUP BY 1`);
    for (const r of expected.rows) expect(into.get(String(r.o))?.[1]).toBe(Number(r.v));
    expect(byOffice('source', 'office→importer')).toEqual(into);
  });

  it('the importer–seller network spreads risk from the importers caught before 2024', async () => {
    const q = async (sql: string) => (await engine.query(sql)).rows;
    const seeds = await q(`SELECT entity FROM ${network} WHERE is_seed ORDER BY 1`);
    const caught = await q(`SELECT DISTINCT importer_id AS entity FROM ${SAMPLE}
      WHERE fraud = 1 AND declaration_date < DATE '2024-01-01' ORDER BY 1`);
    expect(seeds.length).toBe(48);
    expect(seeds).toEqual(caught);
    const types = await q(`SELECT entity_type AS t, count(*) AS n FROM ${network} GROUP BY 1 ORDER BY 1`);
    expect(types.map((r) => [r.t, Number(r.n)])).toEqual([
      ['수입자', 853],
      ['해외거래처', 950],
    ]);
    // One link per importer–seller pair that traded, over both periods.
    const [links] = await q(`SELECT count(*) AS n FROM ${edgesRelationOf(network)}`);
    const [pairs] = await q(`SELECT count(DISTINCT (importer_id, seller_id)) AS n FROM ${SAMPLE}`);
    expect(Number(links!.n)).toBe(Number(pairs!.n));
    // A suspect's evidence path runs importer → seller → importer … to a seed, named in Korean for the view.
    const paths = await q(`SELECT evidence_path AS p, nearest_seed AS s FROM ${network}
      WHERE NOT is_seed AND entity_type = '수입자' AND suspect_rank IS NOT NULL`);
    expect(paths.length).toBeGreaterThan(100);
    for (const { p, s } of paths) {
      const hops = String(p).split(' → ');
      expect(hops.at(-1)).toBe(`${s}(수입자)`);
      const kinds = hops.map((h) => h.slice(h.lastIndexOf('(')));
      expect(kinds).toEqual(hops.map((_, i) => (i % 2 === 0 ? '(수입자)' : '(해외거래처)')));
    }
  });
});
