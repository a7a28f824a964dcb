import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'fast-png';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { ParamError } from '../../runtime/errors.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { AGENCIES, type Forgery, stampedSealPng } from '../../templates/generator/co-forms.ts';
import { Rng } from '../../templates/generator/random.ts';
import { extractFields, parseCoDate } from './_co-fields.ts';
import { decodeImage } from './_co-image.ts';
import { parseTsv } from './_co-ocr.ts';
import { CO_004_TRUTH, oneFile, pngDataUrl, recognizeSample, sampleForms } from './_co-sample.testing.ts';
import { compareSeals, locateSeal, signature } from './_co-seal.ts';
import { coRecognize } from './co-recognize.ts';

const koOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof ParamError && err.msg) return renderMessage(err.msg, 'ko');
    throw err;
  }
  throw new Error('no error');
};

describe('C/O fields from OCR words (no OCR run)', () => {
  it("reads every field of a China–Korea form from tesseract's TSV of the committed sample co-002", () => {
    // Expected values: templates/data/co/ground-truth.csv, row co-002 (what the generator printed on the form).
    const tsv = readFileSync(path.join(import.meta.dirname, '_co-fixtures/co-002.tsv'), 'utf8');
    const f = extractFields(parseTsv(tsv));
    expect(f).toMatchObject({
      form_type: 'KC',
      certificate_no: 'K249709684176',
      exporter: 'Qingdao Steel Wire Co Ltd',
      consignee: 'Hanbit Trading Co Ltd',
      hs_codes: ['7217.10'],
      origin_criteria: ['CTSH'],
      issue_date: '2024-05-02',
    });
    expect(f.issuing_body?.replace(/\s/g, '')).toBe('ChinaCouncilforthePromotionofInternationalTrade');
  });

  it('takes a value glued to its label, a value on the line below, and day-first dates', () => {
    const w = (text: string, left: number, top: number, line: string) => ({
      text,
      left,
      top,
      width: text.length * 9,
      height: 15,
      conf: 90,
      line,
    });
    const words = [
      w('FORM', 400, 100, 'a'),
      w('AK', 450, 100, 'a'),
      w('Certificate', 40, 150, 'b'),
      w('No.', 150, 150, 'b'),
      w('VN-AK-24-00042', 60, 180, 'c'),
      w('Date', 40, 800, 'd'),
      w('of', 90, 800, 'd'),
      w('issue:.4', 115, 800, 'd'),
      w('December', 190, 800, 'd'),
      w('2024', 280, 800, 'd'),
    ];
    const f = extractFields(words);
    expect(f.form_type).toBe('AK');
    expect(f.certificate_no).toBe('VN-AK-24-00042');
    expect(f.issue_date).toBe('2024-12-04');
    expect(f.exporter).toBeNull();
    expect(parseCoDate('06/10/2024')).toBe('2024-10-06');
    expect(parseCoDate('2024-10-06')).toBe('2024-10-06');
    expect(parseCoDate('13/13/2024')).toBeNull();
  });
});

describe('seal comparison', () => {
  it('scores a genuine seal stamped at an angle above the threshold, a changed ring or emblem below it', async () => {
    const rng = Rng.derive(5, 'seal-test');
    const threshold = coRecognize.params.parse({}).sealThreshold;
    const agency = AGENCIES[0]!;
    const sig = async (forgery: Forgery, degrees: number) => {
      const img = decodeImage(await stampedSealPng(agency, forgery, degrees, rng), 'seal');
      return signature(img, locateSeal(img)!);
    };
    const specimen = await sig('none', 0);
    const genuine = compareSeals(await sig('none', -14), specimen);
    expect(genuine.score).toBeGreaterThanOrEqual(threshold);
    // The rotation found is the stamp's angle (2° bins).
    expect(Math.abs(genuine.degrees - 346)).toBeLessThanOrEqual(3);
    for (const forgery of ['ring', 'emblem'] as const)
      expect(compareSeals(await sig(forgery, 5), specimen).score, forgery).toBeLessThan(threshold);
    // One altered word of the ring text is the hard case (bench/RESULTS.md: some pass the threshold): it still
    // scores below the genuine stamp.
    expect(compareSeals(await sig('text', 5), specimen).score).toBeLessThan(genuine.score);
  });
});

describe('bad images get Korean messages', () => {
  it('refuses a PDF, a corrupt PNG and a 100-megapixel PNG before decoding it', () => {
    expect(koOf(() => decodeImage(new TextEncoder().encode('%PDF-1.7\n%%EOF'), 'scan.pdf'))).toContain('PDF');
    const png = encode({ width: 4, height: 4, data: new Uint8Array(48), channels: 3, depth: 8 });
    const corrupt = png.slice(0, 40);
    expect(koOf(() => decodeImage(corrupt, 'broken.png'))).toContain('읽을 수 없는 이미지');
    const huge = png.slice();
    new DataView(huge.buffer).setUint32(16, 10_000);
    new DataView(huge.buffer).setUint32(20, 10_000);
    expect(koOf(() => decodeImage(huge, 'huge.png'))).toContain('너무 큰 이미지');
  });
});

describe('model.co_recognize end to end (real OCR on one form)', () => {
  let engine: DuckDBNodeEngine;
  beforeAll(async () => {
    engine = await DuckDBNodeEngine.create();
  });
  afterAll(() => engine.close());

  it('reads a sample form with real OCR, matches its genuine seal and flags the claimed agreement that does not fit the form', async () => {
    await engine.createTable(
      'forms',
      [
        { name: 'file_name', type: 'VARCHAR' },
        { name: 'image', type: 'VARCHAR' },
      ],
      [['co-004.png'], [pngDataUrl(sampleForms()['co-004.png']!)]],
    );
    const [row] = await recognizeSample(engine);
    const p = coRecognize.params.parse({});
    expect(row).toMatchObject(CO_004_TRUTH);
    expect(Number(row!.seal_score)).toBeGreaterThanOrEqual(p.sealThreshold);
    expect(String(row!.reasons)).toBe('신고한 협정 KCFTA와 증명서 서식 FORM AK(AKFTA)의 협정이 다릅니다');
  });
});

describe('source.image_files', () => {
  it('reads a ZIP of images with their folders, and names a damaged ZIP in Korean', async () => {
    const { sourceImageFiles } = await import('../source/image-files.ts');
    const png = encode({ width: 2, height: 2, data: new Uint8Array(12), channels: 3, depth: 8 });
    const zip = zipSync({ 'VN-MOIT/a.png': png, 'notes.txt': new TextEncoder().encode('x') });
    const engine = await DuckDBNodeEngine.create();
    try {
      const out = await sourceImageFiles.load({
        nodeId: 's',
        params: { path: 'x.zip' },
        engine,
        files: oneFile('x.zip', zip),
        tableName: 'imgs',
      });
      expect(out.warnings).toHaveLength(1);
      const rows = (await engine.query('SELECT file_name, folder, bytes, left(image, 22) AS head FROM imgs')).rows;
      expect(rows).toEqual([
        { file_name: 'a.png', folder: 'VN-MOIT', bytes: png.length, head: 'data:image/png;base64,' },
      ]);
      const broken = zip.slice(0, 60);
      const err = await sourceImageFiles
        .load({ nodeId: 's', params: { path: 'x.zip' }, engine, files: oneFile('x.zip', broken), tableName: 'b' })
        .catch((e: unknown) => e);
      expect(err instanceof ParamError && err.msg ? renderMessage(err.msg, 'ko') : err).toContain('읽을 수 없는 ZIP');
    } finally {
      await engine.close();
    }
  });
});
