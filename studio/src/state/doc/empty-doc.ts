import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';

/**
 * A new, empty format-1 document. The format literal is repeated here instead of imported so the first
 * screen does not pull zod in; `satisfies` keeps it in step with the contract.
 */
export function emptyDoc(name: string): PipelineDoc {
  return {
    format: 'customs-studio/pipeline',
    version: 1,
    name,
    parameters: [],
    nodes: [],
    edges: [],
  } satisfies PipelineDoc;
}
