import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeDefinitions } from '../../nodes/index.ts';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import type { Engine } from '../engine/engine.ts';
import { defineNode } from '../nodes/define-node.ts';
import { doc, resolve, runtimeFor, values } from '../testing/harness.ts';
import type { RunEvent } from './events.ts';

const DECL = values(
  ['id:INTEGER', 'origin', 'value:DOUBLE', 'code'],
  [
    [1, 'CN', 100, '10'],
    [2, 'VN', 250, '20'],
    [3, 'CN', 300, 'x'],
    [4, 'US', 50, '40'],
  ],
);

function chain(sortDesc = true, label = 'sorted') {
  return doc(
    [
      { id: 'decl', type: 'test.values', params: DECL },
      { id: 'big', type: 'prep.filter', params: { where: 'value >= 100' } },
      { id: 'krw', type: 'prep.derive', params: { column: 'krw', expression: 'value * 1300' } },
      {
        id: 'by_origin',
        type: 'prep.aggregate',
        params: { groupBy: ['origin'], measures: [{ fn: 'sum', column: 'krw', as: 'krw' }] },
      },
      { id: 'top', type: 'prep.sort', params: { by: [{ column: 'krw', desc: sortDesc }] }, label },
    ],
    [
      ['decl', 'big'],
      ['big', 'krw'],
      ['krw', 'by_origin'],
      ['by_origin', 'top'],
    ],
  );
}

/** Counts the statements that computed data, to see what a run really executed. */
function counting(engine: Engine) {
  const created: string[] = [];
  const wrapped: Engine = Object.create(engine);
  wrapped.exec = (sql, o) => {
    const m = /CREATE OR REPLACE TABLE "(\w+)"/.exec(sql);
    if (m) created.push(m[1]!);
    return engine.exec(sql, o);
  };
  wrapped.createTable = (...a) => {
    created.push(a[0]);
    return engine.createTable(...a);
  };
  return { engine: wrapped, created };
}

let base: Engine;
beforeAll(async () => {
  base = await DuckDBNodeEngine.create();
});
afterAll(() => base.close());

describe('planner: fusion and materialization', () => {
  it('fuses a chain into one query and keeps tables only at the aggregate and the target', async () => {
    const { engine, created } = counting(base);
    const result = await runtimeFor(engine, nodeDefinitions).run(resolve(chain(), nodeDefinitions));
    expect(result.ok).toBe(true);
    expect(result.nodes.map((n) => [n.nodeId, n.rows, n.fusedInto ?? null])).toEqual([
      ['decl', 4, null],
      ['big', null, 'by_origin'],
      ['krw', null, 'by_origin'],
      ['by_origin', 2, null],
      ['top', 2, null],
    ]);
    // source table, one fused query for filter+derive+aggregate, one for the sort
    expect(created).toHaveLength(3);
    const rows = await base.query(`SELECT * FROM ${result.relations.get('top')}`);
    expect(rows.rows).toEqual([
      { origin: 'CN', krw: 520000 },
      { origin: 'VN', krw: 325000 },
    ]);
  });

  it('keeps a fan-out node as a table read by both branches', async () => {
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'big', type: 'prep.filter', params: { where: 'value >= 100' } },
        { id: 'a', type: 'prep.select', params: { columns: [{ name: 'id' }] } },
        { id: 'b', type: 'prep.aggregate', params: { measures: [{ fn: 'count', as: 'n' }] } },
      ],
      [
        ['decl', 'big'],
        ['big', 'a'],
        ['big', 'b'],
      ],
    );
    const result = await runtimeFor(base, nodeDefinitions).run(resolve(d, nodeDefinitions));
    expect(result.nodes.find((n) => n.nodeId === 'big')).toMatchObject({ rows: 3 });
    expect(result.nodes.find((n) => n.nodeId === 'big')!.fusedInto).toBeUndefined();
    expect(result.nodes.find((n) => n.nodeId === 'b')).toMatchObject({ rows: 1 });
  });

  it('previews with a LIMIT and fills schemas the declaration could not know', async () => {
    const runtime = runtimeFor(base, nodeDefinitions);
    const p = resolve(chain(), nodeDefinitions);
    const preview = await runtime.preview(p, 'krw', { limit: 2 });
    expect(preview.rows).toEqual([
      { id: 1, origin: 'CN', value: 100, code: '10', krw: 130000 },
      { id: 2, origin: 'VN', value: 250, code: '20', krw: 325000 },
    ]);
    expect(preview.columns.at(-1)).toEqual({ name: 'krw', type: 'DOUBLE' });
  });
});

