/**
 * The document identity in headless Chromium, by clicks and typing: a saved pipeline A is never overwritten
 * by a document started after it (New → Save creates a new pipeline), the link to the server pipeline
 * survives a reload, samples are saved as their server datasets, the read node chooses its dataset from a
 * list, and a file dropped into the browser is uploaded as a dataset when the pipeline is saved.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { openStudio } from './open-studio.ts';
import type { RunningServer } from './server.ts';
import { apiJson, signInAdmin } from './session.ts';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
/** Saving (and uploading) goes through the server; the machine is shared with other builds. */
const WAIT = { timeout: 30_000, interval: 200 };
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `doc-identity-${name}.png`) });

interface PipelineSummary {
  id: string;
  name: string;
  latestVersion: number;
}
interface SavedPipeline extends PipelineSummary {
  doc: { nodes: { id: string; type: string; params: Record<string, unknown> }[] };
}

describe.skipIf(!hasChromium() && !process.env.CI)('document identity in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const mine = async () =>
    ((await apiJson(page, 'GET', '/api/pipelines?owner=me')).items as PipelineSummary[]).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  const status = () => page.textContent('[data-testid="doc-status"]');
  const typeName = async (name: string) => {
    await page.fill('.doc-name', name);
    await page.press('.doc-name', 'Tab');
  };
  const addSample = async (name: string) => {
    await page.click(`.samples button:text-is("${name}")`);
    await page.waitForSelector('[data-testid="node-panel"] [data-testid="dataset-picker"]');
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openStudio(errors));
    page.setDefaultTimeout(60_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('New after opening A, then Save, creates a new pipeline and leaves A as it was; a reload keeps the link', async () => {
    // Signing in lands on the pipeline list or back in the editor (sign-in is a dialog over the studio).
    await signInAdmin(
      page,
      server,
      'admin-new-password-1',
      '[data-testid="pipelines-page"], [data-testid="server-save"]',
    );
    // Wherever signing in landed (the pipeline list, or back in the editor), go to the editor by its link.
    await expect
      .poll(
        async () => {
          const link = await page.$('a[href="#/editor"]:visible');
          if (link) await link.click();
          return page.isVisible('.samples li');
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);

    // Pipeline A on the sample data.
    await addSample('declarations.csv');
    await typeName('검사 분석 A');
    expect(await status()).toContain('저장 안 됨');
    await page.click('[data-testid="server-save"]');
    await expect.poll(status, WAIT).toContain('v1');
    await expect.poll(status, WAIT).toContain('저장됨');
    await page.waitForSelector('.notice:has-text("서버에 저장했습니다 · v1")');
    await shot(page, 'saved-a');
    const [a] = await mine();
    expect(a).toMatchObject({ name: '검사 분석 A', latestVersion: 1 });
    // The sample was saved as its public server dataset, not as a path only this installation has.
    const savedA = (await apiJson(page, 'GET', `/api/pipelines/${a!.id}`)) as unknown as SavedPipeline;
    const readA = savedA.doc.nodes.find((n) => n.type === 'source.file')!;
    expect(readA.params.path).toBeUndefined();
    expect(readA.params.datasetId).toMatch(/^[0-9a-f-]{36}$/);

    // 새로 만들기: an unsaved document with no link.
    await page.click('[data-testid="new-doc"]');
    await expect.poll(status, WAIT).toContain('새 문서');
    expect(await status()).toContain('저장 안 됨');
    await addSample('declarations.csv');
    await typeName('새 분석 B');

    // The read node's dataset is chosen from a list, by name.
    await page.click('[data-testid="node-panel"] [data-testid="dataset-picker"]');
    await page.waitForSelector('[data-testid="dataset-picker-dialog"] td');
    await page.fill('[data-testid="dataset-picker-dialog"] input[type="search"]', 'decl');
    await page.waitForSelector('[data-testid="dataset-picker-dialog"] button[data-dataset="declarations.csv"]');
    expect(await page.textContent('[data-testid="dataset-picker-dialog"]')).toContain('예제');
    await shot(page, 'picker');
    await page.click('[data-testid="dataset-picker-dialog"] button[data-dataset="declarations.csv"]');
    await page.waitForSelector('[data-testid="dataset-picker-dialog"]', { state: 'detached' });
    expect(await page.textContent('[data-testid="node-panel"] [data-testid="dataset-picker"]')).toBe(
      'declarations.csv',
    );

    await page.click('[data-testid="server-save"]');
    await expect.poll(status, WAIT).toContain('v1');
    await expect.poll(status, WAIT).toContain('저장됨');
    const both = await mine();
    expect(both.map((p) => [p.name, p.latestVersion])).toEqual([
      ['검사 분석 A', 1],
      ['새 분석 B', 1],
    ]);
    const b = both.find((p) => p.name === '새 분석 B')!;

    // A reload keeps the link: the name and version show, and the next save is v2 of B, not a duplicate.
    await page.reload();
    await page.waitForSelector('[data-testid="doc-status"]');
    await expect.poll(status, WAIT).toContain('v1');
    expect(await status()).toContain('저장됨');
    expect(await page.inputValue('.doc-name')).toBe('새 분석 B');
    expect(await page.getAttribute('[data-testid="doc-status"]', 'title')).toBe('서버 파이프라인 "새 분석 B" v1');
    await shot(page, 'status-after-reload');
    await typeName('새 분석 B (수정)');
    await expect.poll(status, WAIT).toContain('저장 안 됨');
    // The title no longer says the server's name: the status names the pipeline it is linked to.
    expect(await status()).toContain('새 분석 B');
    await page.click('[data-testid="server-save"]');
    await expect.poll(status, WAIT).toContain('v2');
    const after = await mine();
    expect(after).toHaveLength(2);
    expect(after.find((p) => p.id === b.id)).toMatchObject({ latestVersion: 2, name: '새 분석 B (수정)' });
    expect(after.find((p) => p.id === a!.id)).toMatchObject({ latestVersion: 1, name: '검사 분석 A' });
  }, 240_000);

  it('saving a pipeline on a dropped file offers to upload it, then reads the uploaded dataset', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'doc-identity-'));
    const csv = path.join(dir, '현장검사_2024.csv');
    await writeFile(csv, 'hs,value\n0101,500\n0202,2000\n');

    await page.click('[data-testid="new-doc"]');
    await expect.poll(status, WAIT).toContain('새 문서');
    await typeName('현장 파일 분석');
    await page.setInputFiles('[data-testid="file-input"]', csv);
    await page.waitForSelector('[data-testid="node-panel"]');

    // Declining cancels the save and says why.
    await page.click('[data-testid="server-save"]');
    await page.waitForSelector('[data-testid="save-upload-dialog"]');
    expect(await page.textContent('[data-testid="save-upload-dialog"]')).toContain('현장검사_2024.csv');
    await shot(page, 'save-upload');
    await page.click('[data-testid="save-upload-cancel"]');
    await page.waitForSelector('text=저장하지 않았습니다');
    expect((await mine()).some((p) => p.name === '현장 파일 분석')).toBe(false);

    // Accepting uploads the file, switches the read node to the dataset and saves.
    await page.click('[data-testid="server-save"]');
    await page.click('[data-testid="save-upload-confirm"]');
    await expect.poll(status, WAIT).toContain('v1');
    const saved = (await mine()).find((p) => p.name === '현장 파일 분석')!;
    const doc = (await apiJson(page, 'GET', `/api/pipelines/${saved.id}`)) as unknown as SavedPipeline;
    const read = doc.doc.nodes.find((n) => n.type === 'source.file')!;
    expect(read.params.path).toBeUndefined();
    const datasets = (await apiJson(page, 'GET', '/api/datasets?q=현장검사')).items as { id: string; name: string }[];
    expect(datasets.map((d) => d.id)).toContain(read.params.datasetId);
    await shot(page, 'after-upload');
  }, 240_000);

  it('a shipped example opens unsaved, on the sample dataset, with its parameters as a form', async () => {
    const example = fileURLToPath(new URL('../templates/inspection-hit-rate.pipeline.json', import.meta.url));
    await page.setInputFiles('[data-testid="open-doc-input"]', example);
    await expect.poll(status, WAIT).toContain('새 문서');
    expect(await status()).toContain('저장 안 됨');
    // The parameters: labelled, typed inputs holding the declared defaults.
    await page.waitForSelector('[data-testid="parameters-panel"]');
    expect(await page.inputValue('[data-testid="parameters-panel"] input[name="param-since"]')).toBe('2023-01-01');
    await page.getByLabel('최소 검사 건수 · Minimum inspections').fill('50');
    await expect
      .poll(() => page.inputValue('[data-testid="parameters-panel"] input[name="param-min_inspections"]'))
      .toBe('50');
    await shot(page, 'parameters');
    // Saved as a new pipeline that names the sample by its dataset id and keeps the changed value.
    await page.click('[data-testid="server-save"]');
    await expect.poll(status, WAIT).toContain('v1');
    const saved = (await mine()).find((p) => p.name.startsWith('원산지·HS류별 검사 적발률'))!;
    const doc = (await apiJson(page, 'GET', `/api/pipelines/${saved.id}`)) as unknown as SavedPipeline & {
      doc: { parameters: { name: string; default: unknown }[] };
    };
    expect(doc.doc.parameters.find((p) => p.name === 'min_inspections')?.default).toBe(50);
    const read = doc.doc.nodes.find((n) => n.type === 'source.file')!;
    expect(read.params.path).toBeUndefined();
    expect(read.params.datasetId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);

  it('열기… with a CSV opens it as data instead of refusing it as JSON', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'doc-identity-open-'));
    const csv = path.join(dir, 'origin_codes.csv');
    await writeFile(csv, 'code,name\nKR,대한민국\nCN,중국\n');
    await page.setInputFiles('[data-testid="open-doc-input"]', csv);
    await page.waitForSelector('text=데이터로 열었습니다');
    await page.waitForSelector('[data-testid="node-panel"] h2:text-is("origin_codes.csv")');
    expect(errors).toEqual([]);
  }, 120_000);
});
