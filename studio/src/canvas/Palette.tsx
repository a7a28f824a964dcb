import { useMemo, useState } from 'react';
import { useStudio } from '../app/useStudio.ts';
import type { MessageKey } from '../i18n/ko.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { type PaletteEntry, paletteGroups } from './palette-groups.ts';
import { PALETTE_MIME, usePaletteAdd } from './usePaletteAdd.ts';

/** Node types by category, searchable in Korean or English; drag onto the canvas, or click / Enter to add. */
export function Palette() {
  const t = useT();
  const [lang] = useLang();
  const [query, setQuery] = useState('');
  const registry = useStudio((s) => s.analyzer?.registry);
  const add = usePaletteAdd();
  const entries = useMemo<PaletteEntry[]>(
    () =>
      [...(registry?.values() ?? [])].map((d) => ({
        type: d.type,
        category: d.category,
        label: d.label,
        description: d.description,
      })),
    [registry],
  );
  const groups = paletteGroups(entries, query);
  return (
    <div className="palette" data-testid="palette">
      <h2>{t('palette.title')}</h2>
      <input
        type="search"
        className="palette-search"
        placeholder={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = groups[0]?.entries[0];
          if (e.key === 'Enter' && first) add(first.type);
        }}
      />
      {!registry && <p className="muted small">{t('palette.loading')}</p>}
      {groups.map((g) => (
        <section key={g.category} className="palette-group">
          <h3>{t(`category.${g.category}` as MessageKey)}</h3>
          <ul>
            {g.entries.map((e) => (
              <li key={e.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  data-type={e.type}
                  title={e.description[lang]}
                  onDragStart={(ev) => {
                    ev.dataTransfer.setData(PALETTE_MIME, e.type);
                    ev.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => add(e.type)}
                >
                  {e.label[lang]}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
