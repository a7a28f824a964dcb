import { readFileSync } from 'node:fs';
import { SESSION_COOKIE } from './auth/cookie.ts';
import { CSRF_HEADER } from './middleware/csrf.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The document's frame; the paths come from each route's `createRoute`. Served at `/api/openapi.json`. */
export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Customs Analysis Studio',
    version,
    description:
      `Sign in with \`POST /api/auth/login\`: the session travels in the HTTP-only cookie \`${SESSION_COOKIE}\`. ` +
      `Every write made with that cookie must carry the session's CSRF token in \`${CSRF_HEADER}\` ` +
      '(returned by login and `GET /api/auth/session`). Errors are JSON `{ code, message }`.',
  },
  servers: [{ url: '/' }],
  security: [{ session: [] }],
  tags: [
    { name: 'auth', description: 'Sign-in, sessions, password' },
    { name: 'users', description: 'Accounts and roles (admin)' },
    { name: 'pipelines', description: 'Saved pipelines: visibility, search, trash' },
    { name: 'pipeline versions', description: 'History, diff, restore' },
    { name: 'system', description: 'Health' },
  ],
};
