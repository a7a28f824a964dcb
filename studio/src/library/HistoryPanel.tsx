import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { api, data, type Pipeline, type VersionDiff } from './api.ts';
import { DiffView } from './DiffView.tsx';
import { loadIntoEditor } from './editor-actions.ts';
import { serverDocStore } from './server-doc-store.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useServerDoc } from './useServerDoc.ts';
import { useVersions } from './useVersions.ts';

/** The server pipeline's versions: pick two to compare, or restore one (a new version on top of the latest). */
export function HistoryPanel({ onClose }: { onClose(): void }) {
  const t = useLibT();
  const { store, ready } = useServices();
  const { pipelineId, baseVersion } = useServerDoc();
  const { versions, reload } = useVersions(pipelineId);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<VersionDiff>();
  const [error, setError] = useState<string>();

  const toggle = (v: number) =>
    setPicked((p) => (p.includes(v) ? p.filter((x) => x !== v) : [...p, v].slice(-2)).sort((a, b) => a - b));

  const compare = async () => {
    if (!pipelineId || picked.length === 0) return;
    const [from, to] = picked as [number, number | undefined];
    try {
      const query = to === undefined ? { from: String(from) } : { from: String(from), to: String(to) };
      setDiff(await data<VersionDiff>(api.pipelines[':id'].diff.$get({ param: { id: pipelineId }, query })));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const restore = async (version: number) => {
    if (!pipelineId) return;
    try {
      await data<unknown>(
        api.pipelines[':id'].versions[':version'].restore.$post({
          param: { id: pipelineId, version: String(version) },
          json: { baseVersion: serverDocStore.getState().baseVersion ?? undefined, message: '' },
        }),
      );
      const p = await data<Pipeline>(api.pipelines[':id'].$get({ param: { id: pipelineId } }));
      await loadIntoEditor(store, ready, p);
      await reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <aside className="lib-history" data-testid="history-panel">
      <div className="lib-row">
        <h2>{t('server.history')}</h2>
        <span className="lib-grow" />
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {!pipelineId && <p className="lib-muted">{t('server.notSaved')}</p>}
      {error && <p className="lib-error">{error}</p>}
      <ul className="lib-versions">
        {versions.map((v) => (
          <li key={v.version} data-version={v.version} className={v.version === baseVersion ? 'current' : ''}>
            <label>
              <input type="checkbox" checked={picked.includes(v.version)} onChange={() => toggle(v.version)} />
              <b>v{v.version}</b> {v.author.displayName} · {v.createdAt.slice(0, 16).replace('T', ' ')}
              {v.restoredFrom !== null && <span className="lib-muted"> (← v{v.restoredFrom})</span>}
            </label>
            <button type="button" onClick={() => void restore(v.version)} data-testid={`restore-v${v.version}`}>
              {t('history.restore')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={picked.length === 0} onClick={() => void compare()} data-testid="compare">
        {t('history.compare')}
      </button>
      {diff && <DiffView diff={diff} />}
    </aside>
  );
}
