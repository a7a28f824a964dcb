/**
 * The shipped X-ray detector (`model.xray_detect`, KCS model 3) on generated test images it was not trained on:
 * AP@0.5 per class (PASCAL VOC all-point) and images per second in Node (onnxruntime-web WASM, one thread).
 *   npm run bench -- --suite xray
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { evaluateXray, XRAY_SEED, XRAY_TEST_START } from '../templates/generator/xray-train.ts';
import { writeSection } from './results-file.ts';

const COUNT = 500;

export async function runXraySuite(machine: string): Promise<void> {
  ort.env.wasm.numThreads = 1;
  const model = new Uint8Array(
    await readFile(path.join(import.meta.dirname, '../nodes/model/_xray-data/detector.onnx')),
  );
  const r = await evaluateXray(model, { seed: XRAY_SEED, start: XRAY_TEST_START, count: COUNT });
  const mean = r.perClass.reduce((a, c) => a + c.ap, 0) / r.perClass.length;
  const rows = r.perClass.map(
    (c) =>
      `| ${c.cls} | ${c.truth} | ${c.truePositives} | ${(c.truePositives / c.truth).toFixed(3)} | ${c.ap.toFixed(3)} |`,
  );
  const body = `## AI X-ray: the shipped detector on generated images (issue 18 part 1)

Command: \`npm run bench -- --suite xray\` · ${new Date().toISOString().slice(0, 10)} · ${machine}

${COUNT} generated 128×128 dual-energy images (seed ${XRAY_SEED}, indices ${XRAY_TEST_START}…, none of them among the training
images 0…899) with 0–3 hidden items each among clutter; detector \`nodes/model/_xray-data/detector.onnx\`
(${(model.length / 1024).toFixed(0)} KB, \`npm run train:xray\`). Boxes with score ≥ 0.05 after per-class NMS at IoU 0.45; a box is
found at IoU ≥ 0.5 with the same class. Recall counts every box above 0.05, so it is the ceiling the score
threshold trades against precision.

| class | planted | found | recall | AP@0.5 |
|---|---:|---:|---:|---:|
${rows.join('\n')}
| **mAP@0.5** | | | | **${mean.toFixed(3)}** |

Throughput in Node (onnxruntime-web WASM, 1 thread, decode + NMS included, image decoding not):
**${r.imagesPerSecond.toFixed(0)} images/s**.`;
  await writeSection('xray', body);
  console.log(body);
}
