import type { PipelineDoc } from '../../runtime/document/pipeline-doc.ts';
import { validatePipeline } from '../../runtime/document/validate.ts';
import { formatIssue } from '../../runtime/errors.ts';
import type { NodeRegistry } from '../../runtime/nodes/registry.ts';
import { ApiError } from '../errors.ts';

/**
 * The document as it will be stored: migrated to the current format and validated against this build's node
 * types (parameters without a value are allowed: a schedule or a template dialog fills them at run time).
 * Refused with 422 `invalid_pipeline` and every issue found.
 */
export function checkedDoc(input: unknown, registry: NodeRegistry): PipelineDoc {
  const result = validatePipeline(input, registry, { allowMissingParameters: true });
  if (result.ok) return result.pipeline.doc;
  const first = result.issues.slice(0, 3).map(formatIssue).join('; ');
  const more = result.issues.length > 3 ? ` (and ${result.issues.length - 3} more)` : '';
  throw new ApiError(422, 'invalid_pipeline', `the pipeline document is invalid: ${first}${more}`, {
    issues: result.issues,
  });
}
