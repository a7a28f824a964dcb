import type { z } from 'zod';
import type { Issue } from '../errors.ts';
import { findCycles, topoOrder } from '../graph/dag.ts';
import { fieldLabel, paramIssueMessage, zodKorean } from '../messages/params.ts';
import { msg } from '../messages/render.ts';
import type { NodeDefinition } from '../nodes/define-node.ts';
import type { Label } from '../nodes/param-meta.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { migrateDoc } from './migrate.ts';
import { ParameterError, referencedParameters, resolveParameters, substituteParams } from './parameters.ts';
import { type ParameterValue, type PipelineDoc, type PipelineNode, pipelineDocSchema } from './pipeline-doc.ts';

/** A node that passed validation: its definition and its params with `{{parameters}}` filled in and parsed. */
export interface ResolvedNode {
  node: PipelineNode;
  def: NodeDefinition;
  params: unknown;
  /**
   * What feeds each input port, in edge order: a node id, or `id:port` when the feeding node has
   * several output ports (see `refNode`).
   */
  inputs: Record<string, string[]>;
  /** Nodes reading this node's output. */
  consumers: string[];
}

export interface ResolvedPipeline {
  doc: PipelineDoc;
  nodes: Map<string, ResolvedNode>;
  /** Node ids in dependency order. */
  order: string[];
  parameters: Record<string, ParameterValue>;
}

export type ValidationResult = { ok: true; pipeline: ResolvedPipeline; issues: [] } | { ok: false; issues: Issue[] };

export interface ValidateOptions {
  /** Values for the document's parameters (command line `--param`, a schedule, a template dialog). */
  parameters?: Record<string, unknown>;
  /**
   * When a parameter has no value, check the rest of the document with a neutral stand-in
   * (`validate` on the command line) instead of reporting it.
   */
  allowMissingParameters?: boolean;
}

/** The node id inside an input reference (`id` or `id:port`). */
export function refNode(ref: string): string {
  const colon = ref.indexOf(':');
  return colon < 0 ? ref : ref.slice(0, colon);
}

const STAND_IN: Record<string, ParameterValue> = { string: '', number: 0, boolean: false, date: '1970-01-01' };

/** Parse → migrate → check everything that can be checked without data; reports every issue found. */
export function validatePipeline(
  input: unknown,
  registry: NodeRegistry,
  options: ValidateOptions = {},
): ValidationResult {
  let migrated: unknown;
  try {
    migrated = migrateDoc(input);
  } catch (e) {
    const detail = (e as Error).message;
    return { ok: false, issues: [{ code: 'format', message: detail, msg: msg('doc.format', { detail }) }] };
  }
  const parsed = pipelineDocSchema.safeParse(migrated);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => docIssue(i, migrated)) };
  const doc = parsed.data;
  const issues: Issue[] = [];

  const values = parameterValues(doc, options, issues);
  const declared = new Set(doc.parameters.map((p) => p.name));
  const nodes = new Map<string, ResolvedNode>();
  for (const node of doc.nodes) {
    if (nodes.has(node.id)) {
      issues.push({
        code: 'duplicate_id',
        nodeId: node.id,
        message: `the id "${node.id}" is used by more than one node`,
        msg: msg('doc.duplicate_id', { id: node.id }),
      });
      continue;
    }
    const referenced = referencedParameters(node.params);
    for (const name of referenced) {
      if (!declared.has(name)) {
        issues.push({
          code: 'unknown_parameter',
          nodeId: node.id,
          message: `{{${name}}} is not a declared parameter`,
          msg: msg('doc.unknown_parameter', { name }),
        });
      }
    }
    const def = registry.get(node.type);
    if (!def) {
      issues.push({
        code: 'unknown_type',
        nodeId: node.id,
        message: `unknown node type "${node.type}"`,
        msg: msg('doc.unknown_type', { type: node.type }),
      });
      continue;
    }
    // With a parameter left unresolved (its value was refused, already reported), the step's own check would only
    // repeat that error in the schema's words.
    const unresolved = [...referenced].some((name) => declared.has(name) && !values.has(name));
    const params = unresolved ? undefined : checkParams(node, def, values, issues);
    nodes.set(node.id, { node, def, params, inputs: {}, consumers: [] });
  }

  checkEdges(doc, nodes, issues);
  if (issues.length) return { ok: false, issues };
  const order = topoOrder(
    doc.nodes.map((n) => n.id),
    doc.edges,
  );
  const parameters = Object.fromEntries([...values].map(([k, v]) => [k, v.value]));
  return { ok: true, pipeline: { doc, nodes, order, parameters }, issues: [] };
}

function parameterValues(doc: PipelineDoc, options: ValidateOptions, issues: Issue[]) {
  const overrides: Record<string, unknown> = { ...options.parameters };
  if (options.allowMissingParameters) {
    for (const p of doc.parameters) {
      if (p.default === undefined && !(p.name in overrides)) overrides[p.name] = STAND_IN[p.type];
    }
  }
  try {
    return resolveParameters(doc.parameters, overrides);
  } catch (e) {
    const detail = (e as Error).message;
    const said = e instanceof ParameterError ? e.msg : msg('doc.missing_parameter', { detail });
    issues.push({ code: 'missing_parameter', message: detail, msg: said });
    return new Map();
  }
}

