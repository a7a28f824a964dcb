/**
 * `npx tsx bench/first-load-bench.ts [rounds]`: the studio's first data load as a new officer meets it, in headless
 * Debian chromium at 1440 × 900 against the built studio (`npx vite build` first). A fresh browser context per
 * round (no cache, no stored files); the time is from clicking the first-use guide's "예제 데이터 불러오기"
 * (declarations.csv, 4 MB, 20,000 rows) to the first declaration number in the results grid. Two cases: a click
 * as soon as the guide shows (the engine still starting: what every first load cost before the warm-up), and a
 * click after 4 s of reading the first screen (the engine warmed up meanwhile).
 */
import { launchChromium } from '../e2e/browser.ts';
import { startServer } from '../e2e/server.ts';
import { median } from './studio-bench-stats.ts';

const rounds = Number(process.argv[2] ?? 3);
const server = await startServer();
const browser = await launchChromium();
try {
  for (const readMs of [0, 4000]) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="guide-step1"]');
      await page.waitForTimeout(readMs);
      const started = Date.now();
      await page.click('[data-testid="guide-step1"]');
      await page.waitForFunction(
        () =>
          /^\d{5}-\d{2}-\d{7}M$/.test(
            document.querySelector('[data-testid="grid"] tr[data-row="0"] td')?.textContent ?? '',
          ),
        undefined,
        { timeout: 120_000 },
      );
      times.push(Date.now() - started);
      await context.close();
    }
    console.log(
      `read ${readMs} ms before the click: click → first rows ${times.join(', ')} ms (median ${median(times)})`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
