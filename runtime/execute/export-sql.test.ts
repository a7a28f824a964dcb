import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeDefinitions } from '../../nodes/index.ts';
import { validatePipeline } from '../document/validate.ts';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import type { Engine } from '../engine/engine.ts';
import { defineNode, type NodeDefinition } from '../nodes/define-node.ts';
import { createRegistry } from '../nodes/registry.ts';
import type { Row } from '../schema/types.ts';
import { NodeFileAccess } from '../sources/node-file-access.ts';
import { exportSql, exportSqlStatements } from './export-sql.ts';
import { PipelineRuntime } from './runtime.ts';

const DECLARATIONS = `declaration_id,declared_on,importer,hs6,value_krw,quantity
D001,2024.01.05,(주)한빛무역,010121,1200000.50,2
D002,2024.01.05,㈜한빛무역,851712,350000,10
D003,2024.02.11,한빛무역 주식회사,851712,,4
D004,2024.02.29,바다 상사,220300,980000.25,100
D005,2024.03.01,바다상사,851712,350000,10
D006,2024.03.15,초록물산,030389,2500000,
D007,2023.12.30,"Hanbit Trading Co., Ltd.",010121,10,1
D008,2024.03.20,ragged line
`;
const COMPANIES = `company_id,name,region
C01,한빛무역,서울
C02,바다상사(유),부산
C03,초록 물산,인천
`;

/** Seven nodes: two CSV sources, filter, cluster-and-edit, fuzzy join, aggregate, free SQL, and a sink. */
const pipeline = {
  format: 'customs-studio/pipeline',
  version: 1,
  name: '업체별 신고 (export test)',
  parameters: [{ name: 'since', type: 'date', default: '2024-01-01' }],
  nodes: [
    { id: 'decl', type: 'source.file', params: { path: 'decl.csv', format: 'csv' }, label: '수입 신고' },
    { id: 'companies', type: 'source.file', params: { path: 'companies.csv', format: 'csv' } },
    { id: 'recent', type: 'prep.filter', params: { where: 'declared_on >= {{since}}' }, label: '최근 신고' },
    {
      id: 'clean',
      type: 'prep.cluster_edit',
      params: {
        column: 'importer',
        method: 'company',
        mapping: [{ from: '㈜한빛무역', to: '(주)한빛무역' }],
        applyKeys: true,
      },
      label: '업체명 정리',
    },
    {
      id: 'matched',
      type: 'prep.fuzzy_join',
      params: { how: 'left', threshold: 0.8, keys: [{ left: 'importer', right: 'name', normalize: 'company' }] },
    },
    {
      id: 'by_region',
      type: 'prep.aggregate',
      params: {
        groupBy: ['region'],
        measures: [
          { fn: 'count', as: 'n' },
          { fn: 'sum', column: 'value_krw', as: 'total' },
        ],
      },
    },
    {
      id: 'labels',
      type: 'sql',
      params: { query: "SELECT coalesce(region, '미상') AS 지역, n, total FROM by_region ORDER BY total DESC" },
    },
    { id: 'save', type: 'output.file', params: { path: 'out/matched.csv', format: 'csv' } },
  ],
  edges: [
    { source: 'decl', target: 'recent' },
    { source: 'recent', target: 'clean' },
    { source: 'clean', target: 'matched', targetPort: 'left' },
    { source: 'companies', target: 'matched', targetPort: 'right' },
    { source: 'matched', target: 'by_region' },
    { source: 'by_region', target: 'labels' },
    { source: 'matched', target: 'save' },
  ],
};

let dir: string;
const engines: Engine[] = [];
async function engine() {
  const e = await DuckDBNodeEngine.create();
  engines.push(e);
  return e;
}

function resolve(doc: unknown, definitions: readonly NodeDefinition[] = nodeDefinitions) {
  const v = validatePipeline(doc, createRegistry(definitions));
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.pipeline;
}

