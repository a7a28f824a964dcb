import { useEffect, useState } from 'react';
import type { Engine } from '../../../runtime/engine/engine.ts';
import type { Inspection } from '../state/store-types.ts';
import { type Profile, profileRelation } from './profile.ts';

/**
 * The column profile of the inspected result; recomputed whenever the result changes, and only for a full
 * result (not the first rows shown while it is computed). A superseded profile is cancelled so it does not
 * hold the engine while the next edit's preview waits.
 */
export function useProfile(engine: Engine | undefined, inspection: Inspection | undefined): Profile | undefined {
  const [profile, setProfile] = useState<Profile>();
  useEffect(() => {
    setProfile(undefined);
    if (!engine || !inspection || inspection.partial) return;
    const abort = new AbortController();
    (async () => {
      const schema = await engine.describe(`SELECT * FROM ${inspection.relation}`);
      const p = await profileRelation(engine, inspection.relation, schema, { signal: abort.signal });
      if (!abort.signal.aborted) setProfile(p);
    })().catch(() => undefined);
    return () => abort.abort();
  }, [engine, inspection]);
  return profile;
}
