import { describe, expect, it } from 'vitest';
import { registry } from '../../../nodes/index.ts';
import type { NodeStatus } from '../../../runtime/execute/events.ts';
import { createAnalyzer } from './analysis/create-analyzer.ts';
import { emptyDoc } from './doc/empty-doc.ts';
import { createStudioStore } from './store.ts';

const analyzer = createAnalyzer(registry);
const DECL = [
  { name: 'hs6', type: 'VARCHAR' },
  { name: 'value', type: 'BIGINT' },
];

function studio() {
  const store = createStudioStore({ analyzer });
  const s = () => store.getState();
  s().dispatch('add-node', { type: 'source.file', id: 'decl', params: { path: 'd.csv', format: 'csv' } });
  return { store, s };
}

function done(nodeId: string, extra: Partial<NodeStatus> = {}): NodeStatus {
  return { nodeId, state: 'done', rows: 3, ms: 5, cached: false, warnings: [], ...extra };
}

describe('studio store: history', () => {
  it('undoes and redoes every edit, and a new edit drops the redo stack', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    s().dispatch('update-params', { id: 'f', params: { where: 'value > 1' } });
    expect(s().doc.nodes).toHaveLength(2);
    expect(s().undo()).toBe(true);
    expect(s().doc.nodes[1]!.params).toEqual({});
    expect(s().undo()).toBe(true);
    expect(s().doc.nodes).toHaveLength(1);
    expect(s().doc.edges).toHaveLength(0);
    expect(s().redo()).toBe(true);
    expect(s().doc.edges).toHaveLength(1);
    s().dispatch('rename-node', { id: 'f', label: 'big' });
    expect(s().redo()).toBe(false);
    expect(s().history.future).toHaveLength(0);
  });

  it('squashes a drag into one step and starts a new one after closeStep', () => {
    const { s } = studio();
    const before = s().doc.nodes[0]!.position;
    for (let x = 1; x <= 20; x++)
      s().dispatch('move-nodes', { positions: { decl: { x, y: x } } }, { squash: 'drag:1' });
    expect(s().history.past).toHaveLength(2);
    s().closeStep();
    s().dispatch('move-nodes', { positions: { decl: { x: 50, y: 50 } } }, { squash: 'drag:1' });
    expect(s().history.past).toHaveLength(3);
    s().undo();
    expect(s().doc.nodes[0]!.position).toEqual({ x: 20, y: 20 });
    s().undo();
    expect(s().doc.nodes[0]!.position).toEqual(before);
  });

  it('makes load a fresh start: no undo step, history cleared', () => {
    const { s } = studio();
    const doc = { ...emptyDoc('other'), nodes: [{ id: 'x', type: 'prep.filter', params: {} }] };
    s().load(doc);
    expect(s().doc.name).toBe('other');
    expect(s().undo()).toBe(false);
  });

  it('deletes a wired node with its edges as one step: one undo brings both back', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    s().dispatch('add-node', { type: 'prep.sort', id: 'o', after: { source: 'f' } });
    expect(s().doc.edges).toHaveLength(2);
    const steps = s().history.past.length;
    // React Flow hands over the node and both of its edges (decl→f, f→o) together.
    s().dispatch('remove-nodes', {
      ids: ['f'],
      edges: [
        { source: 'decl', target: 'f' },
        { source: 'f', target: 'o' },
      ],
    });
    expect(s().doc.nodes.map((n) => n.id)).toEqual(['decl', 'o']);
    expect(s().doc.edges).toEqual([]);
    expect(s().history.past).toHaveLength(steps + 1);
    expect(s().undo()).toBe(true);
    expect(s().doc.nodes.map((n) => n.id)).toEqual(['decl', 'f', 'o']);
    expect(s().doc.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['decl->f', 'f->o']);
  });

  it('removes selected edges that touch no removed node in the same step', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    s().dispatch('add-node', { type: 'prep.sort', id: 'o', position: { x: 500, y: 0 } });
    s().dispatch('connect', { source: 'f', target: 'o' });
    const steps = s().history.past.length;
    s().dispatch('remove-nodes', { ids: ['o'], edges: [{ source: 'decl', target: 'f' }] });
    expect(s().doc.edges).toEqual([]);
    expect(s().history.past).toHaveLength(steps + 1);
  });

  it('prunes the selection and the inspected node when undo or redo removes them', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    s().select(['decl', 'f']);
    s().inspect('f');
    s().undo(); // the filter is gone again
    expect(s().selection).toEqual(['decl']);
    expect(s().inspected).toBeUndefined();
    s().redo();
    s().select(['f']);
    s().inspect('f');
    s().dispatch('remove-nodes', { ids: ['decl'] });
    s().select(['f']);
    s().undo(); // decl is back, f still there: nothing to prune
    expect(s().selection).toEqual(['f']);
    expect(s().inspected).toBe('f');
    s().select(['decl']);
    s().inspect('decl');
    s().redo(); // decl removed again
    expect(s().selection).toEqual([]);
    expect(s().inspected).toBeUndefined();
  });

  it('reports a refused edit without changing anything', () => {
    const { s } = studio();
    const revision = s().revision;
    const r = s().dispatch('connect', { source: 'decl', target: 'decl' });
    expect(r.ok).toBe(false);
    expect(s().notice?.kind).toBe('refused');
    expect(s().revision).toBe(revision);
    expect(s().history.past).toHaveLength(1);
  });

  it('checks an edit without making it', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    const revision = s().revision;
    expect(s().check('connect', { source: 'f', target: 'decl' })).toMatchObject({ ok: false });
    expect(s().check('connect', { source: 'decl', target: 'f' })).toEqual({ ok: true });
    expect(s().revision).toBe(revision);
    expect(s().notice).toBeUndefined();
  });

  it('edits without an undo step when capture is never', () => {
    const { s } = studio();
    s().dispatch('rename-pipeline', { name: 'remote' }, { capture: 'never' });
    expect(s().doc.name).toBe('remote');
    expect(s().history.past).toHaveLength(1);
  });
});

