import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal, typeName } from '../../runtime/sql/quote.ts';
import { numbered, POS } from '../_shared/added-columns.ts';
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
 * Per row and chosen column k, "__check<k>": how the conversion went, and the original text only when it did
 * not fit. What each k is (column, from and to types) is said once, on the first row ("__about"): constants
 * repeated on every row would be written out for every row.
 */
const checkOf = (k: number) => `"__check${k}"`;
const CHECK_TYPE = 'STRUCT(state INTEGER, raw VARCHAR)';
const ABOUT = '"__about"';
const ABOUT_TYPE = 'STRUCT(k INTEGER, col VARCHAR, from_type VARCHAR, to_type VARCHAR)[]';
const INTERNAL = '^__(pos|about|check[0-9]+)$';
const BLANK = 0;
const CONVERTED = 1;
const MISMATCHED = 2;

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
    for (const name of Object.keys(p.columns)) requireColumn(schema, name, `columns.${name}`);
    const typed = schema.map((c) =>
      c.name in p.columns ? { name: c.name, type: target(p.columns[c.name]!, c.name) } : c,
    );
    const checks = Object.keys(p.columns).map((_, k) => ({ name: `__check${k}`, type: CHECK_TYPE }));
    return [...typed, { name: '__pos', type: 'BIGINT' }, ...checks, { name: '__about', type: ABOUT_TYPE }];
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
    const inner = `(SELECT *, ${chosen.map((c) => `${parsed(c)} AS ${value(c.k)}`).join(', ')} FROM ${numbered(relation(inputs))})`;
    const replaced = chosen.map((c) => `${value(c.k)} AS ${ident(c.name)}`);
    const checks = chosen.map((c) => {
      const t = textOf(ident(c.name));
      const state = `CASE WHEN ${t} IS NULL THEN ${BLANK} WHEN ${value(c.k)} IS NULL THEN ${MISMATCHED} ELSE ${CONVERTED} END`;
      const raw = `CASE WHEN ${t} IS NOT NULL AND ${value(c.k)} IS NULL THEN CAST(${ident(c.name)} AS VARCHAR) END`;
      return `{'state': ${state}, 'raw': ${raw}} AS ${checkOf(c.k)}`;
    });
    const about = chosen.map(
      (c) => `{'k': ${c.k}, 'col': ${literal(c.name)}, 'from_type': ${literal(c.from)}, 'to_type': ${literal(c.to)}}`,
    );
    const internal = chosen.map((c) => value(c.k)).join(', ');
    // The checks ride along with each row so the report port can be one static query over this result.
    return `SELECT * EXCLUDE (${internal}) REPLACE (${replaced.join(', ')}), ${checks.join(', ')}, CASE WHEN ${POS} = 1 THEN [${about.join(', ')}] END AS ${ABOUT} FROM ${inner}`;
  },
  outputPorts: {
    out: {
      schema: (self) => self.filter((c) => !new RegExp(INTERNAL).test(c.name)),
      // The node's result is a projection in input order (or a table written in that order): no sort needed.
      sql: (self) => `SELECT COLUMNS(c -> NOT regexp_full_match(c, ${literal(INTERNAL.slice(1, -1))})) FROM ${self}`,
    },
    report: {
      schema: () => REPORT,
      // One row per chosen column: the checks turned into rows ("__check<k>" → k), counted, and named from
      // the first row's "__about".
      sql: (self) =>
        `WITH "__about_k" AS (SELECT unnest(${ABOUT}) AS a FROM ${self} WHERE ${ABOUT} IS NOT NULL), ` +
        `"__checks" AS (SELECT ${POS}, CAST(substr("__name", 8) AS INTEGER) AS k, c FROM (UNPIVOT (SELECT ${POS}, COLUMNS('^__check[0-9]+$') FROM ${self}) ON COLUMNS('^__check[0-9]+$') INTO NAME "__name" VALUE c)) ` +
        `SELECT a.col AS "column", a.from_type, a.to_type, count(*) AS total, ` +
        `count(*) FILTER (WHERE c.state = ${CONVERTED}) AS converted, ` +
        `count(*) FILTER (WHERE c.state = ${MISMATCHED}) AS mismatched, ` +
        `arg_min(c.raw, ${POS}) FILTER (WHERE c.state = ${MISMATCHED}) AS example_mismatch ` +
        'FROM "__about_k" JOIN "__checks" ON a.k = "__checks".k GROUP BY a.k, a.col, a.from_type, a.to_type ORDER BY a.k',
    },
  },
});
