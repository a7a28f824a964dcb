import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePipeline } from '../../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { PipelineRuntime } from '../../runtime/execute/runtime.ts';
import { auc } from '../../runtime/ml/metrics.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions, registry } from '../index.ts';
import { applyNode } from '../prep/prep-test-kit.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const DECL = values(
  ['co', 'hs', 'sup', 'value:DOUBLE', 'duty:DOUBLE', 'tax', 'origin', 'dep'],
  [
    ['C1', '1111', 'S1', 100, 10, 'A', 'CN', 'CN'],
    ['C1', '2222', 'S2', 300, 0, 'FCN1', 'CN', 'HK'],
    ['C2', '1111', 'S1', 100, 20, 'A', 'US', 'US'],
  ],
);
const COLS = {
  company: 'co',
  value: 'value',
  duty: 'duty',
  hs: 'hs',
  supplier: 'sup',
  taxType: 'tax',
  origin: 'origin',
  departure: 'dep',
};

describe('model.tax_risk', () => {
  it('company features worked out by hand, and the unsupervised z-score card', async () => {
    const rows = await applyNode(engine, 'model.tax_risk', COLS, { table: DECL });
    // HS peers' pooled rates: 1111 → (10 + 20) / 200 = 0.15; 2222 → 0 / 300 = 0.
    // C1: expected duty 100·0.15 + 300·0 = 15, paid 10 → gap (10 − 15) / 400; value shares 1/4, 3/4 → HHI 0.625
    expect(rows[0]).toMatchObject({
      co: 'C1',
      declarations: 2,
      total_value: 400,
      duty_paid: 10,
      effective_rate: 0.025,
      rate_gap: -0.0125,
      fta_share: 0.5,
      route_mismatch_share: 0.5,
      hs_hhi: 0.625,
      supplier_hhi: 0.625,
      peer_group: '22',
      method: 'z-score',
    });
    expect(rows[1]).toMatchObject({
      co: 'C2',
      rate_gap: 0.05,
      fta_share: 0,
      route_mismatch_share: 0,
      hs_hhi: 1,
      peer_group: '11',
    });
    // Two companies: every directed feature has robust z = ±0.6745 (half the gap over 1.4826 × half the gap).
    // C1 is riskier on rate gap (−), FTA and route (+) and less on the two HHIs: (3 − 2)·0.6745 / 5 = +0.1349;
    // C2 the opposite. The composite's sd is 0.1349, so the points are 50 ± 10.
    expect(rows.map((r) => [r.score, r.grade, r.probability])).toEqual([
      [60, 'D', null],
      [40, 'B', null],
    ]);
    // equal contributions keep the feature order
    // −0.0125 shown to 3 decimals; halves round up (−12.5‰ → −12‰)
    expect(rows[0]!.reason_1).toBe('동종 HS 대비 실효세율 차이 -0.012 (duty rate vs HS peers)');
    expect(rows[0]!.reason_2).toBe('FTA 협정세율 비중 0.5 (FTA claim share)');
    expect(rows[0]!.reason_3).toBe('적출국≠원산지 비중 0.5 (departure ≠ origin share)');
    // each company is alone in its HS2 peer group: mid-rank percentile 50
    expect(rows.map((r) => r.peer_percentile)).toEqual([50, 50]);
  });

  it('the WoE scorecard recovers planted high-risk importers of the sample data on companies it never saw', async () => {
    // Audit results for companies with an even id only (risk_segment high / ring_seed = finding); scored: the odd ones.
    const labels = `SELECT company_id, CASE WHEN risk_segment IN ('high', 'ring_seed') THEN 1 ELSE 0 END AS audit
      FROM companies WHERE right(company_id, 1) IN ('0', '2', '4', '6', '8')`;
    const doc = {
      format: 'customs-studio/pipeline',
      version: 1,
      name: 'tax risk',
      parameters: [],
      nodes: [
        { id: 'decl', type: 'source.file', params: { path: 'templates/data/declarations.csv', format: 'csv' } },
        { id: 'companies', type: 'source.file', params: { path: 'templates/data/companies.csv', format: 'csv' } },
        { id: 'labels', type: 'sql', params: { query: labels } },
        {
          id: 'n',
          type: 'model.tax_risk',
          params: {
            company: 'importer_id',
            value: 'declared_value_krw',
            duty: 'duty_krw',
            hs: 'hs6',
            supplier: 'seller_id',
            taxType: 'tax_type',
            origin: 'origin_country',
            departure: 'departure_country',
            quantity: 'net_mass_kg',
            finding: 'fraud',
            labelCompany: 'company_id',
            label: 'audit',
          },
        },
      ],
      edges: [
        { source: 'decl', target: 'n' },
        { source: 'companies', target: 'labels' },
        { source: 'labels', target: 'n', targetPort: 'labels' },
      ],
    };
    const v = validatePipeline(doc, registry);
    if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
    const result = await new PipelineRuntime(engine, new NodeFileAccess({ baseDir: ROOT, engine })).run(v.pipeline, {
      targets: ['n'],
    });
    const status = result.nodes.find((s) => s.nodeId === 'n')!;
    if (status.error) throw status.error;
    const q = await engine.query(`SELECT n.*, c.risk_segment FROM ${result.relations.get('n')} n
      JOIN read_csv('${path.join(ROOT, 'templates/data/companies.csv')}') c ON c.company_id = n.importer_id
      WHERE right(c.company_id, 1) IN ('1', '3', '5', '7', '9')`);
    const truth = q.rows.map((r) => (['high', 'ring_seed'].includes(String(r.risk_segment)) ? 1 : 0));
    const a = auc(
      q.rows.map((r) => r.score as number),
      truth,
    );
    // baseline: ranking companies by how much they import
    const volume = auc(
      q.rows.map((r) => r.total_value as number),
      truth,
    );
    expect(truth.filter((t) => t === 1).length).toBeGreaterThanOrEqual(10);
    expect(a).toBeGreaterThan(0.8); // measured 0.86 (seed-42 sample)
    expect(a - volume).toBeGreaterThan(0.2);
    expect(q.rows.every((r) => r.method === 'woe-logistic' && typeof r.probability === 'number')).toBe(true);
    expect(new Set(q.rows.map((r) => r.grade))).toEqual(new Set(['A', 'B', 'C', 'D', 'E']));
  });

  it('audit results must be 0/1 with both outcomes', async () => {
    const withLabels = async (labels: unknown[][]) => {
      const p = resolve(
        doc(
          [
            { id: 'd', type: 'test.values', params: DECL },
            { id: 'l', type: 'test.values', params: values(['company', 'finding:INTEGER'], labels) },
            { id: 'n', type: 'model.tax_risk', params: { ...COLS, labelCompany: 'company', label: 'finding' } },
          ],
          [['d', 'n'], { source: 'l', target: 'n', targetPort: 'labels' }],
        ),
        nodeDefinitions,
      );
      const status = (await runtimeFor(engine, nodeDefinitions).run(p, { targets: ['n'] })).nodes.find(
        (s) => s.nodeId === 'n',
      );
      if (status?.error) throw status.error;
    };
    await expect(withLabels([['C1', 2]])).rejects.toThrow(/must be 0\/1 \(found 2 for C1\)/);
    await expect(
      withLabels([
        ['C1', 0],
        ['C2', 0],
      ]),
    ).rejects.toThrow(/only 0s; the scorecard needs both outcomes/);
    await expect(withLabels([['X9', 1]])).rejects.toThrow(/no company of the declarations has an audit result/);
  });

  it('bad input gets a clear message', async () => {
    const run = (p: Record<string, unknown>) => applyNode(engine, 'model.tax_risk', { ...COLS, ...p }, { table: DECL });
    await expect(run({ value: 'hs' })).rejects.toThrow(/"hs" must be numeric/);
    await expect(run({ supplier: 'nope' })).rejects.toThrow(/column "nope" is not in the input/);
    await expect(run({ company: 'score' })).rejects.toThrow(/column "score" is not in the input/);
  });
});
