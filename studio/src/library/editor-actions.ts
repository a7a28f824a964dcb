import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { useServices } from '../app/useServices.ts';
import { api, data, LibraryError, type Pipeline, type SaveConflict } from './api.ts';
import { serverDocStore } from './server-doc-store.ts';

export type StudioStore = ReturnType<typeof useServices>['store'];

const asRecord = (doc: PipelineDoc) => doc as unknown as Record<string, unknown>;

/** Loads a server pipeline's document (parsed and migrated by the analyzer) into the editor. */
export async function loadIntoEditor(
  store: StudioStore,
  ready: Promise<unknown>,
  p: Pick<Pipeline, 'id' | 'doc' | 'latestVersion'>,
): Promise<void> {
  await ready;
  const analyzer = store.getState().analyzer;
  if (!analyzer) throw new Error('analyzer not ready');
  store.getState().load(analyzer.parse(p.doc));
  serverDocStore.setState({ pipelineId: p.id, baseVersion: p.latestVersion });
}

export async function openFromServer(store: StudioStore, ready: Promise<unknown>, id: string): Promise<Pipeline> {
  const p = await data<Pipeline>(api.pipelines[':id'].$get({ param: { id } }));
  await loadIntoEditor(store, ready, p);
  return p;
}

/** Creates the pipeline on first save, then saves new versions on top of `baseVersion` (a 409 → `LibraryError`). */
export async function saveToServer(store: StudioStore, baseOverride?: number): Promise<Pipeline> {
  const doc = asRecord(store.getState().doc);
  const { pipelineId, baseVersion } = serverDocStore.getState();
  const saved =
    pipelineId === null
      ? await data<Pipeline>(api.pipelines.$post({ json: { doc, tags: [], visibility: 'private', message: '' } }))
      : await data<Pipeline>(
          api.pipelines[':id'].$put({
            param: { id: pipelineId },
            json: { doc, baseVersion: baseOverride ?? baseVersion ?? 1, message: '' },
          }),
        );
  serverDocStore.setState({ pipelineId: saved.id, baseVersion: saved.latestVersion });
  return saved;
}

/** Saves the editor's document as a new pipeline (the conflict's "save as a copy"). */
export async function saveAsCopy(store: StudioStore, name: string): Promise<Pipeline> {
  const doc = { ...asRecord(store.getState().doc), name };
  const saved = await data<Pipeline>(
    api.pipelines.$post({ json: { doc, tags: [], visibility: 'private', message: '' } }),
  );
  serverDocStore.setState({ pipelineId: saved.id, baseVersion: saved.latestVersion });
  return saved;
}

export function conflictOf(e: unknown): SaveConflict | undefined {
  return e instanceof LibraryError && e.status === 409 && e.code === 'conflict' ? (e.body as SaveConflict) : undefined;
}
