/**
 * The shipped C/O sample (templates/data/co) read by `model.co_recognize`, for the tests that feed it the same
 * form in different containers (PNG, a scanned PDF page): one place that loads the specimens, the agency register
 * and the declarations, runs the node, and knows what the ground truth says of form co-004.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Engine } from '../../runtime/engine/engine.ts';
import { coRecognize } from './co-recognize.ts';

export const CO_SAMPLE_DIR = path.resolve(import.meta.dirname, '../../templates/data/co');

/** ground-truth.csv of co-004: FORM AK by TH-DFT, genuine blue seal, declared under KCFTA → 부적합. */
export const CO_004_TRUTH = {
  form_type: 'AK',
  certificate_no: 'TH-AK-24-83015',
  agency_code: 'TH-DFT',
  seal_found: true,
  seal_colour: 'blue',
  seal_verdict: '일치',
  declared_agreement: 'KCFTA',
  verdict: '부적합',
};

export const pngDataUrl = (b: Uint8Array) => `data:image/png;base64,${Buffer.from(b).toString('base64')}`;

/** The sample's form images, by file name. */
export function sampleForms(): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path.join(CO_SAMPLE_DIR, 'forms.zip')));
}

/** Runs `model.co_recognize` with default settings over the table `forms` (file_name, image) and the sample's
 *  specimens, agencies and declarations; resolves to its rows. */
export async function recognizeSample(engine: Engine, forms = 'forms'): Promise<Record<string, unknown>[]> {
  const specimens = unzipSync(readFileSync(path.join(CO_SAMPLE_DIR, 'seal-specimens.zip')));
  await engine.createTable(
    'specimens',
    [
      { name: 'folder', type: 'VARCHAR' },
      { name: 'image', type: 'VARCHAR' },
    ],
    [Object.keys(specimens).map((k) => k.split('/')[0]!), Object.values(specimens).map(pngDataUrl)],
  );
  await engine.exec(
    `CREATE TABLE agencies AS SELECT * FROM read_csv('${path.join(CO_SAMPLE_DIR, 'agencies.csv')}');
     CREATE TABLE decl AS SELECT * FROM read_csv('${path.join(CO_SAMPLE_DIR, 'declarations.csv')}', all_varchar = true)`,
  );
  await coRecognize.run({
    nodeId: 'co',
    params: coRecognize.params.parse({}),
    engine,
    inputs: { in: [forms], specimens: ['specimens'], agencies: ['agencies'], declarations: ['decl'] },
    schemas: {},
    tableName: 'co_out',
    progress: () => {},
  });
  return (await engine.query('SELECT * FROM co_out')).rows;
}

/** What source.image_files needs to read one uploaded file, held in memory. */
export const oneFile = (name: string, bytes: Uint8Array) => ({
  stat: async () => ({ name, size: bytes.length, fingerprint: 'f' }),
  readAll: async () => bytes,
  head: async () => bytes,
  engineLocation: async () => ({ location: '', release: async () => {} }),
  writeTarget: async () => {
    throw new Error('no');
  },
  writeBytes: async () => {},
});
