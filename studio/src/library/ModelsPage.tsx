import type { ModelInfo } from '../../../runtime/ml/model-store.ts';
import { api, data } from './api.ts';
import { ModelUploadForm } from './ModelUploadForm.tsx';
import { useModelsT } from './models-text.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';
import { useSessionUser } from './useSession.ts';
import './models.css';

type ModelList = { items: { name: string; latest: number; versions: ModelInfo[] }[] };

const metric = (m: ModelInfo, key: string, digits: number) =>
  typeof m.metrics[key] === 'number' ? m.metrics[key].toFixed(digits) : '–';
const rows = (m: ModelInfo) => (typeof m.metrics.rows === 'number' ? m.metrics.rows.toLocaleString() : '–');
const fileUrl = (m: ModelInfo) => `/api/models/${encodeURIComponent(m.name)}/versions/${m.version}/onnx`;

/** The model registry: every version with its metrics, owner and training data fingerprint; ONNX upload. */
export function ModelsPage() {
  const t = useModelsT();
  const lt = useLibT();
  const user = useSessionUser();
  const list = useLoad(() => data<ModelList>(api.models.$get()), 'models');
  const versions = (list.value?.items ?? []).flatMap((i) => [...i.versions].reverse());

  const remove = async (m: ModelInfo) => {
    if (!window.confirm(t('models.confirmDelete', { name: m.name, version: m.version }))) return;
    try {
      await data<unknown>(
        api.models[':name'].versions[':version'].$delete({ param: { name: m.name, version: String(m.version) } }),
      );
      list.reload();
    } catch (e) {
      window.alert(errorText(lt, e));
    }
  };

  return (
    <section className="lib-page" data-testid="models-page">
      <div className="lib-row">
        <h2>{t('models.title')}</h2>
      </div>
      <p className="lib-muted">{t('models.intro')}</p>
      <p className="lib-muted" data-testid="models-metrics-from">
        {t('models.metricsFrom')}
      </p>
      <ModelUploadForm onUploaded={() => list.reload()} />
      {list.error && <p className="lib-error">{list.error}</p>}
      <table className="lib-table" data-testid="models-table">
        <thead>
          <tr>
            <th>{t('models.model')}</th>
            <th>{t('models.kind')}</th>
            <th className="models-num">{t('models.precision')}</th>
            <th className="models-num">{t('models.revenue')}</th>
            <th className="models-num">{t('models.auc')}</th>
            <th className="models-num">{t('models.rows')}</th>
            <th>{t('models.owner')}</th>
            <th>{t('models.created')}</th>
            <th>{t('models.fingerprint')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((m) => (
            <tr key={`${m.name}/${m.version}`} data-testid="model-row">
              <td>
                <b>{m.name}</b> <span className="lib-tag">v{m.version}</span>
                {m.description && <div className="lib-muted">{m.description}</div>}
              </td>
              <td>{t(m.kind === 'onnx' ? 'models.kind.onnx' : 'models.kind.screening')}</td>
              <td className="models-num">{metric(m, 'precision', 3)}</td>
              <td className="models-num">{metric(m, 'revenue', 3)}</td>
              <td className="models-num">{metric(m, 'auc', 3)}</td>
              <td className="models-num">{rows(m)}</td>
              <td>{m.owner}</td>
              <td>{new Date(m.createdAt).toLocaleString()}</td>
              <td className="models-fp" title={m.fingerprint}>
                {m.fingerprint ? m.fingerprint.slice(0, 12) : '–'}
              </td>
              <td>
                <div className="lib-actions">
                  <a href={fileUrl(m)} download={`${m.name}-v${m.version}.onnx`}>
                    {t('models.download')}
                  </a>
                  {user && (user.username === m.owner || user.role === 'admin') && (
                    <button type="button" onClick={() => void remove(m)}>
                      {t('models.delete')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value && versions.length === 0 && <p className="lib-muted">{t('models.none')}</p>}
    </section>
  );
}
