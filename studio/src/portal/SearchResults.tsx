import { useLang } from '../i18n/useLang.ts';
import type { SearchHit } from './api.ts';
import { type Openable, useOpener } from './open.ts';
import { type PortalKey, usePortalT } from './text.ts';

const KIND_ORDER = ['pipeline', 'template', 'dataset', 'dashboard', 'request', 'node'] as const;

/** Hits grouped by kind, each opening where it belongs. */
export function SearchResults({ items, onOpen }: { items: SearchHit[]; onOpen?: () => void }) {
  const t = usePortalT();
  const [lang] = useLang();
  const open = useOpener();
  if (items.length === 0) return <p className="lib-muted">{t('search.none')}</p>;
  return (
    <div className="search-results" data-testid="search-results">
      {KIND_ORDER.filter((k) => items.some((i) => i.kind === k)).map((kind) => (
        <div key={kind} className="search-group">
          <div className="search-kind">{t(`search.kind.${kind}` as PortalKey)}</div>
          {items
            .filter((i) => i.kind === kind)
            .map((hit) => (
              <button
                type="button"
                key={`${hit.kind}/${hit.id}`}
                className="search-hit"
                data-kind={hit.kind}
                onMouseDown={(e) => e.preventDefault()} // keep the box focused until the click lands
                onClick={() => {
                  onOpen?.();
                  void open(hit.kind as Openable, hit.id);
                }}
              >
                <span className="search-title">{hit.label ? hit.label[lang] : hit.title}</span>
                {hit.snippet && <span className="search-snippet">{hit.snippet}</span>}
              </button>
            ))}
        </div>
      ))}
    </div>
  );
}
