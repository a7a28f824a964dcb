import { ident, literal, stringLiteral } from '../../../runtime/sql/quote.ts';

/** A validation rule as a `prep.validate` node holds it (only the fields the quality bars read). */
export interface QualityRule {
  rule: string;
  column?: string;
  min?: number | string;
  max?: number | string;
  pattern?: string;
  values?: (string | number)[];
  digits?: string;
}

interface DocLike {
  nodes: { id: string; type: string; params: Record<string, unknown> }[];
  edges: { source: string; target: string }[];
}

/**
 * The rules of the `prep.validate` node that is `nodeId` or feeds it through single-input steps (a filter,
 * a sort… after a validation keep its rules meaningful); the nearest one wins. Empty when there is none.
 */
export function rulesFor(doc: DocLike, nodeId: string): QualityRule[] {
  const seen = new Set<string>();
  let id: string | undefined = nodeId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const node = doc.nodes.find((n) => n.id === id);
    if (!node) return [];
    if (node.type === 'prep.validate') {
      const rules = node.params.rules;
      return Array.isArray(rules) ? (rules as QualityRule[]) : [];
    }
    const into = doc.edges.filter((e) => e.target === id);
    id = into.length === 1 ? into[0]!.source : undefined;
  }
  return [];
}

const HS = { '6': '^[0-9]{6}$', '10': '^[0-9]{10}$', '6_or_10': '^([0-9]{6}|[0-9]{10})$' } as const;

/**
 * A SQL condition true when the (non-empty) value of `column` passes `rule`; undefined for rules that say
 * nothing about one value (`required` is the missing part of the bar, `unique` spans rows).
 */
export function ruleCondition(rule: QualityRule, column: string, numeric: boolean): string | undefined {
  const c = ident(column);
  const text = `CAST(${c} AS VARCHAR)`;
  switch (rule.rule) {
    case 'range': {
      const bound = (v: number | string) => (numeric ? literal(Number(v)) : stringLiteral(String(v)));
      const parts: string[] = [];
      const lhs = numeric ? c : text;
      if (rule.min !== undefined) parts.push(`${lhs} >= ${bound(rule.min)}`);
      if (rule.max !== undefined) parts.push(`${lhs} <= ${bound(rule.max)}`);
      return parts.length ? `coalesce(${parts.join(' AND ')}, false)` : undefined;
    }
    case 'regex':
      return rule.pattern ? `coalesce(regexp_full_match(${text}, ${stringLiteral(rule.pattern)}), false)` : undefined;
    case 'allowed':
      return rule.values?.length
        ? `${text} IN (${rule.values.map((v) => stringLiteral(String(v))).join(', ')})`
        : undefined;
    case 'max_length':
      return typeof rule.max === 'number' ? `length(${text}) <= ${literal(rule.max)}` : undefined;
    case 'hs_code':
      return `regexp_full_match(${text}, ${stringLiteral(HS[(rule.digits ?? '6_or_10') as keyof typeof HS] ?? HS['6_or_10'])})`;
    case 'country':
      return `regexp_full_match(${text}, '^[A-Z]{2}$')`;
    case 'currency':
      return `regexp_full_match(${text}, '^[A-Z]{3}$')`;
    default:
      return undefined;
  }
}
