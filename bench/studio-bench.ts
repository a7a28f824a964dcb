/**
 * The studio in headless Debian chromium (issue 3 item 12): time to the first interactive screen, and the
 * time from a param edit to the inspected node's refreshed result on a 1M-row table through a 6-node chain.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';
import { startServer } from '../e2e/server.ts';
import { ensureBuild } from '../server/ensure-build.ts';
import { median, percentile } from './studio-bench-stats.ts';

export interface StudioBenchResult {
  rows: number;
  /** Navigation start → `window.__studio` set and the title shown, per page load. */
  firstScreenMs: number[];
  /** First run of the chain (DuckDB-WASM start + generating the rows + the preview). */
  firstRunMs: number;
  /** `update-params` on the 5th node → `runNow()` → the 6th node's result reported done. */
  editMs: number[];
  /** The same through auto-run (its 300 ms debounce included). */
  autoEditMs: number[];
}

const GEN = (rows: number) =>
  `SELECT range AS id, ['CN','VN','US','JP','DE'][1 + range % 5] AS origin, (range * 7919) % 100000 / 10.0 AS value, (range % 97)::INTEGER AS qty FROM range(${rows})`;

/** A 6-node prep chain; the 5th (`cut`) is the one edited, the 6th (`ranked`) is inspected. */
function chain(rows: number) {
  const nodes = [
    { id: 'decl', type: 'sql', params: { query: GEN(rows) } },
    { id: 'nonzero', type: 'prep.filter', params: { where: 'qty > 0' } },
    { id: 'krw', type: 'prep.derive', params: { column: 'krw', expression: 'value * 1300' } },
    { id: 'unit', type: 'prep.derive', params: { column: 'unit', expression: 'round(krw / qty, 2)' } },
    { id: 'cut', type: 'prep.filter', params: { where: 'value > 0' } },
    { id: 'ranked', type: 'prep.sort', params: { by: [{ column: 'unit', desc: true }] } },
  ];
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ source: nodes[i]!.id, target: n.id, sourcePort: 'out', targetPort: 'in' }));
  // A second reader keeps the generated rows as a table, as a loaded file is: edits re-run the chain, not the generator.
  const count = {
    id: 'count',
    type: 'sql',
    params: { query: 'SELECT count(*) AS n FROM input' },
    position: { x: 0, y: 160 },
  };
  edges.push({ source: 'decl', target: 'count', sourcePort: 'out', targetPort: 'in' });
  return { nodes: [...nodes.map((n, i) => ({ ...n, position: { x: i * 260, y: 0 } })), count], edges };
}

/** In the page: apply one edit, start the run, resolve with the ms until `ranked` is done again. */
function timedEdit(page: Page, threshold: number, auto: boolean): Promise<number> {
  return page.evaluate(
    ([value, autoRun]) =>
      new Promise<number>((resolve, reject) => {
        const services = window.__studio!;
        const t0 = performance.now();
        let left = false;
        const unsubscribe = services.store.subscribe((s) => {
          const state = s.nodeRuns.ranked?.state;
          if (state !== 'done') left = true;
          if (state === 'error') {
            unsubscribe();
            reject(new Error(s.nodeRuns.ranked?.message));
          }
          if (left && state === 'done') {
            unsubscribe();
            resolve(performance.now() - t0);
          }
        });
        services.store
          .getState()
          .dispatch('update-params', { id: 'cut', set: { where: `value > ${value}` } }, { capture: 'never' });
        if (!autoRun) services.runs.runNow();
      }),
    [threshold, auto] as const,
  );
}

async function firstScreen(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => window.__studio !== undefined && document.querySelector('h1') !== null, null, {
    polling: 'raf',
  });
  return page.evaluate(() => performance.now());
}

export async function benchStudio(rows: number, edits: number): Promise<StudioBenchResult> {
  await ensureBuild(() => {});
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const firstScreenMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ locale: 'ko-KR' });
      firstScreenMs.push(await firstScreen(await context.newPage(), server.url));
      await context.close();
    }
    const page = await (
      await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await firstScreen(page, server.url);
    const t0 = Date.now();
    await page.evaluate((doc) => {
      const s = window.__studio!.store.getState();
      s.setAutoRun(false);
      s.load({ ...s.doc, ...doc } as typeof s.doc);
      s.inspect('ranked');
      window.__studio!.runs.runNow();
    }, chain(rows));
    await page.waitForFunction(() => window.__studio!.store.getState().nodeRuns.ranked?.state === 'done', null, {
      timeout: 300_000,
    });
    const firstRunMs = Date.now() - t0;
    const editMs: number[] = [];
    await timedEdit(page, 1, false); // warm-up
    for (let i = 0; i < edits; i++) editMs.push(await timedEdit(page, 10 + i * 50, false));
    await page.evaluate(() => window.__studio!.store.getState().setAutoRun(true));
    const autoEditMs: number[] = [];
    for (let i = 0; i < 5; i++) autoEditMs.push(await timedEdit(page, 20 + i * 50, true));
    return { rows, firstScreenMs, firstRunMs, editMs, autoEditMs };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function studioSection(r: StudioBenchResult, machine: string): string {
  const f = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
  return `## Studio in headless Chromium (issue 3)

Command: \`npm run bench -- --suite studio\` · ${new Date().toISOString().slice(0, 10)} · ${machine} · Debian chromium, headless

The built studio served by \`server/main.ts\` on loopback (\`bench/studio-bench.ts\`). A 6-node chain loaded through
\`window.__studio\`: SQL generating ${r.rows.toLocaleString('en-US')} declaration rows in DuckDB-WASM → filter → derive → derive →
filter (edited) → sort (inspected), plus a \`count(*)\` reader of the generated rows so they stay a table as a
loaded file does. An edit is \`update-params\` on the 5th node (a new threshold each time) and
ends when the store reports the 6th node done (its result materialized; the grid reads its first window from it).

| measure | median | p90 | runs |
|---|---:|---:|---:|
| first interactive screen (navigation → store exposed + title shown) | ${f(median(r.firstScreenMs))} | ${f(percentile(r.firstScreenMs, 0.9))} | ${r.firstScreenMs.length} |
| param edit → refreshed result (\`runNow\`) | **${f(median(r.editMs))}** | ${f(percentile(r.editMs, 0.9))} | ${r.editMs.length} |
| param edit → refreshed result (auto-run, 300 ms debounce included) | ${f(median(r.autoEditMs))} | ${f(percentile(r.autoEditMs, 0.9))} | ${r.autoEditMs.length} |

First run of the chain (engine start, ${r.rows.toLocaleString('en-US')} rows generated, sorted): ${f(r.firstRunMs)}. Target: edit → preview under 200 ms median.`;
}

/** The `studio` suite of `npm run bench`: runs once and writes its section of `bench/RESULTS.md`. */
export async function runStudioSuite(machine: string, rows = 1_000_000, edits = 15): Promise<void> {
  const { writeSection } = await import('./results-file.ts');
  const body = studioSection(await benchStudio(rows, edits), machine);
  await writeSection('studio', body);
  console.log(body);
}
