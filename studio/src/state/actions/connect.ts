import { defineAction } from './define-action.ts';
import { addEdge } from './edges.ts';

export interface ConnectArgs {
  source: string;
  target: string;
  sourcePort?: string;
  targetPort?: string;
}

/**
 * Feeds `target`'s input from `source`'s output. Refused with a reason for a cycle, a self-loop or an
 * unknown port; an input that takes one edge is re-fed (the old edge is removed in the same step).
 */
export const connect = defineAction({
  name: 'connect',
  label: { ko: '연결', en: 'Connect' },
  perform(doc, args: ConnectArgs, ctx) {
    addEdge(
      doc,
      {
        source: args.source,
        target: args.target,
        sourcePort: args.sourcePort ?? 'out',
        targetPort: args.targetPort ?? 'in',
      },
      ctx,
    );
  },
});
