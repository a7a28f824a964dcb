import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeSsd, decodeYoloFlat, decodeYoloGrid, nonMaxSuppression, ssdPriors } from './detection-decode.ts';
import { averagePrecision } from './detection-map.ts';
import { decodeImage, ImageDecodeError } from './image-decode.ts';

const close = (actual: Record<string, number>, expected: Record<string, number>) => {
  for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, 4);
};

describe('YOLO grid decoding', () => {
  // 2×2 grid over a 32×32 input (stride 16), one anchor 10×20, two classes; only cell (row 1, col 0) fires:
  // tx = 0 → σ 0.5, ty = ln 3 → σ 0.75, tw = ln 2 → w 20, th = 0 → h 20, objectness ln 4 → 0.8,
  // class logits 0 → 0.5 and ln 9 → 0.9. Centre (8, 28); scores 0.4 and 0.72.
  const cell = [0, Math.log(3), Math.log(2), 0, Math.log(4), 0, Math.log(9)];
  const options = { classes: 2, inputWidth: 32, inputHeight: 32, anchors: [[10, 20]] as [number, number][] };
  const expected = { score: 0.72, x1: -2, y1: 18, x2: 18, y2: 38 };

  it('reads channels-first output [1, 7, 2, 2]', () => {
    const data = new Float32Array(7 * 4).fill(-20);
    cell.forEach((v, ch) => {
      data[ch * 4 + 1 * 2 + 0] = v;
    });
    const dets = decodeYoloGrid({ data, dims: [1, 7, 2, 2] }, options, 0.5);
    expect(dets).toHaveLength(1);
    expect(dets[0]!.cls).toBe(1);
    close(dets[0]! as unknown as Record<string, number>, expected);
    expect(decodeYoloGrid({ data, dims: [1, 7, 2, 2] }, options, 0.3).map((d) => d.cls)).toEqual([0, 1]);
  });

  it('reads channels-last output [1, 2, 2, 7] the same', () => {
    const data = new Float32Array(4 * 7).fill(-20);
    cell.forEach((v, ch) => {
      data[(1 * 2 + 0) * 7 + ch] = v;
    });
    const dets = decodeYoloGrid({ data, dims: [1, 2, 2, 7] }, options, 0.5);
    expect(dets).toHaveLength(1);
    close(dets[0]! as unknown as Record<string, number>, expected);
  });

  it('says how many channels it needs when the shape is wrong', () => {
    expect(() => decodeYoloGrid({ data: new Float32Array(24), dims: [1, 6, 2, 2] }, options, 0.5)).toThrow(
      /7 channels/,
    );
  });
});

describe('YOLO flat decoding (v5 export)', () => {
  it('multiplies objectness by class probability, boxes from centre and size', () => {
    const data = Float32Array.from([50, 40, 20, 10, 0.9, 0.2, 0.8, 10, 10, 4, 4, 0.1, 0.9, 0.9]);
    const dets = decodeYoloFlat({ data, dims: [1, 2, 7] }, { classes: 2 }, 0.3);
    expect(dets).toHaveLength(1);
    expect(dets[0]!.cls).toBe(1);
    close(dets[0]! as unknown as Record<string, number>, { score: 0.72, x1: 40, y1: 35, x2: 60, y2: 45 });
  });
});

describe('SSD decoding', () => {
  it('lays out priors per map, cell and aspect ratio, the extra square last', () => {
    const p = ssdPriors({ featureMaps: [2], minScale: 0.3, maxScale: 0.9, aspectRatios: [1, 4] });
    expect(p).toHaveLength(12);
    close(p[0]! as unknown as Record<string, number>, { cx: 0.25, cy: 0.25, w: 0.3, h: 0.3 });
    close(p[1]! as unknown as Record<string, number>, { cx: 0.25, cy: 0.25, w: 0.6, h: 0.15 });
    close(p[2]! as unknown as Record<string, number>, { w: Math.sqrt(0.3), h: Math.sqrt(0.3) });
    close(p[3]! as unknown as Record<string, number>, { cx: 0.75, cy: 0.25 });
  });

  it('applies offsets with variances and a softmax with the background first', () => {
    const priors = [
      { cx: 0.5, cy: 0.5, w: 0.2, h: 0.4 },
      { cx: 0.25, cy: 0.25, w: 0.1, h: 0.1 },
    ];
    // prior 0: cx .5 + 1·.1·.2 = .52, cy .5 − 1·.1·.4 = .46, w .2·e^(ln 2) = .4, h .4 → on 100 px: 32, 26, 72, 66
    const boxes = { data: Float32Array.from([1, -1, Math.log(2) / 0.2, 0, 0, 0, 0, 0]), dims: [1, 2, 4] };
    // softmax(0, ln 3, −100) = (¼, ¾, 0): class 0 at 0.75; prior 1 is background
    const scores = { data: Float32Array.from([0, Math.log(3), -100, 5, 0, 0]), dims: [1, 2, 3] };
    const o = { classes: 2, priors, variances: [0.1, 0.2] as [number, number], inputWidth: 100, inputHeight: 100 };
    const dets = decodeSsd(boxes, scores, { ...o, logits: true }, 0.3);
    expect(dets).toHaveLength(1);
    expect(dets[0]!.cls).toBe(0);
    close(dets[0]! as unknown as Record<string, number>, { score: 0.75, x1: 32, y1: 26, x2: 72, y2: 66 });
    // probabilities given as they are
    const probs = { data: Float32Array.from([0.1, 0.2, 0.7, 1, 0, 0]), dims: [1, 2, 3] };
    expect(decodeSsd(boxes, probs, { ...o, logits: false }, 0.5).map((d) => [d.cls, d.score])).toEqual([
      [1, expect.closeTo(0.7, 5)],
    ]);
  });
});

