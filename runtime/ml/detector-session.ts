import {
  type Detection,
  decodeSsd,
  decodeYoloFlat,
  decodeYoloGrid,
  nonMaxSuppression,
  type Prior,
  type Tensor,
} from './detection-decode.ts';
import { ort } from './onnx-score.ts';

/** How to read a detector's output; the shipped X-ray detector is a `yolo_grid` head. */
export type DetectorHead =
  | { kind: 'yolo_grid'; anchors: readonly [number, number][] }
  | { kind: 'yolo_flat' }
  | { kind: 'ssd'; priors: readonly Prior[]; variances: readonly [number, number]; logits: boolean };

export interface DetectorConfig {
  classes: number;
  /** The square side the model takes (images are resized to it). */
  inputSize: number;
  head: DetectorHead;
  /** Pixel values the model expects: 0–1 (divided by 255) or 0–255. */
  scale: 1 | 255;
}

export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export interface Detector {
  /** Boxes in the image's own pixels, per-class NMS applied, scores ≥ `minScore`. */
  detect(image: RgbaImage, o: { minScore: number; iou: number }): Promise<Detection[]>;
  release(): Promise<void>;
}

/** The model's wrong input shape, in words an officer's analyst can act on. */
export class DetectorShapeError extends Error {}

/** Bilinear resize to `size`×`size`, channels first, scaled to the model's pixel range. */
export function toInputTensor(image: RgbaImage, size: number, scale: 1 | 255): Float32Array {
  const out = new Float32Array(3 * size * size);
  const { width, height, rgba } = image;
  const k = scale === 1 ? 1 / 255 : 1;
  for (let y = 0; y < size; y++) {
    const fy = Math.min(height - 1, Math.max(0, ((y + 0.5) * height) / size - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < size; x++) {
      const fx = Math.min(width - 1, Math.max(0, ((x + 0.5) * width) / size - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(width - 1, x0 + 1);
      const wx = fx - x0;
      for (let c = 0; c < 3; c++) {
        const p = (yy: number, xx: number) => rgba[(yy * width + xx) * 4 + c]!;
        const v = (p(y0, x0) * (1 - wx) + p(y0, x1) * wx) * (1 - wy) + (p(y1, x0) * (1 - wx) + p(y1, x1) * wx) * wy;
        out[(c * size + y) * size + x] = v * k;
      }
    }
  }
  return out;
}

export async function openDetector(model: Uint8Array, config: DetectorConfig): Promise<Detector> {
  const o = await ort();
  const session = await o.InferenceSession.create(model);
  const input = session.inputNames[0];
  if (!input) throw new DetectorShapeError('the model has no input');
  const size = config.inputSize;
  const run = async (x: Float32Array) => {
    try {
      return await session.run({ [input]: new o.Tensor('float32', x, [1, 3, size, size]) });
    } catch (e) {
      // onnxruntime names the mismatch ("Got invalid dimensions for input"); keep its words for the log
      throw new DetectorShapeError((e as Error).message);
    }
  };
  const tensorOf = (t: { data: unknown; dims: readonly number[] }): Tensor => ({
    data: t.data as Float32Array,
    dims: t.dims,
  });
  return {
    async detect(image, { minScore, iou }) {
      const result = await run(toInputTensor(image, size, config.scale));
      const outs = session.outputNames.map((n) => tensorOf(result[n]!));
      const h = config.head;
      let dets: Detection[];
      if (h.kind === 'yolo_grid')
        dets = decodeYoloGrid(
          outs[0]!,
          { classes: config.classes, inputWidth: size, inputHeight: size, anchors: h.anchors },
          minScore,
        );
      else if (h.kind === 'yolo_flat') dets = decodeYoloFlat(outs[0]!, { classes: config.classes }, minScore);
      else {
        if (outs.length < 2) throw new DetectorShapeError('an SSD model needs two outputs: boxes and scores');
        // boxes are the output whose last dimension is 4
        const [boxes, scores] = outs[0]!.dims.at(-1) === 4 ? [outs[0]!, outs[1]!] : [outs[1]!, outs[0]!];
        dets = decodeSsd(
          boxes,
          scores,
          {
            classes: config.classes,
            priors: h.priors,
            variances: h.variances,
            logits: h.logits,
            inputWidth: size,
            inputHeight: size,
          },
          minScore,
        );
      }
      const sx = image.width / size;
      const sy = image.height / size;
      const clip = (v: number, max: number) => Math.min(max, Math.max(0, v));
      return nonMaxSuppression(dets, iou).map((d) => ({
        ...d,
        x1: clip(d.x1 * sx, image.width),
        y1: clip(d.y1 * sy, image.height),
        x2: clip(d.x2 * sx, image.width),
        y2: clip(d.y2 * sy, image.height),
      }));
    },
    release: () => session.release(),
  };
}
