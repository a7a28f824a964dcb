import { describe, expect, it } from 'vitest';
import type { PipelineEdge, PipelineNode } from '../../../runtime/document/pipeline-doc.ts';
import { autoLayout } from './auto-layout.ts';
import { copyPayload, readPayload } from './clipboard.ts';
import { edgeRemovals, nodeChangeIntent } from './flow-changes.ts';
import { toFlowEdge, toFlowNode } from './flow-model.ts';
import { paletteGroups } from './palette-groups.ts';

const nodes: PipelineNode[] = [
  { id: 'src', type: 'source.file', params: {}, position: { x: 0, y: 0 } },
  { id: 'f', type: 'prep.filter', params: {} },
  { id: 'j', type: 'prep.join', params: {} },
];
const edges: PipelineEdge[] = [
  { source: 'src', target: 'f', sourcePort: 'out', targetPort: 'in' },
  { source: 'f', target: 'j', sourcePort: 'out', targetPort: 'right' },
];

describe('document → React Flow', () => {
  it('keeps stored positions, places the others, names handles by port', () => {
    expect(toFlowNode(nodes[0]!, 0, true, undefined)).toMatchObject({
      id: 'src',
      type: 'step',
      position: { x: 0, y: 0 },
      selected: true,
    });
    expect(toFlowNode(nodes[1]!, 1, false, { width: 10, height: 5 }).measured).toEqual({ width: 10, height: 5 });
    expect(toFlowEdge(edges[1]!)).toEqual({
      id: 'f:out->j:right',
      source: 'f',
      target: 'j',
      sourceHandle: 'out',
      targetHandle: 'right',
    });
  });
});

describe('React Flow changes → actions', () => {
  it('turns drags into moves, removals into remove-nodes, selection changes into the new selection', () => {
    const intent = nodeChangeIntent(
      [
        { type: 'position', id: 'f', position: { x: 10.4, y: 20.6 }, dragging: true },
        { type: 'remove', id: 'j' },
        { type: 'select', id: 'src', selected: false },
        { type: 'select', id: 'f', selected: true },
        { type: 'dimensions', id: 'f', dimensions: { width: 210, height: 80 } },
      ],
      ['src'],
    );
    expect(intent).toEqual({
      moves: { f: { x: 10, y: 21 } },
      removes: ['j'],
      selection: ['f'],
      sizes: { f: { width: 210, height: 80 } },
      noteMoves: {},
      noteRemoves: [],
      groupMoves: {},
    });
    expect(nodeChangeIntent([{ type: 'position', id: 'f', dragging: true }], []).selection).toBeUndefined();
  });

  it('sends sticky-note moves and removals to edit-notes, never to the node actions', () => {
    const intent = nodeChangeIntent(
      [
        { type: 'position', id: 'note:a', position: { x: 5, y: 6 }, dragging: true },
        { type: 'remove', id: 'note:b' },
      ],
      [],
    );
    expect(intent).toMatchObject({ moves: {}, removes: [], noteMoves: { a: { x: 5, y: 6 } }, noteRemoves: ['b'] });
  });

  it('turns edge removals back into disconnect args', () => {
    expect(
      edgeRemovals([
        { type: 'remove', id: 'f:out->j:right' },
        { type: 'select', id: 'x', selected: true },
      ]),
    ).toEqual([{ source: 'f', sourcePort: 'out', target: 'j', targetPort: 'right' }]);
  });
});

describe('canvas helpers', () => {
  it('lays out left to right in dependency order', () => {
    const p = autoLayout(nodes, edges);
    expect(p.src!.x).toBeLessThan(p.f!.x);
    expect(p.f!.x).toBeLessThan(p.j!.x);
  });

  it('copies the selection with its inner edges as JSON and reads it back', () => {
    const text = copyPayload(nodes, edges, ['f', 'j']);
    expect(readPayload(text)).toEqual({ nodes: [nodes[1], nodes[2]], edges: [edges[1]] });
    expect(readPayload('hello')).toBeUndefined();
    expect(readPayload('{"format":"other","nodes":[]}')).toBeUndefined();
  });

  it('groups the palette by category in order and searches Korean and English', () => {
    const entries = [
      { type: 'prep.filter', category: 'prep', label: { ko: '필터', en: 'Filter' }, description: { ko: '', en: '' } },
      { type: 'source.file', category: 'source', label: { ko: '파일', en: 'File' }, description: { ko: '', en: '' } },
    ];
    expect(paletteGroups(entries, '').map((g) => g.category)).toEqual(['source', 'prep']);
    expect(paletteGroups(entries, '필터')[0]!.entries.map((e) => e.type)).toEqual(['prep.filter']);
    expect(paletteGroups(entries, 'FILE')[0]!.entries.map((e) => e.type)).toEqual(['source.file']);
  });
});
