import { useEffect, useState } from 'react';
import { type Cluster, findClusters } from '../../../nodes/prep/cluster/find-clusters.ts';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';

export type ClusterSettings = Pick<Parameters<typeof findClusters>[3], 'method' | 'ngram' | 'maxDistance'> & {
  column: string;
};

export type ClustersState =
  | { state: 'waiting' }
  | { state: 'no-input' }
  | { state: 'ready'; clusters: Cluster[]; distinct: number; ms: number }
  | { state: 'error'; message: string };

/**
 * The clusters of the node's input column, found as the node itself would (same method and options). The
 * input is run (or taken from the runtime's cache) up to the node's upstream step; recomputed when that
 * step's result or the clustering settings change, not when the mapping does.
 */
export function useClusters(nodeId: string, settings: ClusterSettings | undefined): ClustersState {
  const { session } = useServices();
  const upstream = useStudio((s) => s.doc.edges.find((e) => e.target === nodeId && e.targetPort === 'in')?.source);
  const signature = useStudio((s) => (upstream ? s.analysis.signatures[upstream] : undefined));
  const pipeline = useStudio((s) => s.analysis.runnable);
  const [state, setState] = useState<ClustersState>({ state: 'waiting' });
  const key = JSON.stringify({ upstream, signature, settings });
  const runnable = upstream !== undefined && pipeline?.nodes.has(upstream) === true;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for upstream, signature and settings
  useEffect(() => {
    if (!settings || !upstream || !runnable || !pipeline) {
      setState({ state: 'no-input' });
      return;
    }
    setState({ state: 'waiting' });
    const abort = new AbortController();
    (async () => {
      const started = performance.now();
      const { runtime, engine } = await session();
      const result = await runtime.run(pipeline, { targets: [upstream], signal: abort.signal });
      const relation = result.relations.get(upstream);
      const failed = result.nodes.find((n) => n.state === 'error');
      if (!relation) throw new Error(failed?.error?.message ?? `"${upstream}" gave no result`);
      const clusters = await findClusters(engine, relation, settings.column, settings);
      const distinct = new Set(clusters.flatMap((c) => c.values.map((v) => v.value))).size;
      if (!abort.signal.aborted) setState({ state: 'ready', clusters, distinct, ms: performance.now() - started });
    })().catch((e: unknown) => {
      if (!abort.signal.aborted) setState({ state: 'error', message: (e as Error).message });
    });
    return () => abort.abort();
  }, [key, runnable, session]);
  return state;
}
