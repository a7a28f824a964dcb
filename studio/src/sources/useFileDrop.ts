import { useEffect, useState } from 'react';

/**
 * Takes files dropped anywhere on the page (the browser would otherwise open them) and tells whether files
 * are being dragged over it, for highlighting the drop zone.
 */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      onFiles([...e.dataTransfer.files]);
    };
    const events = { dragenter: onEnter, dragleave: onLeave, dragover: onOver, drop: onDrop } as const;
    for (const [name, handler] of Object.entries(events)) addEventListener(name, handler as EventListener);
    return () => {
      for (const [name, handler] of Object.entries(events)) removeEventListener(name, handler as EventListener);
    };
  }, [onFiles]);
  return over;
}
