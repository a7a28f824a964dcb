import type { Engine } from '../../../runtime/engine/engine.ts';
import { isTextType } from '../../../runtime/engine/normalize.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { ident } from '../../../runtime/sql/quote.ts';
import { columnFactsSql, duplicateRowsSql, readColumnFacts } from './facts-sql.ts';
import { type ClusterLike, rankSuggestions, type SuggestInput, type Suggestion } from './rank.ts';

/** Clustering is only tried on columns with at most this many distinct values (it runs in JS). */
export const MAX_CLUSTER_DISTINCT = 50_000;
/** Duplicate rows are only counted up to this many rows (a DISTINCT over every column is the costly part). */
export const MAX_DEDUPE_ROWS = 1_000_000;

/** The clusterer, loaded on demand (it lives with the node types, outside the first screen's chunk). */
export type FindClusters = (
  engine: Engine,
  relation: string,
  column: string,
  options: { method: 'fingerprint' | 'company' },
) => Promise<ClusterLike[]>;

const loadFindClusters = async (): Promise<FindClusters> =>
  (await import('../../../nodes/prep/cluster/find-clusters.ts')).findClusters;

/**
 * Ranked next steps for `column` of `relation` (and the picked `values`): one scan for the column's facts,
 * one for duplicate rows, and for text with few enough distinct values a clustering of them (the company
 * method when legal forms like `(주)` appear, else fingerprint keys).
 */
export async function suggestFor(
  engine: Engine,
  relation: string,
  column: Column | undefined,
  options: { values?: string[]; findClusters?: FindClusters; limit?: number } = {},
): Promise<Suggestion[]> {
  const total = Number((await engine.query(`SELECT count(*) AS n FROM ${relation}`)).rows[0]?.n ?? 0);
  const dups =
    total <= MAX_DEDUPE_ROWS ? Number((await engine.query(duplicateRowsSql(relation))).rows[0]?.dups ?? 0) : 0;
  if (!column) return rankSuggestions({ duplicateRows: dups }, options.limit);
  const facts = readColumnFacts((await engine.query(columnFactsSql(relation, column))).rows[0] ?? {}, column);
  let clusters: ClusterLike[] | undefined;
  let clusterMethod: 'fingerprint' | 'company' | undefined;
  if (isTextType(column.type) && facts.distinct > 1 && facts.distinct <= MAX_CLUSTER_DISTINCT) {
    const sample = await engine.query(
      `SELECT count(*) FILTER (WHERE regexp_matches(lower(v), '\\(주\\)|㈜|주식회사|co\\.,? ?ltd')) AS forms FROM (SELECT DISTINCT CAST(${ident(column.name)} AS VARCHAR) AS v FROM ${relation})`,
    );
    clusterMethod = Number(sample.rows[0]?.forms ?? 0) > 0 ? 'company' : 'fingerprint';
    const find = options.findClusters ?? (await loadFindClusters());
    clusters = await find(engine, relation, column.name, { method: clusterMethod });
  }
  const input: SuggestInput = { facts, duplicateRows: dups, rows: facts.rows };
  if (clusters) {
    input.clusters = clusters;
    input.clusterMethod = clusterMethod;
  }
  if (options.values?.length) input.values = options.values;
  return rankSuggestions(input, options.limit);
}
