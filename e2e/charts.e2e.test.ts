import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';
import { dragBetween } from './studio-page.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = path.join(ROOT, 'docs/screenshots');

/** Eight declarations; every expectation below is worked out from these rows. */
const DECL_SQL = `SELECT id, 원산지, 수입자, 과세금액, 수량, 신고일, 위도::DOUBLE AS 위도, 경도::DOUBLE AS 경도 FROM (VALUES
  (1, 'CN', '(주)한빛무역', 1200000, 2, DATE '2024-01-05', 35.10, 129.04),
  (2, 'VN', '㈜바다상사', 350000, 10, DATE '2024-01-05', 37.45, 126.60),
  (3, 'CN', '(주)한빛무역', 4800000, 4, DATE '2024-02-11', 35.10, 129.04),
  (4, 'DE', '주식회사 초록', 980000, 100, DATE '2024-02-29', 34.90, 127.70),
  (5, 'VN', '㈜바다상사', 350000, 10, DATE '2024-03-01', 37.45, 126.60),
  (6, 'NO', '(주)한빛무역', 25000000, NULL, DATE '2024-03-15', 35.98, 129.56),
  (7, 'DE', '주식회사 초록', NULL, 50, DATE '2024-03-20', 33.51, 126.52),
  (8, 'CN', '㈜바다상사', 12000000, 40, DATE '2024-04-02', 35.10, 129.04)
) t(id, 원산지, 수입자, 과세금액, 수량, 신고일, 위도, 경도)`;

type Counts = Record<string, number>;

/** Adds a chart after `decl`, inspects it, waits for the drawn view; returns its source rows and mark counts. */
async function drawChart(page: Page, id: string, params: Record<string, unknown>) {
  await page.evaluate(
    ([nodeId, p]) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', { type: 'chart.vega', id: nodeId, params: p, after: { source: 'decl' } });
      s.inspect(nodeId);
    },
    [id, params] as const,
  );
  // Polled: when the full result replaces the first rows, the chart is drawn again from scratch.
  const drawn = await page.waitForFunction(
    (nodeId) => {
      const host = document.querySelector(`[data-testid="chart"][data-node="${nodeId}"][data-ready="true"]`);
      const view = window.__charts?.[nodeId];
      if (!host || !view) return undefined;
      const marks: Record<string, number> = {};
      for (const g of host.querySelectorAll('g.role-mark')) {
        const type = [...g.classList].find((c) => c.startsWith('mark-'))!.slice(5);
        marks[type] = (marks[type] ?? 0) + g.querySelectorAll(':scope > path, :scope > line').length;
      }
      if (Object.keys(marks).length === 0) return undefined;
      let source: unknown[] = [];
      try {
        source = view.data('source_0');
      } catch {
        source = []; // layered maps name their data differently; their marks are counted instead
      }
      return { source: JSON.parse(JSON.stringify(source)) as Record<string, unknown>[], marks };
    },
    id,
    { timeout: 30_000 },
  );
  return (await drawn.jsonValue())!;
}

const shot = (page: Page, name: string) =>
  page.locator('[data-testid="inspector"]').screenshot({ path: path.join(SHOTS, `chart-${name}.png`) });

