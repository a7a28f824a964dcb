/**
 * The network view (sigma.js, WebGL) in headless Debian chromium at 5,000 entities and about 20,000 links:
 * time to the drawn network (analysis in DuckDB-WASM + layout + first frame), then pan and zoom driven
 * frame by frame through the camera, timing each frame (requestAnimationFrame to requestAnimationFrame) and
 * sigma's own render (beforeRender → afterRender). One more camera pass is recorded with the DevTools protocol
 * (trace + JavaScript profile) to say where a moving frame's time goes, and the same drawing (positions, sizes,
 * colours, settings) is timed again on a bare page with sigma alone, the floor the studio page can reach.
 * Headless chromium draws WebGL in software (SwiftShader), so the figures are an upper bound for an officer's PC
 * with any GPU.
 *   npm run bench -- --suite studio-network
 *   NETWORK_BENCH_GL=swiftshader npm run bench -- --suite studio-network   (chromium's GPU process on ANGLE/SwiftShader
 *   instead of --disable-gpu: prints the figures, leaves RESULTS.md alone)
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../e2e/browser.ts';
import { startServer } from '../e2e/server.ts';
import { ensureBuild } from '../server/ensure-build.ts';
import { median, percentile } from './studio-bench-stats.ts';

/** 3,000 importers × 2,000 sellers, ~20,000 distinct pairs; every 97th row marks a known violator. */
const GEN = `SELECT 'I' || (range % 3000) AS importer, 'S' || ((range * 7919 + range // 3000 * 13) % 2000) AS seller,
  (range % 97 = 0)::INTEGER AS known FROM range(20500)`;
const VIEWPORT = { width: 1440, height: 1000 };
/** Camera passes timed on each page (each four animations of 1.5 s). */
const PASSES = 3;
const SHOTS = new URL('./out/', import.meta.url).pathname;

export interface MovePass {
  frameMs: number[];
  renderMs: number[];
}

/** Where one traced camera pass spent its time, per moving frame. */
export interface TraceSummary {
  frames: number;
  /** Busy milliseconds per frame on each chromium thread that did any work. */
  threads: { thread: string; msPerFrame: number; top: { name: string; msPerFrame: number }[] }[];
  /** The page's JavaScript by self time per frame (the DevTools profiler's samples). */
  js: { name: string; msPerFrame: number }[];
}

export interface NetworkBenchResult {
  nodes: number;
  edges: number;
  drawnMs: number;
  webgl: string;
  chromiumArgs: string;
  /** rAF intervals with nothing moving. */
  idleMs: number[];
  passes: MovePass[];
  trace: TraceSummary;
  /** The same drawing with sigma alone on a bare page: the floor. */
  bare: MovePass[];
}

/** The studio's own chromium (`--disable-gpu`), or its GPU process drawing with ANGLE on SwiftShader. */
function launch(): Promise<Browser> {
  if (process.env.NETWORK_BENCH_GL !== 'swiftshader') return launchChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Four camera animations (zoom in, pan, zoom out, pan back), as the wheel and a drag move it; every frame timed. */
function cameraPass(page: Page, key: string): Promise<MovePass> {
  return page.evaluate(
    (k) =>
      new Promise<MovePass>((resolve) => {
        const { sigma } = (window.__networks as NonNullable<typeof window.__networks>)[k]!;
        const camera = sigma.getCamera();
        const frameMs: number[] = [];
        const renderMs: number[] = [];
        let began = 0;
        const before = () => {
          began = performance.now();
        };
        const after = () => renderMs.push(performance.now() - began);
        sigma.on('beforeRender', before);
        sigma.on('afterRender', after);
        const moves = [
          { x: 0.5, y: 0.5, ratio: 0.3 },
          { x: 0.7, y: 0.4, ratio: 0.3 },
          { x: 0.3, y: 0.6, ratio: 0.6 },
          { x: 0.5, y: 0.5, ratio: 1 },
        ];
        let moving = true;
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          frameMs.push(now - last);
          last = now;
          if (moving) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        (async () => {
          for (const m of moves) await camera.animate(m, { duration: 1500 });
          moving = false;
          sigma.off('beforeRender', before);
          sigma.off('afterRender', after);
          resolve({ frameMs: frameMs.slice(1), renderMs });
        })();
      }),
    key,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** One camera pass under the DevTools protocol's tracing and JavaScript profiler. */
async function tracedPass(page: Page): Promise<TraceSummary> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d: { value: object[] }) => events.push(...(d.value as TraceEvent[])));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,cc,gpu,viz,toplevel',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  const pass = await cameraPass(page, 'links');
  const { profile } = await cdp.send('Profiler.stop');
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return summariseTrace(events, profile as CpuProfile, pass.frameMs.length);
}

