/**
 * The officer's loop end to end in headless Chromium (1440 × 900, ko-KR), by clicks and typing only: the sample
 * declarations from the first-use guide, filter → aggregate → chart dragged from the palette and wired with the
 * mouse, sign-in over the studio, save to the server, a schedule and "지금 실행" on the server, the server's rows
 * against the browser's and against DuckDB's own reading of the file, and the run's chart on a new dashboard.
 * The API is used only to check what the clicks did.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { hasChromium } from './browser.ts';
import { readCsv } from './csv.ts';
import {
  developerMessages,
  dropStep,
  oneTimeAdminPassword,
  shownNumber,
  signInOverStudio,
  wholeGrid,
  wire,
} from './officer.ts';
import { openPinnedStudio, type PinnedStudio } from './pinned-build.ts';
import type { RunningServer } from './server.ts';
import { apiJson } from './session.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = path.join(ROOT, 'docs/screenshots');
const DECLARATIONS = path.join(ROOT, 'templates/data/declarations.csv');
/** The filter: declarations of 100 million won or more. */
const MIN_VALUE = 100_000_000;
const PIPELINE = '원산지별 고액 신고';
const SCHEDULE = '평일 아침 고액 신고';

type Row = [country: string, count: number];

/** What filter + aggregate must give, worked out by DuckDB (native, not the studio's WASM) from the file itself. */
async function expectedRows(): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:');
  try {
    const con = await db.connect();
    const reader = await con.runAndReadAll(
      `SELECT origin_country, count(*)::INTEGER AS n FROM read_csv('${DECLARATIONS}')
       WHERE declared_value_krw >= ${MIN_VALUE} GROUP BY origin_country ORDER BY origin_country`,
    );
    return reader.getRows().map(([country, n]) => [String(country), Number(n)]);
  } finally {
    db.closeSync();
  }
}

