/**
 * Using a template: its document is copied into the caller's pipelines with the given parameter values (checked
 * against the declared parameters: unknown names refused, types checked, defaults kept for the rest), and the
 * use is counted and recorded for the ranking.
 */
import { eq, sql } from 'drizzle-orm';
import { coerceParameter, ParameterError } from '../../runtime/document/parameters.ts';
import type { PipelineDoc, PipelineParameter } from '../../runtime/document/pipeline-doc.ts';
import type { Message } from '../../runtime/messages/render.ts';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type TemplateEventKind, type TemplateRow, templateEvents, templates } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { checkedDoc } from '../pipelines/checked-doc.ts';
import { createPipeline } from '../pipelines/save.ts';

type Value = string | number | boolean;

/** The declared parameters with the given values as their defaults; 422 `invalid_parameters` listing each problem. */
export function fillParameters(declared: PipelineParameter[], given: Record<string, Value>): PipelineParameter[] {
  const problems: string[] = [];
  // the first problem in the officer's words (Korean and English), where the check said it so
  let said: Message | undefined;
  const known = new Set(declared.map((p) => p.name));
  for (const name of Object.keys(given)) if (!known.has(name)) problems.push(`unknown parameter "${name}"`);
  const filled = declared.map((p) => {
    if (!(p.name in given)) return p;
    const raw = given[p.name];
    if (p.type === 'number' && typeof raw === 'boolean') {
      problems.push(`parameter "${p.name}" (number): ${raw} is not a number`);
      return p;
    }
    try {
      return { ...p, default: coerceParameter(p, raw) };
    } catch (e) {
      problems.push((e as Error).message);
      if (e instanceof ParameterError) said ??= e.msg;
      return p;
    }
  });
  if (problems.length > 0) {
    throw new ApiError(422, 'invalid_parameters', problems.join('; '), { issues: problems }, said);
  }
  return filled;
}

export interface UseRequest {
  template: TemplateRow;
  user: SessionUser;
  name?: string;
  parameters?: Record<string, Value>;
  kind: Extract<TemplateEventKind, 'use' | 'copy'>;
  registry: NodeRegistry;
  now: Date;
}

export async function useTemplate(db: Db, r: UseRequest) {
  const source = r.template.doc as PipelineDoc;
  const declared = source.parameters ?? [];
  const parameters = r.kind === 'use' ? fillParameters(declared, r.parameters ?? {}) : declared;
  const name = r.name ?? r.template.title;
  const doc = checkedDoc({ ...source, name, parameters }, r.registry);
  const pipelineId = await createPipeline(db, {
    owner: r.user,
    doc,
    tags: r.template.tags,
    visibility: 'private',
    message: `${r.kind === 'use' ? 'used' : 'copied'} from template "${r.template.title}"`,
    now: r.now,
  });
  await recordEvent(db, r.template.id, r.user.id, r.kind, null, r.now);
  if (r.kind === 'use') {
    await db
      .update(templates)
      .set({ useCount: sql`${templates.useCount} + 1` })
      .where(eq(templates.id, r.template.id));
  }
  const values = Object.fromEntries(parameters.map((p) => [p.name, p.default ?? null]));
  return { pipelineId, name, parameters: values };
}

/**
 * "Use" in the studio: the template's document with the given values as its parameters' defaults, counted as a
 * use, but not saved anywhere — the editor opens it as a new, unsaved document (its first save creates the pipeline).
 */
export async function openTemplate(db: Db, r: Omit<UseRequest, 'kind'>) {
  const source = r.template.doc as PipelineDoc;
  const parameters = fillParameters(source.parameters ?? [], r.parameters ?? {});
  const name = r.name ?? r.template.title;
  const doc = checkedDoc({ ...source, name, parameters }, r.registry);
  await recordEvent(db, r.template.id, r.user.id, 'use', null, r.now);
  await db
    .update(templates)
    .set({ useCount: sql`${templates.useCount} + 1` })
    .where(eq(templates.id, r.template.id));
  return { doc, name };
}

export async function recordEvent(
  db: Db,
  templateId: string,
  userId: string | null,
  kind: TemplateEventKind,
  value: number | null,
  at: Date,
): Promise<void> {
  await db.insert(templateEvents).values({ templateId, userId, kind, value, at });
}
