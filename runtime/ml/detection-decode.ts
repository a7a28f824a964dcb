/**
 * Turning an object detector's raw output tensors into boxes: the two standard one-stage head layouts
 * (YOLO grid and YOLOv5-style flat list; SSD boxes + scores over prior boxes), then per-class non-maximum
 * suppression. Coordinates are in the model's input pixels; the caller scales them to the image.
 */

export interface Detection {
  /** Class index into the model's class list. */
  cls: number;
  score: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Tensor {
  data: Float32Array;
  dims: readonly number[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * YOLOv2/v3 grid head: [1, A·(5+C), S, S] (channels first) or [1, S, S, A·(5+C)], raw logits per anchor
 * tx, ty, tw, th, objectness, C class logits. Centre = (cell + σ(t)) · stride; size = anchor · e^t;
 * score = σ(objectness) · σ(class).
 */
export function decodeYoloGrid(
  t: Tensor,
  o: { classes: number; inputWidth: number; inputHeight: number; anchors: readonly [number, number][] },
  minScore: number,
): Detection[] {
  const per = 5 + o.classes;
  const depth = o.anchors.length * per;
  const [, a, b, c] = t.dims;
  const channelsFirst = a === depth;
  if (!channelsFirst && c !== depth)
    throw new Error(`a YOLO grid output needs ${depth} channels (anchors × (5 + classes)); it has shape [${t.dims}]`);
  const rows = channelsFirst ? b! : a!;
  const cols = channelsFirst ? c! : b!;
  const sx = o.inputWidth / cols;
  const sy = o.inputHeight / rows;
  const at = channelsFirst
    ? (ch: number, y: number, x: number) => t.data[(ch * rows + y) * cols + x]!
    : (ch: number, y: number, x: number) => t.data[(y * cols + x) * depth + ch]!;
  const out: Detection[] = [];
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++)
      o.anchors.forEach(([aw, ah], k) => {
        const base = k * per;
        const obj = sigmoid(at(base + 4, y, x));
        if (obj < minScore) return;
        const cx = (x + sigmoid(at(base, y, x))) * sx;
        const cy = (y + sigmoid(at(base + 1, y, x))) * sy;
        const w = aw * Math.exp(at(base + 2, y, x));
        const h = ah * Math.exp(at(base + 3, y, x));
        for (let cl = 0; cl < o.classes; cl++) {
          const score = obj * sigmoid(at(base + 5 + cl, y, x));
          if (score >= minScore)
            out.push({ cls: cl, score, x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 });
        }
      });
  return out;
}

/**
 * YOLOv5/v7 exported output [1, N, 5+C]: cx, cy, w, h in input pixels, objectness and class probabilities,
 * already through their sigmoids. score = objectness · class probability.
 */
export function decodeYoloFlat(t: Tensor, o: { classes: number }, minScore: number): Detection[] {
  const per = 5 + o.classes;
  const n = t.dims.length === 3 ? t.dims[1]! : t.dims[0]!;
  if (t.dims[t.dims.length - 1] !== per)
    throw new Error(`a YOLO output needs ${per} values per box (5 + classes); it has shape [${t.dims}]`);
  const out: Detection[] = [];
  for (let i = 0; i < n; i++) {
    const r = i * per;
    const obj = t.data[r + 4]!;
    if (obj < minScore) continue;
    const cx = t.data[r]!;
    const cy = t.data[r + 1]!;
    const w = t.data[r + 2]!;
    const h = t.data[r + 3]!;
    for (let cl = 0; cl < o.classes; cl++) {
      const score = obj * t.data[r + 5 + cl]!;
      if (score >= minScore)
        out.push({ cls: cl, score, x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 });
    }
  }
  return out;
}

/** A prior (default) box in relative coordinates: centre and size in [0, 1]. */
export interface Prior {
  cx: number;
  cy: number;
  w: number;
  h: number;
}

/**
 * SSD priors (Liu et al. 2016): for each feature map k of side f_k, scale s_k linear from `minScale` to
 * `maxScale`; per cell one box per aspect ratio ar (w = s_k·√ar, h = s_k/√ar) plus one of scale
 * √(s_k·s_{k+1}) at ratio 1. Order: map, row, column, then the ratios as given, the extra box last.
 */
export function ssdPriors(o: {
  featureMaps: readonly number[];
  minScale: number;
  maxScale: number;
  aspectRatios: readonly number[];
}): Prior[] {
  const m = o.featureMaps.length;
  const scale = (k: number) => (m === 1 ? o.minScale : o.minScale + ((o.maxScale - o.minScale) * k) / (m - 1));
  const priors: Prior[] = [];
  o.featureMaps.forEach((f, k) => {
    const s = scale(k);
    const extra = Math.sqrt(s * (k + 1 < m ? scale(k + 1) : 1));
    for (let i = 0; i < f; i++)
      for (let j = 0; j < f; j++) {
        const cx = (j + 0.5) / f;
        const cy = (i + 0.5) / f;
        for (const ar of o.aspectRatios) priors.push({ cx, cy, w: s * Math.sqrt(ar), h: s / Math.sqrt(ar) });
        priors.push({ cx, cy, w: extra, h: extra });
      }
  });
  return priors;
}

/**
 * SSD head: `boxes` [1, P, 4] as offsets (dx, dy, dw, dh) from the priors with variances (v_c, v_s):
 * cx = p.cx + dx·v_c·p.w, w = p.w·e^(dw·v_s); `scores` [1, P, C+1] with the background at index 0 —
 * probabilities, or logits (then softmax) when `logits`.
 */
export function decodeSsd(
  boxes: Tensor,
  scores: Tensor,
  o: {
    classes: number;
    priors: readonly Prior[];
    variances: readonly [number, number];
    inputWidth: number;
    inputHeight: number;
    logits: boolean;
  },
  minScore: number,
): Detection[] {
  const p = o.priors.length;
  const per = o.classes + 1;
  if (boxes.data.length !== p * 4)
    throw new Error(`SSD boxes have shape [${boxes.dims}]; ${p} priors need [1, ${p}, 4]`);
  if (scores.data.length !== p * per)
    throw new Error(`SSD scores have shape [${scores.dims}]; need [1, ${p}, ${per}] (background + classes)`);
  const [vc, vs] = o.variances;
  const out: Detection[] = [];
  const probs = new Float64Array(per);
  for (let i = 0; i < p; i++) {
    const pr = o.priors[i]!;
    for (let c = 0; c < per; c++) probs[c] = scores.data[i * per + c]!;
    if (o.logits) {
      let max = -Infinity;
      for (let c = 0; c < per; c++) max = Math.max(max, probs[c]!);
      let sum = 0;
      for (let c = 0; c < per; c++) {
        probs[c] = Math.exp(probs[c]! - max);
        sum += probs[c]!;
      }
      for (let c = 0; c < per; c++) probs[c] = probs[c]! / sum;
    }
    const d = boxes.data.subarray(i * 4, i * 4 + 4);
    const cx = pr.cx + d[0]! * vc * pr.w;
    const cy = pr.cy + d[1]! * vc * pr.h;
    const w = pr.w * Math.exp(d[2]! * vs);
    const h = pr.h * Math.exp(d[3]! * vs);
    for (let c = 1; c < per; c++) {
      const score = probs[c]!;
      if (score < minScore) continue;
      out.push({
        cls: c - 1,
        score,
        x1: (cx - w / 2) * o.inputWidth,
        y1: (cy - h / 2) * o.inputHeight,
        x2: (cx + w / 2) * o.inputWidth,
        y2: (cy + h / 2) * o.inputHeight,
      });
    }
  }
  return out;
}

export function iou(a: Omit<Detection, 'cls' | 'score'>, b: Omit<Detection, 'cls' | 'score'>): number {
  const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = w * h;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Greedy non-maximum suppression within each class: the highest score is kept and every box of the same
 * class overlapping it by more than `iouThreshold` is dropped. Result sorted by score, highest first.
 */
export function nonMaxSuppression(dets: readonly Detection[], iouThreshold: number, maxPerImage = 100): Detection[] {
  const sorted = [...dets].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (kept.length >= maxPerImage) break;
    if (kept.some((k) => k.cls === d.cls && iou(k, d) > iouThreshold)) continue;
    kept.push(d);
  }
  return kept;
}
