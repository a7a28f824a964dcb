/** Checks a schedule's parameter values against the parameters its pipeline declares. */
import { ApiError } from '../errors.ts';

interface Declared {
  name: string;
  type?: string;
}

export function checkParams(doc: unknown, values: Record<string, unknown>): void {
  const declared = ((doc as { parameters?: Declared[] }).parameters ?? []).filter((p) => typeof p?.name === 'string');
  const byName = new Map(declared.map((p) => [p.name, p]));
  const issues: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const p = byName.get(name);
    if (!p) {
      issues.push(`"${name}" is not a parameter of this pipeline`);
      continue;
    }
    const want = p.type === 'number' || p.type === 'boolean' ? p.type : 'string';
    if (typeof value !== want) issues.push(`"${name}" must be a ${want}`);
  }
  if (issues.length) throw new ApiError(422, 'invalid_parameters', issues.join('; '), { issues });
}
