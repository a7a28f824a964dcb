import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { inArray } from 'drizzle-orm';
import type { Context, Env, Hono, Next } from 'hono';
import { formatOf } from './datasets/filename.ts';
import type { Db } from './db/client.ts';
import { datasets } from './db/schema.ts';
import { sampleDatasetId } from './seed/ids.ts';
import { listSampleFiles, SAMPLE_NAME } from './seed/samples.ts';

/** Shipped scans (C/O forms, seal specimens, X-ray images): served read-only like the samples, not seeded as datasets. */
const SAMPLE_IMAGES = /^(?:[\w-]+\/)?[\w-][\w.-]*\.(?:zip|png|jpe?g)$/;

export interface StaticOptions {
  /** The built studio (`vite build` output); default `<project>/dist`. */
  distDir?: string;
  /** The shipped sample data; default `<project>/templates/data`. */
  samplesDir?: string;
  /** Names each sample's server dataset in the listing (seeded at start, `server/seed`); none: `datasetId: null`. */
  db?: Db;
}

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built studio at `/` and the shipped sample data read-only at `/samples/<name>` (`declarations.csv`,
 * `kcs/df_syn_train_eng.csv`), with a JSON listing at `/samples/`: `[{ name, size, datasetId, rows, format }]`,
 * where `datasetId` is the sample's public server dataset (null until it is registered). Hashed files under `/assets/` are cached for a year and sent precompressed
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
    c.header('Cache-Control', 'no-cache');
    return c.json(await sampleListing(samples, options.db));
  });
  app.on(['GET', 'HEAD'], '/samples/*', async (c, next) => {
    // One folder level at most, plain characters only (no `..`, no encoded slashes), a data file's extension.
    const name = c.req.path.slice('/samples/'.length);
    if (!SAMPLE_NAME.test(name) && !SAMPLE_IMAGES.test(name)) return c.notFound();
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

export interface SampleListing {
  /** The path under `templates/data`. */
  name: string;
  size: number;
  /** The sample's public server dataset: a read node `{ datasetId, format }` reads it on the server. */
  datasetId: string | null;
  rows: number | null;
  format: string;
}

async function sampleListing(samplesDir: string, db: Db | undefined): Promise<SampleListing[]> {
  const files = await listSampleFiles(samplesDir);
  const ids = files.map((f) => sampleDatasetId(f.name));
  const rows =
    db && ids.length > 0
      ? await db
          .select({ id: datasets.id, rows: datasets.rows, format: datasets.format })
          .from(datasets)
          .where(inArray(datasets.id, ids))
      : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return files.map((f) => {
    const row = byId.get(sampleDatasetId(f.name));
    return {
      name: f.name,
      size: f.size,
      datasetId: row?.id ?? null,
      rows: row?.rows ?? null,
      format: row?.format ?? formatOf(f.name),
    };
  });
}
