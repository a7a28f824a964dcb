import { useStore } from 'zustand';
import { sessionStore } from './session-store.ts';

export function useSessionUser() {
  return useStore(sessionStore, (s) => s.user);
}
