import { useCallback, useEffect, useState } from 'react';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';

/** Runs `load` whenever `key` changes; the latest answer wins. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const t = useLibT();
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything `load` reads
  const run = useCallback(load, [key]);
  useEffect(() => {
    let live = true;
    void tick;
    run().then(
      (v) => {
        if (live) {
          setValue(v);
          setError(undefined);
        }
      },
      (e: unknown) => {
        if (live) setError(errorText(t, e));
      },
    );
    return () => {
      live = false;
    };
  }, [run, tick, t]);
  return { value, error, reload: () => setTick((n) => n + 1) };
}
