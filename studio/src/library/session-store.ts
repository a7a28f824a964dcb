import { createStore } from 'zustand/vanilla';
import { api, data, type Session, setCsrf } from './api.ts';

type User = Session['user'];

interface SessionState {
  /** undefined: not asked yet; null: signed out. */
  user: User | null | undefined;
  refresh(): Promise<User | null>;
  login(username: string, password: string): Promise<User>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  logout(): Promise<void>;
}

/** Who is signed in, and the CSRF token that goes with the session cookie. */
export const sessionStore = createStore<SessionState>()((set, get) => ({
  user: undefined,
  async refresh() {
    try {
      const s = await data<Session>(api.auth.session.$get());
      setCsrf(s.csrfToken);
      set({ user: s.user });
      return s.user;
    } catch {
      setCsrf(undefined);
      set({ user: null });
      return null;
    }
  },
  async login(username, password) {
    const s = await data<Session>(api.auth.login.$post({ json: { username, password } }));
    setCsrf(s.csrfToken);
    set({ user: s.user });
    return s.user;
  },
  async changePassword(currentPassword, newPassword) {
    await data<unknown>(api.auth.password.$post({ json: { currentPassword, newPassword } }));
    await get().refresh();
  },
  async logout() {
    await data<unknown>(api.auth.logout.$post()).catch(() => undefined);
    setCsrf(undefined);
    set({ user: null });
  },
}));

/**
 * Ask at start-up who is signed in, but only when this browser signed in before: the session cookie is
 * HTTP-only, and asking while signed out logs a 401 in the console on every start.
 */
const SIGNED_IN = 'customs-studio.signed-in';
const remember = (on: boolean) => {
  try {
    if (on) localStorage.setItem(SIGNED_IN, '1');
    else localStorage.removeItem(SIGNED_IN);
  } catch {}
};
sessionStore.subscribe((s) => {
  if (s.user !== undefined) remember(s.user !== null);
});
if (typeof window !== 'undefined') {
  let before = false;
  try {
    before = localStorage.getItem(SIGNED_IN) === '1';
  } catch {}
  if (before) void sessionStore.getState().refresh();
  else sessionStore.setState({ user: null });
}
