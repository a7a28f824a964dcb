import { clear, createStore, del, get, keys, set } from 'idb-keyval';
import type { TrainingCache } from '../../../runtime/ml/training-cache.ts';

/**
 * Trained models in the browser's IndexedDB, by content key (training rows + settings): reopening the
 * editor re-runs a screening step without training it again. Only the latest few are kept (a trained
 * KCS model is a few MB); a browser that refuses storage just trains again.
 */
const KEEP = 6;
const store = () => createStore('customs-studio-trainings', 'trainings');

export class IdbTrainingCache implements TrainingCache {
  async get(key: string) {
    const hit = await get<{ at: number; value: unknown }>(key, store());
    return hit?.value;
  }

  async set(key: string, value: unknown) {
    await set(key, { at: Date.now(), value }, store());
    const all = await keys<string>(store());
    if (all.length <= KEEP) return;
    const dated = await Promise.all(
      all.map(async (k) => ({ k, at: (await get<{ at: number }>(k, store()))?.at ?? 0 })),
    );
    dated.sort((a, b) => b.at - a.at);
    await Promise.all(dated.slice(KEEP).map((d) => del(d.k, store())));
  }

  /** Forgets every kept training (e.g. for a clean slate in tests). */
  async clear() {
    await clear(store());
  }
}
