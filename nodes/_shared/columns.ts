import { ParamError } from '../../runtime/errors.ts';
import { closestNames } from '../../runtime/messages/duckdb.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';

export const UNKNOWN = 'UNKNOWN';

/** The column called `name`, or a ParamError that lists what there is. */
export function requireColumn(schema: Schema, name: string, param: string): Column {
  const col = schema.find((c) => c.name === name);
  if (!col) {
    const known = schema.map((c) => c.name).join(', ');
    const close = closestNames(
      name,
      schema.map((c) => c.name),
    );
    const suggest = close.length ? msg('sql.candidates', { names: close.map((n) => `"${n}"`).join(', ') }) : '';
    throw new ParamError(
      `column "${name}" is not in the input (columns: ${known})`,
      param,
      msg('param.unknown_column', { column: name, suggest }),
    );
  }
  return col;
}

function notConnected(port: string): ParamError {
  const name = port === 'in' ? { ko: '입력', en: 'Input' } : { ko: port, en: port };
  return new ParamError(
    `input "${port}" is not connected`,
    undefined,
    msg('param.input_not_connected', { port: name, portName: port }),
  );
}

/** The only schema fed to a single-input port. */
export function single(inputs: Record<string, Schema[]>, port = 'in'): Schema {
  const schema = inputs[port]?.[0];
  if (!schema) throw notConnected(port);
  return schema;
}

/** The only relation fed to a single-input port. */
export function relation(inputs: Record<string, string[]>, port = 'in'): string {
  const rel = inputs[port]?.[0];
  if (!rel) throw notConnected(port);
  return rel;
}
