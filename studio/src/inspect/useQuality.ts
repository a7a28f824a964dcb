import { useEffect, useState } from 'react';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { useStudio } from '../app/useStudio.ts';
import type { Inspection } from '../state/store-types.ts';
import { type ColumnQuality, qualityOf } from './quality.ts';
import { rulesFor } from './quality-rules.ts';

/**
 * The quality bars of the inspected full result (with the rules of a validate node it follows); recomputed
 * with it, the superseded computation cancelled.
 */
export function useQuality(
  engine: Engine | undefined,
  inspection: Inspection | undefined,
): ColumnQuality[] | undefined {
  const doc = useStudio((s) => s.doc);
  const [quality, setQuality] = useState<ColumnQuality[]>();
  const nodeId = inspection?.nodeId;
  const rulesKey = nodeId ? JSON.stringify(rulesFor(doc, nodeId)) : '[]';
  useEffect(() => {
    setQuality(undefined);
    if (!engine || !inspection || inspection.partial) return;
    const abort = new AbortController();
    (async () => {
      const schema = await engine.describe(`SELECT * FROM ${inspection.relation}`);
      const q = await qualityOf(engine, inspection.relation, schema, JSON.parse(rulesKey), abort.signal);
      if (!abort.signal.aborted) setQuality(q);
    })().catch(() => undefined);
    return () => abort.abort();
  }, [engine, inspection, rulesKey]);
  return quality;
}
