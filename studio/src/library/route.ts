import { createStore } from 'zustand/vanilla';

export type Route =
  | { page: 'editor' }
  | { page: 'login' }
  | { page: 'home' }
  | { page: 'requests' }
  | { page: 'request'; id: string }
  | { page: 'search'; q: string }
  | { page: 'pipelines' }
  | { page: 'templates' }
  | { page: 'template'; id: string }
  | { page: 'ranking' }
  | { page: 'datasets' }
  | { page: 'datamap' }
  | { page: 'models' }
  | { page: 'schedules' }
  | { page: 'dashboards' }
  | { page: 'dashboard'; id: string }
  | { page: 'runs'; pipelineId: string; scheduleId?: string };

/** `#/templates/abc` → a route; an empty or unknown hash is the editor (the studio's first screen). */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [head, id, sub] = parts;
  if (head === 'templates' && id) return { page: 'template', id: decodeURIComponent(id) };
  if (head === 'runs' && id) {
    return {
      page: 'runs',
      pipelineId: decodeURIComponent(id),
      ...(sub ? { scheduleId: decodeURIComponent(sub) } : {}),
    };
  }
  if (head === 'dashboards') return id ? { page: 'dashboard', id: decodeURIComponent(id) } : { page: 'dashboards' };
  if (head === 'schedules') return { page: 'schedules' };
  if (head === 'home') return { page: 'home' };
  if (head === 'requests') return id ? { page: 'request', id: decodeURIComponent(id) } : { page: 'requests' };
  if (head === 'search' && id) return { page: 'search', q: decodeURIComponent(id) };
  if (head === 'models') return { page: 'models' };
  if (head === 'datamap') return { page: 'datamap' };
  if (head === 'login' || head === 'pipelines' || head === 'templates' || head === 'ranking' || head === 'datasets') {
    return { page: head };
  }
  return { page: 'editor' };
}

export const routeStore = createStore<{ route: Route }>()(() => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => routeStore.setState({ route: parseHash(location.hash) }));
}

export function go(hash: string): void {
  location.hash = hash;
}
