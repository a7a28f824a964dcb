import type { ModelInfo, ModelStore, StoredModel } from '../../../runtime/ml/model-store.ts';
import { api, data } from '../library/api.ts';
import { sessionStore } from '../library/session-store.ts';

/**
 * The model registry in the studio: the server's `/api/models`, so a model trained here is scored in
 * another pipeline, by a colleague or in a scheduled run (which read the same folder on the server).
 */
export class ApiModelStore implements ModelStore {
  async save(m: Parameters<ModelStore['save']>[0]): Promise<ModelInfo> {
    const { onnx, meta, ...rest } = m;
    // the same shape: the server's schema reads the interfaces as loose objects (index signatures)
    const wire = meta as unknown as Parameters<typeof api.models.$post>[0]['json']['meta'];
    const res = api.models.$post({ json: { ...rest, meta: wire, onnxBase64: toBase64(onnx) } });
    return data<ModelInfo>(res);
  }

  async load(name: string, version?: number): Promise<StoredModel> {
    const v = version ?? (await this.list()).filter((i) => i.name === name).at(-1)?.version;
    if (v === undefined) throw new Error(`no model named "${name}" in the registry`);
    const bundle = await data<{ info: ModelInfo; meta: StoredModel['meta']; onnxBase64: string }>(
      api.models[':name'].versions[':version'].bundle.$get({ param: { name, version: String(v) } }),
    ).catch((e: unknown) => {
      throw new Error(`model "${name}" has no version ${v} (${(e as Error).message})`);
    });
    return { info: bundle.info, meta: bundle.meta, onnx: fromBase64(bundle.onnxBase64) };
  }

  async list(): Promise<ModelInfo[]> {
    const { items } = await data<{ items: { versions: ModelInfo[] }[] }>(api.models.$get());
    return items.flatMap((i) => i.versions);
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its bytes as arguments: chunks stay under the engines' argument limit
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

let following = false;
let signedInStore: ApiModelStore | undefined;

/** The registry the studio's run session uses: the server's while an officer is signed in, none otherwise. */
export const studioModels = (): ModelStore | undefined => signedInStore;

/** The registry follows the session: installed while an officer is signed in, removed on sign-out. */
export function followSessionForModels(): void {
  if (following) return;
  following = true;
  let signedIn = false;
  const check = () => {
    const user = sessionStore.getState().user;
    const now = !!user && !user.mustChangePassword;
    if (now === signedIn) return;
    signedIn = now;
    signedInStore = now ? new ApiModelStore() : undefined;
  };
  sessionStore.subscribe(check);
  check();
}
