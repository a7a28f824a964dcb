import { type ResolvedNode, type ResolvedPipeline, refNode } from '../document/validate.ts';
import type { Engine } from '../engine/engine.ts';
import { CancelledError, NodeError, ParamError } from '../errors.ts';
import { ancestors } from '../graph/dag.ts';
import { msg } from '../messages/render.ts';
import type { ComputeNodeDefinition, SqlNodeDefinition, Warning } from '../nodes/define-node.ts';
import type { JsSandbox } from '../sandbox/types.ts';
import type { ResultTable, Schema } from '../schema/types.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { ident } from '../sql/quote.ts';
import { contentKey } from './content-key.ts';
import type { NodeStatus, RunEvent, RunResult } from './events.ts';
import { fusedQuery, type PlannedNode } from './fuse.ts';

export interface RunOptions {
  /** Nodes whose full results are wanted; default: every node nobody reads from (sinks and leaves). */
  targets?: string[];
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface PreviewOptions {
  limit?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface RuntimeOptions {
  /** Runs the code nodes' JavaScript; without one, `code.js` nodes fail with a clear message. */
  sandbox?: JsSandbox;
}

/** Described schemas kept (oldest dropped first): each is a few column names, an edit session adds a few per edit. */
const DESCRIBED_KEPT = 2000;

interface CacheEntry {
  relation: string;
  schema: Schema;
  rows: number;
  warnings: Warning[];
}

/**
 * Plans and runs pipelines on one Engine, keeping results by content key across runs: a re-run after
 * editing one node executes only that node and what depends on it.
 *
 * Chains of SQL nodes become one query (CTEs). A node's result is kept as a table only where that pays:
 * sources, targets, fan-out points (several readers), and nodes whose output is small (aggregates).
 */
export class PipelineRuntime {
  private readonly cache = new Map<string, CacheEntry>();
  /** Schemas DuckDB described, by content key: a re-run does not describe unchanged nodes again. */
  private readonly described = new Map<string, Schema>();
  /** The table each node last wrote, so a stale one is dropped when the node's key changes. */
  private readonly tableOfNode = new Map<string, string>();

  constructor(
    private readonly engine: Engine,
    private readonly files: FileAccess,
    private readonly options: RuntimeOptions = {},
  ) {}

  run(pipeline: ResolvedPipeline, options: RunOptions = {}): Promise<RunResult> {
    const targets = options.targets ?? defaultTargets(pipeline);
    return this.execute(pipeline, targets, options, undefined);
  }

  /** The first `limit` rows of one node; upstream work is cached, the LIMIT reaches DuckDB's optimizer. */
  async preview(pipeline: ResolvedPipeline, nodeId: string, options: PreviewOptions = {}): Promise<ResultTable> {
    let table: ResultTable | undefined;
    await this.previewWith(pipeline, nodeId, options, async (limited) => {
      table = await this.engine.query(limited, { signal: options.signal });
    });
    return table!;
  }

  /**
   * The first `limit` rows of one node written to `tableName` (replaced), for a reader that pages through
   * a relation (the studio's grid). The node itself is not materialized: with a sort, DuckDB runs a top-N
   * instead of sorting and storing every row, so the first window shows long before the full result.
   */
  async previewInto(
    pipeline: ResolvedPipeline,
    nodeId: string,
    tableName: string,
    options: PreviewOptions = {},
  ): Promise<{ relation: string; rows: number; table: ResultTable }> {
    const relation = ident(tableName);
    await this.previewWith(pipeline, nodeId, options, (limited) =>
      this.engine.exec(`CREATE OR REPLACE TEMP TABLE ${relation} AS ${limited}`, { signal: options.signal }),
    );
    // The rows too, so a reader can show them without queuing behind whatever the engine does next.
    const table = await this.engine.query(`SELECT * FROM ${relation}`, { signal: options.signal });
    return { relation, rows: table.rows.length, table };
  }

  private async previewWith(
    pipeline: ResolvedPipeline,
    nodeId: string,
    options: PreviewOptions,
    read: (limited: string) => Promise<void>,
  ): Promise<void> {
    const limit = Math.max(0, Math.floor(options.limit ?? 100));
    let wasRead = false;
    const result = await this.execute(pipeline, [nodeId], options, {
      nodeId,
      read: async (sql) => {
        await read(`SELECT * FROM (${sql}) LIMIT ${limit}`);
        wasRead = true;
      },
    });
    const status = result.nodes.find((n) => n.nodeId === nodeId);
    if (status?.error) throw status.error;
    if (result.cancelled) throw new CancelledError();
    if (!wasRead) throw new NodeError(nodeId, 'execute', status?.reason ?? 'the node produced no result');
  }

  /** Drops every table this runtime made. */
  async clear(): Promise<void> {
    for (const entry of this.cache.values()) await this.drop(entry.relation);
    this.cache.clear();
    this.tableOfNode.clear();
    this.described.clear();
  }

  private async execute(
    pipeline: ResolvedPipeline,
    targets: string[],
    options: RunOptions,
    preview: { nodeId: string; read(sql: string): Promise<void> } | undefined,
  ): Promise<RunResult> {
    const started = performance.now();
    for (const t of targets) {
      if (!pipeline.nodes.has(t)) throw new Error(`no node "${t}" in this pipeline`);
    }
    const needed = ancestors(targets, pipelineLinks(pipeline));
    const order = pipeline.order.filter((id) => needed.has(id));
    const targetSet = new Set(targets);
    const planned = new Map<string, PlannedNode>();
    const statuses = new Map<string, NodeStatus>();
    const emit = options.onEvent ?? (() => {});
    const finish = (status: NodeStatus) => {
      statuses.set(status.nodeId, status);
      emit({ type: 'node-end', status });
      emit({ type: 'progress', done: statuses.size, total: order.length });
    };
    const relations = new Map<string, string>();

    for (const id of order) {
      const rn = pipeline.nodes.get(id)!;
      if (options.signal?.aborted) {
        finish(blank(id, 'cancelled'));
        continue;
      }
      const failedInput = inputIds(rn).find((ref) => {
        const s = statuses.get(refNode(ref));
        return (s !== undefined && s.state !== 'done') || !planned.has(ref);
      });
      if (failedInput !== undefined) {
        finish({ ...blank(id, 'skipped'), reason: `upstream node "${refNode(failedInput)}" did not finish` });
        continue;
      }
      emit({ type: 'node-start', nodeId: id });
      const t0 = performance.now();
      try {
        const key = await this.keyOf(rn, planned);
        const isTarget = targetSet.has(id);
        const role = preview?.nodeId === id ? 'preview' : isTarget ? 'target' : 'inner';
        const step = await this.runNode(rn, key, planned, role, pipeline, options.signal, emit);
        planned.set(id, step.plan);
        if (preview?.nodeId === id) await preview.read(fusedQuery(id, planned));
        if (step.plan.table) {
          if (targetSet.has(id)) relations.set(id, step.plan.table);
          const ms = performance.now() - t0;
          for (const member of step.members) {
            finish({ ...blank(member, 'done'), schema: planned.get(member)?.schema, fusedInto: id });
          }
          finish({
            ...blank(id, 'done'),
            rows: step.rows,
            ms,
            cached: step.cached,
            schema: step.plan.schema,
            warnings: step.warnings,
          });
        } else if (step.sinkRows !== undefined || preview?.nodeId === id) {
          for (const member of step.members) {
            finish({ ...blank(member, 'done'), schema: planned.get(member)?.schema, fusedInto: id });
          }
          finish({
            ...blank(id, 'done'),
            rows: step.sinkRows ?? null,
            ms: performance.now() - t0,
            warnings: step.warnings,
          });
        }
      } catch (e) {
        if (options.signal?.aborted) {
          const chain = planned.has(id) ? membersOf(id, planned) : [id];
          for (const member of new Set([...chain, id])) finish(blank(member, 'cancelled'));
          continue;
        }
        const culprit = await this.locate(e, id, planned, rn);
        for (const member of culprit.members) {
          finish({ ...blank(member, 'done'), fusedInto: id });
        }
        finish({ ...blank(culprit.nodeId, 'error'), error: culprit.error, ms: performance.now() - t0 });
        if (culprit.nodeId !== id)
          finish({ ...blank(id, 'skipped'), reason: `upstream node "${culprit.nodeId}" failed` });
        for (const skipped of culprit.skipped) {
          finish({ ...blank(skipped, 'skipped'), reason: `upstream node "${culprit.nodeId}" failed` });
        }
      }
    }
    const cancelled = options.signal?.aborted ?? false;
    const nodes = order.map((id) => statuses.get(id) ?? blank(id, cancelled ? 'cancelled' : 'skipped'));
    return {
      ok: nodes.every((n) => n.state === 'done'),
      cancelled,
      nodes,
      relations,
      ms: performance.now() - started,
    };
  }

  private async keyOf(rn: ResolvedNode, planned: Map<string, PlannedNode>): Promise<string> {
    const inputs = Object.fromEntries(
      Object.entries(rn.inputs).map(([port, ids]) => [port, ids.map((i) => planned.get(i)!.key)]),
    );
    const fingerprint =
      rn.def.kind === 'source'
        ? await rn.def.fingerprint({ nodeId: rn.node.id, params: rn.params, files: this.files })
        : undefined;
    return contentKey({ type: rn.def.type, version: rn.def.version, params: rn.params, inputs, fingerprint });
  }

  private async runNode(
    rn: ResolvedNode,
    key: string,
    planned: Map<string, PlannedNode>,
    role: 'target' | 'preview' | 'inner',
    pipeline: ResolvedPipeline,
    signal: AbortSignal | undefined,
    emit: (event: RunEvent) => void,
  ): Promise<StepResult> {
    const id = rn.node.id;
    const def = rn.def;
    if (def.kind === 'source') {
      const hit = this.cache.get(key);
      if (hit)
        return {
          plan: { id, key, schema: hit.schema, table: hit.relation },
          rows: hit.rows,
          cached: true,
          members: [],
          warnings: hit.warnings,
        };
      const tableName = `src_${key}`;
      const loaded = await def.load({
        nodeId: id,
        params: rn.params,
        engine: this.engine,
        files: this.files,
        tableName,
        signal,
      });
      const rows = await this.count(loaded.relation);
      this.remember(id, key, { relation: loaded.relation, schema: loaded.schema, rows, warnings: loaded.warnings });
      return {
        plan: { id, key, schema: loaded.schema, table: loaded.relation },
        rows,
        cached: false,
        members: [],
        warnings: loaded.warnings,
      };
    }

    const refs = portMap(rn, (i) => planned.get(i)!);
    if (def.kind === 'sink') {
      const [input] = refs.in ?? [];
      if (!input)
        throw new NodeError(
          id,
          'plan',
          'input "in" is not connected',
          undefined,
          msg('param.input_not_connected', { port: { ko: '입력', en: 'Input' }, portName: 'in' }),
        );
      const sql = fusedQuery(input.id, planned);
      const written = await def.write({
        nodeId: id,
        params: rn.params,
        engine: this.engine,
        files: this.files,
        input: `(${sql})`,
        schema: input.schema,
        signal,
      });
      const members = input.table ? [] : membersOf(input.id, planned);
      return {
        plan: { id, key, schema: [] },
        rows: written.rows,
        cached: false,
        members,
        warnings: written.warnings ?? [],
        sinkRows: written.rows,
      };
    }

    if (def.kind === 'compute') return this.runCompute(rn, def, key, refs, planned, signal, emit);
    const sqlDef = def as SqlNodeDefinition<unknown>;
    const schemas = Object.fromEntries(Object.entries(refs).map(([p, list]) => [p, list.map((r) => r.schema)]));
    const ctx = {
      nodeId: id,
      params: rn.params,
      schemas,
      inputs: Object.fromEntries(Object.entries(refs).map(([p, list]) => [p, list.map(relationRef)])),
      sources: rn.inputs,
    };
    const declared = wrapParamError(id, 'schema', () =>
      sqlDef.outputSchema({ nodeId: id, params: rn.params, inputs: schemas }),
    );
    const select = wrapParamError(id, 'plan', () => sqlDef.toSql(ctx));
    const plan: PlannedNode = { id, key, schema: declared ?? [], select, dependsOn: inputIds(rn) };
    planned.set(id, plan);
    if (!declared || declared.some((c) => c.type === 'UNKNOWN')) {
      try {
        plan.schema = this.described.get(key) ?? (await this.engine.describe(fusedQuery(id, planned)));
      } catch (e) {
        throw new NodeError(id, 'plan', (e as Error).message);
      }
      this.described.set(key, plan.schema);
      if (this.described.size > DESCRIBED_KEPT) this.described.delete(this.described.keys().next().value!);
    }
    const hit = this.cache.get(key);
    // A previewed node reads its kept table when there is one, and is never stored just for the preview:
    // its LIMIT then reaches the whole fused query.
    const materialize =
      role === 'preview'
        ? hit !== undefined
        : role === 'target' || rn.consumers.length > 1 || (sqlDef.smallOutput ?? false) || readByCompute(rn, pipeline);
    if (!materialize) {
      planPorts(sqlDef, plan, planned);
      return { plan, rows: null, cached: false, members: [], warnings: [] };
    }

    const members = membersOf(id, planned).filter((m) => m !== id);
    if (hit) {
      const cachedPlan = { ...plan, table: hit.relation, schema: hit.schema };
      planPorts(sqlDef, cachedPlan, planned);
      return {
        plan: cachedPlan,
        rows: hit.rows,
        cached: true,
        members,
        warnings: [],
      };
    }
    const table = ident(`n_${key}`);
    await this.engine.exec(`CREATE OR REPLACE TABLE ${table} AS ${fusedQuery(id, planned)}`, { signal });
    const rows = await this.count(table);
    this.remember(id, key, { relation: table, schema: plan.schema, rows, warnings: [] });
    const done = { ...plan, table };
    planPorts(sqlDef, done, planned);
    return { plan: done, rows, cached: false, members, warnings: [] };
  }

  private async runCompute(
    rn: ResolvedNode,
    def: ComputeNodeDefinition<unknown>,
    key: string,
    refs: Record<string, PlannedNode[]>,
    planned: Map<string, PlannedNode>,
    signal: AbortSignal | undefined,
    emit: (event: RunEvent) => void,
  ): Promise<StepResult> {
    const id = rn.node.id;
    const hit = this.cache.get(key);
    if (hit) {
      return {
        plan: { id, key, schema: hit.schema, table: hit.relation },
        rows: hit.rows,
        cached: true,
        members: [],
        warnings: hit.warnings,
      };
    }
    const schemas = Object.fromEntries(Object.entries(refs).map(([p, list]) => [p, list.map((r) => r.schema)]));
    wrapParamError(id, 'schema', () => def.outputSchema({ nodeId: id, params: rn.params, inputs: schemas }));
    const inputs = Object.fromEntries(
      Object.entries(refs).map(([p, list]) => [p, list.map((r) => r.table ?? `(${fusedQuery(r.id, planned)})`)]),
    );
    const members = Object.values(refs)
      .flat()
      .flatMap((r) => (r.table ? [] : membersOf(r.id, planned)));
    const tableName = `c_${key}`;
    const out = await def.run({
      nodeId: id,
      params: rn.params,
      engine: this.engine,
      inputs,
      schemas,
      sources: rn.inputs,
      sandbox: this.options.sandbox,
      tableName,
      signal,
      progress: (fraction) => emit({ type: 'node-progress', nodeId: id, fraction }),
    });
    const relation = ident(tableName);
    const schema = await this.engine.describe(`SELECT * FROM ${relation}`);
    const rows = await this.count(relation);
    const warnings = out.warnings ?? [];
    this.remember(id, key, { relation, schema, rows, warnings });
    return { plan: { id, key, schema, table: relation }, rows, cached: false, members, warnings };
  }

  /**
   * A fused query failed: find the first node in it whose own query fails, so the error points at the
   * node the officer must fix. The rest of its chain is reported as skipped.
   */
  private async locate(
    error: unknown,
    id: string,
    planned: Map<string, PlannedNode>,
    rn: ResolvedNode,
  ): Promise<{ nodeId: string; error: NodeError; members: string[]; skipped: string[] }> {
    const asNodeError = (nodeId: string, e: unknown) =>
      e instanceof NodeError
        ? e
        : new NodeError(nodeId, 'execute', (e as Error).message, (e as ParamError).param, (e as ParamError).msg);
    if (error instanceof NodeError && error.nodeId !== id) {
      return { nodeId: error.nodeId, error, members: [], skipped: [] };
    }
    const chainEnd = rn.def.kind === 'sink' ? (rn.inputs.in?.[0] ?? id) : id;
    const chain = planned.has(chainEnd) ? membersOf(chainEnd, planned).filter((m) => m !== id) : [];
    for (let i = 0; i < chain.length; i++) {
      const member = chain[i]!;
      try {
        // A table, not count(*): DuckDB would prune the very columns whose computation fails.
        await this.engine.exec(`CREATE OR REPLACE TEMP TABLE "__locate" AS ${fusedQuery(member, planned)}`);
        await this.engine.exec('DROP TABLE IF EXISTS "__locate"');
      } catch (e) {
        return {
          nodeId: member,
          error: asNodeError(member, e),
          members: chain.slice(0, i),
          skipped: chain.slice(i + 1),
        };
      }
    }
    return { nodeId: id, error: asNodeError(id, error), members: chain, skipped: [] };
  }

  /** Sources may be views (Parquet), everything else is a table. */
  private async drop(relation: string): Promise<void> {
    await this.engine
      .exec(`DROP TABLE IF EXISTS ${relation}`)
      .catch(() => this.engine.exec(`DROP VIEW IF EXISTS ${relation}`))
      .catch(() => {});
  }

  private async count(relation: string): Promise<number> {
    const r = await this.engine.query(`SELECT count(*) AS n FROM ${relation}`);
    return Number(r.rows[0]?.n ?? 0);
  }

  private remember(nodeId: string, key: string, entry: CacheEntry) {
    const previous = this.tableOfNode.get(nodeId);
    if (previous && previous !== key) {
      const old = this.cache.get(previous);
      this.cache.delete(previous);
      if (old) void this.drop(old.relation);
    }
    this.tableOfNode.set(nodeId, key);
    this.cache.set(key, entry);
  }
}

interface StepResult {
  plan: PlannedNode;
  rows: number | null;
  cached: boolean;
  members: string[];
  warnings: Warning[];
  sinkRows?: number;
}

function blank(nodeId: string, state: NodeStatus['state']): NodeStatus {
  return { nodeId, state, rows: null, ms: 0, cached: false, warnings: [] };
}

function inputIds(rn: ResolvedNode): string[] {
  return Object.values(rn.inputs).flat();
}

function portMap<T>(rn: ResolvedNode, f: (id: string) => T): Record<string, T[]> {
  return Object.fromEntries(Object.entries(rn.inputs).map(([port, ids]) => [port, ids.map(f)]));
}

function relationRef(p: PlannedNode): string {
  return p.table ?? ident(`cte_${p.id}`);
}

function pipelineLinks(pipeline: ResolvedPipeline) {
  return pipeline.doc.edges;
}

/** Sinks and nodes nobody reads from. */
export function defaultTargets(pipeline: ResolvedPipeline): string[] {
  return pipeline.order.filter((id) => pipeline.nodes.get(id)!.consumers.length === 0);
}

function readByCompute(rn: ResolvedNode, pipeline: ResolvedPipeline): boolean {
  return rn.consumers.some((c) => {
    const kind = pipeline.nodes.get(c)?.def.kind;
    return kind !== 'sql' && kind !== 'sink';
  });
}

/** The nodes whose SQL is inlined into `id`'s query (itself included), in dependency order. */
function membersOf(id: string, planned: Map<string, PlannedNode>): string[] {
  return refsInlined(id, planned).filter((ref) => !ref.includes(':'));
}

/**
 * A multi-output node's ports become planned entries `id:port`, each a SELECT over the node's result,
 * inlined into whatever reads them.
 */
function planPorts(def: SqlNodeDefinition<unknown>, node: PlannedNode, planned: Map<string, PlannedNode>) {
  planned.set(node.id, node);
  for (const [port, spec] of Object.entries(def.outputPorts ?? {})) {
    const ref = `${node.id}:${port}`;
    planned.set(ref, {
      id: ref,
      key: `${node.key}:${port}`,
      schema: spec.schema(node.schema),
      select: spec.sql(relationRef(node)),
      dependsOn: [node.id],
    });
  }
}

function refsInlined(id: string, planned: Map<string, PlannedNode>): string[] {
  const out: string[] = [];
  const visit = (n: string) => {
    const p = planned.get(n);
    if (!p || p.table || out.includes(n)) return;
    for (const dep of p.dependsOn ?? []) visit(dep);
    out.push(n);
  };
  const root = planned.get(id);
  if (root?.table) return [];
  visit(id);
  return out;
}

function wrapParamError<T>(nodeId: string, phase: 'schema' | 'plan', f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ParamError) throw new NodeError(nodeId, phase, e.message, e.param, e.msg);
    throw new NodeError(nodeId, phase, (e as Error).message);
  }
}
