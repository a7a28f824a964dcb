import { useState } from 'react';
import type { ModelInfo } from '../../../runtime/ml/model-store.ts';
import { data, getCsrf } from './api.ts';
import { useModelsT } from './models-text.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';

/** `POST /api/models/upload` as multipart (the typed client does not build file forms). */
function uploadModel(fields: { file: File; name: string; inputColumns: string; description: string }) {
  const form = new FormData();
  form.set('file', fields.file);
  form.set('name', fields.name.trim());
  form.set('inputColumns', fields.inputColumns);
  if (fields.description.trim()) form.set('description', fields.description.trim());
  const csrf = getCsrf();
  return data<ModelInfo>(
    fetch('/api/models/upload', {
      method: 'POST',
      body: form,
      credentials: 'include',
      headers: csrf ? { 'X-CSRF-Token': csrf } : {},
    }),
  );
}

/** The "upload an ONNX model" form: the server opens the model and checks its input width before keeping it. */
export function ModelUploadForm({ onUploaded }: { onUploaded: (info: ModelInfo) => void }) {
  const t = useModelsT();
  const lt = useLibT();
  const [file, setFile] = useState<File>();
  const [name, setName] = useState('');
  const [columns, setColumns] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const submit = async () => {
    if (!file) return setMessage({ ok: false, text: t('models.needFile') });
    setBusy(true);
    setMessage(undefined);
    try {
      const info = await uploadModel({ file, name, inputColumns: columns, description });
      setMessage({ ok: true, text: t('models.uploaded', { name: info.name, version: info.version }) });
      onUploaded(info);
    } catch (e) {
      setMessage({ ok: false, text: errorText(lt, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="models-upload"
      data-testid="model-upload"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('models.upload')}</h3>
      <label>
        {t('models.file')}
        <input
          type="file"
          accept=".onnx"
          data-testid="model-file"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            setFile(chosen);
            if (chosen && !name) setName(chosen.name.replace(/\.onnx$/i, ''));
          }}
        />
      </label>
      <label>
        {t('models.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="model-name" required />
      </label>
      <label className="models-wide">
        {t('models.columns')}
        <input
          value={columns}
          onChange={(e) => setColumns(e.target.value)}
          placeholder="value, mass"
          data-testid="model-columns"
          required
        />
      </label>
      <label className="models-wide">
        {t('models.description')}
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="model-submit">
        {t('models.submit')}
      </button>
      {message && (
        <p className={message.ok ? 'models-ok' : 'lib-error'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
