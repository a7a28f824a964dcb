import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../nodes/index.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { rng } from '../runtime/ml/rng.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';

/** Planted: HS codes H00–H04 from CN are violations 60 % of the time, the rest 5 %. */
function valuesSql(n: number, seed: number): string {
  const r = rng(seed);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const hs = `H${String(Math.floor(r() * 40)).padStart(2, '0')}`;
    const origin = ['CN', 'US', 'VN', 'DE', 'JP'][Math.floor(r() * 5)]!;
    const planted = Number(hs.slice(1)) < 5 && origin === 'CN';
    const fraud = r() < (planted ? 0.6 : 0.05) ? 1 : 0;
    const mass = Math.round(r() * 1000) + 1;
    rows.push(`('${seed}-${i}', '${hs}', '${origin}', ${mass}.0, ${fraud})`);
  }
  return `SELECT id, hs, origin, CAST(mass AS DOUBLE) AS mass, CAST(fraud AS INTEGER) AS fraud FROM (VALUES ${rows.join(', ')}) t(id, hs, origin, mass, fraud)`;
}

const HISTORY = valuesSql(1500, 11);
const INCOMING = valuesSql(300, 12);
const OTHER_INCOMING = valuesSql(300, 13);
const MODEL = { label: 'fraud', categorical: ['hs', 'origin'], numeric: ['mass'], learner: 'gbdt', rounds: 150 };

/** The same pipeline on DuckDB native in Node: the reference the browser's ONNX scores must equal. */
async function nodeScores(): Promise<Map<string, number>> {
  const engine = await DuckDBNodeEngine.create();
  const v = validatePipeline(
    {
      format: 'customs-studio/pipeline',
      version: 1,
      name: 'models e2e',
      nodes: [
        { id: 'history', type: 'sql', params: { query: HISTORY } },
        { id: 'incoming', type: 'sql', params: { query: INCOMING } },
        { id: 'scored', type: 'model.risk_screening', params: MODEL },
      ],
      edges: [
        { source: 'history', target: 'scored', targetPort: 'train' },
        { source: 'incoming', target: 'scored', targetPort: 'score' },
      ],
    },
    registry,
  );
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('\n'));
  const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: '.', engine }));
  const result = await runtime.run(v.pipeline, { targets: ['scored'] });
  const r = await engine.query(`SELECT id, risk_score FROM ${result.relations.get('scored')}`);
  await engine.close();
  return new Map(r.rows.map((x) => [String(x.id), Number(x.risk_score)]));
}

