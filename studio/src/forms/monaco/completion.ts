import type { Column } from '../../../../runtime/schema/types.ts';

export interface Suggestion {
  label: string;
  insert: string;
  detail: string;
  kind: 'relation' | 'column' | 'keyword';
}

const byModel = new Map<string, Suggestion[]>();

/** A name as DuckDB reads it: plain when it is a simple identifier, else double-quoted. */
export function sqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** What an editor offers: the input relations (upstream node ids) and the columns feeding the node. */
export function suggestionsFor(relations: string[], columns: Column[]): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const r of relations) out.push({ label: r, insert: sqlName(r), detail: 'input', kind: 'relation' });
  for (const c of columns) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    out.push({ label: c.name, insert: sqlName(c.name), detail: c.type, kind: 'column' });
  }
  return out;
}

export function setCompletions(model: string, items: Suggestion[]): void {
  byModel.set(model, items);
}

export function forgetCompletions(model: string): void {
  byModel.delete(model);
}

export function completionItems(model: string): Suggestion[] {
  return byModel.get(model) ?? [];
}
