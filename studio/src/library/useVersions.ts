import { useCallback, useEffect, useState } from 'react';
import { api, data, type VersionList } from './api.ts';

/** A pipeline's versions, newest first, with a reload. */
export function useVersions(id: string | null) {
  const [versions, setVersions] = useState<VersionList>([]);
  const reload = useCallback(async () => {
    if (!id) return;
    const list = await data<VersionList>(api.pipelines[':id'].versions.$get({ param: { id } }));
    setVersions([...list].sort((a, b) => b.version - a.version));
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { versions, reload };
}
