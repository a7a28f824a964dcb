// Long per-row JavaScript work inside a node (text models score one item at a time) runs where the runtime runs:
// on the studio's page it would hold the page still until the last row, and a cancel would wait for it. A
// breather gives the event loop a turn every few tens of milliseconds and stops the work when the run is cancelled.

/** Call `await breathe()` between rows: it yields once `budgetMs` have passed since the last yield, and throws when `signal` is aborted. */
export function breather(signal: AbortSignal | undefined, budgetMs = 30): () => Promise<void> {
  let since = performance.now();
  return async () => {
    signal?.throwIfAborted();
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    signal?.throwIfAborted();
    since = performance.now();
  };
}
