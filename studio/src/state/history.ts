import { applyPatches, enablePatches, type Patch } from 'immer';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';

enablePatches();

/** One undo step: the patches that made it and the inverse patches that take it back. */
export interface HistoryEntry {
  action: string;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive entries with the same key are one step (a drag, typing into one field). */
  squashKey?: string;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { past: [], future: [] };

/** Adds a step (dropping the redo stack), merged into the last one when both carry the same squash key. */
export function record(history: History, entry: HistoryEntry): History {
  const last = history.past[history.past.length - 1];
  if (last && entry.squashKey !== undefined && last.squashKey === entry.squashKey) {
    const merged: HistoryEntry = {
      ...last,
      patches: [...last.patches, ...entry.patches],
      inverse: [...entry.inverse, ...last.inverse],
    };
    return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  return { past: [...history.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

/** Takes back the last step; undefined when there is none. */
export function undo(history: History, doc: PipelineDoc): { history: History; doc: PipelineDoc } | undefined {
  const last = history.past[history.past.length - 1];
  if (!last) return undefined;
  return {
    doc: applyPatches(doc, last.inverse),
    history: { past: history.past.slice(0, -1), future: [...history.future, { ...last, squashKey: undefined }] },
  };
}

/** Re-applies the last undone step; undefined when there is none. */
export function redo(history: History, doc: PipelineDoc): { history: History; doc: PipelineDoc } | undefined {
  const next = history.future[history.future.length - 1];
  if (!next) return undefined;
  return {
    doc: applyPatches(doc, next.patches),
    history: { past: [...history.past, next], future: history.future.slice(0, -1) },
  };
}

/** Ends the current squash run, so the next edit with the same key is its own step (a drag ended). */
export function closeStep(history: History): History {
  const last = history.past[history.past.length - 1];
  if (!last || last.squashKey === undefined) return history;
  return { ...history, past: [...history.past.slice(0, -1), { ...last, squashKey: undefined }] };
}
