import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { api, data, type PipelineList } from './api.ts';
import { openFromServer } from './editor-actions.ts';
import { go } from './route.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';

/** My pipelines: search, tag filter, the trash; open one in the editor, delete or restore. */
export function PipelinesPage() {
  const t = useLibT();
  const { store, ready } = useServices();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [trash, setTrash] = useState(false);
  const [error, setError] = useState<string>();
  const query = {
    owner: 'me',
    deleted: trash ? 'true' : 'false',
    limit: '100',
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(tag ? { tag } : {}),
  } as const;
  const list = useLoad(() => data<PipelineList>(api.pipelines.$get({ query })), JSON.stringify(query));
  const tags = [...new Set(list.value?.items.flatMap((p) => p.tags) ?? [])].sort();

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      list.reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const open = (id: string) =>
    act(async () => {
      await openFromServer(store, ready, id);
      go('#/editor');
    });

  return (
    <section className="lib-page" data-testid="pipelines-page">
      <div className="lib-row">
        <h2>{t('pipelines.title')}</h2>
        <span className="lib-grow" />
        <input
          placeholder={t('common.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label={t('common.search')}
        />
        <select value={tag} onChange={(e) => setTag(e.target.value)} aria-label={t('common.tag')}>
          <option value="">
            {t('common.tag')}: {t('common.all')}
          </option>
          {tags.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={trash} onChange={(e) => setTrash(e.target.checked)} /> {t('common.trash')}
        </label>
      </div>
      {(error ?? list.error) && <p className="lib-error">{error ?? list.error}</p>}
      <table className="lib-table">
        <thead>
          <tr>
            <th>{t('template.name')}</th>
            <th>{t('common.tag')}</th>
            <th>{t('pipelines.version')}</th>
            <th>{t('pipelines.updated')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.value?.items.map((p) => (
            <tr key={p.id} data-pipeline={p.name}>
              <td>
                <b>{p.name}</b>
                <div className="lib-muted">{p.description}</div>
              </td>
              <td>
                {p.tags.map((x) => (
                  <span key={x} className="lib-tag">
                    {x}
                  </span>
                ))}
              </td>
              <td>v{p.latestVersion}</td>
              <td>{p.updatedAt.slice(0, 16).replace('T', ' ')}</td>
              <td className="lib-actions">
                {trash ? (
                  <button
                    type="button"
                    onClick={() => void act(() => data(api.pipelines[':id'].restore.$post({ param: { id: p.id } })))}
                  >
                    {t('common.restore')}
                  </button>
                ) : (
                  <>
                    <button type="button" className="primary" onClick={() => void open(p.id)}>
                      {t('common.open')}
                    </button>
                    {p.canEdit && (
                      <button
                        type="button"
                        onClick={() => void act(() => data(api.pipelines[':id'].$delete({ param: { id: p.id } })))}
                      >
                        {t('common.delete')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value?.items.length === 0 && <p className="lib-muted">{t('common.empty')}</p>}
    </section>
  );
}
