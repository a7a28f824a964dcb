/**
 * Quality of the SME export-support recommender (`model.export_support`, KCS model (9)) on generated worlds:
 * participation of 2023 is the history, participation of 2024 (pairs not already joined) is held out. Reports
 * precision@k, recall@k, nDCG@k and catalogue coverage for the hybrid node and its parts, beside a popularity
 * baseline (most joined in 2023, no rules) and popularity after the eligibility rules.
 *   npm run bench -- --suite recommend
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registry } from '../nodes/index.ts';
import { type RankingScores, rankingAtK } from '../nodes/model/_ranking-metrics.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import type { Engine } from '../runtime/engine/engine.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { generate } from '../templates/generator/generate.ts';
import { writeSection } from './results-file.ts';

const SEEDS = [1, 2, 3, 42, 99];
const KS = [3, 5];

interface Variant {
  name: string;
  weights: { contentWeight: number; collaborativeWeight: number; popularityWeight: number } | null;
}

const VARIANTS: Variant[] = [
  { name: 'popularity (baseline, no rules)', weights: null },
  { name: 'rules + popularity', weights: { contentWeight: 0, collaborativeWeight: 0, popularityWeight: 1 } },
  { name: 'rules + content', weights: { contentWeight: 1, collaborativeWeight: 0, popularityWeight: 0 } },
  { name: 'rules + item-CF', weights: { contentWeight: 0, collaborativeWeight: 1, popularityWeight: 0.01 } },
  { name: 'hybrid (node defaults)', weights: { contentWeight: 0.1, collaborativeWeight: 1, popularityWeight: 0.1 } },
];

/** Each company's ranked programme ids from a run of the node with these weights on `dir`'s files. */
async function nodeRanking(engine: Engine, dir: string, weights: NonNullable<Variant['weights']>, topN: number) {
  const f = (name: string) => name;
  const doc = {
    format: 'customs-studio/pipeline',
    version: 1,
    name: 'bench',
    parameters: [],
    nodes: [
      { id: 'ex', type: 'source.file', params: { path: f('export_declarations.csv'), format: 'csv' } },
      { id: 'co', type: 'source.file', params: { path: f('exporters.csv'), format: 'csv' } },
      { id: 'pg', type: 'source.file', params: { path: f('export_programmes.csv'), format: 'csv' } },
      { id: 'pp', type: 'source.file', params: { path: f('programme_participation.csv'), format: 'csv' } },
      { id: 'hist', type: 'prep.filter', params: { where: 'year = 2023' } },
      {
        id: 'rec',
        type: 'model.export_support',
        params: {
          company: 'exporter_id',
          date: 'export_date',
          hs: 'hs6',
          destination: 'destination_country',
          value: 'fob_value_krw',
          profileCompany: 'company_id',
          size: 'size',
          certifications: 'certifications',
          participant: 'company_id',
          programme: 'programme_id',
          topN,
          ...weights,
        },
      },
    ],
    edges: [
      { source: 'ex', target: 'rec' },
      { source: 'pg', target: 'rec', targetPort: 'programmes' },
      { source: 'co', target: 'rec', targetPort: 'companies' },
      { source: 'pp', target: 'hist' },
      { source: 'hist', target: 'rec', targetPort: 'history' },
    ],
  };
  const v = validatePipeline(doc, registry);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
  const t0 = performance.now();
  const result = await new PipelineRuntime(engine, new NodeFileAccess({ baseDir: dir, engine })).run(v.pipeline, {
    targets: ['rec'],
  });
  const ms = performance.now() - t0;
  const failed = result.nodes.find((n) => n.state !== 'done');
  if (failed) throw new Error(`${failed.nodeId}: ${failed.error?.message ?? failed.state}`);
  const q = await engine.query(
    `SELECT exporter_id AS co, programme_id AS p FROM ${result.relations.get('rec')} ORDER BY exporter_id, rank`,
  );
  const ranked = new Map<string, string[]>();
  for (const r of q.rows) {
    const co = String(r.co);
    if (!ranked.has(co)) ranked.set(co, []);
    ranked.get(co)!.push(String(r.p));
  }
  return { ranked, ms };
}

interface SeedResult {
  seed: number;
  variant: string;
  at: Map<number, RankingScores>;
  coverage: number;
  ms: number;
}

