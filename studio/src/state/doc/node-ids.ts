import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';

/**
 * A node id not used in `doc`, derived from a hint: `prep.filter` → `filter_1`, a file name
 * `수입신고 2024.csv` → `node_1` (ids must match `[A-Za-z_][A-Za-z0-9_]*`: they double as SQL names).
 */
export function uniqueNodeId(doc: Pick<PipelineDoc, 'nodes'>, hint: string, taken: ReadonlySet<string> = new Set()) {
  const base = idBase(hint);
  const used = new Set([...doc.nodes.map((n) => n.id), ...taken]);
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!used.has(id)) return id;
  }
}

function idBase(hint: string): string {
  const last = hint.split('.').pop() ?? hint;
  const cleaned = last
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  if (!cleaned) return 'node';
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `n_${cleaned}`;
}
