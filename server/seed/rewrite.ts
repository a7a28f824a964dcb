/**
 * A shipped pipeline reads its samples by path (`templates/data/declarations.csv`), which the command line and
 * outside checks use. On the server the same samples are datasets: the seeded copy names them by id so that
 * "use template" → save → scheduled run works without any file on the server's disk.
 */

interface DocNode {
  id: string;
  type: string;
  params?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The sample a `path` names (`declarations.csv`, `kcs/x.csv`), or undefined when it is not under `templates/data/`. */
export function sampleNameOf(filePath: string): string | undefined {
  const parts = filePath
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return undefined;
  if (parts[0] !== 'templates' || parts[1] !== 'data' || parts.length < 3) return undefined;
  return parts.slice(2).join('/');
}

/**
 * Every `source.file` node whose `path` names a known sample reads `{ datasetId, format }` instead (other params
 * such as `options` kept). Other nodes, and paths that name no known sample, are left as they are. Pure: returns
 * a new document and never changes its input.
 */
export function rewriteSamplePaths<D extends { nodes: unknown[] }>(
  doc: D,
  samples: ReadonlyMap<string, { datasetId: string }>,
): D {
  const nodes = (doc.nodes as DocNode[]).map((node) => {
    const params = node.params;
    if (node.type !== 'source.file' || typeof params?.path !== 'string') return node;
    const name = sampleNameOf(params.path);
    const sample = name === undefined ? undefined : samples.get(name);
    if (!sample) return node;
    const { path: _path, ...rest } = params;
    return { ...node, params: { ...rest, datasetId: sample.datasetId } };
  });
  return { ...doc, nodes };
}
