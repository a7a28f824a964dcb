import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkModelName, type ModelInfo, type ModelStore, type StoredModel } from './model-store.ts';

/**
 * Registry on disk: `<dir>/<name>/v<version>.onnx` beside `v<version>.json` (info + preprocessing).
 * Used by the command line and the server (scheduled runs read the same folder). A version is written
 * to a temporary name and renamed, so a reader never sees half a model.
 */
export class FileModelStore implements ModelStore {
  constructor(
    private readonly dir: string,
    private readonly owner = 'local',
  ) {}

  /** Stored versions; with `deleted`, the numbers of deleted ones too (never handed out again). */
  private async versions(name: string, deleted = false): Promise<number[]> {
    const pattern = deleted ? /^v(\d+)\.(?:json|deleted)$/ : /^v(\d+)\.json$/;
    try {
      const files = await readdir(path.join(this.dir, name));
      return files
        .map((f) => pattern.exec(f)?.[1])
        .filter((v): v is string => v !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    } catch {
      return [];
    }
  }

  async save(m: Parameters<ModelStore['save']>[0]): Promise<ModelInfo> {
    const bad = checkModelName(m.name);
    if (bad) throw new Error(bad);
    const folder = path.join(this.dir, m.name);
    await mkdir(folder, { recursive: true });
    const version = ((await this.versions(m.name, true)).at(-1) ?? 0) + 1;
    const info: ModelInfo = {
      name: m.name,
      version,
      kind: m.kind,
      fingerprint: m.fingerprint,
      metrics: m.metrics,
      owner: this.owner,
      createdAt: new Date().toISOString(),
      ...(m.description ? { description: m.description } : {}),
    };
    const base = path.join(folder, `v${version}`);
    await writeFile(`${base}.onnx.tmp`, m.onnx);
    await rename(`${base}.onnx.tmp`, `${base}.onnx`);
    await writeFile(`${base}.json.tmp`, JSON.stringify({ info, meta: m.meta }));
    await rename(`${base}.json.tmp`, `${base}.json`);
    return info;
  }

  async load(name: string, version?: number): Promise<StoredModel> {
    const bad = checkModelName(name);
    if (bad) throw new Error(bad);
    const v = version ?? (await this.versions(name)).at(-1);
    if (v === undefined) throw new Error(`no model named "${name}" in the registry`);
    const base = path.join(this.dir, name, `v${v}`);
    let json: string;
    try {
      json = await readFile(`${base}.json`, 'utf8');
    } catch {
      throw new Error(`model "${name}" has no version ${v}`);
    }
    const { info, meta } = JSON.parse(json) as Pick<StoredModel, 'info' | 'meta'>;
    return { info, meta, onnx: new Uint8Array(await readFile(`${base}.onnx`)) };
  }

  async list(): Promise<ModelInfo[]> {
    let names: string[] = [];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: ModelInfo[] = [];
    for (const name of names.sort()) {
      for (const v of await this.versions(name)) {
        const { info } = JSON.parse(await readFile(path.join(this.dir, name, `v${v}.json`), 'utf8')) as Pick<
          StoredModel,
          'info'
        >;
        out.push(info);
      }
    }
    return out;
  }

  /**
   * Removes one version; false when there was no such version. A marker keeps its number taken, so
   * "version 2" in a pipeline never silently means another model later.
   */
  async delete(name: string, version: number): Promise<boolean> {
    const bad = checkModelName(name);
    if (bad) throw new Error(bad);
    if (!(await this.versions(name)).includes(version)) return false;
    const base = path.join(this.dir, name, `v${version}`);
    await writeFile(`${base}.deleted`, '');
    // the json goes first: without it the version is no longer listed, even if removing the onnx fails
    await rm(`${base}.json`, { force: true });
    await rm(`${base}.onnx`, { force: true });
    return true;
  }
}