/** Self time of the trace's complete events per thread (children subtracted), and the profile's self time. */
export function summariseTrace(events: TraceEvent[], profile: CpuProfile, frames: number): TraceSummary {
  const names = new Map<string, string>();
  const processes = new Map<number, string>();
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
    if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, String(e.args?.name));
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}:${e.tid}`;
    const list = byThread.get(k) ?? [];
    list.push(e);
    byThread.set(k, list);
  }
  const perFrame = (us: number) => us / 1000 / frames;
  const threads: TraceSummary['threads'] = [];
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const self = new Map<string, number>();
    const open: { e: TraceEvent; children: number }[] = [];
    let busy = 0;
    const closeUntil = (ts: number) => {
      for (let top = open.at(-1); top && top.e.ts + (top.e.dur ?? 0) <= ts; top = open.at(-1)) {
        open.pop();
        self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur ?? 0) - top.children);
        const parent = open.at(-1);
        if (parent) parent.children += top.e.dur ?? 0;
        else busy += top.e.dur ?? 0;
      }
    };
    for (const e of list) {
      closeUntil(e.ts);
      open.push({ e, children: 0 });
    }
    closeUntil(Number.POSITIVE_INFINITY);
    if (perFrame(busy) < 0.5) continue;
    const pid = Number(k.split(':')[0]);
    threads.push({
      thread: `${processes.get(pid) ?? pid} / ${names.get(k) ?? k}`,
      msPerFrame: perFrame(busy),
      top: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, us]) => ({ name, msPerFrame: perFrame(us) })),
    });
  }
  threads.sort((a, b) => b.msPerFrame - a.msPerFrame);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const js = new Map<string, number>();
  for (const n of profile.nodes) {
    const name = n.callFrame.functionName || '(anonymous)';
    // '(program)' is chromium's own work on the main thread (waiting for the GPU process included), '(idle)' nothing.
    const where = n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : '';
    js.set(name + where, (js.get(name + where) ?? 0) + (sampled.get(n.id) ?? 0));
  }
  return {
    frames,
    threads,
    js: [...js]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, us]) => ({ name, msPerFrame: perFrame(us) })),
  };
}

/** What the studio's sigma draws, to be drawn again with sigma alone. */
interface Drawing {
  width: number;
  height: number;
  nodes: [x: number, y: number, size: number, color: string, label: string, hidden: boolean][];
  edges: [source: number, target: number, color: string, hidden: boolean][];
  large: boolean;
  settings: Record<string, number | boolean | string>;
}

/** The same nodes, links, sizes, colours and settings on a bare page of the same size: sigma alone. */
async function barePasses(browser: Browser, drawing: Drawing): Promise<MovePass[]> {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await page.setContent(
    `<!doctype html><div id="host" style="position:relative;width:${drawing.width}px;height:${drawing.height}px"></div>`,
  );
  await page.evaluate('globalThis.__name ??= (f) => f'); // tsx keeps function names through a helper
  // The packages' UMD builds sit beside their main files (their `exports` maps do not list them).
  const dist = (pkg: string) => path.dirname(createRequire(import.meta.url).resolve(pkg));
  await page.addScriptTag({ path: path.join(dist('graphology'), 'graphology.umd.min.js') });
  await page.addScriptTag({ path: path.join(dist('sigma'), 'sigma.min.js') });
  await page.evaluate((d) => {
    // The UMD builds' globals (the studio bundles the same versions from node_modules).
    type Umd = typeof window & {
      graphology: { Graph: new (o: object) => import('graphology').default };
      Sigma: typeof import('sigma').default & { rendering: typeof import('sigma/rendering') };
    };
    const { graphology, Sigma } = window as Umd;
    const graph = new graphology.Graph({ type: 'undirected', multi: false });
    d.nodes.forEach(([x, y, size, color, label, hidden], i) => {
      graph.addNode(String(i), { x, y, size, color, label, hidden });
    });
    for (const [s, t, color, hidden] of d.edges) graph.mergeEdge(String(s), String(t), { color, hidden });
    const { NodePointProgram, NodeCircleProgram, EdgeLineProgram, EdgeRectangleProgram } = Sigma.rendering;
    const sigma = new Sigma(graph, document.getElementById('host') as HTMLElement, {
      ...d.settings,
      zoomToSizeRatioFunction: d.settings.sameSizeOnZoom ? () => 1 : Math.sqrt,
      nodeProgramClasses: { circle: d.large ? NodePointProgram : NodeCircleProgram },
      edgeProgramClasses: { line: EdgeLineProgram, thick: EdgeRectangleProgram },
      defaultEdgeType: 'line',
    });
    window.__networks = { bare: { sigma, graph, select: () => {} } };
  }, drawing);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}network-bare.png` });
  const passes: MovePass[] = [];
  for (let i = 0; i < PASSES; i++) passes.push(await cameraPass(page, 'bare'));
  await page.close();
  return passes;
}

