import { useEffect, useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { api, type DatasetList, data } from '../library/api.ts';
import { Dialog } from '../library/Dialog.tsx';
import { type DatasetChoice, datasetChoices } from '../library/dataset-choices.ts';
import { useDocT } from '../library/doc-text.ts';
import { useSessionUser } from '../library/useSession.ts';
import { loadSamples, type Sample } from '../sources/samples.ts';
import { useForm } from './useForm.ts';
import './dataset-picker.css';

const bytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;

/** Names of server datasets already looked up (the button shows a name, never an id). */
const names = new Map<string, string>();

/** The name of the chosen dataset: a sample's, or the server's (signed in), else a neutral "unknown". */
function useDatasetName(id: string | undefined): string | undefined {
  const [name, setName] = useState(() => (id ? names.get(id) : undefined));
  const user = useSessionUser();
  useEffect(() => {
    if (!id) return setName(undefined);
    const known = names.get(id);
    if (known) return setName(known);
    let live = true;
    void (async () => {
      const sample = (await loadSamples().catch(() => [] as Sample[])).find((s) => s.datasetId === id);
      let found = sample?.name;
      if (!found && user) {
        found = await data<{ name: string }>(api.datasets[':id'].$get({ param: { id } })).then(
          (d) => d.name,
          () => undefined,
        );
      }
      if (found) names.set(id, found);
      if (live) setName(found);
    })();
    return () => {
      live = false;
    };
  }, [id, user]);
  return name;
}

/**
 * The read node's dataset: a button showing the chosen dataset's name that opens a searchable list (name,
 * size, rows, owner, updated; samples marked 예제). Choosing switches the node to that dataset in one undo step
 * (the dataset id, its format, and no file path). Signed out, only the samples are offered.
 */
export function DatasetPicker({ path, value }: { path: string; value: unknown }) {
  const t = useDocT();
  const { nodeId, nodeType } = useForm();
  // the image node reads pictures and ZIPs of them and has no `format`; the file node reads tables
  const images = nodeType === 'source.image_files';
  const { store } = useServices();
  const id = typeof value === 'string' && value !== '' ? value : undefined;
  const name = useDatasetName(id);
  const [open, setOpen] = useState(false);
  const prefix = path.slice(0, path.lastIndexOf('.') + 1);

  const choose = (c: DatasetChoice) => {
    if (c.datasetId) names.set(c.datasetId, c.name);
    const where = c.datasetId
      ? { [`${prefix}datasetId`]: c.datasetId, [`${prefix}path`]: undefined }
      : { [`${prefix}path`]: c.samplePath, [`${prefix}datasetId`]: undefined };
    const format = images ? {} : { [`${prefix}format`]: c.format };
    store.getState().dispatch('update-params', { id: nodeId, set: { ...where, ...format } });
    setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        className="dataset-picker-button"
        onClick={() => setOpen(true)}
        data-testid="dataset-picker"
      >
        {id ? (name ?? t('picker.unknown')) : t('picker.choose')}
      </button>
      {open && <DatasetTable chosen={id} images={images} onChoose={choose} onClose={() => setOpen(false)} />}
    </>
  );
}

function DatasetTable({
  chosen,
  images,
  onChoose,
  onClose,
}: {
  chosen: string | undefined;
  /** Offer image datasets (for the image node) rather than tables. */
  images: boolean;
  onChoose(c: DatasetChoice): void;
  onClose(): void;
}) {
  const t = useDocT();
  const [lang] = useLang();
  const user = useSessionUser();
  const [query, setQuery] = useState('');
  const [samples, setSamples] = useState<Sample[]>();
  const [server, setServer] = useState<DatasetList['items']>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    loadSamples().then(setSamples, () => setSamples([]));
  }, []);
  useEffect(() => {
    if (!user) return setServer([]);
    let live = true;
    const q = query.trim();
    const timer = setTimeout(() => {
      data<DatasetList>(api.datasets.$get({ query: { limit: '100', ...(q ? { q } : {}) } })).then(
        (list) => {
          if (!live) return;
          setServer(list.items);
          setFailed(false);
        },
        () => live && setFailed(true),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [user, query]);

  const rows = datasetChoices(samples ?? [], server, query, images ? 'images' : 'tables');
  const date = (iso: string | undefined) =>
    iso ? new Date(iso).toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-US') : '';

  return (
    <Dialog title={t('picker.title')} testId="dataset-picker-dialog">
      <div className="dataset-picker">
        <input
          type="search"
          className="dataset-picker-search"
          placeholder={t('picker.search')}
          aria-label={t('picker.search')}
          value={query}
          autoFocus
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
          onChange={(e) => setQuery(e.target.value)}
        />
        {!user && <p className="dataset-picker-hint">{t('picker.signIn')}</p>}
        {failed && <p className="lib-error">{t('picker.failed')}</p>}
        <div className="dataset-picker-scroll">
          <table className="lib-table dataset-picker-table">
            <thead>
              <tr>
                <th>{t('picker.name')}</th>
                <th className="num">{t('picker.size')}</th>
                <th className="num">{t('picker.rows')}</th>
                <th>{t('picker.owner')}</th>
                <th>{t('picker.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr
                  key={c.datasetId ?? c.samplePath}
                  className={c.datasetId !== undefined && c.datasetId === chosen ? 'chosen' : undefined}
                >
                  <td>
                    <button type="button" className="link" onClick={() => onChoose(c)} data-dataset={c.name}>
                      {c.name}
                    </button>
                    {c.sample && <span className="dataset-picker-badge">{t('picker.sample')}</span>}
                  </td>
                  <td className="num">{bytes(c.size)}</td>
                  <td className="num">{c.rows == null ? '' : formatNumber(c.rows, lang)}</td>
                  <td>{c.owner ?? ''}</td>
                  <td>{date(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {samples === undefined && <p className="muted small">{t('picker.loading')}</p>}
          {samples !== undefined && rows.length === 0 && <p className="muted small">{t('picker.none')}</p>}
        </div>
        <div className="lib-actions">
          <button type="button" onClick={onClose}>
            {t('picker.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
