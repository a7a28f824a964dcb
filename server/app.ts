import { Hono } from 'hono';

const LANDING = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>Customs Analysis Studio · 관세 분석 스튜디오</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; max-width: 40rem">
<h1>관세 분석 스튜디오 <small style="color:#666">Customs Analysis Studio</small></h1>
<p>런타임과 명령줄이 준비되었습니다. 캔버스와 노트북 화면은 곧 이곳에서 열립니다.</p>
<p>The runtime and command line are ready; the canvas and notebook studio will open here.</p>
<p><code>npm run studio -- run templates/under-valued-imports.pipeline.json</code></p>
</body></html>`;

export function createApp() {
  return new Hono()
    .get('/api/health', (c) => c.json({ ok: true, service: 'customs-analysis-studio' }))
    .get('/', (c) => c.html(LANDING));
}

export type AppType = ReturnType<typeof createApp>;
