import type { Engine } from '../../runtime/engine/engine.ts';
import type { Row } from '../../runtime/schema/types.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

export { nodeDefinitions };

/**
 * Import declarations for the preparation-node tests (values in KRW). Worked examples in the tests refer
 * to these rows by id, so keep them stable.
 */
export const DECL = values(
  ['id:INTEGER', 'importer', 'hs6', 'origin', 'value_krw:BIGINT', 'qty:INTEGER', 'day:DATE'],
  [
    [1, '(주)한빛무역', '010121', 'CN', 1200000, 2, '2024-01-05'],
    [2, '㈜바다상사', '851712', 'VN', 350000, 10, '2024-01-05'],
    [3, '(주)한빛무역', '851712', 'CN', 4800000, 4, '2024-02-11'],
    [4, '주식회사 초록', '220300', 'DE', 980000, 100, '2024-02-29'],
    [5, '㈜바다상사', '851712', 'VN', 350000, 10, '2024-03-01'],
    [6, '(주)한빛무역', '030389', 'NO', 25000000, null, '2024-03-15'],
    [7, '주식회사 초록', '220300', 'DE', null, 50, '2024-03-20'],
    [8, '㈜바다상사', '851712', 'CN', 12000000, 40, '2024-04-02'],
  ],
);

export type Table = ReturnType<typeof values>;

/** Rows of one node (or of one of its output ports) applied to `table`. */
export async function applyNode(
  engine: Engine,
  type: string,
  params: Record<string, unknown>,
  options: { table?: Table; port?: string } = {},
): Promise<Row[]> {
  const defs = nodeDefinitions;
  const nodes = [
    { id: 'decl', type: 'test.values', params: options.table ?? DECL },
    { id: 'n', type, params },
  ];
  const edges: Parameters<typeof doc>[1] = [['decl', 'n']];
  let target = 'n';
  if (options.port) {
    // A port is read through a pass-through SQL node, as a downstream node would read it.
    nodes.push({ id: 'read', type: 'sql', params: { query: 'SELECT * FROM input' } });
    edges.push({ source: 'n', sourcePort: options.port, target: 'read' });
    target = 'read';
  }
  const p = resolve(doc(nodes, edges), defs);
  const runtime = runtimeFor(engine, defs);
  if (options.port) {
    // The node's own error, not the reader's "upstream node did not finish".
    const status = (await runtime.run(p, { targets: ['n'] })).nodes.find((s) => s.nodeId === 'n');
    if (status?.error) throw status.error;
  }
  return (await runtime.preview(p, target, { limit: 100_000 })).rows;
}

/** Column names and types of one node's result, as the runtime planned them. */
export async function schemaOf(
  engine: Engine,
  type: string,
  params: Record<string, unknown>,
  table: Table = DECL,
): Promise<string[]> {
  const p = resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: table },
        { id: 'n', type, params },
      ],
      [['decl', 'n']],
    ),
    nodeDefinitions,
  );
  const r = await runtimeFor(engine, nodeDefinitions).run(p, { targets: ['n'] });
  const status = r.nodes.find((s) => s.nodeId === 'n')!;
  if (status.error) throw status.error;
  return (status.schema ?? []).map((c) => `${c.name}:${c.type}`);
}
