import type { Engine } from '../engine/engine.ts';
import type { Warning } from '../nodes/define-node.ts';
import type { Schema } from '../schema/types.ts';

/** A node result kept in the engine. */
export interface KeptResult {
  relation: string;
  schema: Schema;
  rows: number;
  warnings: Warning[];
  /** Quoted tables made beside `relation` (a compute node's scratch tables), dropped with it. */
  companions?: string[];
}

/** Described schemas kept (oldest dropped first): each is a few column names, an edit session adds a few per edit. */
const DESCRIBED_KEPT = 2000;

/**
 * Node results by content key, across runs. The promise is stored before the work starts, so a second run
 * asking for the same key while the first is still computing it waits for that work instead of repeating it.
 * When a node's key changes (an edit), the table of its previous key is dropped.
 */
export class ResultCache {
  private readonly kept = new Map<string, Promise<KeptResult>>();
  /** The key each node last stored, so a stale table is dropped when the node's key changes. */
  private readonly keyOfNode = new Map<string, string>();
  /** Schemas DuckDB described, by content key: a re-run does not describe unchanged nodes again. */
  private readonly described = new Map<string, Schema>();
  /** Results whose making is over (made or failed). */
  private readonly settled = new WeakSet<Promise<KeptResult>>();

  constructor(private readonly engine: Engine) {}

  has(key: string): boolean {
    return this.kept.has(key);
  }

  /** The kept result of `key`, or `make()`'s, shared by every caller while it runs; a failure is not kept. */
  async getOrMake(
    nodeId: string,
    key: string,
    make: () => Promise<KeptResult>,
  ): Promise<{ result: KeptResult; cached: boolean }> {
    const kept = this.kept.get(key);
    if (kept) return { result: await kept, cached: true };
    const made = make();
    const mark = () => this.settled.add(made);
    made.then(mark, mark);
    this.kept.set(key, made);
    // the node's previous result is dropped while this one is made; when that result was already made, the
    // node ends once its drop is over too, so whoever looks at the engine after a run finds no table of it
    const dropped = this.replaced(nodeId, key);
    try {
      return { result: await made, cached: false };
    } catch (e) {
      if (this.kept.get(key) === made) this.kept.delete(key);
      throw e;
    } finally {
      await dropped;
    }
  }

  describedSchema(key: string): Schema | undefined {
    return this.described.get(key);
  }

  rememberDescribed(key: string, schema: Schema): void {
    this.described.set(key, schema);
    if (this.described.size > DESCRIBED_KEPT) this.described.delete(this.described.keys().next().value!);
  }

  /** Drops every relation kept. */
  async clear(): Promise<void> {
    const all = [...this.kept.values()];
    this.kept.clear();
    this.keyOfNode.clear();
    this.described.clear();
    for (const entry of await Promise.allSettled(all)) {
      if (entry.status === 'fulfilled') await dropKept(this.engine, entry.value);
    }
  }

  /**
   * Forgets the node's previous key and drops its tables (never rejects: a failed drop leaves a stray table). A
   * previous result still being made (an aborted run's) is dropped whenever it ends, without anyone waiting.
   */
  private async replaced(nodeId: string, key: string): Promise<void> {
    const previous = this.keyOfNode.get(nodeId);
    this.keyOfNode.set(nodeId, key);
    if (previous === undefined || previous === key) return;
    const old = this.kept.get(previous);
    this.kept.delete(previous);
    if (!old) return;
    const drop = old.then((r) => dropKept(this.engine, r)).catch(() => {});
    if (this.settled.has(old)) await drop;
  }
}

/** A result leaving the cache: its relation and the tables made beside it. */
async function dropKept(engine: Engine, kept: KeptResult): Promise<void> {
  for (const relation of [kept.relation, ...(kept.companions ?? [])]) await dropRelation(engine, relation);
}

/** Sources may be views (Parquet), everything else a table: drop whichever it is. */
export async function dropRelation(engine: Engine, relation: string): Promise<void> {
  await engine
    .exec(`DROP TABLE IF EXISTS ${relation}`)
    .catch(() => engine.exec(`DROP VIEW IF EXISTS ${relation}`))
    .catch(() => {});
}
