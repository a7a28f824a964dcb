/**
 * Run history, schedule editor and the notification bell in headless Chromium, against the real
 * server (`server/main.ts`) with its runner ticking every 300 ms and one attempt per run.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../server/ensure-build.ts';
import { pipelineDoc } from '../server/test/fixtures.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';
import { apiJson, signInAdmin } from './session.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = path.join(ROOT, 'docs/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `runs-${name}.png`) });

describe.skipIf(!hasChromium() && !process.env.CI)('run history and schedules in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let files: string;
  const errors: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    await ensureBuild(() => {});
    await mkdir(SHOTS, { recursive: true });
    files = await mkdtemp(path.join(tmpdir(), 'runs-e2e-files-'));
    await writeFile(path.join(files, 'decl.csv'), 'id,value\n1,500\n2,2000\n3,9000\n');
    // the server process inherits these: a quick runner, no retries, sources read from `files`
    Object.assign(process.env, { RUNNER_INTERVAL_MS: '300', RUNNER_MAX_ATTEMPTS: '1', RUN_DATA_DIR: files });
    server = await startServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' })).newPage();
    page.setDefaultTimeout(60_000); // the machine is shared: the first page load after a build can be slow
    page.on('pageerror', (e) => errors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await browser?.close();
    await server?.stop();
    await rm(files, { recursive: true, force: true });
  });

  it('shows runs with badges, errors that open the node, artifacts, a comparison, the editor and the bell', async () => {
    await signInAdmin(page, server, 'admin-new-password-1');

    // v1 has a broken query, v2 (latest) works; schedule "broken" pins v1
    const broken = pipelineDoc('위험 선별', { path: 'decl.csv', query: 'select * from srcx' });
    const p = await apiJson(page, 'POST', '/api/pipelines', { doc: broken });
    const good = pipelineDoc('위험 선별', { path: 'decl.csv' });
    await apiJson(page, 'PUT', `/api/pipelines/${p.id}`, { doc: good, baseVersion: 1, message: '' });
    const weekly = await apiJson(page, 'POST', '/api/schedules', {
      pipelineId: p.id,
      name: '주간 재심사',
      cron: '0 9 * * 1',
      params: { min_value: 1000 },
    });
    const pinned = await apiJson(page, 'POST', '/api/schedules', {
      pipelineId: p.id,
      name: 'broken',
      cron: '0 9 1 * *',
      version: 1,
    });
    await apiJson(page, 'POST', `/api/schedules/${weekly.id}/run`);
    await apiJson(page, 'POST', `/api/schedules/${pinned.id}/run`);

    await page.evaluate((h) => (location.hash = h), `#/runs/${p.id}`);
    await page.waitForSelector('[data-testid="runs-page"]');
    // the page polls while runs are queued/running: wait for both to end
    await page.waitForSelector('tr[data-status="succeeded"]', { timeout: 60_000 });
    await page.waitForSelector('tr[data-status="failed"]', { timeout: 60_000 });
    expect(await page.textContent('tr[data-status="succeeded"] .run-rows')).toBe('src 3 · q 2');
    expect(await page.textContent('tr[data-status="failed"] .run-error')).toContain('srcx');
    expect(await page.textContent('[data-testid="bell-count"]')).toBe('1');

    await page.click('tr[data-status="succeeded"] button:has-text("자세히")');
    await page.waitForSelector('[data-artifact="out"]');
    const csvHref = await page.getAttribute('[data-artifact="out"] a:has-text("CSV")', 'href');
    const csv = await page.evaluate((u) => fetch(u!).then((r) => r.text()), csvHref);
    expect(csv).toBe('id,value\n2,2000\n3,9000\n');
    for (const box of await page.$$('[data-testid="runs-table"] input[type="checkbox"]')) await box.check();
    await page.waitForSelector('[data-testid="run-compare"]');
    await shot(page, 'history');

    await page.click('[data-testid="new-schedule"]');
    await page.selectOption('[data-testid="schedule-dialog"] select[name="frequency"]', 'weekdays');
    await page.fill('[data-testid="schedule-dialog"] input[name="time"]', '08:30');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="schedule-next"] code')?.textContent === '30 8 * * 1-5',
    );
    // Weekdays only, at 08:30 Seoul time. The server's preview of the new cron replaces the previous list a
    // moment after the cron text changes, so wait for it rather than read the list once.
    await expect
      .poll(() => page.$$eval('[data-testid="schedule-next"] li', (li) => li.map((x) => x.textContent ?? '')), {
        timeout: 30_000,
      })
      .toSatisfy((next: string[]) => next.length === 5 && next.every((x) => /(월|화|수|목|금)요일 08:30$/.test(x)));
    await shot(page, 'schedule-editor');
    await page.fill('[data-testid="schedule-dialog"] input[name="name"]', '평일 아침');
    await page.click('[data-testid="schedule-save"]');
    await page.waitForSelector('tr[data-schedule="평일 아침"]');

    await page.click('[data-testid="open-failing-node"]');
    await page.waitForFunction(() => window.__studio?.store.getState().selection.join() === 'q');
    await page.waitForSelector('[data-testid="bell-count"]');
    await shot(page, 'editor-failing-node');
    expect(errors).toEqual([]);
  }, 180_000);
});
