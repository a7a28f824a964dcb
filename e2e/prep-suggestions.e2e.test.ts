import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../server/ensure-build.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { readCsv } from './csv.ts';
import { type RunningServer, startServer } from './server.ts';
import { waitForGrid } from './studio-page.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = path.join(ROOT, 'docs/screenshots');
const COMPANIES = path.join(ROOT, 'templates/data/companies.csv');
const MIXED_SQL = `SELECT range AS id,
  CASE WHEN range % 10 = 0 THEN 'n/a' WHEN range % 7 = 0 THEN '' ELSE format('{:,}', range * 1000) END AS amount_text,
  CASE WHEN range % 5 = 0 THEN NULL WHEN range % 13 = 0 THEN '곧' ELSE strftime(DATE '2024-01-01' + range::INTEGER, '%Y.%m.%d') END AS day_text
FROM range(200)`;

interface NodeLike {
  id: string;
  type: string;
  params: Record<string, unknown>;
}

/** The store's view of the pipeline (the step list / canvas may change; the store does not). */
const pipeline = (page: Page) =>
  page.evaluate(() => {
    const s = window.__studio!.store.getState();
    return {
      nodes: s.doc.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params })),
      edges: s.doc.edges.map((e) => ({ source: e.source, target: e.target })),
      inspected: s.inspected,
    };
  });

const runState = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const r = window.__studio!.store.getState().nodeRuns[nodeId];
    return r ? { state: r.state, rows: r.rows ?? null } : undefined;
  }, id);

/**
 * Inspects a node that already ran. Re-inspecting a finished node does not hand its table to the grid until the
 * next run (seen with the run controller at this point), so ask for one.
 */
async function inspect(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    window.__studio!.store.getState().inspect(nodeId);
    window.__studio!.runs.runNow();
  }, id);
}

async function waitDone(page: Page, id: string): Promise<number | null> {
  await page.waitForFunction((nodeId) => window.__studio!.store.getState().nodeRuns[nodeId]?.state === 'done', id, {
    timeout: 60_000,
  });
  return (await runState(page, id))!.rows;
}

/** The new node fed by `source`. */
async function nodeAfter(page: Page, source: string, type: string): Promise<NodeLike> {
  await expect
    .poll(async () => (await pipeline(page)).nodes.some((n) => n.type === type), { timeout: 10_000 })
    .toBe(true);
  const p = await pipeline(page);
  const node = p.nodes.find((n) => n.type === type)!;
  expect(p.edges).toContainEqual({ source, target: node.id });
  expect(p.inspected).toBe(node.id);
  return node;
}

/** Texts of one column for the grid rows in the DOM, by row index. */
const columnCells = (page: Page, column: string) =>
  page.evaluate((name) => {
    const heads = [...document.querySelectorAll('[data-testid="grid"] thead th')];
    const at = heads.findIndex((h) => h.getAttribute('data-column') === name);
    return [...document.querySelectorAll('[data-testid="grid"] tr[data-row]')].map((tr) => ({
      index: Number(tr.getAttribute('data-row')),
      text: tr.children[at]?.textContent ?? '',
    }));
  }, column);

