import type { Patch } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import { ActionRefused } from './actions/define-action.ts';
import type { Analyzer } from './analysis/types.ts';
import { emptyAnalysis } from './analysis/types.ts';
import { emptyDoc } from './doc/empty-doc.ts';
import * as history from './history.ts';
import { performAction } from './perform-action.ts';
import { presentationOnly } from './presentation-only.ts';
import { analyzeState, knownSchemas } from './recompute.ts';
import { resultOf } from './result-of.ts';
import type { StudioState } from './store-types.ts';

export type StudioStore = StoreApi<StudioState>;

export interface StudioStoreOptions {
  doc?: PipelineDoc;
  analyzer?: Analyzer;
}

/**
 * The studio's one store: the document, its undo history, what is derived from it (issues, schemas,
 * signatures), run results and UI state. Edits go through `dispatch(name, args)` (see `actions/registry.ts`).
 *
 * @example
 * const store = createStudioStore({ analyzer: createAnalyzer(registry) });
 * const r = store.getState().dispatch('add-node', { type: 'prep.filter', after: { source: 'decl_1' } });
 * if (r.ok) store.getState().inspect(r.result);
 */
export function createStudioStore(options: StudioStoreOptions = {}): StudioStore {
  return createStore<StudioState>()((set, get) => {
    /** Sets a new document and everything derived from it (kept when `patches` change only presentation). */
    const commit = (doc: PipelineDoc, extra: Partial<StudioState> = {}, patches?: Patch[]) => {
      const s = get();
      const keep = patches && presentationOnly(patches) ? s.analysis : undefined;
      set({ doc, revision: s.revision + 1, ...extra, ...analyzeState({ ...s, ...extra, doc }, keep) });
    };
    /** Selection and inspected node kept only where their nodes still exist in `doc` (after undo, redo, delete). */
    const pruned = (doc: PipelineDoc): Pick<StudioState, 'selection' | 'inspected'> => {
      const s = get();
      const alive = new Set(doc.nodes.map((n) => n.id));
      const selection = s.selection.filter((id) => alive.has(id));
      return {
        selection: selection.length === s.selection.length ? s.selection : selection,
        inspected: s.inspected && alive.has(s.inspected) ? s.inspected : undefined,
      };
    };
    const initial = options.doc ?? emptyDoc('새 파이프라인');
    const base = {
      doc: initial,
      history: history.emptyHistory,
      analyzer: options.analyzer,
      analysis: emptyAnalysis,
      results: {},
      running: {},
      nodeRuns: {},
      run: { active: false, done: 0, total: 0 },
    };
    return {
      ...base,
      ...analyzeState(base),
      autoRun: true,
      selection: [],
      inspected: undefined,
      inspection: undefined,
      engine: { state: 'off' },
      loads: {},
      notice: undefined,
      revision: 0,

      dispatch(name, args, opts = {}) {
        const s = get();
        try {
          const done = performAction(s.doc, name, args, { registry: s.analyzer?.registry });
          if (done.patches.length === 0) return { ok: true, result: done.result };
          const entry = { action: name, patches: done.patches, inverse: done.inverse, squashKey: opts.squash };
          const h = opts.capture === 'never' ? s.history : history.record(s.history, entry);
          commit(done.doc, { history: h, ...pruned(done.doc) }, done.patches);
          return { ok: true, result: done.result };
        } catch (e) {
          if (!(e instanceof ActionRefused)) throw e;
          get().notify('refused', e.reason);
          return { ok: false, reason: e.reason };
        }
      },
      check(name, args) {
        const s = get();
        try {
          performAction(s.doc, name, args, { registry: s.analyzer?.registry });
          return { ok: true };
        } catch (e) {
          if (e instanceof ActionRefused) return { ok: false, reason: e.reason };
          throw e;
        }
      },
      undo() {
        const s = get();
        const step = history.undo(s.history, s.doc);
        if (step)
          commit(
            step.doc,
            { history: step.history, ...pruned(step.doc) },
            s.history.past[s.history.past.length - 1]?.inverse,
          );
        return step !== undefined;
      },
      redo() {
        const s = get();
        const step = history.redo(s.history, s.doc);
        if (step)
          commit(
            step.doc,
            { history: step.history, ...pruned(step.doc) },
            s.history.future[s.history.future.length - 1]?.patches,
          );
        return step !== undefined;
      },
      closeStep: () => set({ history: history.closeStep(get().history) }),
      load(doc) {
        commit(doc, { history: history.emptyHistory, selection: [], inspected: undefined, inspection: undefined });
      },
      setAnalyzer(analyzer) {
        const s = get();
        set({ analyzer, ...analyzeState({ ...s, analyzer }) });
      },
      select: (ids) => set({ selection: [...new Set(ids)] }),
      inspect: (id) => set({ inspected: id }),
      setAutoRun: (on) => set({ autoRun: on }),
      notify: (kind, text) => set({ notice: { kind, text, at: Date.now() } }),

      runStarted(total) {
        const s = get();
        set({ run: { active: true, done: 0, total }, running: {}, ...analyzeState({ ...s, running: {} }, s.analysis) });
      },
      nodeStarted(id) {
        const s = get();
        const running = { ...s.running, [id]: -1 };
        set({ running, ...analyzeState({ ...s, running }, s.analysis) });
      },
      nodeProgress(id, fraction) {
        const s = get();
        if (s.running[id] === undefined) return;
        const running = { ...s.running, [id]: fraction };
        set({ running, ...analyzeState({ ...s, running }, s.analysis) });
      },
      nodeEnded(status, signature) {
        const s = get();
        const { [status.nodeId]: _, ...running } = s.running;
        const results = { ...s.results, [status.nodeId]: resultOf(status, signature) };
        const had = s.analysis.schemas[status.nodeId];
        const learned = status.schema && (!had || had.some((c) => c.type === 'UNKNOWN'));
        const next = { ...s, running, results };
        set({
          running,
          results,
          run: { ...s.run, done: s.run.done + 1 },
          ...analyzeState(next, learned ? undefined : s.analysis),
        });
      },
      runEnded(ms) {
        const s = get();
        const next = { ...s, running: {} };
        set({
          running: {},
          run: { active: false, done: s.run.done, total: s.run.total, ms },
          ...analyzeState(next, s.analysis),
        });
      },
      setInspection(inspection) {
        const old = get().inspection;
        const same =
          old &&
          inspection &&
          old.nodeId === inspection.nodeId &&
          old.relation === inspection.relation &&
          old.signature === inspection.signature &&
          old.rows === inspection.rows &&
          old.partial === inspection.partial;
        // An unchanged result keeps its object, so the grid and profile do not read it again.
        if (!same) set({ inspection });
      },
      setEngine: (engine) => set({ engine }),
      setLoad: (load) => set({ loads: { ...get().loads, [load.name]: load } }),
    };
  });
}

export { knownSchemas };
