import { type EdgeEnds, sameEdge } from '../doc/graph.ts';
import { ActionRefused, defineAction } from './define-action.ts';

export interface DisconnectArgs {
  edges: EdgeEnds[];
}

/** Removes edges, matched by their ends (ports default to `out` → `in`). */
export const disconnect = defineAction({
  name: 'disconnect',
  label: { ko: '연결 끊기', en: 'Disconnect' },
  perform(doc, args: DisconnectArgs) {
    const before = doc.edges.length;
    doc.edges = doc.edges.filter((e) => !args.edges.some((x) => sameEdge(e, x)));
    if (doc.edges.length === before) {
      throw new ActionRefused({ ko: '끊을 연결이 없습니다', en: 'No such connection' });
    }
  },
});
