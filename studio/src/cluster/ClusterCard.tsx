import { useState } from 'react';
import type { Cluster } from '../../../nodes/prep/cluster/find-clusters.ts';
import { fill, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { L } from './labels.ts';
import type { ClusterChoice } from './mapping.ts';

/** One cluster: its values with counts, the canonical value to keep (editable), accept / reject. */
export function ClusterCard(props: {
  index: number;
  cluster: Cluster;
  choice: ClusterChoice;
  rejected: boolean;
  onAccept(canonical: string): void;
  onReject(): void;
  onReopen(): void;
}) {
  const { index, cluster, choice, rejected, onAccept, onReject, onReopen } = props;
  const [lang] = useLang();
  const chosen = choice.state === 'accepted' ? choice.canonical : cluster.suggested;
  const [canonical, setCanonical] = useState(chosen);
  const [shownFor, setShownFor] = useState(chosen);
  if (shownFor !== chosen) {
    setShownFor(chosen);
    setCanonical(chosen);
  }
  const state = rejected ? 'rejected' : choice.state;
  if (rejected)
    return (
      <li className="cluster-card cluster-rejected" data-cluster={index} data-state="rejected">
        <span className="muted">
          {cluster.values.map((v) => v.value).join(' · ')} — {L.rejected[lang]}
        </span>
        <button type="button" className="link" onClick={onReopen}>
          {L.reopen[lang]}
        </button>
      </li>
    );
  return (
    <li className={`cluster-card cluster-${state}`} data-cluster={index} data-state={state}>
      <div className="cluster-head">
        <strong>#{index + 1}</strong>
        <span className="muted small">{fill(L.rows[lang], { n: formatNumber(cluster.rows, lang) })}</span>
        {choice.state === 'accepted' && <span className="badge badge-done">{L.accepted[lang]}</span>}
      </div>
      <ul className="cluster-values">
        {cluster.values.map((v) => (
          <li key={v.value}>
            <button
              type="button"
              className={`link cluster-value${v.value === canonical ? ' is-canonical' : ''}`}
              title={L.useValue[lang]}
              onClick={() => setCanonical(v.value)}
            >
              {v.value}
            </button>
            <span className="cluster-count">{formatNumber(v.count, lang)}</span>
          </li>
        ))}
      </ul>
      <div className="cluster-actions">
        <label>
          <span className="small muted">{L.canonical[lang]}</span>
          <input
            type="text"
            value={canonical}
            aria-label={L.canonical[lang]}
            onChange={(e) => setCanonical(e.target.value)}
            data-testid="cluster-canonical"
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={canonical.trim() === ''}
          onClick={() => onAccept(canonical)}
          data-testid="cluster-accept"
        >
          {L.accept[lang]}
        </button>
        <button type="button" onClick={onReject} data-testid="cluster-reject">
          {L.reject[lang]}
        </button>
      </div>
    </li>
  );
}
