/**
 * A shipped pipeline reads its samples by path (`templates/data/declarations.csv`), which the command line and
 * outside checks use. On the server the same samples are datasets: the seeded copy names them by id so that
 * "use template" → save → scheduled run works without any file on the server's disk.
 */

import { z } from 'zod';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';

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
 * A param that reads files by path, and its twin that reads server datasets by id instead: `path` → `datasetId`
 * (one file: `source.file`, `source.image_files`), `images` → `imageDatasets` (a list: `model.xray_detect`).
 */
const TWINS = [
  { path: 'path', dataset: 'datasetId' },
  { path: 'images', dataset: 'imageDatasets' },
] as const;

/** The param names a node type declares, as its registered params schema says (none for an unknown type). */
function paramNames(registry: NodeRegistry, type: string): ReadonlySet<string> {
  const schema = registry.get(type)?.params;
  return new Set(schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);
}

/**
 * Every node whose params schema accepts a dataset id beside a path (see `TWINS`) and whose path names a known
 * sample reads the dataset instead (other params such as `format` and `options` kept). A list is rewritten only when
 * every entry is a known sample. Other nodes (an output's `path` is where it writes), and paths that name no known
 * sample, are left as they are. Pure: returns a new document and never changes its input.
 */
export function rewriteSamplePaths<D extends { nodes: unknown[] }>(
  doc: D,
  samples: ReadonlyMap<string, { datasetId: string }>,
  registry: NodeRegistry,
): D {
  const idOf = (p: unknown) => {
    const name = typeof p === 'string' ? sampleNameOf(p) : undefined;
    return name === undefined ? undefined : samples.get(name)?.datasetId;
  };
  const nodes = (doc.nodes as DocNode[]).map((node) => {
    if (!node.params) return node;
    const names = paramNames(registry, node.type);
    let params = node.params;
    for (const twin of TWINS) {
      if (!names.has(twin.path) || !names.has(twin.dataset) || !(twin.path in params)) continue;
      const value = params[twin.path];
      const ids = Array.isArray(value) ? value.map(idOf) : idOf(value);
      if (ids === undefined || (Array.isArray(ids) && (ids.length === 0 || ids.includes(undefined)))) continue;
      const { [twin.path]: _path, ...rest } = params;
      params = { ...rest, [twin.dataset]: ids };
    }
    return params === node.params ? node : { ...node, params };
  });
  return { ...doc, nodes };
}
