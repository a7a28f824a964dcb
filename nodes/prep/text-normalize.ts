import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { NFKC_TABLE_SQL, nfkcSql } from '../_shared/nfkc.ts';
import { IN, OUT } from '../_shared/ports.ts';
import {
  collapseSpacesSql,
  fullToHalfSql,
  halfToFullSql,
  removePunctuationSql,
  removeSpacesSql,
  textOf,
  titleSql,
  trimSql,
} from '../_shared/text-sql.ts';

const operation = z.enum([
  'trim',
  'collapse_spaces',
  'upper',
  'lower',
  'title',
  'fullwidth_to_halfwidth',
  'halfwidth_to_fullwidth',
  'nfc',
  'nfkc',
  'remove_punctuation',
  'remove_spaces',
]);
type Operation = z.infer<typeof operation>;

const params = z
  .object({
    columns: z
      .record(z.string(), z.array(operation).min(1, 'choose at least one operation'))
      .refine((r) => Object.keys(r).length > 0, 'choose at least one column')
      .meta({
        label: { ko: '열별 정리 작업 (순서대로)', en: 'Operations per column, in order' },
        help: {
          ko: 'trim 앞뒤 공백 · collapse_spaces 연속 공백을 하나로 · upper/lower/title 대소문자 · fullwidth_to_halfwidth 전각→반각 (ＡＢＣ１２３ → ABC123) · halfwidth_to_fullwidth 반각→전각 · nfc 유니코드 NFC · nfkc 호환 문자 정리 (㈜ → (주), ① → 1, ㎏ → kg, 전각 → 반각) · remove_punctuation 문장부호·기호 삭제 · remove_spaces 모든 공백 삭제',
          en: 'trim · collapse_spaces · upper/lower/title case · fullwidth_to_halfwidth (ＡＢＣ１２３ → ABC123) · halfwidth_to_fullwidth · nfc · nfkc (㈜ → (주), ① → 1, ㎏ → kg, full-width → ASCII; see nodes/_shared/nfkc.ts for exactly what it covers) · remove_punctuation (punctuation and symbols) · remove_spaces',
        },
        widget: 'column',
        columnOf: 'in',
      }),
  })
  .strict();

const NFKC_COLUMN = ident('__nfkc_table');

/** One operation applied to a column reference (several operations use their argument twice). */
function apply(op: Operation, x: string): string {
  switch (op) {
    case 'trim':
      return trimSql(x);
    case 'collapse_spaces':
      return collapseSpacesSql(x);
    case 'upper':
      return `upper(${x})`;
    case 'lower':
      return `lower(${x})`;
    case 'title':
      return titleSql(x);
    case 'fullwidth_to_halfwidth':
      return fullToHalfSql(x);
    case 'halfwidth_to_fullwidth':
      return halfToFullSql(x);
    case 'nfc':
      return `nfc_normalize(${x})`;
    case 'nfkc':
      return nfkcSql(x, NFKC_COLUMN);
    case 'remove_punctuation':
      return removePunctuationSql(x);
    case 'remove_spaces':
      return removeSpacesSql(x);
  }
}

/**
 * Normalizes text. Keeps input order (a projection).
 */
export const textNormalize = defineNode({
  type: 'prep.text_normalize',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '텍스트 정리', en: 'Normalize text' },
  description: {
    ko: '공백, 대소문자, 전각/반각, 유니코드 형태, 문장부호를 열마다 정한 순서대로 정리합니다.',
    en: 'Clean spaces, case, full/half width, Unicode forms and punctuation, per column, in the order given.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    for (const name of Object.keys(p.columns)) requireColumn(schema, name, `columns.${name}`);
    return schema.map((c) => (c.name in p.columns ? { name: c.name, type: 'VARCHAR' } : c));
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const entries = Object.entries(p.columns);
    const usesNfkc = entries.some(([, ops]) => ops.includes('nfkc'));
    // One projection per step, so each operation reads a plain column: nesting them would copy the
    // expression of every earlier step into each operation that uses its argument twice.
    let from = usesNfkc ? `(SELECT *, ${NFKC_TABLE_SQL} AS ${NFKC_COLUMN} FROM ${relation(inputs)})` : relation(inputs);
    const steps = Math.max(...entries.map(([, ops]) => ops.length));
    for (let k = 0; k < steps; k++) {
      const replaced = entries
        .filter(([, ops]) => k < ops.length)
        .map(([name, ops]) => {
          const x = k === 0 ? textOf(requireColumn(schema, name, `columns.${name}`)) : ident(name);
          return `${apply(ops[k]!, x)} AS ${ident(name)}`;
        });
      const select = `SELECT * REPLACE (${replaced.join(', ')}) FROM ${from}`;
      from = k === steps - 1 && !usesNfkc ? select : `(${select})`;
    }
    return usesNfkc ? `SELECT * EXCLUDE (${NFKC_COLUMN}) FROM ${from}` : from;
  },
});