describe('preview into a table', () => {
  it('writes the first rows of a sorted node without storing the node, and reuses its table once kept', async () => {
    const { engine, created } = counting(base);
    const runtime = runtimeFor(engine, nodeDefinitions);
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'krw', type: 'prep.derive', params: { column: 'krw', expression: 'value * 1300' } },
        { id: 'top', type: 'prep.sort', params: { by: [{ column: 'krw', desc: true }] } },
      ],
      [
        ['decl', 'krw'],
        ['krw', 'top'],
      ],
    );
    const p = resolve(d, nodeDefinitions);
    const first = await runtime.previewInto(p, 'top', '__preview', { limit: 2 });
    // krw = value * 1300: 300 → 390000 (id 3), 250 → 325000 (id 2) are the two largest
    expect(first.rows).toBe(2);
    const rows = await base.query(`SELECT id, krw FROM ${first.relation}`);
    expect(rows.rows).toEqual([
      { id: 3, krw: 390000 },
      { id: 2, krw: 325000 },
    ]);
    expect(first.table.rows.map((r) => r.id)).toEqual([3, 2]);
    expect(first.table.columns.at(-1)).toEqual({ name: 'krw', type: 'DOUBLE' });
    expect(created).toEqual([expect.stringMatching(/^src_/)]); // the source only: the sort is not stored

    const full = await runtime.run(p, { targets: ['top'] });
    expect(full.nodes.find((n) => n.nodeId === 'top')).toMatchObject({ rows: 4, cached: false });
    created.length = 0;
    const events: RunEvent[] = [];
    const again = await runtime.previewInto(p, 'top', '__preview', { limit: 10, onEvent: (e) => events.push(e) });
    expect(again.rows).toBe(4);
    expect(created).toEqual([]);
    const top = events.find((e) => e.type === 'node-end' && e.status.nodeId === 'top');
    expect(top).toMatchObject({ status: { state: 'done', rows: 4, cached: true } });
  });

  it('describes a node whose columns its declaration cannot know once per content key', async () => {
    const described: string[] = [];
    const engine: Engine = Object.create(base);
    engine.describe = (sql: string) => {
      described.push(sql);
      return base.describe(sql);
    };
    const runtime = runtimeFor(engine, nodeDefinitions);
    const d = (where: string) =>
      doc(
        [
          { id: 'decl', type: 'test.values', params: DECL },
          { id: 'free', type: 'sql', params: { query: 'SELECT id, value * 2 AS v2 FROM input' } },
          { id: 'cut', type: 'prep.filter', params: { where } },
        ],
        [
          ['decl', 'free'],
          ['free', 'cut'],
        ],
      );
    await runtime.previewInto(resolve(d('v2 > 0'), nodeDefinitions), 'cut', '__preview');
    const first = described.length;
    expect(first).toBeGreaterThan(0); // free SQL: DuckDB tells its columns
    await runtime.previewInto(resolve(d('v2 > 300'), nodeDefinitions), 'cut', '__preview');
    // only the edited filter changed; the free SQL node above it is not described again
    expect(described.slice(first).some((sql) => sql.includes('value * 2') && !sql.includes('v2 >'))).toBe(false);
  });

  it('reports the failing node of the previewed chain', async () => {
    const runtime = runtimeFor(base, nodeDefinitions);
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'bad', type: 'prep.derive', params: { column: 'n', expression: 'CAST(code AS INTEGER)' } },
        { id: 'top', type: 'prep.sort', params: { by: [{ column: 'n' }] } },
      ],
      [
        ['decl', 'bad'],
        ['bad', 'top'],
      ],
    );
    const events: RunEvent[] = [];
    const preview = runtime.previewInto(resolve(d, nodeDefinitions), 'top', '__preview', {
      onEvent: (e) => events.push(e),
    });
    await expect(preview).rejects.toThrow(/"bad"/);
    // code 'x' (id 3) cannot be cast: the error is on the derive, not on the sort that was previewed
    const bad = events.find((e) => e.type === 'node-end' && e.status.nodeId === 'bad');
    expect(bad).toMatchObject({ status: { state: 'error' } });
  });
});

