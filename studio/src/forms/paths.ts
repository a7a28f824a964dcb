import type { Issue } from '../../../runtime/errors.ts';

/** `a.b` + `c` → `a.b.c`; the root path is ''. */
export function joinPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/** The value at a dot path inside params. */
export function valueAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  let v: unknown = root;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The issue messages reported exactly at `path` (a field), deduplicated. */
export function issuesAt(issues: readonly Issue[] | undefined, path: string): string[] {
  return [...new Set((issues ?? []).filter((i) => (i.param ?? '') === path).map((i) => i.message))];
}

/** Issues whose param names no field the form shows (they are listed above the form). */
export function unplacedIssues(issues: readonly Issue[] | undefined, fieldPaths: ReadonlySet<string>): Issue[] {
  return (issues ?? []).filter((i) => !i.param || !fieldPaths.has(i.param));
}

/** Numeric DuckDB types, for type-aware value inputs (kept here so the first screen needs no runtime). */
export function isNumericColumnType(type: string | undefined): boolean {
  const t = (type ?? '').toUpperCase();
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(
    t,
  );
}
