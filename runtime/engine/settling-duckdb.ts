import { AsyncDuckDB } from '@duckdb/duckdb-wasm';

/**
 * AsyncDuckDB whose requests settle when its worker fails. duckdb-wasm 1.32's `onError` (an uncaught error in the
 * worker) and `onClose` (the worker gone) only log and drop the pending requests: every caller awaiting one, and the
 * engine's serial queue behind it, would wait forever with nothing on screen. Here they are rejected with the
 * worker's error, so the caller says what went wrong and the next statement runs.
 */
export class SettlingAsyncDuckDB extends AsyncDuckDB {
  protected override onError(event: ErrorEvent): void {
    this.rejectPending(`DuckDB worker error: ${event.message || 'unknown error'}`);
    super.onError(event);
  }

  protected override onClose(): void {
    this.rejectPending('DuckDB worker stopped');
    super.onClose();
  }

  private rejectPending(message: string): void {
    const pending = [...this._pendingRequests.values()];
    this._pendingRequests.clear();
    const error = new Error(message);
    for (const task of pending) task.promiseRejecter(error);
  }
}
