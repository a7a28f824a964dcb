/**
 * A fresh install's shipped examples: samples as public datasets of the system account, every shipped pipeline a
 * published template (Korean first) reading those datasets, idempotent on the next start, updated once when a
 * shipped file changes; "use template" → run on the real runner gives the rows of the command-line run.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../auth/bootstrap.ts';
import { datasets, pipelineVersions, templates, users } from '../db/schema.ts';
import { readRunnerConfig } from '../runs/config.ts';
import { workerExecutor } from '../runs/executor.ts';
import { Runner } from '../runs/runner.ts';
import { drivers } from '../test/databases.ts';
import { type Client, PASSWORD, type TestServer, testServer } from '../test/harness.ts';
import { sampleDatasetId } from './ids.ts';
import { type SeedOptions, seedShipped } from './index.ts';
import { drawTemplatePreviews } from './previews.ts';
import { SYSTEM_USERNAME } from './system-account.ts';

type Json = Record<string, unknown>;
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const SHIPPED = readdirSync(join(PROJECT, 'templates'))
  .filter((f) => f.endsWith('.pipeline.json'))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(PROJECT, 'templates', f), 'utf8')) }));
const HANGUL = /[\uac00-\ud7a3]/;

describe('shipped examples seeded on start [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  const dataDir = mkdtempSync(join(tmpdir(), 'cas-seed-'));
  const templatesDir = join(dataDir, 'templates');
  const options = (): SeedOptions => ({
    registry: server.deps.registry,
    datasetsDir: server.deps.config.uploads.datasetsDir,
    previewMaxBytes: server.deps.config.uploads.previewMaxBytes,
    templatesDir,
    now: server.deps.now,
    previews: false,
  });
  const snapshot = async () => ({
    datasets: await server.database.db
      .select({ id: datasets.id, sha: datasets.sha256, at: datasets.updatedAt })
      .from(datasets)
      .orderBy(datasets.id),
    versions: await server.database.db
      .select({ id: pipelineVersions.pipelineId, v: pipelineVersions.version })
      .from(pipelineVersions)
      .orderBy(pipelineVersions.pipelineId, pipelineVersions.version),
    templates: await server.database.db
      .select({ id: templates.id, v: templates.pipelineVersion, at: templates.updatedAt })
      .from(templates)
      .orderBy(templates.id),
  });

  beforeAll(async () => {
    // a copy of the shipped pipelines (one is changed below); the samples are the shipped ones
    // (the samples folder only: `data-map.pipeline.json` is a shipped pipeline)
    const samplesDir = join(PROJECT, 'templates', 'data');
    cpSync(join(PROJECT, 'templates'), templatesDir, {
      recursive: true,
      filter: (f) => f !== samplesDir && !f.startsWith(`${samplesDir}/`),
    });
    server = await testServer(drivers[0]!, (c) => {
      c.dataDir = dataDir;
    });
    await seedShipped(server.database.db, options());
    await server.user('kim');
    kim = await server.signIn('kim');
  }, 180_000);

  afterAll(async () => {
    await server?.database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (server) rmSync(server.deps.config.uploads.datasetsDir, { recursive: true, force: true });
  });

  it("lists every shipped pipeline in a new officer's gallery, published, Korean first, with category and parameters", async () => {
    const res = await kim.get('/api/templates?limit=100');
    const { items, total } = (await res.json()) as { items: Json[]; total: number };
    expect(total).toBe(SHIPPED.length);
    for (const { file, doc } of SHIPPED) {
      const item = items.find((t) => t.title === doc.name);
      expect(item, file).toMatchObject({ status: 'published', owner: { username: SYSTEM_USERNAME } });
      expect(HANGUL.test(String(item!.title).split(' · ')[0]!), file).toBe(true);
      // the Korean paragraph comes first, the English one after it
      const [ko, en] = String(item!.description).split('\n\n');
      expect(HANGUL.test(ko!), file).toBe(true);
      expect(en, file).toMatch(/[A-Za-z]{4}/);
      const detail = (await (await kim.get(`/api/templates/${item!.id}`)).json()) as Json;
      expect(detail.parameters, file).toEqual(doc.parameters ?? []);
    }
    const category = (name: string) => items.find((t) => String(t.title).startsWith(name))?.category;
    expect(category('AI 통관 심사 2차')).toBe('clearance_risk_score');
    expect(category('AI 통관 심사 1차')).toBe('clearance_clustering');
    expect(category('수입대금 송금')).toBe('trade_finance');
    expect(category('업체 세무 위험')).toBe('tax_risk');
    expect(category('요건확인')).toBe('requirement_verification');
    expect(category('저가 신고 의심')).toBe('import_price');
  });

  it('reads the shipped samples as datasets in the seeded copy, never by path', async () => {
    const { items } = (await (await kim.get('/api/templates?limit=100')).json()) as { items: Json[] };
    const risk = items.find((t) => String(t.title).startsWith('AI 통관 심사 2차'))!;
    const doc = ((await (await kim.get(`/api/templates/${risk.id}`)).json()) as Json).doc as {
      nodes: { id: string; params: Json }[];
    };
    expect(doc.nodes.find((n) => n.id === 'history')!.params).toEqual({
      datasetId: sampleDatasetId('kcs/df_syn_train_eng.csv'),
      format: 'csv',
    });
    for (const { doc: shipped } of SHIPPED) {
      const seeded = (await server.database.db.select().from(templates)).find((t) => t.title === shipped.name)!;
      expect(JSON.stringify(seeded.doc), shipped.name).not.toContain('templates/data');
    }
  });

  it('registers every sample (kcs/ included) as a public dataset any officer reads but cannot change or delete', async () => {
    const listing = (await (await kim.get('/samples/')).json()) as Json[];
    const names = listing.map((s) => s.name);
    expect(names).toContain('declarations.csv');
    expect(names).toContain('kcs/df_syn_train_eng.csv');
    expect(names).not.toContain('README.md');
    expect(names.some((n) => String(n).includes('LICENSE'))).toBe(false);
    const decl = listing.find((s) => s.name === 'declarations.csv')!;
    expect(decl).toMatchObject({ datasetId: sampleDatasetId('declarations.csv'), format: 'csv' });
    const id = String(decl.datasetId);
    const detail = (await (await kim.get(`/api/datasets/${id}`)).json()) as Json;
    expect(detail).toMatchObject({ visibility: 'public', canEdit: false, rows: decl.rows, size: decl.size });
    expect((detail.owner as Json).username).toBe(SYSTEM_USERNAME);
    expect(Number(decl.rows)).toBeGreaterThan(1000);
    const file = await kim.get(`/api/datasets/${id}/file`);
    expect(file.status).toBe(200);
    expect(
      Buffer.from(await file.arrayBuffer()).equals(readFileSync(join(PROJECT, 'templates/data/declarations.csv'))),
    ).toBe(true);
    expect((await kim.patch(`/api/datasets/${id}`, { name: '내 것' })).status).toBe(403);
    expect((await kim.delete(`/api/datasets/${id}?force=true`)).status).toBe(403);
    expect(((await (await kim.get(`/api/datasets/${id}`)).json()) as Json).name).toBe('declarations.csv');
  });

  it('owns them by a system account nobody can sign in to, and still makes the admin on an empty database', async () => {
    const res = await server.anonymous().post('/api/auth/login', { username: SYSTEM_USERNAME, password: PASSWORD });
    expect(res.status).toBe(401);
    const [system] = await server.database.db.select().from(users).where(eq(users.username, SYSTEM_USERNAME));
    expect(system!.disabledAt).not.toBeNull();
    await server.user('boss', { role: 'admin' });
    const people = (await (await (await server.signIn('boss')).get('/api/users')).json()) as Json[];
    expect(people.map((u) => u.username)).toEqual(['boss', 'kim']);
    // a first start where seeding ran before the admin check: the system account alone is still "no users"
    const fresh = await testServer(drivers[0]!);
    try {
      await seedShipped(fresh.database.db, {
        ...options(),
        registry: fresh.deps.registry,
        datasetsDir: fresh.deps.config.uploads.datasetsDir,
        samplesDir: join(dataDir, 'no-samples'),
        templatesDir: join(dataDir, 'no-templates'),
      });
      const admin = await ensureAdmin(fresh.database.db);
      expect(admin?.username).toBe('admin');
    } finally {
      await fresh.database.close();
    }
  }, 60_000);

  it('writes nothing on the next start: same ids, same versions, no update', async () => {
    const before = await snapshot();
    server.advance(60_000);
    const again = await seedShipped(server.database.db, options());
    expect(await snapshot()).toEqual(before);
    expect(again.templates.map((t) => t.version)).toEqual(SHIPPED.map(() => 1));
  }, 60_000);

  it('adds exactly one version when a shipped file changes, and moves its template to it', async () => {
    const file = 'inspection-hit-rate.pipeline.json';
    const before = await snapshot();
    const doc = JSON.parse(readFileSync(join(templatesDir, file), 'utf8'));
    doc.parameters[1].default = 50;
    writeFileSync(join(templatesDir, file), JSON.stringify(doc, null, 2));
    server.advance(60_000);
    const seeded = await seedShipped(server.database.db, options());
    const changed = seeded.templates.find((t) => t.file === file)!;
    expect(changed.version).toBe(2);
    const after = await snapshot();
    expect(after.versions.length).toBe(before.versions.length + 1);
    expect(after.datasets).toEqual(before.datasets);
    const detail = (await (await kim.get(`/api/templates/${changed.templateId}`)).json()) as Json;
    expect(detail.pipelineVersion).toBe(2);
    expect((detail.parameters as Json[])[1]).toMatchObject({ name: 'min_inspections', default: 50 });
    // unchanged since: nothing more
    await seedShipped(server.database.db, options());
    expect(await snapshot()).toEqual(after);
  }, 60_000);

  it('registers a changed sample file again under the same dataset id', async () => {
    const samplesDir = join(dataDir, 'samples');
    mkdirSync(samplesDir);
    writeFileSync(join(samplesDir, 'tiny.csv'), 'a,b\n1,2\n');
    const only = { ...options(), samplesDir, templatesDir: join(dataDir, 'no-templates') };
    const first = await seedShipped(server.database.db, only);
    const id = first.samples.get('tiny.csv')!.datasetId;
    expect(first.samples.get('tiny.csv')).toMatchObject({ rows: 1, datasetId: sampleDatasetId('tiny.csv') });
    writeFileSync(join(samplesDir, 'tiny.csv'), 'a,b\n1,2\n3,4\n5,6\n');
    const second = await seedShipped(server.database.db, only);
    expect(second.samples.get('tiny.csv')).toMatchObject({ rows: 3, datasetId: id });
    const rows = await server.database.db.select().from(datasets).where(eq(datasets.id, id));
    expect(rows).toHaveLength(1);
  }, 60_000);

  it('draws a preview image from the template result (a table picture when it has no chart)', async () => {
    const [row] = await server.database.db
      .select({ id: templates.id })
      .from(templates)
      .where(eq(templates.title, SHIPPED.find((s) => s.file === 'cp949-declarations.pipeline.json')!.doc.name));
    await drawTemplatePreviews(server.database.db, [row!.id], {
      datasetsDir: server.deps.config.uploads.datasetsDir,
      maxBytes: server.deps.config.uploads.previewMaxBytes,
      now: server.deps.now,
      heapMb: 512,
    });
    const res = await kim.get(`/api/templates/${row!.id}/preview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await res.text();
    expect(svg).toContain('item_name_ko');
    expect(svg).toContain('declarations');
  }, 120_000);

  it('marks a template whose preview cannot be drawn, and does not run it again on the next start', async () => {
    const [row] = await server.database.db
      .select({ id: templates.id, pipelineId: templates.pipelineId, version: templates.pipelineVersion })
      .from(templates)
      .where(eq(templates.title, SHIPPED.find((s) => s.file === 'importer-profile.pipeline.json')!.doc.name));
    // its pipeline version now reads a dataset that does not exist
    const where = and(eq(pipelineVersions.pipelineId, row!.pipelineId!), eq(pipelineVersions.version, row!.version));
    const [version] = await server.database.db.select().from(pipelineVersions).where(where);
    const broken = JSON.parse(
      JSON.stringify(version!.doc).replaceAll(sampleDatasetId('companies.csv'), sampleDatasetId('gone.csv')),
    );
    await server.database.db.update(pipelineVersions).set({ doc: broken }).where(where);
    await server.database.db.update(templates).set({ preview: null }).where(eq(templates.id, row!.id));
    const logged: string[] = [];
    const draw = () =>
      drawTemplatePreviews(server.database.db, [row!.id], {
        datasetsDir: server.deps.config.uploads.datasetsDir,
        maxBytes: server.deps.config.uploads.previewMaxBytes,
        now: server.deps.now,
        log: (m) => logged.push(m),
      });
    await draw();
    expect(logged).toEqual([expect.stringContaining('no preview')]);
    await draw();
    expect(logged).toHaveLength(1);
    expect((await kim.get(`/api/templates/${row!.id}/preview`)).status).toBe(404);
    const again = await seedShipped(server.database.db, options());
    expect(again.templates.find((t) => t.templateId === row!.id)?.hasPreview).toBe(true); // nothing to draw
  }, 60_000);

  it('"use template" → run on the server gives the rows of the command-line run of the shipped file', async () => {
    const shipped = SHIPPED.find((s) => s.file === 'cp949-declarations.pipeline.json')!;
    const outDir = mkdtempSync(join(tmpdir(), 'cas-seed-cli-'));
    const cliOut = join(outDir, 'ranked.json');
    const cli = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', 'run', `templates/${shipped.file}`, '--out', `ranked=${cliOut}`],
      { cwd: PROJECT },
    );
    const { items } = (await (await kim.get('/api/templates?limit=100')).json()) as { items: Json[] };
    const template = items.find((t) => t.title === shipped.doc.name)!;
    const used = (await (await kim.post(`/api/templates/${template.id}/use`, {})).json()) as Json;
    const execute = workerExecutor({
      db: server.database.db,
      datasetsDir: server.deps.config.uploads.datasetsDir,
      allowedDir: join(dataDir, 'files'),
      artifactsDir: readRunnerConfig({}, dataDir).artifactsDir,
      timeLimitMs: 60_000,
      threads: 1,
      memoryLimit: '512MB',
      heapMb: 512,
    });
    const runner = new Runner({ db: server.database.db, now: server.deps.now, execute, maxAttempts: 1 });
    try {
      const res = await kim.post('/api/schedules', { pipelineId: used.pipelineId, cron: '0 0 1 1 *', params: {} });
      expect(res.status, await res.clone().text()).toBe(201);
      const schedule = (await res.json()) as Json;
      const queued = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
      await runner.tick();
      await runner.idle();
      const run = (await (await kim.get(`/api/runs/${queued.id}`)).json()) as Json;
      expect(run.status, String(run.error)).toBe('succeeded');
      const parquet = await kim.get(`/api/runs/${queued.id}/artifacts/ranked?format=parquet`);
      expect(parquet.status).toBe(200);
      const server_rows = await parquetReadObjects({ file: await parquet.arrayBuffer() });
      await cli;
      const cli_rows = readFileSync(cliOut, 'utf8') // one JSON object per line
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Json);
      const plain = (rows: Json[]) =>
        rows.map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
        );
      expect(cli_rows.length).toBe(20);
      expect(plain(server_rows)).toEqual(plain(cli_rows));
    } finally {
      await runner.stop();
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});
