import { useStore } from 'zustand';
import { type Route, routeStore } from './route.ts';

export function useRoute(): Route {
  return useStore(routeStore, (s) => s.route);
}
