import { describe, expect, it } from 'vitest';
import { MISSING } from './binning.ts';
import { toMatrix } from './features.ts';
import { gbdtPredict, trainGbdt } from './gbdt.ts';
import { mlpPredict, trainMlp } from './mlp.ts';
import { exportOnnx } from './onnx-export.ts';
import { openOnnx } from './onnx-score.ts';
import { rng } from './rng.ts';

/** y = 1 when x0 > 0.5 and x1 < 0.3 (a box), with a missing value in x2 now and then. */
function boxData(n: number, seed: number) {
  const r = rng(seed);
  const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cols[0]![i] = r();
    cols[1]![i] = r();
    cols[2]![i] = r() < 0.1 ? MISSING : r() * 100;
    y[i] = cols[0]![i]! > 0.5 && cols[1]![i]! < 0.3 ? 1 : 0;
  }
  return { cols, y };
}

describe('ONNX export', () => {
  const train = boxData(2000, 1);
  const test = boxData(500, 2);

  it('gives the trees the same scores onnxruntime does', async () => {
    const model = trainGbdt(train.cols, train.y, { rounds: 40 });
    const js = gbdtPredict(model, test.cols);
    const session = await openOnnx(exportOnnx(model));
    const onnx = await session.score(toMatrix(test.cols), 500, 3);
    for (let i = 0; i < 500; i++) expect(onnx[i]).toBeCloseTo(js[i]!, 5);
    // The box is learnt: rows inside score high, rows outside low.
    const inside = test.y.reduce((s, y, i) => s + (y ? js[i]! : 0), 0) / test.y.reduce((s, y) => s + y, 0);
    expect(inside).toBeGreaterThan(0.8);
  });

  it('gives the MLP and the ensemble the same scores onnxruntime does', async () => {
    const mlp = trainMlp(train.cols, train.y, { epochs: 5 });
    const js = mlpPredict(mlp, test.cols);
    const onnx = await (await openOnnx(exportOnnx(mlp))).score(toMatrix(test.cols), 500, 3);
    for (let i = 0; i < 500; i++) expect(onnx[i]).toBeCloseTo(js[i]!, 4);
    const gbdt = trainGbdt(train.cols, train.y, { rounds: 10 });
    const both = await (await openOnnx(exportOnnx({ kind: 'ensemble', members: [gbdt, mlp] }))).score(
      toMatrix(test.cols),
      500,
      3,
    );
    const g = gbdtPredict(gbdt, test.cols);
    for (let i = 0; i < 500; i++) expect(both[i]).toBeCloseTo((g[i]! + js[i]!) / 2, 4);
  });
});
