import type { Run } from './api.ts';
import { compareRows, when } from './run-format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useRunsT } from './useRunsT.ts';

/** Two runs' row counts per node side by side; a changed count is highlighted. */
export function RunCompare({ a, b }: { a: Run; b: Run }) {
  const t = useRunsT();
  return (
    <div className="run-compare" data-testid="run-compare">
      <h3>{t('runs.compareTitle')}</h3>
      <table className="lib-table">
        <thead>
          <tr>
            <th>{t('runs.node')}</th>
            {[a, b].map((r) => (
              <th key={r.id} className="num">
                {when(r.startedAt ?? r.createdAt)} <StatusBadge status={r.status} />
              </th>
            ))}
            <th className="num">Δ</th>
          </tr>
        </thead>
        <tbody>
          {compareRows(a, b).map((r) => {
            const delta = r.a !== null && r.b !== null ? r.b - r.a : null;
            return (
              <tr key={r.nodeId} className={delta ? 'run-changed' : ''}>
                <td>{r.nodeId}</td>
                <td className="num">{r.a?.toLocaleString() ?? '–'}</td>
                <td className="num">{r.b?.toLocaleString() ?? '–'}</td>
                <td className="num">{delta === null ? '' : delta > 0 ? `+${delta}` : delta}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
