import { createStore } from 'zustand/vanilla';

/**
 * Which server pipeline the editor's document is linked to, the version the edits started from, and whether
 * it changed since it was last opened or saved. Only a linked document can overwrite a pipeline; every other
 * way of starting a document (new, a file, a template's copy, a shipped example) starts unlinked, and its
 * first server save creates a new pipeline. Kept with the autosave, so a reload keeps the link.
 */
export interface ServerDoc {
  pipelineId: string | null;
  baseVersion: number | null;
  /** The pipeline's name on the server when it was linked. */
  name: string | null;
  /** Edited since the last open or save (an unlinked document is never "saved"). */
  dirty: boolean;
}

export const UNLINKED: ServerDoc = { pipelineId: null, baseVersion: null, name: null, dirty: true };

export const serverDocStore = createStore<ServerDoc>()(() => UNLINKED);

/** After opening or saving a server pipeline: linked to it, nothing unsaved. */
export function linkDoc(p: { id: string; version: number; name: string }): void {
  serverDocStore.setState({ pipelineId: p.id, baseVersion: p.version, name: p.name, dirty: false });
}

/** A document that is not on the server (yet). */
export function unlinkDoc(): void {
  serverDocStore.setState(UNLINKED);
}

/** An edit happened: a linked document now differs from its saved version. */
export function markDirty(): void {
  if (!serverDocStore.getState().dirty) serverDocStore.setState({ dirty: true });
}

/** What "서버에 저장" does with this document: create a new pipeline, or a new version of the linked one. */
export type SaveTarget = { kind: 'create' } | { kind: 'update'; pipelineId: string; baseVersion: number };

export function saveTarget(doc: ServerDoc, baseOverride?: number): SaveTarget {
  if (doc.pipelineId === null) return { kind: 'create' };
  return { kind: 'update', pipelineId: doc.pipelineId, baseVersion: baseOverride ?? doc.baseVersion ?? 1 };
}

/** The link as kept in the autosave record (absent for an unlinked document). */
export type SavedLink = { pipelineId: string; version: number; name: string; dirty: boolean };

export function linkRecord(doc: ServerDoc): SavedLink | undefined {
  if (doc.pipelineId === null || doc.baseVersion === null) return undefined;
  return { pipelineId: doc.pipelineId, version: doc.baseVersion, name: doc.name ?? '', dirty: doc.dirty };
}

export function restoreLink(saved: SavedLink | undefined): void {
  if (!saved || typeof saved.pipelineId !== 'string' || typeof saved.version !== 'number') {
    unlinkDoc();
    return;
  }
  serverDocStore.setState({
    pipelineId: saved.pipelineId,
    baseVersion: saved.version,
    name: typeof saved.name === 'string' ? saved.name : null,
    dirty: saved.dirty === true,
  });
}
