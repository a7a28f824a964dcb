/** `NodeFileAccess`'s `resolveDataset` on the server: a dataset id → the absolute path of its stored file. */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { datasets } from '../db/schema.ts';
import { datasetDir, insideRoot } from './store.ts';

export function datasetResolver(db: Db, root: string): (id: string) => Promise<string> {
  return async (id) => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(id)) throw new Error('not a dataset id');
    const [row] = await db.select({ storedName: datasets.storedName }).from(datasets).where(eq(datasets.id, id));
    if (!row) throw new Error('no such dataset on this server');
    const dir = datasetDir(root, id);
    return insideRoot(dir, path.join(dir, row.storedName));
  };
}
