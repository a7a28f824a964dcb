import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { useServices } from '../app/useServices.ts';
import { rewriteSamplePaths } from '../persist/sample-paths.ts';
import { loadSamples } from '../sources/samples.ts';
import { api, data, LibraryError, type Pipeline, type SaveConflict } from './api.ts';
import { linkDoc, saveTarget, serverDocStore, unlinkDoc } from './server-doc-store.ts';

export type StudioStore = ReturnType<typeof useServices>['store'];

const asRecord = (doc: PipelineDoc) => doc as unknown as Record<string, unknown>;

/** Read nodes on a shipped sample by path switch to the sample's server dataset (see `rewriteSamplePaths`). */
export async function withSampleDatasets(doc: PipelineDoc): Promise<PipelineDoc> {
  return rewriteSamplePaths(doc, await loadSamples().catch(() => []));
}

/** Loads a server pipeline's document (parsed and migrated by the analyzer) into the editor, linked to it. */
export async function loadIntoEditor(
  store: StudioStore,
  ready: Promise<unknown>,
  p: Pick<Pipeline, 'id' | 'doc' | 'latestVersion'> & { name?: string },
): Promise<void> {
  await ready;
  const analyzer = store.getState().analyzer;
  if (!analyzer) throw new Error('analyzer not ready');
  const doc = analyzer.parse(p.doc);
  const upgraded = await withSampleDatasets(doc);
  store.getState().load(upgraded);
  linkDoc({ id: p.id, version: p.latestVersion, name: p.name ?? doc.name });
  // A document whose sample paths were just switched differs from the saved version.
  if (upgraded !== doc) serverDocStore.setState({ dirty: true });
}

/**
 * Starts a document that is not on the server: new, a file, a shipped example. Its first server save
 * creates a new pipeline, so it can never overwrite the pipeline that was open before.
 */
export async function startUnsaved(store: StudioStore, doc: PipelineDoc): Promise<void> {
  unlinkDoc();
  store.getState().load(await withSampleDatasets(doc));
  unlinkDoc();
}

export async function openFromServer(store: StudioStore, ready: Promise<unknown>, id: string): Promise<Pipeline> {
  const p = await data<Pipeline>(api.pipelines[':id'].$get({ param: { id } }));
  await loadIntoEditor(store, ready, p);
  return p;
}

/**
 * Creates a pipeline for an unlinked document, or saves a new version of the linked pipeline on top of the
 * version the edits started from (a 409 → `LibraryError`, see `conflictOf`).
 */
export async function saveToServer(store: StudioStore, baseOverride?: number): Promise<Pipeline> {
  const { doc, revision } = store.getState();
  const target = saveTarget(serverDocStore.getState(), baseOverride);
  const saved =
    target.kind === 'create'
      ? await data<Pipeline>(
          api.pipelines.$post({ json: { doc: asRecord(doc), tags: [], visibility: 'private', message: '' } }),
        )
      : await data<Pipeline>(
          api.pipelines[':id'].$put({
            param: { id: target.pipelineId },
            json: { doc: asRecord(doc), baseVersion: target.baseVersion, message: '' },
          }),
        );
  afterSave(store, saved, revision);
  return saved;
}

/** Saves the editor's document as a new pipeline (the conflict's "save as a copy"). */
export async function saveAsCopy(store: StudioStore, name: string): Promise<Pipeline> {
  const { revision } = store.getState();
  const doc = { ...asRecord(store.getState().doc), name };
  const saved = await data<Pipeline>(
    api.pipelines.$post({ json: { doc, tags: [], visibility: 'private', message: '' } }),
  );
  afterSave(store, saved, revision);
  return saved;
}

/** Linked to what was saved; edits made while the request was on its way stay unsaved. */
function afterSave(store: StudioStore, saved: Pipeline, revision: number): void {
  linkDoc({ id: saved.id, version: saved.latestVersion, name: saved.name });
  if (store.getState().revision !== revision) serverDocStore.setState({ dirty: true });
}

export function conflictOf(e: unknown): SaveConflict | undefined {
  return e instanceof LibraryError && e.status === 409 && e.code === 'conflict' ? (e.body as SaveConflict) : undefined;
}
