import { CURRENT_VERSION, PIPELINE_FORMAT } from './pipeline-doc.ts';

/** Turns a document of version `from` into version `from + 1`. */
export interface DocMigration {
  from: number;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/** One entry per format change, oldest first. Format 1 is the first, so the list is empty. */
export const DOC_MIGRATIONS: DocMigration[] = [];

/**
 * Brings any older document up to `target` (the current version by default). Unknown formats and
 * versions newer than this build are refused with a message that says so.
 */
export function migrateDoc(
  input: unknown,
  migrations: DocMigration[] = DOC_MIGRATIONS,
  target: number = CURRENT_VERSION,
): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('a pipeline document is a JSON object');
  }
  let doc = input as Record<string, unknown>;
  if (doc.format !== PIPELINE_FORMAT) {
    throw new Error(`"format" must be "${PIPELINE_FORMAT}", found ${JSON.stringify(doc.format)}`);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error(`"version" must be a positive integer, found ${JSON.stringify(version)}`);
  }
  if (version > target) {
    throw new Error(`this document is format version ${version}; this studio reads up to version ${target}`);
  }
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new Error(`no migration from pipeline format version ${v} to ${v + 1}`);
    doc = { ...step.up(doc), version: v + 1 };
  }
  return doc;
}
