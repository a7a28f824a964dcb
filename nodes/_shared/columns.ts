import { ParamError } from '../../runtime/errors.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';

export const UNKNOWN = 'UNKNOWN';

/** The column called `name`, or a ParamError that lists what there is. */
export function requireColumn(schema: Schema, name: string, param: string): Column {
  const col = schema.find((c) => c.name === name);
  if (!col) {
    const known = schema.map((c) => c.name).join(', ');
    throw new ParamError(`column "${name}" is not in the input (columns: ${known})`, param);
  }
  return col;
}

/** The only schema fed to a single-input port. */
export function single(inputs: Record<string, Schema[]>, port = 'in'): Schema {
  const schema = inputs[port]?.[0];
  if (!schema) throw new ParamError(`input "${port}" is not connected`);
  return schema;
}

/** The only relation fed to a single-input port. */
export function relation(inputs: Record<string, string[]>, port = 'in'): string {
  const rel = inputs[port]?.[0];
  if (!rel) throw new ParamError(`input "${port}" is not connected`);
  return rel;
}
