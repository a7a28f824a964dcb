import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import type { Engine } from '../engine/engine.ts';
import { MemoryTrainingCache } from '../ml/training-cache.ts';
import { defineNode, type NodeDefinition } from '../nodes/define-node.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { ident } from '../sql/quote.ts';
import { doc, resolve } from '../testing/harness.ts';
import { createRunSession } from './run-session.ts';

/** A model node in miniature: "trains" unless its session's training cache already holds the training. */
const trainOnce = defineNode({
  type: 'test.train_once',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '학습', en: 'Train' },
  description: { ko: '테스트', en: 'Test' },
  inputs: [],
  outputs: [{ name: 'out', label: { ko: '출력', en: 'Output' } }],
  params: z.object({ settings: z.string() }).strict(),
  outputSchema: () => [{ name: 'trained', type: 'BOOLEAN' }],
  run: async ({ engine, tableName, params, trainings }) => {
    const reused = (await trainings?.get(params.settings)) !== undefined;
    if (!reused) await trainings?.set(params.settings, 'model');
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(tableName)} AS SELECT ${!reused} AS trained`);
    return {};
  },
});

const files = {} as FileAccess;
let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

async function trained(session: ReturnType<typeof createRunSession>, settings: string): Promise<boolean> {
  const pipeline = resolve(doc([{ id: 'm', type: 'test.train_once', params: { settings } }], []), [
    trainOnce as NodeDefinition,
  ]);
  return (await session.preview(pipeline, 'm')).rows[0]!.trained as boolean;
}

describe('run sessions keep their trainings apart', () => {
  it('reuses a training within a session and never across two sessions of one process', async () => {
    const a = createRunSession({ engine, files });
    const b = createRunSession({ engine, files });
    expect(await trained(a, 'rounds=40')).toBe(true);
    // Another setting in the same session trains; the first one's result is not reused for it.
    expect(await trained(a, 'rounds=41')).toBe(true);
    // A second session in the same process starts from its own, empty cache.
    expect(await trained(b, 'rounds=40')).toBe(true);
    // A session given a lasting cache sees what was kept there.
    const kept = new MemoryTrainingCache();
    await kept.set('rounds=40', 'model');
    expect(await trained(createRunSession({ engine, files, trainings: kept }), 'rounds=40')).toBe(false);
  });
});
