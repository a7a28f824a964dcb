import type { Engine } from '../../runtime/engine/engine.ts';
import { toMatrix } from '../../runtime/ml/features.ts';
import type { OnnxMeta, ScreeningMeta } from '../../runtime/ml/model-store.ts';
import { openOnnx } from '../../runtime/ml/onnx-score.ts';
import { screeningFeatures, UNIT_VALUE_KEY } from '../../runtime/ml/screening.ts';
import { readColumns, writeWithColumns } from './_model-io.ts';
import { riskLevels } from './_screening-report.ts';

/** The raw columns a screening model reads (its unit-value key is derived from value and quantity). */
export function rawColumns(meta: Pick<ScreeningMeta, 'pre' | 'unitValue'>) {
  const derived = new Set([UNIT_VALUE_KEY, `log ${UNIT_VALUE_KEY}`]);
  return {
    categorical: meta.pre.spec.categorical.filter((c) => !derived.has(c)),
    numeric: [
      ...meta.pre.spec.numeric.filter((c) => !derived.has(c)),
      ...(meta.unitValue ? [meta.unitValue.value, meta.unitValue.quantity] : []),
    ],
  };
}

/**
 * Scores `relation` with an ONNX model and writes it to `tableName` with `risk_score` and `risk_level`
 * added (an input column of the same name is replaced). Used by training nodes and `model.score`.
 */
export async function scoreInto(
  engine: Engine,
  relation: string,
  tableName: string,
  inputColumns: string[],
  model: { meta: ScreeningMeta | OnnxMeta; onnx: Uint8Array },
  levels: { focusRate: number; streamlineRate: number },
  signal?: AbortSignal,
): Promise<number[]> {
  const numbered = `${tableName}__score`;
  let matrix: Float32Array;
  let n: number;
  let width: number;
  if (model.meta.kind === 'screening') {
    const raw = rawColumns(model.meta);
    const incoming = await readColumns(engine, relation, numbered, { ...raw, widths: model.meta.widths }, signal);
    const features = screeningFeatures({ pre: model.meta.pre }, incoming.table, incoming.n, model.meta.unitValue);
    matrix = toMatrix(features);
    n = incoming.n;
    width = features.length;
  } else {
    const cols = model.meta.inputColumns;
    const incoming = await readColumns(engine, relation, numbered, { categorical: [], numeric: cols }, signal);
    n = incoming.n;
    width = cols.length;
    // Uploaded models get missing values as NaN, the ONNX convention for "no value".
    const columns = cols.map((c) =>
      Float64Array.from(incoming.table[c] ?? [], (v) => (v === null ? Number.NaN : Number(v))),
    );
    matrix = toMatrix(columns);
  }
  const session = await openOnnx(model.onnx);
  let scores: Float32Array;
  try {
    scores = await session.score(matrix, n, width);
  } finally {
    await session.release();
  }
  const values = Array.from(scores, (s) => Math.round(s * 1e6) / 1e6);
  await writeWithColumns(
    engine,
    numbered,
    tableName,
    [
      { name: 'risk_score', type: 'DOUBLE', values },
      { name: 'risk_level', type: 'VARCHAR', values: riskLevels(values, levels.focusRate, levels.streamlineRate) },
    ],
    inputColumns,
    signal,
  );
  return values;
}
