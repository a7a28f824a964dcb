import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const read = (name: string) => readFileSync(new URL(`../public/${name}`, import.meta.url), 'utf8');

const LANDING = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>Customs Analysis Studio · 관세 분석 스튜디오</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/landing.css"></head>
<body>
<h1>관세 분석 스튜디오 <small>Customs Analysis Studio</small></h1>
<p>런타임과 명령줄이 준비되었습니다. 캔버스와 노트북 화면은 곧 이곳에서 열립니다.</p>
<p>The runtime and command line are ready; the canvas and notebook studio will open here.</p>
<p><code>npm run studio -- run templates/under-valued-imports.pipeline.json</code></p>
<p>API: <a href="/api/docs">/api/docs</a></p>
</body></html>`;

const DOCS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/api/docs/docs.css"></head>
<body>
<header><h1 id="title">API reference</h1><a href="/api/openapi.json">openapi.json</a>
<input id="filter" type="search" placeholder="Filter: method, path, summary" aria-label="Filter operations"></header>
<main><p>Loading…</p></main>
<script type="module" src="/api/docs/docs.js"></script>
</body></html>`;

/**
 * The landing page and the API reference page, each with its files served from here (no inline script or
 * style: the CSP refuses both). The studio's built files will be served beside these.
 */
export function staticRoutes() {
  const files = {
    landingCss: read('landing.css'),
    docsCss: read('docs.css'),
    docsJs: read('docs.js'),
  };
  const cache = { 'Cache-Control': 'no-cache' };
  return new Hono()
    .get('/', (c) => c.html(LANDING))
    .get('/landing.css', (c) => c.body(files.landingCss, 200, { ...cache, 'Content-Type': 'text/css; charset=utf-8' }))
    .get('/api/docs', (c) => c.html(DOCS))
    .get('/api/docs/docs.css', (c) =>
      c.body(files.docsCss, 200, { ...cache, 'Content-Type': 'text/css; charset=utf-8' }),
    )
    .get('/api/docs/docs.js', (c) =>
      c.body(files.docsJs, 200, { ...cache, 'Content-Type': 'text/javascript; charset=utf-8' }),
    );
}
