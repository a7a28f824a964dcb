import type { Run } from './api.ts';

export interface NodeLine {
  nodeId: string;
  state?: string;
  rows: number | null;
  ms?: number;
  error?: string;
}

/** The run's per-node log lines (the server stores them as JSON). */
export const nodeLines = (run: Pick<Run, 'log'>): NodeLine[] =>
  (run.log as Partial<NodeLine>[]).filter((l): l is NodeLine => typeof l?.nodeId === 'string');

/** 850 → "0.9 s", 125 000 → "2 min 5 s". */
export function duration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Local date and time to the second: "2026-11-24 18:05:09". */
export function when(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Row counts per node of two runs, every node of either, in first-seen order. */
export function compareRows(a: Run, b: Run): { nodeId: string; a: number | null; b: number | null }[] {
  const left = new Map(nodeLines(a).map((l) => [l.nodeId, l.rows]));
  const right = new Map(nodeLines(b).map((l) => [l.nodeId, l.rows]));
  const ids = [...new Set([...left.keys(), ...right.keys()])];
  return ids.map((nodeId) => ({ nodeId, a: left.get(nodeId) ?? null, b: right.get(nodeId) ?? null }));
}

export const isActive = (r: Pick<Run, 'status'>) => r.status === 'queued' || r.status === 'running';
