/**
 * `npm run bench -- --suite home`: the home page and global search on a large library (issue 19) — 10,000
 * pipelines, 100,000 runs over 30 days, 2,000 datasets, 300 published templates with 20,000 uses, 3,000 sign-ins,
 * 200 users in 20 offices — through the real app on PGlite (and on PostgreSQL when BENCH_DATABASE_URL is set).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { registry } from '../nodes/index.ts';
import { createApp } from '../server/app.ts';
import { hashPassword } from '../server/auth/password.ts';
import { readConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { SHARED_TTL_MS } from '../server/routes/home.ts';
import { insertUser } from '../server/users/queries.ts';
import { writeSection } from './results-file.ts';
import { median, ms, timeRuns } from './stats.ts';

const PIPELINES = 10_000;
const RUNS = 100_000;
const PASSWORD = 'bench password 1234';

export async function seed(db: Database['db']) {
  const types = [...registry.values()]
    .filter((d) => d.category !== 'source' && d.category !== 'output')
    .map((d) => d.type);
  const typeArray = `{${types.join(',')}}`; // one text[] parameter (a JS array would be spread into a row)
  await db.execute(sql`
    insert into users (username, display_name, password_hash, role, department)
    select 'user' || g, '사용자 ' || g, 'x', 'officer', '세관 ' || (g % 20) from generate_series(1, 200) g`);
  await db.execute(sql`
    insert into pipelines (owner_id, name, description, visibility, department, latest_version, created_at, updated_at)
    select u.id,
      (array['수입신고 분석', '수출 현황', '관세 환급 점검', '원산지 검증', 'HS 분류 예측'])[1 + g % 5] || ' ' || g,
      '벤치마크 파이프라인', (array['private', 'department', 'public'])[1 + g % 3], u.department, 1,
      now() - (g % 60) * interval '1 day', now() - (g % 60) * interval '1 day'
    from generate_series(1, ${PIPELINES}) g
    join (select id, department, row_number() over () as n from users) u on u.n = 1 + g % 200`);
  await db.execute(sql`
    insert into pipeline_versions (pipeline_id, version, doc, author_id)
    select p.id, 1, jsonb_build_object('nodes', jsonb_build_array(
        jsonb_build_object('id', 'src', 'type', 'source.file'),
        jsonb_build_object('id', 'a', 'type', (${typeArray}::text[])[1 + p.n % ${types.length}]),
        jsonb_build_object('id', 'b', 'type', (${typeArray}::text[])[1 + (p.n * 7) % ${types.length}]),
        jsonb_build_object('id', 'out', 'type', 'output.file'))), p.owner_id
    from (select id, owner_id, row_number() over () as n from pipelines) p`);
  await db.execute(sql`
    insert into schedules (pipeline_id, owner_id, cron)
    select id, owner_id, '0 6 * * *' from pipelines order by id limit 2000`);
  await db.execute(sql`
    with p as (select array_agg(id) ids from pipelines), s as (select array_agg(id) ids from schedules),
    u as (select array_agg(id) ids from users)
    insert into runs (pipeline_id, schedule_id, status, run_after, created_at, requested_by, trigger)
    select p.ids[1 + g % ${PIPELINES}],
      case when g % 3 = 0 then s.ids[1 + g % 2000] end,
      'succeeded', t, t,
      case when g % 3 = 1 then u.ids[1 + g % 200] end,
      case when g % 3 = 0 then 'schedule' else 'manual' end
    from generate_series(1, ${RUNS}) g, p, s, u,
      lateral (select now() - ((g * 7919) % (30 * 24 * 60)) * interval '1 minute' as t) ts`);
  await db.execute(sql`
    insert into datasets (id, owner_id, name, original_name, stored_name, format, size, sha256, rows, columns, profile,
      visibility, created_at, updated_at)
    select gen_random_uuid(), u.ids[1 + g % 200], '수입신고 자료 ' || g, 'd' || g || '.csv', 'd.csv', 'csv', 1000,
      'x', 1000 + g * 37, '[]', '{}', 'public', now() - (g % 40) * interval '1 day', now()
    from generate_series(1, 2000) g, (select array_agg(id) ids from users) u`);
  await db.execute(sql`
    insert into templates (owner_id, pipeline_version, doc, title, status, published_at)
    select u.ids[1 + g % 200], 1, '{}', '우수사례 ' || g, 'published', now() - interval '40 days'
    from generate_series(1, 300) g, (select array_agg(id) ids from users) u`);
  await db.execute(sql`
    insert into template_events (template_id, user_id, kind, at)
    select t.ids[1 + (g * 13) % 300], u.ids[1 + g % 200], 'use', now() - ((g * 31) % (14 * 24)) * interval '1 hour'
    from generate_series(1, 20000) g, (select array_agg(id) ids from templates) t, (select array_agg(id) ids from users) u`);
  await db.execute(sql`
    insert into template_searches (term, user_id, at)
    select (array['수입신고', '원산지', 'hs', '환급', '우범'])[1 + g % 5], u.ids[1 + g % 200],
      now() - (g % (14 * 24)) * interval '1 hour'
    from generate_series(1, 5000) g, (select array_agg(id) ids from users) u`);
  await db.execute(sql`
    insert into sessions (id_hash, user_id, csrf_token, created_at, expires_at, absolute_expires_at)
    select 'bench' || g, u.ids[1 + (g * 17) % 200], 'x', now() - (g % (14 * 24)) * interval '1 hour',
      now() + interval '1 hour', now() + interval '1 hour'
    from generate_series(1, 3000) g, (select array_agg(id) ids from users) u`);
  await db.execute(sql`analyze`);
}

interface Figures {
  driver: string;
  seedMs: number;
  homeCold: number;
  homeWarm: number;
  homeCached: number;
  chosung: number;
  partial: number;
}

async function measure(database: Database): Promise<Figures> {
  const t0 = performance.now();
  await seed(database.db);
  const seedMs = performance.now() - t0;
  const config = readConfig({});
  let clock = Date.now();
  const app = createApp({ ...database, config, registry, now: () => new Date(clock), log: () => {} });
  await insertUser(database.db, {
    username: 'bencher',
    displayName: 'bencher',
    passwordHash: await hashPassword(PASSWORD),
    role: 'officer',
    department: '세관 1',
    mustChangePassword: false,
  });
  const origin = 'http://localhost';
  const login = await app.request(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bencher', password: PASSWORD }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const get = async (path: string) => {
    const res = await app.request(`${origin}${path}`, { headers: { origin, cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const c0 = performance.now();
  const home = (await get('/api/home')) as { counters: { pipelines: { value: number } }; services: unknown[] };
  const homeCold = performance.now() - c0;
  if (home.counters.pipelines.value !== PIPELINES || home.services.length === 0) throw new Error('home: wrong figures');
  // past the portal widgets' cache each time: everything recomputed
  const homeWarm = median(
    await timeRuns(3, () => {
      clock += SHARED_TTL_MS + 1;
      return get('/api/home');
    }),
  );
  const homeCached = median(await timeRuns(5, () => get('/api/home')));
  const chosung = median(await timeRuns(5, () => get(`/api/search?q=${encodeURIComponent('ㅅㅇㅅㄱ')}`)));
  const partial = median(await timeRuns(5, () => get(`/api/search?q=${encodeURIComponent('수입신')}`)));
  return { driver: database.driver, seedMs, homeCold, homeWarm, homeCached, chosung, partial };
}

export async function runHomeSuite(machine: string) {
  const figures: Figures[] = [];
  for (const url of [undefined, process.env.BENCH_DATABASE_URL].filter((u, i) => i === 0 || u)) {
    const database = await openDatabase(url ? { url } : {});
    try {
      figures.push(await measure(database));
    } finally {
      await database.close();
    }
  }
  const body = `## Home page and global search on a large library (issue 19)

Command: \`npm run bench -- --suite home\` (PostgreSQL too with \`BENCH_DATABASE_URL=postgres://…\`) · ${new Date().toISOString().slice(0, 10)} · ${machine}

${PIPELINES.toLocaleString('en-US')} pipelines, ${RUNS.toLocaleString('en-US')} runs over 30 days, 2,000 datasets, 300 templates with
20,000 uses, 5,000 searches, 3,000 sign-ins, 200 users in 20 offices; every request through the app (session,
permissions, JSON). \`GET /api/home\` answers every widget (one aggregate query each, the service
and office rankings sharing one); the portal-wide ones
(counters, rankings, popular searches) are kept for ${SHARED_TTL_MS / 1000} s per server, the user's own are read every time.
"recomputed" moves the clock past that cache (median of 3), "cached" is the median of 5 within it. Search returns
up to 8 hits per kind that the user may open (median of 5). Load average during the run: ${os.loadavg()[0]!.toFixed(1)}
(machine shared with other jobs: figures are upper bounds).

| database | seed | home first | home recomputed | home cached | search "ㅅㅇㅅㄱ" (초성) | search "수입신" (partial) |
|---|---:|---:|---:|---:|---:|---:|
${figures.map((f) => `| ${f.driver} | ${ms(f.seedMs)} | ${ms(f.homeCold)} | ${ms(f.homeWarm)} | ${ms(f.homeCached)} | ${ms(f.chosung)} | ${ms(f.partial)} |`).join('\n')}`;
  await writeSection('home', body);
  console.log(body);
}
