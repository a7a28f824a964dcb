import type * as Ort from 'onnxruntime-web';

/**
 * Scores ONNX models with onnxruntime-web: its Node build in the server and command line, its WASM build
 * in the browser. The studio installs its own loader (wasm files served locally) with `setOrtLoader`.
 */
type OrtModule = typeof Ort;

// A variable specifier keeps bundlers from pulling the default (WebGPU) build into the studio.
const defaultSpecifier = 'onnxruntime-web';
let loader: () => Promise<OrtModule> = () => import(/* @vite-ignore */ defaultSpecifier) as Promise<OrtModule>;
let loaded: Promise<OrtModule> | null = null;

export function setOrtLoader(load: () => Promise<OrtModule>) {
  loader = load;
  loaded = null;
}

/** The onnxruntime-web module, loaded once (the studio installs its WASM loader first). */
export function ort(): Promise<OrtModule> {
  loaded ??= loader();
  return loaded;
}

export interface OnnxSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  /** Runs the model on a row-major float32 matrix; returns the first output, flattened. */
  score(matrix: Float32Array, rows: number, features: number, batch?: number): Promise<Float32Array>;
  release(): Promise<void>;
}

export async function openOnnx(bytes: Uint8Array): Promise<OnnxSession> {
  const o = await ort();
  const session = await o.InferenceSession.create(bytes);
  const input = session.inputNames[0];
  const output = session.outputNames[0];
  if (!input || !output) throw new Error('the ONNX model has no input or no output');
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async score(matrix, rows, features, batch = 65_536) {
      const out = new Float32Array(rows);
      for (let start = 0; start < rows; start += batch) {
        const end = Math.min(rows, start + batch);
        const x = new o.Tensor('float32', matrix.subarray(start * features, end * features), [end - start, features]);
        const result = await session.run({ [input]: x });
        const y = result[output]!.data as Float32Array;
        // Classifier-style outputs give two columns per row; the positive class is the second.
        const width = y.length / (end - start);
        for (let i = 0; i < end - start; i++) out[start + i] = y[i * width + (width - 1)]!;
      }
      return out;
    },
    release: () => session.release(),
  };
}
