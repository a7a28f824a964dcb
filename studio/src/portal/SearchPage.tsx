import { api, data } from '../library/api.ts';
import { useLoad } from '../library/useLoad.ts';
import type { SearchResult } from './api.ts';
import { SearchResults } from './SearchResults.tsx';
import { usePortalT } from './text.ts';

/** Everything found for a submitted search (which counts in the popular searches). */
export function SearchPage({ q }: { q: string }) {
  const t = usePortalT();
  const found = useLoad(
    () => data<SearchResult>(api.search.$get({ query: { q, limit: '20', record: 'true' } })),
    `search/${q}`,
  );
  return (
    <section className="lib-page" data-testid="search-page">
      <h2>{t('search.title', { q })}</h2>
      {found.error && <p className="lib-error">{found.error}</p>}
      {found.value && <SearchResults items={found.value.items} />}
    </section>
  );
}
