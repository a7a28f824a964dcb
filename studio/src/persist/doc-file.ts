import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { Analyzer } from '../state/analysis/types.ts';

/** A file name for a pipeline: its name with characters file systems refuse replaced. */
export function docFileName(doc: PipelineDoc): string {
  const base = doc.name.trim().replace(/[\\/:*?"<>|]+/g, '_') || 'pipeline';
  return `${base}.pipeline.json`;
}

/** Offers the document as a download (the pipeline only: data never leaves the browser this way). */
export function downloadDoc(doc: PipelineDoc): string {
  const name = docFileName(doc);
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Reads a pipeline file: JSON, then the analyzer's parse (format check, migration, schema). */
export async function readDocFile(file: File, analyzer: Analyzer): Promise<PipelineDoc> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`${file.name}: ${(e as Error).message}`);
  }
  return analyzer.parse(json);
}
