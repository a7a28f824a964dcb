/**
 * `graph.link_analysis` keeps its run's edges in a table beside its result, so the network view can draw the
 * nodes it scored with the links they were scored on. Both sides derive the name here.
 */
export const edgesTableOf = (tableName: string) => `${tableName}_edges`;

/** The edges table beside a quoted result relation (`"c_…"` → `"c_…_edges"`). */
export function edgesRelationOf(relation: string): string {
  const bare =
    relation.startsWith('"') && relation.endsWith('"') ? relation.slice(1, -1).replaceAll('""', '"') : relation;
  return `"${edgesTableOf(bare).replaceAll('"', '""')}"`;
}
