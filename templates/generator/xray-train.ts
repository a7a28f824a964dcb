/**
 * Trains the shipped X-ray detector on generated images and writes it where `model.xray_detect` finds it.
 *   npm run train:xray -- [--images 1500] [--epochs 12] [--seed 18] [--hidden 48] [--out DIR]
 * Same arguments ⇒ the same model (seeded generator, seeded initialisation and shuffling, no threads).
 * Writes nodes/model/_xray-data/detector.onnx and detector-model.ts (the same bytes, base64, so the node
 * needs no file system in the browser), then prints mAP@0.5 on 300 generated test images.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as ortModule from 'onnxruntime-web';
import { averagePrecision, type ScoredBox } from '../../runtime/ml/detection-map.ts';
import { openDetector } from '../../runtime/ml/detector-session.ts';
import {
  buildDetectorModel,
  buildFeatureModel,
  CELL_FEATURES,
  XRAY_ANCHOR,
  XRAY_GRID,
  XRAY_INPUT,
  XRAY_STRIDE,
  type XrayHead,
} from '../../runtime/ml/xray-detector-onnx.ts';
import { Rng } from './random.ts';
import { XRAY_CLASSES, xrayImage } from './xray.ts';

/** Image indices: training from 0, the bench's test images from here, the template's samples from XRAY_SAMPLE_START. */
export const XRAY_TEST_START = 100_000;
export const XRAY_SAMPLE_START = 500_000;
export const XRAY_SEED = 18;

const C = XRAY_CLASSES.length;
const OUT = 5 + C;
const CELLS = XRAY_GRID * XRAY_GRID;
const IN = CELL_FEATURES * 9;

function toChw(rgba: Uint8Array, size: number): Float32Array {
  const x = new Float32Array(3 * size * size);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < 3; c++) x[c * size * size + i] = rgba[i * 4 + c]! / 255;
  return x;
}

interface Target {
  obj: Uint8Array;
  /** Per cell: tx, ty (0–1 in the cell), tw, th (log size over the anchor), class. */
  box: Float32Array;
  cls: Int8Array;
}

function targets(boxes: ReturnType<typeof xrayImage>['boxes']): Target {
  const t: Target = { obj: new Uint8Array(CELLS), box: new Float32Array(CELLS * 4), cls: new Int8Array(CELLS) };
  const area = new Float32Array(CELLS);
  for (const b of boxes) {
    const cx = (b.x1 + b.x2) / 2 / XRAY_STRIDE;
    const cy = (b.y1 + b.y2) / 2 / XRAY_STRIDE;
    const gx = Math.min(XRAY_GRID - 1, Math.floor(cx));
    const gy = Math.min(XRAY_GRID - 1, Math.floor(cy));
    const cell = gy * XRAY_GRID + gx;
    const a = (b.x2 - b.x1) * (b.y2 - b.y1);
    if (a <= area[cell]!) continue; // two centres in one cell: the larger item is the target
    area[cell] = a;
    t.obj[cell] = 1;
    t.box.set(
      [cx - gx, cy - gy, Math.log((b.x2 - b.x1) / XRAY_ANCHOR), Math.log((b.y2 - b.y1) / XRAY_ANCHOR)],
      cell * 4,
    );
    t.cls[cell] = XRAY_CLASSES.indexOf(b.cls);
  }
  return t;
}

