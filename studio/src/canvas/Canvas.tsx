import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useRef, useState } from 'react';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import { groupsOf } from '../state/actions/groups.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { edgeRemovals, nodeChangeIntent } from './flow-changes.ts';
import { drawnPositions } from './flow-model.ts';
import { GroupFrame } from './GroupFrame.tsx';
import { liveGroups, membersMovedTo } from './group-frame.ts';
import { NodeCard } from './NodeCard.tsx';
import { NoteCard } from './NoteCard.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useCanvasKeys } from './useCanvasKeys.ts';
import { useFlowNodes } from './useFlowNodes.ts';
import { PALETTE_MIME } from './usePaletteAdd.ts';
import './canvas.css';

const nodeTypes = { step: NodeCard, note: NoteCard, frame: GroupFrame };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MINIMAP_SIZE = { width: 150, height: 96 };
const FIT_VIEW = { maxZoom: 1, padding: 0.25 };
type Sizes = Record<string, { width: number; height: number }>;

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
  const [sizes, setSizes] = useState<Sizes>({});
  const [help, setHelp] = useState(false);
  const gesture = useRef(0);
  const { nodes, edges } = useFlowNodes(sizes);
  useCanvasKeys(() => setHelp((h) => !h));

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const s = store.getState();
      const intent = nodeChangeIntent(changes, s.selection);
      if (Object.keys(intent.sizes).length) setSizes((old) => ({ ...old, ...intent.sizes }));
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
      const position = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const s = store.getState();
      const r = s.dispatch('add-node', { type, position: { x: Math.round(position.x), y: Math.round(position.y) } });
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
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode="Shift"
        selectionKeyCode="Shift"
        onlyRenderVisibleElements
        minZoom={0.1}
        fitView
        fitViewOptions={FIT_VIEW}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} style={MINIMAP_SIZE} />
        <Controls />
        <CanvasToolbar sizes={sizes} onHelp={() => setHelp(true)} />
      </ReactFlow>
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