const byCountry = (rows: Row[]) => [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe.skipIf(!hasChromium() && !process.env.CI)("the officer's loop in headless Chromium", () => {
  let server: RunningServer;
  let studio: PinnedStudio | undefined;
  let page: Page;
  let expected: Row[];
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `officer-loop-${name}.png`) });
  /** Developer wording on screen is collected per step and fails the test at the end (soft, to see every step). */
  const noDeveloperWording = async (step: string) => {
    const lines = await developerMessages(page);
    expect.soft(lines, `developer wording on screen at "${step}"`).toEqual([]);
  };

  beforeAll(async () => {
    // The server runs with its quick runner and a single attempt, so a failing run fails at once.
    studio = await openPinnedStudio(
      errors,
      { timezoneId: 'Asia/Seoul' },
      { RUNNER_INTERVAL_MS: '300', RUNNER_MAX_ATTEMPTS: '1' },
    );
    ({ server, page } = studio);
    page.setDefaultTimeout(60_000);
    expected = await expectedRows();
  }, 240_000);

  afterAll(async () => {
    if (errors.length > 0) console.error('page errors:', errors);
    await studio?.close();
  });

  it('builds on the sample in the browser, saves, schedules, runs on the server with the same rows, and dashboards the chart', async () => {
    onTestFailed(async () => {
      const file = path.join(tmpdir(), 'officer-loop-failed.png');
      await page.screenshot({ path: file }).catch(() => {});
      console.error(`the page when the walk failed: ${file}`);
    });
    // Independent sanity of the expectation: the same numbers from a plain CSV reading.
    const plain = new Map<string, number>();
    for (const r of readCsv(DECLARATIONS)) {
      if (Number(r.declared_value_krw) >= MIN_VALUE)
        plain.set(r.origin_country!, (plain.get(r.origin_country!) ?? 0) + 1);
    }
    expect(byCountry([...plain.entries()])).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);

    // 1. A fresh studio: the first-use guide loads the sample declarations; rows show in the grid.
    await page.getByRole('button', { name: /예제 데이터 불러오기/ }).click();
    await page.waitForSelector('[data-testid="grid"] tr[data-row="0"]');
    await expect.poll(() => page.getByTestId('inspect-rows').textContent()).toContain('20,000');
    const source = (await page.$$eval('.react-flow__node', (els) => els.map((e) => e.getAttribute('data-id'))))[0]!;
    await noDeveloperWording('sample loaded');
    await shot('1-sample');

    // 2. Filter → aggregate → chart, dragged from the palette and wired handle to handle with the mouse.
    // The guide has done its part; closing it frees the lower half of the canvas for the drops.
    await page.getByRole('button', { name: '안내 닫기' }).click();
    const known = new Set<string>();
    const filter = await dropStep(page, '행 필터', 90, 110, known);
    const aggregate = await dropStep(page, '그룹 집계', 90, 300, known);
    const chart = await dropStep(page, '차트', 600, 300, known);
    await noDeveloperWording('three steps dropped, not yet wired');
    // 자동 정렬 lines the four cards up in view, so every handle can be reached.
    await page.getByRole('button', { name: '자동 정렬' }).click();
    await page.waitForTimeout(500); // the fit-view animation
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await wire(page, source, filter);
    await wire(page, filter, aggregate);
    await wire(page, aggregate, chart);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await noDeveloperWording('three steps dropped and wired, not yet set up');

    const panel = page.getByTestId('node-panel');
    // The filter: declared_value_krw ≥ 100,000,000, through the rule builder.
    await page.locator(`.react-flow__node[data-id="${filter}"]`).click();
    await panel.getByRole('button', { name: '+ 조건 추가' }).click();
    const rule = panel.locator('.rule-row').first();
    await rule.getByLabel('열', { exact: true }).selectOption({ label: 'declared_value_krw' });
    await rule.getByLabel('조건', { exact: true }).selectOption({ label: '이상 (≥)' });
    await rule.getByLabel('값', { exact: true }).fill(String(MIN_VALUE));
    await rule.getByLabel('값', { exact: true }).press('Tab');
    const filtered = expected.reduce((n, [, c]) => n + c, 0);
    await expect
      .poll(() => panel.getByTestId(`status-${filter}`).textContent(), { timeout: 60_000 })
      .toContain(`${filtered.toLocaleString('en-US')}행`);

    // The aggregate: count of declarations per origin country, named 건수.
    await page.locator(`.react-flow__node[data-id="${aggregate}"]`).click();
    await panel.getByRole('group', { name: '그룹 기준 열' }).getByLabel('origin_country', { exact: true }).check();
    await panel.getByRole('button', { name: '+ 항목 추가' }).click();
    await panel.getByLabel('집계 함수').selectOption({ label: '개수' });
    await panel.getByLabel('결과 열 이름').fill('건수');
    await panel.getByLabel('결과 열 이름').press('Tab');
    await expect
      .poll(() => panel.getByTestId(`status-${aggregate}`).textContent(), { timeout: 60_000 })
      .toContain(`${expected.length}행`);
    await expect.poll(() => page.getByTestId('inspect-rows').textContent()).toContain(`${expected.length}행`);
    await page.waitForSelector('[data-testid="grid"] tr[data-row="0"]');
    const shown = await wholeGrid(page);
    const browserRows: Row[] = shown.map(([country, n]) => [country!, shownNumber(n!)]);

    // The chart: bars of 건수 by origin country.
    await page.locator(`.react-flow__node[data-id="${chart}"]`).click();
    await panel.getByLabel('차트 종류').selectOption({ label: '막대' });
    await panel.getByLabel('X축 (가로)').fill('origin_country');
    await panel.getByLabel('X축 (가로)').press('Tab');
    await panel.getByLabel('Y축 (세로) / 값').fill('건수');
    await panel.getByLabel('Y축 (세로) / 값').press('Tab');
    await panel.getByLabel('제목').fill('원산지별 고액 신고 건수');
    await panel.getByLabel('제목').press('Tab');
    await expect
      .poll(() => page.locator('[data-testid="results-pane"] svg .mark-rect path').count(), { timeout: 60_000 })
      .toBe(expected.length);
    await page.getByRole('button', { name: '자동 정렬' }).click();
    await page.waitForTimeout(500); // the fit-view animation
    await noDeveloperWording('pipeline built');
    await shot('2-pipeline');

    // 3. Sign in through the dialog over the studio (the first-start admin, choosing a new password).
    await signInOverStudio(page, 'admin', oneTimeAdminPassword(server), 'admin-new-password-1');
    expect((await page.$$eval('.react-flow__node', (els) => els.map((e) => e.getAttribute('data-id')))).sort()).toEqual(
      [source, filter, aggregate, chart].sort(),
    );
    await page.getByRole('button', { name: '서버에 저장' }).waitFor();
    await noDeveloperWording('signed in');
    await shot('3-signed-in');

    // 4. Save to the server under a name: the header shows it, v1, 저장됨.
    await page.getByLabel('파이프라인 이름').fill(PIPELINE);
    await page.getByLabel('파이프라인 이름').press('Tab');
    await page.getByRole('button', { name: '서버에 저장' }).click();
    const status = page.getByTestId('doc-status');
    await expect.poll(() => status.textContent()).toContain('v1');
    expect(await page.getByLabel('파이프라인 이름').inputValue()).toBe(PIPELINE);
    expect(await status.textContent()).toContain('저장됨');
    const mine = (await apiJson(page, 'GET', '/api/pipelines?owner=me')).items as {
      id: string;
      name: string;
      latestVersion: number;
    }[];
    const saved = mine.find((p) => p.name === PIPELINE);
    expect(saved).toMatchObject({ latestVersion: 1 });
    const doc = (await apiJson(page, 'GET', `/api/pipelines/${saved!.id}`)).doc as {
      nodes: { id: string; type: string; params: Record<string, unknown> }[];
    };
    expect(doc.nodes.map((n) => n.id).sort()).toEqual([source, filter, aggregate, chart].sort());
    // the sample is saved as its public server dataset, so the server can read it
    expect(doc.nodes.find((n) => n.id === source)?.params.datasetId).toMatch(/^[0-9a-f-]{36}$/);
    await noDeveloperWording('saved');
    await shot('4-saved');

    // 5. 예약 실행: a schedule through the form (weekdays 08:30), then 지금 실행, polling the run history.
    await page.getByRole('button', { name: '예약 실행', exact: true }).click();
    await page.getByRole('button', { name: '새 예약' }).click();
    const form = page.getByTestId('schedule-dialog');
    await form.getByLabel('이름').fill(SCHEDULE);
    await form.getByLabel('주기').selectOption({ label: '평일(월–금)' });
    await form.getByLabel('시각').fill('08:30');
    await expect.poll(() => form.getByTestId('schedule-next').locator('code').textContent()).toBe('30 8 * * 1-5');
    await form.getByRole('button', { name: '저장' }).click();
    const scheduleRow = page.locator(`tr[data-schedule="${SCHEDULE}"]`);
    await scheduleRow.waitFor();
    expect(await scheduleRow.textContent()).toContain('30 8 * * 1-5');
    await scheduleRow.getByRole('button', { name: '지금 실행' }).click();
    const finished = page.locator('tr[data-run][data-status="succeeded"], tr[data-run][data-status="failed"]');
    await finished.first().waitFor({ timeout: 120_000 });
    const runRow = finished.first();
    expect(await runRow.getAttribute('data-status'), (await runRow.textContent()) ?? '').toBe('succeeded');
    expect(await runRow.locator('.run-badge').textContent()).toBe('성공');
    const runId = (await runRow.getAttribute('data-run'))!;
    await noDeveloperWording('run finished');
    await shot('5-run');

    // 6. The server's rows against the browser's and DuckDB's. The run keeps the chart's rows as its artifact
    // (the aggregate feeds it unchanged: one bar per country, its 건수), and logs every node's row count.
    const run = await apiJson(page, 'GET', `/api/runs/${runId}`);
    expect(run).toMatchObject({ status: 'succeeded', pipelineId: saved!.id });
    const log = run.log as { nodeId: string; rows: number | null; state: string }[];
    expect(log.find((l) => l.nodeId === aggregate)).toMatchObject({ state: 'done', rows: expected.length });
    await runRow.getByRole('button', { name: '자세히' }).click();
    const artifact = page.locator(`[data-artifact="${chart}"]`);
    await artifact.waitFor();
    const csvHref = await artifact.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = await page.evaluate((u) => fetch(u!).then((r) => r.text()), csvHref);
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe('origin_country,건수');
    const serverRows: Row[] = lines.map((line) => {
      const [country, n] = line.split(',');
      return [country!, Number(n)];
    });
    expect(byCountry(browserRows)).toEqual(expected);
    expect(byCountry(serverRows)).toEqual(expected);
    await noDeveloperWording('run details');
    await shot('6-compare');

    // 7. A new dashboard with the run's chart, added through the dialog.
    await page.getByRole('link', { name: '대시보드' }).click();
    await page.getByTestId('dash-new-title').fill('고액 신고 현황');
    await page.getByRole('button', { name: '새 대시보드' }).click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('button', { name: '편집', exact: true }).click();
    await page.getByRole('button', { name: '항목 추가' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('파이프라인').selectOption({ label: PIPELINE });
    await add.getByLabel(/^노드/).selectOption(chart);
    await add.getByLabel('종류').selectOption({ label: '차트' });
    await add.getByLabel('제목').fill('원산지별 고액 신고 건수');
    await add.getByRole('button', { name: '추가' }).click();
    const tile = page.locator('[data-testid="chart"][data-ready="true"]');
    await tile.waitFor();
    expect(await tile.locator('svg .mark-rect path').count()).toBe(expected.length);
    await page.getByRole('button', { name: '편집 끝' }).click();
    await noDeveloperWording('dashboard');
    await shot('7-dashboard');

    expect(errors).toEqual([]);
  }, 300_000);
});
