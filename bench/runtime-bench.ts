import { registry } from '../nodes/index.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { arqueroPrep, loadForArquero } from './arquero-prep.ts';
import { ensureData } from './data.ts';
import { handSql, prepPipeline } from './prep-pipeline.ts';
import { median, ms, timeRuns } from './stats.ts';

export interface RuntimeBenchRow {
  rows: number;
  runtime: number;
  hand: number;
  ratio: number;
  editLast: number;
  editShare: number;
  arquero: number | null;
  arqueroLoad: number | null;
  runs: number;
}

function resolve(doc: unknown) {
  const v = validatePipeline(doc, registry);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
  return v.pipeline;
}

/**
 * Runtime (fresh cache each run) vs the same logic as one hand-written statement in the same DuckDB
 * process, vs Arquero in JS; then the re-run after editing only the last node.
 */
export async function benchRuntime(rows: number, runs: number, withArquero: boolean): Promise<RuntimeBenchRow> {
  const data = await ensureData(rows);
  const engine = await DuckDBNodeEngine.create();
  try {
    const files = new NodeFileAccess({ baseDir: data.dir, engine });
    const pipeline = resolve(prepPipeline(data.declarations, data.companies));
    // Each run starts from an empty cache; dropping the previous run's tables is not part of the timing.
    let previous: PipelineRuntime | undefined;
    const fullRun = async () => {
      await previous?.clear();
      const t0 = performance.now();
      const runtime = new PipelineRuntime(engine, files);
      const r = await runtime.run(pipeline);
      if (!r.ok) throw new Error(JSON.stringify(r.nodes.filter((n) => n.state !== 'done')));
      previous = runtime;
      return performance.now() - t0;
    };
    const handRun = () => engine.exec(handSql(data.declarations, data.companies));
    // Interleave so both see the same cache and thermal state.
    const runtimeTimes: number[] = [];
    const handTimes: number[] = [];
    await fullRun();
    await handRun();
    for (let i = 0; i < runs; i++) {
      runtimeTimes.push(await fullRun());
      handTimes.push(...(await timeRuns(1, handRun, false)));
    }
    await previous?.clear();
    await checkSameRows(engine, data, pipeline);

    const editTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const runtime = new PipelineRuntime(engine, files);
      await runtime.run(pipeline);
      const edited = resolve(prepPipeline(data.declarations, data.companies, 50 + i));
      const t0 = performance.now();
      const r = await runtime.run(edited);
      editTimes.push(performance.now() - t0);
      if (!r.ok || r.nodes.find((n) => n.nodeId === 'by_region')?.cached !== true)
        throw new Error('edit re-ran upstream');
      await runtime.clear();
    }

    let arquero: number | null = null;
    let arqueroLoad: number | null = null;
    if (withArquero) {
      const t0 = performance.now();
      const tables = await loadForArquero(engine, data.declarations, data.companies);
      arqueroLoad = performance.now() - t0;
      const times = await timeRuns(Math.min(runs, 3), async () => arqueroPrep(tables).numRows(), false);
      arquero = median(times);
    }
    const runtime = median(runtimeTimes);
    const hand = median(handTimes);
    const editLast = median(editTimes);
    const row = {
      rows,
      runtime,
      hand,
      ratio: runtime / hand,
      editLast,
      editShare: editLast / runtime,
      arquero,
      arqueroLoad,
      runs,
    };
    console.error(
      `[bench] ${rows}: runtime ${ms(runtime)}, hand SQL ${ms(hand)}, ratio ${row.ratio.toFixed(3)}, edit-last ${ms(editLast)} (${(row.editShare * 100).toFixed(1)}%)${arquero === null ? '' : `, arquero ${ms(arquero)}`}`,
    );
    return row;
  } finally {
    await engine.close();
  }
}

/** The runtime and the hand-written statement must agree, or the timing means nothing. */
async function checkSameRows(
  engine: DuckDBNodeEngine,
  data: { declarations: string; companies: string; dir: string },
  pipeline: ReturnType<typeof resolve>,
) {
  const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: data.dir, engine }));
  const r = await runtime.run(pipeline);
  const a = await engine.query(`SELECT * FROM ${r.relations.get('top')}`);
  await engine.exec(handSql(data.declarations, data.companies));
  const b = await engine.query('SELECT * FROM hand_result');
  const round = (rows: typeof a.rows) =>
    JSON.stringify(
      rows.map((x) => ({
        ...x,
        avg_unit_krw: Number(x.avg_unit_krw).toFixed(6),
        fraud_rate: Number(x.fraud_rate).toFixed(9),
      })),
    );
  if (round(a.rows) !== round(b.rows)) throw new Error('runtime and hand SQL disagree');
  await runtime.clear();
}
