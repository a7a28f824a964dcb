import { useEffect } from 'react';
import { go } from '../library/route.ts';
import { useSessionUser } from '../library/useSession.ts';

/** The address the page was opened at: only a bare one (no `#/…`) is taken to the home page. */
const openedAt = typeof location === 'undefined' ? '#/editor' : location.hash;
let done = false;

/**
 * Home is the first page when signed in: a studio opened at its bare address by a signed-in officer goes to
 * `#/home` once the session is known (signed out, the editor stays the first screen; any explicit address wins).
 */
export function useHomeFirst(): void {
  const user = useSessionUser();
  useEffect(() => {
    if (done || user === undefined) return;
    done = true;
    const bare = openedAt === '' || openedAt === '#' || openedAt === '#/';
    if (bare && user && !user.mustChangePassword && (location.hash === '' || location.hash === '#/')) go('#/home');
  }, [user]);
}