/** Each statement's rows, sorted, on an engine that has seen nothing but the script. */
async function runScript(statements: string[]): Promise<Row[][]> {
  const e = await engine();
  const out: Row[][] = [];
  for (const s of statements) out.push((await e.query(`SELECT * FROM (${s.replace(/;\s*$/, '')}) ORDER BY ALL`)).rows);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'export-sql-'));
  await writeFile(path.join(dir, 'decl.csv'), DECLARATIONS);
  await writeFile(path.join(dir, 'companies.csv'), COMPANIES);
});
afterAll(async () => {
  for (const e of engines) await e.close();
});

describe('exportSql', () => {
  it('writes a script that gives the rows the runtime gives', async () => {
    const p = resolve(pipeline);
    const runEngine = await engine();
    const runtime = new PipelineRuntime(runEngine, new NodeFileAccess({ baseDir: dir, engine: runEngine }));
    const result = await runtime.run(p, { targets: ['matched', 'labels', 'save'] });
    expect(result.nodes.filter((n) => n.state !== 'done')).toEqual([]);
    const expected: Record<string, Row[]> = {};
    for (const id of ['matched', 'labels']) {
      expected[id] = (await runEngine.query(`SELECT * FROM ${result.relations.get(id)} ORDER BY ALL`)).rows;
    }
    // D007 is before the 2024 cut-off, D008 is a ragged line; every Korean spelling of 한빛무역 becomes (주)한빛무역.
    expect(expected.labels).toEqual([
      { 지역: '부산', n: 2, total: 1330000.25 },
      { 지역: '서울', n: 3, total: 1550000.5 },
      { 지역: '인천', n: 1, total: 2500000 },
    ]);

    const exportEngine = await engine();
    const files = new NodeFileAccess({ baseDir: dir, engine: exportEngine });
    // Default: every leaf; the sink "save" stands for the node it writes, "matched".
    const statements = await exportSqlStatements(exportEngine, p, files);
    expect(statements).toHaveLength(2);
    expect(await runScript(statements)).toEqual([expected.matched, expected.labels]);
    // The scratch tables the sources were loaded into for their columns are gone.
    expect((await exportEngine.query('SELECT count(*) AS n FROM duckdb_tables()')).rows).toEqual([{ n: 0 }]);

    const script = await exportSql(exportEngine, p, files, 'labels');
    expect(script).toContain(
      "-- 업체별 신고 (export test): exported from Customs Analysis Studio as DuckDB SQL\n-- parameters: since = '2024-01-01'",
    );
    expect(script).toContain(
      '-- decl · source.file · 수입 신고\n-- note: 1 line skipped: line 9 has 3 fields where 6 were expected\n"decl" AS (\n  SELECT * FROM read_csv(',
    );
    // HS codes keep their leading zeros: the column types are pinned to what the loader kept.
    expect(script).toContain("'hs6': 'VARCHAR'");
    expect(script).toContain("dateformat='%Y.%m.%d'");
    expect(script).toContain('-- clean · prep.cluster_edit · 업체명 정리\n"clean" AS (');
    // one block per node, each under its comment, in dependency order
    expect([...script.matchAll(/^-- .*\n"([a-z_]+)" AS \($/gm)].map((m) => m[1])).toEqual([
      'decl',
      'recent',
      'clean',
      'companies',
      'matched',
      'by_region',
      'labels',
    ]);
    expect(script.trimEnd().endsWith('SELECT * FROM "labels";')).toBe(true);
    const [labels] = await runScript([script.slice(script.indexOf('WITH'))]);
    expect(labels).toEqual(expected.labels);
  });

  it('exports up to a node, and notes the sink that writes it', async () => {
    const e = await engine();
    const statements = await exportSqlStatements(
      e,
      resolve(pipeline),
      new NodeFileAccess({ baseDir: dir, engine: e }),
      'save',
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^-- result of "matched"\n-- "save" \(output\.file\) writes this result out\nWITH/);
    expect(statements[0]).not.toContain('"by_region" AS');
    const [rows] = await runScript(statements);
    // D001–D006 from 2024 (D007 is older): 6 rows, each with its best company or none
    expect(rows!.map((r) => [r.declaration_id, r.company_id])).toEqual([
      ['D001', 'C01'],
      ['D002', 'C01'],
      ['D003', 'C01'],
      ['D004', 'C02'],
      ['D005', 'C02'],
      ['D006', 'C03'],
    ]);
  });

  it('leaves a placeholder with the columns for XLSX and CP949 sources', async () => {
    await writeFile(
      path.join(dir, 'cp949.csv'),
      Buffer.from('69642c6e616d650a312cc7d1bafbb9abbfaa0a322cb9d9b4d9bbf3bbe70a', 'hex'),
    );
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('업체');
    sheet.addRow(['id', 'name']);
    sheet.addRow([1, '한빛무역']);
    await writeFile(path.join(dir, 'book.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const doc = {
      format: 'customs-studio/pipeline',
      version: 1,
      name: 'placeholders',
      nodes: [
        { id: 'legacy', type: 'source.file', params: { path: 'cp949.csv', format: 'csv' } },
        { id: 'book', type: 'source.file', params: { path: 'book.xlsx', format: 'xlsx' } },
        { id: 'both', type: 'prep.union', params: {} },
      ],
      edges: [
        { source: 'legacy', target: 'both' },
        { source: 'book', target: 'both' },
      ],
    };
    const e = await engine();
    const script = await exportSql(e, resolve(doc), new NodeFileAccess({ baseDir: dir, engine: e }));
    expect(script).toContain(
      '-- cannot be expressed in SQL: "cp949.csv" is CP949 (EUC-KR) text and DuckDB reads only UTF-8; convert it (e.g. iconv -f cp949 -t utf-8) and read the copy',
    );
    expect(script).toContain(
      '"legacy" AS (\n  SELECT CAST(NULL AS BIGINT) AS "id", CAST(NULL AS VARCHAR) AS "name" WHERE false\n)',
    );
    expect(script).toContain(
      '-- cannot be expressed in SQL: "book.xlsx" is an Excel file, which the studio reads itself; save the sheet as CSV',
    );
    const [rows] = await runScript([script.slice(script.indexOf('WITH'))]);
    expect(rows).toEqual([]);
  });

  it('gives each extra output port its own CTE', async () => {
    const split = defineNode({
      type: 'test.split',
      version: 1,
      kind: 'sql',
      category: 'prep',
      label: { ko: '나누기', en: 'Split' },
      description: { ko: '', en: '' },
      inputs: [{ name: 'in', label: { ko: '입력', en: 'In' } }],
      outputs: [
        { name: 'yes', label: { ko: '예', en: 'Yes' } },
        { name: 'no', label: { ko: '아니오', en: 'No' } },
      ],
      params: z.object({ when: z.string() }).strict(),
      outputSchema: ({ inputs }) => [...inputs.in![0]!, { name: '_hit', type: 'BOOLEAN' }],
      toSql: ({ inputs, params }) => `SELECT *, (${params.when}) AS _hit FROM ${inputs.in![0]}`,
      outputPorts: {
        yes: {
          schema: (s) => s.filter((c) => c.name !== '_hit'),
          sql: (self) => `SELECT * EXCLUDE (_hit) FROM ${self} WHERE _hit`,
        },
        no: {
          schema: (s) => s.filter((c) => c.name !== '_hit'),
          sql: (self) => `SELECT * EXCLUDE (_hit) FROM ${self} WHERE NOT _hit`,
        },
      },
    });
    const doc = {
      format: 'customs-studio/pipeline',
      version: 1,
      name: 'ports',
      nodes: [
        { id: 'companies', type: 'source.file', params: { path: 'companies.csv', format: 'csv' } },
        { id: 'seoul', type: 'test.split', params: { when: "region = '서울'" } },
        { id: 'others', type: 'sql', params: { query: 'SELECT company_id FROM seoul_no' } },
      ],
      edges: [
        { source: 'companies', target: 'seoul' },
        { source: 'seoul', sourcePort: 'no', target: 'others' },
      ],
    };
    const e = await engine();
    const statements = await exportSqlStatements(
      e,
      resolve(doc, [...nodeDefinitions, split as NodeDefinition]),
      new NodeFileAccess({ baseDir: dir, engine: e }),
    );
    expect(statements[0]).toContain(
      '-- seoul · output "no"\n"seoul__no" AS (\n  SELECT * EXCLUDE (_hit) FROM "seoul" WHERE NOT _hit\n)',
    );
    expect(await runScript(statements)).toEqual([[{ company_id: 'C02' }, { company_id: 'C03' }]]);
  });

  it('does not indent a block whose quoted text spans lines', async () => {
    const doc = {
      format: 'customs-studio/pipeline',
      version: 1,
      name: 'multi-line text',
      nodes: [
        { id: 'companies', type: 'source.file', params: { path: 'companies.csv', format: 'csv' } },
        { id: 'memo', type: 'prep.derive', params: { column: 'memo', expression: "name || '\n  확인'" } },
      ],
      edges: [{ source: 'companies', target: 'memo' }],
    };
    const e = await engine();
    const statements = await exportSqlStatements(e, resolve(doc), new NodeFileAccess({ baseDir: dir, engine: e }));
    expect(statements[0]).toContain('"memo" AS (\nSELECT *, (\nname ||');
    const [rows] = await runScript(statements);
    // rows sorted by company_id: C01, C02, C03
    expect(rows!.map((r) => r.memo)).toEqual(['한빛무역\n  확인', '바다상사(유)\n  확인', '초록 물산\n  확인']);
  });

  it('exports a pipeline over Parquet and JSON sources (a Parquet source is a view, not a table)', async () => {
    const e = await engine();
    await e.exec(
      `COPY (SELECT * FROM (VALUES ('C01', 100.5), ('C02', 20.0), ('C01', 30.0)) t(company_id, value)) TO '${path.join(dir, 'values.parquet')}' (FORMAT parquet)`,
    );
    await writeFile(
      path.join(dir, 'regions.json'),
      JSON.stringify([
        { company_id: 'C01', region: '서울' },
        { company_id: 'C02', region: '부산' },
      ]),
    );
    const doc = {
      format: 'customs-studio/pipeline',
      version: 1,
      name: 'parquet',
      nodes: [
        { id: 'values', type: 'source.file', params: { path: 'values.parquet', format: 'parquet' } },
        { id: 'regions', type: 'source.file', params: { path: 'regions.json', format: 'json' } },
        {
          id: 'joined',
          type: 'prep.join',
          params: { how: 'inner', on: [{ left: 'company_id', right: 'company_id' }] },
        },
        {
          id: 'by_region',
          type: 'prep.aggregate',
          params: { groupBy: ['region'], measures: [{ fn: 'sum', column: 'value', as: 'total' }] },
        },
      ],
      edges: [
        { source: 'values', target: 'joined', targetPort: 'left' },
        { source: 'regions', target: 'joined', targetPort: 'right' },
        { source: 'joined', target: 'by_region' },
      ],
    };
    const statements = await exportSqlStatements(e, resolve(doc), new NodeFileAccess({ baseDir: dir, engine: e }));
    expect(statements[0]).toContain('read_parquet(');
    // C01: 100.5 + 30 in 서울, C02: 20 in 부산
    expect(await runScript(statements)).toEqual([
      [
        { region: '부산', total: 20 },
        { region: '서울', total: 130.5 },
      ],
    ]);
    // nothing left behind in the engine the export used
    expect((await e.query('SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE NOT internal')).rows).toEqual([
      { n: 0 },
    ]);
  });

  it('names the node whose params do not fit', async () => {
    const doc = structuredClone(pipeline);
    (doc.nodes[3] as { params: unknown }).params = { column: 'importer_name' };
    const e = await engine();
    await expect(
      exportSql(e, resolve(doc), new NodeFileAccess({ baseDir: dir, engine: e }), 'clean'),
    ).rejects.toMatchObject({
      nodeId: 'clean',
      param: 'column',
    });
    await expect(
      exportSql(e, resolve(pipeline), new NodeFileAccess({ baseDir: dir, engine: e }), 'nope'),
    ).rejects.toThrow('no node "nope" in this pipeline');
  });
});
