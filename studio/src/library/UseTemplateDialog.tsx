import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { useLang } from '../i18n/useLang.ts';
import { api, data, type Template } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { startUnsaved } from './editor-actions.ts';
import { ParamInputs } from './ParamInputs.tsx';
import { checkParams, definedValues, initialValues, type ParamValue } from './param-values.ts';
import { go } from './route.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';

/** "사용하기": fill in the template's parameters → the template opened in the editor as a new, unsaved document. */
export function UseTemplateDialog({ template, onClose }: { template: Template; onClose(): void }) {
  const t = useLibT();
  const { store, ready } = useServices();
  const [name, setName] = useState(template.title);
  const [lang] = useLang();
  const [values, setValues] = useState<Record<string, ParamValue | undefined>>(() =>
    initialValues(template.parameters),
  );
  const [paramErrors, setParamErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  const submit = async () => {
    const wrong = checkParams(template.parameters, values, lang);
    setParamErrors(wrong);
    if (Object.keys(wrong).length > 0) return;
    try {
      // a new, unsaved document: its first save creates the pipeline (nothing lands in 내 파이프라인 before)
      const opened = await data<{ doc: unknown }>(
        api.templates[':id'].open.$post({
          param: { id: template.id },
          json: { name, parameters: definedValues(values) },
        }),
      );
      await ready;
      const analyzer = store.getState().analyzer;
      if (!analyzer) throw new Error('analyzer not ready');
      await startUnsaved(store, analyzer.parse(opened.doc));
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
      <ParamInputs
        declared={template.parameters}
        values={values}
        errors={paramErrors}
        onChange={(n, v) => setValues({ ...values, [n]: v })}
      />
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
