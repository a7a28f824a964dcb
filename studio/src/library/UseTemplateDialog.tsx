import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { api, data, type Template } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { openFromServer } from './editor-actions.ts';
import { go } from './route.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';

type Value = string | number | boolean;

/** "사용하기": fill in the template's parameters → a copy in my pipelines, opened in the editor. */
export function UseTemplateDialog({ template, onClose }: { template: Template; onClose(): void }) {
  const t = useLibT();
  const { store, ready } = useServices();
  const [name, setName] = useState(template.title);
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(template.parameters.flatMap((p) => (p.default === undefined ? [] : [[p.name, p.default]]))),
  );
  const [error, setError] = useState<string>();

  const submit = async () => {
    try {
      const used = await data<{ pipelineId: string }>(
        api.templates[':id'].use.$post({ param: { id: template.id }, json: { name, parameters: values } }),
      );
      await openFromServer(store, ready, used.pipelineId);
      onClose();
      go('#/editor');
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Dialog title={t('template.useTitle')} testId="use-dialog">
      <label className="lib-field">
        {t('template.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {template.parameters.map((p) => (
        <div key={p.name} className="lib-field">
          {p.label ?? p.name} <span className="lib-muted">({p.type})</span>
          {p.type === 'boolean' ? (
            <input
              type="checkbox"
              aria-label={p.name}
              checked={values[p.name] === true}
              onChange={(e) => setValues({ ...values, [p.name]: e.target.checked })}
            />
          ) : (
            <input
              aria-label={p.name}
              type={p.type === 'number' ? 'number' : p.type === 'date' ? 'date' : 'text'}
              value={String(values[p.name] ?? '')}
              onChange={(e) =>
                setValues({ ...values, [p.name]: p.type === 'number' ? Number(e.target.value) : e.target.value })
              }
            />
          )}
          {p.description && <span className="lib-muted">{p.description}</span>}
        </div>
      ))}
      {error && <p className="lib-error">{error}</p>}
      <div className="lib-actions">
        <button type="button" className="primary" onClick={() => void submit()} data-testid="use-submit">
          {t('template.use')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
