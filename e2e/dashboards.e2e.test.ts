/**
 * Dashboards in headless Chromium against the real server: built in the UI from a scheduled run's chart and
 * table, filtered, rearranged and kept across a reload; the printable report and its PDF.
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
type Json = Record<string, unknown>;

const boxOf = (page: Page, item: string) => page.getAttribute(`[data-item="${item}"]`, 'data-box');

describe.skipIf(!hasChromium() && !process.env.CI)('dashboards in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let files: string;
  const errors: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    await ensureBuild(() => {});
    await mkdir(SHOTS, { recursive: true });
    files = await mkdtemp(path.join(tmpdir(), 'dash-e2e-files-'));
    await writeFile(
      path.join(files, 'decl.csv'),
      'id,country,value\n1,KR,500\n2,CN,2000\n3,KR,9000\n4,US,3000\n5,KR,1000\n',
    );
    Object.assign(process.env, { RUNNER_INTERVAL_MS: '300', RUNNER_MAX_ATTEMPTS: '1', RUN_DATA_DIR: files });
    server = await startServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ko-KR' })).newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => errors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await browser?.close();
    await server?.stop();
    await rm(files, { recursive: true, force: true });
  });

  it('builds a dashboard from a run, filters it, keeps its layout and prints it', async () => {
    await signInAdmin(page, server, 'admin-new-password-1', '[data-testid="my-dashboards"]');

    const doc = pipelineDoc('국가별 수입 신고', { path: 'decl.csv' });
    const nodes: { id: string; type: string; params: object }[] = doc.nodes;
    nodes.push({ id: 'chart', type: 'chart.vega', params: { mark: 'bar', x: 'country', y: 'value', title: '' } });
    doc.edges.push({ source: 'q', target: 'chart' });
    const p = await apiJson(page, 'POST', '/api/pipelines', { doc });
    const s = await apiJson(page, 'POST', '/api/schedules', { pipelineId: p.id, cron: '0 9 * * 1', params: {} });
    await apiJson(page, 'POST', `/api/schedules/${s.id}/run`);
    const status = async () => (await apiJson(page, 'GET', `/api/runs?pipelineId=${p.id}`)) as { items: Json[] };
    await expect
      .poll(async () => (await status()).items[0]?.status, { timeout: 60_000, interval: 300 })
      .toBe('succeeded');

    // a new dashboard from the nav
    await page.click('a[href="#/dashboards"]');
    await page.fill('[data-testid="dash-new-title"]', '수입 신고 현황');
    await page.click('[data-testid="dash-create"]');
    await page.waitForSelector('[data-testid="dashboard"]');
    await page.click('[data-testid="dash-edit"]');
    const addItem = async (node: string, kind: string, title: string, fn?: string) => {
      await page.click('[data-testid="dash-add"]');
      await page.selectOption('[data-testid="add-pipeline"]', String(p.id));
      await page.selectOption('[data-testid="add-node"]', node);
      await page.selectOption('[data-testid="add-kind"]', kind);
      if (fn) await page.selectOption('[data-testid="add-fn"]', fn);
      if (fn && fn !== 'count') await page.selectOption('[data-testid="add-column"]', 'value');
      await page.fill('[data-testid="add-title"]', title);
      await page.click('[data-testid="add-ok"]');
    };
    await addItem('chart', 'chart', '국가별 신고 금액');
    await addItem('out', 'table', '신고 목록');
    await addItem('out', 'figure', '신고 금액 합계', 'sum');
    await addItem('out', 'figure', '신고 건수', 'count');
    await page.fill('[data-testid="filter-new"]', 'country');
    await page.click('[data-testid="filter-add"]');
    await page.waitForSelector('[data-testid="filter-country"] option[value="KR"]', { state: 'attached' });

    // q keeps value >= 1000: ids 2 (CN 2000), 3 (KR 9000), 4 (US 3000), 5 (KR 1000); sum 15000 = 1.5만
    await page.waitForFunction(() => document.querySelector('[data-testid="figure-value"]')?.textContent === '1.5만');
    expect(await page.$$eval('[data-testid="dash-table"] tbody tr', (r) => r.length)).toBe(4);
    const chartId = await page.getAttribute('[data-testid="chart"]', 'data-node');
    await page.waitForSelector('[data-testid="chart"][data-ready="true"]');
    const bars = () =>
      page.evaluate(
        (id) => window.__charts![id!]!.data('source_0').map((r: Json) => `${r.country}:${r.value}`),
        chartId,
      );
    expect((await bars()).sort()).toEqual(['CN:2000', 'KR:10000', 'US:3000']); // KR = 9000 + 1000

    // one filter, three items: KR only
    await page.selectOption('[data-testid="filter-country"]', 'KR');
    await page.waitForFunction(() => document.querySelector('[data-testid="figure-value"]')?.textContent === '1만');
    expect(
      await page.$$eval('[data-testid="dash-table"] tbody tr td:nth-child(2)', (c) => c.map((x) => x.textContent)),
    ).toEqual(['KR', 'KR']);
    await page.waitForFunction((id) => window.__charts?.[id!]?.data('source_0').length === 1, chartId);
    expect(await bars()).toEqual(['KR:10000']);

    // new items filled the grid from the top: chart 0,0 | table 6,0 (6x5 each); sum 0,5 and count 3,5 (3x2).
    // The count tile is dragged 3 columns right, then both tiles are widened by 3 columns to fill the row.
    const figure = await page.getAttribute('[data-item]:has-text("신고 금액 합계")', 'data-item');
    const count = await page.getAttribute('[data-item]:has-text("신고 건수")', 'data-item');
    expect(await page.textContent(`[data-item="${count}"] [data-testid="figure-value"]`)).toBe('2'); // ids 3 and 5
    expect([await boxOf(page, figure!), await boxOf(page, count!)]).toEqual(['0,5,3,2', '3,5,3,2']);
    const grid = (await page.locator('[data-testid="dash-grid"]').boundingBox())!;
    const col = (grid.width + 10) / 12; // 12 columns with 10 px gaps
    const pull = async (item: string, grip: 'dash-drag' | 'dash-resize', cols: number, box: string) => {
      const at = (await page.locator(`[data-item="${item}"] [data-testid="${grip}"]`).boundingBox())!;
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      await page.mouse.down();
      await page.mouse.move(at.x + at.width / 2 + cols * col, at.y + at.height / 2, { steps: 10 });
      await page.mouse.up();
      await page.waitForFunction(
        ([id, b]) => document.querySelector(`[data-item="${id}"]`)?.getAttribute('data-box') === b,
        [item, box] as const,
      );
    };
    await pull(count!, 'dash-drag', 3, '6,5,3,2');
    await pull(count!, 'dash-resize', 3, '6,5,6,2');
    await pull(figure!, 'dash-resize', 3, '0,5,6,2');
    await page.waitForSelector('text=저장됨');

    await page.reload();
    await page.waitForSelector('[data-testid="dashboard"] [data-item]');
    expect([await boxOf(page, figure!), await boxOf(page, count!)]).toEqual(['0,5,6,2', '6,5,6,2']);
    await page.waitForSelector('[data-testid="chart"][data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="figure-value"]')?.textContent === '1.5만');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

    // the printable report: inline SVG, the table, the figure; and the PDF printed by Chromium on the server
    const id = /#\/dashboards\/(.+)$/.exec(page.url())![1]!;
    const report = await page.context().newPage();
    await report.setViewportSize({ width: 1240, height: 900 });
    await report.goto(`${server.url}/api/dashboards/${id}/report`);
    expect(await report.$$eval('section.chart svg', (s) => s.length)).toBe(1);
    expect(await report.textContent('section.figure .value')).toBe('1.5만');
    await report.screenshot({ path: path.join(SHOTS, 'dashboard-report.png'), fullPage: true });
    const pdf = await page.evaluate(async (u) => {
      const res = await fetch(u);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        type: res.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
        size: bytes.length,
      };
    }, `/api/dashboards/${id}/report?format=pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.head).toBe('%PDF-');
    // "내 대시보드" on the library's home page links to it
    await page.click('a[href="#/pipelines"]');
    await page.click(`[data-testid="my-dashboards"] a[href="#/dashboards/${id}"]`);
    await page.waitForSelector('[data-testid="dash-title"]:has-text("수입 신고 현황")');
    expect(errors).toEqual([]);
  }, 240_000);

  it("the data map shows the clearance stages and a dataset's lineage to its pipeline, schedule and dashboard", async () => {
    // a pipeline reading the shipped declarations sample by id, scheduled and shown on a dashboard
    const samples = (await apiJson(page, 'GET', '/api/datasets?q=declarations')) as { items: Json[] };
    const decl = samples.items.find((d) => d.name === 'declarations.csv')!;
    const doc = pipelineDoc('신고 데이터 계보 확인');
    doc.nodes[0]!.params = { datasetId: decl.id, format: 'csv' } as never;
    const p = await apiJson(page, 'POST', '/api/pipelines', { doc });
    await apiJson(page, 'POST', '/api/schedules', { pipelineId: p.id, name: '매주 신고 점검', cron: '0 9 * * 1' });
    const item = { id: 't', kind: 'table', pipelineId: p.id, nodeId: 'out', x: 0, y: 0, w: 6, h: 4 };
    await apiJson(page, 'POST', '/api/dashboards', { title: '신고 계보 현황판', layout: [item] });

    await page.click('a[href="#/datamap"]');
    await page.waitForSelector('[data-testid="datamap-row"]');
    const stageNames = await page.$$eval('[data-testid="stage-graph"] .dm-stage-name', (s) =>
      s.map((x) => x.textContent),
    );
    expect(stageNames).toEqual([
      '적하목록',
      '입항',
      '보세운송',
      '보세창고',
      '수입신고',
      '검사',
      '수리',
      '반출',
      '사후심사',
      '기준정보·기타',
    ]);
    // stages guessed from column names: declarations → 수입신고, port_calls → 입항, fx_transactions → 사후심사
    const rowsOf = async (stage: string) => {
      await page.click(`[data-testid="stage-${stage}"]`);
      const names = await page.$$eval('[data-testid="datamap-row"] .dm-link', (b) => b.map((x) => x.textContent));
      await page.click(`[data-testid="stage-${stage}"]`); // off again
      return names;
    };
    expect(await rowsOf('import_declaration')).toContain('declarations.csv');
    expect(await rowsOf('arrival')).toContain('port_calls.csv');
    expect(await rowsOf('post_audit')).toContain('fx_transactions.csv');

    // search by a field-dictionary name finds the declarations; its lineage names what uses it
    await page.fill('[data-testid="datamap-page"] .dm-search', '통관고유부호');
    await page.click('[data-testid="datamap-row"] .dm-link:text-is("declarations.csv")');
    await page.waitForSelector('[data-testid="lineage"]');
    const lineage = await page.textContent('[data-testid="lineage"]');
    for (const name of ['declarations.csv', '신고 데이터 계보 확인', '매주 신고 점검', '신고 계보 현황판']) {
      expect(lineage).toContain(name);
    }
    expect(await page.textContent('[data-testid="datamap-detail"] .dm-schema')).toContain('9. 수입자 통관고유부호');
    await page.screenshot({ path: path.join(SHOTS, 'datamap.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
