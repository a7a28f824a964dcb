import { addNode } from './add-node.ts';
import { connect } from './connect.ts';
import { disconnect } from './disconnect.ts';
import { duplicateNodes } from './duplicate-nodes.ts';
import { editGroups } from './groups.ts';
import { moveNodes } from './move-nodes.ts';
import { pasteNodes } from './paste-nodes.ts';
import { removeNodes } from './remove-nodes.ts';
import { renameNode } from './rename-node.ts';
import { renamePipeline } from './rename-pipeline.ts';
import { setNodeNotes } from './set-node-notes.ts';
import { setParameter } from './set-parameter.ts';
import { editNotes } from './sticky-notes.ts';
import { updateParams } from './update-params.ts';

/** Every edit of the document, one line each. Menus, shortcuts and the history read names and labels here. */
export const actionList = [
  addNode,
  removeNodes,
  connect,
  disconnect,
  updateParams,
  moveNodes,
  renameNode,
  setNodeNotes,
  renamePipeline,
  setParameter,
  pasteNodes,
  duplicateNodes,
  editNotes,
  editGroups,
] as const;

type AnyAction = (typeof actionList)[number];
type ByName = { [A in AnyAction as A['name']]: A };

export type ActionName = keyof ByName;
export type ArgsOf<N extends ActionName> = Parameters<ByName[N]['perform']>[1];
export type ResultOf<N extends ActionName> = ReturnType<ByName[N]['perform']>;

export const actionsByName = new Map<string, AnyAction>(actionList.map((a) => [a.name, a]));
