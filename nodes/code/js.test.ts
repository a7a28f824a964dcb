import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { PipelineRuntime } from '../../runtime/execute/runtime.ts';
import { createNodeSandbox } from '../../runtime/sandbox/node-sandbox.ts';
import type { FileAccess } from '../../runtime/sources/file-access.ts';
import { doc, resolve, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';
import { inferColumnType } from './infer-columns.ts';

const DECL = values(
  ['id:INTEGER', 'origin', 'value:DOUBLE'],
  [
    [1, 'CN', 100],
    [2, 'VN', 250],
    [3, 'CN', 300],
    [4, 'US', 50],
  ],
);
const RATES = values(
  ['origin', 'rate:DOUBLE'],
  [
    ['CN', 0.125],
    ['VN', 0.5],
  ],
);

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const runtime = () => new PipelineRuntime(engine, {} as FileAccess, { sandbox: createNodeSandbox() });

describe('code.js', () => {
  it('runs between SQL nodes over two inputs, output types inferred', async () => {
    const code = [
      'return inputs.big',
      '  .join(inputs.rates, "origin")',
      '  .derive({ duty: d => d.value * d.rate, flag: d => d.rate > 0.2, n: d => op.row_number() })',
      '  .select("id", "origin", "duty", "flag", "n");',
    ].join('\n');
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'rates', type: 'test.values', params: RATES },
        { id: 'big', type: 'prep.filter', params: { where: 'value >= 100' } },
        { id: 'js', type: 'code.js', params: { code } },
        { id: 'top', type: 'sql', params: { query: 'SELECT * FROM input WHERE duty > 20 ORDER BY id' } },
      ],
      [
        ['decl', 'big'],
        ['big', 'js'],
        ['rates', 'js'],
        ['js', 'top'],
      ],
    );
    const r = await runtime().run(resolve(d, nodeDefinitions), { targets: ['top', 'js'] });
    expect(r.ok).toBe(true);
    // ≥ 100: 1 CN 100 → 12.5, 2 VN 250 → 125, 3 CN 300 → 37.5; duty > 20 keeps 2 and 3
    const top = await engine.query(`SELECT * FROM ${r.relations.get('top')}`);
    expect(top.rows).toEqual([
      { id: 2, origin: 'VN', duty: 125, flag: true, n: 2 },
      { id: 3, origin: 'CN', duty: 37.5, flag: false, n: 3 },
    ]);
    const js = await engine.describe(`SELECT * FROM ${r.relations.get('js')}`);
    expect(js.map((c) => c.type)).toEqual(['BIGINT', 'VARCHAR', 'DOUBLE', 'BOOLEAN', 'BIGINT']);
  });

  it('shows a runtime error on the node with its line', async () => {
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'js', type: 'code.js', params: { code: 'const t = inputs.input;\nreturn t.nope();' } },
      ],
      [['decl', 'js']],
    );
    const r = await runtime().run(resolve(d, nodeDefinitions));
    expect(r.ok).toBe(false);
    const node = r.nodes.find((n) => n.nodeId === 'js')!;
    expect(node.error?.message).toMatch(/nope.*\(line 2\)/);
    expect(node.error?.param).toBe('code');
  });

  it('infers column types', () => {
    expect(inferColumnType([1, 2, null])).toBe('BIGINT');
    expect(inferColumnType([1, 2.5])).toBe('DOUBLE');
    expect(inferColumnType([new Date(0)])).toBe('TIMESTAMP');
    expect(inferColumnType(['a', 1])).toBe('VARCHAR');
    expect(inferColumnType([true])).toBe('BOOLEAN');
  });
});
