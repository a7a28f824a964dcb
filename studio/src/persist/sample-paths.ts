import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import { sampleName } from '../files/file-store.ts';
import type { Sample } from '../sources/samples.ts';

type Node = PipelineDoc['nodes'][number];

const isRead = (n: Node) => n.type === 'source.file';

/**
 * Read nodes that name a shipped sample by path (`templates/data/x.csv`, an old autosave or a shipped
 * example) are switched to the sample's server dataset, `{ datasetId, format }`, keeping their read options:
 * what is saved then names data the server has. Returns the document unchanged (the same object) when no
 * node names a sample that has a dataset.
 */
export function rewriteSamplePaths(doc: PipelineDoc, samples: readonly Sample[]): PipelineDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const dataset = isRead(n) ? sampleDatasetOf(n.params.path, samples) : undefined;
    if (!dataset) return n;
    changed = true;
    const { path: _path, ...rest } = n.params;
    return { ...n, params: { ...rest, datasetId: dataset.datasetId, format: dataset.format ?? rest.format ?? 'csv' } };
  });
  return changed ? { ...doc, nodes } : doc;
}

function sampleDatasetOf(path: unknown, samples: readonly Sample[]): (Sample & { datasetId: string }) | undefined {
  const name = typeof path === 'string' ? sampleName(path) : undefined;
  const sample = name === undefined ? undefined : samples.find((s) => s.name === name);
  return sample?.datasetId ? (sample as Sample & { datasetId: string }) : undefined;
}

/** A read node whose file exists only in this browser (dropped or picked): the server cannot read it. */
export interface LocalRead {
  nodeId: string;
  path: string;
}

/** The read nodes a server save would leave pointing at files that only this browser has. */
export function localReads(doc: PipelineDoc): LocalRead[] {
  return doc.nodes.flatMap((n) => {
    const path = n.params.path;
    if (!isRead(n) || typeof path !== 'string' || path === '' || sampleName(path) !== undefined) return [];
    return [{ nodeId: n.id, path }];
  });
}
