import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDefinitions } from '../../../nodes/index.ts';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import { PipelineRuntime } from '../../../runtime/execute/runtime.ts';
import type { FileAccess } from '../../../runtime/sources/file-access.ts';
import { testRegistry, values } from '../../../runtime/testing/harness.ts';
import type { Session } from '../engine/session.ts';
import { createAnalyzer } from '../state/analysis/create-analyzer.ts';
import { createStudioStore } from '../state/store.ts';
import type { Inspection } from '../state/store-types.ts';
import { startRunController } from './run-controller.ts';

let engine: DuckDBNodeEngine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const VALUES = values(
  ['hs6:VARCHAR', 'value:INTEGER'],
  [
    ['010121', 5],
    ['010121', 50],
    ['854231', 500],
  ],
);

function setup() {
  const store = createStudioStore({ analyzer: createAnalyzer(testRegistry(nodeDefinitions)) });
  const runtime = new PipelineRuntime(engine, {} as FileAccess);
  let runs = 0;
  const original = runtime.run.bind(runtime);
  runtime.run = (...args) => {
    runs++;
    return original(...args);
  };
  const session = async () => ({ runtime, engine }) as unknown as Session;
  const controller = startRunController(store, session, { debounceMs: 20 });
  return { store, s: store.getState, controller, runs: () => runs };
}

function settled(store: ReturnType<typeof setup>['store']): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const s = store.getState();
      const busy = s.run.active || Object.values(s.nodeRuns).some((r) => r.state === 'stale' || r.state === 'running');
      if (!busy) return resolve();
      setTimeout(check, 10);
    };
    setTimeout(check, 40);
  });
}

