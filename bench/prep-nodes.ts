import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureData, ROOT } from './data.ts';
import { NODE_CASES } from './prep-node-cases.ts';

const exec = promisify(execFile);

export interface NodeBenchRow {
  type: string;
  rows: number;
  ms: number;
  outRows: number;
  peakRssMb: number;
}

/**
 * Each prep node type alone (source view → node, result written as a table), in a fresh process. `only`
 * keeps the cases whose type or label is listed (`--node prep.unpivot,prep.window`).
 */
export async function benchPrepNodes(sizes: number[], only?: string[]): Promise<NodeBenchRow[]> {
  const out: NodeBenchRow[] = [];
  for (const rows of sizes) {
    const data = await ensureData(rows);
    for (let i = 0; i < NODE_CASES.length; i++) {
      const c = NODE_CASES[i]!;
      if (only && !only.includes(c.type) && !only.includes(c.label ?? '')) continue;
      const { stdout } = await exec(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['bench/prep-node-one.ts', String(i), data.declarations, data.companies],
        { cwd: ROOT, maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; rows: number; peakRssMb: number };
      const type = c.label ?? c.type;
      out.push({ type, rows, ms: r.ms, outRows: r.rows, peakRssMb: r.peakRssMb });
      console.error(`[bench] ${type} @ ${rows}: ${Math.round(r.ms)} ms, ${Math.round(r.peakRssMb)} MB`);
    }
  }
  return out;
}
