import { int, ints, type NodeProto, onnx, type TensorProto, tensor, valueInfo } from './onnx-build.ts';

/**
 * The X-ray detector the project trains itself (`npm run train:xray`), as an ONNX graph.
 *
 * A one-stage, YOLO-style fully convolutional net over a 128×128 RGB image in [0, 1] (`images`
 * [N, 3, 128, 128]) with one output `grid` [N, 5 + C, 16, 16] of raw logits per 8×8 cell: tx, ty (centre
 * offset in the cell, through a sigmoid), tw, th (log of the size over the anchor), objectness and one logit per
 * class — the YOLOv3 head layout `runtime/ml/detection-decode.ts` decodes.
 *
 * The first layers are fixed (not learned): colour channels, material contrasts (orange−blue, green−magenta),
 * edges in four directions and a line detector, pooled to 4×4 blocks (kept as a 2×2 layout per cell) and to the
 * cell's maximum. Only the last two layers are learned — a 3×3 convolution over those features with a ReLU
 * and a 1×1 convolution to the head — which trains in minutes on a CPU, in plain TypeScript.
 */

export const XRAY_INPUT = 128;
export const XRAY_STRIDE = 8;
export const XRAY_GRID = XRAY_INPUT / XRAY_STRIDE;
/** The single anchor's side, in input pixels. */
export const XRAY_ANCHOR = 24;

/** Channels of the fixed per-pixel features. */
const PIXEL_FEATURES = 18;
/** Channels at each cell: the 2×2 average-pooled layout of every pixel feature, and its maximum over the cell. */
export const CELL_FEATURES = PIXEL_FEATURES * 4 + PIXEL_FEATURES;

/** The fixed 3×3 kernels [PIXEL_FEATURES, 3, 3, 3] and biases. */
function pixelKernels(): { w: Float32Array; b: Float32Array } {
  const w = new Float32Array(PIXEL_FEATURES * 27);
  const b = new Float32Array(PIXEL_FEATURES);
  const at = (o: number, c: number, ky: number, kx: number) => o * 27 + c * 9 + ky * 3 + kx;
  /** A kernel on luminance (R+G+B)/3. */
  const onLum = (o: number, k: number[][]) => {
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) w[at(o, c, y, x)] = k[y]![x]! / 3;
  };
  /** A per-pixel mix of the channels. */
  const mix = (o: number, r: number, g: number, bl: number) => {
    w[at(o, 0, 1, 1)] = r;
    w[at(o, 1, 1, 1)] = g;
    w[at(o, 2, 1, 1)] = bl;
  };
  mix(0, 1, 0, 0);
  mix(1, 0, 1, 0);
  mix(2, 0, 0, 1);
  mix(3, -1 / 3, -1 / 3, -1 / 3);
  b[3] = 1; // darkness: 1 − luminance
  mix(4, 1, 0, -1); // organic (orange) over metal (blue)
  mix(5, -1, 0, 1);
  mix(6, -0.5, 1, -0.5); // mixed (green)
  mix(7, 0.5, -1, 0.5);
  const sx = [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ];
  const sy = [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ];
  const d1 = [
    [0, 1, 2],
    [-1, 0, 1],
    [-2, -1, 0],
  ];
  const d2 = [
    [-2, -1, 0],
    [-1, 0, 1],
    [0, 1, 2],
  ];
  const lap = [
    [-1, -1, -1],
    [-1, 8, -1],
    [-1, -1, -1],
  ];
  const neg = (k: number[][]) => k.map((r) => r.map((v) => -v));
  [sx, neg(sx), sy, neg(sy), d1, neg(d1), d2, neg(d2), lap, neg(lap)].forEach((k, i) => {
    onLum(8 + i, k);
  });
  return { w, b };
}

