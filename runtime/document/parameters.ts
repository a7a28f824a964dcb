import { z } from 'zod';
import type { MessageCode } from '../messages/catalogue.ts';
import { type Message, msg, renderMessage } from '../messages/render.ts';
import { literal } from '../sql/quote.ts';
import type { ParameterValue, PipelineParameter } from './pipeline-doc.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names referenced as `{{name}}` anywhere inside a params value. */
export function referencedParameters(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(PLACEHOLDER)) found.add(m[1]!);
  else if (Array.isArray(value)) for (const v of value) referencedParameters(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) referencedParameters(v, found);
  return found;
}

/** A parameter value that cannot be used: the English text, and the message in the officer's words. */
export class ParameterError extends Error {
  constructor(readonly msg: Message) {
    super(renderMessage(msg, 'en'));
    this.name = 'ParameterError';
  }
}

/** Text from the command line or a schedule form, as the parameter's type; throws a message that names it. */
export function coerceParameter(param: PipelineParameter, raw: unknown): ParameterValue {
  const fail = (code: MessageCode) =>
    new ParameterError(msg(code, { name: param.name, value: JSON.stringify(raw) ?? String(raw) }));
  switch (param.type) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) throw fail('doc.parameter_not_number');
      return n;
    }
    case 'boolean':
      if (raw === true || raw === 'true' || raw === '1') return true;
      if (raw === false || raw === 'false' || raw === '0') return false;
      throw fail('doc.parameter_not_boolean');
    case 'date': {
      const s = String(raw);
      const d = new Date(`${s}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
        throw fail('doc.parameter_not_date');
      }
      return s;
    }
    default:
      if (typeof raw === 'object' || raw === undefined) throw fail('doc.parameter_not_text');
      return String(raw);
  }
}

/**
 * The value of every declared parameter: the override if given, else the default.
 * Throws on unknown overrides and on parameters that have neither.
 */
export function resolveParameters(
  declared: PipelineParameter[],
  overrides: Record<string, unknown> = {},
): Map<string, { param: PipelineParameter; value: ParameterValue }> {
  const out = new Map<string, { param: PipelineParameter; value: ParameterValue }>();
  for (const name of Object.keys(overrides)) {
    if (!declared.some((p) => p.name === name)) {
      const known = declared.map((p) => p.name).join(', ') || '—';
      throw new ParameterError(msg('doc.parameter_unknown', { name, known }));
    }
  }
  for (const param of declared) {
    const raw = param.name in overrides ? overrides[param.name] : param.default;
    if (raw === undefined) throw new ParameterError(msg('doc.parameter_no_value', { name: param.name }));
    out.set(param.name, { param, value: coerceParameter(param, raw) });
  }
  return out;
}

function sqlLiteral(param: PipelineParameter, value: ParameterValue): string {
  return param.type === 'date' ? `DATE ${literal(value)}` : literal(value);
}

type Resolved = ReturnType<typeof resolveParameters>;

function substituteString(text: string, values: Resolved, asSql: boolean): ParameterValue {
  const whole = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(text);
  if (whole && !asSql) {
    const hit = values.get(whole[1]!);
    if (hit) return hit.value;
  }
  return text.replace(PLACEHOLDER, (match, name: string) => {
    const hit = values.get(name);
    if (!hit) return match;
    return asSql ? sqlLiteral(hit.param, hit.value) : String(hit.value);
  });
}

/**
 * Replaces `{{name}}` in a node's params. Inside fields whose schema meta says `sql: true` the value
 * becomes a typed SQL literal (`'KR'`, `1000000`, `DATE '2024-01-05'`), so a value can never break out
 * of its literal; elsewhere a field that is only `{{name}}` takes the typed value, and longer text
 * takes the value as text.
 */
export function substituteParams(value: unknown, schema: z.ZodType | undefined, values: Resolved): unknown {
  return walk(value, schema, values, false);
}

function walk(value: unknown, schema: z.ZodType | undefined, values: Resolved, inSql: boolean): unknown {
  const { inner, sql } = unwrap(schema);
  const asSql = inSql || sql;
  if (typeof value === 'string') return substituteString(value, values, asSql);
  if (Array.isArray(value)) {
    const element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
    return value.map((v) => walk(v, element, values, asSql));
  }
  if (value && typeof value === 'object') {
    const shape = inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
    const recordValue = inner instanceof z.ZodRecord ? (inner.valueType as z.ZodType) : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, walk(v, shape?.[k] ?? recordValue, values, asSql)]),
    );
  }
  return value;
}

/** Peels optional/default/nullable wrappers, noting whether any layer is marked as SQL. */
function unwrap(schema: z.ZodType | undefined): { inner: z.ZodType | undefined; sql: boolean } {
  let current = schema;
  let sql = false;
  for (let i = 0; current && i < 8; i++) {
    if (current.meta()?.sql) sql = true;
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    const next = def.innerType ?? def.in;
    if (!next) break;
    current = next;
  }
  return { inner: current, sql };
}
