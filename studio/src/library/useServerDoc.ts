import { useStore } from 'zustand';
import { serverDocStore } from './server-doc-store.ts';

export function useServerDoc() {
  return useStore(serverDocStore);
}