describe('non-maximum suppression', () => {
  it('drops overlapping boxes of the same class only', () => {
    const a = { cls: 0, score: 0.9, x1: 0, y1: 0, x2: 10, y2: 10 };
    const b = { cls: 0, score: 0.8, x1: 1, y1: 1, x2: 11, y2: 11 }; // IoU with a = 81/119 = 0.68
    const c = { ...b, cls: 1, score: 0.7 };
    const d = { cls: 0, score: 0.6, x1: 20, y1: 20, x2: 30, y2: 30 };
    expect(nonMaxSuppression([d, b, c, a], 0.45)).toEqual([a, c, d]);
    expect(nonMaxSuppression([d, b, c, a], 0.7)).toEqual([a, b, c, d]);
  });
});

describe('average precision', () => {
  it('is the area under the interpolated precision-recall curve', () => {
    const truth = [
      { image: 'a', cls: 'knife', x1: 0, y1: 0, x2: 10, y2: 10 },
      { image: 'a', cls: 'knife', x1: 50, y1: 50, x2: 60, y2: 60 },
    ];
    const dets = [
      { image: 'a', cls: 'knife', score: 0.9, x1: 0, y1: 0, x2: 10, y2: 11 },
      { image: 'a', cls: 'knife', score: 0.8, x1: 30, y1: 30, x2: 40, y2: 40 },
      { image: 'a', cls: 'knife', score: 0.7, x1: 51, y1: 50, x2: 61, y2: 60 },
    ];
    // precision 1, ½, ⅔ at recall ½, ½, 1 → interpolated 1, ⅔, ⅔ → AP = ½·1 + ½·⅔
    const [ap] = averagePrecision(dets, truth, ['knife']);
    expect(ap!.truePositives).toBe(2);
    expect(ap!.ap).toBeCloseTo(0.5 + 1 / 3, 6);
  });
});

describe('image decoding', () => {
  it('reads PNG and JPEG into RGBA', () => {
    const png = encodePng({ width: 2, height: 1, data: Uint8Array.from([255, 0, 0, 0, 0, 255]), channels: 3 });
    expect(Array.from(decodeImage(png, 40).rgba)).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    const jpg = jpeg.encode({ width: 8, height: 8, data: new Uint8Array(8 * 8 * 4).fill(200) }, 95).data;
    const img = decodeImage(new Uint8Array(jpg), 40);
    expect([img.width, img.height]).toEqual([8, 8]);
    expect(Math.abs(img.rgba[0]! - 200)).toBeLessThan(4);
  });

  it('refuses a 100-megapixel image from its header, before decoding', () => {
    const png = encodePng({ width: 1, height: 1, data: Uint8Array.from([0, 0, 0]), channels: 3 });
    const big = png.slice();
    new DataView(big.buffer).setUint32(16, 10_000);
    new DataView(big.buffer).setUint32(20, 10_000);
    const problem = (() => {
      try {
        decodeImage(big, 40);
      } catch (e) {
        return (e as ImageDecodeError).problem;
      }
    })();
    expect(problem).toEqual({ kind: 'too_large', megapixels: 100 });
  });

  it('calls damaged files unreadable', () => {
    const png = encodePng({ width: 4, height: 4, data: new Uint8Array(48), channels: 3 });
    expect(() => decodeImage(png.slice(0, 40), 40)).toThrow(ImageDecodeError);
    expect(() => decodeImage(new TextEncoder().encode('not an image at all'), 40)).toThrow(ImageDecodeError);
  });
});
