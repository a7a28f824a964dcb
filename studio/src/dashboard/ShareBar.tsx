import { useState } from 'react';
import type { Dashboard } from './api.ts';
import { useDashT } from './text.ts';

const VISIBILITIES = ['private', 'department', 'public'] as const;

/**
 * Sharing is the page's own URL: whoever opens it sees the dashboard if its visibility lets them, and each
 * item only if they may see that item's pipeline (the server decides both).
 */
export function ShareBar({
  dash,
  onVisibility,
}: {
  dash: Dashboard;
  onVisibility: (v: Dashboard['visibility']) => void;
}) {
  const t = useDashT();
  const [copied, setCopied] = useState(false);
  const url = `${location.origin}${location.pathname}#/dashboards/${dash.id}`;
  return (
    <div className="lib-row dash-share">
      <label className="dash-filter">
        {t('dash.visibility')}
        <select
          value={dash.visibility}
          disabled={!dash.canEdit}
          onChange={(e) => onVisibility(e.target.value as Dashboard['visibility'])}
          data-testid="dash-visibility"
        >
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`vis.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <input className="dash-link" readOnly value={url} onFocus={(e) => e.target.select()} data-testid="dash-link" />
      <button
        type="button"
        className="small"
        onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
      >
        {copied ? t('dash.copied') : t('dash.copyLink')}
      </button>
    </div>
  );
}
