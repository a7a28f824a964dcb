import type { StudioServices } from './services.ts';

declare global {
  interface Window {
    /** The running studio's services, for end-to-end tests and the browser console. */
    __studio?: StudioServices;
  }
}

/** Exposes the services on `window.__studio` (the e2e tests drive the same store the views use). */
export function exposeForTests(services: StudioServices): void {
  window.__studio = services;
}
