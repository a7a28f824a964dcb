import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';
import { gridRows, waitForState } from './studio-page.ts';

const SHOTS = path.join(fileURLToPath(new URL('../', import.meta.url)), 'docs/screenshots');
/** Seven rows: three spellings of one company (4 rows), two of another (2 rows), one alone. */
const NAMES = `SELECT * FROM (VALUES (1, '(주)한빛무역'), (2, '㈜한빛무역'), (3, 'Glory Wine Co., Ltd.'), (4, '(주)한빛무역'),
  (5, '한빛무역 주식회사'), (6, 'GLORY WINE CO LTD'), (7, '삼성')) AS t(id, name)`;

const mapping = (page: Page) =>
  page.evaluate(() => window.__studio!.store.getState().doc.nodes.find((n) => n.id === 'clean')?.params.mapping ?? []);
const card = (page: Page, i: number) => page.locator(`[data-testid="cluster-review"] [data-cluster="${i}"]`);

describe.skipIf(!hasChromium() && !process.env.CI)('cluster review panel', () => {
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

  it('shows each cluster; accept, edit and reject write the mapping, with undo', async () => {
    await page.evaluate((query) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', { type: 'sql', id: 'names', params: { query } });
      s.dispatch('add-node', {
        type: 'prep.cluster_edit',
        id: 'clean',
        after: { source: 'names' },
        params: { column: 'name', method: 'company' },
      });
      s.select(['clean']);
      s.inspect('clean');
    }, NAMES);
    await page.waitForSelector('[data-testid="cluster-review"] [data-cluster="1"]', { timeout: 60_000 });
    // company keys: 한빛무역 ×3 spellings (2 + 1 + 1 = 4 rows), glorywine ×2 (2 rows); 삼성 stands alone
    expect(await page.textContent('[data-testid="cluster-summary"]')).toBe('묶음 2개 · 값 5개');
    const values = await card(page, 0).locator('.cluster-values li').allTextContents();
    // most frequent first; on a tie the longer spelling first
    expect(values).toEqual(['(주)한빛무역2', '한빛무역 주식회사1', '㈜한빛무역1']);
    expect(await card(page, 0).locator('[data-testid="cluster-canonical"]').inputValue()).toBe('(주)한빛무역');
    expect(await card(page, 1).locator('[data-testid="cluster-canonical"]').inputValue()).toBe('Glory Wine Co., Ltd.');

    await card(page, 0).locator('[data-testid="cluster-canonical"]').fill('한빛무역');
    await card(page, 0).locator('[data-testid="cluster-accept"]').click();
    const accepted = [
      { from: '(주)한빛무역', to: '한빛무역' },
      { from: '한빛무역 주식회사', to: '한빛무역' },
      { from: '㈜한빛무역', to: '한빛무역' },
    ];
    expect(await mapping(page)).toEqual(accepted);
    await expect.poll(() => card(page, 0).getAttribute('data-state')).toBe('accepted');

    // The step's result follows the mapping, row by row (ids 1, 2, 4, 5 renamed; the rest unchanged).
    await waitForState(page, 'clean', 'done');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="grid"] tr[data-row="0"] td')?.nextElementSibling?.textContent ===
        '한빛무역',
    );
    const rows = await gridRows(page);
    expect([...rows.values()].map((cells) => cells[1])).toEqual([
      '한빛무역',
      '한빛무역',
      'Glory Wine Co., Ltd.',
      '한빛무역',
      '한빛무역',
      'GLORY WINE CO LTD',
      '삼성',
    ]);

    await card(page, 1).locator('[data-testid="cluster-reject"]').click();
    await expect.poll(() => card(page, 1).getAttribute('data-state')).toBe('rejected');
    expect(await mapping(page)).toEqual(accepted);

    await page.screenshot({ path: path.join(SHOTS, 'cluster-review.png') });

    await page.evaluate(() => window.__studio!.store.getState().undo());
    expect(await mapping(page)).toEqual([]);
    await expect.poll(() => card(page, 0).getAttribute('data-state')).toBe('open');
    expect(await card(page, 0).locator('[data-testid="cluster-canonical"]').inputValue()).toBe('(주)한빛무역');
    await page.evaluate(() => window.__studio!.store.getState().redo());
    await expect.poll(() => card(page, 0).getAttribute('data-state')).toBe('accepted');
    expect(await mapping(page)).toEqual(accepted);
    expect(errors).toEqual([]);
  }, 120_000);
});
