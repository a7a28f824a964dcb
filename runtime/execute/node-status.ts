import type { NodeStatus, RunEvent } from './events.ts';

/** A node's status with nothing measured yet. */
export function blank(nodeId: string, state: NodeStatus['state']): NodeStatus {
  return { nodeId, state, rows: null, ms: 0, cached: false, warnings: [] };
}

/** Each node's outcome as it is decided, told to the listener with the run's progress. */
export class StatusBoard {
  readonly statuses = new Map<string, NodeStatus>();

  constructor(
    private readonly total: number,
    private readonly emit: (event: RunEvent) => void,
  ) {}

  finish(status: NodeStatus): void {
    this.statuses.set(status.nodeId, status);
    this.emit({ type: 'node-end', status });
    this.emit({ type: 'progress', done: this.statuses.size, total: this.total });
  }

  get(nodeId: string): NodeStatus | undefined {
    return this.statuses.get(nodeId);
  }
}
