import { validatePipeline } from '../document/validate.ts';
import type { Engine } from '../engine/engine.ts';
import { PipelineRuntime, type RuntimeOptions } from '../execute/runtime.ts';
import type { NodeDefinition } from '../nodes/define-node.ts';
import { createRegistry } from '../nodes/registry.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { valuesSource } from './values-source.ts';

type NodeSpec = { id: string; type: string; params?: Record<string, unknown>; label?: string };
type EdgeSpec = [string, string] | { source: string; target: string; sourcePort?: string; targetPort?: string };

/** A format-1 document from a compact node and edge list. */
export function doc(nodes: NodeSpec[], edges: EdgeSpec[], parameters: unknown[] = []) {
  return {
    format: 'customs-studio/pipeline',
    version: 1,
    name: 'test',
    parameters,
    nodes: nodes.map((n) => ({ params: {}, ...n })),
    edges: edges.map((e) => (Array.isArray(e) ? { source: e[0], target: e[1] } : e)),
  };
}

/** `test.values` params from a header of `name:TYPE` and rows. */
export function values(header: string[], rows: unknown[][]) {
  return {
    columns: header.map((h) => {
      const [name, type] = h.split(':');
      return { name: name!, type: type ?? 'VARCHAR' };
    }),
    rows,
  };
}

const noFiles: FileAccess = new Proxy({} as FileAccess, {
  get: () => () => Promise.reject(new Error('this test has no file access')),
});

export function testRegistry(definitions: readonly NodeDefinition[]) {
  return createRegistry([...definitions, valuesSource as NodeDefinition]);
}

/** Validates (throwing on issues) and returns the resolved pipeline. */
export function resolve(input: unknown, definitions: readonly NodeDefinition[], parameters?: Record<string, unknown>) {
  const v = validatePipeline(input, testRegistry(definitions), { parameters });
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.code} ${i.nodeId ?? ''} ${i.message}`).join('\n'));
  return v.pipeline;
}

export function runtimeFor(
  engine: Engine,
  _definitions: readonly NodeDefinition[],
  files: FileAccess = noFiles,
  options: RuntimeOptions = {},
) {
  return new PipelineRuntime(engine, files, options);
}
