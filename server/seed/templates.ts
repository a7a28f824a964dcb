/**
 * Every shipped pipeline (`templates/*.pipeline.json`) as a published template ("우수 분석사례") owned by the
 * system account, with a pipeline of the same content behind it. Idempotent: the pipeline version's message
 * records the content hash of the seeded document; an unchanged file writes nothing, a changed one adds one
 * pipeline version and moves the template to it (its preview is cleared and drawn again).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { PipelineDoc } from '../../runtime/document/pipeline-doc.ts';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { pipelines, pipelineVersions, type TemplateRow, templates } from '../db/schema.ts';
import { checkedDoc } from '../pipelines/checked-doc.ts';
import { saveVersion } from '../pipelines/save.ts';
import { catalogueEntry, galleryDescription } from './catalogue.ts';
import { shippedPipelineId, shippedTemplateId } from './ids.ts';
import { PREVIEW_FAILED } from './previews.ts';
import { rewriteSamplePaths } from './rewrite.ts';

export interface SeededTemplate {
  /** The shipped file's name (`under-valued-imports.pipeline.json`). */
  file: string;
  templateId: string;
  pipelineId: string;
  version: number;
  /** SHA-256 of the seeded document (after the sample paths became dataset ids). */
  contentHash: string;
  hasPreview: boolean;
}

export interface TemplateSeedOptions {
  templatesDir: string;
  /** Sample name → its dataset (from `seedSampleDatasets`). */
  samples: ReadonlyMap<string, { datasetId: string }>;
  system: SessionUser;
  registry: NodeRegistry;
  now: Date;
  log?: (message: string) => void;
}

export const shippedMessage = (file: string, hash: string) => `shipped ${file} sha256:${hash}`;

export async function seedTemplates(db: Db, o: TemplateSeedOptions): Promise<SeededTemplate[]> {
  const files = (await readdir(o.templatesDir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.pipeline.json'))
    .sort();
  const out: SeededTemplate[] = [];
  for (const file of files) {
    try {
      const seeded = await seedOne(db, file, o);
      if (seeded) out.push(seeded);
    } catch (e) {
      o.log?.(`Template ${file} could not be seeded: ${(e as Error).message}`);
    }
  }
  return out;
}

async function seedOne(db: Db, file: string, o: TemplateSeedOptions): Promise<SeededTemplate | undefined> {
  const shipped = JSON.parse(await readFile(path.join(o.templatesDir, file), 'utf8')) as PipelineDoc;
  const doc = checkedDoc(rewriteSamplePaths(shipped, o.samples, o.registry), o.registry);
  const contentHash = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
  const message = shippedMessage(file, contentHash);
  const pipelineId = shippedPipelineId(file);
  const version = await ensurePipeline(db, pipelineId, doc, message, o);
  if (version === undefined) {
    o.log?.(`Template ${file}: its pipeline was deleted on this server; left as it is`);
    return undefined;
  }
  const templateId = shippedTemplateId(file);
  const { category, tags } = catalogueEntry(file);
  const fields = { title: doc.name, description: galleryDescription(doc.description ?? ''), category, tags };
  const [existing] = await db
    .select({
      pipelineVersion: templates.pipelineVersion,
      title: templates.title,
      description: templates.description,
      category: templates.category,
      tags: templates.tags,
      // drawn, or failed for this version (`PREVIEW_FAILED`): nothing to draw at this start
      hasPreview: sql<boolean>`${templates.preview} is not null or ${templates.previewType} = ${PREVIEW_FAILED}`,
    })
    .from(templates)
    .where(eq(templates.id, templateId));
  let hasPreview = existing?.hasPreview === true;
  if (!existing) {
    await db
      .insert(templates)
      .values({
        id: templateId,
        ownerId: o.system.id,
        pipelineId,
        pipelineVersion: version,
        doc,
        ...fields,
        status: 'published',
        publishedAt: o.now,
        createdAt: o.now,
        updatedAt: o.now,
      })
      .onConflictDoNothing({ target: templates.id });
    o.log?.(`Template ${file}: published`);
  } else if (existing.pipelineVersion !== version) {
    await db
      .update(templates)
      .set({ pipelineVersion: version, doc, ...fields, previewType: null, preview: null, updatedAt: o.now })
      .where(eq(templates.id, templateId));
    hasPreview = false;
    o.log?.(`Template ${file}: updated to version ${version}`);
  } else if (!sameFields(existing, fields)) {
    await db
      .update(templates)
      .set({ ...fields, updatedAt: o.now })
      .where(eq(templates.id, templateId));
  }
  return { file, templateId, pipelineId, version, contentHash, hasPreview };
}

/** The pipeline's version holding this content: created, or saved as a new version when the content changed. */
async function ensurePipeline(
  db: Db,
  pipelineId: string,
  doc: PipelineDoc,
  message: string,
  o: TemplateSeedOptions,
): Promise<number | undefined> {
  const [p] = await db.select().from(pipelines).where(eq(pipelines.id, pipelineId));
  if (!p) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(pipelines)
        .values({
          id: pipelineId,
          ownerId: o.system.id,
          name: doc.name,
          description: doc.description ?? '',
          tags: [],
          visibility: 'private',
          latestVersion: 1,
          createdAt: o.now,
          updatedAt: o.now,
        })
        .onConflictDoNothing({ target: pipelines.id })
        .returning({ id: pipelines.id });
      if (!row) return; // another instance seeded it a moment ago
      await tx
        .insert(pipelineVersions)
        .values({ pipelineId, version: 1, doc, authorId: o.system.id, message, createdAt: o.now });
    });
    return 1;
  }
  if (p.deletedAt) return undefined;
  const [latest] = await db
    .select({ message: pipelineVersions.message })
    .from(pipelineVersions)
    .where(and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.version, p.latestVersion)));
  if (latest?.message === message) return p.latestVersion;
  const saved = await saveVersion(db, {
    pipelineId,
    user: o.system,
    doc,
    baseVersion: p.latestVersion,
    message,
    now: o.now,
  });
  return saved.kind === 'saved' ? saved.version : p.latestVersion;
}

function sameFields(
  t: Pick<TemplateRow, 'title' | 'description' | 'category' | 'tags'>,
  f: { title: string; description: string; category: string; tags: string[] },
) {
  return (
    t.title === f.title &&
    t.description === f.description &&
    t.category === f.category &&
    t.tags.length === f.tags.length &&
    t.tags.every((tag, i) => tag === f.tags[i])
  );
}
