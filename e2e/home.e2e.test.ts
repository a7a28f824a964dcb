/**
 * The home page as the first page after signing in (issue 19): its counters agree with the server, the header's
 * search finds a shipped template by its initial consonants, and a template opened from the home page lands in
 * the editor as an unsaved document; an analysis request filed with an attached file is found by the same search.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { developerMessages, oneTimeAdminPassword, shownNumber } from './officer.ts';
import { openPinnedStudio, type PinnedStudio } from './pinned-build.ts';
import { apiJson } from './session.ts';

const SHOTS = path.join(fileURLToPath(new URL('../', import.meta.url)), 'docs/screenshots');

describe.skipIf(!hasChromium() && !process.env.CI)('the home page', () => {
  let studio: PinnedStudio | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    studio = await openPinnedStudio(errors, { timezoneId: 'Asia/Seoul' });
    // a fresh page whose first address is the sign-in page (the studio's own page opened at the editor)
    page = await studio.newPage();
    page.setDefaultTimeout(20_000);
  }, 240_000);

  afterAll(async () => {
    if (errors.length > 0) console.error('page errors:', errors);
    await studio?.close();
  });

  it('comes first after signing in, counts what the server holds, finds 수입가격 by ㅅㅇㄱㄱ and opens a template in the editor', async () => {
    const server = studio!.server;
    await page.goto(`${server.url}/#/login`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', oneTimeAdminPassword(server));
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.fill('input[name="newPassword"]', 'home-admin-password-1');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.getByTestId('home-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/home');

    // The counters say what the server counts: the shipped samples are datasets from the first start.
    const home = (await apiJson(page, 'GET', '/api/home')) as { counters: Record<string, { value: number }> };
    expect(home.counters.datasets!.value).toBeGreaterThan(0);
    const datasets = page.getByTestId('counter-datasets').locator('.home-counter-value');
    await expect
      .poll(async () => shownNumber((await datasets.textContent()) ?? ''))
      .toBe(home.counters.datasets!.value);
    const rows = page.getByTestId('counter-rows').locator('.home-counter-value');
    expect(shownNumber((await rows.textContent()) ?? '')).toBe(home.counters.rows!.value);

    // The header's search: initial consonants find the shipped template 수입가격 기준대 저가신고.
    await page.getByTestId('global-search').fill('ㅅㅇㄱㄱ');
    const hit = page.getByTestId('search-panel').locator('.search-hit[data-kind="template"]', { hasText: '수입가격' });
    await hit.first().waitFor();
    await page.getByTestId('global-search').fill('');

    // The shipped templates stand in for the excellent-case ranking on a new installation.
    const link = page.locator('[data-testid="home-excellent"] [data-template-link]').first();
    await link.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'home.png') });
    expect(await developerMessages(page)).toEqual([]);
    const title = (await link.textContent()) ?? ''; // the Korean half of a bilingual title
    await link.click();
    await page.getByTestId('template-detail').waitFor();
    await page.getByTestId('use-template').click();
    await page.getByTestId('use-submit').click();
    const status = page.getByTestId('doc-status');
    await status.waitFor();
    expect(await status.textContent()).toContain('저장 안 됨');
    await expect.poll(() => page.getByLabel('파이프라인 이름').inputValue()).toContain(title.trim());
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 20_000);

  it('files an analysis request with an attached file and finds it through the header search', async () => {
    await page.goto(`${studio!.server.url}/#/requests`);
    await page.getByTestId('request-new').click();
    const form = page.getByTestId('request-form');
    await form.locator('input[name="title"]').fill('원산지우회 의심 업체 분석 의뢰');
    await form.locator('textarea[name="purpose"]').fill('원산지 우회 수입 의심 업체 선별');
    await form.locator('input[type="file"]').setInputFiles({
      name: '의뢰 명세.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('업체,사유\nC000123,원산지 우회\n'),
    });
    await form.getByText('의뢰 명세.csv').waitFor();
    await form.getByRole('button', { name: '신청', exact: true }).click();
    const detail = page.getByTestId('request-detail');
    const attached = detail.locator('a[download]', { hasText: '의뢰 명세.csv' });
    await attached.waitFor();
    const href = (await attached.getAttribute('href'))!;
    const file = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(file).toContain('C000123');

    // A partial word of the title finds the request in the header search, which opens it.
    await page.getByTestId('global-search').fill('원산지우');
    const hit = page.getByTestId('search-panel').locator('.search-hit[data-kind="request"]', { hasText: '원산지우회' });
    await hit.first().waitFor();
    await hit.first().click();
    await detail.waitFor();
    expect(await detail.textContent()).toContain('원산지우회 의심 업체 분석 의뢰');
    expect(errors).toEqual([]);
  }, 12_000);
});
