import { describe, expect, it } from 'vitest';
import { type PipelineDoc, pipelineDocSchema } from '../../runtime/document/pipeline-doc.ts';
import { diffPipelines, equal } from './diff.ts';

const base: PipelineDoc = pipelineDocSchema.parse({
  format: 'customs-studio/pipeline',
  version: 1,
  name: 'base',
  parameters: [{ name: 'limit', type: 'number', default: 10 }],
  nodes: [
    { id: 'a', type: 'source.file', params: { path: 'a.csv', format: 'csv', options: { header: true } } },
    { id: 'b', type: 'prep.filter', params: { where: 'x > 1' }, label: 'Filter', position: { x: 0, y: 0 } },
    { id: 'c', type: 'sql', params: { query: 'select 1' } },
  ],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
  ],
});

const edit = (f: (d: PipelineDoc) => void): PipelineDoc => {
  const copy = structuredClone(base);
  f(copy);
  return copy;
};

describe('diffPipelines', () => {
  it('finds nothing between equal documents', () => {
    const d = diffPipelines(base, structuredClone(base));
    expect(d.same).toBe(true);
    expect(d.nodes).toEqual({ added: [], removed: [], changed: [], moved: [] });
  });

  it('lists added and removed nodes with their types', () => {
    const after = edit((d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'c');
      d.nodes.push({ id: 'd', type: 'prep.sort', params: {} });
    });
    const diff = diffPipelines(base, after);
    expect(diff.nodes.added).toEqual([{ id: 'd', type: 'prep.sort' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'c', type: 'sql' }]);
  });

  it('names each param that changed, by path, with before and after', () => {
    const after = edit((d) => {
      d.nodes[0]!.params = { path: 'b.csv', format: 'csv', options: { header: false, delimiter: ';' } };
      d.nodes[1]!.label = 'Big ones';
    });
    expect(diffPipelines(base, after).nodes.changed).toEqual([
      {
        id: 'a',
        type: 'source.file',
        fields: [],
        params: [
          { path: 'options.delimiter', after: ';' },
          { path: 'options.header', before: true, after: false },
          { path: 'path', before: 'a.csv', after: 'b.csv' },
        ],
      },
      { id: 'b', type: 'prep.filter', fields: [{ path: 'label', before: 'Filter', after: 'Big ones' }], params: [] },
    ]);
  });

  it('reports removed params and a changed node type', () => {
    const after = edit((d) => {
      d.nodes[2] = { id: 'c', type: 'prep.sample', params: {} };
    });
    expect(diffPipelines(base, after).nodes.changed).toEqual([
      {
        id: 'c',
        type: 'prep.sample',
        fields: [{ path: 'type', before: 'sql', after: 'prep.sample' }],
        params: [{ path: 'query', before: 'select 1' }],
      },
    ]);
  });

  it('compares arrays as whole values', () => {
    const before = edit((d) => {
      d.nodes[2]!.params = { cols: ['a', 'b'] };
    });
    const after = edit((d) => {
      d.nodes[2]!.params = { cols: ['b', 'a'] };
    });
    expect(diffPipelines(before, after).nodes.changed[0]!.params).toEqual([
      { path: 'cols', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('lists edges added and removed by their ends and ports', () => {
    const after = edit((d) => {
      d.edges = [
        { source: 'a', target: 'b', sourcePort: 'out', targetPort: 'in' },
        { source: 'a', target: 'c', sourcePort: 'out', targetPort: 'in' },
      ];
    });
    const diff = diffPipelines(base, after);
    expect(diff.edges.added).toEqual([{ source: 'a', sourcePort: 'out', target: 'c', targetPort: 'in' }]);
    expect(diff.edges.removed).toEqual([{ source: 'b', sourcePort: 'out', target: 'c', targetPort: 'in' }]);
  });

  it('keeps layout apart: a moved node is listed but the documents count as the same', () => {
    const after = edit((d) => {
      d.nodes[1]!.position = { x: 100, y: 40 };
    });
    const diff = diffPipelines(base, after);
    expect(diff.nodes.moved).toEqual(['b']);
    expect(diff.same).toBe(true);
  });

  it('reports parameters and the document name and description', () => {
    const after = edit((d) => {
      d.name = 'renamed';
      d.description = 'now described';
      d.parameters = [
        { name: 'limit', type: 'number', default: 20 },
        { name: 'country', type: 'string' },
      ];
    });
    const diff = diffPipelines(base, after);
    expect(diff.parameters).toEqual({ added: ['country'], removed: [], changed: ['limit'] });
    expect(diff.document).toEqual([
      { path: 'name', before: 'base', after: 'renamed' },
      { path: 'description', after: 'now described' },
    ]);
  });
});

describe('equal', () => {
  it('ignores key order and undefined members', () => {
    expect(equal({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(equal({ a: 1 }, { a: '1' })).toBe(false);
    expect(equal([1, 2], [1, 2, 3])).toBe(false);
    expect(equal(null, {})).toBe(false);
  });
});
