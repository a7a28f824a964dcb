/**
 * Writing pipelines: every save is a new version, made under a row lock on the pipeline so that two saves
 * from the same base version cannot both land (the second sees the first's version and gets a conflict).
 * The (pipeline_id, version) primary key backs the lock up: a duplicate version can never be stored.
 */
import { eq } from 'drizzle-orm';
import type { PipelineDoc } from '../../runtime/document/pipeline-doc.ts';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type PipelineRow, pipelines, pipelineVersions, type Visibility } from '../db/schema.ts';
import { canEdit, canView } from './access.ts';
import { findVersion, type VersionWithAuthor } from './queries.ts';

export interface NewPipeline {
  owner: SessionUser;
  doc: PipelineDoc;
  tags: string[];
  visibility: Visibility;
  message: string;
  now: Date;
}

export async function createPipeline(db: Db, p: NewPipeline): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pipelines)
      .values({
        ownerId: p.owner.id,
        name: p.doc.name,
        description: p.doc.description ?? '',
        tags: p.tags,
        visibility: p.visibility,
        department: p.owner.department,
        latestVersion: 1,
        createdAt: p.now,
        updatedAt: p.now,
      })
      .returning({ id: pipelines.id });
    const id = row!.id;
    await tx
      .insert(pipelineVersions)
      .values({ pipelineId: id, version: 1, doc: p.doc, authorId: p.owner.id, message: p.message, createdAt: p.now });
    return id;
  });
}

export interface SaveRequest {
  pipelineId: string;
  user: SessionUser;
  doc: PipelineDoc;
  /** The version the edit started from; undefined = save on top of whatever is latest. */
  baseVersion: number | undefined;
  message: string;
  restoredFrom?: number;
  now: Date;
}

export type SaveResult =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; latest: VersionWithAuthor }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'deleted' };

export async function saveVersion(db: Db, r: SaveRequest): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(pipelines).where(eq(pipelines.id, r.pipelineId)).for('update');
    const refused = refusal(r.user, p);
    if (refused) return refused;
    const current = p!.latestVersion;
    if (r.baseVersion !== undefined && r.baseVersion !== current) {
      const latest = await findVersion(tx, r.pipelineId, current);
      return { kind: 'conflict', latest: latest! };
    }
    const version = current + 1;
    await tx.insert(pipelineVersions).values({
      pipelineId: r.pipelineId,
      version,
      doc: r.doc,
      authorId: r.user.id,
      message: r.message,
      restoredFrom: r.restoredFrom ?? null,
      createdAt: r.now,
    });
    await tx
      .update(pipelines)
      .set({ name: r.doc.name, description: r.doc.description ?? '', latestVersion: version, updatedAt: r.now })
      .where(eq(pipelines.id, r.pipelineId));
    return { kind: 'saved', version };
  });
}

function refusal(user: SessionUser, p: PipelineRow | undefined): SaveResult | undefined {
  if (!p || !canView(user, p)) return { kind: 'not_found' };
  if (!canEdit(user, p)) return { kind: 'forbidden' };
  if (p.deletedAt) return { kind: 'deleted' };
  return undefined;
}