describe('run controller', () => {
  it('runs after edits, debounced, and only what changed', async () => {
    const { store, s, controller, runs } = setup();
    s().dispatch('add-node', { type: 'test.values', id: 'v', params: VALUES });
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'v' }, params: { where: 'value > 10' } });
    s().dispatch('add-node', {
      type: 'prep.aggregate',
      id: 'agg',
      after: { source: 'f' },
      params: { groupBy: ['hs6'], measures: [{ fn: 'count', as: 'n' }] },
    });
    await settled(store);
    expect(runs()).toBe(1);
    expect(s().nodeRuns).toMatchObject({ v: { state: 'done', rows: 3 }, agg: { state: 'done', rows: 2 } });
    expect(s().analysis.schemas.agg).toEqual([
      { name: 'hs6', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
    ]);

    s().dispatch('update-params', { id: 'f', params: { where: 'value > 100' } });
    expect(s().nodeRuns).toMatchObject({ v: { state: 'done' }, f: { state: 'stale' }, agg: { state: 'stale' } });
    await settled(store);
    expect(s().nodeRuns.v).toMatchObject({ state: 'done', cached: true });
    expect(s().nodeRuns.agg).toMatchObject({ state: 'done', rows: 1, cached: false });
    controller.dispose();
  });

  it('materializes the inspected node for the grid', async () => {
    const { store, s, controller } = setup();
    s().dispatch('add-node', { type: 'test.values', id: 'v', params: VALUES });
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'v' }, params: { where: 'value > 10' } });
    s().dispatch('add-node', {
      type: 'prep.sort',
      id: 'o',
      after: { source: 'f' },
      params: { by: [{ column: 'value' }] },
    });
    s().inspect('f');
    await settled(store);
    await new Promise((r) => setTimeout(r, 50));
    const inspection = s().inspection!;
    expect(inspection).toMatchObject({ nodeId: 'f', rows: 2 });
    const rows = await engine.query(`SELECT value FROM ${inspection.relation} ORDER BY value`);
    expect(rows.rows).toEqual([{ value: 50 }, { value: 500 }]);
    controller.dispose();
  });

  it('hands the grid a last step that already ran when the officer clicks it afterwards', async () => {
    const { store, s, controller } = setup();
    s().dispatch('add-node', { type: 'test.values', id: 'v', params: VALUES });
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'v' }, params: { where: 'value > 10' } });
    await settled(store);
    expect(s().nodeRuns.f).toMatchObject({ state: 'done', rows: 2 });
    expect(s().inspection).toBeUndefined();
    s().inspect('f');
    await settled(store);
    await new Promise((r) => setTimeout(r, 50));
    expect(s().inspection).toMatchObject({ nodeId: 'f', rows: 2 });
    controller.dispose();
  });

  it('shows the first rows of the inspected node before its full result', async () => {
    const { store, s, controller } = setup();
    const seen: (Inspection | undefined)[] = [];
    store.subscribe((st, prev) => {
      if (st.inspection !== prev.inspection) seen.push(st.inspection);
    });
    s().dispatch('add-node', {
      type: 'sql',
      id: 'gen',
      params: { query: 'SELECT range AS n FROM range(1000)' },
    });
    s().dispatch('add-node', {
      type: 'prep.sort',
      id: 'o',
      after: { source: 'gen' },
      params: { by: [{ column: 'n', desc: true }] },
    });
    s().inspect('o');
    await settled(store);
    await new Promise((r) => setTimeout(r, 50));
    // the preview holds the grid's first window (200 rows) of the sort: 999 down to 800
    const [preview, full] = seen.filter((i) => i !== undefined);
    expect(preview).toMatchObject({ nodeId: 'o', rows: 200, partial: true });
    const first = await engine.query(`SELECT min(n) AS lo, max(n) AS hi FROM ${preview!.relation}`);
    expect(first.rows).toEqual([{ lo: 800, hi: 999 }]);
    expect(preview!.firstRows?.rows.slice(0, 2)).toEqual([{ n: 999 }, { n: 998 }]);
    expect(full).toMatchObject({ nodeId: 'o', rows: 1000 });
    expect(full!.partial).toBeUndefined();
    expect(s().inspection).toBe(full);
    controller.dispose();
  });

  it('cancels the full run of the previous edit when the officer edits again', async () => {
    const { store, s, controller } = setup();
    // 10^10 rows: the preview's LIMIT streams its first rows at once, the full result would never finish
    s().dispatch('add-node', {
      type: 'sql',
      id: 'huge',
      params: { query: 'SELECT a.range * b.range AS x FROM range(100000) a, range(100000) b' },
    });
    s().inspect('huge');
    await new Promise<void>((resolve) => {
      const off = store.subscribe((st) => {
        if (st.inspection?.partial && st.nodeRuns.huge?.state === 'running') {
          off();
          resolve();
        }
      });
    });
    expect(s().inspection).toMatchObject({ nodeId: 'huge', rows: 200 });
    const started = performance.now();
    s().dispatch('update-params', { id: 'huge', params: { query: 'SELECT 42 AS x' } });
    await settled(store);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(s().inspection).toMatchObject({ nodeId: 'huge', rows: 1 });
    expect(s().nodeRuns.huge).toMatchObject({ state: 'done', rows: 1 });
    controller.dispose();
  });

  it('reports an error on the node and keeps the other branch', async () => {
    const { store, s, controller } = setup();
    s().dispatch('add-node', { type: 'test.values', id: 'v', params: VALUES });
    s().dispatch('add-node', { type: 'prep.filter', id: 'bad', after: { source: 'v' }, params: { where: 'nope > 1' } });
    s().dispatch('add-node', { type: 'prep.filter', id: 'ok', after: { source: 'v' }, params: { where: 'value > 1' } });
    await settled(store);
    expect(s().nodeRuns.bad).toMatchObject({ state: 'error' });
    expect(s().nodeRuns.bad?.message).toMatch(/nope/);
    expect(s().nodeRuns.ok).toMatchObject({ state: 'done', rows: 3 });
    controller.dispose();
  });

  it('does not run again an inspected node that failed in its preview, and skips what reads it', async () => {
    const { store, s, controller } = setup();
    s().dispatch('add-node', { type: 'test.values', id: 'v', params: VALUES });
    s().dispatch('add-node', { type: 'prep.filter', id: 'ok', after: { source: 'v' }, params: { where: 'value > 1' } });
    await settled(store);
    const seen: string[] = [];
    const unsubscribe = store.subscribe((state) => {
      const now = state.nodeRuns.bad?.state;
      if (now && now !== seen.at(-1)) seen.push(now);
    });
    s().dispatch('add-node', { type: 'prep.filter', id: 'bad', after: { source: 'v' }, params: { where: 'nope > 1' } });
    s().dispatch('add-node', {
      type: 'prep.sort',
      id: 'later',
      after: { source: 'bad' },
      params: { by: [{ column: 'value' }] },
    });
    s().inspect('bad');
    await settled(store);
    unsubscribe();
    expect(s().nodeRuns.bad).toMatchObject({ state: 'error' });
    expect(seen.filter((state) => state === 'running')).toHaveLength(1);
    expect(seen.at(-1)).toBe('error');
    expect(s().nodeRuns.later).toMatchObject({ state: 'skipped', message: expect.stringMatching(/bad/) });
    expect(s().nodeRuns.ok).toMatchObject({ state: 'done', rows: 3 });
    expect(s().inspection).toBeUndefined();
    controller.dispose();
  });

  it('does not run while auto-run is off, until asked', async () => {
    const { store, s, controller, runs } = setup();
    s().setAutoRun(false);
    s().dispatch('add-node', { type: 'test.values', id: 'v', params: VALUES });
    await new Promise((r) => setTimeout(r, 80));
    expect(runs()).toBe(0);
    controller.runNow();
    await settled(store);
    expect(s().nodeRuns.v).toMatchObject({ state: 'done', rows: 3 });
    controller.dispose();
  });

  it('cancels a long run: its nodes end cancelled and auto-run waits for the next edit', async () => {
    const { store, s, controller, runs } = setup();
    s().dispatch('add-node', {
      type: 'sql',
      id: 'slow',
      params: { query: 'SELECT sum(a.range * b.range) AS s FROM range(100000) a, range(100000) b' },
    });
    await new Promise<void>((resolve) => {
      const off = store.subscribe((st) => {
        if (st.nodeRuns.slow?.state === 'running') {
          off();
          resolve();
        }
      });
    });
    const started = performance.now();
    controller.cancel();
    await settled(store);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(s().nodeRuns.slow?.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 80));
    expect(runs()).toBe(1);
    controller.dispose();
  });
});
