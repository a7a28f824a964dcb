import type { NodeStatus } from '../../../runtime/execute/events.ts';
import type { NodeResult } from './node-runs.ts';

/** A runtime status as the store keeps it: plain data (errors become message + param). */
export function resultOf(status: NodeStatus, signature: string): NodeResult {
  const r: NodeResult = {
    signature,
    state: status.state,
    rows: status.rows,
    ms: Math.round(status.ms),
    cached: status.cached,
    warnings: status.warnings,
  };
  if (status.fusedInto) r.fusedInto = status.fusedInto;
  if (status.schema) r.schema = status.schema;
  if (status.error) {
    r.message = status.error.message;
    if (status.error.param) r.param = status.error.param;
    if (status.error.msg) r.msg = status.error.msg;
  } else if (status.reason) {
    r.message = status.reason;
  }
  return r;
}
