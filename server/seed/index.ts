/**
 * What ships with the studio, made server objects on every start: the sample files as public datasets, the
 * shipped pipelines as published templates reading those datasets, then (in the background) their preview
 * images. `main.ts` awaits `seedShipped` before it listens and lets `previews` finish on its own.
 */
import { fileURLToPath } from 'node:url';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';
import type { Db } from '../db/client.ts';
import { sampleDatasetId } from './ids.ts';
import { drawTemplatePreviews } from './previews.ts';
import { listSampleFiles, type SeededSample, seedSampleDatasets } from './samples.ts';
import { ensureSystemAccount } from './system-account.ts';
import { type SeededTemplate, seedTemplates } from './templates.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export interface SeedOptions {
  registry: NodeRegistry;
  datasetsDir: string;
  previewMaxBytes: number;
  /** Default `<project>/templates/data` and `<project>/templates`. */
  samplesDir?: string;
  templatesDir?: string;
  now: () => Date;
  log?: (message: string) => void;
  /** Draw missing previews in the background (default true). */
  previews?: boolean;
  signal?: AbortSignal;
}

export interface SeedResult {
  samples: Map<string, SeededSample>;
  templates: SeededTemplate[];
  /** Resolves when the background previews are drawn (never rejects). */
  previews: Promise<void>;
  ms: number;
}

export async function seedShipped(db: Db, o: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const system = await ensureSystemAccount(db, o.now());
  const samplesDir = o.samplesDir ?? `${PROJECT}templates/data`;
  const samples = await seedSampleDatasets(db, {
    samplesDir,
    datasetsDir: o.datasetsDir,
    system,
    now: o.now(),
    log: o.log,
  });
  const templates = await seedTemplates(db, {
    templatesDir: o.templatesDir ?? `${PROJECT}templates`,
    // every sample file present, registered or not: a sample that failed to register this time must not flip
    // the templates back to file paths (a new version now, another one on the next start)
    samples: new Map((await listSampleFiles(samplesDir)).map((f) => [f.name, { datasetId: sampleDatasetId(f.name) }])),
    system,
    registry: o.registry,
    now: o.now(),
    log: o.log,
  });
  const ms = Math.round(performance.now() - started);
  const missing = templates.filter((t) => !t.hasPreview).map((t) => t.templateId);
  const previews =
    o.previews === false || missing.length === 0
      ? Promise.resolve()
      : drawTemplatePreviews(db, missing, {
          datasetsDir: o.datasetsDir,
          maxBytes: o.previewMaxBytes,
          now: o.now,
          log: o.log,
          signal: o.signal,
        }).catch((e: unknown) => o.log?.(`Template previews stopped: ${(e as Error).message}`));
  return { samples, templates, previews, ms };
}

export { rewriteSamplePaths, sampleNameOf } from './rewrite.ts';
export { SAMPLE_NAME } from './samples.ts';
export { SYSTEM_USERNAME } from './system-account.ts';
export { listSampleFiles, sampleDatasetId };
