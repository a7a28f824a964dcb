import type * as Ort from 'onnxruntime-web';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { setOffloadHost } from '../../../runtime/compute/offload.ts';
import { createBrowserMlRunner } from '../../../runtime/ml/browser-ml-runner.ts';
import { setOrtLoader } from '../../../runtime/ml/onnx-score.ts';
import { setMlRunner } from '../../../runtime/ml/tasks.ts';
import { followSessionForModels } from './api-model-store.ts';
import { createWorkerOffloadHost } from './offload-host.ts';

/**
 * Model nodes in the studio: training, and the text models' per-item work, in Web Workers (the page stays
 * responsive and cancel ends it),
 * scoring with onnxruntime-web's WASM build, its 14 MB wasm served by our own server and loaded on
 * first use only.
 */
export function setUpModels() {
  setMlRunner(createBrowserMlRunner());
  setOffloadHost(createWorkerOffloadHost());
  followSessionForModels();
  setOrtLoader(async () => {
    const ort = (await import('onnxruntime-web/wasm')) as unknown as typeof Ort;
    ort.env.wasm.wasmPaths = { wasm: ortWasmUrl };
    // More than one thread needs SharedArrayBuffer; one is plenty for tabular scoring.
    ort.env.wasm.numThreads = 1;
    return ort;
  });
}
