import type { StudioServices } from '../app/services.ts';
import { both } from '../i18n/translate.ts';
import { baseName, formatOf } from './format-of.ts';

/**
 * Each picked or dropped file becomes a `source.file` node named after it (the file is kept in this browser
 * under its name); a file whose node exists already is just kept again and shown. The last one is inspected.
 */
export async function addFiles(services: StudioServices, files: File[]): Promise<void> {
  const { store } = services;
  const s = store.getState;
  void services.session().catch(() => undefined);
  for (const file of files) {
    const format = formatOf(file.name);
    if (!format) {
      s().notify('refused', both('sources.unsupported', { file: file.name }));
      continue;
    }
    s().setLoad({ name: file.name, phase: 'storing', done: 0, total: file.size });
    await services.files.add(file);
    s().setLoad({ name: file.name, phase: 'done', done: file.size, total: file.size });
    addSourceNode(services, file.name, file.name, format.format, format.options);
  }
}

/** A shipped sample as a source node; the path also works on the command line (`templates/data/…`). */
export function addSample(services: StudioServices, name: string): void {
  void services.session().catch(() => undefined);
  addSourceNode(services, `templates/data/${name}`, name, 'csv');
}

function addSourceNode(
  services: StudioServices,
  path: string,
  label: string,
  format: 'csv' | 'parquet' | 'json' | 'xlsx',
  options?: { delimiter: string },
): void {
  const s = services.store.getState;
  const existing = s().doc.nodes.find((n) => n.type === 'source.file' && n.params.path === path);
  if (existing) {
    s().inspect(existing.id);
    s().select([existing.id]);
    return;
  }
  const params: Record<string, unknown> = { path, format };
  if (options) params.options = options;
  const r = s().dispatch('add-node', { type: 'source.file', idHint: baseName(label), label, params });
  if (r.ok) {
    s().select([r.result]);
    s().inspect(r.result);
  }
}
