import { describe, expect, it } from 'vitest';
import { registry } from '../../../../nodes/index.ts';
import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import { emptyDoc } from '../doc/empty-doc.ts';
import { performAction } from '../perform-action.ts';
import { ActionRefused } from './define-action.ts';
import type { ActionName, ArgsOf } from './registry.ts';

const ctx = { registry };

function run<N extends ActionName>(doc: PipelineDoc, name: N, args: ArgsOf<N>) {
  return performAction(doc, name, args, ctx);
}

function chain(): PipelineDoc {
  let doc = emptyDoc('t');
  doc = run(doc, 'add-node', { type: 'source.file', idHint: 'decl', params: { path: 'a.csv', format: 'csv' } }).doc;
  doc = run(doc, 'add-node', { type: 'prep.filter', after: { source: 'decl_1' } }).doc;
  return run(doc, 'add-node', { type: 'prep.aggregate', after: { source: 'filter_1' } }).doc;
}

describe('document actions', () => {
  it('adds nodes with fresh ids, connected after another node', () => {
    const doc = chain();
    expect(doc.nodes.map((n) => n.id)).toEqual(['decl_1', 'filter_1', 'aggregate_1']);
    expect(doc.edges).toEqual([
      { source: 'decl_1', target: 'filter_1', sourcePort: 'out', targetPort: 'in' },
      { source: 'filter_1', target: 'aggregate_1', sourcePort: 'out', targetPort: 'in' },
    ]);
    expect(doc.nodes[1]!.position!.x).toBeGreaterThan(doc.nodes[0]!.position!.x);
    expect(run(doc, 'add-node', { type: 'prep.filter' }).result).toBe('filter_2');
  });

  it('refuses unknown types, taken ids and a missing anchor', () => {
    const doc = chain();
    expect(() => run(doc, 'add-node', { type: 'nope.nope' })).toThrow(ActionRefused);
    expect(() => run(doc, 'add-node', { type: 'prep.filter', id: 'decl_1' })).toThrow(/cannot be used/);
    expect(() => run(doc, 'add-node', { type: 'prep.filter', id: '1bad' })).toThrow(/cannot be used/);
    expect(() => run(doc, 'add-node', { type: 'prep.filter', after: { source: 'ghost' } })).toThrow(/No node/);
  });

  it('removes nodes with their edges, leaving the input untouched', () => {
    const doc = chain();
    const { doc: next } = run(doc, 'remove-nodes', { ids: ['filter_1'] });
    expect(next.nodes.map((n) => n.id)).toEqual(['decl_1', 'aggregate_1']);
    expect(next.edges).toEqual([]);
    expect(doc.nodes).toHaveLength(3);
    expect(Object.isFrozen(next)).toBe(true);
  });

  it('connects, refusing cycles, self-loops, unknown ports and inputs of sources', () => {
    const doc = chain();
    expect(() => run(doc, 'connect', { source: 'aggregate_1', target: 'decl_1' })).toThrow(/takes no input/);
    expect(() => run(doc, 'connect', { source: 'aggregate_1', target: 'filter_1' })).toThrow(/cycle/);
    expect(() => run(doc, 'connect', { source: 'filter_1', target: 'filter_1' })).toThrow(/itself/);
    expect(() => run(doc, 'connect', { source: 'decl_1', target: 'aggregate_1', targetPort: 'left' })).toThrow(
      /no input port "left"/,
    );
    expect(() => run(doc, 'connect', { source: 'decl_1', target: 'aggregate_1', sourcePort: 'x' })).toThrow(
      /no output port "x"/,
    );
  });

  it('re-feeds a single input instead of feeding it twice', () => {
    const { doc } = run(chain(), 'connect', { source: 'decl_1', target: 'aggregate_1' });
    expect(doc.edges.filter((e) => e.target === 'aggregate_1')).toEqual([
      { source: 'decl_1', target: 'aggregate_1', sourcePort: 'out', targetPort: 'in' },
    ]);
  });

  it('feeds a multiple input (union) from several nodes', () => {
    let doc = chain();
    doc = run(doc, 'add-node', { type: 'prep.union', id: 'u' }).doc;
    doc = run(doc, 'connect', { source: 'decl_1', target: 'u' }).doc;
    doc = run(doc, 'connect', { source: 'filter_1', target: 'u' }).doc;
    expect(doc.edges.filter((e) => e.target === 'u')).toHaveLength(2);
  });

  it('disconnects by ends and refuses a missing edge', () => {
    const { doc } = run(chain(), 'disconnect', { edges: [{ source: 'decl_1', target: 'filter_1' }] });
    expect(doc.edges).toHaveLength(1);
    expect(() => run(doc, 'disconnect', { edges: [{ source: 'decl_1', target: 'filter_1' }] })).toThrow(ActionRefused);
  });

  it('updates params by replacement and by dot path', () => {
    let doc = chain();
    doc = run(doc, 'update-params', { id: 'filter_1', params: { where: 'x > 1' } }).doc;
    doc = run(doc, 'update-params', {
      id: 'filter_1',
      set: { where: undefined, 'rules.0.column': 'a', 'rules.0.op': '=', 'rules.0.value': 3 },
    }).doc;
    expect(doc.nodes[1]!.params).toEqual({ rules: [{ column: 'a', op: '=', value: 3 }] });
    doc = run(doc, 'update-params', { id: 'filter_1', set: { 'rules.0': undefined } }).doc;
    expect(doc.nodes[1]!.params).toEqual({ rules: [] });
    expect(() => run(doc, 'update-params', { id: 'filter_1', set: { '__proto__.x': 1 } })).toThrow(ActionRefused);
  });

  it('moves, renames, annotates nodes and renames the pipeline', () => {
    let doc = chain();
    doc = run(doc, 'move-nodes', { positions: { decl_1: { x: 10.4, y: 20.6 } } }).doc;
    doc = run(doc, 'rename-node', { id: 'decl_1', label: ' 수입신고 ' }).doc;
    doc = run(doc, 'set-node-notes', { id: 'decl_1', notes: '2023년' }).doc;
    doc = run(doc, 'rename-pipeline', { name: '저가 신고' }).doc;
    expect(doc.nodes[0]).toMatchObject({ position: { x: 10, y: 21 }, label: '수입신고', notes: '2023년' });
    expect(doc.name).toBe('저가 신고');
    doc = run(doc, 'rename-node', { id: 'decl_1', label: '' }).doc;
    expect(doc.nodes[0]!.label).toBeUndefined();
  });

  it('duplicates and pastes nodes with fresh ids and their inner edges', () => {
    const { doc, result } = run(chain(), 'duplicate-nodes', { ids: ['filter_1', 'aggregate_1'] });
    expect(result).toEqual({ filter_1: 'filter_2', aggregate_1: 'aggregate_2' });
    expect(doc.edges).toContainEqual({
      source: 'filter_2',
      target: 'aggregate_2',
      sourcePort: 'out',
      targetPort: 'in',
    });
    expect(doc.edges.some((e) => e.source === 'decl_1' && e.target === 'filter_2')).toBe(false);
    const pasted = run(doc, 'paste-nodes', { nodes: [doc.nodes[0]!], edges: [], offset: { x: 0, y: 100 } });
    expect(pasted.result).toEqual({ decl_1: 'decl_2' });
  });
});
