import { useStore } from 'zustand';
import type { StudioState } from '../state/store-types.ts';
import { useServices } from './useServices.ts';

/**
 * A slice of the studio state; the component re-renders when the slice changes (compare by identity:
 * select stable values, or wrap the selector with zustand's `useShallow` for objects built on the fly).
 *
 * @example
 * const run = useStudio((s) => s.nodeRuns[id]);
 */
export function useStudio<T>(selector: (s: StudioState) => T): T {
  return useStore(useServices().store, selector);
}
