import type { ResolvedNode } from '../document/validate.ts';
import type { Engine } from '../engine/engine.ts';
import { NodeError } from '../errors.ts';
import { msg } from '../messages/render.ts';
import type { ModelStore } from '../ml/model-store.ts';
import type { TrainingCache } from '../ml/training-cache.ts';
import type { Warning } from '../nodes/define-node.ts';
import { fusedQuery, type PlannedNode } from '../plan/fused-query.ts';
import type { Step } from '../plan/steps.ts';
import type { JsSandbox } from '../sandbox/types.ts';
import { declaredSchema } from '../schema/propagate.ts';
import type { Schema } from '../schema/types.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { ident } from '../sql/quote.ts';
import type { RunEvent } from './events.ts';
import type { KeptResult, ResultCache } from './result-cache.ts';
import { planSqlNode, registerPlanned } from './sql-node.ts';

/** What a run session gives every run: where data lives and runs, and the results kept between runs. */
export interface SessionParts {
  engine: Engine;
  files: FileAccess;
  /** Runs the code nodes' JavaScript; without one, `code.js` nodes fail with a clear message. */
  sandbox?: JsSandbox;
  /** The model registry model nodes save to and score from (asked at each use when a function); none: they say so. */
  models?: ModelStore | (() => ModelStore | undefined);
  /** The session's trainings, kept by what they learnt from (model nodes reuse them). */
  trainings: TrainingCache;
  cache: ResultCache;
}

export interface StepOptions {
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Reads the previewed node's rows from its query (`read` step). */
  read?: (query: string) => Promise<void>;
  /** Writes a node's rows to the caller's file from its query (`write` step by the caller); returns the rows. */
  write?: (nodeId: string, query: string, schema: Schema) => Promise<number>;
}

/** The outcome of one step: what the step's node (and the nodes inlined into its query) report. */
export interface Done {
  rows: number | null;
  cached: boolean;
  warnings: Warning[];
  schema?: Schema;
  /** Inlined nodes that ran inside this step's query. */
  members: string[];
}

/**
 * What each step does on the engine: open a source, plan a SQL node's SELECT, store a fused query as a table,
 * run a compute node, write rows out straight from a query, read a preview. Kept results go through the
 * session's cache (shared by runs in flight); every planned node is registered in `planned` for later queries.
 */
export function stepWork(session: SessionParts, planned: Map<string, PlannedNode>, options: StepOptions) {
  const { engine, cache } = session;
  const signal = options.signal;
  const emit = options.onEvent ?? (() => {});

  /** `undefined` for a node only planned: it runs inside a later query. */
  async function run(step: Step, rn: ResolvedNode, key: string): Promise<Done | undefined> {
    const id = rn.node.id;
    switch (step.kind) {
      case 'load':
        return kept(rn, await cache.getOrMake(id, key, () => load(rn, key)), key);
      case 'compute':
        return kept(rn, await cache.getOrMake(id, key, () => compute(rn, key)), key);
      case 'inline':
        registerPlanned(rn, await planSqlNode(rn, key, planned, engine, cache), planned);
        return undefined;
      case 'materialise': {
        const plan = await planSqlNode(rn, key, planned, engine, cache);
        const made = await cache.getOrMake(id, key, async () => {
          const table = ident(`n_${key}`);
          await engine.exec(`CREATE OR REPLACE TABLE ${table} AS ${fusedQuery(id, planned)}`, { signal });
          return { relation: table, schema: plan.schema, rows: await count(table), warnings: [] };
        });
        registerPlanned(rn, { ...plan, table: made.result.relation, schema: made.result.schema }, planned);
        return { ...facts(made), members: step.members };
      }
      case 'read':
        await options.read?.(fusedQuery(id, planned));
        return { rows: null, cached: false, warnings: [], members: step.members };
      case 'write': {
        if (step.by === 'caller') {
          const rows = (await options.write?.(id, fusedQuery(id, planned), planned.get(id)!.schema)) ?? null;
          return { rows, cached: false, warnings: [], members: step.members };
        }
        const input = planned.get(step.input);
        if (!input)
          throw new NodeError(
            id,
            'plan',
            'input "in" is not connected',
            undefined,
            msg('param.input_not_connected', { port: { ko: '입력', en: 'Input' }, portName: 'in' }),
          );
        if (rn.def.kind !== 'sink') throw new Error(`"${id}" is not a sink`);
        const written = await rn.def.write({
          nodeId: id,
          params: rn.params,
          engine,
          files: session.files,
          input: `(${fusedQuery(step.input, planned)})`,
          schema: input.schema,
          signal,
        });
        return { rows: written.rows, cached: false, warnings: written.warnings ?? [], members: step.members };
      }
    }
  }

  function kept(rn: ResolvedNode, made: { result: KeptResult; cached: boolean }, key: string): Done {
    registerPlanned(rn, { id: rn.node.id, key, schema: made.result.schema, table: made.result.relation }, planned);
    return { ...facts(made), members: [] };
  }

  function facts(made: { result: KeptResult; cached: boolean }) {
    const r = made.result;
    return { rows: r.rows, cached: made.cached, warnings: r.warnings, schema: r.schema };
  }

  async function load(rn: ResolvedNode, key: string): Promise<KeptResult> {
    if (rn.def.kind !== 'source') throw new Error(`"${rn.node.id}" is not a source`);
    const loaded = await rn.def.load({
      nodeId: rn.node.id,
      params: rn.params,
      engine,
      files: session.files,
      tableName: `src_${key}`,
      signal,
    });
    return { ...loaded, rows: await count(loaded.relation) };
  }

  async function compute(rn: ResolvedNode, key: string): Promise<KeptResult> {
    const id = rn.node.id;
    if (rn.def.kind !== 'compute') throw new Error(`"${id}" is not a compute node`);
    const refs = Object.entries(rn.inputs).map(([port, ids]) => [port, ids.map((i) => planned.get(i)!)] as const);
    const schemas = Object.fromEntries(refs.map(([p, list]) => [p, list.map((r) => r.schema)]));
    declaredSchema(rn, schemas); // a param that does not fit the input columns fails before any work
    const inputs = Object.fromEntries(
      refs.map(([p, list]) => [p, list.map((r) => r.table ?? `(${fusedQuery(r.id, planned)})`)]),
    );
    const tableName = `c_${key}`;
    const out = await rn.def.run({
      nodeId: id,
      params: rn.params,
      engine,
      inputs,
      schemas,
      sources: rn.inputs,
      sandbox: session.sandbox,
      models: typeof session.models === 'function' ? session.models() : session.models,
      trainings: session.trainings,
      tableName,
      signal,
      progress: (fraction) => emit({ type: 'node-progress', nodeId: id, fraction }),
    });
    const relation = ident(tableName);
    const schema = await engine.describe(`SELECT * FROM ${relation}`);
    const companions = out.companions?.map(ident);
    return { relation, schema, rows: await count(relation), warnings: out.warnings ?? [], companions };
  }

  async function count(relation: string): Promise<number> {
    const r = await engine.query(`SELECT count(*) AS n FROM ${relation}`);
    return Number(r.rows[0]?.n ?? 0);
  }

  return { run };
}
