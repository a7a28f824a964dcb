/**
 * Deterministic ids for what ships with the studio (RFC 4122 version 5: SHA-1 of a namespace and a name), so the
 * same sample or template has the same id on every install and a pipeline saved on one server names the same
 * dataset on another.
 */
import { createHash } from 'node:crypto';

/** This project's own namespace (a fixed random UUID); changing it would give every shipped object a new id. */
const NAMESPACE = 'a3c1f5e2-7b4d-4c1e-9f0a-5d6b8e2c4a17';

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The dataset id of a shipped sample, by its path under `templates/data` (`declarations.csv`, `kcs/x.csv`). */
export const sampleDatasetId = (name: string) => uuidV5(`sample:${name}`);

/** The pipeline and template ids of a shipped pipeline file (`under-valued-imports.pipeline.json`). */
export const shippedPipelineId = (file: string) => uuidV5(`pipeline:${file}`);
export const shippedTemplateId = (file: string) => uuidV5(`template:${file}`);