describe('cache by content key', () => {
  it('re-runs nothing when nothing changed, and ignores labels and positions', async () => {
    const { engine, created } = counting(base);
    const runtime = runtimeFor(engine, nodeDefinitions);
    await runtime.run(resolve(chain(), nodeDefinitions));
    created.length = 0;
    const again = await runtime.run(resolve(chain(true, 'a new label'), nodeDefinitions));
    expect(created).toEqual([]);
    expect(again.nodes.filter((n) => n.fusedInto === undefined).every((n) => n.cached)).toBe(true);
  });

  it('re-runs only the edited node and what depends on it', async () => {
    const { engine, created } = counting(base);
    const runtime = runtimeFor(engine, nodeDefinitions);
    await runtime.run(resolve(chain(), nodeDefinitions));
    created.length = 0;
    const edited = await runtime.run(resolve(chain(false), nodeDefinitions));
    expect(created).toHaveLength(1);
    expect(edited.nodes.map((n) => [n.nodeId, n.cached])).toEqual([
      ['decl', true],
      ['big', false],
      ['krw', false],
      ['by_origin', true],
      ['top', false],
    ]);
    const rows = await base.query(`SELECT origin FROM ${edited.relations.get('top')}`);
    expect(rows.rows).toEqual([{ origin: 'VN' }, { origin: 'CN' }]);
  });

  it('misses when an upstream param changes', async () => {
    const { engine, created } = counting(base);
    const runtime = runtimeFor(engine, nodeDefinitions);
    await runtime.run(resolve(chain(), nodeDefinitions));
    created.length = 0;
    const d = chain();
    d.nodes[1]!.params = { where: 'value >= 250' };
    const r = await runtime.run(resolve(d, nodeDefinitions));
    expect(created).toHaveLength(2);
    expect(r.nodes.find((n) => n.nodeId === 'top')!.rows).toBe(2);
  });
});

describe('errors stay with their node', () => {
  it('fails one branch and finishes the other', async () => {
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'bad', type: 'prep.derive', params: { column: 'x', expression: 'no_such_column + 1' } },
        { id: 'after', type: 'prep.select', params: { columns: [{ name: 'x' }] } },
        { id: 'good', type: 'prep.aggregate', params: { measures: [{ fn: 'count', as: 'n' }] } },
      ],
      [
        ['decl', 'bad'],
        ['bad', 'after'],
        ['decl', 'good'],
      ],
    );
    const r = await runtimeFor(base, nodeDefinitions).run(resolve(d, nodeDefinitions));
    const by = Object.fromEntries(r.nodes.map((n) => [n.nodeId, n]));
    expect(r.ok).toBe(false);
    expect(by.bad!.state).toBe('error');
    expect(by.bad!.error!.message).toMatch(/no_such_column/);
    expect(by.after!.state).toBe('skipped');
    expect(by.good).toMatchObject({ state: 'done', rows: 1 });
  });

  it('points a failure inside a fused query at the node that caused it', async () => {
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'to_int', type: 'prep.cast', params: { columns: { code: 'INTEGER' }, onError: 'fail' } },
        { id: 'total', type: 'prep.aggregate', params: { measures: [{ fn: 'sum', column: 'code', as: 's' }] } },
      ],
      [
        ['decl', 'to_int'],
        ['to_int', 'total'],
      ],
    );
    const r = await runtimeFor(base, nodeDefinitions).run(resolve(d, nodeDefinitions));
    const by = Object.fromEntries(r.nodes.map((n) => [n.nodeId, n]));
    expect(by.to_int!.state).toBe('error');
    expect(by.to_int!.error!.message).toMatch(/"x"|'x'/);
    expect(by.total!.state).toBe('skipped');
  });

  it('reports a column a param names but the input lacks, before any query', async () => {
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 's', type: 'prep.sort', params: { by: [{ column: 'valeu' }] } },
      ],
      [['decl', 's']],
    );
    const r = await runtimeFor(base, nodeDefinitions).run(resolve(d, nodeDefinitions));
    const s = r.nodes.find((n) => n.nodeId === 's')!;
    expect(s.error).toMatchObject({ phase: 'schema', param: 'by.0.column' });
    expect(s.error!.message).toMatch(/"valeu" is not in the input \(columns: id, origin, value, code\)/);
  });
});

describe('progress and cancellation', () => {
  it('emits a start and an end per node and ends at done = total', async () => {
    const events: RunEvent[] = [];
    await runtimeFor(base, nodeDefinitions).run(resolve(chain(), nodeDefinitions), { onEvent: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'node-end')).toHaveLength(5);
    expect(events.filter((e) => e.type === 'node-start').map((e) => (e as { nodeId: string }).nodeId)).toEqual([
      'decl',
      'big',
      'krw',
      'by_origin',
      'top',
    ]);
    expect(events.at(-1)).toEqual({ type: 'progress', done: 5, total: 5 });
  });

  it('cancels a long query and leaves the engine usable', async () => {
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'slow', type: 'sql', params: { query: 'SELECT sum(range * 2) AS s FROM range(100000000000)' } },
        { id: 'after', type: 'prep.select', params: { columns: [{ name: 's' }] } },
      ],
      [
        ['decl', 'slow'],
        ['slow', 'after'],
      ],
    );
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const running = runtimeFor(base, nodeDefinitions).run(resolve(d, nodeDefinitions), {
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'node-start' && e.nodeId === 'slow') setTimeout(() => controller.abort(), 300);
      },
    });
    const r = await running;
    expect(r.cancelled).toBe(true);
    expect(r.nodes.map((n) => [n.nodeId, n.state])).toEqual([
      ['decl', 'done'],
      ['slow', 'cancelled'],
      ['after', 'cancelled'],
    ]);
    expect((await base.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });
});

