import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import { groupsOf } from '../state/actions/groups.ts';
import { boxesOf, DEFAULT_SIZE, placeNode } from '../state/doc/placement.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { canvasUiStore } from './canvas-ui-store.ts';
import { FirstUseGuide } from './FirstUseGuide.tsx';
import { FIT_VIEW } from './fit-view.ts';
import { deletionOf, edgeRemovals, nodeChangeIntent } from './flow-changes.ts';
import { drawnPositions } from './flow-model.ts';
import { GroupFrame } from './GroupFrame.tsx';
import { liveGroups, membersMovedTo } from './group-frame.ts';
import { NodeCard } from './NodeCard.tsx';
import { NoteCard } from './NoteCard.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useCanvasKeys } from './useCanvasKeys.ts';
import { useFlowNodes } from './useFlowNodes.ts';
import { useKeepInView } from './useKeepInView.ts';
import { PALETTE_MIME } from './usePaletteAdd.ts';
import { viewportFor } from './view-fit.ts';
import './canvas.css';

const nodeTypes = { step: NodeCard, note: NoteCard, frame: GroupFrame };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MINIMAP_SIZE = { width: 150, height: 96 };

function connectArgs(c: Connection) {
  return {
    source: c.source,
    target: c.target,
    sourcePort: c.sourceHandle ?? 'out',
    targetPort: c.targetHandle ?? 'in',
  };
}

/** A dragged frame moves its members: one `move-nodes`, in the drag's undo step. */
function groupMemberMoves(
  doc: PipelineDoc,
  frames: Record<string, { x: number; y: number }>,
): Record<string, { x: number; y: number }> {
  const ids = Object.keys(frames);
  if (ids.length === 0) return {};
  const groups = liveGroups(groupsOf(doc.ui), new Set(doc.nodes.map((n) => n.id)));
  const out: Record<string, { x: number; y: number }> = {};
  for (const g of groups)
    if (frames[g.id]) Object.assign(out, membersMovedTo(drawnPositions(doc.nodes, g.nodes), frames[g.id]!));
  return out;
}

function Flow() {
  const { store } = useServices();
  const t = useT();
  const flow = useReactFlow();
  const sizes = useStore(canvasUiStore, (s) => s.sizes);
  const minimap = useStore(canvasUiStore, (s) => s.minimap);
  const [help, setHelp] = useState(false);
  const gesture = useRef(0);
  const { nodes, edges } = useFlowNodes(sizes);
  useCanvasKeys(() => setHelp((h) => !h));
  useKeepInView(store, flow);
  // The first view shows the whole pipeline, from the document's positions: React Flow's own fit on start
  // only knows the cards it has drawn, and it draws only those in view.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
      const { doc } = store.getState();
      const view = pane && viewportFor(boxesOf(doc.nodes, canvasUiStore.getState().sizes), pane);
      if (view) void flow.setViewport(view);
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, store]);
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.fitView'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'controls.interactive.ariaLabel': t('canvas.lock'),
      'minimap.ariaLabel': t('canvas.minimap'),
    }),
    [t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const s = store.getState();
      const intent = nodeChangeIntent(changes, s.selection);
      if (Object.keys(intent.sizes).length) canvasUiStore.getState().addSizes(intent.sizes);
      const moves = { ...intent.moves, ...groupMemberMoves(s.doc, intent.groupMoves) };
      if (Object.keys(moves).length)
        s.dispatch('move-nodes', { positions: moves }, { squash: `drag:${gesture.current}` });
      if (intent.removes.length) s.dispatch('remove-nodes', { ids: intent.removes });
      if (Object.keys(intent.noteMoves).length)
        s.dispatch('edit-notes', { positions: intent.noteMoves }, { squash: `drag:${gesture.current}` });
      if (intent.noteRemoves.length) s.dispatch('edit-notes', { remove: intent.noteRemoves });
      if (intent.selection) {
        s.select(intent.selection);
        if (intent.selection.length === 1) s.inspect(intent.selection[0]);
      }
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = edgeRemovals(changes);
      if (removed.length) store.getState().dispatch('disconnect', { edges: removed });
    },
    [store],
  );
  // A deleted selection (nodes, their edges, notes) is one undo step: the store does it in one action and
  // React Flow is told to do nothing itself (it would remove the edges first, then the nodes: two steps).
  const onBeforeDelete = useCallback(
    async ({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) => {
      const d = deletionOf(
        gone.map((n) => n.id),
        cut.map((e) => e.id),
      );
      const s = store.getState();
      const step = `delete:${++gesture.current}`;
      if (d.nodes.length || d.edges.length)
        s.dispatch('remove-nodes', { ids: d.nodes, edges: d.edges }, { squash: step });
      if (d.notes.length) s.dispatch('edit-notes', { remove: d.notes }, { squash: step });
      s.closeStep();
      return false;
    },
    [store],
  );
  const onConnect = useCallback((c: Connection) => void store.getState().dispatch('connect', connectArgs(c)), [store]);
  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }) =>
      store.getState().check('connect', connectArgs(c as Connection)).ok,
    [store],
  );
  const onConnectEnd = useCallback(
    (
      _: MouseEvent | TouchEvent,
      state: {
        isValid: boolean | null;
        toHandle?: { nodeId: string; id?: string | null; type: string } | null;
        fromHandle?: { nodeId: string; id?: string | null; type: string } | null;
      },
    ) => {
      if (state.isValid !== false || !state.toHandle || !state.fromHandle) return;
      const [from, to] =
        state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      const s = store.getState();
      const r = s.check('connect', {
        source: from.nodeId,
        target: to.nodeId,
        sourcePort: from.id ?? 'out',
        targetPort: to.id ?? 'in',
      });
      if (!r.ok) s.notify('refused', r.reason);
    },
    [store],
  );
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      e.preventDefault();
      const drop = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const s = store.getState();
      // The card's top left goes a little up-left of the pointer (as if held by its title), on free ground.
      const want = { x: drop.x - 40, y: drop.y - 20 };
      const position = placeNode(boxesOf(s.doc.nodes, canvasUiStore.getState().sizes), DEFAULT_SIZE, want);
      const r = s.dispatch('add-node', { type, position });
      if (r.ok) {
        s.select([r.result]);
        s.inspect(r.result);
      }
    },
    [flow, store],
  );
  return (
    <div
      className="canvas"
      data-testid="canvas"
      role="application"
      aria-label={t('view.canvas')}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <FirstUseGuide place="strip" />
      <div className="canvas-flow">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={() => {
            gesture.current++;
          }}
          onNodeDragStop={() => store.getState().closeStep()}
          onBeforeDelete={onBeforeDelete}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode="Shift"
          selectionKeyCode="Shift"
          onlyRenderVisibleElements
          minZoom={FIT_VIEW.minZoom}
          maxZoom={2}
          fitView
          fitViewOptions={FIT_VIEW}
          ariaLabelConfig={ariaLabels}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} />
          {/* Display only: a drag that starts over it reaches the card or handle underneath. */}
          {minimap && (
            <MiniMap
              pannable={false}
              zoomable={false}
              ariaLabel={t('canvas.minimap')}
              style={MINIMAP_SIZE}
              data-testid="minimap"
            />
          )}
          <Controls fitViewOptions={FIT_VIEW} />
          <CanvasToolbar sizes={sizes} onHelp={() => setHelp(true)} />
          <FirstUseGuide place="over" />
        </ReactFlow>
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

/** The pipeline as a graph: every edit goes through the store's actions, so undo, autosave and runs follow. */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}
