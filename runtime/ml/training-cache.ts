/**
 * Trained models kept by the content of what they learnt from (training rows + settings), so reopening
 * the editor or re-running an unchanged pipeline does not train again. The run session carries one
 * (`createRunSession({ trainings })`) into each model node's compute context, so two sessions in one
 * process never share it: IndexedDB in the studio (`studio/src/ml/idb-training-cache.ts`), files beside the
 * model registry on the server and the command line (`file-training-cache.ts`). A session given none keeps
 * a small in-memory cache of its own (its re-runs).
 */
export interface TrainingCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** The last few trainings of this process. */
export class MemoryTrainingCache implements TrainingCache {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly capacity = 8) {}
  async get(key: string) {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }
  async set(key: string, value: unknown) {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** SHA-256 (hex) of a text. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON that keeps typed arrays (an MLP's weights) as typed arrays: files and the wire carry them as lists. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Float32Array) return { __f32: Array.from(v) };
    if (v instanceof Float64Array) return { __f64: Array.from(v) };
    return v;
  });
}

export function fromJson(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && '__f32' in v) return Float32Array.from((v as { __f32: number[] }).__f32);
    if (v && typeof v === 'object' && '__f64' in v) return Float64Array.from((v as { __f64: number[] }).__f64);
    return v;
  });
}
