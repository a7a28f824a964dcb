import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Env, Hono, Next } from 'hono';

export interface StaticOptions {
  /** The built studio (`vite build` output); default `<project>/dist`. */
  distDir?: string;
  /** The shipped sample data; default `<project>/templates/data`. */
  samplesDir?: string;
}

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = /^[\w.-]+\.csv$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built studio at `/` and the shipped sample data read-only at `/samples/<file>` (with a JSON
 * listing at `/samples/`). Hashed files under `/assets/` are cached for a year and sent precompressed
 * (`.br`/`.gz` written by the build) — DuckDB's 34 MB wasm travels as ~8 MB; `.wasm` goes out as
 * `application/wasm`. `index.html` is revalidated on every load so a new build is picked up. Without a build
 * (`dist/index.html` missing) only the samples are mounted and `/` falls through to the next handler.
 *
 * @example
 * mountStatic(app); // before routes that would also answer `/`
 */
export function mountStatic<E extends Env>(app: Hono<E>, options: StaticOptions = {}): void {
  const dist = options.distDir ?? `${PROJECT}dist`;
  const samples = options.samplesDir ?? `${PROJECT}templates/data`;

  app.get('/samples/', async (c) => {
    const names = (await readdir(samples).catch(() => [] as string[])).filter((n) => SAMPLE.test(n)).sort();
    const list = await Promise.all(
      names.map(async (name) => ({ name, size: (await stat(`${samples}/${name}`)).size })),
    );
    c.header('Cache-Control', 'no-cache');
    return c.json(list);
  });
  app.on(['GET', 'HEAD'], '/samples/:file', async (c, next) => {
    if (!SAMPLE.test(c.req.param('file'))) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return serveStatic<E>({ root: samples, rewriteRequestPath: (p) => p.replace(/^\/samples/, '') })(c, next);
  });

  if (!existsSync(`${dist}/index.html`)) return;
  const files = serveStatic<E>({ root: dist, precompressed: true });
  const cached = (cacheControl: string) => async (c: Context<E>, next: Next) => {
    const res = await files(c, next);
    res?.headers.set('Cache-Control', cacheControl);
    return res;
  };
  app.use('/assets/*', cached(IMMUTABLE));
  app.get('/favicon.svg', cached('public, max-age=86400'));
  app.get('/', async (c, next) => {
    c.header('Cache-Control', 'no-cache');
    return serveStatic<E>({ root: dist, path: 'index.html' })(c, next);
  });
}
