/** Operators that take no value, and those that take a list. */
export const NO_VALUE_OPS = new Set(['is_null', 'not_null']);
export const LIST_OPS = new Set(['in', 'not_in']);

/** The text a value input shows for a rule's value. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Parses what the officer typed into the value the rule needs: numbers for numeric columns, lists for in/not in. */
export function parseRuleValue(text: string, op: string, numeric: boolean): unknown {
  const one = (s: string) => {
    const trimmed = s.trim();
    if (numeric && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
    return trimmed;
  };
  if (LIST_OPS.has(op)) {
    const items = text
      .split(',')
      .map(one)
      .filter((v) => v !== '');
    return items.length ? items : undefined;
  }
  if (text.trim() === '') return undefined;
  return numeric ? one(text) : text;
}
