import { MISSING } from './binning.ts';
import { permutation, rng } from './rng.ts';

/**
 * A small multi-layer perceptron for a binary label: standardized inputs → ReLU layers → sigmoid,
 * trained with Adam on log loss in mini-batches. Weights are row-major [in][out], as ONNX MatMul wants.
 */
/**
 * Standardized inputs are clipped to ±CLIP: a declared value a hundred standard deviations out (common
 * in customs data) would otherwise drive the ReLU layers' linear extrapolation to a certain verdict.
 */
export const CLIP = 5;

export interface MlpOptions {
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 weight decay. */
  decay: number;
  seed: number;
  /**
   * Per-row weight of the log loss, as the trees take it (DATE-style revenue weighting: a fraud with more
   * duty at stake counts more); absent = every row 1. Weights averaging 1 keep the learning rate's meaning.
   */
  weight?: Float64Array;
}

export const MLP_DEFAULTS: MlpOptions = {
  hidden: [64, 32],
  epochs: 12,
  batchSize: 256,
  learningRate: 0.002,
  decay: 1e-5,
  seed: 42,
};

export interface MlpModel {
  kind: 'mlp';
  /** Per input: missing values are replaced by `fill` before `(x - mean) / scale`. */
  fill: number[];
  mean: number[];
  scale: number[];
  layers: { w: Float32Array; b: Float32Array; inputs: number; outputs: number }[];
}

export interface MlpHooks {
  onEpoch?(epoch: number): boolean | undefined;
}

function standardizer(columns: Float64Array[]) {
  const fill: number[] = [];
  const mean: number[] = [];
  const scale: number[] = [];
  for (const c of columns) {
    let s = 0;
    let n = 0;
    for (const v of c) {
      if (v === MISSING) continue;
      s += v;
      n++;
    }
    const m = n ? s / n : 0;
    let ss = 0;
    for (const v of c) ss += ((v === MISSING ? m : v) - m) ** 2;
    fill.push(m);
    mean.push(m);
    scale.push(Math.sqrt(ss / Math.max(c.length, 1)) || 1);
  }
  return { fill, mean, scale };
}

export function standardize(
  model: Pick<MlpModel, 'fill' | 'mean' | 'scale'>,
  columns: Float64Array[],
  i: number,
  out: Float64Array,
) {
  for (let j = 0; j < columns.length; j++) {
    const v = columns[j]![i]!;
    const z = Math.fround((Math.fround(v === MISSING ? model.fill[j]! : v) - model.mean[j]!) / model.scale[j]!);
    out[j] = Math.min(CLIP, Math.max(-CLIP, z));
  }
}

export function trainMlp(
  columns: Float64Array[],
  label: Float64Array,
  options: Partial<MlpOptions> = {},
  hooks: MlpHooks = {},
): MlpModel {
  const o = { ...MLP_DEFAULTS, ...options };
  const random = rng(o.seed);
  const sizes = [columns.length, ...o.hidden, 1];
  const model: MlpModel = { kind: 'mlp', ...standardizer(columns), layers: [] };
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const w = new Float32Array(fanIn * fanOut);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let k = 0; k < w.length; k++) w[k] = (random() * 2 - 1) * limit;
    model.layers.push({ w, b: new Float32Array(fanOut), inputs: fanIn, outputs: fanOut });
  }
  const adam = model.layers.map((L) => ({
    mw: new Float64Array(L.w.length),
    vw: new Float64Array(L.w.length),
    mb: new Float64Array(L.b.length),
    vb: new Float64Array(L.b.length),
  }));
  const grads = model.layers.map((L) => ({ w: new Float64Array(L.w.length), b: new Float64Array(L.b.length) }));
  const acts = sizes.map((s) => new Float64Array(s));
  const deltas = sizes.map((s) => new Float64Array(s));
  let step = 0;
  const n = label.length;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const order = permutation(n, random);
    for (let start = 0; start < n; start += o.batchSize) {
      const end = Math.min(n, start + o.batchSize);
      for (const g of grads) {
        g.w.fill(0);
        g.b.fill(0);
      }
      for (let t = start; t < end; t++) {
        const i = order[t]!;
        standardize(model, columns, i, acts[0]!);
        forward(model, acts);
        const p = acts[acts.length - 1]![0]!;
        deltas[deltas.length - 1]![0] = (p - label[i]!) * (o.weight ? o.weight[i]! : 1);
        backward(model, acts, deltas, grads);
      }
      step++;
      const m = end - start;
      for (let l = 0; l < model.layers.length; l++) {
        adamStep(model.layers[l]!.w, grads[l]!.w, adam[l]!.mw, adam[l]!.vw, m, step, o);
        adamStep(model.layers[l]!.b, grads[l]!.b, adam[l]!.mb, adam[l]!.vb, m, step, { ...o, decay: 0 });
      }
    }
    if (hooks.onEpoch?.(epoch) === false) break;
  }
  return model;
}

function forward(model: MlpModel, acts: Float64Array[]) {
  const last = model.layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const { w, b, inputs, outputs } = model.layers[l]!;
    const x = acts[l]!;
    const y = acts[l + 1]!;
    for (let o = 0; o < outputs; o++) {
      let s = b[o]!;
      for (let i = 0; i < inputs; i++) s += x[i]! * w[i * outputs + o]!;
      y[o] = l === last ? 1 / (1 + Math.exp(-s)) : Math.max(0, s);
    }
  }
}

function backward(
  model: MlpModel,
  acts: Float64Array[],
  deltas: Float64Array[],
  grads: { w: Float64Array; b: Float64Array }[],
) {
  for (let l = model.layers.length - 1; l >= 0; l--) {
    const { w, inputs, outputs } = model.layers[l]!;
    const x = acts[l]!;
    const d = deltas[l + 1]!;
    const g = grads[l]!;
    for (let o = 0; o < outputs; o++) g.b[o] = g.b[o]! + d[o]!;
    const dPrev = deltas[l]!;
    for (let i = 0; i < inputs; i++) {
      let s = 0;
      for (let o = 0; o < outputs; o++) {
        g.w[i * outputs + o] = g.w[i * outputs + o]! + x[i]! * d[o]!;
        s += w[i * outputs + o]! * d[o]!;
      }
      dPrev[i] = x[i]! > 0 ? s : 0;
    }
  }
}

function adamStep(
  p: Float32Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  batch: number,
  t: number,
  o: MlpOptions,
) {
  const b1 = 0.9;
  const b2 = 0.999;
  for (let k = 0; k < p.length; k++) {
    const grad = g[k]! / batch + o.decay * p[k]!;
    m[k] = b1 * m[k]! + (1 - b1) * grad;
    v[k] = b2 * v[k]! + (1 - b2) * grad * grad;
    const mh = m[k]! / (1 - b1 ** t);
    const vh = v[k]! / (1 - b2 ** t);
    p[k] = p[k]! - (o.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
  }
}

export function mlpPredict(model: MlpModel, columns: Float64Array[]): Float64Array {
  const n = columns[0]?.length ?? 0;
  const sizes = [columns.length, ...model.layers.map((L) => L.outputs)];
  const acts = sizes.map((s) => new Float64Array(s));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    standardize(model, columns, i, acts[0]!);
    forward(model, acts);
    out[i] = acts[acts.length - 1]![0]!;
  }
  return out;
}
