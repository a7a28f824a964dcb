/** JSON with object keys sorted, so `{a, b}` and `{b, a}` give the same key. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The identity of a node's result: type, type version, params (after parameter substitution and
 * defaults), the keys of its inputs by port, and for sources the data's fingerprint. Labels, positions
 * and notes never enter it.
 */
export async function contentKey(parts: {
  type: string;
  version: number;
  params: unknown;
  inputs: Record<string, string[]>;
  fingerprint?: string;
}): Promise<string> {
  const bytes = new TextEncoder().encode(stableStringify(parts));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest).slice(0, 10), (b) => b.toString(16).padStart(2, '0')).join('');
}
