import type { ColumnProfile } from './profile.ts';

/** In a column header: how much is empty, and the shape of the values (histogram or top-value bars). */
export function MiniProfile({ profile }: { profile: ColumnProfile | undefined }) {
  if (!profile) return <div className="mini-profile mini-profile-empty" />;
  const bars = profile.histogram?.map((b) => b.n) ?? profile.top?.slice(0, 5).map((x) => x.share) ?? [];
  const max = Math.max(1e-9, ...bars);
  return (
    <div className="mini-profile" title={`${Math.round(profile.nullShare * 100)}% ∅`}>
      <div className="mini-nulls">
        <div className="mini-nulls-fill" style={{ width: `${(1 - profile.nullShare) * 100}%` }} />
      </div>
      <div className={`mini-bars${profile.histogram ? '' : ' mini-bars-top'}`}>
        {bars.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: bars are positional
          <div key={i} className="mini-bar" style={{ height: `${Math.max(4, (v / max) * 100)}%` }} />
        ))}
      </div>
    </div>
  );
}
