import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { numbered, POS } from '../_shared/added-columns.ts';
import { relation, single } from '../_shared/columns.ts';
import { IN } from '../_shared/ports.ts';
import { failures } from './validate-failures.ts';
import { checkRule, type Rule, rule } from './validate-rules.ts';

const params = z
  .object({
    rules: z
      .array(rule)
      .min(1, 'add at least one rule')
      .meta({
        label: { ko: '검증 규칙', en: 'Rules' },
        help: {
          ko: '필수값, 범위, 정규식, 허용 값, 최대 길이, 중복, HS 코드, 국가코드(ISO 3166), 통화코드(ISO 4217). 빈 값은 "필수값" 규칙만 검사합니다.',
          en: 'Required, range, regex, allowed values, max length, unique, HS code, country (ISO 3166), currency (ISO 4217). Empty values are checked only by "required".',
        },
      }),
  })
  .strict();

/** The column of the node's own result that lists the failed rules; NULL for a valid row. */
const REASON = 'reason';

function dupFlag(i: number): string {
  return `"__dup${i}"`;
}

/** Duplicate flags are window functions, computed once in an inner query. A row with an empty key is never a duplicate. */
function dupWindows(rules: Rule[]): string[] {
  return rules.flatMap((r, i) => {
    if (r.rule !== 'unique') return [];
    const keys = r.columns.map(ident);
    const flag =
      r.keep === 'first'
        ? `row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${POS}) > 1`
        : `count(*) OVER (PARTITION BY ${keys.join(', ')}) > 1`;
    const anyNull = keys.map((k) => `${k} IS NULL`).join(' OR ');
    return [`CASE WHEN ${anyNull} THEN FALSE ELSE ${flag} END AS ${dupFlag(i)}`];
  });
}

/**
 * Checks every row against rules. Keeps input order on both ports (rows are numbered and sorted back when a
 * uniqueness rule ranks them).
 */
export const validate = defineNode({
  type: 'prep.validate',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '데이터 검증', en: 'Validate rows' },
  description: {
    ko: '규칙에 맞는 행(valid)과 어긋난 행(rejected)으로 나눕니다. 거부된 행에는 어긋난 규칙을 모두 적은 reason 열이 붙습니다.',
    en: 'Split rows into valid and rejected; rejected rows get a reason column listing every rule they break.',
  },
  inputs: [IN, { name: 'codes', label: { ko: 'HS 부호표 (선택)', en: 'HS code table (optional)' }, optional: true }],
  outputs: [
    { name: 'valid', label: { ko: '통과', en: 'Valid' } },
    { name: 'rejected', label: { ko: '거부', en: 'Rejected' } },
  ],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const codes = inputs.codes?.[0];
    p.rules.forEach((r, i) => {
      checkRule(r, i, schema, codes);
    });
    if (schema.some((c) => c.name === REASON)) {
      throw new ParamError(
        `the input already has a column "${REASON}": rename or drop it before validating`,
        'rules',
        msg('node.validate_reason_column', { name: REASON }),
      );
    }
    return [...schema, { name: REASON, type: 'VARCHAR' }];
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const ctx = { dupFlag, codes: inputs.codes?.[0] };
    const messages = p.rules.flatMap((r, i) =>
      failures(r, i, schema, ctx).map((f) => `CASE WHEN ${f.when} THEN ${literal(`${f.ko} (${f.en})`)} END`),
    );
    // concat_ws skips NULLs: the reason lists exactly the failed rules, and is NULL when none failed.
    const reason = `NULLIF(concat_ws('; ', ${messages.join(', ')}), '') AS ${ident(REASON)}`;
    const windows = dupWindows(p.rules);
    // Without duplicate checks the query is a projection, which keeps the input order by itself.
    if (!windows.length) return `SELECT *, ${reason} FROM ${relation(inputs)}`;
    const inner = `(SELECT *, ${windows.join(', ')} FROM ${numbered(relation(inputs))})`;
    const drop = [POS, ...p.rules.flatMap((r, i) => (r.rule === 'unique' ? [dupFlag(i)] : []))];
    return `SELECT * EXCLUDE (${drop.join(', ')}), ${reason} FROM ${inner} ORDER BY ${POS}`;
  },
  outputPorts: {
    valid: {
      schema: (self) => self.filter((c) => c.name !== REASON),
      sql: (self) => `SELECT * EXCLUDE (${ident(REASON)}) FROM ${self} WHERE ${ident(REASON)} IS NULL`,
    },
    rejected: {
      schema: (self) => self,
      sql: (self) => `SELECT * FROM ${self} WHERE ${ident(REASON)} IS NOT NULL`,
    },
  },
});
