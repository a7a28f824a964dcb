/** Dataset ids → the absolute paths of their stored files, for `NodeFileAccess` (`resolveDataset`) and runs. */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { datasets } from '../db/schema.ts';
import { datasetCanView, findDataset } from './queries.ts';
import { datasetDir, insideRoot } from './store.ts';

const DATASET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function datasetResolver(db: Db, root: string): (id: string) => Promise<string> {
  return async (id) => {
    if (!DATASET_ID.test(id)) throw new Error('not a dataset id');
    const [row] = await db.select({ storedName: datasets.storedName }).from(datasets).where(eq(datasets.id, id));
    if (!row) throw new Error('no such dataset on this server');
    const dir = datasetDir(root, id);
    return insideRoot(dir, path.join(dir, row.storedName));
  };
}

export type OwnedDataset = { ok: true; file: string; name: string } | { ok: false; reason: 'missing' | 'denied' };

/**
 * A dataset a run may read: the pipeline owner must be allowed to see it by the datasets API's own rule
 * (`datasetCanView`: owner, admin, public, or the owner's department when shared with it), checked when the
 * run starts, whatever wrote the id into the document (a literal, a `{{parameter}}`, a template copy).
 */
export async function datasetForOwner(db: Db, root: string, owner: SessionUser, id: string): Promise<OwnedDataset> {
  if (!DATASET_ID.test(id)) return { ok: false, reason: 'missing' };
  const found = await findDataset(db, id);
  if (!found) return { ok: false, reason: 'missing' };
  if (!datasetCanView(owner, found.dataset)) return { ok: false, reason: 'denied' };
  const dir = datasetDir(root, id);
  return { ok: true, file: insideRoot(dir, path.join(dir, found.dataset.storedName)), name: found.dataset.name };
}
