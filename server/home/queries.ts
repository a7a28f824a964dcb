/**
 * The home page's widgets, one aggregate query each, the two run rankings sharing one (indexes: runs by created_at
 * and by requester, pipelines and dashboards by owner, requests by requester). Periods end now; ▲/▼ compare with the period before.
 */
import { sql } from 'drizzle-orm';
import type { Label } from '../../runtime/nodes/param-meta.ts';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { type RankChange, rankChange } from '../templates/ranking.ts';

const DAY = 86_400_000;
/** Counters' "today" is the calendar day in Korea (UTC+9, no daylight saving). */
const KST_OFFSET = 9 * 3_600_000;

export const HOME_PERIODS = { week: 7 * DAY, month: 30 * DAY } as const;
export type HomePeriod = keyof typeof HOME_PERIODS;

export interface Counter {
  value: number;
  /** Versus the same moment yesterday (scheduled runs: today so far versus yesterday until this time). */
  change: number;
}

export function startOfKstDay(now: Date): Date {
  const t = now.getTime() + KST_OFFSET;
  return new Date(t - (t % DAY) - KST_OFFSET);
}

const iso = (d: Date) => d.toISOString();

export async function counters(db: Db, now: Date) {
  const yesterday = iso(new Date(now.getTime() - DAY));
  const today = startOfKstDay(now);
  const todayIso = iso(today);
  const dayBefore = iso(new Date(today.getTime() - DAY));
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      select
        (select count(*)::int from datasets) as datasets,
        (select count(*)::int from datasets where created_at < ${yesterday}) as datasets_before,
        (select coalesce(sum(rows), 0)::float8 from datasets) as rows,
        (select coalesce(sum(rows), 0)::float8 from datasets where created_at < ${yesterday}) as rows_before,
        (select count(*)::int from pipelines where deleted_at is null) as pipelines,
        (select count(*)::int from pipelines
          where created_at < ${yesterday} and (deleted_at is null or deleted_at >= ${yesterday})) as pipelines_before,
        (select count(*)::int from runs
          where created_at >= ${todayIso} and created_at <= ${iso(now)} and schedule_id is not null) as runs_today,
        (select count(*)::int from runs
          where created_at >= ${dayBefore} and created_at <= ${yesterday} and schedule_id is not null) as runs_yesterday
    `),
  );
  const r = row!;
  const c = (value: number, before: number): Counter => ({
    value: Number(value),
    change: Number(value) - Number(before),
  });
  return {
    datasets: c(r.datasets!, r.datasets_before!),
    rows: c(r.rows!, r.rows_before!),
    pipelines: c(r.pipelines!, r.pipelines_before!),
    scheduledRunsToday: c(r.runs_today!, r.runs_yesterday!),
  };
}

export interface ServiceRank {
  rank: number;
  type: string;
  label: Label;
  category: string;
  runs: number;
  pipelines: number;
  change: RankChange;
}

/** Categories that every pipeline has (reading and writing): not an analysis service of their own. */
const NOT_SERVICES = new Set(['source', 'output']);

export interface OfficeRank {
  rank: number;
  department: string;
  activeUsers: number;
  runs: number;
  change: RankChange;
}

/** One row of `runRankings`' query: a node type's or an office's figures for the period and the one before. */
interface RankRow {
  kind: 'service' | 'office';
  key: string;
  runs: number;
  prev_runs: number;
  pipelines: number;
  users: number;
  prev_users: number;
}

/**
 * The analysis-service and office rankings from one pass over the period's runs (and the one before, for ▲/▼).
 *
 * Services: node types by the runs of pipelines that use them in the period; a pipeline counts once per node type
 * however many nodes of it it has. Offices (departments): active users (signed in or started a run) and runs of
 * the department's pipelines, ranked by active users then runs.
 *
 * The runs are grouped once, by pipeline and by requester together (grouping sets), and both rankings are built
 * from those ~10k small groups: the two rankings used to read and join every run of both periods separately, which
 * was most of a recomputed home page on PGlite (its single connection runs the widgets' queries one after another).
 */
export async function runRankings(db: Db, registry: NodeRegistry, now: Date, period: HomePeriod, limit: number) {
  const span = HOME_PERIODS[period];
  const current = iso(new Date(now.getTime() - span));
  const previous = iso(new Date(now.getTime() - 2 * span));
  const end = iso(now);
  // A pipeline group has requested_by null and a requester group pipeline_id null, so the joins and the
  // "is not null" below pick each kind without grouping(): the planner then sees the real row counts.
  const rows = rowsOf<RankRow>(
    await db.execute(sql`
      with g as (
        select pipeline_id, requested_by,
          count(*) filter (where created_at >= ${current})::int as c,
          count(*) filter (where created_at < ${current})::int as p
        from runs where created_at >= ${previous} and created_at <= ${end}
        group by grouping sets ((pipeline_id), (requested_by))
      ), pp as (
        select pl.id, pl.owner_id, pl.latest_version, g.c, g.p
        from g join pipelines pl on pl.id = g.pipeline_id
      ), svc as (
        select nt.type, sum(pp.c)::int as runs, sum(pp.p)::int as prev_runs,
          (count(*) filter (where pp.c > 0))::int as pipelines
        from pp
        join pipeline_versions v on v.pipeline_id = pp.id and v.version = pp.latest_version
        cross join lateral (select distinct n->>'type' as type from jsonb_array_elements(v.doc->'nodes') n) nt
        group by nt.type
      ), r as (
        select ow.department, sum(pp.c)::int as runs, sum(pp.p)::int as prev_runs
        from pp join users ow on ow.id = pp.owner_id
        where ow.department is not null group by ow.department
      ), act as (
        select requested_by as user_id, c > 0 as cur, p > 0 as prev from g where requested_by is not null
        union all
        select user_id, bool_or(created_at >= ${current}), bool_or(created_at < ${current})
        from sessions where created_at >= ${previous} and created_at <= ${end} group by user_id
      ), u as (
        select us.department,
          (count(distinct a.user_id) filter (where a.cur))::int as users,
          (count(distinct a.user_id) filter (where a.prev))::int as prev_users
        from act a join users us on us.id = a.user_id
        where us.department is not null group by us.department
      )
      select 'service' as kind, type as key, runs, prev_runs, pipelines, 0 as users, 0 as prev_users from svc
      union all
      select 'office', coalesce(u.department, r.department), coalesce(r.runs, 0), coalesce(r.prev_runs, 0), 0,
        coalesce(u.users, 0), coalesce(u.prev_users, 0)
      from u full outer join r on r.department = u.department`),
  );
  return {
    services: rankServices(
      registry,
      rows.filter((r) => r.kind === 'service'),
      limit,
    ),
    offices: rankOffices(
      rows.filter((r) => r.kind === 'office'),
      limit,
    ),
  };
}

function rankServices(registry: NodeRegistry, rows: RankRow[], limit: number): ServiceRank[] {
  const known = rows.filter((r) => {
    const def = registry.get(r.key);
    return def !== undefined && !NOT_SERVICES.has(def.category);
  });
  const byPrevious = known
    .filter((r) => r.prev_runs > 0)
    .sort((a, b) => b.prev_runs - a.prev_runs || a.key.localeCompare(b.key));
  const before = new Map(byPrevious.map((r, i) => [r.key, i + 1]));
  return known
    .filter((r) => r.runs > 0)
    .sort((a, b) => b.runs - a.runs || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((r, i) => {
      const def = registry.get(r.key)!;
      return {
        rank: i + 1,
        type: r.key,
        label: def.label,
        category: def.category,
        runs: r.runs,
        pipelines: r.pipelines,
        change: rankChange(i + 1, before.get(r.key)),
      };
    });
}

function rankOffices(rows: RankRow[], limit: number): OfficeRank[] {
  const order = (users: 'users' | 'prev_users', runs: 'runs' | 'prev_runs') => (a: RankRow, b: RankRow) =>
    b[users] - a[users] || b[runs] - a[runs] || a.key.localeCompare(b.key);
  const before = new Map(
    rows
      .filter((r) => r.prev_users + r.prev_runs > 0)
      .sort(order('prev_users', 'prev_runs'))
      .map((r, i) => [r.key, i + 1]),
  );
  return rows
    .filter((r) => r.users + r.runs > 0)
    .sort(order('users', 'runs'))
    .slice(0, limit)
    .map((r, i) => ({
      rank: i + 1,
      department: r.key,
      activeUsers: r.users,
      runs: r.runs,
      change: rankChange(i + 1, before.get(r.key)),
    }));
}

/** The user's own: dashboards, recent pipelines and runs, requests (filed or assigned). */
export async function mine(db: Db, user: SessionUser) {
  const [dashboards, pipelines, runs, requests] = await Promise.all([
    db.execute(sql`
      select id, title, updated_at from dashboards
      where owner_id = ${user.id} and deleted_at is null order by updated_at desc limit 4`),
    db.execute(sql`
      select id, name, latest_version, updated_at from pipelines
      where owner_id = ${user.id} and deleted_at is null order by updated_at desc limit 5`),
    db.execute(sql`
      select ru.id, ru.pipeline_id, ru.status, ru.created_at, pl.name from runs ru
      join pipelines pl on pl.id = ru.pipeline_id
      where ru.requested_by = ${user.id} order by ru.created_at desc limit 5`),
    db.execute(sql`
      select id, title, state, updated_at, requester_id = ${user.id} as filed from analysis_requests
      where requester_id = ${user.id} or analyst_id = ${user.id} order by updated_at desc limit 5`),
  ]);
  const at = (v: unknown) => new Date(v as string).toISOString();
  return {
    dashboards: rowsOf<{ id: string; title: string; updated_at: string }>(dashboards).map((d) => ({
      id: d.id,
      title: d.title,
      updatedAt: at(d.updated_at),
    })),
    recent: [
      ...rowsOf<{ id: string; name: string; latest_version: number; updated_at: string }>(pipelines).map((p) => ({
        kind: 'pipeline' as const,
        id: p.id,
        pipelineId: p.id,
        title: p.name,
        detail: `v${p.latest_version}`,
        at: at(p.updated_at),
      })),
      ...rowsOf<{ id: string; pipeline_id: string; status: string; created_at: string; name: string }>(runs).map(
        (r) => ({
          kind: 'run' as const,
          id: r.id,
          pipelineId: r.pipeline_id,
          title: r.name,
          detail: r.status,
          at: at(r.created_at),
        }),
      ),
    ]
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 8),
    requests: rowsOf<{ id: string; title: string; state: string; updated_at: string; filed: boolean }>(requests).map(
      (r) => ({ id: r.id, title: r.title, state: r.state, filed: r.filed, updatedAt: at(r.updated_at) }),
    ),
  };
}
