import { z } from 'zod';
import { contentKey } from '../execute/content-key.ts';
import { defineNode } from '../nodes/define-node.ts';
import { ident } from '../sql/quote.ts';

const params = z
  .object({
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    rows: z.array(z.array(z.unknown())),
  })
  .strict();

/** Test-only source: a small typed table written inline, so runtime tests need no files. */
export const valuesSource = defineNode({
  type: 'test.values',
  version: 1,
  kind: 'source',
  category: 'source',
  label: { ko: '값 표', en: 'Values' },
  description: { ko: '테스트용 값 표', en: 'Inline table for tests' },
  inputs: [],
  outputs: [{ name: 'out', label: { ko: '출력', en: 'Output' } }],
  params,
  fingerprint: async ({ params: p }) => contentKey({ type: 'values', version: 1, params: p, inputs: {} }),
  load: async ({ params: p, engine, tableName }) => {
    const data = p.columns.map((_, c) => p.rows.map((r) => r[c]));
    await engine.createTable(tableName, p.columns, data);
    return {
      relation: ident(tableName),
      schema: await engine.describe(`SELECT * FROM ${ident(tableName)}`),
      warnings: [],
    };
  },
});