/** `build: false` measures \`dist/\` as it is (to time a build made before a change). */
export async function benchNetwork(options = { build: true }): Promise<NetworkBenchResult> {
  if (options.build) await ensureBuild(() => {});
  const server = await startServer();
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ locale: 'ko-KR', viewport: VIEWPORT })).newPage();
    await page.addInitScript('globalThis.__name ??= (f) => f');
    await page.goto(server.url);
    await page.waitForFunction(() => window.__studio !== undefined);
    await page.evaluate(() => window.__studio!.ready);
    const t0 = Date.now();
    await page.evaluate((query) => {
      const s = window.__studio!.store.getState();
      s.dispatch('add-node', { type: 'sql', id: 'gen', params: { query } });
      s.dispatch('add-node', {
        type: 'graph.link_analysis',
        id: 'links',
        params: { entities: ['importer', 'seller'], seedFlag: 'known', betweennessLimit: 0 },
        after: { source: 'gen' },
      });
      s.inspect('links');
    }, GEN);
    await page.waitForFunction(() => window.__networks?.links, null, { timeout: 600_000, polling: 500 });
    await page.getByTestId('network').getByRole('button', { name: '모든 개체 보기' }).click();
    await page.waitForTimeout(500);
    const drawnMs = Date.now() - t0;
    const size = await page.evaluate(() => ({
      nodes: window.__networks!.links!.graph.order,
      edges: window.__networks!.links!.graph.size,
    }));
    const webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
    });
    await page.getByTestId('network').screenshot({ path: `${SHOTS}network-5k.png` });
    // The page's own frame rate with the network drawn and nothing moving: what the machine gives at all.
    const idleMs = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const out: number[] = [];
          let last = performance.now();
          const step = () => {
            const now = performance.now();
            out.push(now - last);
            last = now;
            if (out.length === 60) resolve(out);
            else requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
    const passes: MovePass[] = [];
    for (let i = 0; i < PASSES; i++) passes.push(await cameraPass(page, 'links'));
    const trace = await tracedPass(page);
    await page.evaluate(() => window.__networks!.links!.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.3 }));
    await page.waitForTimeout(800);
    await page.getByTestId('network').screenshot({ path: `${SHOTS}network-5k-zoomed.png` });
    await page.evaluate(() => window.__networks!.links!.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1 }));
    await page.waitForTimeout(300);
    const drawing = await page.evaluate((): Drawing => {
      const { sigma, graph } = window.__networks!.links!;
      const index = new Map(graph.nodes().map((k, i) => [k, i]));
      const s = sigma.getSettings();
      return {
        ...sigma.getDimensions(),
        nodes: graph.mapNodes((k) => {
          const d = sigma.getNodeDisplayData(k)!;
          return [d.x, d.y, d.size, d.color, d.label ?? '', d.hidden];
        }),
        edges: graph.mapEdges((e, _a, source, target) => {
          const d = sigma.getEdgeDisplayData(e)!;
          return [index.get(source)!, index.get(target)!, d.color, d.hidden];
        }),
        // The view's threshold for its large-network settings (NetworkView.tsx, LARGE).
        large: graph.order > 1_500 || graph.size > 5_000,
        settings: {
          labelRenderedSizeThreshold: s.labelRenderedSizeThreshold,
          hideEdgesOnMove: s.hideEdgesOnMove,
          hideLabelsOnMove: s.hideLabelsOnMove,
          renderEdgeLabels: s.renderEdgeLabels,
          sameSizeOnZoom: s.zoomToSizeRatioFunction(0.25) === 1,
          zIndex: s.zIndex,
        },
      };
    });
    const bare = await barePasses(browser, drawing);
    const chromiumArgs =
      process.env.NETWORK_BENCH_GL === 'swiftshader'
        ? '--use-gl=angle --use-angle=swiftshader --enable-unsafe-swiftshader --ignore-gpu-blocklist'
        : '--disable-gpu';
    return { ...size, drawnMs, webgl, chromiumArgs, idleMs: idleMs.slice(1), passes, trace, bare };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const f = (x: number) => `${x.toFixed(1)} ms`;
const row = (label: string, xs: number[]) =>
  `| ${label} | ${f(median(xs))} | ${f(percentile(xs, 0.9))} | ${f(Math.max(...xs))} | ${xs.length} |`;
const all = (passes: MovePass[], k: keyof MovePass) => passes.flatMap((p) => p[k]);
const each = (passes: MovePass[]) => passes.map((p) => median(p.frameMs).toFixed(1)).join(' · ');

