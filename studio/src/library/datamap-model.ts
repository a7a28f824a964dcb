/** The data map as the page reads it, and its search (dataset, stage, owner, column or field-dictionary entry). */
import type { InferResponseType } from 'hono/client';
import { STAGES } from '../../../nodes/model/_clearance-stages.ts';
import type { api } from './api.ts';

export type DataMap = InferResponseType<typeof api.datamap.$get, 200>;
export type MapEntry = DataMap['items'][number];
export type FieldEntry = DataMap['dictionary'][number];
export type StageId = MapEntry['stage'];

/** The import clearance flow, in order (the reference group stands beside it). */
export const PROCESS: readonly StageId[] = STAGES.filter((s) => s !== 'reference');

/** Case-insensitive: every word of `q` must appear in the dataset's name, stage, owner, columns or their fields. */
export function matches(d: MapEntry, q: string, dictionary: FieldEntry[], stageName: string): boolean {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const fields = new Map(dictionary.map((f) => [f.no, f]));
  const text = [
    d.name,
    stageName,
    d.owner,
    d.note,
    ...d.columns.map((c) => c.name),
    ...d.columns.map((c) => (c.field === null ? '' : (fields.get(c.field)?.name ?? ''))),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}
