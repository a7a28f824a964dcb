import { type ResolvedNode, type ResolvedPipeline, refNode } from '../document/validate.ts';
import type { Engine } from '../engine/engine.ts';
import { NodeError } from '../errors.ts';
import type { InputSchemas, SourceNodeDefinition, SqlNodeDefinition } from '../nodes/define-node.ts';
import { defaultTargets, planRun } from '../plan/plan-run.ts';
import { asNodeError, declaredSchema, inputSchemas, needsDescribe, portSchemas } from '../schema/propagate.ts';
import type { Schema } from '../schema/types.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { ident, literal, typeName } from '../sql/quote.ts';
import { dropRelation } from './result-cache.ts';

/**
 * A pipeline as a DuckDB SQL script an officer can read, keep and run elsewhere (DuckDB's command line):
 * each node becomes a CTE named by its id, with its type and label in a comment, sources become
 * `read_csv`/`read_parquet`/`read_json_auto` calls, and each result is one `WITH … SELECT` statement.
 *
 * It needs an engine: a node's SQL depends on its input columns, which come from the sources as loaded
 * (a CSV's types are pinned to what the loader kept, e.g. HS codes with leading zeros stay text) and,
 * for free SQL, from DuckDB describing the query. So each source is loaded once into a scratch table and
 * dropped, and the files are opened through `files` as in a run. Parameters are already substituted.
 *
 * A source with no SQL form (XLSX, CP949 text, a studio dataset) becomes a placeholder with its columns
 * and no rows, under a `-- cannot be expressed in SQL: …` comment saying what to do instead.
 */
export async function exportSql(
  engine: Engine,
  pipeline: ResolvedPipeline,
  files: FileAccess,
  nodeId?: string,
): Promise<string> {
  const statements = await exportSqlStatements(engine, pipeline, files, nodeId);
  const header = [`-- ${oneLine(pipeline.doc.name)}: exported from Customs Analysis Studio as DuckDB SQL`];
  const parameters = Object.entries(pipeline.parameters);
  if (parameters.length) {
    header.push(`-- parameters: ${parameters.map(([k, v]) => `${k} = ${literal(v)}`).join(', ')}`);
  }
  return `${header.join('\n')}\n\n${statements.join('\n\n')}\n`;
}

/**
 * The statements of `exportSql`, one per result (each ends with `;`). The run's plan says which nodes each
 * result needs; every one of them becomes a CTE, whatever the plan would store: nothing is materialised.
 */
export async function exportSqlStatements(
  engine: Engine,
  pipeline: ResolvedPipeline,
  files: FileAccess,
  nodeId?: string,
): Promise<string[]> {
  const targets = resultsOf(pipeline, nodeId);
  const steps = planRun(pipeline, { targets: [...new Set(targets.map(refNode))], isCached: () => false });
  const ctes = new Map<string, Cte>();
  for (const step of steps) {
    const rn = pipeline.nodes.get(step.nodeId)!;
    if (step.kind === 'load') ctes.set(rn.node.id, await sourceCte(engine, files, rn));
    else if (step.kind === 'compute') ctes.set(rn.node.id, computeCte(rn, ctes));
    else if (step.kind === 'inline' || step.kind === 'materialise') await sqlCtes(engine, rn, ctes);
  }
  return targets.map((ref) => {
    const sinks = pipeline.nodes.get(refNode(ref))!.consumers.filter((c) => pipeline.nodes.get(c)?.def.kind === 'sink');
    const notes = sinks.map((s) => `-- "${s}" (${pipeline.nodes.get(s)!.def.type}) writes this result out`);
    return [`-- result of "${ref}"`, ...notes, `${statement(ref, ctes)};`].join('\n');
  });
}

interface Cte {
  name: string;
  comment: string[];
  body: string;
  schema: Schema;
  deps: string[];
}

/** The node (or `id:port`) results to export: `nodeId`, or every leaf; a sink stands for what it writes. */
function resultsOf(pipeline: ResolvedPipeline, nodeId: string | undefined): string[] {
  const ids = nodeId === undefined ? defaultTargets(pipeline) : [nodeId];
  const refs = ids.map((id) => {
    const rn = pipeline.nodes.get(id);
    if (!rn) throw new Error(`no node "${id}" in this pipeline`);
    if (rn.def.kind !== 'sink') return id;
    const input = rn.inputs.in?.[0];
    if (!input) throw new NodeError(id, 'plan', 'input "in" is not connected');
    return input;
  });
  return [...new Set(refs)];
}

function describeNode(rn: ResolvedNode): string {
  const label = rn.node.label ? ` · ${oneLine(rn.node.label)}` : '';
  return `-- ${rn.node.id} · ${rn.def.type}${label}`;
}

/**
 * A source's CTE: its own SQL form, with the column types its loader keeps. The columns (and the loader's notes,
 * e.g. skipped lines) come from opening the source once under a scratch name, dropped at once: a Parquet
 * source is a view over the file, the others a table.
 */
