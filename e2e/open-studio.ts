import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ensureBuild } from '../server/ensure-build.ts';
import { launchChromium } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/**
 * The usual start of a studio e2e file: the build, a server on a throw-away database, Chromium with a
 * Korean 1440 × 900 page on the first screen; page errors are collected into `errors`.
 */
export async function openStudio(
  errors: string[],
  context: BrowserContextOptions = {},
): Promise<{ server: RunningServer; browser: Browser; page: Page }> {
  await ensureBuild(() => {});
  await mkdir(path.resolve(SHOTS), { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR', ...context })
  ).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('h1');
  return { server, browser, page };
}
