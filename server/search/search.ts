/**
 * Global search over pipelines, templates, datasets, dashboards and requests (rows of `search_docs`, kept by
 * triggers) and the node types of this build (in memory). Only what the user may open is returned: the same
 * rules as each item's own page (owner, public, own department; requests: their people and reviewers).
 */
import { sql } from 'drizzle-orm';
import type { Label } from '../../runtime/nodes/param-meta.ts';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { SearchKind } from '../db/schema.ts';
import { fold, isChosungQuery, matches } from './korean.ts';

export interface SearchHit {
  kind: SearchKind | 'node';
  id: string;
  title: string;
  /** Node types: the title in both languages. */
  label?: Label;
  snippet: string;
  updatedAt: string | null;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function visibleSql(user: SessionUser) {
  if (user.role === 'admin') return sql`true`;
  const dept = user.department;
  const reviewer = user.role === 'reviewer';
  return sql`(owner_id = ${user.id}
    or visibility = 'public'
    or (visibility = 'department' and ${dept}::text is not null and department = ${dept})
    or (visibility = 'request' and (${user.id}::uuid = any(members)
        or (${reviewer} and (department is null or department = ${dept})))))`;
}

/** Up to `perKind` hits of each kind, best first: title matches, then title prefixes, then the newest. */
export async function searchItems(db: Db, user: SessionUser, query: string, perKind: number): Promise<SearchHit[]> {
  const q = fold(query);
  if (!q) return [];
  const pattern = `%${likeLiteral(q)}%`;
  const match = isChosungQuery(q) ? sql`chosung like ${pattern}` : sql`folded like ${pattern}`;
  const result = await db.execute(sql`
    select kind, ref_id, title, body, updated_at from (
      select kind, ref_id, title, body, updated_at,
        row_number() over (partition by kind order by
          (strpos(cas_search_fold(title), ${q}) > 0 or strpos(chosung, ${q}) > 0) desc,
          (strpos(cas_search_fold(title), ${q}) = 1 or strpos(chosung, ${q}) = 1) desc,
          updated_at desc) as n
      from search_docs
      where not hidden and ${match} and ${visibleSql(user)}
    ) ranked
    where n <= ${perKind}
    order by kind, n`);
  return rowsOf<{ kind: SearchKind; ref_id: string; title: string; body: string; updated_at: string | Date }>(
    result,
  ).map((r) => ({
    kind: r.kind,
    id: r.ref_id,
    title: r.title,
    snippet: r.body.slice(0, 160),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Node types whose Korean or English name (or description) matches, e.g. "ㅎㄱ" finds 회귀 nodes. */
export function searchNodeTypes(registry: NodeRegistry, query: string, limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const def of registry.values()) {
    const title = def.label.ko;
    const found =
      matches(query, def.label.ko, def.description.ko) ||
      matches(query, def.label.en, `${def.type} ${def.description.en}`);
    if (!found) continue;
    hits.push({ kind: 'node', id: def.type, title, label: def.label, snippet: def.description.ko, updatedAt: null });
    if (hits.length >= limit) break;
  }
  return hits;
}
