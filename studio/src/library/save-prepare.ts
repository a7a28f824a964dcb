import { type LocalRead, localReads, rewriteSamplePaths } from '../persist/sample-paths.ts';
import { loadSamples } from '../sources/samples.ts';
import type { StudioStore } from './editor-actions.ts';

/**
 * Gets the document ready for a server save: read nodes on a sample by path switch to the sample's dataset
 * (one undo step each); returns the read nodes on files only this browser has, which must be uploaded first.
 */
export async function prepareSave(store: StudioStore): Promise<LocalRead[]> {
  const samples = await loadSamples().catch(() => []);
  const doc = store.getState().doc;
  const rewritten = rewriteSamplePaths(doc, samples);
  rewritten.nodes.forEach((n, i) => {
    if (n !== doc.nodes[i]) store.getState().dispatch('update-params', { id: n.id, params: n.params });
  });
  return localReads(store.getState().doc);
}
