import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/app.ts';

/** The last CSRF token from sign-in or `GET /api/auth/session`; sent on every request (writes need it). */
let csrf: string | undefined;
export const setCsrf = (token: string | undefined) => {
  csrf = token;
};
export const getCsrf = () => csrf;

/** The typed client: `api.pipelines.$get(...)` etc., with the session cookie and the CSRF header. */
export const client = hc<AppType>(typeof location === 'undefined' ? 'http://localhost/' : `${location.origin}/`, {
  init: { credentials: 'include' },
  headers: (): Record<string, string> => (csrf ? { 'X-CSRF-Token': csrf } : {}),
});
export const api = client.api;

/** An error answer from the server (`{code, message}`), with the HTTP status and the whole body (409s carry both docs). */
export class LibraryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** Resolves to the JSON body of a 2xx answer; anything else becomes a `LibraryError`. */
export async function data<T>(pending: Promise<Response>): Promise<T> {
  let res: Response;
  try {
    res = await pending;
  } catch (e) {
    throw new LibraryError(0, 'network', (e as Error).message, undefined);
  }
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const b = (body ?? {}) as { code?: unknown; message?: unknown };
    throw new LibraryError(
      res.status,
      typeof b.code === 'string' ? b.code : `http_${res.status}`,
      typeof b.message === 'string' ? b.message : res.statusText,
      body,
    );
  }
  return body as T;
}

export type Session = InferResponseType<typeof api.auth.session.$get, 200>;
export type PipelineList = InferResponseType<typeof api.pipelines.$get, 200>;
export type PipelineSummary = PipelineList['items'][number];
export type Pipeline = InferResponseType<(typeof api.pipelines)[':id']['$get'], 200>;
export type SaveConflict = InferResponseType<(typeof api.pipelines)[':id']['$put'], 409>;
export type VersionList = InferResponseType<(typeof api.pipelines)[':id']['versions']['$get'], 200>;
export type VersionDiff = InferResponseType<(typeof api.pipelines)[':id']['diff']['$get'], 200>;
export type TemplateList = InferResponseType<typeof api.templates.$get, 200>;
export type TemplateSummary = TemplateList['items'][number];
export type Template = InferResponseType<(typeof api.templates)[':id']['$get'], 200>;
export type Ranking = InferResponseType<typeof api.templates.ranking.$get, 200>;
export type PopularSearches = InferResponseType<typeof api.templates.searches.popular.$get, 200>;
export type DatasetList = InferResponseType<typeof api.datasets.$get, 200>;
export type Comments = InferResponseType<(typeof api.templates)[':id']['comments']['$get'], 200>;
export type RunList = InferResponseType<typeof api.runs.$get, 200>;
export type Run = RunList['items'][number];
export type ArtifactList = InferResponseType<(typeof api.runs)[':id']['artifacts']['$get'], 200>;
export type ScheduleList = InferResponseType<typeof api.schedules.$get, 200>;
export type Schedule = ScheduleList['items'][number];
export type SchedulePreview = InferResponseType<typeof api.schedules.preview.$get, 200>;
export type NotificationList = InferResponseType<typeof api.notifications.$get, 200>;
export type Notification = NotificationList['items'][number];
