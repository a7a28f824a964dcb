import { expressionFunction, parse, timeFormatLocale, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { registerKoreanFormats } from './format.ts';

let registered = false;

/**
 * Renders a Vega-Lite spec (from `chartSpec`) to SVG text in Node, without a browser or native
 * canvas: Vega's headless View with `renderer: 'none'`. Used for charts of scheduled runs.
 * Text is drawn with the spec's font family (Nanum Gothic first); whoever opens the SVG needs that font.
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  if (!registered) {
    registerKoreanFormats({ expressionFunction, timeFormatLocale });
    registered = true;
  }
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
