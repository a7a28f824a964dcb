import type { Run } from './api.ts';
import { useRunsT } from './useRunsT.ts';

export function StatusBadge({ status }: { status: Run['status'] }) {
  const t = useRunsT();
  return (
    <span className={`run-badge run-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
