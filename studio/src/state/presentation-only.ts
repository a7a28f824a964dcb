import type { Patch } from 'immer';

const NODE_PRESENTATION = new Set(['position', 'label', 'notes', 'ui']);
const DOC_PRESENTATION = new Set(['name', 'description', 'ui']);

/**
 * Whether patches touch only what never changes results (positions, labels, notes, `ui`, the pipeline's
 * name): then validation, schemas and node states stay as they are — a drag of 500 nodes re-analyzes nothing.
 */
export function presentationOnly(patches: readonly Patch[]): boolean {
  return patches.every((p) => {
    const [top, index, field] = p.path;
    if (top === 'nodes') return typeof index === 'number' && typeof field === 'string' && NODE_PRESENTATION.has(field);
    if (top === 'edges') return typeof index === 'number' && field === 'ui';
    return p.path.length > 0 && typeof top === 'string' && DOC_PRESENTATION.has(top);
  });
}
