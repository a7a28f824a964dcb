import type { PipelineDoc } from '../../runtime/document/pipeline-doc.ts';
import { type ApiError, forbidden, notFound } from '../errors.ts';
import { deletedError } from './load.ts';
import { toVersion, type VersionWithAuthor } from './queries.ts';
import type { SaveResult } from './save.ts';

/** The 409 body: the client's base and document next to the version that beat it, so nothing is lost. */
export function conflictBody(latest: VersionWithAuthor, baseVersion: number | undefined, doc: unknown) {
  const theirs = { ...toVersion(latest), doc: latest.version.doc as Record<string, unknown> };
  return {
    code: 'conflict' as const,
    message: `version ${theirs.version} was saved by ${theirs.author.displayName} after your version ${baseVersion}`,
    yours: { baseVersion: baseVersion ?? 0, doc: doc as PipelineDoc & Record<string, unknown> },
    latest: theirs,
  };
}

/** The error for a save that was refused before anything was written. */
export function refusalError(result: Exclude<SaveResult, { kind: 'saved' } | { kind: 'conflict' }>): ApiError {
  if (result.kind === 'forbidden') return forbidden('only the owner or an admin can change this pipeline');
  if (result.kind === 'deleted') return deletedError();
  return notFound('pipeline');
}
