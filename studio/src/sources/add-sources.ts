import type { StudioServices } from '../app/services.ts';
import { samplePath } from '../files/file-store.ts';
import { both } from '../i18n/translate.ts';
import { baseName, formatOf } from './format-of.ts';
import { isImageFormat, isImageSample, type Sample } from './samples.ts';

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
    addSourceNode(services, { path: file.name }, file.name, format.format, format.options);
  }
}

/**
 * A shipped sample as a source node. The sample is a public server dataset, so the node names it by id and
 * runs unchanged on the server; an older server without dataset ids gets the path (`templates/data/…`).
 */
export function addSample(services: StudioServices, sample: Sample): void {
  void services.session().catch(() => undefined);
  const label = sample.name.split('/').pop() ?? sample.name;
  const where = sample.datasetId ? { datasetId: sample.datasetId } : { path: samplePath(sample.name) };
  if (isImageSample(sample)) {
    const r = services.store.getState().dispatch('add-node', {
      type: 'source.image_files',
      idHint: baseName(label),
      label,
      params: where,
    });
    if (r.ok) {
      services.store.getState().select([r.result]);
      services.store.getState().inspect(r.result);
    }
    return;
  }
  const format =
    sample.format && !isImageFormat(sample.format) ? sample.format : (formatOf(sample.name)?.format ?? 'csv');
  addSourceNode(services, where, label, format, formatOf(sample.name)?.options);
}

function addSourceNode(
  services: StudioServices,
  where: { path: string } | { datasetId: string },
  label: string,
  format: 'csv' | 'parquet' | 'json' | 'xlsx',
  options?: { delimiter: string },
): void {
  const s = services.store.getState;
  const [key, value] = 'path' in where ? ['path', where.path] : ['datasetId', where.datasetId];
  const existing = s().doc.nodes.find((n) => n.type === 'source.file' && n.params[key] === value);
  if (existing) {
    s().inspect(existing.id);
    s().select([existing.id]);
    return;
  }
  const params: Record<string, unknown> = { ...where, format };
  if (options) params.options = options;
  const r = s().dispatch('add-node', { type: 'source.file', idHint: baseName(label), label, params });
  if (r.ok) {
    s().select([r.result]);
    s().inspect(r.result);
  }
}
