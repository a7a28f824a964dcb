import type { InferResponseType } from 'hono/client';
import type { api } from '../library/api.ts';

export type Home = InferResponseType<typeof api.home.$get, 200>;
export type SearchResult = InferResponseType<typeof api.search.$get, 200>;
export type SearchHit = SearchResult['items'][number];
export type RequestList = InferResponseType<typeof api.requests.$get, 200>;
export type AnalysisRequest = RequestList['items'][number];
export type RequestDetail = InferResponseType<(typeof api.requests)[':id']['$get'], 200>;
export type Analysts = InferResponseType<typeof api.requests.analysts.$get, 200>;
