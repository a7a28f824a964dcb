/** Browsers cap an element's height (Chrome near 33.5 million px); keep the scroll area well below that. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface RowWindowInput {
  scrollTop: number;
  /** Height of the visible area. */
  viewport: number;
  rowCount: number;
  rowHeight: number;
  overscan: number;
  maxHeight?: number;
}

export interface RowWindow {
  /** First and last row to render (overscan included). */
  first: number;
  last: number;
  /** Height of the scroll area. */
  height: number;
  /** Where row `index` is drawn, in the scroll area's coordinates. */
  top(index: number): number;
}

/**
 * Which rows a scroll position shows. Up to `maxHeight` the scroll area is as tall as all rows; beyond it
 * (a few hundred thousand rows) the area stays `maxHeight` tall and the scroll position maps to a row
 * proportionally, so the millionth row is as reachable as the first while rows still move smoothly.
 */
export function rowWindow(input: RowWindowInput): RowWindow {
  const { scrollTop, viewport, rowCount, rowHeight, overscan } = input;
  const maxHeight = input.maxHeight ?? MAX_SCROLL_HEIGHT;
  const full = rowCount * rowHeight;
  const visible = Math.ceil(viewport / rowHeight) + 1;
  let exactFirst: number;
  let height: number;
  let top: (index: number) => number;
  if (full <= maxHeight) {
    height = full;
    exactFirst = scrollTop / rowHeight;
    top = (i) => i * rowHeight;
  } else {
    height = maxHeight;
    const scrollable = Math.max(1, maxHeight - viewport);
    const rowsScrollable = Math.max(0, rowCount - viewport / rowHeight);
    exactFirst = Math.min(1, Math.max(0, scrollTop / scrollable)) * rowsScrollable;
    top = (i) => scrollTop + (i - exactFirst) * rowHeight;
  }
  const firstVisible = Math.max(0, Math.floor(exactFirst));
  return {
    first: Math.max(0, firstVisible - overscan),
    last: Math.max(-1, Math.min(rowCount - 1, firstVisible + visible + overscan)),
    height,
    top,
  };
}
