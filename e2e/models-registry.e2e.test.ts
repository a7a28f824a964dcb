import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainGbdt } from '../runtime/ml/gbdt.ts';
import { exportOnnx } from '../runtime/ml/onnx-export.ts';
import { ensureBuild } from '../server/ensure-build.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';
import { signInAdmin } from './session.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = path.join(ROOT, 'docs/screenshots');

/** Two features [value, mass]; a hit when value is over 50. */
function twoColumnModel() {
  const value = Float64Array.from({ length: 200 }, (_, i) => i % 100);
  const mass = Float64Array.from({ length: 200 }, (_, i) => (i * 7) % 13);
  return exportOnnx(
    trainGbdt(
      [value, mass],
      value.map((v) => (v > 50 ? 1 : 0)),
      { rounds: 5 },
    ),
  );
}

describe.skipIf(!hasChromium() && !process.env.CI)('model registry page in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const onnx = Buffer.from(twoColumnModel());

  beforeAll(async () => {
    await ensureBuild(() => {});
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 800 }, locale: 'ko-KR' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads an ONNX model on the page, lists it, and refuses a column-count mismatch', async () => {
    await signInAdmin(page, server, 'admin-new-password-1');

    // A model "trained in the studio", registered through the API the studio's store uses: metrics and fingerprint.
    const registered = await page.evaluate(async (base64) => {
      const session = await fetch('/api/auth/session').then((r) => r.json() as Promise<{ csrfToken: string }>);
      const res = await fetch('/api/models', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({
          name: '통관위험-심사',
          kind: 'onnx',
          fingerprint: '3f9a1c0be47d22a8'.repeat(4),
          metrics: { precision: 0.412, recall: 0.55, auc: 0.871, rows: 12000 },
          meta: { kind: 'onnx', inputColumns: ['value', 'mass'] },
          onnxBase64: base64,
        }),
      });
      return res.status;
    }, onnx.toString('base64'));
    expect(registered).toBe(201);

    await page.click('a[href="#/models"]');
    await page.waitForSelector('[data-testid="models-page"]');
    const file = { name: '고가신고.onnx', mimeType: 'application/octet-stream', buffer: onnx };
    await page.setInputFiles('[data-testid="model-file"]', file);
    expect(await page.inputValue('[data-testid="model-name"]')).toBe('고가신고'); // taken from the file name
    await page.fill('[data-testid="model-columns"]', 'value, mass, origin');
    await page.click('[data-testid="model-submit"]');
    // the model reads 2 columns: three named is refused by the server
    await expect
      .poll(() => page.textContent('[data-testid="model-upload"] [role="status"]'))
      .toMatch(/모델은 열 2개를 읽는데 입력 열은 3개/);

    await page.fill('[data-testid="model-columns"]', 'value, mass');
    await page.click('[data-testid="model-submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="model-upload"] [role="status"]'))
      .toBe('고가신고 v1 을(를) 올렸습니다');
    const rows = page.locator('[data-testid="model-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('고가신고') && t.includes('ONNX') && t.includes('admin'))).toBe(true);
    expect(texts.some((t) => t.includes('통관위험-심사') && t.includes('0.871') && t.includes('3f9a1c0be47d'))).toBe(
      true,
    );
    await page.screenshot({ path: path.join(SHOTS, 'models-registry.png') });

    await page.click('button:has-text("English")');
    await page.waitForSelector('h2:has-text("Model registry")');
    expect(await page.textContent('[data-testid="model-submit"]')).toBe('Upload');

    const download = await page.evaluate(async () => {
      const res = await fetch(`/api/models/${encodeURIComponent('고가신고')}/versions/1/onnx`);
      return (await res.arrayBuffer()).byteLength;
    });
    expect(download).toBe(onnx.byteLength);
    expect(errors).toEqual([]);
  }, 120_000);
});
