import type { Column } from '../../../runtime/schema/types.ts';

export interface JsSuggestion {
  label: string;
  insert: string;
  detail: string;
  kind: 'input' | 'column' | 'api';
}

/** A property access that works for any name: `.name` for identifiers, `["na me"]` otherwise. */
export function jsAccess(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

const API = ['filter', 'derive', 'select', 'groupby', 'rollup', 'orderby', 'join', 'objects', 'count', 'slice'];

/**
 * What the code editor offers after `inputs.` (the input names), after `d.` (the upstream columns),
 * and elsewhere (inputs, columns and common Arquero verbs).
 */
export function jsSuggestions(before: string, inputs: string[], columns: Column[]): JsSuggestion[] {
  const ins = [...new Set([...inputs, ...(inputs.length ? ['input'] : [])])].map((n) => ({
    label: n,
    insert: jsAccess(n),
    detail: 'input',
    kind: 'input' as const,
  }));
  const seen = new Set<string>();
  const cols: JsSuggestion[] = [];
  for (const c of columns) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    cols.push({ label: c.name, insert: jsAccess(c.name), detail: c.type, kind: 'column' });
  }
  if (/\binputs\.\w*$/.test(before)) return ins;
  if (/\.\w*$/.test(before) && /\b[a-z]\.\w*$/.test(before)) return cols;
  const api = API.map((v) => ({ label: v, insert: v, detail: 'arquero', kind: 'api' as const }));
  return [...ins, ...cols, ...api];
}

/** The 1-based line the runtime reported, from a message ending in `(line N)`. */
export function errorLine(message: string): number | undefined {
  const m = /\(line (\d+)\)\s*$/.exec(message);
  return m ? Number(m[1]) : undefined;
}
