/**
 * Quality of the screening models (issue 7): fit on earlier months, rank later ones, report
 * precision / recall / revenue at the top 1, 2, 5, 10 % and AUC, beside two baselines (random, and the
 * historical fraud rate of the HS6 code). Runs the real node types through the runtime.
 */
import path from 'node:path';
import { registry } from '../nodes/index.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { auc, type TopMetrics, topK } from '../runtime/ml/metrics.ts';
import { rng } from '../runtime/ml/rng.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { ROOT } from './data.ts';

export interface QualityRow {
  data: string;
  model: string;
  top: TopMetrics[];
  auc: number;
  trainMs: number | null;
}

const KS = [1, 2, 5, 10];
const KCS_TRAIN = 'templates/data/kcs/df_syn_train_eng.csv';
const KCS_VALID = 'templates/data/kcs/df_syn_valid_eng.csv';

type Doc = { nodes: { id: string; type: string; params: Record<string, unknown> }[]; edges: unknown[] };

async function runScored(doc: Doc, scoredId: string, label: string, revenue: string | null) {
  const engine = await DuckDBNodeEngine.create();
  try {
    const v = validatePipeline({ format: 'customs-studio/pipeline', version: 1, name: 'bench', ...doc }, registry);
    if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
    const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: ROOT, engine }));
    const t0 = performance.now();
    const result = await runtime.run(v.pipeline, { targets: [scoredId] });
    const ms = performance.now() - t0;
    const failed = result.nodes.find((n) => n.state !== 'done');
    if (failed) throw new Error(`${failed.nodeId}: ${failed.error?.message ?? failed.state}`);
    const relation = result.relations.get(scoredId)!;
    const rev = revenue ? `coalesce(TRY_CAST("${revenue}" AS DOUBLE), 0)` : '0';
    const r = await engine.query(
      `SELECT risk_score AS s, TRY_CAST("${label}" AS DOUBLE) AS y, ${rev} AS rev FROM ${relation} WHERE "${label}" IS NOT NULL`,
    );
    return {
      s: r.rows.map((x) => Number(x.s)),
      y: r.rows.map((x) => Number(x.y)),
      rev: r.rows.map((x) => Number(x.rev)),
      ms,
    };
  } finally {
    await engine.close();
  }
}

function row(
  data: string,
  model: string,
  s: number[],
  y: number[],
  rev: number[] | undefined,
  trainMs: number | null,
): QualityRow {
  return { data, model, top: topK(s, y, KS, rev), auc: auc(s, y), trainMs };
}

const src = (id: string, p: string, format = 'csv') => ({ id, type: 'source.file', params: { path: p, format } });
const edges = (target: string, history = 'history', incoming = 'incoming') => [
  { source: history, target, targetPort: 'train' },
  { source: incoming, target, targetPort: 'score' },
];

const KCS_SCREENING = {
  label: 'Fraud',
  categorical: [
    'HS6 Code',
    'Country of Origin',
    'Tax Type',
    'Country of Departure',
    'Country of Origin Indicator',
    'Office ID',
    'Process Type',
    'Import Type',
    'Import Use',
    'Payment Type',
    'Mode of Transport',
    'Courier ID',
    'Declarant ID',
    'Importer ID',
    'Seller ID',
  ],
  numeric: ['Net Mass', 'Item Price', 'Tax Rate'],
  unitValue: { value: 'Item Price', quantity: 'Net Mass' },
  timeColumn: 'Date',
};

/** HS6 baseline: each code's smoothed past fraud rate (m = 10), computed in SQL on the same split, in file order. */
async function hs6Baseline(
  train: string,
  valid: string,
  hs: string,
  label: string,
  revenue: string | null,
  filterTrain = 'TRUE',
  filterValid = 'TRUE',
) {
  const engine = await DuckDBNodeEngine.create();
  try {
    const rev = revenue ? `coalesce(TRY_CAST(v."${revenue}" AS DOUBLE), 0)` : '0';
    const r = await engine.query(`
      WITH t AS (SELECT * FROM ${train} WHERE ${filterTrain} AND "${label}" IS NOT NULL),
           prior AS (SELECT avg(TRY_CAST("${label}" AS DOUBLE)) p FROM t),
           rate AS (SELECT CAST("${hs}" AS VARCHAR) hs, (sum(TRY_CAST("${label}" AS DOUBLE)) + 10 * (SELECT p FROM prior)) / (count(*) + 10) r FROM t GROUP BY 1)
      SELECT coalesce(rate.r, (SELECT p FROM prior)) s, TRY_CAST(v."${label}" AS DOUBLE) y, ${rev} rev
      FROM (SELECT row_number() OVER () AS __rid, * FROM ${valid}) v LEFT JOIN rate ON CAST(v."${hs}" AS VARCHAR) = rate.hs
      WHERE ${filterValid} AND v."${label}" IS NOT NULL ORDER BY v.__rid`);
    return {
      s: r.rows.map((x) => Number(x.s)),
      y: r.rows.map((x) => Number(x.y)),
      rev: r.rows.map((x) => Number(x.rev)),
    };
  } finally {
    await engine.close();
  }
}

function randomRow(data: string, y: number[], rev: number[] | undefined): QualityRow {
  const r = rng(1);
  const s = y.map(() => r());
  return row(data, 'random (baseline)', s, y, rev, null);
}

