import { useEffect } from 'react';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import { copyPayload, readPayload } from './clipboard.ts';
import { groupSelection } from './group-selection.ts';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest?.('.monaco-editor'))
  );
}

/** Copy/paste (system clipboard, as JSON: works across pipelines and tabs), Ctrl+D duplicate, Ctrl+G group, Ctrl+A, `?` help. */
export function useCanvasKeys(toggleHelp: () => void): void {
  const { store } = useServices();
  const t = useT();
  const groupLabel = t('canvas.groupDefault');
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      const { doc, selection } = store.getState();
      if (typing(e.target) || selection.length === 0 || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', copyPayload(doc.nodes, doc.edges, selection));
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typing(e.target)) return;
      const payload = readPayload(e.clipboardData?.getData('text/plain') ?? '');
      if (!payload) return;
      e.preventDefault();
      const s = store.getState();
      const r = s.dispatch('paste-nodes', { ...payload, offset: { x: 40, y: 40 } });
      if (r.ok) s.select(Object.values(r.result as Record<string, string>));
    };
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'd' && s.selection.length) {
        e.preventDefault();
        const r = s.dispatch('duplicate-nodes', { ids: s.selection });
        if (r.ok) s.select(Object.values(r.result as Record<string, string>));
      } else if (mod && e.key.toLowerCase() === 'g' && s.selection.length) {
        e.preventDefault();
        groupSelection(store, groupLabel);
      } else if (mod && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        s.select(s.doc.nodes.map((n) => n.id));
      } else if (e.key === '?') {
        toggleHelp();
      }
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('keydown', onKey);
    };
  }, [store, toggleHelp, groupLabel]);
}
