import { useEffect, useState } from 'react';
import type { Engine } from '../../../runtime/engine/engine.ts';
import type { Inspection } from '../state/store-types.ts';
import type { Suggestion } from './rank.ts';
import { suggestFor } from './suggest.ts';

/** What the officer selected in the grid: a column, and maybe some of its values. */
export interface GridSelection {
  column: string;
  values: string[];
}

/** Ranked next steps for the selection (table-wide ones when nothing is selected); undefined while counting. */
export function useSuggestions(
  engine: Engine | undefined,
  inspection: Inspection | undefined,
  selection: GridSelection | undefined,
): Suggestion[] | undefined {
  const [suggestions, setSuggestions] = useState<Suggestion[]>();
  const column = selection?.column;
  const valuesKey = JSON.stringify(selection?.values ?? []);
  useEffect(() => {
    setSuggestions(undefined);
    if (!engine || !inspection) return;
    let live = true;
    (async () => {
      const schema = await engine.describe(`SELECT * FROM ${inspection.relation}`);
      const col = schema.find((c) => c.name === column);
      const values = JSON.parse(valuesKey) as string[];
      const s = await suggestFor(engine, inspection.relation, col, { values });
      if (live) setSuggestions(s);
    })().catch(() => live && setSuggestions([]));
    return () => {
      live = false;
    };
  }, [engine, inspection, column, valuesKey]);
  return suggestions;
}
