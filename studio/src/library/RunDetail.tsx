import { useServices } from '../app/useServices.ts';
import { useLang } from '../i18n/useLang.ts';
import { issueText } from '../node-view/issue-text.ts';
import { type ArtifactList, api, data, type Run } from './api.ts';
import { openFromServer } from './editor-actions.ts';
import { go } from './route.ts';
import { duration, nodeLines } from './run-format.ts';
import { useLoad } from './useLoad.ts';
import { useRunsT } from './useRunsT.ts';

/** Opens the pipeline in the editor with one node selected and inspected. */
export function useOpenNode() {
  const { store, ready } = useServices();
  return async (pipelineId: string, nodeId: string) => {
    await openFromServer(store, ready, pipelineId);
    store.getState().select([nodeId]);
    store.getState().inspect(nodeId);
    go('#/editor');
  };
}

const FORMATS = ['parquet', 'csv', 'xlsx'] as const;

/** One run: rows and time per node, its error, and its stored results for download. */
export function RunDetail({ run }: { run: Run }) {
  const t = useRunsT();
  const [lang] = useLang();
  const openNode = useOpenNode();
  const artifacts = useLoad(
    () => data<ArtifactList>(api.runs[':id'].artifacts.$get({ param: { id: run.id } })),
    `${run.id}:${run.status}`,
  );
  return (
    <div className="run-detail" data-testid="run-detail">
      <table className="lib-table run-nodes">
        <thead>
          <tr>
            <th>{t('runs.node')}</th>
            <th>{t('runs.status')}</th>
            <th>{t('runs.rows')}</th>
            <th>{t('runs.duration')}</th>
          </tr>
        </thead>
        <tbody>
          {nodeLines(run).map((l) => (
            <tr key={l.nodeId} className={l.state === 'error' ? 'run-node-error' : ''}>
              <td>
                <button type="button" className="lib-link" onClick={() => void openNode(run.pipelineId, l.nodeId)}>
                  {l.nodeId}
                </button>
              </td>
              <td title={l.error}>
                {l.error ? issueText(l.error, lang) : l.state ? t(`node.${l.state}` as 'node.done') : ''}
              </td>
              <td className="num">{l.rows?.toLocaleString() ?? ''}</td>
              <td className="num">{l.ms === undefined ? '' : duration(l.ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('runs.artifacts')}</h4>
      {artifacts.value?.items.length === 0 && <p className="lib-muted">{t('runs.noArtifacts')}</p>}
      <ul className="run-artifacts">
        {artifacts.value?.items.map((a) => {
          const href = (f: string) => `/api/runs/${run.id}/artifacts/${encodeURIComponent(a.nodeId)}?format=${f}`;
          return (
            <li key={`${a.nodeId}:${a.format}`} data-artifact={a.format === 'svg' ? `${a.nodeId}.svg` : a.nodeId}>
              <b>{a.nodeId}</b> <span className="lib-muted">{a.nodeType}</span> · {a.rows?.toLocaleString()}{' '}
              {t('runs.rows')} · {(a.bytes / 1024).toFixed(1)} KB ·{' '}
              {(a.format === 'svg' ? ['svg'] : FORMATS).map((f) => (
                <a key={f} href={href(f)} download className="run-download">
                  {f.toUpperCase()}
                </a>
              ))}
              {a.format === 'svg' && <img className="run-chart" src={href('svg')} alt={a.nodeId} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
