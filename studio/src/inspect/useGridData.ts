import { useCallback, useEffect, useRef, useState } from 'react';
import type { Engine } from '../../../runtime/engine/engine.ts';
import type { Column, Row } from '../../../runtime/schema/types.ts';
import type { Inspection } from '../state/store-types.ts';
import { type GridView, viewSelect, windowSql } from './grid-sql.ts';

export const PAGE_ROWS = 200;
const VIEW_TABLE = '"__studio_grid_view"';

export interface GridData {
  columns: Column[];
  /** Rows in the view (after header filters). */
  rowCount: number;
  /** The row at `index`, once its window has arrived. */
  row(index: number): Row | undefined;
  /** Asks for the windows covering rows `first`…`last` (the visible range plus overscan). */
  need(first: number, last: number): void;
  loading: boolean;
  error?: string;
  /** Time to prepare the view (sort/filter) and count it. */
  ms?: number;
}

/**
 * Rows of the inspected result, read in windows of `PAGE_ROWS` (`LIMIT … OFFSET …`) as the grid scrolls. A
 * sort or header filter becomes a temporary table once, so scrolling a sorted million rows stays cheap.
 */
export function useGridData(engine: Engine | undefined, inspection: Inspection | undefined, view: GridView): GridData {
  const [state, setState] = useState<Omit<GridData, 'row' | 'need'>>({ columns: [], rowCount: 0, loading: true });
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const pending = useRef(new Set<number>());
  const source = useRef<{ relation: string; generation: number } | undefined>(undefined);
  const generation = useRef(0);
  const shown = useRef<Inspection | undefined>(undefined);
  const viewKey = JSON.stringify(view);

  const need = useCallback(
    (first: number, last: number) => {
      const current = source.current;
      if (!engine || !current) return;
      for (let p = Math.floor(first / PAGE_ROWS); p <= Math.floor(last / PAGE_ROWS); p++) {
        if (pages.current.has(p) || pending.current.has(p)) continue;
        pending.current.add(p);
        engine.query(windowSql(current.relation, p * PAGE_ROWS, PAGE_ROWS)).then(
          (r) => {
            if (current.generation !== generation.current) return;
            pending.current.delete(p);
            pages.current.set(p, r.rows);
            setVersion((v) => v + 1);
          },
          () => pending.current.delete(p),
        );
      }
    },
    [engine],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: viewKey stands for view
  useEffect(() => {
    const gen = ++generation.current;
    const before = shown.current;
    shown.current = inspection;
    pending.current = new Set();
    // The full result of a previewed node starts with the preview's rows: keep them on screen meanwhile.
    const upgrade =
      before?.partial &&
      inspection &&
      !inspection.partial &&
      before.nodeId === inspection.nodeId &&
      before.signature === inspection.signature &&
      source.current?.relation === before.relation;
    if (!upgrade) {
      pages.current = new Map();
      source.current = undefined;
      setState({ columns: [], rowCount: 0, loading: true });
    }
    if (!engine || !inspection) return;
    const started = performance.now();
    const first = inspection.firstRows;
    if (first && !viewSelect(inspection.relation, first.columns, view)) {
      // A preview's rows came with it: no query, so none waits behind the full run the engine does next.
      pages.current = new Map([[0, first.rows]]);
      source.current = { relation: inspection.relation, generation: gen };
      setState({ columns: first.columns, rowCount: first.rows.length, loading: false, ms: 0 });
      return;
    }
    (async () => {
      const columns = await engine.describe(`SELECT * FROM ${inspection.relation}`);
      const select = viewSelect(inspection.relation, columns, view);
      let relation = inspection.relation;
      let rowCount = inspection.rows;
      // Sorting or filtering the first rows alone would mislead: wait for the full result.
      if (select && inspection.partial) return;
      if (select) {
        await engine.exec(`CREATE OR REPLACE TEMP TABLE ${VIEW_TABLE} AS ${select}`);
        relation = VIEW_TABLE;
        rowCount = Number((await engine.query(`SELECT count(*) AS n FROM ${relation}`)).rows[0]?.n ?? 0);
      }
      if (gen !== generation.current) return;
      source.current = { relation, generation: gen };
      setState({ columns, rowCount, loading: false, ms: performance.now() - started });
      need(0, PAGE_ROWS - 1);
    })().catch((e: unknown) => {
      if (gen === generation.current)
        setState({ columns: [], rowCount: 0, loading: false, error: (e as Error).message });
    });
  }, [engine, inspection, viewKey, need]);

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS], []);
  return { ...state, row, need };
}
