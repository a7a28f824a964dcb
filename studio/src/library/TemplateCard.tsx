import { useLang } from '../i18n/useLang.ts';
import type { TemplateSummary } from './api.ts';
import { descriptionIn, titleIn } from './bilingual.ts';
import { categoryLabel } from './categories.ts';
import { Stars } from './Stars.tsx';
import { useLibT } from './useLibT.ts';

export function TemplateCard({ template: x }: { template: TemplateSummary }) {
  const [lang] = useLang();
  const t = useLibT();
  return (
    <a className="lib-card lib-template-card" href={`#/templates/${x.id}`} data-template={x.title}>
      <div className="lib-row">
        <span className="lib-category">{categoryLabel(x.category, lang)}</span>
        {x.excellent && <span className="lib-badge">{t('templates.excellent')}</span>}
        {x.status === 'draft' && <span className="lib-tag">{t('publish.draft')}</span>}
      </div>
      {x.hasPreview && (
        <img className="lib-card-preview" src={`/api/templates/${x.id}/preview`} alt="" loading="lazy" />
      )}
      <h3 title={x.title}>{titleIn(x.title, lang)}</h3>
      <p className="lib-muted lib-clip">{descriptionIn(x.description, lang)}</p>
      <div>
        {x.tags.map((tag) => (
          <span key={tag} className="lib-tag">
            #{tag}
          </span>
        ))}
      </div>
      <div className="lib-row lib-muted">
        <Stars value={x.rating.average} />
        <span>
          {x.rating.average?.toFixed(1) ?? '–'} ({x.rating.count})
        </span>
        <span className="lib-grow" />
        <span>
          {t('templates.uses')} {x.useCount}
        </span>
      </div>
    </a>
  );
}