/** Nodes from `images` to `cells` [N, CELL_FEATURES, 16, 16]. */
function featureGraph(): { nodes: NodeProto[]; initializers: TensorProto[] } {
  const { w, b } = pixelKernels();
  return {
    initializers: [tensor('fx_w', [PIXEL_FEATURES, 3, 3, 3], w), tensor('fx_b', [PIXEL_FEATURES], b)],
    nodes: [
      onnx.NodeProto.create({
        opType: 'Conv',
        input: ['images', 'fx_w', 'fx_b'],
        output: ['fx_lin'],
        attribute: [ints('kernel_shape', [3, 3]), ints('pads', [1, 1, 1, 1])],
      }),
      onnx.NodeProto.create({ opType: 'Relu', input: ['fx_lin'], output: ['fx'] }),
      onnx.NodeProto.create({
        opType: 'AveragePool',
        input: ['fx'],
        output: ['fx_avg'],
        attribute: [ints('kernel_shape', [4, 4]), ints('strides', [4, 4])],
      }),
      onnx.NodeProto.create({
        opType: 'SpaceToDepth',
        input: ['fx_avg'],
        output: ['fx_layout'],
        attribute: [int('blocksize', 2)],
      }),
      onnx.NodeProto.create({
        opType: 'MaxPool',
        input: ['fx'],
        output: ['fx_max'],
        attribute: [ints('kernel_shape', [8, 8]), ints('strides', [8, 8])],
      }),
      onnx.NodeProto.create({
        opType: 'Concat',
        input: ['fx_layout', 'fx_max'],
        output: ['cells'],
        attribute: [int('axis', 1)],
      }),
    ],
  };
}

function encode(graph: ReturnType<typeof onnx.GraphProto.create>): Uint8Array {
  const m = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'customs-analysis-studio xray-train',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  const err = onnx.ModelProto.verify(m);
  if (err) throw new Error(err);
  return onnx.ModelProto.encode(m).finish();
}

/** The fixed part alone, for training: `images` → `cells`. */
export function buildFeatureModel(): Uint8Array {
  const f = featureGraph();
  return encode(
    onnx.GraphProto.create({
      name: 'xray_features',
      node: f.nodes,
      initializer: f.initializers,
      input: [valueInfo('images', ['N', 3, XRAY_INPUT, XRAY_INPUT])],
      output: [valueInfo('cells', ['N', CELL_FEATURES, XRAY_GRID, XRAY_GRID])],
    }),
  );
}

/** The learned head: standardisation, a 3×3 convolution + ReLU, and a 1×1 convolution to 5 + C logits. */
export interface XrayHead {
  classes: readonly string[];
  hidden: number;
  mean: Float32Array;
  invStd: Float32Array;
  /** [hidden, CELL_FEATURES, 3, 3] */
  w1: Float32Array;
  b1: Float32Array;
  /** [5 + C, hidden] */
  w2: Float32Array;
  b2: Float32Array;
}

export function buildDetectorModel(head: XrayHead): Uint8Array {
  const f = featureGraph();
  const out = 5 + head.classes.length;
  return encode(
    onnx.GraphProto.create({
      name: 'xray_detector',
      node: [
        ...f.nodes,
        onnx.NodeProto.create({ opType: 'Sub', input: ['cells', 'mean'], output: ['centred'] }),
        onnx.NodeProto.create({ opType: 'Mul', input: ['centred', 'inv_std'], output: ['standard'] }),
        onnx.NodeProto.create({
          opType: 'Conv',
          input: ['standard', 'w1', 'b1'],
          output: ['h_lin'],
          attribute: [ints('kernel_shape', [3, 3]), ints('pads', [1, 1, 1, 1])],
        }),
        onnx.NodeProto.create({ opType: 'Relu', input: ['h_lin'], output: ['h'] }),
        onnx.NodeProto.create({
          opType: 'Conv',
          input: ['h', 'w2', 'b2'],
          output: ['grid'],
          attribute: [ints('kernel_shape', [1, 1])],
        }),
      ],
      initializer: [
        ...f.initializers,
        tensor('mean', [1, CELL_FEATURES, 1, 1], head.mean),
        tensor('inv_std', [1, CELL_FEATURES, 1, 1], head.invStd),
        tensor('w1', [head.hidden, CELL_FEATURES, 3, 3], head.w1),
        tensor('b1', [head.hidden], head.b1),
        tensor('w2', [out, head.hidden, 1, 1], head.w2),
        tensor('b2', [out], head.b2),
      ],
      input: [valueInfo('images', ['N', 3, XRAY_INPUT, XRAY_INPUT])],
      output: [valueInfo('grid', ['N', out, XRAY_GRID, XRAY_GRID])],
    }),
  );
}
