import type { ResolvedPipeline } from '../document/validate.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { contentKey } from './content-key.ts';

/**
 * The content key of every node in `ids` (dependency order), and of each extra output port (`id:port`). A
 * source whose data cannot be fingerprinted (a missing file) gets its error instead; nodes after it get none.
 */
export async function nodeKeys(
  pipeline: ResolvedPipeline,
  ids: string[],
  files: FileAccess,
): Promise<{ keys: Map<string, string>; failed: Map<string, unknown> }> {
  const keys = new Map<string, string>();
  const failed = new Map<string, unknown>();
  for (const id of ids) {
    const rn = pipeline.nodes.get(id)!;
    const inputKeys = Object.entries(rn.inputs).map(([port, refs]) => [port, refs.map((r) => keys.get(r))] as const);
    if (inputKeys.some(([, list]) => list.some((k) => k === undefined))) continue;
    try {
      const fingerprint =
        rn.def.kind === 'source' ? await rn.def.fingerprint({ nodeId: id, params: rn.params, files }) : undefined;
      const key = await contentKey({
        type: rn.def.type,
        version: rn.def.version,
        params: rn.params,
        inputs: Object.fromEntries(inputKeys) as Record<string, string[]>,
        fingerprint,
      });
      keys.set(id, key);
      if (rn.def.outputs.length > 1) for (const o of rn.def.outputs) keys.set(`${id}:${o.name}`, `${key}:${o.name}`);
    } catch (e) {
      failed.set(id, e);
    }
  }
  return { keys, failed };
}