export function networkSection(r: NetworkBenchResult, machine: string, history: string): string {
  const threads = r.trace.threads
    .slice(0, 5)
    .map(
      (t) =>
        `| ${t.thread} | ${f(t.msPerFrame)} | ${t.top.map((x) => `\`${x.name}\` ${x.msPerFrame.toFixed(1)}`).join(' · ')} |`,
    )
    .join('\n');
  const js = r.trace.js.map((x) => `\`${x.name}\` ${x.msPerFrame.toFixed(2)}`).join(' · ');
  return `## Studio: network view at ${r.nodes.toLocaleString('en-US')} entities / ${r.edges.toLocaleString('en-US')} links (issue 16)

Command: \`npm run bench -- --suite studio-network\` · ${new Date().toISOString().slice(0, 10)} · ${machine} · Debian chromium, headless, \`${r.chromiumArgs}\` · WebGL renderer: ${r.webgl}

\`bench/network-bench.ts\`: a SQL node generates 20,500 importer–seller rows (3,000 importers, 2,000 sellers, every 97th row
a known violator) → \`graph.link_analysis\` (betweenness off) → the inspector's network view, "모든 개체 보기" (show every
entity). Then ${PASSES} camera passes, each four animations of 1.5 s (zoom in, pan, zoom out, pan back) as the wheel and a
drag move the camera, every animation frame timed; one more pass under the DevTools protocol (trace and JavaScript
profile); then the same drawing (sigma's positions, sizes, colours, hidden flags and settings, same canvas size) on a
bare page with sigma alone, ${PASSES} passes: the floor the studio page can reach in this chromium. Past 1,500 entities
or 5,000 links the view draws entities as 1.5–6 px points that keep their screen size when zooming in
(\`NodePointProgram\`, \`zoomToSizeRatioFunction\` constant), links as 1-px lines (the evidence path thick), links
and labels hidden while the camera moves, labels from 3 px with sigma's label grid. **This machine has no GPU**:
WebGL is drawn in software (SwiftShader), so these are upper bounds. \`requestAnimationFrame\` runs at most at the
display's 60 Hz, so a frame interval cannot be measured below 16.7 ms: "under 16 ms of work a frame" shows as a
median of 16.7 ms. The machine is shared: see the load average and the idle row (the page with nothing moving).

| measure | median | p90 | max | frames |
|---|---:|---:|---:|---:|
${row('frame interval with nothing moving (the page alone)', r.idleMs)}
${row('studio: frame interval while panning and zooming (rAF → rAF)', all(r.passes, 'frameMs'))}
${row("studio: sigma's render of one frame (beforeRender → afterRender)", all(r.passes, 'renderMs'))}
${row('bare page, sigma alone, same drawing: frame interval while moving', all(r.bare, 'frameMs'))}

Medians of the ${PASSES} passes: studio ${each(r.passes)} ms; bare page ${each(r.bare)} ms.

Where a moving frame goes (the traced pass, ${r.trace.frames} frames; busy time per frame by chromium thread, children
subtracted, and its three largest events):

| thread | busy a frame | largest events (ms a frame) |
|---|---:|---|
${threads}

The page's JavaScript by self time a frame (profiler; \`(program)\` is chromium's native work on the main thread,
waiting for the GPU process included): ${js}.

From adding the two nodes to the whole network drawn (DuckDB-WASM analysis, ForceAtlas2 layout, first frame): ${(r.drawnMs / 1000).toFixed(1)} s.
Pictures (not committed; \`bench/out/\`): \`network-5k.png\`, \`network-5k-zoomed.png\` (camera ratio 0.3), \`network-bare.png\`.${history ? `\n\n${history}` : ''}`;
}

const HISTORY = '### Before and after';

/** The section's hand-written history (from its heading to the end), kept when the figures are re-measured. */
async function keptHistory(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(new URL('./RESULTS.md', import.meta.url), 'utf8').catch(() => '');
  const section = text.slice(
    text.indexOf('<!-- studio-network:start -->'),
    text.indexOf('<!-- studio-network:end -->'),
  );
  const at = section.indexOf(HISTORY);
  return at >= 0 ? section.slice(at).trim() : '';
}

export async function runNetworkSuite(machine: string): Promise<void> {
  const { writeSection } = await import('./results-file.ts');
  const before = loadavg()[0]!;
  const result = await benchNetwork();
  const load = `load average ${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} over the run`;
  const body = networkSection(result, `${machine} · ${load}`, await keptHistory());
  // Another chromium configuration is a comparison to print, not the section's figures.
  if (process.env.NETWORK_BENCH_GL === undefined) await writeSection('studio-network', body);
  console.log(body);
}
