import type { RunEvent } from '../../../runtime/execute/events.ts';
import type { Session } from '../engine/session.ts';
import { issueText } from '../node-view/issue-text.ts';
import { downstream } from '../state/doc/graph.ts';
import type { StudioStore } from '../state/store.ts';
import { planRun, type RunPlan } from './run-plan.ts';

/** The grid's first window (`PAGE_ROWS` in useGridData) is what an edit must refresh quickly. */
const PREVIEW_ROWS = 200;
const PREVIEW_TABLE = '__studio_preview';

export interface RunController {
  /** Runs now, even when auto-run is off or nothing changed. */
  runNow(): void;
  /** Stops the current run; its nodes end `cancelled` and auto-run waits for the next edit. */
  cancel(): void;
  dispose(): void;
}

/**
 * Runs the runnable part of the document after each change, debounced; a newer change aborts the run in
 * flight. The runtime's content-key cache makes each run incremental: only nodes whose key changed execute.
 * The inspected node is previewed first (its first rows, for the grid) and handed to the grid as a partial
 * inspection; the full run (the node materialized, counted, then profiled by the inspector) follows, and is
 * what the next edit cancels. Node states flow into the store as the runtime reports them.
 */
export function startRunController(
  store: StudioStore,
  session: () => Promise<Session>,
  options: { debounceMs?: number } = {},
): RunController {
  const debounceMs = options.debounceMs ?? 300;
  let lastKey: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { abort: AbortController; done: Promise<void> } | undefined;
  let seq = 0;

  const execute = async (plan: RunPlan, token: number, abort: AbortController, previous: Promise<void>) => {
    await previous;
    if (token !== seq) return;
    const s = store.getState;
    const { runtime } = await session();
    if (token !== seq) return;
    s().runStarted(plan.pipeline.order.length);
    const failedInPreview = new Set<string>();
    const forward =
      (hide?: string) =>
      (event: RunEvent): void => {
        if (token !== seq) return;
        if (event.type === 'node-end' && event.status.state === 'error') failedInPreview.add(event.status.nodeId);
        if (event.type === 'node-start') s().nodeStarted(event.nodeId);
        else if (event.type === 'node-progress') s().nodeProgress(event.nodeId, event.fraction);
        else if (event.type === 'node-end' && !(event.status.nodeId === hide && event.status.state === 'done'))
          s().nodeEnded(event.status, plan.signatures[event.status.nodeId] ?? '');
      };
    const started = performance.now();
    const id = plan.inspected;
    const signature = id ? (plan.signatures[id] ?? '') : '';
    const shown = s().inspection;
    if (id && !(shown && !shown.partial && shown.nodeId === id && shown.signature === signature)) {
      // The grid's first window first: a LIMIT over the fused query. The node stays `running` (its done
      // is hidden) until the full result below has its row count.
      const preview = await runtime
        .previewInto(plan.pipeline, id, PREVIEW_TABLE, {
          limit: PREVIEW_ROWS,
          signal: abort.signal,
          onEvent: forward(id),
        })
        .catch(() => undefined); // its error reached the node through the events; the full run reports it again
      if (token !== seq) return;
      if (preview) {
        const { relation, rows, table } = preview;
        const ms = performance.now() - started;
        s().setInspection({ nodeId: id, signature, relation, rows, ms, partial: true, firstRows: table });
      }
    }
    // A node that failed in the preview is not run again (a code node would spend its time limit twice, and
    // its card would flick from error back to running); what depends on it is skipped, the rest runs.
    const edges = plan.pipeline.doc.edges;
    const blocked = downstream(failedInPreview, edges);
    for (const skipped of blocked) {
      if (failedInPreview.has(skipped) || plan.pipeline.nodes.get(skipped)?.def.kind === 'sink') continue;
      const culprit = [...failedInPreview].find((f) => downstream([f], edges).has(skipped)) ?? '';
      s().nodeEnded(
        {
          nodeId: skipped,
          state: 'skipped',
          rows: null,
          ms: 0,
          cached: false,
          warnings: [],
          reason: `upstream node "${culprit}" failed`,
        },
        plan.signatures[skipped] ?? '',
      );
    }
    const targets = plan.targets.filter((t) => !blocked.has(t));
    if (targets.length === 0) {
      s().setInspection(undefined);
      s().runEnded(performance.now() - started);
      return;
    }
    // The inspected node's done is reported once its table is handed to the grid, so whoever sees it done
    // (the card, the tests) also finds its full result there.
    const result = await runtime.run(plan.pipeline, {
      targets,
      signal: abort.signal,
      onEvent: forward(id),
    });
    if (token !== seq) return;
    const status = id ? result.nodes.find((n) => n.nodeId === id) : undefined;
    const relation = id ? result.relations.get(id) : undefined;
    s().setInspection(
      id && relation && status?.state === 'done'
        ? { nodeId: id, signature, relation, rows: status.rows ?? 0, ms: performance.now() - started }
        : undefined,
    );
    if (status?.state === 'done') s().nodeEnded(status, signature);
    s().runEnded(result.ms);
  };

  const start = (plan: RunPlan) => {
    lastKey = plan.key;
    current?.abort.abort();
    const token = ++seq;
    const abort = new AbortController();
    const previous = current?.done ?? Promise.resolve();
    const done = execute(plan, token, abort, previous).catch((e: unknown) => {
      if (token !== seq || abort.signal.aborted) return;
      store.getState().runEnded(0);
      store.getState().notify('error', {
        ko: `실행 실패: ${issueText((e as Error).message, 'ko')}`,
        en: `Run failed: ${issueText((e as Error).message, 'en')}`,
      });
    });
    current = { abort, done };
  };

  const schedule = () => {
    const s = store.getState();
    const plan = planRun(s);
    if (!plan || !s.autoRun || plan.key === lastKey) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const fresh = planRun(store.getState());
      if (fresh && fresh.key !== lastKey) start(fresh);
    }, debounceMs);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.analysis !== prev.analysis || s.inspected !== prev.inspected || s.autoRun !== prev.autoRun) schedule();
  });
  schedule();

  return {
    runNow() {
      clearTimeout(timer);
      const plan = planRun(store.getState());
      if (plan) start(plan);
    },
    cancel() {
      clearTimeout(timer);
      current?.abort.abort();
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
      current?.abort.abort();
    },
  };
}
