import { useRef, useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { isImageFormat } from '../sources/samples.ts';
import { api, type DatasetList, data, getCsrf } from './api.ts';
import { go } from './route.ts';
import { errorText } from './text.ts';
import { uploadDataset } from './upload.ts';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';

const bytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;

/** The dataset catalogue: size, rows, owner and the pipelines using each; upload with progress. */
export function DatasetsPage() {
  const t = useLibT();
  const { store, ready } = useServices();
  const [q, setQ] = useState('');
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const query = { limit: '100', ...(q.trim() ? { q: q.trim() } : {}) };
  const list = useLoad(() => data<DatasetList>(api.datasets.$get({ query })), JSON.stringify(query));

  const upload = async (file: File) => {
    setError(undefined);
    setProgress(0);
    try {
      await uploadDataset(file, getCsrf(), setProgress);
      list.reload();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setProgress(undefined);
    }
  };
  const openAsSource = async (d: DatasetList['items'][number]) => {
    await ready;
    // an image, a ZIP of images or a scanned PDF is read by the image node, one row per image; a table by the file node
    store
      .getState()
      .dispatch(
        'add-node',
        isImageFormat(d.format)
          ? { type: 'source.image_files', idHint: 'images', params: { datasetId: d.id } }
          : { type: 'source.file', idHint: 'dataset', params: { datasetId: d.id, format: d.format } },
      );
    go('#/editor');
  };

  return (
    <section className="lib-page" data-testid="datasets-page">
      <div className="lib-row">
        <h2>{t('datasets.title')}</h2>
        <span className="lib-grow" />
        <input
          placeholder={t('common.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label={t('common.search')}
        />
        <button
          type="button"
          className="primary"
          onClick={() => input.current?.click()}
          disabled={progress !== undefined}
        >
          {t('datasets.upload')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="dataset-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }}
        />
      </div>
      {progress !== undefined && <progress className="lib-progress" value={progress} max={1} />}
      {(error ?? list.error) && <p className="lib-error">{error ?? list.error}</p>}
      <table className="lib-table">
        <thead>
          <tr>
            <th>{t('template.name')}</th>
            <th>{t('datasets.size')}</th>
            <th>{t('datasets.rows')}</th>
            <th>{t('datasets.owner')}</th>
            <th>{t('datasets.usedBy')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.value?.items.map((d) => (
            <tr key={d.id}>
              <td>
                <b>{d.name}</b> <span className="lib-muted">{d.format}</span>
              </td>
              <td>{bytes(d.size)}</td>
              <td>
                {d.format === 'pdf'
                  ? t('datasets.pdfPages')
                  : isImageFormat(d.format)
                    ? t('datasets.images')
                    : d.rows.toLocaleString()}
              </td>
              <td>{d.owner.displayName}</td>
              <td>
                {d.usedByCount}{' '}
                {d.usedBy.map((u) => (
                  <span key={u.id} className="lib-tag">
                    {u.name}
                  </span>
                ))}
              </td>
              <td>
                <button type="button" onClick={() => void openAsSource(d)}>
                  {t('datasets.openSource')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value?.items.length === 0 && <p className="lib-muted">{t('common.empty')}</p>}
    </section>
  );
}
