import { type RefObject, useEffect, useState } from 'react';
import { type RowWindow, rowWindow } from './row-window.ts';

/** The rows to render for a scroll container, updated on scroll and resize. */
export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  rowCount: number,
  rowHeight: number,
  overscan = 20,
): RowWindow {
  const [position, setPosition] = useState({ scrollTop: 0, viewport: 600 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setPosition({ scrollTop: el.scrollTop, viewport: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [scroller]);
  return rowWindow({ ...position, rowCount, rowHeight, overscan });
}
