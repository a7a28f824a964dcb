import { ActionRefused, defineAction } from './define-action.ts';
import { findNode } from './find-node.ts';

export interface UpdateParamsArgs {
  id: string;
  /** Replaces all params. */
  params?: Record<string, unknown>;
  /**
   * Sets single values by dot path (`where`, `rules.0.value`, `options.encoding`); `undefined` deletes the
   * key. Missing objects and arrays on the way are created (a numeric segment makes an array).
   */
  set?: Record<string, unknown>;
}

/** Changes a node's params. A form typing into one field should pass `{ squash: 'typing:<id>:<path>' }`. */
export const updateParams = defineAction({
  name: 'update-params',
  label: { ko: '설정 변경', en: 'Change settings' },
  perform(doc, args: UpdateParamsArgs) {
    const node = findNode(doc, args.id);
    if (args.params) node.params = structuredClone(args.params);
    for (const [path, value] of Object.entries(args.set ?? {})) setPath(node.params, path, value);
  },
});

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || k === '__proto__' || k === 'constructor' || k === 'prototype')) {
    throw new ActionRefused({ ko: `잘못된 설정 경로 "${path}"`, en: `Bad settings path "${path}"` });
  }
  let at: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    const existing = at[key];
    if (existing === null || typeof existing !== 'object') at[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    at = at[key] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else {
    at[last] = structuredClone(value);
  }
}
