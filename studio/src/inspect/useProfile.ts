import { useEffect, useState } from 'react';
import type { Engine } from '../../../runtime/engine/engine.ts';
import type { Inspection } from '../state/store-types.ts';
import { type Profile, profileRelation } from './profile.ts';

/** The column profile of the inspected result; recomputed whenever the result changes. */
export function useProfile(engine: Engine | undefined, inspection: Inspection | undefined): Profile | undefined {
  const [profile, setProfile] = useState<Profile>();
  useEffect(() => {
    setProfile(undefined);
    if (!engine || !inspection) return;
    let live = true;
    (async () => {
      const schema = await engine.describe(`SELECT * FROM ${inspection.relation}`);
      const p = await profileRelation(engine, inspection.relation, schema);
      if (live) setProfile(p);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [engine, inspection]);
  return profile;
}
