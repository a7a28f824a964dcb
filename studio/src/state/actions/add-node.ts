import type { PipelineNode } from '../../../../runtime/document/pipeline-doc.ts';
import { NODE_ID_PATTERN } from '../doc/graph.ts';
import { uniqueNodeId } from '../doc/node-ids.ts';
import { besideOf, boxesOf, DEFAULT_SIZE, placeNode } from '../doc/placement.ts';
import { ActionRefused, defineAction } from './define-action.ts';
import { addEdge } from './edges.ts';

export interface AddNodeArgs {
  type: string;
  params?: Record<string, unknown>;
  /** An exact id (refused if taken or malformed); else one is made from `idHint` or the type. */
  id?: string;
  idHint?: string;
  label?: string;
  position?: { x: number; y: number };
  /** Also feed the new node from this one (a notebook's "add a cell after"), in the same undo step. */
  after?: { source: string; sourcePort?: string; targetPort?: string };
}

/** Adds a node; returns its id. */
export const addNode = defineAction({
  name: 'add-node',
  label: { ko: '노드 추가', en: 'Add node' },
  perform(doc, args: AddNodeArgs, ctx): string {
    if (ctx.registry && !ctx.registry.has(args.type)) {
      throw new ActionRefused({ ko: `알 수 없는 노드 종류 "${args.type}"`, en: `Unknown node type "${args.type}"` });
    }
    const id = args.id ?? uniqueNodeId(doc, args.idHint ?? args.type);
    if (!NODE_ID_PATTERN.test(id) || doc.nodes.some((n) => n.id === id)) {
      throw new ActionRefused({
        ko: `노드 이름 "${id}"을(를) 쓸 수 없습니다`,
        en: `The node id "${id}" cannot be used`,
      });
    }
    const from = args.after && doc.nodes.find((n) => n.id === args.after?.source);
    if (args.after && !from) {
      throw new ActionRefused({ ko: `노드 "${args.after.source}"가 없습니다`, en: `No node "${args.after.source}"` });
    }
    const node: PipelineNode = { id, type: args.type, params: args.params ?? {} };
    if (args.label) node.label = args.label;
    node.position = args.position ?? nextPosition(doc.nodes, from?.id);
    doc.nodes.push(node);
    if (args.after) {
      addEdge(
        doc,
        {
          source: args.after.source,
          target: id,
          sourcePort: args.after.sourcePort ?? 'out',
          targetPort: args.after.targetPort ?? 'in',
        },
        ctx,
      );
    }
    return id;
  },
});

/** A free spot: beside the node it follows, else in the first free place from the top left. */
function nextPosition(nodes: PipelineNode[], after: string | undefined) {
  const boxes = boxesOf(nodes);
  const anchor = after === undefined ? undefined : boxes[nodes.findIndex((n) => n.id === after)];
  return placeNode(boxes, DEFAULT_SIZE, anchor ? besideOf(anchor) : { x: 0, y: 0 });
}
