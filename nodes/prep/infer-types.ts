import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal, typeName } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN } from '../_shared/ports.ts';
import { kindOf, parseSql, textOf } from './infer-types-parse.ts';

const params = z
  .object({
    columns: z
      .record(z.string(), z.string().min(1).meta({ widget: 'type' }))
      .refine((r) => Object.keys(r).length > 0, 'choose at least one column')
      .meta({
        label: { ko: '열별 형식 (제안값을 고칠 수 있음)', en: 'Type per column (suggested, editable)' },
        help: {
          ko: '스튜디오가 데이터를 보고 제안합니다. 앞자리 0이 있는 코드(HS 코드 등)는 문자로 둡니다.',
          en: 'The studio suggests them from the data. Codes with leading zeros (HS codes…) stay text.',
        },
        widget: 'column',
        columnOf: 'in',
      }),
  })
  .strict();

/**
 * Per row and chosen column, one text column saying how the conversion went: `c` converted, `b` blank, or `m`
 * followed by the original text when it did not fit (short codes stay inline in DuckDB's strings: no heap).
 * What the column is (its position k, name, from and to types) is in the check column's own name,
 * `__check|k|name|from|to` with the texts in base64, so the report port can say it without a per-row constant
 * or a marked first row, and the node needs no row numbering.
 */
const CHECK_PREFIX = '__check|';
const INTERNAL = '^__check\\|.*$';
const CONVERTED = "'c'";
const BLANK = "'b'";
const MISMATCHED = "'m'";

/** Base64 of the UTF-8 text (in the browser as in Node); DuckDB reads it back with `decode(from_base64(…))`. */
const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const checkName = (k: number, column: string, from: string, to: string) =>
  `${CHECK_PREFIX}${k}|${b64(column)}|${b64(from)}|${b64(to)}`;

const REPORT: Schema = [
  { name: 'column', type: 'VARCHAR' },
  { name: 'from_type', type: 'VARCHAR' },
  { name: 'to_type', type: 'VARCHAR' },
  { name: 'total', type: 'BIGINT' },
  { name: 'converted', type: 'BIGINT' },
  { name: 'mismatched', type: 'BIGINT' },
  { name: 'example_mismatch', type: 'VARCHAR' },
];

function target(type: string, column: string): string {
  try {
    return typeName(type);
  } catch (e) {
    throw new ParamError((e as Error).message, `columns.${column}`, msg('node.bad_type_name', { column, type }));
  }
}

/**
 * Converts chosen text columns to numbers, dates or booleans in one pass, with a report port counting what
 * did not fit. Keeps input order (a projection). The studio suggests the types from a sample
 * (`infer-types-suggest.ts`); this node converts every row once.
 */
export const inferTypes = defineNode({
  type: 'prep.infer_types',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '형식 자동 변환', en: 'Detect & convert types' },
  description: {
    ko: '문자 열을 숫자·날짜·참/거짓으로 바꾸고, 바뀌지 않은 값을 열별 보고서로 보여 줍니다.',
    en: 'Convert text columns to numbers, dates or booleans, with a per-column report of values that did not fit.',
  },
  inputs: [IN],
  outputs: [
    { name: 'out', label: { ko: '변환된 표', en: 'Typed table' } },
    { name: 'report', label: { ko: '변환 보고서', en: 'Conversion report' } },
  ],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const chosen = Object.entries(p.columns).map(([name, type], k) => {
      const from = requireColumn(schema, name, `columns.${name}`).type;
      return { name, k, from, to: target(type, name) };
    });
    const typed = schema.map((c) => {
      const x = chosen.find((y) => y.name === c.name);
      return x ? { name: c.name, type: x.to } : c;
    });
    const checks = chosen.map((c) => ({ name: checkName(c.k, c.name, c.from, c.to), type: 'VARCHAR' }));
    return [...typed, ...checks];
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const chosen = Object.entries(p.columns).map(([name, type], k) => ({
      name,
      k,
      to: target(type, name),
      from: requireColumn(schema, name, `columns.${name}`).type,
    }));
    const parsed = (c: (typeof chosen)[number]) =>
      kindOf(c.to) === 'text' ? `CAST(${ident(c.name)} AS VARCHAR)` : parseSql(textOf(ident(c.name)), c.to);
    // Each column is parsed once, into "__v<k>", then used for the value and for its check.
    const value = (k: number) => `"__v${k}"`;
    const inner = `(SELECT *, ${chosen.map((c) => `${parsed(c)} AS ${value(c.k)}`).join(', ')} FROM ${relation(inputs)})`;
    const replaced = chosen.map((c) => `${value(c.k)} AS ${ident(c.name)}`);
    const checks = chosen.map((c) => {
      const state = `CASE WHEN ${textOf(ident(c.name))} IS NULL THEN ${BLANK} WHEN ${value(c.k)} IS NULL THEN ${MISMATCHED} || CAST(${ident(c.name)} AS VARCHAR) ELSE ${CONVERTED} END`;
      return `${state} AS ${ident(checkName(c.k, c.name, c.from, c.to))}`;
    });
    const internal = chosen.map((c) => value(c.k)).join(', ');
    // A projection: input order kept, one pass, nothing numbered. The checks ride along with each row so the
    // report port can be one static query over this result.
    return `SELECT * EXCLUDE (${internal}) REPLACE (${replaced.join(', ')}), ${checks.join(', ')} FROM ${inner}`;
  },
  outputPorts: {
    out: {
      schema: (self) => self.filter((c) => !new RegExp(INTERNAL).test(c.name)),
      // The node's result is a projection in input order (or a table written in that order): no sort needed.
      sql: (self) => `SELECT COLUMNS(c -> NOT regexp_full_match(c, ${literal(INTERNAL.slice(1, -1))})) FROM ${self}`,
    },
    report: {
      schema: () => REPORT,
      // One row per chosen column: the checks turned into rows, counted, and named from the check column's
      // name. The rows are numbered here, on the narrow check columns only, for the first mismatch's text.
      sql: (self) => {
        const part = (i: number) => `decode(from_base64(split_part("__name", '|', ${i})))`;
        return (
          `SELECT ${part(3)} AS "column", ${part(4)} AS from_type, ${part(5)} AS to_type, count(*) AS total, ` +
          `count(*) FILTER (WHERE c = ${CONVERTED}) AS converted, ` +
          `count(*) FILTER (WHERE c[1] = ${MISMATCHED}) AS mismatched, ` +
          `arg_min(c[2:], "__pos") FILTER (WHERE c[1] = ${MISMATCHED}) AS example_mismatch ` +
          `FROM (UNPIVOT (SELECT row_number() OVER () AS "__pos", COLUMNS(${literal(INTERNAL)}) FROM ${self}) ` +
          `ON COLUMNS(${literal(INTERNAL)}) INTO NAME "__name" VALUE c) ` +
          `GROUP BY "__name" ORDER BY CAST(split_part("__name", '|', 2) AS INTEGER)`
        );
      },
    },
  },
});