export async function benchKcs(learners = ['gbdt', 'mlp', 'ensemble', 'auto']): Promise<QualityRow[]> {
  const out: QualityRow[] = [];
  const data = 'KCS synthetic (train 2020 → valid 2021-01…03)';
  const csv = (p: string) => `read_csv('${path.join(ROOT, p)}', all_varchar = true)`;
  // The synthetic data has no revenue column: the duty at stake (price × tax rate) of a fraud stands in for it.
  const revenueOf = async () => {
    const engine = await DuckDBNodeEngine.create();
    const r = await engine.query(
      `SELECT CASE WHEN Fraud = '1' THEN TRY_CAST("Item Price" AS DOUBLE) * TRY_CAST("Tax Rate" AS DOUBLE) / 100 ELSE 0 END AS rev FROM ${csv(KCS_VALID)}`,
    );
    await engine.close();
    return r.rows.map((x) => Number(x.rev));
  };
  const rev = await revenueOf();
  const base = await hs6Baseline(csv(KCS_TRAIN), csv(KCS_VALID), 'HS6 Code', 'Fraud', null);
  out.push(randomRow(data, base.y, rev), row(data, 'HS6 fraud rate (baseline)', base.s, base.y, rev, null));
  for (const learner of learners) {
    const doc = {
      nodes: [
        src('history', KCS_TRAIN),
        src('incoming', KCS_VALID),
        { id: 'scored', type: 'model.risk_screening', params: { ...KCS_SCREENING, learner } },
      ],
      edges: edges('scored'),
    };
    const r = await runScored(doc, 'scored', 'Fraud', null);
    out.push(row(data, `risk_screening · ${learner}`, r.s, r.y, rev, r.ms));
  }
  const clustering = {
    nodes: [
      src('history', KCS_TRAIN),
      src('incoming', KCS_VALID),
      {
        id: 'scored',
        type: 'model.risk_clustering',
        params: {
          keys: ['HS6 Code', 'Country of Origin', 'Tax Type'],
          label: 'Fraud',
          numeric: ['Tax Rate', 'Net Mass', 'Item Price'],
          unitValue: { value: 'Item Price', quantity: 'Net Mass' },
          distinct: ['Importer ID', 'Seller ID', 'Declarant ID'],
        },
      },
    ],
    edges: edges('scored'),
  };
  const c = await runScored(clustering, 'scored', 'Fraud', null);
  out.push(row(data, 'risk_clustering', c.s, c.y, rev, c.ms));
  return out;
}

/** The generated sample world: inspected declarations of 2023-01…2024-06 → inspected ones of 2024-07…12. */
export async function benchSample(
  declarations: string,
  format: 'csv' | 'parquet',
  label = 'sample data',
): Promise<QualityRow[]> {
  const cut = "declaration_date < DATE '2024-07-01'";
  const filter = (id: string, where: string) => ({ id, type: 'prep.filter', params: { where } });
  const nodes = [
    src('decl', declarations, format),
    filter('history', `inspected AND ${cut}`),
    filter('incoming', `inspected AND NOT (${cut})`),
  ];
  const base = [
    { source: 'decl', target: 'history' },
    { source: 'decl', target: 'incoming' },
  ];
  const params = {
    label: 'fraud',
    categorical: [
      'hs6',
      'hs10',
      'origin_country',
      'departure_country',
      'seller_country',
      'tax_type',
      'transport_mode',
      'incoterms',
      'currency',
      'importer_id',
      'declarant_id',
      'seller_id',
    ],
    numeric: ['quantity', 'net_mass_kg', 'declared_value_krw', 'unit_price_usd', 'tax_rate', 'duty_krw'],
    unitValue: { value: 'declared_value_krw', quantity: 'net_mass_kg' },
    timeColumn: 'declaration_date',
  };
  const out: QualityRow[] = [];
  const reader =
    format === 'csv'
      ? `read_csv('${path.join(ROOT, declarations)}')`
      : `read_parquet('${path.join(ROOT, declarations)}')`;
  const b = await hs6Baseline(
    reader,
    reader,
    'hs6',
    'fraud',
    'revenue_recovered_krw',
    `inspected AND ${cut}`,
    `inspected AND NOT (${cut})`,
  );
  out.push(randomRow(label, b.y, b.rev), row(label, 'HS6 fraud rate (baseline)', b.s, b.y, b.rev, null));
  for (const learner of ['gbdt', 'auto']) {
    const doc = {
      nodes: [...nodes, { id: 'scored', type: 'model.risk_screening', params: { ...params, learner } }],
      edges: [...base, ...edges('scored')],
    };
    const r = await runScored(doc, 'scored', 'fraud', 'revenue_recovered_krw');
    out.push(row(label, `risk_screening · ${learner}`, r.s, r.y, r.rev, r.ms));
  }
  const clustering = {
    nodes: [
      ...nodes,
      {
        id: 'scored',
        type: 'model.risk_clustering',
        params: {
          keys: ['hs6', 'origin_country', 'importer_id'],
          label: 'fraud',
          unitValue: { value: 'declared_value_krw', quantity: 'net_mass_kg' },
          distinct: ['seller_id'],
        },
      },
    ],
    edges: [...base, ...edges('scored')],
  };
  const c = await runScored(clustering, 'scored', 'fraud', 'revenue_recovered_krw');
  out.push(row(label, 'risk_clustering', c.s, c.y, c.rev, c.ms));
  return out;
}
