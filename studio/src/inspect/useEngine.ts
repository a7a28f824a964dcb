import { useEffect, useState } from 'react';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';

/** The engine once the session is up (undefined before); starting it is the session loader's job. */
export function useEngine(): Engine | undefined {
  const { session } = useServices();
  const ready = useStudio((s) => s.engine.state === 'ready');
  const [engine, setEngine] = useState<Engine>();
  useEffect(() => {
    if (!ready) return;
    let live = true;
    session().then(
      (s) => live && setEngine(s.engine),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ready, session]);
  return engine;
}
