import { useEffect, useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';

/** The "advanced" fallback: a node's params as raw JSON, applied as one replace. */
export function JsonParams({ id }: { id: string }) {
  const { store } = useServices();
  const t = useT();
  const params = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.params);
  const text = JSON.stringify(params ?? {}, null, 2);
  const [draft, setDraft] = useState(text);
  const [error, setError] = useState<string>();
  useEffect(() => setDraft(text), [text]);
  const apply = () => {
    try {
      const parsed = JSON.parse(draft) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }');
      setError(undefined);
      store.getState().dispatch('update-params', { id, params: parsed as Record<string, unknown> });
    } catch (e) {
      setError(t('nodes.badJson', { message: (e as Error).message }));
    }
  };
  return (
    <div className="params-editor">
      <label>
        {t('nodes.params')}
        <textarea
          value={draft}
          spellCheck={false}
          rows={Math.min(12, draft.split('\n').length + 1)}
          onChange={(e) => setDraft(e.target.value)}
          data-testid={`params-${id}`}
        />
      </label>
      {error && <p className="error small">{error}</p>}
      <button type="button" onClick={apply} data-testid={`apply-${id}`} disabled={draft === text}>
        {t('nodes.apply')}
      </button>
    </div>
  );
}
