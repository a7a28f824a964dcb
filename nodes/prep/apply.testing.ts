import { expect } from 'vitest';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { Row } from '../../runtime/schema/types.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

/** A `test.values` table: header `name:TYPE` (VARCHAR when no type) and rows. */
export const table = values;

type Table = ReturnType<typeof values>;

/**
 * Rows of one node of `type` applied to `input` (and `lookup` on the `lookup` port). Also checks that the
 * schema the node declares without data is exactly what DuckDB returns.
 */
export async function apply(
  engine: Engine,
  type: string,
  params: Record<string, unknown>,
  input: Table,
  lookup?: Table,
): Promise<Row[]> {
  const nodes = [
    { id: 'src', type: 'test.values', params: input },
    { id: 'n', type, params },
  ];
  const edges: Parameters<typeof doc>[1] = [['src', 'n']];
  if (lookup) {
    nodes.push({ id: 'lk', type: 'test.values', params: lookup });
    edges.push({ source: 'lk', target: 'n', targetPort: 'lookup' });
  }
  const pipeline = resolve(doc(nodes, edges), nodeDefinitions);
  const runtime = runtimeFor(engine, nodeDefinitions);
  const result = await runtime.preview(pipeline, 'n', { limit: 10_000 });
  const def = nodeDefinitions.find((d) => d.type === type);
  if (def?.kind === 'sql') {
    const inputs: Record<string, { name: string; type: string }[][]> = {
      in: [(await runtime.preview(pipeline, 'src')).columns],
    };
    if (lookup) inputs.lookup = [(await runtime.preview(pipeline, 'lk')).columns];
    const declared = def.outputSchema({ nodeId: 'n', params: pipeline.nodes.get('n')!.params, inputs });
    expect(declared, 'declared schema').toEqual(result.columns);
  }
  return result.rows;
}

/** The values of one column. */
export function col(rows: Row[], name: string) {
  return rows.map((r) => r[name]);
}
