/**
 * Cluster and edit on a 1M-row company-name column (issue 4 item 7): `findClusters` with the fingerprint,
 * company, chosung and edit-distance (1) methods, each in a fresh process (time and peak RSS).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ClusterMethod } from '../nodes/prep/cluster/find-clusters.ts';
import { ensureCompanyNames } from './cluster-data.ts';
import { ROOT } from './data.ts';

const exec = promisify(execFile);

export const CLUSTER_METHODS: ClusterMethod[] = ['fingerprint', 'company', 'chosung', 'edit_distance'];

export interface ClusterBenchRow {
  method: ClusterMethod;
  rows: number;
  /** Distinct values in the column. */
  distinct: number;
  ms: number;
  clusters: number;
  /** Distinct values that fall in some cluster. */
  clusteredValues: number;
  peakRssMb: number;
}

/** Generates the column (once) and times each method in its own process. */
export async function benchClusters(rows = 1_000_000, methods = CLUSTER_METHODS): Promise<ClusterBenchRow[]> {
  const file = await ensureCompanyNames(rows);
  const out: ClusterBenchRow[] = [];
  for (const method of methods) {
    const { stdout } = await exec(path.join(ROOT, 'node_modules/.bin/tsx'), ['bench/cluster-one.ts', method, file], {
      cwd: ROOT,
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<ClusterBenchRow, 'method' | 'rows'>;
    out.push({ method, rows, ...r });
    console.error(`[bench] cluster ${method} @ ${rows}: ${Math.round(r.ms)} ms, ${Math.round(r.peakRssMb)} MB`);
  }
  return out;
}
