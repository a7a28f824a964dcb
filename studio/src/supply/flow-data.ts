import { STAGES } from '../../../nodes/model/_supply-chain-sql.ts';
import type { Row } from '../../../runtime/schema/types.ts';
import type { Lang } from '../i18n/lang-store.ts';

/** One stage-to-stage link of `model.supply_chain_flows`' flow table. */
export interface Flow {
  sourceStage: string;
  source: string;
  targetStage: string;
  target: string;
  weight: number;
  rows: number;
  fraudRows: number | null;
  flaggedRows: number | null;
}

export function flowsOf(rows: Row[]): Flow[] {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows
    .map((r) => ({
      sourceStage: String(r.source_stage),
      source: String(r.source),
      targetStage: String(r.target_stage),
      target: String(r.target),
      weight: n(r.weight) ?? 0,
      rows: n(r.row_count) ?? 0,
      fraudRows: n(r.fraud_rows),
      flaggedRows: n(r.flagged_rows),
    }))
    .filter((f) => f.weight > 0);
}

/** The country routes (origin → departure, never lumped) as flows of the origin → departure stage pair. */
export function routesOf(rows: Row[]): Flow[] {
  return flowsOf(
    rows.map((r) => ({
      ...r,
      source_stage: 'origin',
      source: r.origin ?? null,
      target_stage: 'departure',
      target: r.departure ?? null,
    })),
  );
}

const COUNTRY = /^[A-Z]{2}$/;
const names = new Map<Lang, Intl.DisplayNames>();

/** A country code as a name in the officer's language ("CN" → "중국"); anything else as it is. */
export function placeName(value: string, stage: string, lang: Lang): string {
  if (stage === 'hs' && /^\d+$/.test(value)) return `HS ${value}`;
  if ((stage !== 'origin' && stage !== 'departure') || !COUNTRY.test(value)) return value;
  let dn = names.get(lang);
  if (!dn) {
    dn = new Intl.DisplayNames([lang], { type: 'region' });
    names.set(lang, dn);
  }
  try {
    return dn.of(value) ?? value;
  } catch {
    return value;
  }
}

export interface SankeyInput {
  nodes: { id: string; stage: string; name: string; column: number }[];
  links: { source: string; target: string; value: number; flow: Flow }[];
  stages: string[];
}

/** Nodes keyed by stage and value (a country is one node as origin and another as departure), in stage order. */
export function sankeyInput(flows: Flow[]): SankeyInput {
  const stages: string[] = [];
  const note = (s: string) => {
    if (!stages.includes(s)) stages.push(s);
  };
  for (const f of flows) {
    note(f.sourceStage);
    note(f.targetStage);
  }
  // The node's stage order (origin → departure → office → importer → HS), whatever order the rows come in.
  const rank = (stage: string) => {
    const i = (STAGES as readonly string[]).indexOf(stage);
    return i < 0 ? STAGES.length : i;
  };
  stages.sort((a, b) => rank(a) - rank(b));
  const nodes = new Map<string, SankeyInput['nodes'][number]>();
  const key = (stage: string, name: string) => `${stage}\u001f${name}`;
  const add = (stage: string, name: string) => {
    const id = key(stage, name);
    if (!nodes.has(id)) nodes.set(id, { id, stage, name, column: stages.indexOf(stage) });
    return id;
  };
  const links = flows.map((f) => ({
    source: add(f.sourceStage, f.source),
    target: add(f.targetStage, f.target),
    value: f.weight,
    flow: f,
  }));
  return { nodes: [...nodes.values()], links, stages };
}

/** Share of a flow's declarations that claimed an FTA rate while leaving from another country than the origin. */
export function flaggedShare(f: Flow): number {
  return f.flaggedRows && f.rows ? f.flaggedRows / f.rows : 0;
}

export interface MapArc {
  from: string;
  to: string;
  kind: 'via' | 'korea';
  weight: number;
  rows: number;
  flaggedRows: number;
}

/**
 * Arcs for the map from the origin → departure flows: origin → departure where they differ, and every departure
 * country → Korea with all it ships. Values lumped as 기타 have no place on a map and are counted as not drawn.
 */
export function mapArcs(flows: Flow[], other: string): { arcs: MapArc[]; total: number; lumped: number } {
  const od = flows.filter((f) => f.sourceStage === 'origin' && f.targetStage === 'departure');
  const arcs: MapArc[] = [];
  const toKorea = new Map<string, MapArc>();
  let total = 0;
  let lumped = 0;
  for (const f of od) {
    total += f.weight;
    if (f.target === other || f.source === other) {
      lumped += f.weight;
      continue;
    }
    if (f.source !== f.target)
      arcs.push({
        from: f.source,
        to: f.target,
        kind: 'via',
        weight: f.weight,
        rows: f.rows,
        flaggedRows: f.flaggedRows ?? 0,
      });
    const k = toKorea.get(f.target) ?? { from: f.target, to: 'KR', kind: 'korea', weight: 0, rows: 0, flaggedRows: 0 };
    k.weight += f.weight;
    k.rows += f.rows;
    k.flaggedRows += f.flaggedRows ?? 0;
    toKorea.set(f.target, k);
  }
  return { arcs: [...toKorea.values(), ...arcs], total, lumped };
}
