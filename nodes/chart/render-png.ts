import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { TopLevelSpec } from 'vega-lite';
import { renderChartSvg } from './render-svg.ts';

/** Debian's fonts-nanum (Korean) and DejaVu (Latin fallback); missing files are skipped. */
export const DEFAULT_FONT_FILES = [
  '/usr/share/fonts/truetype/nanum/NanumGothic.ttf',
  '/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
];

let ready: Promise<void> | undefined;

function init(): Promise<void> {
  ready ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
    await initWasm(await readFile(wasm));
  })();
  return ready;
}

const fontCache = new Map<string, Promise<Uint8Array | undefined>>();
const loadFont = (file: string) => {
  if (!fontCache.has(file))
    fontCache.set(
      file,
      readFile(file).then(
        (b) => new Uint8Array(b),
        () => undefined,
      ),
    );
  return fontCache.get(file)!;
};

/**
 * The chart as PNG in Node: Vega's SVG rasterised by resvg (WebAssembly, no native canvas). The WASM has no
 * system fonts, so the Korean font files are handed to it; `scale` 2 gives sharp images for reports.
 */
export async function renderChartPng(
  spec: TopLevelSpec,
  options: { scale?: number; fontFiles?: string[] } = {},
): Promise<Uint8Array> {
  const [svg] = await Promise.all([renderChartSvg(spec), init()]);
  const fonts = await Promise.all((options.fontFiles ?? DEFAULT_FONT_FILES).map(loadFont));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: {
      fontBuffers: fonts.filter((f): f is Uint8Array => f !== undefined),
      defaultFontFamily: 'NanumGothic',
      sansSerifFamily: 'NanumGothic',
    },
  });
  try {
    return resvg.render().asPng();
  } finally {
    resvg.free();
  }
}
