import { zlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { ParamError } from '../../runtime/errors.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { decodeImage as decodeRgba } from '../../runtime/ml/image-decode.ts';
import { buildPdf, imagePage } from '../../runtime/ml/pdf-test-helpers.ts';
import { sourceImageFiles } from '../source/image-files.ts';
import { dataUrlBytes, decodeImage } from './_co-image.ts';
import { CO_004_TRUTH, oneFile, recognizeSample, sampleForms } from './_co-sample.testing.ts';

describe('a scanned C/O as a PDF', () => {
  let engine: DuckDBNodeEngine;
  beforeAll(async () => {
    engine = await DuckDBNodeEngine.create();
  });
  afterAll(() => engine.close());

  const load = (name: string, bytes: Uint8Array, tableName: string) =>
    sourceImageFiles.load({ nodeId: 's', params: { path: name }, engine, files: oneFile(name, bytes), tableName });

  it('reads the sample form co-004 wrapped in a PDF (raw RGB, FlateDecode) with the same fields as its PNG', async () => {
    // the sample PNG's pixels as a scanner writes them into a PDF page: 8-bit RGB, zlib-compressed
    const png = sampleForms()['co-004.png']!;
    const { width, height, rgba } = decodeRgba(png, 40);
    const rgb = new Uint8Array(width * height * 3);
    for (let p = 0; p < width * height; p++) rgb.set(rgba.subarray(p * 4, p * 4 + 3), p * 3);
    const pdf = buildPdf([
      imagePage('/Filter /FlateDecode /ColorSpace /DeviceRGB /BitsPerComponent 8', width, height, zlibSync(rgb)),
    ]);
    await load('co-004.pdf', pdf, 'forms');
    const [page] = (await engine.query('SELECT file_name, image FROM forms')).rows;
    expect(page!.file_name).toBe('co-004.pdf#1');
    // the page is the sample's pixels exactly (the PDF's raw pixels come back as a lossless PNG)
    const [fromPdf, fromPng] = [decodeImage(dataUrlBytes(String(page!.image)), 'p'), decodeImage(png, 'png')];
    expect([fromPdf.width, fromPdf.height]).toEqual([fromPng.width, fromPng.height]);
    expect(Buffer.compare(fromPdf.data, fromPng.data)).toBe(0); // not toEqual: 3 M elements compared one by one

    const [row] = await recognizeSample(engine);
    // the same answer as the PNG in co-recognize.test.ts
    expect(row).toMatchObject({ file_name: 'co-004.pdf#1', ...CO_004_TRUTH });
  });

  it('passes a typed (vector-only) PDF through, and the C/O reader refuses it in Korean', async () => {
    const typed = buildPdf([{ content: 'BT /F1 12 Tf 72 720 Td (CERTIFICATE OF ORIGIN) Tj ET' }]);
    await load('typed.pdf', typed, 'typed');
    const [row] = (await engine.query('SELECT file_name, image FROM typed')).rows;
    expect(row!.file_name).toBe('typed.pdf');
    let ko = '';
    try {
      decodeImage(dataUrlBytes(String(row!.image)), 'typed.pdf');
    } catch (err) {
      if (err instanceof ParamError && err.msg) ko = renderMessage(err.msg, 'ko');
    }
    expect(ko).toContain('"typed.pdf"에서 읽을 수 있는 스캔 이미지를 찾지 못했습니다');
    expect(ko).toContain('PNG나 JPEG');
  });

  it('refuses a PDF with too many pages in Korean', async () => {
    const page = imagePage('/Filter /DCTDecode', 200, 200, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const many = buildPdf(Array.from({ length: 51 }, () => page));
    const err = await load('many.pdf', many, 'many').catch((e: unknown) => e);
    expect(err instanceof ParamError && err.msg && renderMessage(err.msg, 'ko')).toContain('50쪽까지');
  });
});
