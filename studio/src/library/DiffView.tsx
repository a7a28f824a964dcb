import type { VersionDiff } from './api.ts';
import { useLibT } from './useLibT.ts';

/** The API's diff of two versions: nodes, edges and parameters added, removed or changed. */
export function DiffView({ diff }: { diff: VersionDiff }) {
  const t = useLibT();
  const rows: { kind: string; text: string }[] = [
    ...diff.nodes.added.map((n) => ({ kind: 'added', text: `${n.id} (${n.type})` })),
    ...diff.nodes.removed.map((n) => ({ kind: 'removed', text: `${n.id} (${n.type})` })),
    ...diff.nodes.changed.map((n) => ({
      kind: 'changed',
      text: `${n.id}: ${[...n.fields, ...n.params].map((c) => `${c.path} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; ')}`,
    })),
    ...diff.document.map((c) => ({
      kind: 'changed',
      text: `${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`,
    })),
    ...diff.edges.added.map((e) => ({ kind: 'added', text: `${e.source} → ${e.target}` })),
    ...diff.edges.removed.map((e) => ({ kind: 'removed', text: `${e.source} → ${e.target}` })),
    ...diff.parameters.added.map((p) => ({ kind: 'added', text: `$${p}` })),
    ...diff.parameters.removed.map((p) => ({ kind: 'removed', text: `$${p}` })),
    ...diff.parameters.changed.map((p) => ({ kind: 'changed', text: `$${p}` })),
  ];
  return (
    <div className="lib-diff" data-testid="version-diff">
      <div className="lib-muted">
        v{diff.from} → v{diff.to}
      </div>
      {rows.length === 0 && <div className="lib-muted">{t('common.empty')}</div>}
      <ul>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a static list rendered once per diff
          <li key={i} className={`lib-diff-${r.kind}`}>
            <b>{t(`history.${r.kind}` as 'history.added')}</b> {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
