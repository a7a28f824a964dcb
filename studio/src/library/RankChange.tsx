import type { Ranking } from './api.ts';

type Change = Ranking['items'][number]['change'];

/** ▲n / ▼n / – / NEW, as on the portal. */
export function RankChange({ change }: { change: Change }) {
  if (change.kind === 'new') return <span className="lib-change new">NEW</span>;
  if (change.kind === 'up') return <span className="lib-change up">▲{change.by ?? ''}</span>;
  if (change.kind === 'down') return <span className="lib-change down">▼{change.by ?? ''}</span>;
  return <span className="lib-change same">–</span>;
}
