import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { canEdit, canView } from './access.ts';
import { findPipeline, type PipelineWithOwner } from './queries.ts';

/** The pipeline if the user may see it; 404 otherwise (whether it exists is not told to those who may not see it). */
export async function viewable(db: Db, id: string, user: SessionUser): Promise<PipelineWithOwner> {
  const found = await findPipeline(db, id);
  if (!found || !canView(user, found.pipeline)) throw notFound('pipeline');
  return found;
}

/** The pipeline if the user may change it: 404 when they cannot see it, 403 when they can only see it. */
export async function editable(db: Db, id: string, user: SessionUser): Promise<PipelineWithOwner> {
  const found = await viewable(db, id, user);
  if (!canEdit(user, found.pipeline)) throw forbidden('only the owner or an admin can change this pipeline');
  return found;
}

export const deletedError = () =>
  new ApiError(422, 'pipeline_deleted', 'the pipeline is deleted: restore it before changing it');
