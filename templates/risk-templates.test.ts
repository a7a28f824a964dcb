import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import type { Engine } from '../runtime/engine/engine.ts';
import { auc } from '../runtime/ml/metrics.ts';

/**
 * The outside contract of the two screening templates (issue 7): run by the command line with
 * `--input history=… --input incoming=… --out scored=…`, `scored` keeps every column of `incoming`,
 * in order, and adds `risk_score` (higher = riskier). Here on a slice of the KCS declarations.
 */
const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const KCS = path.join(ROOT, 'templates/data/kcs');

let engine: Engine;
let dir: string;
let history: string;
let incoming: string;
let incomingColumns: string[];

beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  dir = await mkdtemp(path.join(tmpdir(), 'risk-templates-'));
  history = path.join(dir, 'history.csv');
  incoming = path.join(dir, 'incoming.csv');
  // Training months Jan–Apr 2020; later declarations (2021) to score, their Fraud kept only to measure.
  await engine.exec(
    `COPY (SELECT * FROM read_csv('${KCS}/df_syn_train_eng.csv', all_varchar = true) WHERE "Date" < '2020-05-01') TO '${history}' (HEADER)`,
  );
  await engine.exec(
    `COPY (SELECT * FROM read_csv('${KCS}/df_syn_valid_eng.csv', all_varchar = true) LIMIT 1500) TO '${incoming}' (HEADER)`,
  );
  incomingColumns = (await engine.query(`DESCRIBE SELECT * FROM read_csv('${incoming}')`)).rows.map((r) =>
    String(r.column_name),
  );
});

afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function runTemplate(file: string) {
  const out = path.join(dir, `${file}.scored.csv`);
  await exec(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [
      'server/cli/main.ts',
      'run',
      `templates/${file}`,
      '--input',
      `history=${history}`,
      '--input',
      `incoming=${incoming}`,
      '--out',
      `scored=${out}`,
    ],
    { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT, MODELS_DIR: path.join(dir, 'models') }, maxBuffer: 1 << 24 },
  );
  const r = await engine.query(`SELECT * FROM read_csv('${out}', all_varchar = true)`);
  return { columns: r.columns.map((c) => c.name), rows: r.rows };
}

// Bars measured on this slice with margin: screening AUC ≈ 0.8, clustering (coarser, one score per profile) ≈ 0.7.
describe.each([
  ['risk-screening.pipeline.json', 0.75],
  ['risk-clustering.pipeline.json', 0.65],
])('%s through the command line', (file, bar) => {
  it('keeps every incoming column and ranks later declarations well above the base rate', async () => {
    const { columns, rows } = await runTemplate(file);
    expect(rows).toHaveLength(1500);
    expect(columns.slice(0, incomingColumns.length)).toEqual(incomingColumns);
    expect(columns).toContain('risk_score');
    const score = rows.map((r) => Number(r.risk_score));
    expect(score.every(Number.isFinite)).toBe(true);
    // Four months of history already rank the later months far better than chance (AUC 0.5).
    const fraud = rows.map((r) => Number(r.Fraud));
    expect(auc(score, fraud)).toBeGreaterThan(bar);
  }, 180_000);
});
