import { type Patch, produceWithPatches } from 'immer';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { ActionContext } from './actions/define-action.ts';
import { type ActionName, type ArgsOf, actionsByName, type ResultOf } from './actions/registry.ts';
import './history.ts'; // enables immer patches

export interface Performed<N extends ActionName> {
  doc: PipelineDoc;
  patches: Patch[];
  inverse: Patch[];
  result: ResultOf<N>;
}

/**
 * Runs a named action on a document, purely: the new document plus the patches that made it and those
 * that take it back. Throws `ActionRefused` (nothing changed) when the action does not fit.
 *
 * @example
 * const { doc: next, result: id } = performAction(doc, 'add-node', { type: 'prep.filter' }, { registry });
 */
export function performAction<N extends ActionName>(
  doc: PipelineDoc,
  name: N,
  args: ArgsOf<N>,
  ctx: ActionContext,
): Performed<N> {
  const action = actionsByName.get(name);
  if (!action) throw new Error(`no action "${name}"`);
  let result: unknown;
  const [next, patches, inverse] = produceWithPatches(doc, (draft) => {
    // The registry's union of args is keyed by `name`; `actionsByName` returns the matching action.
    result = (action.perform as (d: typeof draft, a: unknown, c: ActionContext) => unknown)(draft, args, ctx);
  });
  return { doc: next, patches, inverse, result: result as ResultOf<N> };
}
