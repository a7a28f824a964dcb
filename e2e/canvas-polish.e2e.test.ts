import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';
import { waitForState } from './studio-page.ts';

const SHOTS = path.join(fileURLToPath(new URL('../', import.meta.url)), 'docs/screenshots');

/** Four declarations and two countries: the inner join on origin keeps CN, CN, VN (US has no country row). */
const DECL = `SELECT * FROM (VALUES (1, 'CN', 100), (2, 'VN', 250), (3, 'CN', 300), (4, 'US', 50)) AS t(id, origin, value)`;
const COUNTRIES = `SELECT * FROM (VALUES ('CN', '중국'), ('VN', '베트남')) AS t(origin, country_name)`;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const positions = (page: Page, ids: string[]) =>
  page.evaluate(
    (want) =>
      Object.fromEntries(
        window
          .__studio!.store.getState()
          .doc.nodes.filter((n) => want.includes(n.id))
          .map((n) => [n.id, n.position]),
      ),
    ids,
  );
const groups = (page: Page) =>
  page.evaluate(() => (window.__studio!.store.getState().doc.ui?.groups ?? []) as { id: string; nodes: string[] }[]);

describe.skipIf(!hasChromium() && !process.env.CI)('canvas ports, groups and notebook outputs', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openStudio(errors));
    await page.evaluate(
      ([decl, countries]) => {
        const s = window.__studio!.store.getState();
        s.dispatch('add-node', { type: 'sql', id: 'decl', params: { query: decl }, position: { x: 40, y: 40 } });
        s.dispatch('add-node', {
          type: 'sql',
          id: 'countries',
          params: { query: countries },
          position: { x: 40, y: 220 },
        });
        s.dispatch('add-node', {
          type: 'prep.join',
          id: 'joined',
          label: '신고·국가 결합 (국가코드 기준 내부 조인)',
          params: { how: 'inner', on: [{ left: 'origin', right: 'origin' }] },
          position: { x: 420, y: 120 },
          after: { source: 'decl', targetPort: 'left' },
        });
        s.dispatch('connect', { source: 'countries', target: 'joined', targetPort: 'right' });
        s.dispatch('add-node', {
          type: 'prep.validate',
          id: 'checked',
          params: { rules: [{ rule: 'range', column: 'value', min: 100 }] },
          position: { x: 720, y: 120 },
          after: { source: 'joined' },
        });
        s.dispatch('add-node', {
          type: 'prep.filter',
          id: 'broken',
          params: { rules: [{ column: 'no_such_column', op: '>', value: 1 }] },
          position: { x: 720, y: 330 },
          after: { source: 'joined' },
        });
        s.inspect('joined');
      },
      [DECL, COUNTRIES],
    );
    await waitForState(page, 'joined', 'done');
    await waitForState(page, 'checked', 'done');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('labels the ports of a two-input node beside their handles, clear of the title and of each other', async () => {
    await page.click('.react-flow__controls-fitview');
    // Measure once the view has stopped moving (two reads of its transform agree).
    let last = '';
    await expect
      .poll(async () => {
        const now = await page.evaluate(
          () => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform,
        );
        const same = now === last;
        last = now;
        return same;
      })
      .toBe(true);
    const card = page.locator('.node-card[data-node-id="joined"]');
    const title = (await card.locator('.node-title').boundingBox())!;
    const labels = await card.locator('.port-label').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { port: el.getAttribute('data-port'), x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(labels.map((l) => l.port)).toEqual(['left', 'right']);
    for (const l of labels) expect(overlaps(l, title)).toBe(false);
    expect(overlaps(labels[0]!, labels[1]!)).toBe(false);
    // Each input handle sits on the card's left edge, level with its own label.
    const cardBox = (await card.boundingBox())!;
    for (const l of labels) {
      const handle = (await card.locator(`.react-flow__handle[data-handleid="${l.port}"]`).boundingBox())!;
      expect(Math.abs(handle.x + handle.width / 2 - cardBox.x)).toBeLessThan(4);
      expect(Math.abs(handle.y + handle.height / 2 - (l.y + l.height / 2))).toBeLessThan(3);
    }
    // A long label is cut short with its full text in the tooltip; the two outputs of prep.validate too.
    const outs = await page
      .locator('.node-card[data-node-id="checked"] .port-out')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-port')));
    expect(outs).toEqual(['valid', 'rejected']);
    expect(await page.locator('.react-flow__edge').count()).toBe(4);
    await page.screenshot({ path: path.join(SHOTS, 'canvas-ports.png') });
  });

  it('groups nodes in a frame that moves them, undoes the move, and ungroups', async () => {
    await page.evaluate(() => window.__studio!.store.getState().select(['decl', 'countries']));
    await page.click('[data-testid="group-selection"]');
    await expect.poll(() => groups(page)).toHaveLength(1);
    const [group] = await groups(page);
    expect(group!.nodes).toEqual(['decl', 'countries']);
    await page.fill(`[data-group-id="${group!.id}"] .group-label`, '신고 원천');
    const before = await positions(page, ['decl', 'countries']);

    // Drag the frame by its label strip (just right of the name field) 80 px right and 60 px down.
    const frame = page.locator(`[data-group-id="${group!.id}"]`);
    const frameBefore = (await frame.boundingBox())!;
    const name = (await frame.locator('.group-label').boundingBox())!;
    const from = { x: name.x + name.width + 8, y: name.y + name.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 80, from.y + 60, { steps: 10 });
    await page.mouse.up();
    const frameAfter = (await frame.boundingBox())!;
    const after = await positions(page, ['decl', 'countries']);
    const zoom = await page.evaluate(() => {
      const t = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
      return new DOMMatrix(t).a;
    });
    // The frame followed the pointer (React Flow starts a drag a step in, so less than the full 80 × 60) ...
    const moved = { x: (frameAfter.x - frameBefore.x) / zoom, y: (frameAfter.y - frameBefore.y) / zoom };
    expect(moved.x).toBeGreaterThan(40 / zoom);
    expect(moved.y).toBeGreaterThan(30 / zoom);
    // ... and both members moved exactly as far as the frame did, so it still fits them alike.
    for (const id of ['decl', 'countries']) {
      expect(Math.abs(after[id]!.x - before[id]!.x - moved.x)).toBeLessThan(1.5);
      expect(Math.abs(after[id]!.y - before[id]!.y - moved.y)).toBeLessThan(1.5);
    }
    expect(frameAfter.width).toBeCloseTo(frameBefore.width, 0);
    await page.evaluate(() => window.__studio!.store.getState().select([]));
    await page.screenshot({ path: path.join(SHOTS, 'canvas-group.png') });

    // The whole drag is one undo step; the label survives it.
    await page.keyboard.press('Control+Z');
    expect(await positions(page, ['decl', 'countries'])).toEqual(before);
    expect(await page.inputValue(`[data-group-id="${group!.id}"] .group-label`)).toBe('신고 원천');

    await page.click(`[data-testid="ungroup-${group!.id}"]`);
    await expect.poll(() => groups(page)).toEqual([]);
    expect(await page.locator('.group-frame').count()).toBe(0);
    expect(await positions(page, ['decl', 'countries'])).toEqual(before);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => groups(page).then((g) => g.map((x) => x.nodes))).toEqual([['decl', 'countries']]);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => groups(page)).toEqual([]);
  });

  it('shows every cell’s first rows in the notebook, and a failing cell’s error at its setting', async () => {
    await waitForState(page, 'broken', 'error');
    await page.click('[data-testid="view-notebook"]');
    // joined is inspected (a window of its table); the others are previews read when they come into view.
    // Cells further down have not been read yet: they load as they scroll into view.
    await page.waitForSelector('[data-testid="preview-decl"] table');
    expect(await page.getAttribute('[data-testid="preview-checked"]', 'data-preview')).toBe('none');
    const rowsOf = async (id: string) => {
      await page.locator(`[data-testid="preview-${id}"]`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`[data-testid="preview-${id}"] table`);
      return page.locator(`[data-testid="preview-${id}"] tbody tr`).count();
    };
    expect(await rowsOf('decl')).toBe(4);
    expect(await rowsOf('countries')).toBe(2);
    // joined is inspected: a window of its materialized table; CN, VN, CN have a country row, US has none
    expect(await rowsOf('joined')).toBe(3);
    // validate's own result: all three joined rows, with the reason column (values 100, 250, 300 are all >= 100)
    expect(await rowsOf('checked')).toBe(3);
    expect(
      await page.locator('[data-testid="preview-checked"] th').evaluateAll((els) => els.map((e) => e.textContent)),
    ).toContain('reason');

    const error = page.locator('[data-testid="cell-error-broken"]');
    await error.scrollIntoViewIfNeeded();
    expect(await error.textContent()).toMatch(/no_such_column/);
    // The error is at rules.0.column: the first rule's row is outlined.
    const outline = await page
      .locator('.cell[data-node-id="broken"] .field[data-field="rules"] .rule-row[data-rule="0"]')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.evaluate(() => document.querySelector('[data-testid="preview-checked"]')?.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'notebook-outputs.png') });
    await page.click('[data-testid="view-canvas"]');
    expect(errors).toEqual([]);
  });
});
