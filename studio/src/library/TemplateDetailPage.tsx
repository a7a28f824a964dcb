import { useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { api, type Comments, data, type Template } from './api.ts';
import { descriptionIn, titleIn } from './bilingual.ts';
import { categoryLabel } from './categories.ts';
import { Stars } from './Stars.tsx';
import { errorText } from './text.ts';
import { UseTemplateDialog } from './UseTemplateDialog.tsx';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';
import { useSessionUser } from './useSession.ts';

/** One template: description, parameters, your stars, comments, and "사용하기". */
export function TemplateDetailPage({ id }: { id: string }) {
  const [lang] = useLang();
  const t = useLibT();
  const template = useLoad(() => data<Template>(api.templates[':id'].$get({ param: { id } })), id);
  const comments = useLoad(() => data<Comments>(api.templates[':id'].comments.$get({ param: { id } })), id);
  const user = useSessionUser();
  const reviewer = user?.role === 'reviewer' || user?.role === 'admin';
  const [using, setUsing] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const x = template.value;

  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(undefined);
      await work();
      template.reload();
      comments.reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  if (!x)
    return <section className="lib-page">{template.error && <p className="lib-error">{template.error}</p>}</section>;
  return (
    <section className="lib-page lib-detail" data-testid="template-detail">
      <div className="lib-row">
        <span className="lib-category">{categoryLabel(x.category, lang)}</span>
        {x.excellent && <span className="lib-badge">{t('templates.excellent')}</span>}
        {x.status === 'draft' && <span className="lib-tag">{t('publish.draft')}</span>}
        {reviewer && x.status === 'published' && (
          <button
            type="button"
            data-testid="mark-excellent"
            onClick={() =>
              void act(() =>
                data(api.templates[':id'].excellent.$put({ param: { id }, json: { excellent: !x.excellent } })),
              )
            }
          >
            {t(x.excellent ? 'template.unmarkExcellent' : 'template.markExcellent')}
          </button>
        )}
      </div>
      <div className="lib-row">
        <h2 title={x.title}>{titleIn(x.title, lang)}</h2>
        <span className="lib-grow" />
        <button type="button" className="primary" onClick={() => setUsing(true)} data-testid="use-template">
          {t('template.use')}
        </button>
      </div>
      <p className="lib-muted">
        {x.owner.displayName} · v{x.pipelineVersion} · {t('templates.uses')} {x.useCount}
      </p>
      {x.hasPreview && <img className="lib-preview" src={`/api/templates/${x.id}/preview`} alt="" />}
      <p className="lib-description">{descriptionIn(x.description, lang)}</p>
      <div>
        {x.tags.map((tag) => (
          <span key={tag} className="lib-tag">
            #{tag}
          </span>
        ))}
      </div>
      {error && <p className="lib-error">{error}</p>}
      <div className="lib-columns">
        <div className="lib-card">
          <h3>{t('template.params')}</h3>
          {x.parameters.length === 0 && <p className="lib-muted">{t('common.empty')}</p>}
          <ul>
            {x.parameters.map((p) => (
              <li key={p.name}>
                <b>{p.label ?? p.name}</b> <span className="lib-muted">({t(`template.paramType.${p.type}`)})</span>
                {p.default !== undefined &&
                  ` = ${typeof p.default === 'number' ? parameterNumber(p.default, lang) : String(p.default)}`}{' '}
                <code className="lib-muted" title={p.name}>
                  {`{{${p.name}}}`}
                </code>
              </li>
            ))}
          </ul>
          <h3>{t('template.yourVote')}</h3>
          <div className="lib-row">
            {x.canEdit ? (
              <Stars value={x.rating.average} />
            ) : (
              <Stars
                value={x.myRating}
                testId="my-rating"
                onRate={(stars) =>
                  void act(() => data(api.templates[':id'].rating.$put({ param: { id }, json: { stars } })))
                }
              />
            )}
            <span className="lib-muted" data-testid="rating-summary">
              {x.rating.average?.toFixed(1) ?? '–'} ({x.rating.count})
            </span>
          </div>
        </div>
        <div className="lib-card">
          <h3>{t('template.comments')}</h3>
          <ul className="lib-comments">
            {comments.value?.items.map((c) => (
              <li key={c.id}>
                <b>{c.author.displayName}</b>{' '}
                <span className="lib-muted">{c.createdAt.slice(0, 16).replace('T', ' ')}</span>
                <div>{c.body}</div>
                {c.canDelete && (
                  <button
                    type="button"
                    onClick={() =>
                      void act(() =>
                        data(api.templates[':id'].comments[':commentId'].$delete({ param: { id, commentId: c.id } })),
                      )
                    }
                  >
                    {t('common.delete')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form
            className="lib-row"
            onSubmit={(e) => {
              e.preventDefault();
              const body = comment.trim();
              if (body)
                void act(() => data(api.templates[':id'].comments.$post({ param: { id }, json: { body } }))).then(() =>
                  setComment(''),
                );
            }}
          >
            <input
              className="lib-grow"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-label={t('template.addComment')}
            />
            <button type="submit">{t('template.addComment')}</button>
          </form>
        </div>
      </div>
      {using && <UseTemplateDialog template={x} onClose={() => setUsing(false)} />}
    </section>
  );
}

/** A parameter's number as an officer types it: amounts grouped (10,000,000), a year or a count of four digits not (2024). */
function parameterNumber(value: number, lang: string): string {
  return value.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', { useGrouping: Math.abs(value) >= 10_000 });
}
