import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';
import { waitForState } from './studio-page.ts';

const SHOTS = path.join(fileURLToPath(new URL('../', import.meta.url)), 'docs/screenshots');

/** Four declarations; the filter keeps value >= 100 (ids 1, 2, 3) and the sort puts 300, 250, 100 first. */
const DECL = `SELECT * FROM (VALUES (1, 'CN', 100), (2, 'VN', 250), (3, 'CN', 300), (4, 'US', 50)) AS t(id, origin, value)`;

/** The script run in the studio's own engine: its rows. */
const runScript = (page: Page, sql: string) =>
  page.evaluate(async (script) => {
    const { engine } = await window.__studio!.session();
    return (await engine.query(script)).rows.map((r) => ({ ...r }));
  }, sql);

describe.skipIf(!hasChromium() && !process.env.CI)('export as SQL', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openStudio(errors, {
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    }));
    await page.evaluate((query) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', { type: 'sql', id: 'decl', params: { query } });
      s.dispatch('add-node', {
        type: 'prep.filter',
        id: 'big',
        after: { source: 'decl' },
        params: { where: 'value >= 100' },
      });
      s.dispatch('add-node', {
        type: 'prep.sort',
        id: 'top',
        after: { source: 'big' },
        params: { by: [{ column: 'value', desc: true }] },
      });
    }, DECL);
    await waitForState(page, 'top', 'done');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the whole pipeline as a read-only script to copy, which gives the same rows', async () => {
    await page.click('[data-testid="export-sql"]');
    await page.waitForSelector('[data-testid="export-sql-script"] .view-lines', { timeout: 30_000 });
    await page.click('[data-testid="export-copy"]');
    await expect.poll(() => page.textContent('[data-testid="export-copy"]')).toBe('복사했습니다');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/"decl"/);
    expect(copied).toMatch(/value >= 100/);
    expect(await runScript(page, copied)).toEqual([
      { id: 3, origin: 'CN', value: 300 },
      { id: 2, origin: 'VN', value: 250 },
      { id: 1, origin: 'CN', value: 100 },
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'export-sql.png') });
    // read-only: typing changes nothing
    await page.click('[data-testid="export-sql-script"] .view-lines');
    await page.keyboard.type('garbage');
    await page.click('[data-testid="export-copy"]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copied);
    await page.click('[data-testid="export-close"]');
    expect(await page.$('[data-testid="export-sql-dialog"]')).toBeNull();
  }, 60_000);

  it('downloads the part up to a step as a .sql file from its panel', async () => {
    await page.evaluate(() => window.__studio!.store.getState().select(['big']));
    await page.click('[data-testid="export-sql-node"]');
    await page.waitForSelector('[data-testid="export-sql-script"] .view-lines', { timeout: 30_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/-big\.sql$/);
    const script = await readFile((await download.path())!, 'utf8');
    expect(script).not.toMatch(/ORDER BY/); // the sort comes after "big"
    const rows = await runScript(page, script);
    expect(rows.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    await page.keyboard.press('Escape');
    expect(await page.$('[data-testid="export-sql-dialog"]')).toBeNull();
    expect(errors).toEqual([]);
  }, 60_000);

  // Issue 17: the chat panel's retrieval in the browser, on a studio just opened as an officer opens it (a page of its
  // own: in CI the panel once waited 150 s for its knowledge on the page the export tests had used, which never
  // happened alone or three runs at a time, 2–4 s; that state is not what this test is about).
  it('the consultation chatbot answers from the shipped rulings with their source and says when it does not know', async () => {
    const chat = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' })
    ).newPage();
    chat.on('pageerror', (e) => errors.push(e.message));
    // what the DuckDB worker says goes to the console only ("error in duckdb worker"): kept to explain a failure
    const logged: string[] = [];
    chat.on('console', (m) => ['error', 'warning'].includes(m.type()) && logged.push(m.text()));
    await chat.goto(server.url);
    await chat.waitForSelector('h1');
    await chat.click('[data-testid="chat-open"]');
    // the panel fetches the shipped consultations, rulings and judgments (2.5 MB) and indexes them on first open:
    // 2.5 s on a quiet machine, much longer while CI loads both cores (over 60 s once). A worker that fails now
    // rejects the waiting statement (runtime/engine/settling-duckdb.ts), so the panel says so instead of waiting.
    await chat
      .waitForSelector('[data-testid="chat-size"], [data-testid="chat-error"]', { timeout: 150_000 })
      .catch(async (e: unknown) => {
        const panel = await chat.textContent('.chat-panel').catch(() => null);
        throw new Error(`chat panel: ${panel}; console: ${logged.join(' | ')}; ${e}`);
      });
    expect(await chat.$('[data-testid="chat-error"]'), logged.join(' | ')).toBeNull();
    await chat.fill('[data-testid="chat-input"]', '블랜칭해서 냉동한 꼬투리째 강낭콩은 어디에 분류되나요?');
    await chat.click('[data-testid="chat-ask"]');
    const first = await chat.textContent('[data-testid="chat-answer"]');
    expect(first).toContain('HS 0710220000');
    expect(first).toContain('결정례');
    await chat.fill('[data-testid="chat-input"]', '오늘 서울 날씨는 어때요?');
    await chat.click('[data-testid="chat-ask"]');
    await chat.waitForSelector('[data-testid="chat-dont-know"]');
    await chat.screenshot({ path: path.join(SHOTS, 'chatbot.png') });
    await chat.click('[data-testid="chat-close"]');
    expect(errors).toEqual([]);
  }, 180_000);
});
