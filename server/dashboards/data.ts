/**
 * What a dashboard shows, item by item: the newest succeeded scheduled run's table of the item's node, with
 * the dashboard filters applied; a chart also gets its Vega-Lite spec (the chart node's own `chartSpec`).
 * Each item is checked against its pipeline's permissions for the viewer, whoever owns the dashboard.
 */
import path from 'node:path';
import { type ChartParams, chartParams } from '../../nodes/chart/params.ts';
import { chartSpec } from '../../nodes/chart/spec.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Column, Row, Schema } from '../../runtime/schema/types.ts';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { canView } from '../pipelines/access.ts';
import { findPipeline, findVersion, type PipelineWithOwner } from '../pipelines/queries.ts';
import { type LatestArtifact, latestArtifact } from './latest.ts';
import type { DashboardWithOwner } from './queries.ts';
import { readFigure, readOptions, readRows, type Selection, whereOf } from './read.ts';
import {
  CHART_ROW_CAP,
  type DashboardData,
  type DashboardItem,
  FILTER_VALUE_CAP,
  type ItemData,
  TABLE_ROW_CAP,
} from './schemas.ts';

export interface DataDeps {
  db: Db;
  artifactsDir: string;
  log: (message: string) => void;
}

/** The saved filter values, each replaced by the viewer's own choice when given. */
export function selectionOf(d: DashboardWithOwner, override: Record<string, string[]> = {}): Selection {
  const filters = toJsonFilters(d);
  return new Map(filters.map((f) => [f.column, override[f.column] ?? f.values ?? []]));
}

const toJsonFilters = (d: DashboardWithOwner) =>
  d.dashboard.filters as { column: string; label: string; values?: string[] }[];

export async function dashboardData(
  deps: DataDeps,
  d: DashboardWithOwner,
  user: SessionUser,
  override?: Record<string, string[]>,
): Promise<DashboardData> {
  const selection = selectionOf(d, override);
  const items = d.dashboard.layout as DashboardItem[];
  const pipelines = new Map<string, Promise<PipelineWithOwner | undefined>>();
  const pipelineOf = (id: string) => {
    if (!pipelines.has(id)) pipelines.set(id, findPipeline(deps.db, id));
    return pipelines.get(id)!;
  };
  const engine = await DuckDBNodeEngine.create({ threads: 1, memoryLimit: '256MB' });
  const sources: { file: string; columns: Column[] }[] = [];
  try {
    const out: ItemData[] = [];
    for (const item of items) {
      const found = await pipelineOf(item.pipelineId);
      if (!found || found.pipeline.deletedAt || !canView(user, found.pipeline)) {
        out.push({ id: item.id, status: 'hidden' });
        continue;
      }
      const latest = await latestArtifact(deps.db, item.pipelineId, item.nodeId);
      if (!latest) {
        out.push({ id: item.id, status: 'no_run' });
        continue;
      }
      const file = path.join(deps.artifactsDir, latest.artifact.file);
      const columns = latest.artifact.schema as Column[];
      sources.push({ file, columns });
      try {
        out.push(await itemData(deps.db, engine, item, latest, file, columns, selection));
      } catch (e) {
        if (!(e instanceof ApiError)) deps.log(`dashboard ${d.dashboard.id} item ${item.id}: ${String(e)}`);
        const message = e instanceof ApiError ? e.message : 'the stored result could not be read';
        out.push({ id: item.id, status: 'error', message, runId: latest.run.id, runAt: runAt(latest) });
      }
    }
    const filters = [];
    for (const f of toJsonFilters(d)) {
      const options = new Set<string>();
      for (const s of sources) {
        if (!s.columns.some((c) => c.name === f.column)) continue;
        for (const v of await readOptions(engine, s.file, f.column, FILTER_VALUE_CAP)) options.add(v);
      }
      const sorted = [...options].sort((a, b) => a.localeCompare(b, 'ko', { numeric: true }));
      filters.push({ column: f.column, label: f.label || f.column, options: sorted.slice(0, FILTER_VALUE_CAP) });
    }
    return { items: out, filters };
  } finally {
    await engine.close();
  }
}

const runAt = (l: LatestArtifact) => (l.run.finishedAt ?? l.run.createdAt).toISOString();

async function itemData(
  db: Db,
  engine: DuckDBNodeEngine,
  item: DashboardItem,
  latest: LatestArtifact,
  file: string,
  columns: Column[],
  selection: Selection,
): Promise<ItemData> {
  const where = whereOf(columns, selection);
  const base = {
    id: item.id,
    status: 'ok' as const,
    runId: latest.run.id,
    runAt: runAt(latest),
    applied: where.applied,
  };
  if (item.kind === 'figure') {
    const value = await readFigure(engine, file, columns, item.figure ?? { fn: 'count' }, where);
    return { ...base, value };
  }
  if (item.kind === 'table') return { ...base, columns, ...(await readRows(engine, file, where, TABLE_ROW_CAP)) };
  if (latest.artifact.nodeType !== 'chart.vega') {
    throw new ApiError(422, 'not_a_chart', `node "${item.nodeId}" is not a chart node: show it as a table`);
  }
  const params = await chartParamsOf(db, latest, item.nodeId);
  const read = await readRows(engine, file, where, CHART_ROW_CAP);
  const spec = chartSpec(params, chartSchema(columns, params), read.rows as Row[]);
  return { ...base, columns, ...read, spec: spec as unknown as Record<string, unknown> };
}

async function chartParamsOf(db: Db, latest: LatestArtifact, nodeId: string): Promise<ChartParams> {
  const found = await findPipeline(db, latest.run.pipelineId);
  // A run without a pinned version ran the latest one of its time; the latest now is the best we know.
  const version = latest.run.version ?? found?.pipeline.latestVersion ?? 1;
  const v = await findVersion(db, latest.run.pipelineId, version);
  const doc = v?.version.doc as { nodes?: { id: string; params?: unknown }[] } | undefined;
  const node = doc?.nodes?.find((n) => n.id === nodeId);
  const parsed = chartParams.safeParse(node?.params ?? {});
  if (!parsed.success) throw new ApiError(422, 'chart_params', `the chart node "${nodeId}" has invalid settings`);
  return parsed.data;
}

/**
 * `chartSpec` wants the chart's INPUT schema, which runs do not store; the stored output keeps the dimension
 * columns with their types, and a shelf column missing from it (a histogram's or box plot's value) is numeric.
 */
function chartSchema(columns: Column[], p: ChartParams): Schema {
  const shelves = [p.x, p.y, p.color, p.size, p.facet, p.country, p.lat, p.lon].filter((s): s is string => !!s);
  const missing = shelves.filter((s) => !columns.some((c) => c.name === s));
  return [...columns, ...[...new Set(missing)].map((name) => ({ name, type: 'DOUBLE' }))];
}
