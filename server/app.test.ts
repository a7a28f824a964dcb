import { describe, expect, it } from 'vitest';
import { drivers } from './test/databases.ts';
import { describeDrivers, testServer } from './test/harness.ts';

describeDrivers('app', (server) => {
  it('answers the readiness check with the database status', async () => {
    const res = await server().anonymous().get('/api/ready');
    const body = await res.json();
    expect(body.checks.database).toMatchObject({ ok: true, detail: server().database.driver });
    expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends the security headers on pages, API answers and errors', async () => {
    const client = server().anonymous();
    for (const path of ['/', '/api/health', '/api/nowhere', '/api/pipelines']) {
      const res = await client.get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, path).toContain("worker-src 'self' blob:");
      // Monaco and Vega insert <style> elements: inline styles are allowed on purpose, inline scripts never.
      expect(csp, path).toContain("style-src 'self' 'unsafe-inline'");
      expect(/script-src[^;]*unsafe-inline/.test(csp), path).toBe(false);
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy'), path).toBe('require-corp');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('serves the landing page with no inline script or style, its stylesheet beside it', async () => {
    const client = server().anonymous();
    const html = await (await client.get('/')).text();
    expect(html).toContain('관세 분석 스튜디오');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\sstyle=/);
    const css = await client.get('/landing.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('describes itself in OpenAPI 3 with a local reference page', async () => {
    const client = server().anonymous();
    const spec = await (await client.get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/ready',
        '/api/auth/login',
        '/api/users/{id}',
        '/api/pipelines',
        '/api/pipelines/{id}',
        '/api/pipelines/{id}/versions/{version}/restore',
        '/api/pipelines/{id}/diff',
      ]),
    );
    expect(spec.paths['/api/pipelines/{id}'].put.responses['409']).toBeDefined();
    const page = await (await client.get('/api/docs')).text();
    expect(page).toContain('<script type="module" src="/api/docs/docs.js">');
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    const js = await client.get('/api/docs/docs.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('/api/openapi.json');
  });

  it('answers unknown routes with a JSON error', async () => {
    const res = await server().anonymous().get('/api/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found', message: expect.stringContaining('/api/nowhere') });
  });
});

describe('readiness without a database', () => {
  it('answers 503 with the database listed as failing, while liveness still answers', async () => {
    const server = await testServer(drivers[0]!);
    await server.database.close();
    const res = await server.anonymous().get('/api/ready');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: false,
      checks: { database: { ok: false, detail: expect.stringContaining('pglite') } },
    });
    expect(body.failing).toContain('database');
    expect((await server.anonymous().get('/api/health')).status).toBe(200);
  });
});