/** A two-port node: rows split by a condition into `yes` and `no`. */
const splitter = defineNode({
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

describe('nodes with several output ports', () => {
  it('feeds each port to its own consumers', async () => {
    const defs = [...nodeDefinitions, splitter];
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'cn', type: 'test.split', params: { when: "origin = 'CN'" } },
        { id: 'cn_total', type: 'prep.aggregate', params: { measures: [{ fn: 'sum', column: 'value', as: 's' }] } },
        { id: 'others', type: 'sql', params: { query: 'SELECT id FROM cn_no ORDER BY id' } },
      ],
      [
        ['decl', 'cn'],
        { source: 'cn', sourcePort: 'yes', target: 'cn_total' },
        { source: 'cn', sourcePort: 'no', target: 'others' },
      ],
    );
    const runtime = runtimeFor(base, defs);
    const p = resolve(d, defs);
    const r = await runtime.run(p);
    expect(r.ok).toBe(true);
    expect((await base.query(`SELECT * FROM ${r.relations.get('cn_total')}`)).rows).toEqual([{ s: 400 }]);
    expect((await base.query(`SELECT * FROM ${r.relations.get('others')}`)).rows).toEqual([{ id: 2 }, { id: 4 }]);
    expect(r.nodes.find((n) => n.nodeId === 'cn')!.rows).toBe(4);
  });
});

/** A compute node: ranks values in JS and writes its table back for SQL downstream. */
const jsRank = defineNode({
  type: 'test.js_rank',
  version: 1,
  kind: 'compute',
  category: 'code',
  label: { ko: '순위', en: 'Rank' },
  description: { ko: '', en: '' },
  inputs: [{ name: 'in', label: { ko: '입력', en: 'In' } }],
  outputs: [{ name: 'out', label: { ko: '출력', en: 'Out' } }],
  params: z.object({ column: z.string() }).strict(),
  outputSchema: () => null,
  run: async ({ engine, inputs, params, tableName, progress }) => {
    const r = await engine.query(`SELECT id, ${params.column} AS v FROM ${inputs.in![0]} ORDER BY id`);
    const sorted = [...r.rows].sort((a, b) => Number(b.v) - Number(a.v));
    progress(0.5);
    await engine.createTable(
      tableName,
      [
        { name: 'id', type: 'INTEGER' },
        { name: 'rank', type: 'INTEGER' },
      ],
      [sorted.map((x) => x.id), sorted.map((_, i) => i + 1)],
    );
    return {};
  },
});

describe('compute nodes', () => {
  it('run in JS between SQL nodes, report progress, and are cached', async () => {
    const defs = [...nodeDefinitions, jsRank];
    const d = doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'big', type: 'prep.filter', params: { where: 'value >= 100' } },
        { id: 'ranked', type: 'test.js_rank', params: { column: 'value' } },
        { id: 'top', type: 'prep.filter', params: { where: 'rank <= 2' } },
      ],
      [
        ['decl', 'big'],
        ['big', 'ranked'],
        ['ranked', 'top'],
      ],
    );
    const runtime = runtimeFor(base, defs);
    const events: RunEvent[] = [];
    const r = await runtime.run(resolve(d, defs), { onEvent: (e) => events.push(e) });
    expect(r.ok).toBe(true);
    // values ≥ 100: id 1 (100), 2 (250), 3 (300) → ranks 3, 2, 1
    expect((await base.query(`SELECT * FROM ${r.relations.get('top')} ORDER BY rank`)).rows).toEqual([
      { id: 3, rank: 1 },
      { id: 2, rank: 2 },
    ]);
    expect(events).toContainEqual({ type: 'node-progress', nodeId: 'ranked', fraction: 0.5 });
    const again = await runtime.run(resolve(d, defs));
    expect(again.nodes.find((n) => n.nodeId === 'ranked')).toMatchObject({ cached: true, rows: 3 });
  });
});
