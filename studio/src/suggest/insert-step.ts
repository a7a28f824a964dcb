import type { StudioState } from '../state/store-types.ts';

/**
 * Adds a node of `type` after the inspected node (fed from its output) and inspects it, so the grid shows the
 * new step's result. Returns the new id, or undefined when the store refused (it then shows the reason).
 */
export function insertStep(
  state: Pick<StudioState, 'dispatch' | 'inspect'>,
  after: string,
  type: string,
  params: Record<string, unknown>,
): string | undefined {
  const r = state.dispatch('add-node', { type, params, after: { source: after } });
  if (!r.ok) return undefined;
  state.inspect(r.result);
  return r.result;
}
