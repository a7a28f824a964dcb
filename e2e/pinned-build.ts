/**
 * A studio page that keeps the build it started with. On a shared machine another `vite build` can empty
 * `dist/` while a long walk is under way (the next lazy chunk then fails to load and the page goes blank), so the
 * build is copied once, checked whole, and the page's requests for the studio's own files are answered from the
 * copy; everything else (API, samples) goes to the real server.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ensureBuild } from '../server/ensure-build.ts';
import { launchChromium } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

/** Whether every `assets/…` file named by the copy's html and scripts is in the copy (no half-written build). */
async function complete(dir: string): Promise<boolean> {
  const index = await readFile(path.join(dir, 'index.html'), 'utf8').catch(() => '');
  if (!index) return false;
  const assets = new Set(await readdir(path.join(dir, 'assets')).catch(() => [] as string[]));
  const texts = [index];
  for (const name of assets)
    if (/\.(js|css)$/.test(name)) texts.push(await readFile(path.join(dir, 'assets', name), 'utf8'));
  for (const text of texts) {
    for (const m of text.matchAll(/assets\/([\w.-]+\.(?:js|css|wasm))/g)) if (!assets.has(m[1]!)) return false;
  }
  return true;
}

/**
 * Brings `dist/` up to date when it can. A source someone is half-way through editing may not build: the last
 * complete build (vite leaves `dist/` alone when it fails to parse) is then used, and the error is shown.
 */
async function tryBuild(): Promise<void> {
  await ensureBuild(() => {}).catch((e: unknown) => {
    console.warn(`vite build failed; using the last complete build in dist/: ${String(e).split('\n')[0]}`);
  });
}

/** Copies `dist/` (without its precompressed twins) until a complete copy is made. */
async function snapshotBuild(): Promise<string> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const dir = await mkdtemp(path.join(tmpdir(), 'studio-build-'));
    const copied = await cp(DIST, dir, {
      recursive: true,
      filter: (src) => !/\.(br|gz)$/.test(src),
    }).then(
      () => true,
      () => false,
    );
    if (copied && (await complete(dir))) return dir;
    await rm(dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // another build is writing dist/: wait for it
    await tryBuild();
  }
  throw new Error('no complete studio build in dist/ within three minutes');
}

export interface PinnedStudio {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** A new Korean 1440 × 900 page on the same pinned build, in a fresh context (another user). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Like `openStudio`, on a pinned copy of the build: server on a throw-away database (with `serverEnv` settings),
 * Chromium, a Korean 1440 × 900 page on the first screen; page errors of every page go into `errors`.
 */
export async function openPinnedStudio(
  errors: string[],
  context: BrowserContextOptions = {},
  serverEnv: Record<string, string> = {},
): Promise<PinnedStudio> {
  await tryBuild();
  await mkdir(path.join(ROOT, 'docs/screenshots'), { recursive: true });
  const build = await snapshotBuild();
  const server = await startServer(serverEnv);
  const browser = await launchChromium();
  const origin = new URL(server.url).origin;
  const newPage = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR', ...context });
    await ctx.route(
      (url) =>
        url.origin === origin &&
        (url.pathname === '/' || url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg'),
      async (route) => {
        const { pathname } = new URL(route.request().url());
        const file = path.join(build, pathname === '/' ? 'index.html' : pathname);
        const body = await readFile(file).catch(() => null);
        if (!body) return route.fulfill({ status: 404, body: 'not in the pinned build' });
        return route.fulfill({
          status: 200,
          body,
          headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' },
        });
      },
    );
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  const page = await newPage();
  await page.goto(server.url);
  await page.waitForSelector('h1');
  return {
    server,
    browser,
    page,
    newPage,
    close: async () => {
      await browser.close();
      await server.stop();
      await rm(build, { recursive: true, force: true });
    },
  };
}