/** The 3×3 neighbourhood of a cell's standardised features, zero outside the grid (as the Conv pads). */
function im2col(feats: Float32Array, image: number, cell: number, out: Float32Array) {
  const gy = Math.floor(cell / XRAY_GRID);
  const gx = cell % XRAY_GRID;
  const base = image * CELL_FEATURES * CELLS;
  for (let c = 0; c < CELL_FEATURES; c++)
    for (let ky = 0; ky < 3; ky++)
      for (let kx = 0; kx < 3; kx++) {
        const y = gy + ky - 1;
        const x = gx + kx - 1;
        out[c * 9 + ky * 3 + kx] =
          y < 0 || x < 0 || y >= XRAY_GRID || x >= XRAY_GRID ? 0 : feats[base + c * CELLS + y * XRAY_GRID + x]!;
      }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export async function trainXray(o: {
  images: number;
  epochs: number;
  seed: number;
  hidden: number;
  log: (s: string) => void;
}) {
  const featureSession = await ortModule.InferenceSession.create(buildFeatureModel());
  const feats = new Float32Array(o.images * CELL_FEATURES * CELLS);
  const tg: Target[] = [];
  const batch = 32;
  for (let start = 0; start < o.images; start += batch) {
    const n = Math.min(batch, o.images - start);
    const x = new Float32Array(n * 3 * XRAY_INPUT * XRAY_INPUT);
    for (let i = 0; i < n; i++) {
      const img = xrayImage(o.seed, start + i, XRAY_INPUT);
      x.set(toChw(img.rgba, XRAY_INPUT), i * 3 * XRAY_INPUT * XRAY_INPUT);
      tg.push(targets(img.boxes));
    }
    const r = await featureSession.run({ images: new ortModule.Tensor('float32', x, [n, 3, XRAY_INPUT, XRAY_INPUT]) });
    feats.set(r.cells!.data as Float32Array, start * CELL_FEATURES * CELLS);
  }
  o.log(`features of ${o.images} images`);
  // standardise per channel; the ONNX graph applies the same mean and scale before the learned layers
  const mean = new Float32Array(CELL_FEATURES);
  const invStd = new Float32Array(CELL_FEATURES);
  for (let c = 0; c < CELL_FEATURES; c++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < o.images; i++)
      for (let k = 0; k < CELLS; k++) {
        const v = feats[(i * CELL_FEATURES + c) * CELLS + k]!;
        s += v;
        s2 += v * v;
      }
    const n = o.images * CELLS;
    mean[c] = s / n;
    invStd[c] = 1 / Math.sqrt(Math.max(1e-6, s2 / n - (s / n) ** 2));
    for (let i = 0; i < o.images; i++)
      for (let k = 0; k < CELLS; k++) {
        const j = (i * CELL_FEATURES + c) * CELLS + k;
        feats[j] = (feats[j]! - mean[c]!) * invStd[c]!;
      }
  }

  const rng = Rng.derive(o.seed, 'xray-train');
  const H = o.hidden;
  const w1 = new Float32Array(H * IN).map(() => rng.normal() * Math.sqrt(2 / IN));
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(OUT * H).map(() => rng.normal() * Math.sqrt(1 / H));
  const b2 = new Float32Array(OUT);
  b2[4] = -4; // few cells hold an item: start objectness low
  const params = [w1, b1, w2, b2];
  const grads = params.map((p) => new Float32Array(p.length));
  const m1 = params.map((p) => new Float32Array(p.length));
  const m2 = params.map((p) => new Float32Array(p.length));
  let step = 0;
  const NEG_KEEP = 0.2;
  const x = new Float32Array(IN);
  const h = new Float32Array(H);
  const dh = new Float32Array(H);
  const y = new Float32Array(OUT);
  const dy = new Float32Array(OUT);
  const MB = 64;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const samples: number[] = [];
    for (let i = 0; i < o.images; i++)
      for (let k = 0; k < CELLS; k++) if (tg[i]!.obj[k] || rng.next() < NEG_KEEP) samples.push(i * CELLS + k);
    for (let i = samples.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [samples[i], samples[j]] = [samples[j]!, samples[i]!];
    }
    const lr = 2e-3 * 0.5 ** (epoch / 4);
    let loss = 0;
    for (let s0 = 0; s0 < samples.length; s0 += MB) {
      for (const g of grads) g.fill(0);
      const end = Math.min(samples.length, s0 + MB);
      for (let s = s0; s < end; s++) {
        const image = Math.floor(samples[s]! / CELLS);
        const cell = samples[s]! % CELLS;
        const t = tg[image]!;
        im2col(feats, image, cell, x);
        for (let j = 0; j < H; j++) {
          let z = b1[j]!;
          const row = j * IN;
          for (let q = 0; q < IN; q++) z += w1[row + q]! * x[q]!;
          h[j] = z > 0 ? z : 0;
        }
        for (let k = 0; k < OUT; k++) {
          let z = b2[k]!;
          for (let j = 0; j < H; j++) z += w2[k * H + j]! * h[j]!;
          y[k] = z;
        }
        dy.fill(0);
        const pos = t.obj[cell] === 1;
        const weight = pos ? 1 : 1 / NEG_KEEP;
        const po = sigmoid(y[4]!);
        dy[4] = (po - (pos ? 1 : 0)) * weight;
        loss += -Math.log(pos ? po + 1e-7 : 1 - po + 1e-7) * weight;
        if (pos) {
          const tb = t.box.subarray(cell * 4, cell * 4 + 4);
          for (let k = 0; k < 2; k++) {
            const p = sigmoid(y[k]!);
            dy[k] = 5 * 2 * (p - tb[k]!) * p * (1 - p);
            loss += 5 * (p - tb[k]!) ** 2;
          }
          for (let k = 2; k < 4; k++) {
            dy[k] = 2 * 2 * (y[k]! - tb[k]!);
            loss += 2 * (y[k]! - tb[k]!) ** 2;
          }
          for (let c = 0; c < C; c++) {
            const p = sigmoid(y[5 + c]!);
            const want = c === t.cls[cell] ? 1 : 0;
            dy[5 + c] = p - want;
            loss += -Math.log(want ? p + 1e-7 : 1 - p + 1e-7);
          }
        }
        const [gw1, gb1, gw2, gb2] = grads as [Float32Array, Float32Array, Float32Array, Float32Array];
        dh.fill(0);
        for (let k = 0; k < OUT; k++) {
          const d = dy[k]!;
          if (d === 0) continue;
          gb2[k]! += d;
          for (let j = 0; j < H; j++) {
            gw2[k * H + j]! += d * h[j]!;
            dh[j]! += d * w2[k * H + j]!;
          }
        }
        for (let j = 0; j < H; j++) {
          if (h[j]! <= 0 || dh[j] === 0) continue;
          const d = dh[j]!;
          gb1[j]! += d;
          const row = j * IN;
          for (let q = 0; q < IN; q++) gw1[row + q]! += d * x[q]!;
        }
      }
      // Adam
      step++;
      const n = end - s0;
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      params.forEach((p, pi) => {
        const g = grads[pi]!;
        const a = m1[pi]!;
        const b = m2[pi]!;
        for (let q = 0; q < p.length; q++) {
          const gq = g[q]! / n + (pi === 0 || pi === 2 ? 1e-4 * p[q]! : 0);
          a[q] = 0.9 * a[q]! + 0.1 * gq;
          b[q] = 0.999 * b[q]! + 0.001 * gq * gq;
          p[q]! -= (lr * (a[q]! / c1)) / (Math.sqrt(b[q]! / c2) + 1e-8);
        }
      });
    }
    o.log(`epoch ${epoch + 1}/${o.epochs}: ${samples.length} cells, loss ${(loss / samples.length).toFixed(4)}`);
  }
  // the ONNX Conv weight is [hidden, features, 3, 3]: the im2col order (c, ky, kx) is already that layout
  const head: XrayHead = { classes: XRAY_CLASSES, hidden: H, mean, invStd, w1, b1, w2, b2 };
  return buildDetectorModel(head);
}

