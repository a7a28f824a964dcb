import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zlibSync } from 'fflate';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './image-decode.ts';
import { PdfScanError, pdfScanImages } from './pdf-scan-images.ts';
import { buildPdf, imagePage } from './pdf-test-helpers.ts';

/** A 240×200 test card: left half red, right half blue, a black top row; RGB bytes. */
function card(width = 240, height = 200): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (y === 0) continue;
      rgb.set(x < width / 2 ? [200, 20, 30] : [10, 40, 220], i);
    }
  return rgb;
}

const pixel = (rgba: Uint8Array, width: number, x: number, y: number) =>
  Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));

const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof PdfScanError) return err.problem;
    throw err;
  }
  throw new Error('no error');
};

describe('scanned PDF page images', () => {
  it('hands a /DCTDecode page on as the very JPEG, one per page in order, past strings holding >> in its dictionary', () => {
    const rgba = new Uint8Array(240 * 200 * 4).fill(255);
    const jpg1 = new Uint8Array(jpeg.encode({ width: 240, height: 200, data: rgba }, 90).data);
    const jpg2 = new Uint8Array(jpeg.encode({ width: 300, height: 220, data: new Uint8Array(300 * 220 * 4) }, 90).data);
    const pdf = buildPdf([
      imagePage('/Filter /DCTDecode /ColorSpace /DeviceRGB /BitsPerComponent 8', 240, 200, jpg1),
      // strings in the dictionary may hold `>>` and `<`
      imagePage(
        '/Filter [/DCTDecode] /Alt (page >> 2 \\) <) /Hash <ab12> /ColorSpace /DeviceRGB /BitsPerComponent 8',
        300,
        220,
        jpg2,
      ),
    ]);
    const pages = pdfScanImages(pdf);
    expect(pages.map((p) => [p.format, p.width, p.height])).toEqual([
      ['jpeg', 240, 200],
      ['jpeg', 300, 220],
    ]);
    expect(pages[0]!.bytes).toEqual(jpg1);
    expect(pages[1]!.bytes).toEqual(jpg2);
    // the same pages with page 2's objects written before page 1's: still page 1 first
    const reversed = pdfScanImages(
      buildPdf(
        [imagePage('/Filter /DCTDecode', 240, 200, jpg1), imagePage('/Filter /DCTDecode', 300, 220, jpg2)],
        '',
        true,
      ),
    );
    expect(reversed.map((p) => p.width)).toEqual([240, 300]);
  });

  it('inflates a /FlateDecode RGB page, with or without a PNG predictor, to the same pixels; skips its soft mask', () => {
    const rgb = card();
    // PNG "Up" filter on every row: each byte minus the byte above (mod 256)
    const predicted = new Uint8Array((240 * 3 + 1) * 200);
    for (let y = 0; y < 200; y++) {
      predicted[y * 721] = 2;
      for (let x = 0; x < 720; x++)
        predicted[y * 721 + 1 + x] = (rgb[y * 720 + x]! - (y > 0 ? rgb[(y - 1) * 720 + x]! : 0)) & 0xff;
    }
    const pdf = buildPdf([
      imagePage('/Filter /FlateDecode /ColorSpace /DeviceRGB /BitsPerComponent 8', 240, 200, zlibSync(rgb)),
      imagePage(
        '/Filter /FlateDecode /ColorSpace /DeviceRGB /BitsPerComponent 8 /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 240 >> /SMask 99 0 R',
        240,
        200,
        zlibSync(predicted),
        // the page's alpha channel, an image too, must not become a page of its own
        {
          num: 99,
          dict: '/Type /XObject /Subtype /Image /Width 240 /Height 200 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
          data: zlibSync(new Uint8Array(240 * 200).fill(255)),
        },
      ),
    ]);
    const pages = pdfScanImages(pdf);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.format).toBe('png');
      const img = decodeImage(page.bytes, 40);
      expect([img.width, img.height]).toEqual([240, 200]);
      expect(pixel(img.rgba, 240, 5, 0)).toEqual([0, 0, 0]);
      expect(pixel(img.rgba, 240, 10, 10)).toEqual([200, 20, 30]);
      expect(pixel(img.rgba, 240, 200, 150)).toEqual([10, 40, 220]);
    }
  });

  it('reads a 1-bit grey fax-like page (white = 1) as black and white', () => {
    const rowBytes = 30; // 240 px
    const bits = new Uint8Array(rowBytes * 200).fill(0xff);
    bits[0] = 0x7f; // the top-left pixel black
    const pdf = buildPdf([
      imagePage('/Filter /FlateDecode /ColorSpace /DeviceGray /BitsPerComponent 1', 240, 200, zlibSync(bits)),
    ]);
    const img = decodeImage(pdfScanImages(pdf)[0]!.bytes, 40);
    expect(pixel(img.rgba, 240, 0, 0)).toEqual([0, 0, 0]);
    expect(pixel(img.rgba, 240, 1, 0)).toEqual([255, 255, 255]);
  });

  it('reads the page of a PDF written by another program (Chromium printing co-004.png) pixel for pixel', () => {
    // _pdf-fixtures/chromium-print-co-004.pdf: `chromium --headless --print-to-pdf` of a page showing the sample
    // form; Skia writes the picture as FlateDecode RGB next to two small images of its own, which are not pages
    const pdf = new Uint8Array(readFileSync(path.join(import.meta.dirname, '_pdf-fixtures/chromium-print-co-004.pdf')));
    const pages = pdfScanImages(pdf);
    expect(pages.map((p) => [p.format, p.width, p.height])).toEqual([['png', 900, 1180]]);
    const forms = unzipSync(readFileSync(path.join(import.meta.dirname, '../../templates/data/co/forms.zip')));
    const want = decodeImage(forms['co-004.png']!, 40);
    expect(Buffer.compare(decodeImage(pages[0]!.bytes, 40).rgba, want.rgba)).toBe(0);
  });

  it('finds no scan in a typed (vector-only), an encrypted, a JBIG2 or an empty PDF', () => {
    const typed = buildPdf([{ content: 'BT /F1 12 Tf 72 720 Td (CERTIFICATE OF ORIGIN) Tj ET' }]);
    expect(problemOf(() => pdfScanImages(typed))).toEqual({ kind: 'no_image' });
    const jbig2 = buildPdf([
      imagePage('/Filter /JBIG2Decode /ColorSpace /DeviceGray /BitsPerComponent 1', 240, 200, new Uint8Array(50)),
    ]);
    expect(problemOf(() => pdfScanImages(jbig2))).toEqual({ kind: 'no_image' });
    const rgba = new Uint8Array(240 * 200 * 4);
    const jpg = new Uint8Array(jpeg.encode({ width: 240, height: 200, data: rgba }, 50).data);
    const encrypted = buildPdf(
      [imagePage('/Filter /DCTDecode /ColorSpace /DeviceRGB /BitsPerComponent 8', 240, 200, jpg)],
      '/Encrypt 50 0 R',
    );
    expect(problemOf(() => pdfScanImages(encrypted))).toEqual({ kind: 'no_image' });
    expect(problemOf(() => pdfScanImages(new TextEncoder().encode('%PDF-1.7\n%%EOF')))).toEqual({ kind: 'no_image' });
  });

  it('refuses too many pages and a 100-megapixel page before inflating anything', () => {
    const tiny = zlibSync(new Uint8Array(10));
    const huge = buildPdf([
      imagePage('/Filter /FlateDecode /ColorSpace /DeviceRGB /BitsPerComponent 8', 10_000, 10_000, tiny),
    ]);
    expect(problemOf(() => pdfScanImages(huge))).toEqual({ kind: 'too_large', page: 1, megapixels: 100 });
    const rgba = new Uint8Array(200 * 200 * 4);
    const jpg = new Uint8Array(jpeg.encode({ width: 200, height: 200, data: rgba }, 30).data);
    const page = imagePage('/Filter /DCTDecode /ColorSpace /DeviceRGB /BitsPerComponent 8', 200, 200, jpg);
    const many = buildPdf(Array.from({ length: 4 }, () => page));
    expect(problemOf(() => pdfScanImages(many, { maxPages: 3, maxPixels: 40e6 }))).toEqual({
      kind: 'too_many_pages',
      max: 3,
    });
  });
});
