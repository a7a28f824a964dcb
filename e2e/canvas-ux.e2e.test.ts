import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';
import { waitForGrid } from './studio-page.ts';

const SHOTS = path.join(fileURLToPath(new URL('../', import.meta.url)), 'docs/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The step cards drawn on the canvas, by node id, with their boxes on screen. */
const cards = (page: Page) =>
  page.locator('.react-flow__node-step').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();
const fitView = async (page: Page) => {
  await page.click('.react-flow__controls-fitview');
  await page.waitForTimeout(300);
};

/**
 * A new officer at 1440 × 900 in Chromium, by clicks and typing only: the first-use guide loads the sample,
 * palette adds never overlap, a deleted wired card comes back with its edges in one Ctrl+Z, the minimap and
 * the results split stay as they were set, sign-in opens over the canvas and leaves it intact.
 */
describe.skipIf(!hasChromium() && !process.env.CI)('a canvas an officer can use', () => {
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

  it('guides the first steps on the empty canvas; its first button loads the sample', {
    timeout: 120_000,
  }, async () => {
    const guide = page.locator('[data-testid="first-use-guide"]');
    await guide.waitFor();
    expect(await guide.textContent()).toMatch(/예제 데이터 불러오기.*단계 추가.*결과 보기/);
    // The engine is warming up (or already warm) while the officer reads: never just "엔진 대기".
    expect(await page.locator('.engine').textContent()).not.toBe('엔진 대기');
    await page.waitForTimeout(3000); // reading the screen
    await shot(page, 'canvas-guide-empty');
    const started = Date.now();
    await page.click('[data-testid="guide-step1"]');
    await waitForGrid(page, /^\d{5}-\d{2}-\d{7}M$/, 60_000); // a declaration number in the first row
    const ms = Date.now() - started;
    console.log(`first load of declarations.csv: click → first rows in the grid ${ms} ms`);
    expect(await page.locator('[data-testid="inspect-rows"]').textContent()).toMatch(/20,000/);
    expect(await cards(page)).toHaveLength(1);
  });

  it('resizes the results pane by its handle (mouse and keys), remembered; more than five rows show', {
    timeout: 120_000,
  }, async () => {
    const results = page.locator('[data-testid="results-pane"]');
    const rowsShown = () =>
      page
        .locator('[data-testid="grid"] tr[data-row]')
        .evaluateAll((els, bottom) => els.filter((el) => el.getBoundingClientRect().bottom <= bottom).length, 900);
    expect(await rowsShown()).toBeGreaterThan(5);
    const before = (await results.boundingBox())!;
    const handle = (await page.locator('[data-testid="split-handle"]').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 3, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 3, handle.y - 120, { steps: 8 });
    await page.mouse.up();
    const dragged = (await results.boundingBox())!;
    expect(dragged.height - before.height).toBeGreaterThan(100);
    await page.focus('[data-testid="split-handle"]');
    await page.keyboard.press('ArrowDown');
    const keyed = (await results.boundingBox())!;
    expect(keyed.height).toBeLessThan(dragged.height - 10);
    await page.reload();
    await results.waitFor();
    await expect.poll(async () => Math.round((await results.boundingBox())!.height)).toBe(Math.round(keyed.height));
  });

  it('adds three steps from the palette (clicks and a drop on a card) where no card is', async () => {
    const source = (await cards(page)).find((c) => c.id.startsWith('declarations'))!;
    await page.click(`.react-flow__node[data-id="${source.id}"] .node-title`);
    await page.click('.palette-item[data-type="prep.filter"]');
    await page.click('.palette-item[data-type="prep.sort"]');
    // Dropped right onto the source card: it must land beside it, not on it.
    await fitView(page);
    await page
      .locator('.palette-item[data-type="prep.dedupe"]')
      .dragTo(page.locator(`.react-flow__node[data-id="${source.id}"]`));
    await fitView(page);
    await expect.poll(async () => (await cards(page)).length).toBe(4);
    const boxes = await cards(page);
    expect(boxes).toHaveLength(4);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} and ${b.id} overlap`).toBe(false);
    // The two clicked steps follow the selection, fed by it: source → filter → sort.
    expect(await edgeCount(page)).toBe(2);
    // The toolbar never covers the top cards after Fit View.
    const toolbar = (await page.locator('.canvas-toolbar').boundingBox())!;
    for (const b of boxes) expect(overlaps(b, toolbar), `${b.id} under the toolbar`).toBe(false);
    await shot(page, 'canvas-built');
  });

  it('deletes a wired card with its edges in one step, and one Ctrl+Z brings all back', async () => {
    const filter = (await cards(page)).find((c) => c.id.startsWith('filter'))!;
    await page.click(`.react-flow__node[data-id="${filter.id}"] .node-title`);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await cards(page)).length).toBe(3);
    expect(await edgeCount(page)).toBe(0); // both of its edges went with it
    // It was the inspected card: the results pane no longer points at it.
    expect(await page.locator('[data-testid="inspector"]').count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await cards(page)).length).toBe(4);
    expect(await edgeCount(page)).toBe(2);
    // Redo deletes it again in one step, and undo brings it back once more.
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await cards(page)).length).toBe(3);
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await cards(page)).length).toBe(4);
  });

  it('shows and hides the minimap on demand, remembered, and lets drags through to the cards', async () => {
    expect(await page.locator('.react-flow__minimap').count()).toBe(0); // hidden until asked for
    await page.click('[data-testid="minimap-toggle"]');
    await page.locator('.react-flow__minimap').waitFor();
    expect(await page.locator('.react-flow__minimap').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe(
      'none',
    );
    await page.reload();
    await page.locator('.react-flow__minimap').waitFor();
    await page.click('[data-testid="minimap-toggle"]');
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);
    await page.reload();
    await page.locator('.react-flow__node-step').first().waitFor();
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    // The reloaded pipeline is the one left by the last undo: four cards, both edges (drawn once the step registry
    // has loaded and the handles are measured, which on a loaded machine takes longer than a poll's default second).
    await expect.poll(async () => (await cards(page)).length, { timeout: 10_000 }).toBe(4);
    await expect.poll(() => edgeCount(page), { timeout: 10_000 }).toBe(2);
  });

  it('links the editor to the other pages and says what 예약 실행 does', async () => {
    const nav = page.locator('[data-testid="editor-nav"]');
    const links = await nav.locator('a, span').allTextContents();
    for (const want of ['내 파이프라인', '우수 분석사례', '데이터셋', '예약 실행', '실행 이력', '대시보드', '모델'])
      expect(
        links.some((l) => l.includes(want)),
        want,
      ).toBe(true);
    expect(await nav.locator('[data-testid="nav-schedules"]').getAttribute('title')).toMatch(/예약/);
    await page.screenshot({ path: path.join(SHOTS, 'editor-nav.png'), clip: { x: 0, y: 0, width: 1440, height: 220 } });
  });

  it('signs in in a dialog over the canvas, which is intact after; the header stays one line', async () => {
    const before = (await cards(page)).map((c) => c.id).sort();
    await page.click('[data-testid="server-login"]');
    await page.locator('[data-testid="login-dialog"]').waitFor();
    expect(await page.locator('.react-flow__node-step').count()).toBe(before.length); // the canvas, behind
    await shot(page, 'sign-in-dialog');
    const oneTime = /one-time password\s+(\S+)/.exec(server.output())?.[1];
    expect(oneTime).toBeTruthy();
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', oneTime!);
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.fill('input[name="newPassword"]', 'admin-new-password-1');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    // Choosing the password hashes it on the server (slow on a busy machine); then the dialog closes.
    await expect.poll(() => page.locator('[data-testid="login-dialog"]').count(), { timeout: 30_000 }).toBe(0);
    await page.locator('[data-testid="server-save"]').waitFor();
    expect((await cards(page)).map((c) => c.id).sort()).toEqual(before);
    const header = (await page.locator('header.header').boundingBox())!;
    expect(header.height).toBeLessThan(48); // one line of controls
    expect(await page.locator('[data-testid="server-runs"]').getAttribute('title')).toMatch(/예약/);
  });

  it('shows notifications as dark text on white', async () => {
    await page.click('[data-testid="bell"]');
    const panel = page.locator('[data-testid="bell-panel"]');
    await panel.waitFor();
    const colours = await panel.evaluate((el) => {
      const texts = [...el.querySelectorAll('b, p, button, .lib-muted')] as HTMLElement[];
      return texts.map((t) => getComputedStyle(t).color);
    });
    expect(colours.length).toBeGreaterThan(0);
    for (const c of colours) expect(c, 'text colour').not.toBe('rgb(255, 255, 255)');
    await shot(page, 'notifications');
    await page.click('[data-testid="bell"]');
    expect(errors).toEqual([]);
  });
});