function checkParams(
  node: PipelineNode,
  def: NodeDefinition,
  values: ReturnType<typeof resolveParameters>,
  issues: Issue[],
): unknown {
  const substituted = substituteParams(node.params, def.params, values);
  const result = def.params.safeParse(substituted);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const param = [...issue.path, key].join('.');
        issues.push({
          code: 'unknown_param',
          nodeId: node.id,
          param,
          message: `"${node.type}" has no param "${param}"`,
          msg: paramIssueMessage(def.params, issue, node.type, def.label),
        });
      }
    } else {
      const param = issue.path.join('.') || undefined;
      issues.push({
        code: 'invalid_param',
        nodeId: node.id,
        param,
        message: issue.message,
        msg: paramIssueMessage(def.params, issue, node.type, def.label),
      });
    }
  }
  return undefined;
}

function checkEdges(doc: PipelineDoc, nodes: Map<string, ResolvedNode>, issues: Issue[]) {
  for (const edge of doc.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    for (const [end, id] of [
      ['source', edge.source],
      ['target', edge.target],
    ] as const) {
      if (!doc.nodes.some((n) => n.id === id)) {
        issues.push({
          code: 'unknown_node',
          message: `an edge's ${end} "${id}" is not a node of this pipeline`,
          msg: msg('doc.unknown_node', { id, end }),
        });
      }
    }
    if (!source || !target) continue;
    if (!source.def.outputs.some((p) => p.name === edge.sourcePort)) {
      const ports = source.def.outputs.map((p) => p.name).join(', ') || 'none';
      issues.push({
        code: 'unknown_port',
        nodeId: source.node.id,
        message: `"${source.node.type}" has no output port "${edge.sourcePort}" (ports: ${ports})`,
        msg: msg('doc.unknown_output_port', {
          node: source.def.label,
          type: source.node.type,
          port: edge.sourcePort,
          ports: portLabels(source.def.outputs),
        }),
      });
      continue;
    }
    if (!target.def.inputs.some((p) => p.name === edge.targetPort)) {
      const ports = target.def.inputs.map((p) => p.name).join(', ') || 'none';
      issues.push({
        code: 'unknown_port',
        nodeId: target.node.id,
        message: `"${target.node.type}" has no input port "${edge.targetPort}" (ports: ${ports})`,
        msg: msg('doc.unknown_input_port', {
          node: target.def.label,
          type: target.node.type,
          port: edge.targetPort,
          ports: portLabels(target.def.inputs),
        }),
      });
      continue;
    }
    const ref = source.def.outputs.length > 1 ? `${source.node.id}:${edge.sourcePort}` : source.node.id;
    target.inputs[edge.targetPort] = [...(target.inputs[edge.targetPort] ?? []), ref];
    source.consumers.push(target.node.id);
  }
  for (const { node, def, inputs } of nodes.values()) {
    for (const port of def.inputs) {
      const fed = inputs[port.name] ?? [];
      if (fed.length === 0 && !port.optional) {
        issues.push({
          code: 'missing_input',
          nodeId: node.id,
          message: `input "${port.name}" is not connected`,
          msg: msg('doc.missing_input', { port: port.label, portName: port.name }),
        });
      }
      if (fed.length > 1 && !port.multiple) {
        issues.push({
          code: 'port_fed_twice',
          nodeId: node.id,
          message: `input "${port.name}" is fed by ${fed.length} edges (${fed.map(refNode).join(', ')}); it takes one`,
          msg: msg('doc.port_fed_twice', {
            port: port.label,
            portName: port.name,
            count: fed.length,
            from: fed.map((ref) => nodeName(nodes, refNode(ref))).join(', '),
          }),
        });
      }
    }
  }
  for (const cycle of findCycles(
    doc.nodes.map((n) => n.id),
    doc.edges,
  )) {
    issues.push({
      code: 'cycle',
      nodeId: cycle[0],
      message: `cycle through ${cycle.join(' → ')}`,
      msg: msg('doc.cycle', {
        path: {
          ko: cycle.map((id) => nodeName(nodes, id).ko).join(' → '),
          en: cycle.map((id) => nodeName(nodes, id).en).join(' → '),
        },
      }),
    });
  }
}

function docIssue(issue: z.core.$ZodIssue, doc: unknown): Issue {
  const [top, index, ...rest] = issue.path;
  const nodes = (doc as { nodes?: { id?: unknown }[] }).nodes;
  if (top === 'nodes' && typeof index === 'number' && Array.isArray(nodes)) {
    const id = nodes[index]?.id;
    return {
      code: 'format',
      nodeId: typeof id === 'string' ? id : `#${index + 1}`,
      param: rest.length ? rest.join('.') : undefined,
      message: issue.message,
      msg: msg('doc.field', {
        field: fieldLabel(pipelineDocSchema, issue.path),
        path: issue.path.join('.'),
        detail: { ko: zodKorean(issue), en: issue.message },
      }),
    };
  }
  const path = issue.path.join('.') || 'document';
  return {
    code: 'format',
    message: `${path}: ${issue.message}`,
    msg: msg('doc.field', {
      field: fieldLabel(pipelineDocSchema, issue.path),
      path,
      detail: { ko: zodKorean(issue), en: issue.message },
    }),
  };
}

function portLabels(ports: readonly { label: Label }[]): Label {
  if (!ports.length) return { ko: '없음', en: 'none' };
  return { ko: ports.map((p) => p.label.ko).join(', '), en: ports.map((p) => p.label.en).join(', ') };
}

/** A node by its type's name and id, as the canvas shows it ("필터 (filter_1)"). */
function nodeName(nodes: Map<string, ResolvedNode>, id: string): Label {
  const label = nodes.get(id)?.def.label;
  return label ? { ko: `${label.ko} (${id})`, en: `${label.en} (${id})` } : { ko: id, en: id };
}
