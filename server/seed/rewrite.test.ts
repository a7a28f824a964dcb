import { describe, expect, it } from 'vitest';
import { registry } from '../../nodes/index.ts';
import { galleryDescription, splitBilingual } from './catalogue.ts';
import { sampleDatasetId, uuidV5 } from './ids.ts';
import { rewriteSamplePaths, sampleNameOf } from './rewrite.ts';

const samples = new Map([
  ['declarations.csv', { datasetId: '11111111-1111-5111-8111-111111111111' }],
  ['kcs/train.csv', { datasetId: '22222222-2222-5222-8222-222222222222' }],
  ['co/forms.zip', { datasetId: '33333333-3333-5333-8333-333333333333' }],
  ['xray/a.png', { datasetId: '44444444-4444-5444-8444-444444444444' }],
  ['xray/b.png', { datasetId: '55555555-5555-5555-8555-555555555555' }],
]);

const doc = {
  format: 'customs-studio/pipeline',
  name: 'x',
  nodes: [
    { id: 'a', type: 'source.file', params: { path: 'templates/data/declarations.csv', format: 'csv' } },
    {
      id: 'b',
      type: 'source.file',
      label: '학습',
      params: { path: './templates/data/kcs/train.csv', format: 'csv', options: { encoding: 'cp949' } },
    },
    { id: 'c', type: 'source.file', params: { path: 'templates/data/unknown.csv', format: 'csv' } },
    { id: 'd', type: 'source.file', params: { path: 'my/declarations.csv', format: 'csv' } },
    { id: 'e', type: 'sql', params: { query: "select 'templates/data/declarations.csv'" } },
  ],
  edges: [],
};

describe('rewriteSamplePaths', () => {
  it('names shipped samples by dataset id, keeping format, options and everything else', () => {
    const out = rewriteSamplePaths(doc, samples, registry);
    expect(out.nodes[0]).toEqual({
      id: 'a',
      type: 'source.file',
      params: { datasetId: '11111111-1111-5111-8111-111111111111', format: 'csv' },
    });
    expect(out.nodes[1]).toEqual({
      id: 'b',
      type: 'source.file',
      label: '학습',
      params: { datasetId: '22222222-2222-5222-8222-222222222222', format: 'csv', options: { encoding: 'cp949' } },
    });
  });

  it('leaves unknown samples, other folders and non-source nodes alone, and never changes its input', () => {
    const before = JSON.stringify(doc);
    const out = rewriteSamplePaths(doc, samples, registry);
    expect(out.nodes.slice(2)).toEqual(doc.nodes.slice(2));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('names image samples by dataset id too: a ZIP of scans, and X-ray images when every one is a sample', () => {
    const images = {
      nodes: [
        { id: 'f', type: 'source.image_files', params: { path: 'templates/data/co/forms.zip' } },
        {
          id: 'x',
          type: 'model.xray_detect',
          params: { images: ['templates/data/xray/a.png', 'templates/data/xray/b.png'], minScore: 0.3 },
        },
        { id: 'y', type: 'model.xray_detect', params: { images: ['templates/data/xray/a.png', 'mine/c.png'] } },
        { id: 's', type: 'output.file', params: { path: 'templates/data/declarations.csv', format: 'csv' } },
      ],
    };
    const out = rewriteSamplePaths(images, samples, registry);
    expect(out.nodes[0]).toEqual({
      id: 'f',
      type: 'source.image_files',
      params: { datasetId: '33333333-3333-5333-8333-333333333333' },
    });
    expect(out.nodes[1]?.params).toEqual({
      imageDatasets: ['44444444-4444-5444-8444-444444444444', '55555555-5555-5555-8555-555555555555'],
      minScore: 0.3,
    });
    // one image outside the samples: the list stays as written; an output writes to its path, never a dataset
    expect(out.nodes.slice(2)).toEqual(images.nodes.slice(2));
  });

  it('refuses to read a path that climbs out of the samples folder as a sample', () => {
    expect(sampleNameOf('templates/data/../data/declarations.csv')).toBeUndefined();
    expect(sampleNameOf('templates/data/')).toBeUndefined();
    expect(sampleNameOf('templates\\data\\kcs\\train.csv')).toBe('kcs/train.csv');
  });
});

describe('shipped ids', () => {
  it('are RFC 4122 version 5 UUIDs (the RFC 9562 test vector), the same on every install', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(sampleDatasetId('declarations.csv')).toBe(sampleDatasetId('declarations.csv'));
    expect(sampleDatasetId('declarations.csv')).not.toBe(sampleDatasetId('kcs/declarations.csv'));
  });
});

describe('bilingual descriptions', () => {
  it('puts the Korean sentences first and keeps an English sentence that quotes a Korean law as English', () => {
    const text =
      '규칙으로 찾습니다. 모델로 순위를 매깁니다. Rule first: items on the list (관세법 제226조) that claim exemption. Then a model ranks the rest.';
    expect(splitBilingual(text)).toEqual({
      ko: '규칙으로 찾습니다. 모델로 순위를 매깁니다.',
      en: 'Rule first: items on the list (관세법 제226조) that claim exemption. Then a model ranks the rest.',
    });
    expect(galleryDescription('Only English.')).toBe('Only English.');
    expect(galleryDescription('English first. 한국어는 뒤에.')).toBe('한국어는 뒤에.\n\nEnglish first.');
  });
});
