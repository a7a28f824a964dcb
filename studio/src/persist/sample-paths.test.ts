import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { Sample } from '../sources/samples.ts';
import { openKind } from './open-kind.ts';
import { localReads, rewriteSamplePaths } from './sample-paths.ts';

const SAMPLES: Sample[] = [
  { name: 'declarations.csv', size: 4_000_000, datasetId: '11111111-1111-4111-8111-111111111111', format: 'csv' },
  { name: 'kcs/df_syn_train_eng.csv', size: 10, datasetId: '22222222-2222-4222-8222-222222222222', format: 'csv' },
  { name: 'old.csv', size: 5 },
];

const doc = (nodes: PipelineDoc['nodes']): PipelineDoc => ({
  format: 'customs-studio/pipeline',
  version: 1,
  name: 't',
  parameters: [],
  nodes,
  edges: [],
});
const read = (id: string, params: Record<string, unknown>) => ({ id, type: 'source.file', params });

describe('rewriteSamplePaths', () => {
  it('switches sample paths (also in sub-folders) to the sample dataset and keeps the read options', () => {
    const before = doc([
      read('a', { path: 'templates/data/declarations.csv', format: 'csv', options: { encoding: 'auto' } }),
      read('b', { path: 'samples/kcs/df_syn_train_eng.csv', format: 'csv' }),
      { id: 'f', type: 'transform.filter', params: { path: 'templates/data/declarations.csv' } },
    ]);
    const after = rewriteSamplePaths(before, SAMPLES);
    expect(after.nodes[0]!.params).toEqual({
      datasetId: '11111111-1111-4111-8111-111111111111',
      format: 'csv',
      options: { encoding: 'auto' },
    });
    expect(after.nodes[1]!.params).toEqual({ datasetId: '22222222-2222-4222-8222-222222222222', format: 'csv' });
    // Only read nodes are touched, and the input is not mutated.
    expect(after.nodes[2]).toBe(before.nodes[2]);
    expect(before.nodes[0]!.params.path).toBe('templates/data/declarations.csv');
  });

  it('returns the same document when nothing names a sample with a dataset', () => {
    const before = doc([
      read('a', { path: 'my.csv', format: 'csv' }),
      read('b', { path: 'templates/data/old.csv', format: 'csv' }),
      read('c', { path: 'templates/data/../secret.csv', format: 'csv' }),
      read('d', { datasetId: '33333333-3333-4333-8333-333333333333', format: 'csv' }),
    ]);
    expect(rewriteSamplePaths(before, SAMPLES)).toBe(before);
  });
});

describe('localReads', () => {
  it('lists read nodes on files only this browser has, not samples or datasets', () => {
    const d = doc([
      read('mine', { path: '수입신고_2024.csv', format: 'csv' }),
      read('sample', { path: 'templates/data/declarations.csv', format: 'csv' }),
      read('ds', { datasetId: '33333333-3333-4333-8333-333333333333', format: 'csv' }),
    ]);
    expect(localReads(d)).toEqual([{ nodeId: 'mine', path: '수입신고_2024.csv' }]);
  });
});

describe('openKind', () => {
  it('opens data files as data and pipeline files as documents', () => {
    expect(openKind('declarations.csv', 'a,b\n1,2')).toBe('data');
    expect(openKind('x.TSV', 'a\tb')).toBe('data');
    expect(openKind('x.parquet', 'PAR1')).toBe('data');
    expect(openKind('x.xlsx', 'PK')).toBe('data');
    expect(openKind('rows.json', ' [{"a":1}]')).toBe('data');
    expect(openKind('p.pipeline.json', '{"format":"customs-studio/pipeline"')).toBe('pipeline');
    expect(openKind('notes.docx', '')).toBe('unknown');
  });
});