describe.skipIf(!hasChromium() && !process.env.CI)('prep suggestions, quality bars and filtergrams', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const csv = readCsv(COMPANIES);

  beforeAll(async () => {
    await ensureBuild(() => {});
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('h1');
    await page.evaluate(() => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', {
        type: 'source.file',
        id: 'companies',
        params: { path: 'templates/data/companies.csv', format: 'csv' },
      });
      s.inspect('companies');
    });
    expect(await waitDone(page, 'companies')).toBe(csv.length);
    await waitForGrid(page, csv[0]!.company_id!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows quality bars against the type the values mean, with counts on hover', async () => {
    // 200 rows of text: amounts with 'n/a' and blanks, dotted dates with NULLs.
    await page.evaluate((query) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', { type: 'sql', id: 'mixed', params: { query } });
      s.inspect('mixed');
    }, MIXED_SQL);
    await waitDone(page, 'mixed');
    const bar = (column: string) =>
      page.$eval(`.grid-head-cell[data-column="${column}"] [data-testid="quality-bar"]`, (el) => ({
        valid: Number(el.getAttribute('data-valid')),
        mismatched: Number(el.getAttribute('data-mismatched')),
        missing: Number(el.getAttribute('data-missing')),
      }));
    await page.waitForSelector('.grid-head-cell[data-column="amount_text"] [data-testid="quality-bar"]', {
      timeout: 30_000,
    });
    const ids = Array.from({ length: 200 }, (_, i) => i);
    const naN = ids.filter((i) => i % 10 === 0).length;
    const blank = ids.filter((i) => i % 10 !== 0 && i % 7 === 0).length;
    expect(await bar('amount_text')).toEqual({ valid: 200 - naN - blank, mismatched: naN, missing: blank });
    const nulls = ids.filter((i) => i % 5 === 0).length;
    const soon = ids.filter((i) => i % 5 !== 0 && i % 13 === 0).length;
    expect(await bar('day_text')).toEqual({ valid: 200 - nulls - soon, mismatched: soon, missing: nulls });
    await page.hover('.grid-head-cell[data-column="amount_text"] [data-testid="quality-bar"]');
    const tip = await page.textContent('[data-testid="quality-tip"]');
    expect(tip).toContain(`형식 불일치: ${naN}`);
    expect(tip).toContain('숫자로 보이는 값 기준');
    await page.waitForSelector('.col-card[data-column="amount_text"]');
    await page.screenshot({ path: path.join(SHOTS, 'quality-bars.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('inserts a cluster step from a suggestion, and the grid shows its rows', async () => {
    await inspect(page, 'companies');
    await waitForGrid(page, csv[0]!.company_id!);
    await page.waitForSelector('.grid-head-cell[data-column="planted_ring"] [data-testid="quality-bar"]');
    const bar = await page.$eval('.grid-head-cell[data-column="planted_ring"] [data-testid="quality-bar"]', (el) => ({
      valid: Number(el.getAttribute('data-valid')),
      missing: Number(el.getAttribute('data-missing')),
    }));
    const blank = csv.filter((r) => !r.planted_ring?.trim()).length;
    expect(bar).toEqual({ valid: csv.length - blank, missing: blank });

    await page.click('.grid-head-cell[data-column="name_ko"] .col-select');
    const cluster = page.locator('[data-suggestion="cluster"]');
    await cluster.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'suggestions.png') });
    await cluster.click();

    const node = await nodeAfter(page, 'companies', 'prep.cluster_edit');
    expect(node.params).toMatchObject({ column: 'name_ko', method: 'company' });
    const mapping = new Map((node.params.mapping as { from: string; to: string }[]).map((m) => [m.from, m.to]));
    expect(mapping.size).toBeGreaterThan(10);
    expect(await waitDone(page, node.id)).toBe(csv.length);
    // The grid now shows the cluster step's rows: every name mapped as the CSV + mapping say, row by row.
    await expect
      .poll(
        async () => {
          const cells = await columnCells(page, 'name_ko');
          return (
            cells.length > 10 &&
            cells.every((c) => c.text === (mapping.get(csv[c.index]!.name_ko!) ?? csv[c.index]!.name_ko))
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const renamed = csv.findIndex((r) => mapping.has(r.name_ko!));
    expect(renamed).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('brushes a histogram into a filter step with the right row count', async () => {
    await inspect(page, 'companies');
    await waitForGrid(page, csv[0]!.company_id!);
    const bars = '.col-card[data-column="founded"] .histogram-bar';
    await page.waitForSelector(bars, { timeout: 30_000 });
    await page.$eval('.col-card[data-column="founded"]', (el) => el.scrollIntoView());
    const from = page.locator(`${bars}[data-bin="3"]`);
    const to = page.locator(`${bars}[data-bin="7"]`);
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height - 1);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height - 1, { steps: 6 });
    await page.mouse.up();

    const node = await nodeAfter(page, 'companies', 'prep.filter');
    const rules = node.params.rules as { column: string; op: string; value: string }[];
    expect(rules.map((r) => [r.column, r.op])).toEqual([
      ['founded', '>='],
      ['founded', '<='],
    ]);
    const [lo, hi] = [rules[0]!.value, rules[1]!.value];
    const expected = csv.filter((r) => r.founded! >= lo && r.founded! <= hi).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(csv.length);
    expect(await waitDone(page, node.id)).toBe(expected);
    await expect.poll(() => page.getAttribute('[data-testid="grid"]', 'data-rows')).toBe(String(expected));
    await waitForGrid(page, /^C\d+$/);
    await page.waitForSelector('.col-card[data-column="founded"] .histogram');
    await page.$eval('.col-card[data-column="founded"]', (el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'filtergram.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});
