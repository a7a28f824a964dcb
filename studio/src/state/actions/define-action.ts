import type { Draft } from 'immer';
import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import type { Label } from '../../../../runtime/nodes/param-meta.ts';
import type { NodeRegistry } from '../../../../runtime/nodes/registry.ts';

/** What an action may consult besides the document. The registry is absent until the node list has loaded. */
export interface ActionContext {
  registry: NodeRegistry | undefined;
}

/**
 * One named, undoable edit of the pipeline document (excalidraw's registered actions). `perform` edits an
 * immer draft in place and may return a result (e.g. the new node's id); the store records the patches, so
 * no action writes its own undo. Throw `ActionRefused` to refuse with a reason the officer can read.
 */
export interface ActionDef<N extends string, A, R> {
  name: N;
  label: Label;
  perform(doc: Draft<PipelineDoc>, args: A, ctx: ActionContext): R;
}

/** Identity with inference, so the registry knows each action's name, args and result types. */
export function defineAction<const N extends string, A, R = void>(def: ActionDef<N, A, R>): ActionDef<N, A, R> {
  return def;
}

/** An edit that does not fit the document (a cycle, an unknown port): nothing changes, the reason is shown. */
export class ActionRefused extends Error {
  constructor(readonly reason: Label) {
    super(reason.en);
    this.name = 'ActionRefused';
  }
}
