import { useMemo, useState } from 'react';
import type { Cluster, ClusterMethod } from '../../../nodes/prep/cluster/find-clusters.ts';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { fill, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { ClusterCard } from './ClusterCard.tsx';
import { L } from './labels.ts';
import { accept, choiceOf, type MappingEntry, reject } from './mapping.ts';
import { type ClusterSettings, useClusters } from './useClusters.ts';
import './cluster.css';

/** Past this many clusters the list stops: the biggest come first, and a long list is reviewed in passes. */
const SHOWN = 100;

const identity = (c: Cluster) => JSON.stringify(c.values.map((v) => v.value));

/**
 * Beside a `prep.cluster_edit` node's form: each cluster of its input column with values, counts and the
 * suggested canonical value. Accepting or rejecting rewrites the node's `mapping` param through the store
 * (one undo step each); a rejection is remembered only while the panel is open, as the mapping has no
 * place for it: a rejected cluster simply maps nothing.
 */
export function ClusterReview({ id }: { id: string }) {
  const [lang] = useLang();
  const { store } = useServices();
  const params = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.params);
  const settings = useMemo(() => settingsOf(params), [params]);
  const mapping = (params?.mapping as MappingEntry[] | undefined) ?? [];
  const clusters = useClusters(id, settings);
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const setMapping = (next: MappingEntry[]) =>
    store.getState().dispatch('update-params', { id, set: { mapping: next } });
  const toggle = (key: string, on: boolean) =>
    setRejected((before) => {
      const next = new Set(before);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section className="cluster-review" data-testid="cluster-review">
      <h3>{L.title[lang]}</h3>
      <p className="muted small">{L.help[lang]}</p>
      {clusters.state === 'no-input' && <p className="empty">{L.noInput[lang]}</p>}
      {clusters.state === 'waiting' && (
        <p className="waiting">
          <span className="spinner" aria-hidden="true" /> {L.waiting[lang]}
        </p>
      )}
      {clusters.state === 'error' && <p className="error">{clusters.message}</p>}
      {clusters.state === 'ready' &&
        (clusters.clusters.length === 0 ? (
          <p className="empty">{L.none[lang]}</p>
        ) : (
          <>
            <p className="small" data-testid="cluster-summary">
              {fill(L.summary[lang], {
                clusters: formatNumber(clusters.clusters.length, lang),
                values: formatNumber(clusters.distinct, lang),
              })}
            </p>
            <ol className="cluster-list">
              {clusters.clusters.slice(0, SHOWN).map((c, i) => {
                const key = identity(c);
                return (
                  <ClusterCard
                    key={key}
                    index={i}
                    cluster={c}
                    choice={choiceOf(c, mapping)}
                    rejected={rejected.has(key)}
                    onAccept={(canonical) => setMapping(accept(mapping, c, canonical))}
                    onReject={() => {
                      toggle(key, true);
                      if (choiceOf(c, mapping).state === 'accepted') setMapping(reject(mapping, c));
                    }}
                    onReopen={() => toggle(key, false)}
                  />
                );
              })}
            </ol>
            {clusters.clusters.length > SHOWN && (
              <p className="muted small">{fill(L.more[lang], { n: clusters.clusters.length - SHOWN })}</p>
            )}
          </>
        ))}
    </section>
  );
}

function settingsOf(params: Record<string, unknown> | undefined): ClusterSettings | undefined {
  const column = params?.column;
  if (typeof column !== 'string' || column === '') return undefined;
  const settings: ClusterSettings = { column, method: (params?.method as ClusterMethod | undefined) ?? 'fingerprint' };
  if (typeof params?.ngram === 'number') settings.ngram = params.ngram;
  if (typeof params?.maxDistance === 'number') settings.maxDistance = params.maxDistance;
  return settings;
}
