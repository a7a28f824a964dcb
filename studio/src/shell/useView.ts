import { useStore } from 'zustand';
import { type View, viewStore } from './view-store.ts';

export function useView(): [View, (view: View) => void] {
  return [useStore(viewStore, (s) => s.view), viewStore.getState().setView];
}
