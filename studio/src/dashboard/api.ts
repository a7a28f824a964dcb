import type { InferResponseType } from 'hono/client';
import { type ArtifactList, api, data, type PipelineList, type RunList } from '../library/api.ts';

export type Dashboard = InferResponseType<(typeof api.dashboards)[':id']['$get'], 200>;
export type DashboardList = InferResponseType<typeof api.dashboards.$get, 200>;
export type DashboardItem = Dashboard['layout'][number];
export type DashboardFilter = Dashboard['filters'][number];
export type DashboardData = InferResponseType<(typeof api.dashboards)[':id']['data']['$get'], 200>;
export type ItemData = DashboardData['items'][number];
export type Artifact = ArtifactList['items'][number];
export type Changes = Partial<Pick<Dashboard, 'title' | 'visibility' | 'layout' | 'filters'>>;

export const listDashboards = (mine: boolean) =>
  data<DashboardList>(api.dashboards.$get({ query: mine ? { mine: 'true' } : {} }));

export const createDashboard = (title: string) =>
  data<Dashboard>(api.dashboards.$post({ json: { title, layout: [], filters: [] } }));

export const loadDashboard = (id: string) => data<Dashboard>(api.dashboards[':id'].$get({ param: { id } }));

export const saveDashboard = (id: string, json: Changes) =>
  data<Dashboard>(api.dashboards[':id'].$patch({ param: { id }, json }));

/** `values`: the viewer's filter choices by column (not saved). */
export const loadData = (id: string, values: Record<string, string[]>) =>
  data<DashboardData>(api.dashboards[':id'].data.$get({ param: { id }, query: { values: JSON.stringify(values) } }));

export const reportUrl = (id: string, values: Record<string, string[]>, format: 'html' | 'pdf') =>
  `/api/dashboards/${encodeURIComponent(id)}/report?format=${format}&values=${encodeURIComponent(JSON.stringify(values))}`;

export const listPipelines = () => data<PipelineList>(api.pipelines.$get({ query: { limit: '100' } }));

/** The tables of a pipeline's newest succeeded scheduled run: what a dashboard item can show. */
export async function latestArtifacts(pipelineId: string): Promise<Artifact[]> {
  const runs = await data<RunList>(api.runs.$get({ query: { pipelineId, limit: '50' } }));
  const run = runs.items.find((r) => r.status === 'succeeded' && r.scheduleId);
  if (!run) return [];
  const list = await data<ArtifactList>(api.runs[':id'].artifacts.$get({ param: { id: run.id } }));
  return list.items.filter((a) => a.format === 'parquet');
}
