import { describe, expect, it } from 'vitest';
import type { Sample } from '../sources/samples.ts';
import type { DatasetList } from './api.ts';
import { datasetChoices } from './dataset-choices.ts';

const SAMPLE_ID = '11111111-1111-4111-8111-111111111111';
const samples: Sample[] = [
  { name: 'declarations.csv', size: 4_000_000, datasetId: SAMPLE_ID, rows: 30_000, format: 'csv' },
  { name: 'kcs/df_syn_train_eng.csv', size: 2048 },
];
const person = { id: 'u', username: 'kim', displayName: '김관세' };
const server = [
  {
    id: SAMPLE_ID,
    name: 'declarations.csv',
    size: 4_000_000,
    rows: 30_000,
    format: 'csv',
    owner: { id: 's', username: 'system', displayName: '예제 데이터' },
    updatedAt: '2026-11-30T00:00:00.000Z',
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    name: '2024 수입신고.xlsx',
    size: 10,
    rows: 3,
    format: 'xlsx',
    owner: person,
    updatedAt: '2026-12-01T00:00:00.000Z',
  },
] as unknown as DatasetList['items'];

describe('datasetChoices', () => {
  it('lists samples first, marked, and a sample the server lists too only once', () => {
    const rows = datasetChoices(samples, server, '');
    expect(rows.map((r) => [r.name, r.sample])).toEqual([
      ['declarations.csv', true],
      ['kcs/df_syn_train_eng.csv', true],
      ['2024 수입신고.xlsx', false],
    ]);
    // Signed in, a sample shows who owns it on the server and when it changed.
    expect(rows[0]).toMatchObject({ datasetId: SAMPLE_ID, rows: 30_000, format: 'csv', owner: '예제 데이터' });
    // A sample without a dataset id (older server) is read by its path.
    expect(rows[1]).toMatchObject({ samplePath: 'templates/data/kcs/df_syn_train_eng.csv', format: 'csv' });
    expect(rows[2]).toMatchObject({ owner: '김관세', format: 'xlsx' });
  });

  it('offers the image node pictures, ZIPs of them and scanned PDFs, and the file node only tables', () => {
    const withImages = [
      ...samples,
      { name: 'co/forms.zip', size: 500_000, format: 'zip' },
      { name: 'xray/xray-001.png', size: 30_000 },
      { name: 'co/co-004.pdf', size: 90_000 },
    ] as Sample[];
    const scans = { ...server[1]!, id: '33333333-3333-4333-8333-333333333333', name: '스캔.zip', format: 'zip' };
    const co = { ...server[1]!, id: '44444444-4444-4444-8444-444444444444', name: '원산지증명서.pdf', format: 'pdf' };
    const all = [...server, scans, co] as DatasetList['items'];
    expect(datasetChoices(withImages, all, '', 'images').map((r) => [r.name, r.format])).toEqual([
      ['co/forms.zip', 'zip'],
      ['xray/xray-001.png', 'png'],
      ['co/co-004.pdf', 'pdf'],
      ['스캔.zip', 'zip'],
      ['원산지증명서.pdf', 'pdf'],
    ]);
    expect(datasetChoices(withImages, all, '').map((r) => r.name)).toEqual([
      'declarations.csv',
      'kcs/df_syn_train_eng.csv',
      '2024 수입신고.xlsx',
    ]);
  });

  it('searches names without regard to case', () => {
    expect(datasetChoices(samples, server, ' DECL ').map((r) => r.name)).toEqual(['declarations.csv']);
    expect(datasetChoices(samples, server, '수입').map((r) => r.name)).toEqual(['2024 수입신고.xlsx']);
    expect(datasetChoices(samples, [], 'zzz')).toEqual([]);
  });
});