describe.skipIf(!hasChromium() && !process.env.CI)('charts', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openStudio(errors, {
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    }));
    await page.evaluate((query) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', { type: 'sql', id: 'decl', params: { query } });
      s.inspect('decl');
    }, DECL_SQL);
    await page.waitForFunction(() => window.__studio!.store.getState().nodeRuns.decl?.state === 'done', null, {
      timeout: 120_000,
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const CASES: { mark: string; params: Record<string, unknown>; source?: unknown[]; marks: Counts }[] = [
    {
      mark: 'bar',
      params: { x: '원산지', y: '과세금액', numberFormat: 'man_eok' },
      // CN 1.2M+4.8M+12M; DE 0.98M (id 7 null); NO 25M; VN 0.35M×2
      source: [
        { 원산지: 'CN', 과세금액: 18_000_000 },
        { 원산지: 'DE', 과세금액: 980_000 },
        { 원산지: 'NO', 과세금액: 25_000_000 },
        { 원산지: 'VN', 과세금액: 700_000 },
      ],
      marks: { rect: 4 },
    },
    // (importer, origin) pairs: 한빛 CN/NO, 바다 CN/VN, 초록 DE
    { mark: 'grouped_bar', params: { x: '수입자', color: '원산지' }, marks: { rect: 5 } },
    { mark: 'stacked_bar', params: { x: '수입자', color: '원산지' }, marks: { rect: 5 } },
    // 7 distinct dates (01-05 twice): one vertex and one point per date
    { mark: 'line', params: { x: '신고일' }, marks: { line: 1, symbol: 7 } },
    { mark: 'area', params: { x: '신고일', y: '수량' }, marks: { area: 1 } },
    // ids 6 and 7 lack one coordinate
    { mark: 'scatter', params: { x: '과세금액', y: '수량', color: '원산지' }, marks: { symbol: 6 } },
    {
      mark: 'histogram',
      params: { x: '수량', bins: 5 },
      // 2,10,4,100,10,50,40: step 20 → [0,20) 4, [40,60) 2, [100,120) 1
      source: [
        { '구간 시작': 0, '구간 끝': 20, 건수: 4 },
        { '구간 시작': 40, '구간 끝': 60, 건수: 2 },
        { '구간 시작': 100, '구간 끝': 120, 건수: 1 },
      ],
      marks: { rect: 3 },
    },
    // 3 importers: a whisker (rule), a box and a median tick (rects) each
    { mark: 'boxplot', params: { x: '수입자', y: '수량' }, marks: { rule: 3, rect: 6 } },
    { mark: 'heatmap', params: { x: '수입자', y: '원산지' }, marks: { rect: 5 } },
    { mark: 'pie', params: { x: '원산지' }, marks: { arc: 4 } },
    { mark: 'donut', params: { color: '원산지', y: '과세금액', numberFormat: 'man_eok' }, marks: { arc: 4 } },
    // 177 grey countries + CN, DE, NO, VN coloured
    {
      mark: 'map_choropleth',
      params: { country: '원산지', y: '과세금액', numberFormat: 'man_eok' },
      marks: { shape: 181 },
    },
    { mark: 'map_points', params: { lat: '위도', lon: '경도', color: '원산지' }, marks: { shape: 177, symbol: 8 } },
  ];

  for (const c of CASES) {
    it(`draws a ${c.mark} chart from the aggregated rows`, async () => {
      const drawn = await drawChart(page, `c_${c.mark}`, { mark: c.mark, ...c.params });
      if (c.source) expect(drawn.source).toEqual(c.source);
      expect(drawn.marks).toMatchObject(c.marks);
      await shot(page, c.mark.replace('_', '-'));
      expect(errors).toEqual([]);
    }, 60_000);
  }

  it('suggests charts for a table, and the builder takes dragged and clicked columns', async () => {
    await page.evaluate(() => window.__studio!.store.getState().inspect('decl'));
    const bar = page.locator('[data-chart-suggestion="bar"]');
    await bar.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="inspector"]').screenshot({ path: path.join(SHOTS, 'chart-suggestions.png') });
    await bar.click();
    const node = () =>
      page.evaluate(() => {
        const s = window.__studio!.store.getState();
        const n = s.doc.nodes.find((x) => x.id === s.inspected)!;
        return { id: n.id, type: n.type, params: n.params };
      });
    const added = await node();
    expect(added.type).toBe('chart.vega');
    expect(added.params).toMatchObject({ mark: 'bar', y: '과세금액' });
    await page.waitForSelector(`[data-testid="chart"][data-node="${added.id}"][data-ready="true"] svg`);
    // drag a chip onto the colour shelf
    await dragBetween(page, '.chart-chip[data-column="원산지"]', '.chart-shelf[data-shelf="color"] .chart-slot');
    await expect.poll(async () => (await node()).params.color).toBe('원산지');
    // keyboard path: press a chip, then a shelf. A change in between re-runs the chart; the armed chip outlives it
    // (the chart's panel was remounted while the node re-ran, dropping the chip: a CI run saw y stay 과세금액)
    const chip = page.locator('.chart-chip[data-column="수량"]');
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
    const format = await page.inputValue('[data-testid="chart-format"]');
    await page.selectOption('[data-testid="chart-format"]', 'krw');
    await page.waitForFunction((id) => {
      const s = window.__studio!.store.getState();
      const n = s.doc.nodes.find((x) => x.id === id);
      return n?.params.numberFormat === 'krw' && s.inspection?.signature === s.analysis.signatures[id];
    }, added.id);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await page.click('.chart-shelf[data-shelf="y"] .chart-slot');
    await expect.poll(async () => (await node()).params.y).toBe('수량');
    await page.selectOption('[data-testid="chart-format"]', format); // no won sign on quantities in the screenshot
    // 수량 by importer and origin: 한빛 CN 2+4, 한빛 NO null (id 6), 바다 VN 10+10, 바다 CN 40, 초록 DE 100+50
    await page.waitForFunction(
      (id) =>
        (window.__charts?.[id]?.data('source_0') as { 수량: number | null }[] | undefined)?.some((r) => r.수량 === 150),
      added.id,
    );
    await page.locator('[data-testid="inspector"]').screenshot({ path: path.join(SHOTS, 'chart-builder.png') });
    expect(errors).toEqual([]);
  }, 90_000);

  it('exports the chart as PNG and SVG', async () => {
    await drawChart(page, 'c_export', { mark: 'bar', x: '원산지' });
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-png"]')]);
    const pngBytes = await readFile((await png.path())!);
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // \x89PNG
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-svg"]')]);
    const svgText = await readFile((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect((svgText.match(/role-mark/g) ?? []).length).toBeGreaterThan(0);
    expect(svgText).toContain('원산지');
  }, 60_000);

  it('exports the full table as CSV, XLSX and Parquet with the expected rows', async () => {
    await page.evaluate(() => window.__studio!.store.getState().inspect('decl'));
    const save = async (format: string) => {
      await page.waitForSelector(`[data-testid="export-${format}"]:not([disabled])`);
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="export-${format}"]`)]);
      expect(d.suggestedFilename()).toBe(`decl.${format}`);
      return readFile((await d.path())!);
    };
    const csv = (await save('csv'))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(9);
    expect(csv[0]).toBe('id,원산지,수입자,과세금액,수량,신고일,위도,경도');
    expect(csv[6]).toBe('6,NO,(주)한빛무역,25000000,,2024-03-15,35.98,129.56');

    const book = new ExcelJS.Workbook();
    // exceljs types say Buffer; a Node Buffer is one
    await book.xlsx.load((await save('xlsx')) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(9);
    expect(sheet.getRow(9).values).toEqual([
      undefined,
      8,
      'CN',
      '㈜바다상사',
      12_000_000,
      40,
      '2024-04-02',
      35.1,
      129.04,
    ]);

    const pq = await save('parquet');
    const file = pq.buffer.slice(pq.byteOffset, pq.byteOffset + pq.byteLength) as ArrayBuffer;
    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(8);
    expect(rows[6]).toMatchObject({ 원산지: 'DE', 수입자: '주식회사 초록', 과세금액: null, 수량: 50 });
    expect(errors).toEqual([]);
  }, 60_000);

  it('a link analysis draws its network in WebGL; clicking an importer shows its details and evidence path', async () => {
    // Importers linked through their origins: 한빛 CN/NO, 바다 CN/VN, 초록 DE; 한빛 is the known violator, so
    // 바다's path runs through CN, and 초록 (with DE) is a component of its own.
    await page.evaluate(() => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', {
        type: 'graph.link_analysis',
        id: 'links',
        params: { entities: ['수입자', '원산지'], seedList: '(주)한빛무역' },
        after: { source: 'decl' },
      });
      s.inspect('links');
    });
    const key = '수입자\u001f㈜바다상사';
    const at = await page.waitForFunction(
      (k) => {
        const net = window.__networks?.links;
        const d = net?.sigma.getNodeDisplayData(k);
        if (!net || !d) return undefined;
        const p = net.sigma.framedGraphToViewport(d);
        const { width, height } = net.sigma.getDimensions();
        // Until the first frame is drawn the display data are not framed yet.
        if (!(p.x > 0 && p.x < width && p.y > 0 && p.y < height)) return undefined;
        return { x: p.x, y: p.y, nodes: net.graph.order, edges: net.graph.size };
      },
      key,
      { timeout: 15_000 },
    );
    const { x, y, nodes, edges } = (await at.jsonValue())!;
    expect([nodes, edges]).toEqual([7, 5]);
    const canvas = page.locator('[data-testid="network-canvas"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    const details = page.locator('[data-testid="network-details"]');
    await expect.poll(() => details.textContent(), { timeout: 5_000 }).toContain('㈜바다상사');
    expect(await page.locator('[data-testid="network-path"]').textContent()).toBe(
      '㈜바다상사(수입자) → CN(원산지) → (주)한빛무역(수입자)',
    );
    await page.locator('[data-testid="network"]').screenshot({ path: path.join(SHOTS, 'network-link-analysis.png') });
    expect(errors).toEqual([]);
  }, 20_000);

  it('supply-chain flows: a Sankey and a flow map, the FTA claim shipped from a third country in red', async () => {
    // Declaration 8 (CN origin, 12M, ㈜바다상사) left from SG under an FTA claim; the others left from their origin.
    await page.evaluate(() => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', {
        type: 'prep.derive',
        id: 'route',
        params: { column: '출발국', expression: "CASE WHEN id = 8 THEN 'SG' ELSE 원산지 END" },
        after: { source: 'decl' },
      });
      s.dispatch('add-node', {
        type: 'prep.derive',
        id: 'fta',
        params: { column: 'FTA', expression: 'id = 8' },
        after: { source: 'route' },
      });
      s.dispatch('add-node', {
        type: 'model.supply_chain_flows',
        id: 'flows',
        params: {
          origin: '원산지',
          departure: '출발국',
          importer: '수입자',
          value: '과세금액',
          fta: 'FTA',
          date: '신고일',
        },
        after: { source: 'fta' },
      });
      s.inspect('flows');
    });
    const view = page.locator('[data-testid="supply-chain"]');
    await view.locator('[data-view="map"] path.supply-arc').first().waitFor({ timeout: 15_000 });
    // origin → departure: CN→CN, CN→SG, VN→VN, DE→DE, NO→NO; departure → importer: CN→한빛, SG→바다, VN→바다,
    // DE→초록, NO→한빛. Row 8 is both red links. Map: five departures into Korea and the CN → SG leg.
    expect(await view.locator('[data-view="sankey"] path.supply-link').count()).toBe(10);
    expect(await view.locator('[data-view="sankey"] path.supply-link[data-flagged]').count()).toBe(2);
    expect(await view.locator('[data-view="map"] path.supply-arc[data-kind="korea"]').count()).toBe(5);
    const via = view.locator('[data-view="map"] path.supply-arc[data-kind="via"]');
    expect(await via.count()).toBe(1);
    expect(await via.getAttribute('data-flagged')).toBe('true');
    expect(await via.locator('title').textContent()).toBe('중국 → 싱가포르 · 12,000,000원 · 우회 의심 1');
    const red = view.locator('[data-view="sankey"] path.supply-link[data-flagged] title');
    expect(await red.allTextContents()).toContain('중국 → 싱가포르 · 12,000,000원 · 1건 · 우회 의심 1');
    expect(errors).toEqual([]);
  }, 20_000);

  it('supply-chain flows: the customs office stage between departure and importer', async () => {
    // Declarations 2 and 5 cleared at 인천세관, 8 at 평택세관, the rest at 부산세관.
    await page.evaluate(() => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', {
        type: 'prep.derive',
        id: 'office',
        params: {
          column: '세관',
          expression: "CASE WHEN id IN (2, 5) THEN '인천세관' WHEN id = 8 THEN '평택세관' ELSE '부산세관' END",
        },
        after: { source: 'fta' },
      });
      s.dispatch('add-node', {
        type: 'model.supply_chain_flows',
        id: 'flows_office',
        params: {
          origin: '원산지',
          departure: '출발국',
          office: '세관',
          importer: '수입자',
          value: '과세금액',
          fta: 'FTA',
          date: '신고일',
        },
        after: { source: 'office' },
      });
      s.inspect('flows_office');
    });
    const sankey = page.locator('[data-testid="supply-chain"] [data-view="sankey"]');
    await sankey.locator('text.supply-stage', { hasText: '세관' }).waitFor({ timeout: 15_000 });
    expect(await sankey.locator('text.supply-stage').allTextContents()).toEqual(['원산지', '출발국', '세관', '수입자']);
    // origin → departure as before (5); departure → office: CN→부산, SG→평택, VN→인천, DE→부산, NO→부산 (5);
    // office → importer: 부산→한빛 (1, 3, 6), 부산→초록 (4, 7), 인천→바다 (2, 5), 평택→바다 (8) (4).
    // Row 8 makes one red link per stage pair.
    expect(await sankey.locator('path.supply-link').count()).toBe(14);
    expect(await sankey.locator('path.supply-link[data-flagged] title').allTextContents()).toEqual([
      '중국 → 싱가포르 · 12,000,000원 · 1건 · 우회 의심 1',
      '싱가포르 → 평택세관 · 12,000,000원 · 1건 · 우회 의심 1',
      '평택세관 → ㈜바다상사 · 12,000,000원 · 1건 · 우회 의심 1',
    ]);
    expect(await sankey.locator('.supply-node rect title', { hasText: '세관 부산세관' }).textContent()).toBe(
      '세관 부산세관 · 31,980,000원',
    );
    // The same stage on the map of Korea: one circle per office, 평택세관's only declaration being row 8.
    const offices = page.locator('[data-testid="supply-chain"] [data-view="offices"] g.supply-office');
    expect((await offices.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-office')))).sort()).toEqual([
      '부산세관',
      '인천세관',
      '평택세관',
    ]);
    expect(await offices.and(page.locator('[data-flagged]')).getAttribute('data-office')).toBe('평택세관');
    expect(await offices.and(page.locator('[data-office="부산세관"]')).locator('title').textContent()).toBe(
      '부산세관 · 31,980,000원 · 5 건',
    );
    expect(errors).toEqual([]);
  }, 20_000);
});
