import { type RefObject, useEffect, useState } from 'react';
import type { ResultTable } from '../../../runtime/schema/types.ts';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { windowSql } from '../inspect/grid-sql.ts';
import { CELL_ROWS, type PreviewSource, previewSource } from './preview-source.ts';
import { useInView } from './useInView.ts';

export type CellRows =
  | { kind: 'none' | 'waiting' | 'loading' }
  | { kind: 'ready'; table: ResultTable }
  | { kind: 'error'; message: string };

/**
 * The first rows of a cell's output, read once the cell scrolls into view and its node is done, and again
 * whenever its result changes (its signature). Read-only: never runs the node beyond a LIMIT over its query.
 */
export function useCellRows(id: string, hasOutput: boolean, ref: RefObject<Element | null>): CellRows {
  const { store, session } = useServices();
  const visible = useInView(ref);
  const signature = useStudio((s) => s.analysis.signatures[id]);
  const state = useStudio((s) => s.nodeRuns[id]?.state);
  const runActive = useStudio((s) => s.run.active);
  const inspectedRelation = useStudio((s) =>
    s.inspection?.nodeId === id && s.inspection.signature === signature ? s.inspection.relation : undefined,
  );
  const source: PreviewSource = previewSource({ visible, hasOutput, state, runActive, inspectedRelation });
  const [rows, setRows] = useState<CellRows>({ kind: 'none' });
  const sourceKey = source.kind === 'window' ? `window:${source.relation}` : source.kind;

  // biome-ignore lint/correctness/useExhaustiveDependencies: sourceKey stands for source
  useEffect(() => {
    if (source.kind === 'none' || source.kind === 'waiting') {
      // Rows already shown stay while the node reruns: a cell does not blink on every edit upstream.
      setRows((old) => (old.kind === 'ready' && source.kind === 'waiting' ? old : { kind: source.kind }));
      return;
    }
    let live = true;
    setRows((old) => (old.kind === 'ready' ? old : { kind: 'loading' }));
    (async () => {
      const { engine, runtime } = await session();
      if (source.kind === 'window') return engine.query(windowSql(source.relation, 0, CELL_ROWS));
      const pipeline = store.getState().analysis.runnable;
      if (!pipeline?.nodes.has(id)) throw new Error(`node "${id}" cannot run`);
      return runtime.preview(pipeline, id, { limit: CELL_ROWS });
    })().then(
      (table) => live && setRows({ kind: 'ready', table }),
      (e: unknown) => live && setRows({ kind: 'error', message: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [sourceKey, signature, id, session, store]);
  return rows;
}