async function evaluateSeed(engine: Engine, seed: number): Promise<SeedResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recommend-bench-'));
  try {
    await generate({ rows: 20_000, seed, out: dir, format: 'csv', quiet: true });
    const pp = await engine.query(
      `SELECT company_id AS co, programme_id AS p, min(year) AS y FROM read_csv('${path.join(dir, 'programme_participation.csv')}') GROUP BY 1, 2`,
    );
    const train = new Map<string, Set<string>>();
    const heldOut = new Map<string, Set<string>>();
    for (const r of pp.rows) {
      const m = Number(r.y) === 2023 ? train : heldOut;
      const co = String(r.co);
      if (!m.has(co)) m.set(co, new Set());
      m.get(co)!.add(String(r.p));
    }
    const catalogue = (
      await engine.query(`SELECT programme_id AS p FROM read_csv('${path.join(dir, 'export_programmes.csv')}')`)
    ).rows.map((r) => String(r.p));
    const count = new Map<string, number>();
    for (const s of train.values()) for (const p of s) count.set(p, (count.get(p) ?? 0) + 1);
    const byPopularity = [...catalogue].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0) || (a < b ? -1 : 1));
    const out: SeedResult[] = [];
    const kMax = Math.max(...KS);
    for (const variant of VARIANTS) {
      let ranked: Map<string, string[]>;
      let ms = 0;
      if (variant.weights === null) {
        ranked = new Map([...heldOut.keys()].map((co) => [co, byPopularity.filter((p) => !train.get(co)?.has(p))]));
      } else {
        ({ ranked, ms } = await nodeRanking(engine, dir, variant.weights, kMax));
      }
      const shown = new Set<string>();
      for (const [co, list] of ranked) if (heldOut.has(co)) for (const p of list.slice(0, kMax)) shown.add(p);
      out.push({
        seed,
        variant: variant.name,
        at: new Map(KS.map((k) => [k, rankingAtK(ranked, heldOut, k)])),
        coverage: shown.size / catalogue.length,
        ms,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runRecommendSuite(machine: string): Promise<void> {
  const engine = await DuckDBNodeEngine.create();
  const all: SeedResult[] = [];
  try {
    for (const seed of SEEDS) {
      const rows = await evaluateSeed(engine, seed);
      all.push(...rows);
      console.error(`[recommend] seed ${seed} done`);
    }
  } finally {
    await engine.close();
  }
  const f3 = (x: number) => x.toFixed(3);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const range = (xs: number[]) => `${f3(Math.min(...xs))}–${f3(Math.max(...xs))}`;
  const lines = VARIANTS.map((v) => {
    const rs = all.filter((r) => r.variant === v.name);
    const cells = KS.flatMap((k) =>
      (['precision', 'recall', 'ndcg'] as const).map((m) => {
        const xs = rs.map((r) => r.at.get(k)![m]);
        return `${f3(mean(xs))} (${range(xs)})`;
      }),
    );
    const ms = rs.map((r) => r.ms);
    return `| ${v.name} | ${cells.join(' | ')} | ${f3(mean(rs.map((r) => r.coverage)))} | ${v.weights ? `${Math.round(mean(ms))} ms` : '—'} |`;
  });
  const users = all.filter((r) => r.variant === VARIANTS[0]!.name).map((r) => r.at.get(KS[0]!)!.users);
  const body = `## SME export-support recommender (issue 18 part 3, \`model.export_support\`)

Command: \`npm run bench -- --suite recommend\` · ${new Date().toISOString().slice(0, 10)} · ${machine}

Generated worlds (\`templates/generator/export-support.ts\`, 20,000 import rows ⇒ ~580 exporters, ~8,700 export
declarations, 24 programmes, ~1,500 participations) for seeds ${SEEDS.join(', ')}; mean over the seeds (min–max).
History = participation of 2023; held out = programmes first joined in 2024 (${Math.min(...users)}–${Math.max(...users)}
companies per seed, many of them without any history: cold start). Every variant except the first is the node
itself with other weights (eligibility rules always first). Coverage = share of the catalogue that appears in some
company's top ${Math.max(...KS)}. Time = the node's run on one world (profile SQL + ranking).

| ranking | ${KS.flatMap((k) => [`P@${k}`, `R@${k}`, `nDCG@${k}`]).join(' | ')} | coverage | time |
|---|${KS.flatMap(() => ['---:', '---:', '---:']).join('|')}|---:|---:|
${lines.join('\n')}`;
  await writeSection('recommend', body);
  console.log(body);
}
