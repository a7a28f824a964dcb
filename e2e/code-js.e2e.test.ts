import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../server/ensure-build.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

const VALUES = 'SELECT * FROM (VALUES (1, 50.0), (2, 150.0), (3, 300.0)) t(id, value)';

/** Adds a `code.js` node after `decl`, inspects it, and waits until the run is over and the node done or failed. */
async function codeNode(page: Page, id: string, code: string, timeLimit = 30) {
  await page.evaluate(
    ([nodeId, c, limit]) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', {
        type: 'code.js',
        id: nodeId,
        params: { code: c, timeLimit: limit },
        after: { source: 'decl' },
      });
      s.inspect(nodeId as string);
    },
    [id, code, timeLimit] as const,
  );
  await page.waitForFunction(
    (nodeId) => {
      const state = window.__studio?.store.getState();
      return !state?.run.active && ['done', 'error'].includes(state?.nodeRuns[nodeId]?.state ?? '');
    },
    id,
    { timeout: 60_000 },
  );
  return page.evaluate((nodeId) => {
    const r = window.__studio!.store.getState().nodeRuns[nodeId]!;
    return { state: r.state, rows: r.rows ?? null, message: r.message ?? '', param: r.param ?? null };
  }, id);
}

describe.skipIf(!hasChromium())('code.js in the browser sandbox', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureBuild(() => {});
    server = await startServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
    await page.goto(server.url);
    await page.waitForSelector('h1');
    await page.evaluate((query) => {
      window.__studio!.store.getState().dispatch('add-node', { type: 'sql', id: 'decl', params: { query } });
    }, VALUES);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs Arquero code in a worker and refuses the network', async () => {
    const ok = await codeNode(
      page,
      'big',
      'return inputs.decl.filter(d => d.value > 100).derive({ krw: d => d.value * 1300 });',
    );
    expect(ok.message).toBe('');
    expect(ok).toMatchObject({ state: 'done', rows: 2 });
    const net = await codeNode(page, 'net', "fetch('http://127.0.0.1');\nreturn inputs.input;");
    expect(net).toMatchObject({ state: 'error', param: 'code' });
    expect(net.message).toMatch(/fetch.*\(line 1\)/);
    const syntax = await codeNode(page, 'syntax', 'const a = 1;\nconst b = ;\nreturn inputs.input;');
    expect(syntax).toMatchObject({ state: 'error', param: 'code' });
    expect(syntax.message).toMatch(/SyntaxError.*\(line 2\)/);
    const loop = await codeNode(page, 'loop', 'while (true) {}', 1);
    expect(loop.state).toBe('error');
    expect(loop.message).toMatch(/Time limit/);
  }, 180_000);
});
