import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../server/ensure-build.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';
import { apiCall, signIn } from './session.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = path.join(ROOT, 'docs/screenshots');
const ADMIN_PASSWORD = 'admin-new-password-1';
const OFFICER_PASSWORD = 'officer-new-password-1';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `library-${name}.png`) });
const hash = (page: Page, h: string) => page.evaluate((x) => (location.hash = x), h);
const rename = (page: Page, name: string) =>
  page.evaluate((n) => window.__studio?.store.getState().dispatch('rename-pipeline', { name: n }), name);

describe.skipIf(!hasChromium() && !process.env.CI)('server library pages in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureBuild(() => {});
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, saves two versions, restores v1, survives a conflict, publishes, rates and ranks', async () => {
    const oneTime = /one-time password\s+(\S+)/.exec(server.output())?.[1];
    expect(oneTime).toBeTruthy();
    await page.goto(`${server.url}/#/login`);
    await page.waitForSelector('[data-testid="login-form"]');
    await shot(page, 'login');
    await signIn(page, server.url, 'admin', oneTime!, ADMIN_PASSWORD);

    // Save from the editor, change, save again → v1, v2.
    await hash(page, '#/editor');
    await page.waitForSelector('[data-testid="server-save"]');
    await rename(page, '수입가격 분석 v1');
    await page.click('[data-testid="server-save"]');
    await expect.poll(() => page.textContent('[data-testid="server-status"]')).toBe('v1');
    await rename(page, '수입가격 분석 v2');
    await page.click('[data-testid="server-save"]');
    await expect.poll(() => page.textContent('[data-testid="server-status"]')).toBe('v2');

    // History: compare v1 with v2, restore v1 (a new v3 with v1's document).
    await page.click('[data-testid="server-history"]');
    await page.waitForSelector('[data-testid="history-panel"] li[data-version="2"]');
    await page.check('[data-testid="history-panel"] li[data-version="1"] input[type="checkbox"]');
    await page.check('[data-testid="history-panel"] li[data-version="2"] input[type="checkbox"]');
    await page.click('[data-testid="compare"]');
    await page.waitForSelector('[data-testid="version-diff"]');
    expect(await page.textContent('[data-testid="version-diff"]')).toContain('수입가격 분석 v2');
    await shot(page, 'history');
    await page.click('[data-testid="restore-v1"]');
    await page.waitForSelector('[data-testid="history-panel"] li[data-version="3"]');
    await expect.poll(() => page.inputValue('.doc-name')).toBe('수입가격 분석 v1');
    await expect.poll(() => page.textContent('[data-testid="server-status"]')).toBe('v3');
    await page.click('[data-testid="history-panel"] button:has-text("닫기")');

    // Someone saves behind the page's back; the page's save → 409 → "사본으로 저장".
    const mine = await apiCall(page, 'GET', '/api/pipelines?owner=me');
    const pipeline = (mine.body.items as { id: string; latestVersion: number }[])[0]!;
    const current = await apiCall(page, 'GET', `/api/pipelines/${pipeline.id}`);
    const behind = await apiCall(page, 'PUT', `/api/pipelines/${pipeline.id}`, {
      doc: { ...(current.body.doc as object), name: '다른 사람이 고친 분석' },
      baseVersion: pipeline.latestVersion,
      message: 'behind the page',
    });
    expect(behind.status).toBe(200);
    await rename(page, '내가 고친 분석');
    await page.click('[data-testid="server-save"]');
    await page.waitForSelector('[data-testid="conflict-dialog"]');
    await shot(page, 'conflict');
    await page.click('[data-testid="conflict-copy"]');
    await page.waitForSelector('[data-testid="conflict-dialog"]', { state: 'detached' });
    await expect
      .poll(async () => {
        const all = await apiCall(page, 'GET', '/api/pipelines?owner=me');
        return (all.body.items as { name: string }[]).map((p) => p.name).sort();
      })
      .toEqual(['내가 고친 분석 (사본)', '다른 사람이 고친 분석']);
    await hash(page, '#/pipelines');
    await page.waitForSelector('[data-pipeline="다른 사람이 고친 분석"]');
    await page.waitForSelector('[data-pipeline="내가 고친 분석 (사본)"]');
    await shot(page, 'pipelines');
    await hash(page, '#/editor');

    // Publish the copy as a template.
    await page.click('[data-testid="server-publish"]');
    await page.waitForSelector('[data-testid="publish-dialog"]');
    await page.fill('[data-testid="publish-title"]', '수입가격 이상 탐지');
    await page.fill('[data-testid="publish-tags"]', '수입가격, 저가신고');
    // A committed sample image: docs/screenshots are rewritten by other browser tests running at the same time.
    await page.setInputFiles('[data-testid="publish-preview"]', path.join(ROOT, 'templates/data/xray/xray-001.png'));
    await shot(page, 'publish');
    await page.click('[data-testid="publish-submit"]');
    await page.waitForSelector('[data-testid="template-detail"]');
    const templateUrl = page.url();
    // The preview image went up with it; the admin (a reviewer too) marks the case excellent.
    const preview = page.locator('[data-testid="template-detail"] img.lib-preview');
    await preview.waitFor();
    await page.waitForFunction((img) => (img as HTMLImageElement).complete, await preview.elementHandle());
    expect(await preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(128);
    await page.click('[data-testid="mark-excellent"]');
    await page.waitForSelector('[data-testid="template-detail"] .lib-badge');

    // A second officer uses the template and rates it (nobody rates their own).
    const created = await apiCall(page, 'POST', '/api/users', {
      username: 'kim',
      displayName: '김관세',
      role: 'officer',
    });
    expect(created.status).toBe(201);
    const officerOneTime = String(created.body.oneTimePassword);
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
    const officer = await other.newPage();
    officer.on('pageerror', (e) => errors.push(e.message));
    await signIn(officer, server.url, 'kim', officerOneTime, OFFICER_PASSWORD);
    await officer.goto(templateUrl);
    await officer.waitForSelector('[data-testid="template-detail"]');
    await officer.click('[data-testid="my-rating"] button[data-star="4"]');
    await expect.poll(() => officer.textContent('[data-testid="rating-summary"]')).toContain('4.0 (1)');
    await shot(officer, 'template-detail');
    await officer.click('[data-testid="use-template"]');
    await officer.waitForSelector('[data-testid="use-dialog"]');
    await officer.click('[data-testid="use-submit"]');
    await expect.poll(() => officer.inputValue('.doc-name')).toBe('수입가격 이상 탐지');

    await hash(officer, '#/templates');
    await officer.waitForSelector('[data-template="수입가격 이상 탐지"]');
    expect(await officer.textContent('[data-template="수입가격 이상 탐지"]')).toContain('1');
    await shot(officer, 'gallery');
    await hash(officer, '#/ranking');
    await officer.waitForSelector('[data-testid="ranking-page"] li[data-rank="1"]');
    expect(await officer.textContent('[data-testid="ranking-page"] li[data-rank="1"]')).toContain('수입가격 이상 탐지');
    expect(await officer.textContent('[data-testid="ranking-page"] li[data-rank="1"]')).toContain('NEW');
    await shot(officer, 'ranking');
    await hash(officer, '#/datasets');
    await officer.waitForSelector('[data-testid="datasets-page"]');
    await officer.setInputFiles('[data-testid="dataset-input"]', path.join(ROOT, 'templates/data/news.csv'));
    // the shipped samples are listed too (owned by the system account): find the officer's own upload
    const ownUpload = officer.locator('[data-testid="datasets-page"] tbody tr', { hasText: '김관세' });
    await ownUpload.waitFor();
    expect(await ownUpload.textContent()).toContain('news');
    await shot(officer, 'datasets');
    // Open the uploaded dataset as a source: the studio downloads it with the session and DuckDB-WASM reads it.
    await ownUpload.locator('button').click();
    const datasetRun = await officer.waitForFunction(
      () => {
        const st = window.__studio?.store.getState();
        const node = st?.doc.nodes.find((n) => n.type === 'source.file' && 'datasetId' in n.params);
        const run = node ? st?.nodeRuns[node.id] : undefined;
        return run && ['done', 'error'].includes(run.state)
          ? { state: run.state, rows: run.rows, message: run.message }
          : null;
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await datasetRun.jsonValue()).toMatchObject({ state: 'done', rows: 600 });
    await other.close();
    expect(errors).toEqual([]);
  }, 240_000);
});
