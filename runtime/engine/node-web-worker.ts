import { Worker as NodeWorker } from 'node:worker_threads';

/**
 * Just enough of the W3C `Worker` API, over `node:worker_threads`, for duckdb-wasm's AsyncDuckDB to drive its
 * Node worker script (`duckdb-node-eh.worker.cjs`). The `web-worker` polyfill hangs here (stack-notes §2(b)).
 */
export class NodeWebWorker extends EventTarget {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  private readonly worker: NodeWorker;
  private exited: Promise<void>;

  constructor(scriptPath: string) {
    super();
    // The worker script is CommonJS expecting a browser-like global scope. Its request handler logs every failed
    // statement with console.log before replying with the error; silence that, the error reaches the caller anyway.
    this.worker = new NodeWorker(
      `const { parentPort } = require('node:worker_threads');
      console.log = () => {};
      globalThis.postMessage = (msg, transfer) => parentPort.postMessage(msg, transfer);
      require(${JSON.stringify(scriptPath)});
      parentPort.on('message', (data) => globalThis.onmessage && globalThis.onmessage({ data }));`,
      { eval: true },
    );
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (data: unknown) => {
      const ev = new MessageEvent('message', { data });
      this.dispatchEvent(ev);
      this.onmessage?.(ev);
    });
    this.worker.on('error', (error: Error) => {
      this.dispatchEvent(Object.assign(new Event('error'), { error, message: error.message }));
    });
    this.worker.on('exit', () => this.dispatchEvent(new Event('close')));
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    // worker_threads' transfer list type differs from the DOM's; the buffers AsyncDuckDB passes are ArrayBuffers.
    this.worker.postMessage(message, transfer as unknown as ArrayBuffer[]);
  }

  terminate(): void {
    void this.worker.terminate();
  }

  /** Resolves once the thread has exited (after `terminate()`), so test runners can finish. */
  async whenExited(): Promise<void> {
    await this.exited;
  }
}
