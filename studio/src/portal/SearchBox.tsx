import { useEffect, useState } from 'react';
import { api, data } from '../library/api.ts';
import { go } from '../library/route.ts';
import { useSessionUser } from '../library/useSession.ts';
import type { SearchResult } from './api.ts';
import { SearchResults } from './SearchResults.tsx';
import { usePortalT } from './text.ts';
import './portal.css';

const DEBOUNCE_MS = 200;

/**
 * The header's search: hits appear while typing (not counted as searches); Enter opens the results page, which
 * counts the term in the popular searches. Shown only when signed in (search is per user).
 */
export function SearchBox() {
  const t = usePortalT();
  const user = useSessionUser();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SearchResult>();
  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setResult(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      data<SearchResult>(api.search.$get({ query: { q: term, limit: '4' } })).then(
        (r) => live && setResult(r),
        () => live && setResult(undefined),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  if (!user || user.mustChangePassword) return null;
  return (
    <div className="search-box">
      <input
        type="search"
        value={q}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        data-testid="global-search"
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key === 'Enter' && q.trim()) {
            setOpen(false);
            go(`#/search/${encodeURIComponent(q.trim())}`);
          }
        }}
      />
      {open && result && result.query === q.trim() && (
        <div className="search-panel" data-testid="search-panel">
          <SearchResults items={result.items} onOpen={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
