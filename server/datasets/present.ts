/** Dataset rows as the API returns them. */
import type { SessionUser } from '../context.ts';
import type { ColumnProfile } from './profile.ts';
import { type DatasetWithOwner, datasetCanEdit, type Usage } from './queries.ts';

export function toSummary({ dataset: d, owner }: DatasetWithOwner, viewer: SessionUser, usage: Usage[]) {
  const mine = usage.filter((u) => u.datasetId === d.id);
  return {
    id: d.id,
    name: d.name,
    originalName: d.originalName,
    format: d.format,
    size: d.size,
    sha256: d.sha256,
    rows: d.rows,
    visibility: d.visibility,
    department: d.department,
    owner,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    canEdit: datasetCanEdit(viewer, d),
    usedBy: mine.filter((u) => u.visible).map((u) => ({ id: u.pipelineId, name: u.name })),
    usedByCount: mine.length,
  };
}

export function toDetail(found: DatasetWithOwner, viewer: SessionUser, usage: Usage[]) {
  const d = found.dataset;
  return {
    ...toSummary(found, viewer, usage),
    columns: d.columns as { name: string; type: string }[],
    profile: d.profile as ColumnProfile[],
    warnings: d.warnings as { message: string; lines?: number[] }[],
  };
}
