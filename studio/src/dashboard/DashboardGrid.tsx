import { type PointerEvent, type ReactNode, useRef, useState } from 'react';
import { type Box, COLS, cellsOf, GAP_PX, place, ROW_PX } from './grid.ts';

interface Drag {
  id: string;
  mode: 'move' | 'resize';
  startX: number;
  startY: number;
  dx: number;
  dy: number;
}

/**
 * A 12-column grid of boxes that are dragged by their header and resized by their corner with pointer
 * events (no library: react-grid-layout would bring four packages for what is ~100 lines here).
 * While a pointer moves the box follows it in pixels; on release it snaps to cells and `place` pushes others.
 */
export function DashboardGrid<T extends Box>(props: {
  boxes: T[];
  editing: boolean;
  onChange: (boxes: T[]) => void;
  render: (box: T, handle: ReactNode) => ReactNode;
}) {
  const { boxes, editing, onChange, render } = props;
  const host = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag>();
  const rows = boxes.reduce((m, b) => Math.max(m, b.y + b.h), 0);

  const start = (box: T, mode: Drag['mode']) => (e: PointerEvent<HTMLElement>) => {
    if (!editing || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    setDrag({ id: box.id, mode, startX: e.clientX, startY: e.clientY, dx: 0, dy: 0 });
  };
  const move = (e: PointerEvent<HTMLElement>) => {
    if (drag) setDrag({ ...drag, dx: e.clientX - drag.startX, dy: e.clientY - drag.startY });
  };
  const end = () => {
    if (!drag) return;
    const box = boxes.find((b) => b.id === drag.id);
    const width = host.current?.getBoundingClientRect().width ?? 1200;
    setDrag(undefined);
    if (!box) return;
    const { dx, dy } = cellsOf(drag.dx, drag.dy, width);
    if (dx === 0 && dy === 0) return;
    const moved =
      drag.mode === 'move' ? { ...box, x: box.x + dx, y: box.y + dy } : { ...box, w: box.w + dx, h: box.h + dy };
    onChange(place(boxes, moved));
  };
  const handlers = { onPointerMove: move, onPointerUp: end, onPointerCancel: end };

  return (
    <div
      ref={host}
      className={`dash-grid${editing ? ' editing' : ''}`}
      style={{ height: Math.max(rows, 2) * (ROW_PX + GAP_PX) }}
      data-testid="dash-grid"
    >
      {boxes.map((b) => {
        const d = drag?.id === b.id ? drag : undefined;
        const pct = (n: number) => `calc(${n / COLS} * (100% + ${GAP_PX}px))`;
        const style = {
          left: pct(b.x),
          top: b.y * (ROW_PX + GAP_PX),
          width: `calc(${pct(b.w)} - ${GAP_PX}px + ${d?.mode === 'resize' ? d.dx : 0}px)`,
          height: b.h * (ROW_PX + GAP_PX) - GAP_PX + (d?.mode === 'resize' ? d.dy : 0),
          transform: d?.mode === 'move' ? `translate(${d.dx}px, ${d.dy}px)` : undefined,
        };
        const handle = editing ? (
          <span className="dash-drag" data-testid="dash-drag" onPointerDown={start(b, 'move')} {...handlers}>
            ⠿
          </span>
        ) : null;
        return (
          <div
            key={b.id}
            className={`dash-item${d ? ' dragging' : ''}`}
            style={style}
            data-testid="dash-item"
            data-item={b.id}
            data-box={`${b.x},${b.y},${b.w},${b.h}`}
          >
            {render(b, handle)}
            {editing && (
              <span
                className="dash-resize"
                data-testid="dash-resize"
                onPointerDown={start(b, 'resize')}
                {...handlers}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
