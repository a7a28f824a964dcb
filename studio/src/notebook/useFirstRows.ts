import { useEffect, useState } from 'react';
import type { Row } from '../../../runtime/schema/types.ts';
import { useEngine } from '../inspect/useEngine.ts';

/** The first rows of a materialized result (the inspected node's table), for a cell's preview. */
export function useFirstRows(relation: string | undefined, limit = 5): Row[] | undefined {
  const engine = useEngine();
  const [rows, setRows] = useState<Row[]>();
  useEffect(() => {
    if (!engine || !relation) {
      setRows(undefined);
      return;
    }
    let live = true;
    engine.query(`SELECT * FROM ${relation} LIMIT ${limit}`).then(
      (r) => live && setRows(r.rows),
      () => live && setRows(undefined),
    );
    return () => {
      live = false;
    };
  }, [engine, relation, limit]);
  return rows;
}