/** The shipped detector's reading of its own output (the node uses the same). */
export const XRAY_HEAD_CONFIG = {
  classes: XRAY_CLASSES.length,
  inputSize: XRAY_INPUT,
  head: { kind: 'yolo_grid' as const, anchors: [[XRAY_ANCHOR, XRAY_ANCHOR]] as [number, number][] },
  scale: 1 as const,
};

/** mAP@0.5 per class of a detector on generated images `start` … `start + count − 1`, and images/s. */
export async function evaluateXray(
  model: Uint8Array,
  o: { seed: number; start: number; count: number; minScore?: number },
) {
  const det = await openDetector(model, XRAY_HEAD_CONFIG);
  const detections: ScoredBox[] = [];
  const truth: Omit<ScoredBox, 'score'>[] = [];
  let seconds = 0;
  for (let i = 0; i < o.count; i++) {
    const img = xrayImage(o.seed, o.start + i, XRAY_INPUT);
    const name = String(i);
    for (const b of img.boxes) truth.push({ image: name, ...b });
    const t0 = performance.now();
    const found = await det.detect(img, { minScore: o.minScore ?? 0.05, iou: 0.45 });
    seconds += (performance.now() - t0) / 1000;
    for (const d of found) detections.push({ image: name, ...d, cls: XRAY_CLASSES[d.cls]! });
  }
  await det.release();
  return { perClass: averagePrecision(detections, truth, XRAY_CLASSES), imagesPerSecond: o.count / seconds };
}

async function main() {
  const { values } = parseArgs({
    options: {
      images: { type: 'string', default: '1500' },
      epochs: { type: 'string', default: '12' },
      seed: { type: 'string', default: String(XRAY_SEED) },
      hidden: { type: 'string', default: '48' },
      out: { type: 'string', default: path.join(import.meta.dirname, '../../nodes/model/_xray-data') },
    },
  });
  ortModule.env.wasm.numThreads = 1;
  const started = performance.now();
  const log = (s: string) => console.error(`[train:xray ${((performance.now() - started) / 1000).toFixed(0)} s] ${s}`);
  const seed = Number(values.seed);
  const model = await trainXray({
    images: Number(values.images),
    epochs: Number(values.epochs),
    seed,
    hidden: Number(values.hidden),
    log,
  });
  const dir = values.out;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'detector.onnx'), model);
  const b64 = Buffer.from(model).toString('base64');
  await writeFile(
    path.join(dir, 'detector-model.ts'),
    `// Generated by \`npm run train:xray\` (templates/generator/xray-train.ts); the bytes of detector.onnx.\n` +
      `// seed ${seed}, ${values.images} images, ${values.epochs} epochs, ${values.hidden} hidden channels.\n` +
      `export const XRAY_DETECTOR_ONNX_BASE64 =\n  '${b64}';\n`,
  );
  log(`wrote ${model.length} bytes`);
  const r = await evaluateXray(model, { seed, start: XRAY_TEST_START, count: 300 });
  for (const c of r.perClass)
    log(`${c.cls}: AP@0.5 ${c.ap.toFixed(3)} (${c.truePositives}/${c.truth} found, ${c.detections} boxes)`);
  log(
    `mAP@0.5 ${(r.perClass.reduce((a, c) => a + c.ap, 0) / r.perClass.length).toFixed(3)}; ${r.imagesPerSecond.toFixed(0)} images/s`,
  );
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
