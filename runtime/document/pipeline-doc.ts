import { z } from 'zod';

export const PIPELINE_FORMAT = 'customs-studio/pipeline';
export const CURRENT_VERSION = 1;

export const NODE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const parameterSchema = z.object({
  name: z.string().regex(NODE_ID, 'a parameter name is a letter or _ followed by letters, digits or _'),
  type: z.enum(['string', 'number', 'boolean', 'date']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  label: z.string().optional(),
  description: z.string().optional(),
});

export const nodeSchema = z.object({
  id: z.string().regex(NODE_ID, 'a node id is a letter or _ followed by letters, digits or _'),
  type: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  label: z.string().optional(),
  notes: z.string().optional(),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  ui: z.record(z.string(), z.unknown()).optional(),
});

export const edgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  sourcePort: z.string().default('out'),
  targetPort: z.string().default('in'),
  id: z.string().optional(),
  ui: z.record(z.string(), z.unknown()).optional(),
});

/** Pipeline document, format 1 (`../shared/design/pipeline-format.md`). Holds references, never data. */
export const pipelineDocSchema = z.object({
  format: z.literal(PIPELINE_FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z.string(),
  description: z.string().optional(),
  parameters: z.array(parameterSchema).default([]),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema).default([]),
  ui: z.record(z.string(), z.unknown()).optional(),
});

export type PipelineDoc = z.infer<typeof pipelineDocSchema>;
export type PipelineNode = z.infer<typeof nodeSchema>;
export type PipelineEdge = z.infer<typeof edgeSchema>;
export type PipelineParameter = z.infer<typeof parameterSchema>;
export type ParameterValue = string | number | boolean;
