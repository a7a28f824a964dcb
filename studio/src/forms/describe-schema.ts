import type { ParamMeta } from '../../../runtime/nodes/param-meta.ts';
import type { FieldKind, FieldSpec } from './field-spec.ts';

/** The parts of zod 4's internals the form reads (`schema._zod.def`); kept structural so no zod import. */
interface ZodLike {
  _zod: { def: ZodDef };
  meta?: () => ParamMeta | undefined;
}
interface ZodDef {
  type: string;
  innerType?: ZodLike;
  defaultValue?: unknown;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  options?: ZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: ZodLike;
  discriminator?: string;
  in?: ZodLike;
  out?: ZodLike;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function metaOf(s: ZodLike): ParamMeta {
  try {
    return s.meta?.() ?? {};
  } catch {
    return {};
  }
}

/** Strips optional/default/pipe wrappers; collects their metas (outer wins) and whether the value may be absent. */
export function unwrap(schema: ZodLike): {
  inner: ZodLike;
  meta: ParamMeta;
  optional: boolean;
  defaultValue?: unknown;
} {
  let s = schema;
  const metas: ParamMeta[] = [];
  let optional = false;
  let defaultValue: unknown;
  for (let i = 0; i < 20; i++) {
    metas.push(metaOf(s));
    const def = s._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    if (def.type === 'default' && defaultValue === undefined) {
      const d = def.defaultValue;
      defaultValue = typeof d === 'function' ? (d as () => unknown)() : d;
    }
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    // z.preprocess (a shorthand accepted on input) is a pipe from a transform: the form edits what it becomes.
    else if (def.type === 'pipe' && def.in?._zod.def.type === 'transform' && def.out) s = def.out;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  const meta = Object.assign({}, ...metas.reverse()) as ParamMeta;
  return { inner: s, meta, optional, defaultValue };
}

function literalValues(s: ZodLike): string[] | undefined {
  const def = s._zod.def;
  if (def.type === 'enum' && def.entries) return Object.values(def.entries).map(String);
  if (def.type === 'literal' && def.values) return def.values.map(String);
  return undefined;
}

function isRuleItem(item: FieldSpec | undefined): boolean {
  const keys = new Set(item?.fields?.map((f) => f.key));
  return item?.kind === 'object' && keys.has('column') && keys.has('op') && keys.has('value');
}

function kindOf(inner: ZodLike, meta: ParamMeta): FieldKind {
  const t = inner._zod.def.type;
  if (t === 'record') return 'record'; // cast: `widget: 'column'` names what the keys are
  if (meta.widget && meta.widget !== 'select' && meta.widget !== 'text') return meta.widget;
  if (t === 'string') return 'text';
  if (t === 'number' || t === 'int' || t === 'bigint') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'enum' || t === 'literal') return 'select';
  if (t === 'array') return 'array';
  if (t === 'object') return 'object';
  if (t === 'record') return 'record';
  if (t === 'union') {
    if (inner._zod.def.discriminator) return 'union';
    const opts = inner._zod.def.options ?? [];
    if (opts.every((o) => literalValues(o))) return 'select';
    return 'json';
  }
  return 'json';
}

/** The form field for one schema (zod 4): the widget, the label and hints from `.meta()`, nested fields. */
export function describeSchema(schema: ZodLike, key = ''): FieldSpec {
  const { inner, meta, optional, defaultValue } = unwrap(schema);
  const def = inner._zod.def;
  const kind = kindOf(inner, meta);
  const spec: FieldSpec = { kind, key, optional };
  if (meta.label) spec.label = meta.label;
  if (meta.help) spec.help = meta.help;
  if (defaultValue !== undefined) spec.defaultValue = defaultValue;
  if (meta.columnOf) spec.columnOf = meta.columnOf;
  if (meta.showIf) spec.showIf = meta.showIf;
  if (meta.options) spec.optionLabels = meta.options;
  if (kind === 'select') {
    spec.options = literalValues(inner) ?? (def.options ?? []).flatMap((o) => literalValues(o) ?? []);
  } else if (kind === 'object' && def.shape) {
    spec.fields = Object.entries(def.shape).map(([k, v]) => describeSchema(v, k));
  } else if (kind === 'array' && def.element) {
    spec.item = describeSchema(def.element);
    if (isRuleItem(spec.item)) spec.kind = 'rules';
  } else if (kind === 'record' && def.valueType) {
    spec.item = describeSchema(def.valueType);
  } else if (kind === 'union' && def.discriminator) {
    const tagKey = def.discriminator;
    spec.discriminator = tagKey;
    spec.variants = (def.options ?? []).map((o) => {
      const obj = describeSchema(o);
      const tagField = obj.fields?.find((f) => f.key === tagKey);
      return {
        tag: tagField?.options?.[0] ?? '',
        ...(tagField?.label ? { label: tagField.label } : {}),
        fields: (obj.fields ?? []).filter((f) => f.key !== tagKey),
      };
    });
  }
  return spec;
}

/**
 * Whether a field's `showIf` holds against its sibling values; an unset sibling counts as its schema default
 * (a new chart is a bar chart, so its X axis shows before the officer picks a chart type).
 */
export function shown(
  spec: FieldSpec,
  siblings: Record<string, unknown> | undefined,
  fields: FieldSpec[] = [],
): boolean {
  if (!spec.showIf) return true;
  return Object.entries(spec.showIf).every(([k, allowed]) => {
    const value = siblings?.[k] ?? fields.find((f) => f.key === k)?.defaultValue;
    return allowed.includes(value);
  });
}

/** A fresh value for a field that is added (an array row, a union variant). */
export function emptyValue(spec: FieldSpec): unknown {
  if (spec.defaultValue !== undefined) return structuredClone(spec.defaultValue);
  switch (spec.kind) {
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'select':
      return spec.options?.[0] ?? '';
    case 'array':
    case 'rules':
    case 'columns':
      return [];
    case 'record':
      return {};
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const f of spec.fields ?? []) if (!f.optional) out[f.key] = emptyValue(f);
      return out;
    }
    case 'union': {
      const v = spec.variants?.[0];
      const out: Record<string, unknown> = { [spec.discriminator ?? 'type']: v?.tag };
      for (const f of v?.fields ?? []) if (!f.optional) out[f.key] = emptyValue(f);
      return out;
    }
    default:
      return '';
  }
}
