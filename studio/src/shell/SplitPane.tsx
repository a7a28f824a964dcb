import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { clampSplit, readSplit, splitAfterKey, writeSplit } from './split.ts';

/**
 * The work area over the results pane, with a handle between them: dragged with the mouse or moved with the
 * arrow keys (a focusable separator), remembered for the next visit.
 */
export function SplitPane({ top, bottom }: { top: ReactNode; bottom: ReactNode }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [fraction, setFraction] = useState(readSplit);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);
  const shown = height ? clampSplit(fraction, height) : fraction;
  const move = useCallback((next: number) => {
    const h = box.current?.clientHeight ?? 0;
    const f = h ? clampSplit(next, h) : next;
    setFraction(f);
    writeSplit(f);
  }, []);
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el || e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const onMove = (ev: PointerEvent) => move((ev.clientY - rect.top) / rect.height);
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };
  return (
    <div className="split" ref={box} style={{ gridTemplateRows: `${(shown * 100).toFixed(2)}% 8px 1fr` }}>
      <div className="split-top">{top}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA window-splitter pattern; <hr> cannot take focus or keys */}
      <div
        className="split-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t('split.handle')}
        title={t('split.handle')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown * 100)}
        tabIndex={0}
        data-testid="split-handle"
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          const next = splitAfterKey(e.key, shown);
          if (next === undefined) return;
          e.preventDefault();
          move(next);
        }}
      />
      <section className="split-bottom studio-inspector" data-testid="results-pane">
        {bottom}
      </section>
    </div>
  );
}
