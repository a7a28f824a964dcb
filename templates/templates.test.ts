import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../nodes/index.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import type { Engine } from '../runtime/engine/engine.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DECL = path.join(ROOT, 'templates/data/declarations.csv');

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/** Runs a shipped template the way the command line does (paths under templates/data from the project folder). */
async function runTemplate(file: string) {
  const doc = JSON.parse(readFileSync(path.join(ROOT, 'templates', file), 'utf8'));
  const v = validatePipeline(doc, registry);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
  const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: ROOT, engine }));
  const targets = v.pipeline.order.filter(
    (id) => v.pipeline.nodes.get(id)!.def.outputs.length > 0 && v.pipeline.nodes.get(id)!.consumers.length <= 1,
  );
  return runtime.run(v.pipeline, { targets: [...new Set([...targets])] });
}

// Every template runs from the command line with its headline figure in headlines.test.ts; these check three of
// them row by row against the same question asked directly in SQL.
describe('shipped templates', () => {
  it('under-valued imports: agrees with the same question asked directly in SQL', async () => {
    const result = await runTemplate('under-valued-imports.pipeline.json');
    const got = await engine.query(
      `SELECT declaration_id FROM ${result.relations.get('ranked')} ORDER BY declaration_id`,
    );
    const expected = await engine.query(`
      WITH d AS (SELECT * FROM read_csv('${DECL}', types = {'hs6': 'VARCHAR'})
                 WHERE declared_value_krw >= 1000000 AND net_mass_kg > 0),
           ref AS (SELECT hs6, count(*) AS k, median(unit_price_usd) AS m FROM d GROUP BY hs6)
      SELECT declaration_id FROM d JOIN ref USING (hs6)
      WHERE k >= 10 AND round(unit_price_usd / m, 4) < 0.5 ORDER BY declaration_id`);
    expect(got.rows.length).toBeGreaterThan(0);
    expect(got.rows).toEqual(expected.rows);
  });

  it('inspection hit rate: rates are hits over inspections among inspected rows', async () => {
    const result = await runTemplate('inspection-hit-rate.pipeline.json');
    const rows = (await engine.query(`SELECT * FROM ${result.relations.get('ranked')}`)).rows;
    const expected = await engine.query(`
      SELECT origin_country, left(hs6, 2) AS hs2, count(*) AS inspections, sum(fraud) AS hits
      FROM read_csv('${DECL}', types = {'hs6': 'VARCHAR'}) WHERE inspected GROUP BY ALL HAVING count(*) >= 30
      ORDER BY sum(fraud) / count(*) DESC, count(*) DESC, origin_country, hs2 LIMIT 30`);
    expect(rows.map((r) => [r.origin_country, r.hs2, r.inspections, r.hits])).toEqual(
      expected.rows.map((r) => [r.origin_country, r.hs2, r.inspections, r.hits]),
    );
    for (const r of rows) expect(r.hit_rate).toBeCloseTo(Number(r.hits) / Number(r.inspections), 12);
  });

  it('CP949 export: Korean item names decode to the same text as the UTF-8 file', async () => {
    const result = await runTemplate('cp949-declarations.pipeline.json');
    const got = await engine.query(
      `SELECT item_name_ko, declarations FROM ${result.relations.get('ranked')} ORDER BY ALL`,
    );
    const expected = await engine.query(`
      SELECT item_name_ko, count(*) AS declarations, sum(declared_value_krw) AS v
      FROM (SELECT * FROM read_csv('${DECL}') LIMIT 200) GROUP BY ALL ORDER BY v DESC LIMIT 20`);
    expect(got.rows).toEqual(
      expected.rows
        .map((r) => ({ item_name_ko: r.item_name_ko, declarations: r.declarations }))
        .sort((a, b) => (String(a.item_name_ko) < String(b.item_name_ko) ? -1 : 1)),
    );
  });
});
