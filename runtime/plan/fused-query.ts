import type { Schema } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';

/** What the planner knows of a node during a run. */
export interface PlannedNode {
  id: string;
  key: string;
  schema: Schema;
  /** The node's own SELECT over its inputs' relations (SQL nodes). */
  select?: string;
  /** Set when the result is held as a table in the engine. */
  table?: string;
  /** Feeding node ids. */
  dependsOn?: string[];
}

const FUSED_PREFIX = 'cte_';

/**
 * The name a fused step gets inside the query that inlines it. Nodes see it as an input relation and must
 * know it is not a stored table: DuckDB materializes a CTE read twice and scans that in no set order.
 */
export function fusedStepName(id: string): string {
  return ident(`${FUSED_PREFIX}${id}`);
}

/**
 * Whether an input relation handed to a node is a stored table or view, read in its stored order however
 * often a query reads it: one identifier (optionally schema-qualified) that is not a fused step. A fused step
 * or a parenthesised query is not: it may be computed or materialized per read, in no set order.
 */
export function isStoredRelation(relation: string): boolean {
  const name = '("([^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*)';
  return new RegExp(`^${name}(\\.${name})*$`).test(relation) && !relation.startsWith(`"${FUSED_PREFIX}`);
}

/**
 * One query computing `id` from the nearest tables: every upstream SQL node not held as a table is
 * inlined as a CTE named `cte_<id>`, in dependency order.
 */
export function fusedQuery(id: string, planned: Map<string, PlannedNode>): string {
  const root = planned.get(id);
  if (!root) throw new Error(`node "${id}" is not planned`);
  if (root.table) return `SELECT * FROM ${root.table}`;
  const chain: PlannedNode[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    const p = planned.get(n);
    if (!p || p.table || seen.has(n)) return;
    seen.add(n);
    for (const dep of p.dependsOn ?? []) visit(dep);
    chain.push(p);
  };
  visit(id);
  const ctes = chain.map((p) => `${fusedStepName(p.id)} AS (\n${p.select}\n)`);
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM ${fusedStepName(id)}`;
}