describe.skipIf(!hasChromium())('model nodes in the studio', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openStudio(errors));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('trains in a worker with progress, scores with ONNX in the browser, and equals Node', async () => {
    await page.evaluate(
      ([history, incoming, params]) => {
        const s = window.__studio!.store;
        const seen: number[] = [];
        (window as unknown as { __progress: number[] }).__progress = seen;
        s.subscribe((st) => {
          const f = st.running.scored;
          if (f !== undefined && f > 0 && f < 1) seen.push(f);
        });
        const d = s.getState().dispatch;
        d('add-node', { type: 'sql', id: 'history', params: { query: history } });
        d('add-node', { type: 'sql', id: 'incoming', params: { query: incoming } });
        d('add-node', { type: 'model.risk_screening', id: 'scored', params });
        d('connect', { source: 'history', target: 'scored', targetPort: 'train' });
        d('connect', { source: 'incoming', target: 'scored', targetPort: 'score' });
        s.getState().inspect('scored');
      },
      [HISTORY, INCOMING, MODEL] as const,
    );
    await page.waitForFunction(
      () => {
        const st = window.__studio!.store.getState();
        return (
          st.nodeRuns.scored?.state === 'error' ||
          (st.inspection?.nodeId === 'scored' && !('partial' in st.inspection && st.inspection.partial))
        );
      },
      undefined,
      { timeout: 120_000 },
    );
    const run = await page.evaluate(() => window.__studio!.store.getState().nodeRuns.scored);
    expect(run?.message ?? '').toBe('');
    const browserScores = await page.evaluate(async () => {
      const st = window.__studio!.store.getState();
      const session = await window.__studio!.session();
      const r = await session.engine.query(`SELECT id, risk_score FROM ${st.inspection!.relation}`);
      return r.rows.map((x) => [String(x.id), Number(x.risk_score)] as const);
    });
    const reference = await nodeScores();
    expect(browserScores).toHaveLength(300);
    for (const [id, score] of browserScores) expect(score).toBeCloseTo(reference.get(id)!, 5);
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(progress.length).toBeGreaterThan(0);
    // The form (generated from the params schema) and the learners' comparison under it.
    await page.evaluate(() => window.__studio!.store.getState().select(['scored']));
    await page.waitForSelector('text=자동 선택');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="grid"] td').length > 0);
    await page.screenshot({ path: 'docs/screenshots/model-risk-screening.png' });
    expect(errors).toEqual([]);
  }, 180_000);

  it('opens a flagged row with its reasons, and draws the evaluation as pictures with Korean cards', async () => {
    // A flagged declaration (risk_reasons set) in the scored table: its row opens in the detail panel.
    const flagged = await page.evaluate(async () => {
      const st = window.__studio!.store.getState();
      const session = await window.__studio!.session();
      const r = await session.engine.query(`SELECT risk_reasons FROM ${st.inspection!.relation}`);
      return r.rows.findIndex((x) => typeof x.risk_reasons === 'string' && x.risk_reasons !== '');
    });
    expect(flagged).toBeGreaterThanOrEqual(0);
    await page.$eval('[data-testid="grid"]', (el, top) => el.scrollTo(0, top), flagged * 26);
    await page.click(`tr[data-row="${flagged}"] th`);
    const reasons = await page.textContent('[data-testid="row-reasons"]');
    expect(reasons).toContain('선별 사유');
    expect(reasons).toMatch(/위험 (높임|낮춤)/);
    await page.locator('[data-testid="inspector"]').screenshot({ path: 'docs/screenshots/model-row-reasons.png' });

    await page.evaluate(() => {
      const s = window.__studio!.store;
      const d = s.getState().dispatch;
      d('add-node', {
        type: 'model.evaluate',
        id: 'evaluation',
        params: { score: 'risk_score', label: 'fraud', revenue: 'mass', ks: [1, 2, 5, 10, 20] },
      });
      d('connect', { source: 'scored', target: 'evaluation', targetPort: 'in' });
      s.getState().inspect('evaluation');
    });
    for (const port of ['out', 'roc', 'pr', 'confusion'])
      await page.waitForSelector(`[data-port="${port}"] [data-ready="true"]`, { timeout: 20_000 });
    const marks = await page.evaluate(() => ({
      roc: document.querySelectorAll('[data-port="roc"] svg .mark-line.role-mark path').length,
      pr: document.querySelectorAll('[data-port="pr"] svg .mark-line.role-mark path').length,
      atK: document.querySelectorAll('[data-port="out"] svg .mark-line.role-mark path').length,
      cells: document.querySelectorAll('[data-port="confusion"] svg .mark-rect.role-mark path').length,
      text: document.querySelector('[data-port="roc"] svg')?.textContent ?? '',
    }));
    expect(marks.roc).toBeGreaterThanOrEqual(2); // the curve and the random diagonal
    expect(marks.pr).toBeGreaterThanOrEqual(1);
    expect(marks.atK).toBe(3); // precision, recall, revenue share
    expect(marks.cells).toBe(4);
    expect(marks.text).toContain('재현율');
    const cards = await page.textContent('[data-testid="eval-cards"]');
    for (const label of ['적중률(정밀도)', '재현율', '추징세액 비율', '향상도', 'AUC', 'P@5%', 'Rev@5%'])
      expect(cards).toContain(label);
    await page.locator('[data-testid="eval-panel"]').screenshot({ path: 'docs/screenshots/model-evaluation.png' });
    expect(errors).toEqual([]);
  }, 30_000);

  it('scoring other declarations with the same history and settings reuses the training kept in IndexedDB', async () => {
    // The browser session keeps trainings only in IndexedDB, so this hit is read back from it, as after a reload
    // (a whole reload, checked by hand: the KCS template re-ran in 22 s instead of 64 s and kept one model version,
    // costs a fresh DuckDB-WASM start: too slow for this suite).
    const t0 = Date.now();
    await page.evaluate((incoming) => {
      const s = window.__studio!.store;
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      s.subscribe((st) => {
        const f = st.running.scored;
        if (f !== undefined && f > 0 && f < 0.9) seen.push(f);
      });
      s.getState().dispatch('update-params', { id: 'incoming', set: { query: incoming } });
      s.getState().inspect('scored');
    }, OTHER_INCOMING);
    await page.waitForFunction(
      () => {
        const r = window.__studio!.store.getState().nodeRuns.scored;
        return (
          r?.state === 'error' || (r?.state === 'done' && (r.warnings ?? []).some((w) => w.message.includes('재학습')))
        );
      },
      undefined,
      { timeout: 30_000 },
    );
    const run = await page.evaluate(() => window.__studio!.store.getState().nodeRuns.scored);
    expect(run?.message ?? '').toBe('');
    expect(run?.warnings?.map((w) => w.message).join('\n')).toContain('재학습 없음');
    // Training reports its progress below 0.9 as it goes; a reused training never does.
    expect(await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress)).toEqual([]);
    console.info(`re-scored with the kept training: ${Date.now() - t0} ms`);
    expect(errors).toEqual([]);
  }, 30_000);
});
