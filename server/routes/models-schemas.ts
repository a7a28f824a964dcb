/** Request and response bodies of `/api/models` (the model registry). */
import { z } from '@hono/zod-openapi';
import { checkModelName } from '../../runtime/ml/model-store.ts';

/** Largest model accepted (JSON with base64 ONNX, or a multipart upload); separate from the API's `bodyLimit`. */
export const MODEL_MAX_BYTES = 64 * 1024 * 1024;

const modelName = z.string().refine((n) => checkModelName(n) === null, {
  message: 'a model name may hold letters, digits, "_", "-" and "." (up to 80, not starting with ".")',
});

export const versionParams = z.object({
  name: modelName.openapi({ param: { name: 'name', in: 'path' }, example: 'hs-risk' }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});

export const infoSchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    kind: z.enum(['screening', 'onnx']),
    fingerprint: z.string().openapi({ description: 'SHA-256 of the training rows (empty for uploads)' }),
    metrics: z.record(z.string(), z.number()),
    owner: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    description: z.string().optional(),
  })
  .openapi('ModelInfo');

export const listSchema = z
  .object({
    items: z.array(z.object({ name: z.string(), latest: z.number().int(), versions: z.array(infoSchema) })),
  })
  .openapi('ModelList');

export const detailSchema = z
  .object({
    info: infoSchema,
    meta: z.object({
      kind: z.enum(['screening', 'onnx']),
      inputColumns: z.array(z.string()),
      learner: z.string().optional(),
      report: z
        .array(z.object({ learner: z.string(), precision: z.number(), recall: z.number(), auc: z.number() }))
        .optional(),
      features: z.array(z.string()).optional(),
      keys: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })).optional(),
    }),
  })
  .openapi('ModelDetail');

const onnxMeta = z.object({ kind: z.literal('onnx'), inputColumns: z.array(z.string().min(1)).min(1) });
/** A trained screening model's preprocessing, checked in outline; the studio's trainer produced it. */
const screeningMeta = z.looseObject({
  kind: z.literal('screening'),
  pre: z.looseObject({
    spec: z.looseObject({ categorical: z.array(z.string()), numeric: z.array(z.string()) }),
    prior: z.number(),
    keys: z.array(z.looseObject({ name: z.string(), columns: z.array(z.string()) })),
    featureNames: z.array(z.string()).min(1),
  }),
  unitValue: z.object({ value: z.string(), quantity: z.string() }).optional(),
  widths: z.record(z.string(), z.number()),
  learner: z.string(),
  report: z.array(z.looseObject({ learner: z.string() })),
});

export const registerBody = z
  .object({
    name: modelName,
    kind: z.enum(['screening', 'onnx']),
    fingerprint: z.string().max(128).default(''),
    metrics: z.record(z.string(), z.number()).default({}),
    description: z.string().max(500).optional(),
    meta: z.discriminatedUnion('kind', [onnxMeta, screeningMeta]),
    onnxBase64: z.string().min(1),
  })
  .openapi('ModelRegistration');

export const bundleSchema = z
  .object({
    info: infoSchema,
    meta: z.record(z.string(), z.unknown()).openapi({ description: 'ScreeningMeta or OnnxMeta, whole' }),
    onnxBase64: z.string(),
  })
  .openapi('ModelBundle');

export const uploadForm: { type: 'object'; required: string[]; properties: Record<string, Record<string, string>> } = {
  type: 'object',
  required: ['file', 'name', 'inputColumns'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'The .onnx file' },
    name: { type: 'string', example: 'my-model' },
    inputColumns: { type: 'string', description: 'Comma-separated columns, in the model input order', example: 'a,b' },
    description: { type: 'string' },
  },
};
