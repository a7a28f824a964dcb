import { Fragment, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { issueText } from '../node-view/issue-text.ts';
import { api, data, type Run } from './api.ts';
import { RunCompare } from './RunCompare.tsx';
import { RunDetail, useOpenNode } from './RunDetail.tsx';
import { duration, isActive, nodeLines, when } from './run-format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useRunsT } from './useRunsT.ts';

/** The run list: badges, times, rows per node, errors that open the failing node; details and compare. */
export function RunsTable({ runs, onChange }: { runs: Run[]; onChange: () => void }) {
  const t = useRunsT();
  const openNode = useOpenNode();
  const [open, setOpen] = useState<string>();
  const [picked, setPicked] = useState<string[]>([]);
  const pick = (id: string, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));
  const cancel = async (id: string) => {
    await data(api.runs[':id'].cancel.$post({ param: { id } }));
    onChange();
  };
  const pair = picked
    .map((id) => runs.find((r) => r.id === id))
    .filter((r): r is Run => !!r)
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt)); // older on the left
  if (runs.length === 0) return <p className="lib-muted">{t('runs.none')}</p>;
  return (
    <>
      <p className="lib-muted">{t('runs.pickTwo')}</p>
      {pair.length === 2 && <RunCompare a={pair[0]!} b={pair[1]!} />}
      <table className="lib-table run-table" data-testid="runs-table">
        <thead>
          <tr>
            <th>{t('runs.compare')}</th>
            <th>{t('runs.status')}</th>
            <th>{t('runs.trigger')}</th>
            <th>{t('runs.started')}</th>
            <th>{t('runs.duration')}</th>
            <th>{t('runs.rows')}</th>
            <th>{t('runs.error')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <Fragment key={r.id}>
              <tr data-run={r.id} data-status={r.status}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('runs.compare')}
                    checked={picked.includes(r.id)}
                    onChange={(e) => pick(r.id, e.target.checked)}
                  />
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>
                  {t(`trigger.${r.trigger}` as 'trigger.manual')}
                  {r.maxAttempts > 1 && (
                    <div className="lib-muted">{t('runs.attempt', { n: r.attempt, max: r.maxAttempts })}</div>
                  )}
                </td>
                <td>{when(r.startedAt ?? r.createdAt)}</td>
                <td className="num">{duration(r.durationMs)}</td>
                <td className="run-rows">
                  {nodeLines(r)
                    .filter((l) => l.rows !== null)
                    .map((l) => `${l.nodeId} ${l.rows?.toLocaleString()}`)
                    .join(' · ')}
                </td>
                <td className="run-error">
                  {r.error && <RunErrorText text={r.error} />}
                  {r.errorNodeId && (
                    <button
                      type="button"
                      className="lib-link"
                      data-testid="open-failing-node"
                      onClick={() => void openNode(r.pipelineId, r.errorNodeId!)}
                    >
                      {t('runs.openNode', { node: r.errorNodeId })}
                    </button>
                  )}
                </td>
                <td className="lib-actions">
                  <button type="button" onClick={() => setOpen(open === r.id ? undefined : r.id)}>
                    {t('runs.details')}
                  </button>
                  {isActive(r) && (
                    <button type="button" onClick={() => void cancel(r.id)} data-testid="cancel-run">
                      {t('runs.cancel')}
                    </button>
                  )}
                </td>
              </tr>
              {open === r.id && (
                <tr>
                  <td colSpan={8}>
                    <RunDetail run={r} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A run's stored error (English from the runner: engine texts, "cancelled before it started") in the UI language. */
function RunErrorText({ text }: { text: string }) {
  const [lang] = useLang();
  return <span title={text}>{issueText(text, lang)}</span>;
}
