/**
 * Port-call detection quality of `model.port_calls` (KCS model (8)) on generated AIS tracks with planted calls,
 * sea stops, gaps and pass-bys, against the naive rule "every run of reports inside a port radius is a call":
 *   npm run bench -- --suite port-calls
 */

import {
  generateTracks,
  loadTrack,
  type Quality,
  quality,
  trackSql,
} from '../nodes/model/_port-call-tracks.testing.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { writeSection } from './results-file.ts';

const SEEDS = [1, 2, 3];
const VESSELS = 60;
const DAYS = 30;

export async function runPortCallsSuite(machine: string): Promise<void> {
  const engine = await DuckDBNodeEngine.create();
  const lines: string[] = [];
  let fixes = 0;
  for (const seed of SEEDS) {
    const t = generateTracks(seed, VESSELS, DAYS);
    fixes = t.fixes.length;
    await loadTrack(engine, t);
    const started = performance.now();
    const rows = (await engine.query(trackSql())).rows;
    const ms = performance.now() - started;
    const node = quality(rows, t);
    const naive = quality((await engine.query(trackSql(true))).rows, t);
    const f = (q: Quality) =>
      `${q.detected} / ${q.planted} | ${q.precision.toFixed(3)} | ${q.recall.toFixed(3)} | ${q.dwellMae.toFixed(2)}`;
    lines.push(
      `| ${seed} | node | ${f(node)} | ${node.seaStopRecall.toFixed(3)} (${t.seaStops.length}) | ${node.gapRecall.toFixed(3)} (${t.gaps.length}) | ${Math.round(ms)} ms |`,
      `| ${seed} | naive | ${f(naive)} | — | — | — |`,
    );
  }
  await engine.close();
  const body = `## Vessel arrivals and departures: port-call detection (issue 16 part 4)

Command: \`npm run bench -- --suite port-calls\` · ${new Date().toISOString().slice(0, 10)} · ${machine}

Generated tracks (\`nodes/model/_port-call-tracks.testing.ts\`): ${VESSELS} vessels × ${DAYS} days per seed, a fix every
~10 min (${fixes.toLocaleString('en-US')} fixes for the last seed), 6 Korean ports of radius 2 km, planted calls of
3–30 h, sea stops of 2–8 h ~7 km off a port, AIS silences of 8–20 h while sailing, and pass-bys (a third of the legs
cross another port's radius at 11–16 kn). Node defaults: stopped ≤ 1 kn, call ≥ 60 min, gap > 6 h. Naive = every run
of reports inside a port radius is a call. A detection matches a planted call of the same vessel and port it overlaps;
calls still open at the window's end are left out. Dwell MAE = mean |detected − planted dwell| in hours over matches.

| seed | method | detected / planted calls | precision | recall | dwell MAE (h) | sea-stop recall (planted) | gap recall (planted) | SQL time |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}`;
  await writeSection('port-calls', body);
  console.log(body);
}
