import type { Preprocessor } from './features.ts';
import type { LearnerReport, Objective, RevenueTilt, ScreeningConfig } from './screening.ts';

/**
 * The model registry as the runtime sees it: a model trained in one pipeline is saved under a name and
 * scored in another, in the studio or in a scheduled run. Each host opens its run session with a store
 * (`createRunSession({ models })`), which model nodes get in their compute context: files under the data folder on
 * the server and the command line (`file-model-store.ts`), the server's API in the studio while signed in.
 */
export interface ScreeningMeta {
  kind: 'screening';
  pre: Preprocessor;
  unitValue: ScreeningConfig['unitValue'];
  /** Number columns also read as exact-value codes (absent in older models). */
  exactValues?: string[];
  /** Code columns padded to these widths when read (see `nodes/model/_model-io.ts`). */
  widths: Record<string, number>;
  learner: string;
  report: LearnerReport[];
  /** How risk_score ranks (absent in models saved before objectives: the probability alone). */
  objective?: Objective;
  /** The balanced ranking's tilt toward revenue. */
  tilt?: RevenueTilt;
  /** Columns whose product is the revenue at stake (read from the rows being scored). */
  revenue?: string[];
}

/** A model uploaded by a user: a float input [N, columns] read from these columns, in order. */
export interface OnnxMeta {
  kind: 'onnx';
  inputColumns: string[];
}

export interface ModelInfo {
  name: string;
  version: number;
  kind: 'screening' | 'onnx';
  /** SHA-256 of the training rows the model learnt from (empty for uploads). */
  fingerprint: string;
  metrics: Record<string, number>;
  owner: string;
  createdAt: string;
  description?: string;
}

export interface StoredModel {
  info: ModelInfo;
  meta: ScreeningMeta | OnnxMeta;
  onnx: Uint8Array;
}

export interface ModelStore {
  /** Saves a new version under `name` (1, 2, …) and returns its info. */
  save(model: {
    name: string;
    kind: ModelInfo['kind'];
    fingerprint: string;
    metrics: Record<string, number>;
    description?: string;
    meta: StoredModel['meta'];
    onnx: Uint8Array;
  }): Promise<ModelInfo>;
  /** The given version, or the latest. */
  load(name: string, version?: number): Promise<StoredModel>;
  list(): Promise<ModelInfo[]>;
}

/** Model names travel in paths and URLs: letters (any script), digits, `_`, `-`, `.`. */
export function checkModelName(name: string): string | null {
  if (!/^[\p{L}\p{N}_.-]{1,80}$/u.test(name) || name.startsWith('.')) {
    return 'a model name may hold letters, digits, "_", "-" and "." (up to 80, not starting with ".")';
  }
  return null;
}

/** SHA-256 (hex) of the columns a model learnt from, as a provenance fingerprint. */
export async function fingerprintOf(table: Record<string, readonly unknown[]>, columns: string[]): Promise<string> {
  const text = columns
    .map(
      (c) =>
        `${c}\u001e${(table[c] ?? []).map((v) => (v === null || v === undefined ? '' : String(v))).join('\u001f')}`,
    )
    .join('\u001d');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