async function sourceCte(engine: Engine, files: FileAccess, rn: ResolvedNode): Promise<Cte> {
  const id = rn.node.id;
  const def = rn.def as SourceNodeDefinition<unknown>;
  const scratch = `__export_${id}_${Math.random().toString(36).slice(2, 10)}`;
  const loaded = await def.load({ nodeId: id, params: rn.params, engine, files, tableName: scratch });
  await dropRelation(engine, loaded.relation);
  const schema = loaded.schema;
  const comment = [describeNode(rn), ...loaded.warnings.map((w) => `-- note: ${oneLine(w.message)}`)];
  const form = def.sourceSql
    ? await def.sourceSql({ nodeId: id, params: rn.params, engine, files, schema })
    : { unsupported: `"${def.type}" has no SQL form` };
  if ('sql' in form) return { name: ident(id), comment, body: form.sql, schema, deps: [] };
  return placeholder(id, comment, form.unsupported, schema, []);
}

/** A compute node (a model, JavaScript) has no SQL form: a placeholder with the columns it declares. */
function computeCte(rn: ResolvedNode, ctes: Map<string, Cte>): Cte {
  const id = rn.node.id;
  const deps = Object.values(rn.inputs).flat();
  const schema = declaredSchema(rn, inputSchemas(rn, (ref) => input(id, ref, ctes).schema) as InputSchemas);
  if (!schema)
    throw new NodeError(id, 'plan', `"${rn.def.type}" runs outside SQL and its columns are known only by running it`);
  const why = `"${rn.def.type}" runs outside SQL (in the studio or on the server); run the pipeline for its rows`;
  return placeholder(id, [describeNode(rn)], why, schema, deps);
}

function placeholder(id: string, comment: string[], why: string, schema: Schema, deps: string[]): Cte {
  comment.push(`-- cannot be expressed in SQL: ${oneLine(why)}`);
  comment.push('-- placeholder: the same columns, no rows; replace it with a query that reads the data');
  const columns = schema.map((c) => `CAST(NULL AS ${safeType(c.type)}) AS ${ident(c.name)}`);
  return { name: ident(id), comment, body: `SELECT ${columns.join(', ')} WHERE false`, schema, deps };
}

function input(nodeId: string, ref: string, ctes: Map<string, Cte>): Cte {
  const cte = ctes.get(ref);
  if (!cte) throw new NodeError(nodeId, 'plan', `input "${ref}" cannot be exported`);
  return cte;
}

/** The node's CTE, and one per extra output port (`id:port` → `id__port`). */
async function sqlCtes(engine: Engine, rn: ResolvedNode, ctes: Map<string, Cte>) {
  const id = rn.node.id;
  const def = rn.def as SqlNodeDefinition<unknown>;
  const ports = Object.entries(rn.inputs);
  const schemas = inputSchemas(rn, (ref) => input(id, ref, ctes).schema) as InputSchemas;
  const inputs = Object.fromEntries(ports.map(([p, refs]) => [p, refs.map((r) => input(id, r, ctes).name)]));
  const declared = declaredSchema(rn, schemas);
  let body: string;
  try {
    body = def.toSql({ nodeId: id, params: rn.params, inputs, schemas, sources: rn.inputs });
  } catch (e) {
    throw asNodeError(id, 'plan', e);
  }
  const cte: Cte = {
    name: ident(id),
    comment: [describeNode(rn)],
    body,
    schema: declared ?? [],
    deps: ports.flatMap(([, refs]) => refs),
  };
  ctes.set(id, cte);
  if (needsDescribe(declared)) cte.schema = await engine.describe(statement(id, ctes));
  const portColumns = portSchemas(rn, cte.schema);
  for (const [port, spec] of Object.entries(def.outputPorts ?? {})) {
    ctes.set(`${id}:${port}`, {
      name: ident(`${id}__${port}`),
      comment: [`-- ${id} · output "${port}"`],
      body: spec.sql(cte.name),
      schema: portColumns[`${id}:${port}`]!,
      deps: [id],
    });
  }
}

/** `WITH` every CTE `ref` needs, in dependency order, then its rows (no trailing `;`). */
function statement(ref: string, ctes: Map<string, Cte>): string {
  const chain: Cte[] = [];
  const seen = new Set<string>();
  const visit = (r: string) => {
    const cte = ctes.get(r);
    if (!cte || seen.has(r)) return;
    seen.add(r);
    for (const dep of cte.deps) visit(dep);
    chain.push(cte);
  };
  visit(ref);
  const blocks = chain.map((c) => `${c.comment.join('\n')}\n${c.name} AS (\n${indent(c.body)}\n)`);
  return `WITH\n${blocks.join(',\n\n')}\nSELECT * FROM ${ctes.get(ref)!.name}`;
}

/** A type DuckDB reported, written back into SQL only if it looks like a type name (else VARCHAR). */
function safeType(type: string): string {
  try {
    return typeName(type);
  } catch {
    return 'VARCHAR';
  }
}

/** Two spaces before each line, unless a quoted string or name spans lines (indenting would change it). */
function indent(body: string): string {
  const quoted = body.match(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g) ?? [];
  if (quoted.some((q) => q.includes('\n'))) return body;
  return body.replace(/^/gm, '  ');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
