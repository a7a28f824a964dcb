import type { Label, ParamMeta } from '../../../runtime/nodes/param-meta.ts';

export type FieldKind =
  | 'text'
  | 'number'
  | 'boolean'
  | 'select'
  | 'column'
  | 'columns'
  | 'sql-expression'
  | 'sql-query'
  | 'code-js'
  | 'file'
  | 'dataset'
  | 'type'
  | 'json'
  | 'array'
  | 'object'
  | 'record'
  | 'union'
  | 'rules';

/** One form field, read from a params schema: what to render, where its value lives, and the hints. */
export interface FieldSpec {
  kind: FieldKind;
  /** Key inside the parent object ('' for the root and for array items). */
  key: string;
  label?: Label;
  help?: Label;
  optional: boolean;
  defaultValue?: unknown;
  /** Enum values (select) and literal options. */
  options?: string[];
  /** The schema's own names for them (`.meta({ options })`); shared names come from the catalogue. */
  optionLabels?: Record<string, Label>;
  columnOf?: string;
  showIf?: ParamMeta['showIf'];
  /** object: its fields; union: unused. */
  fields?: FieldSpec[];
  /** array: the item; record: the value. */
  item?: FieldSpec;
  /** Discriminated union: the tag key and one object spec per variant, by tag value. */
  discriminator?: string;
  variants?: { tag: string; label?: Label; fields: FieldSpec[] }[];
}
