import { useState } from 'react';
import type { TemplateCategory } from '../../../server/db/schema.ts';
import { useLang } from '../i18n/useLang.ts';
import { api, data, type TemplateList } from './api.ts';
import { CATEGORIES, categoryLabel } from './categories.ts';
import { TemplateCard } from './TemplateCard.tsx';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';

type Sort = 'recent' | 'uses' | 'rating';

/** The template gallery: cards, with search, category/tag filters, excellent cases only, and the sort. */
export function TemplatesPage() {
  const [lang] = useLang();
  const t = useLibT();
  const [q, setQ] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [category, setCategory] = useState<TemplateCategory | ''>('');
  const [tag, setTag] = useState('');
  const [excellent, setExcellent] = useState(false);
  const [sort, setSort] = useState<Sort>('recent');
  const query = {
    sort,
    limit: '100',
    ...(submitted ? { q: submitted } : {}),
    ...(category ? { category } : {}),
    ...(tag ? { tag } : {}),
    ...(excellent ? { excellent: 'true' as const } : {}),
  };
  const list = useLoad(() => data<TemplateList>(api.templates.$get({ query })), JSON.stringify(query));
  const tags = [...new Set(list.value?.items.flatMap((x) => x.tags) ?? [])].sort();

  return (
    <section className="lib-page" data-testid="templates-page">
      <div className="lib-row lib-wrap">
        <h2>{t('templates.title')}</h2>
        <span className="lib-grow" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted(q.trim()); // one logged search per submit, not per keystroke
          }}
        >
          <input
            placeholder={t('common.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-label={t('common.search')}
          />
        </form>
        <select
          value={category}
          onChange={(e) => setCategory(e.target.value as TemplateCategory | '')}
          aria-label={t('templates.category')}
        >
          <option value="">
            {t('templates.category')}: {t('common.all')}
          </option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c, lang)}
            </option>
          ))}
        </select>
        <select value={tag} onChange={(e) => setTag(e.target.value)} aria-label={t('common.tag')}>
          <option value="">
            {t('common.tag')}: {t('common.all')}
          </option>
          {tags.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
        <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="recent">{t('templates.sort.recent')}</option>
          <option value="uses">{t('templates.sort.uses')}</option>
          <option value="rating">{t('templates.sort.rating')}</option>
        </select>
        <label>
          <input type="checkbox" checked={excellent} onChange={(e) => setExcellent(e.target.checked)} />{' '}
          {t('templates.onlyExcellent')}
        </label>
      </div>
      {list.error && <p className="lib-error">{list.error}</p>}
      <div className="lib-grid">
        {list.value?.items.map((x) => (
          <TemplateCard key={x.id} template={x} />
        ))}
      </div>
      {list.value?.items.length === 0 && <p className="lib-muted">{t('common.empty')}</p>}
    </section>
  );
}
