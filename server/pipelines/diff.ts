/**
 * What changed between two versions of a pipeline document: nodes added / removed / changed (type, label,
 * notes, and each param by dotted path), nodes moved on the canvas, edges added / removed, parameters and
 * name / description. Pure: no database, no registry.
 */
import type { PipelineDoc, PipelineEdge, PipelineNode } from '../../runtime/document/pipeline-doc.ts';

export interface ValueChange {
  /** Dotted path inside the node's params (`column`, `conditions.0.value`), or the field's name. */
  path: string;
  /** Absent when the value was added. */
  before?: unknown;
  /** Absent when the value was removed. */
  after?: unknown;
}

export interface NodeChange {
  id: string;
  type: string;
  /** `type`, `label`, `notes` when they differ. */
  fields: ValueChange[];
  params: ValueChange[];
}

export interface EdgeKey {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

export interface PipelineDiff {
  nodes: {
    added: { id: string; type: string }[];
    removed: { id: string; type: string }[];
    changed: NodeChange[];
    /** Same node, new canvas position: shown apart so layout edits do not drown real ones. */
    moved: string[];
  };
  edges: { added: EdgeKey[]; removed: EdgeKey[] };
  parameters: { added: string[]; removed: string[]; changed: string[] };
  /** `name`, `description`. */
  document: ValueChange[];
  /** True when nothing but layout changed. */
  same: boolean;
}

export function diffPipelines(before: PipelineDoc, after: PipelineDoc): PipelineDiff {
  const nodes = diffNodes(before.nodes, after.nodes);
  const edges = diffEdges(before.edges, after.edges);
  const parameters = diffKeyed(before.parameters, after.parameters, (p) => p.name);
  const document = fieldChanges(before, after, ['name', 'description']);
  const same =
    nodes.added.length + nodes.removed.length + nodes.changed.length === 0 &&
    edges.added.length + edges.removed.length === 0 &&
    parameters.added.length + parameters.removed.length + parameters.changed.length === 0 &&
    document.length === 0;
  return { nodes, edges, parameters, document, same };
}

function diffNodes(before: PipelineNode[], after: PipelineNode[]): PipelineDiff['nodes'] {
  const old = new Map(before.map((n) => [n.id, n]));
  const now = new Map(after.map((n) => [n.id, n]));
  const summary = (n: PipelineNode) => ({ id: n.id, type: n.type });
  const changed: NodeChange[] = [];
  const moved: string[] = [];
  for (const n of after) {
    const o = old.get(n.id);
    if (!o) continue;
    const fields = fieldChanges(o, n, ['type', 'label', 'notes']);
    const params = valueChanges(o.params, n.params, '');
    if (fields.length || params.length) changed.push({ id: n.id, type: n.type, fields, params });
    if (!equal(o.position, n.position)) moved.push(n.id);
  }
  return {
    added: after.filter((n) => !old.has(n.id)).map(summary),
    removed: before.filter((n) => !now.has(n.id)).map(summary),
    changed,
    moved,
  };
}

const edgeKey = (e: PipelineEdge): EdgeKey => ({
  source: e.source,
  sourcePort: e.sourcePort,
  target: e.target,
  targetPort: e.targetPort,
});
const edgeId = (e: EdgeKey) => `${e.source}:${e.sourcePort}->${e.target}:${e.targetPort}`;

function diffEdges(before: PipelineEdge[], after: PipelineEdge[]): PipelineDiff['edges'] {
  const old = new Set(before.map((e) => edgeId(edgeKey(e))));
  const now = new Set(after.map((e) => edgeId(edgeKey(e))));
  return {
    added: after.map(edgeKey).filter((e) => !old.has(edgeId(e))),
    removed: before.map(edgeKey).filter((e) => !now.has(edgeId(e))),
  };
}

function diffKeyed<T>(before: T[], after: T[], key: (item: T) => string) {
  const old = new Map(before.map((x) => [key(x), x]));
  const now = new Map(after.map((x) => [key(x), x]));
  return {
    added: [...now.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)),
    changed: [...now.keys()].filter((k) => old.has(k) && !equal(old.get(k), now.get(k))),
  };
}

function fieldChanges<T extends object>(before: T, after: T, fields: (keyof T & string)[]): ValueChange[] {
  return fields.flatMap((f) => (equal(before[f], after[f]) ? [] : [change(f, before[f], after[f])]));
}

/** Recurses into plain objects; arrays and scalars are compared as whole values. */
function valueChanges(before: unknown, after: unknown, path: string): ValueChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => valueChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return equal(before, after) ? [] : [change(path, before, after)];
}

function change(path: string, before: unknown, after: unknown): ValueChange {
  return {
    path,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Structural equality of JSON values (key order ignored). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
}
