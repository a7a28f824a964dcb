import type { Engine } from '../../runtime/engine/engine.ts';
import { toMatrix, transformFeatures } from '../../runtime/ml/features.ts';
import type { GbdtModel } from '../../runtime/ml/gbdt.ts';
import type { OnnxMeta, ScreeningMeta } from '../../runtime/ml/model-store.ts';
import { openOnnx } from '../../runtime/ml/onnx-score.ts';
import {
  exactKey,
  type Objective,
  objectiveScore,
  type RevenueTilt,
  revenueAtStake,
  UNIT_VALUE_KEY,
  withDerived,
} from '../../runtime/ml/screening.ts';
import { explainRow } from './_explain.ts';
import { readColumns, writeWithColumns } from './_model-io.ts';
import { riskLevels } from './_screening-report.ts';

/** The raw columns a screening model reads (its unit-value key is derived from value and quantity). */
export function rawColumns(meta: Pick<ScreeningMeta, 'pre' | 'unitValue' | 'revenue' | 'exactValues'>) {
  const exact = meta.exactValues ?? [];
  const derived = new Set([UNIT_VALUE_KEY, `log ${UNIT_VALUE_KEY}`, ...exact.map(exactKey)]);
  const numeric = [
    ...meta.pre.spec.numeric.filter((c) => !derived.has(c)),
    ...(meta.unitValue ? [meta.unitValue.value, meta.unitValue.quantity] : []),
  ];
  numeric.push(...exact.filter((c) => !numeric.includes(c)));
  return {
    categorical: meta.pre.spec.categorical.filter((c) => !derived.has(c)),
    numeric: [...numeric, ...(meta.revenue ?? []).filter((c) => !numeric.includes(c))],
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
  /** Trees to explain flags with (a `risk_reasons` column); null = the column stays empty (an MLP). */
  explain?: GbdtModel | null,
): Promise<number[]> {
  const numbered = `${tableName}__score`;
  let matrix: Float32Array;
  let n: number;
  let width: number;
  // The objective's use of the revenue at stake (see `Objective` in runtime/ml/screening.ts).
  let tilt: { revenue: Float64Array; objective: Objective; tilt: RevenueTilt } | null = null;
  let reasons: ((flagged: boolean[]) => (string | null)[]) | null = null;
  if (model.meta.kind === 'screening') {
    const raw = rawColumns(model.meta);
    const incoming = await readColumns(engine, relation, numbered, { ...raw, widths: model.meta.widths }, signal);
    const derived = { unitValue: model.meta.unitValue, exactValues: model.meta.exactValues };
    const table = withDerived(incoming.table, incoming.n, derived);
    const features = transformFeatures(model.meta.pre, table, incoming.n);
    matrix = toMatrix(features);
    n = incoming.n;
    width = features.length;
    const { objective, revenue } = model.meta;
    if (objective && objective !== 'precision' && revenue?.length)
      tilt = {
        revenue: revenueAtStake(incoming.table, n, revenue),
        objective,
        tilt: model.meta.tilt ?? { gamma: 0, scale: 0 },
      };
    const pre = model.meta.pre;
    const revenueAt = tilt?.revenue;
    if (explain !== undefined)
      reasons = (flagged) =>
        flagged.map((on, i) => {
          if (!on || !explain) return null;
          const text = explainRow(explain, pre, features, table, i).text;
          return revenueAt ? `${text} · 걸린 세액 ${Math.round(revenueAt[i]!).toLocaleString('ko-KR')}` : text;
        });
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
  // A revenue-tilted score can be far above 1: it keeps six significant digits, a probability six decimals.
  const values = tilt
    ? Array.from(objectiveScore(scores, tilt.revenue, tilt.objective, tilt.tilt), (s) => Number(s.toPrecision(6)))
    : Array.from(scores, (s) => Math.round(s * 1e6) / 1e6);
  const level = riskLevels(values, levels.focusRate, levels.streamlineRate);
  // Each flag (risk_level high) is explained; explaining every row would cost seconds for nothing read.
  const explained = reasons
    ? [{ name: 'risk_reasons', type: 'VARCHAR', values: reasons(level.map((l) => l === 'high')) }]
    : [];
  await writeWithColumns(
    engine,
    numbered,
    tableName,
    [
      { name: 'risk_score', type: 'DOUBLE', values },
      { name: 'risk_level', type: 'VARCHAR', values: level },
      ...explained,
    ],
    inputColumns,
    signal,
  );
  return values;
}