describe('studio store: analysis and node states', () => {
  it('flags half-configured nodes and blocks what follows, keeping the rest runnable', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    s().dispatch('add-node', { type: 'prep.aggregate', id: 'agg', after: { source: 'f' } });
    const a = s().analysis;
    expect(a.issuesByNode.f?.[0]?.code).toBe('invalid_param');
    expect(a.blocked).toEqual({ f: 'f', agg: 'f' });
    expect([...a.runnable!.nodes.keys()]).toEqual(['decl']);
    expect(s().nodeRuns).toMatchObject({
      decl: { state: 'stale' },
      f: { state: 'invalid' },
      agg: { state: 'invalid' },
    });
  });

  it('propagates schemas once the source has run, and names the param that does not fit', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' } });
    s().dispatch('add-node', { type: 'prep.aggregate', id: 'agg', after: { source: 'f' } });
    expect(s().analysis.inputSchemas.f?.in).toEqual([undefined]);
    s().runStarted(1);
    s().nodeStarted('decl');
    expect(s().nodeRuns.decl?.state).toBe('running');
    s().nodeEnded(done('decl', { rows: 20000, schema: DECL }), s().analysis.signatures.decl!);
    expect(s().nodeRuns.decl).toMatchObject({ state: 'done', rows: 20000 });
    expect(s().analysis.inputSchemas.f?.in).toEqual([DECL]);
    s().dispatch('update-params', { id: 'f', params: { rules: [{ column: 'nope', op: 'is_null' }] } });
    s().dispatch('update-params', { id: 'agg', params: { groupBy: ['hs6'], measures: [{ fn: 'count', as: 'n' }] } });
    expect(s().analysis.issuesByNode.f?.[0]).toMatchObject({ code: 'schema', param: 'rules.0.column' });
    s().dispatch('update-params', { id: 'f', set: { 'rules.0.column': 'value', 'rules.0.op': 'not_null' } });
    expect(s().analysis.issuesByNode.f).toBeUndefined();
    expect(s().analysis.schemas.agg).toEqual([
      { name: 'hs6', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
    ]);
  });

  it('marks a node and what follows stale when it changes, but not when it moves', () => {
    const { s } = studio();
    s().dispatch('add-node', { type: 'prep.filter', id: 'f', after: { source: 'decl' }, params: { where: 'true' } });
    for (const id of ['decl', 'f']) s().nodeEnded(done(id), s().analysis.signatures[id]!);
    s().runEnded(10);
    expect(s().nodeRuns.f?.state).toBe('done');
    s().dispatch('move-nodes', { positions: { decl: { x: 5, y: 5 } } });
    expect(s().nodeRuns.decl?.state).toBe('done');
    s().dispatch('update-params', { id: 'decl', set: { 'options.encoding': 'cp949' } });
    expect(s().nodeRuns).toMatchObject({ decl: { state: 'stale' }, f: { state: 'stale' } });
    s().undo();
    expect(s().nodeRuns).toMatchObject({ decl: { state: 'done' }, f: { state: 'done' } });
  });

  it('keeps errors with their node and message', () => {
    const { s } = studio();
    const error = Object.assign(new Error('File not found'), { nodeId: 'decl', phase: 'execute', param: 'path' });
    s().nodeEnded(
      done('decl', { state: 'error', rows: null, error: error as NodeStatus['error'] }),
      s().analysis.signatures.decl!,
    );
    expect(s().nodeRuns.decl).toMatchObject({ state: 'error', message: 'File not found', param: 'path' });
  });

  it('drops removed nodes from the selection and the inspector', () => {
    const { s } = studio();
    s().select(['decl']);
    s().inspect('decl');
    s().dispatch('remove-nodes', { ids: ['decl'] });
    expect(s().selection).toEqual([]);
    expect(s().inspected).toBeUndefined();
  });
});

describe('studio store: inspection', () => {
  it('keeps the inspection object while the result is the same, so the grid does not reload', () => {
    const { s } = studio();
    const first = { nodeId: 'decl', signature: 'a', relation: '"src_1"', rows: 3, ms: 10 };
    s().setInspection(first);
    s().setInspection({ ...first, ms: 2 });
    expect(s().inspection).toBe(first);
    s().setInspection({ ...first, relation: '"src_2"' });
    expect(s().inspection?.relation).toBe('"src_2"');
  });
});

describe('studio store: presentation edits', () => {
  it('does not re-analyze for moves, labels and the pipeline name', () => {
    const { s } = studio();
    const analysis = s().analysis;
    s().dispatch('move-nodes', { positions: { decl: { x: 9, y: 9 } } });
    s().dispatch('rename-node', { id: 'decl', label: 'x' });
    s().dispatch('rename-pipeline', { name: 'y' });
    s().undo();
    expect(s().analysis).toBe(analysis);
    s().dispatch('update-params', { id: 'decl', set: { 'options.encoding': 'cp949' } });
    expect(s().analysis).not.toBe(analysis);
  });
});
