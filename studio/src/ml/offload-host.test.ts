import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerOffloadHost } from './offload-host.ts';
import type { OffloadReply, OffloadRequest } from './offload-worker.ts';

/** A stand-in for the module worker: it answers what the test tells it to, and records being terminated. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<OffloadReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: OffloadRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: OffloadRequest) {
    this.received.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: OffloadReply) {
    this.onmessage?.({ data: r } as MessageEvent<OffloadReply>);
  }
}

describe('the studio worker host for offloaded node work', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('keeps one worker across runs, passes progress, and ends the worker on cancel; the next run gets a new one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const host = createWorkerOffloadHost();
    expect(host.handles('model.hs_code.suggest')).toBe(true);
    expect(host.handles('something.else')).toBe(false);

    const progress: number[] = [];
    const first = host.run('model.hs_code.suggest', { texts: [] }, { progress: (f) => progress.push(f) });
    const w = FakeWorker.made[0]!;
    const id = w.received[0]!.id;
    w.reply({ id, type: 'progress', fraction: 0.5 });
    w.reply({ id, type: 'done', result: { rows: [], predicted: 0 } });
    await expect(first).resolves.toEqual({ rows: [], predicted: 0 });
    expect(progress).toEqual([0.5]);

    // a second run reuses the worker (the index it built stays)
    const abort = new AbortController();
    const second = host.run('model.hs_code.suggest', { texts: [] }, { progress: () => {}, signal: abort.signal });
    expect(FakeWorker.made).toHaveLength(1);
    abort.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.terminated).toBe(true);

    // after a cancel, a fresh worker; an error in the task comes back as an error
    const third = host.run('model.hs_code.suggest', { texts: [] }, { progress: () => {} });
    const w2 = FakeWorker.made[1]!;
    w2.reply({ id: w2.received[0]!.id, type: 'error', message: 'boom' });
    await expect(third).rejects.toThrow('boom');
  });
});
