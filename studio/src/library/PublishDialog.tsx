import { useState } from 'react';
import type { TemplateCategory } from '../../../server/db/schema.ts';
import { useLang } from '../i18n/useLang.ts';
import { api, data, getCsrf, type Template } from './api.ts';
import { CATEGORIES, categoryLabel } from './categories.ts';
import { Dialog } from './Dialog.tsx';
import { go } from './route.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';

/** Publishes the saved pipeline's latest version as a template. */
export function PublishDialog({ pipelineId, name, onClose }: { pipelineId: string; name: string; onClose(): void }) {
  const [lang] = useLang();
  const t = useLibT();
  const [title, setTitle] = useState(name);
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [category, setCategory] = useState<TemplateCategory>('general');
  const [status, setStatus] = useState<'draft' | 'published'>('published');
  const [preview, setPreview] = useState<File>();
  const [error, setError] = useState<string>();

  const submit = async () => {
    try {
      const json = {
        pipelineId,
        title,
        description,
        category,
        status,
        tags: tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      };
      const created = await data<Template>(api.templates.$post({ json }));
      if (preview) await uploadPreview(created.id, preview);
      onClose();
      go(`#/templates/${created.id}`);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Dialog title={t('server.publish')} testId="publish-dialog">
      <label className="lib-field">
        {t('publish.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="publish-title" />
      </label>
      <label className="lib-field">
        {t('publish.description')}
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
      </label>
      <label className="lib-field">
        {t('publish.tags')}
        <input value={tags} onChange={(e) => setTags(e.target.value)} data-testid="publish-tags" />
      </label>
      <label className="lib-field">
        {t('publish.preview')}
        <input
          type="file"
          accept="image/png,image/svg+xml"
          data-testid="publish-preview"
          onChange={(e) => setPreview(e.target.files?.[0])}
        />
      </label>
      <label className="lib-field">
        {t('publish.category')}
        <select value={category} onChange={(e) => setCategory(e.target.value as TemplateCategory)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="lib-field">
        {t('publish.status')}
        <select value={status} onChange={(e) => setStatus(e.target.value as 'draft' | 'published')}>
          <option value="draft">{t('publish.draft')}</option>
          <option value="published">{t('publish.published')}</option>
        </select>
      </label>
      {error && <p className="lib-error">{error}</p>}
      <div className="lib-actions">
        <button type="button" className="primary" onClick={() => void submit()} data-testid="publish-submit">
          {t('publish.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** The preview is a raw PNG or SVG body (the server checks size and refuses scripts in SVG). */
async function uploadPreview(id: string, file: File): Promise<void> {
  const csrf = getCsrf();
  const response = await fetch(`/api/templates/${encodeURIComponent(id)}/preview`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'image/png', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    body: file,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `preview upload failed (HTTP ${response.status})`);
  }
}
