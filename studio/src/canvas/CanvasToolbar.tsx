import { Panel, useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { ExportSqlButton } from '../export/ExportSqlButton.tsx';
import { useT } from '../i18n/useT.ts';
import { canvasUiStore } from './canvas-ui-store.ts';
import { FIT_VIEW } from './fit-view.ts';
import { groupSelection } from './group-selection.ts';

/** Auto-layout (one undo step), notes, grouping the selection and the shortcut help, over the canvas's top right corner. */
export function CanvasToolbar({
  sizes,
  onHelp,
}: {
  sizes: Record<string, { width: number; height: number }>;
  onHelp(): void;
}) {
  const { store } = useServices();
  const flow = useReactFlow();
  const t = useT();
  const selected = useStudio((s) => s.selection.length);
  const minimap = useStore(canvasUiStore, (s) => s.minimap);
  const layout = async () => {
    const { autoLayout } = await import('./auto-layout.ts'); // dagre loads on first use, off the first screen
    const { doc, dispatch } = store.getState();
    if (doc.nodes.length === 0) return;
    dispatch('move-nodes', { positions: autoLayout(doc.nodes, doc.edges, sizes) });
    requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }));
  };
  const addNote = () => {
    const el = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    const at = flow.screenToFlowPosition({ x: (el?.x ?? 0) + 60, y: (el?.y ?? 0) + 60 });
    const id = `n${Date.now().toString(36)}`;
    store
      .getState()
      .dispatch('edit-notes', { put: [{ id, text: '', position: { x: Math.round(at.x), y: Math.round(at.y) } }] });
  };
  return (
    <Panel position="top-right" className="canvas-toolbar">
      <button type="button" onClick={() => void layout()} data-testid="auto-layout">
        {t('canvas.autoLayout')}
      </button>
      <button type="button" onClick={addNote} data-testid="add-note">
        {t('canvas.addNote')}
      </button>
      <button
        type="button"
        onClick={() => groupSelection(store, t('canvas.groupDefault'))}
        disabled={selected === 0}
        title={`${t('canvas.groupTitle')} (Ctrl + G)`}
        data-testid="group-selection"
      >
        {t('canvas.group')}
      </button>
      <ExportSqlButton />
      <button
        type="button"
        onClick={() => canvasUiStore.getState().setMinimap(!minimap)}
        aria-pressed={minimap}
        data-testid="minimap-toggle"
      >
        {minimap ? t('canvas.minimapHide') : t('canvas.minimapShow')}
      </button>
      <button type="button" onClick={onHelp} title={t('canvas.shortcuts')} data-testid="shortcut-help-button">
        ?
      </button>
    </Panel>
  );
}
