const field = (path: string) => `.field[data-field="${CSS.escape(path)}"]`;

/**
 * What to outline for an error at `param` (a dot path such as `rules.1.column`): the field itself when the
 * form shows it; else, inside its nearest shown parent, the rule row the path names (rule rows carry no field
 * of their own); else that parent. `exists` asks the cell's DOM. Undefined when nothing on the path is shown.
 */
export function faultSelector(param: string, exists: (selector: string) => boolean): string | undefined {
  const parts = param.split('.');
  for (let n = parts.length; n > 0; n--) {
    const parent = field(parts.slice(0, n).join('.'));
    if (!exists(parent)) continue;
    const index = parts[n];
    if (index !== undefined && /^\d+$/.test(index)) {
      const row = `${parent} .rule-row[data-rule="${index}"]`;
      if (exists(row)) return row;
    }
    return parent;
  }
  return undefined;
}
