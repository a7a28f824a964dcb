import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../nodes/index.ts';
import { validatePipeline } from '../document/validate.ts';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../engine/duckdb-wasm-node.ts';
import type { Engine } from '../engine/engine.ts';
import type { Row } from '../schema/types.ts';
import { NodeFileAccess } from '../sources/node-file-access.ts';
import { PipelineRuntime } from './runtime.ts';

const DECLARATIONS = `declaration_id,declared_on,importer_id,hs6,item_ko,origin,value_krw,quantity
D001,2024-01-05,C01,010121,말(번식용),CN,1200000.50,2
D002,2024-01-05,C02,851712,휴대전화,VN,350000,10
D003,2024-02-11,C01,851712,휴대전화,CN,,4
D004,2024-02-29,C03,220300,맥주,DE,980000.25,100
D005,2024-03-01,C02,851712,휴대전화,VN,350000,10
D006,2024-03-15,C04,030389,냉동 어류,NO,2500000,
`;
const COMPANIES = `company_id,name_ko,region
C01,(주)한빛무역,서울
C02,㈜바다상사,부산
C03,주식회사 초록,인천
`;

const pipeline = {
  format: 'customs-studio/pipeline',
  version: 1,
  name: 'engines agree',
  parameters: [{ name: 'since', type: 'date', default: '2024-01-01' }],
  nodes: [
    { id: 'decl', type: 'source.file', params: { path: 'decl.csv', format: 'csv' } },
    { id: 'companies', type: 'source.file', params: { path: 'companies.csv', format: 'csv' } },
    { id: 'unique', type: 'prep.dedupe', params: { columns: ['importer_id', 'hs6', 'value_krw'] } },
    { id: 'recent', type: 'prep.filter', params: { where: 'declared_on >= {{since}}' } },
    {
      id: 'filled',
      type: 'prep.fill',
      params: { columns: { value_krw: { strategy: 'median' }, quantity: { value: 1 } } },
    },
    { id: 'unit', type: 'prep.derive', params: { column: 'unit_krw', expression: 'round(value_krw / quantity, 2)' } },
    { id: 'typed', type: 'prep.cast', params: { columns: { quantity: 'INTEGER' } } },
    { id: 'with_co', type: 'prep.join', params: { how: 'left', on: [{ left: 'importer_id', right: 'company_id' }] } },
    {
      id: 'by_region',
      type: 'prep.aggregate',
      params: {
        groupBy: ['region'],
        measures: [
          { fn: 'count', as: 'n' },
          { fn: 'sum', column: 'value_krw', as: 'total_krw' },
          { fn: 'median', column: 'unit_krw', as: 'median_unit' },
          { fn: 'count_distinct', column: 'hs6', as: 'hs' },
          { fn: 'min', column: 'declared_on', as: 'first_day' },
        ],
      },
    },
    { id: 'ranked', type: 'prep.sort', params: { by: [{ column: 'total_krw', desc: true }] } },
    {
      id: 'labels',
      type: 'sql',
      params: { query: "SELECT coalesce(region, '미상') AS 지역, n, total_krw FROM ranked" },
    },
  ],
  edges: [
    { source: 'decl', target: 'unique' },
    { source: 'unique', target: 'recent' },
    { source: 'recent', target: 'filled' },
    { source: 'filled', target: 'unit' },
    { source: 'unit', target: 'typed' },
    { source: 'typed', target: 'with_co', targetPort: 'left' },
    { source: 'companies', target: 'with_co', targetPort: 'right' },
    { source: 'with_co', target: 'by_region' },
    { source: 'by_region', target: 'ranked' },
    { source: 'ranked', target: 'labels' },
  ],
};

let dir: string;
const engines: Engine[] = [];

async function runOn(engine: Engine): Promise<Record<string, Row[]>> {
  engines.push(engine);
  const v = validatePipeline(pipeline, registry);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: dir, engine }));
  const result = await runtime.run(v.pipeline, { targets: ['with_co', 'ranked', 'labels'] });
  expect(result.nodes.filter((n) => n.state !== 'done')).toEqual([]);
  const out: Record<string, Row[]> = {};
  for (const [id, relation] of result.relations) {
    out[id] = (await engine.query(`SELECT * FROM ${relation} ORDER BY ALL`)).rows;
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'engines-agree-'));
  await writeFile(path.join(dir, 'decl.csv'), DECLARATIONS);
  await writeFile(path.join(dir, 'companies.csv'), COMPANIES);
});
afterAll(async () => {
  for (const e of engines) await e.close();
});

describe('the same pipeline on DuckDB native and DuckDB-WASM', () => {
  it('gives the same rows, and the rows worked out by hand', async () => {
    const native = await runOn(await DuckDBNodeEngine.create());
    const wasm = await runOn(await createWasmEngineForNode());
    expect(wasm).toEqual(native);
    // D005 duplicates D002; D003's missing value takes the median of the other four (1,200,000.5; 350,000;
    // 980,000.25; 2,500,000 → 1,090,000.375, unit 272,500.09); D006's quantity becomes 1; C04 has no company.
    expect(native.ranked).toEqual([
      { region: '부산', n: 1, total_krw: 350000, median_unit: 35000, hs: 1, first_day: '2024-01-05' },
      {
        region: '서울',
        n: 2,
        total_krw: 2290000.875,
        median_unit: expect.closeTo(436250.17, 6),
        hs: 2,
        first_day: '2024-01-05',
      },
      { region: '인천', n: 1, total_krw: 980000.25, median_unit: 9800, hs: 1, first_day: '2024-02-29' },
      { region: null, n: 1, total_krw: 2500000, median_unit: 2500000, hs: 1, first_day: '2024-03-15' },
    ]);
    expect(native.labels).toContainEqual({ 지역: '미상', n: 1, total_krw: 2500000 });
    expect(native.with_co).toHaveLength(5);
  });
});
