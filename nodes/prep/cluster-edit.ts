import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { keySql } from './cluster/keys-sql.ts';

const METHODS = ['fingerprint', 'ngram', 'jamo', 'chosung', 'romanized', 'company', 'edit_distance'] as const;

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: { ko: '정리할 열', en: 'Column to clean' }, widget: 'column', columnOf: 'in' }),
    method: z
      .enum(METHODS)
      .default('fingerprint')
      .meta({
        label: { ko: '묶는 방법', en: 'Clustering method' },
        help: {
          ko: 'fingerprint: 대소문자·문장부호·단어 순서 무시 · ngram: 글자 조각 · jamo: 자모 분해 · chosung: 초성 · romanized: 로마자 표기(한빛무역 = Hanbit Muyeok) · company: (주)·주식회사·Co., Ltd. 등 제거 · edit_distance: 오타(자모 편집 거리). chosung·romanized·company는 법인 형태 표기를 먼저 뺍니다.',
          en: 'fingerprint: ignore case, punctuation and word order · ngram: character pieces · jamo: Hangul split into jamo · chosung: initial consonants · romanized: Revised Romanization (한빛무역 = Hanbit Muyeok) · company: drop (주), 주식회사, Co., Ltd. and the like · edit_distance: typos (jamo edit distance). chosung, romanized and company drop legal forms first.',
        },
        widget: 'select',
      }),
    ngram: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(2)
      .meta({ label: { ko: 'n-gram 크기', en: 'n-gram size' }, widget: 'number', showIf: { method: ['ngram'] } }),
    maxDistance: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(1)
      .meta({
        label: { ko: '최대 편집 거리', en: 'Maximum edit distance' },
        help: { ko: '자모 단위 (빛 → 빗 은 1)', en: 'In jamo for Hangul (빛 → 빗 is 1)' },
        widget: 'number',
        showIf: { method: ['edit_distance'] },
      }),
    mapping: z
      .array(
        z
          .object({
            from: z.string().meta({ label: { ko: '원래 값', en: 'Value' } }),
            to: z.string().meta({ label: { ko: '바꿀 값', en: 'Replace with' } }),
          })
          .strict(),
      )
      .default([])
      .meta({
        label: { ko: '확정한 바꾸기 목록', en: 'Accepted replacements' },
        help: {
          ko: '묶음 화면에서 확정한 값 → 대표값. 새 데이터에도 그대로 적용되며, 목록에 없는 값은 그대로 둡니다.',
          en: 'Value → canonical value, as accepted in the cluster view. Replayed on new data; other values pass unchanged.',
        },
        widget: 'json',
      }),
    applyKeys: z
      .boolean()
      .default(false)
      .meta({
        label: { ko: '같은 키의 새 값도 바꾸기', en: 'Also map new values with the same key' },
        help: {
          ko: '목록에 없는 새 값이라도 묶는 방법의 키가 확정한 묶음의 키와 같으면 그 대표값으로 바꿉니다 (edit_distance 제외). 키 하나가 여러 대표값에 걸리면 바꾸지 않습니다.',
          en: 'A value not in the list takes the canonical value of an accepted cluster whose key (by the method) it shares (not for edit_distance). A key shared by clusters with different canonical values maps nothing.',
        },
        widget: 'boolean',
      }),
    as: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '결과 열 (비우면 같은 열)', en: 'Result column (empty: edit in place)' },
        widget: 'text',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** The mapping without repeated pairs; the same value mapped to two different values is an error. */
function uniqueMapping(p: Params): { from: string; to: string }[] {
  const seen = new Map<string, string>();
  p.mapping.forEach(({ from, to }, i) => {
    const before = seen.get(from);
    if (before !== undefined && before !== to) {
      throw new ParamError(
        `"${from}" is mapped twice: to "${before}" and to "${to}"`,
        `mapping.${i}.from`,
        msg('node.mapped_twice', { from, first: before, second: to }),
      );
    }
    seen.set(from, to);
  });
  return [...seen].map(([from, to]) => ({ from, to }));
}

function check(p: Params, schema: Schema) {
  const col = requireColumn(schema, p.column, 'column');
  if (col.type !== 'VARCHAR' && col.type !== UNKNOWN) {
    throw new ParamError(
      `column "${p.column}" is ${col.type}; cluster and edit works on text (cast it to VARCHAR first)`,
      'column',
      msg('node.cluster_needs_text', { column: p.column, type: typeLabel(col.type) }),
    );
  }
  if (p.applyKeys && p.method === 'edit_distance') {
    throw new ParamError(
      'edit_distance has no key to match new values by; choose a key method or turn this off',
      'applyKeys',
      msg('node.cluster_edit_distance_keys', { field: setting(params, 'applyKeys') }),
    );
  }
  return uniqueMapping(p);
}

/**
 * Rewrites clustered values through a lookup. Keeps input order: the lookup is a join, so rows are numbered
 * first and sorted back by that number.
 */
export const clusterEdit = defineNode({
  type: 'prep.cluster_edit',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '비슷한 값 묶어 고치기', en: 'Cluster and edit' },
  description: {
    ko: '같은 대상을 다르게 적은 값((주)한빛무역, ㈜한빛무역, 한빛 무역…)을 묶어 하나의 대표값으로 바꿉니다. 확정한 바꾸기 목록은 새 데이터에 다시 적용됩니다.',
    en: 'Groups values that name the same thing in different spellings ((주)한빛무역, ㈜한빛무역, 한빛 무역…) and replaces them with one canonical value. The accepted replacements are replayed on new data.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    check(p, schema);
    const type = schema.find((c) => c.name === p.column)!.type;
    const target = p.as ?? p.column;
    if (!schema.some((c) => c.name === target)) return [...schema, { name: target, type }];
    return schema.map((c) => (c.name === target ? { name: c.name, type } : c));
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const mapping = check(p, schema);
    const input = relation(inputs);
    const target = ident(p.as ?? p.column);
    const exists = schema.some((c) => c.name === (p.as ?? p.column));
    if (mapping.length === 0) {
      if (p.as === undefined || p.as === p.column) return `SELECT * FROM ${input}`;
      const copy = `${ident(p.column)} AS ${target}`;
      return exists ? `SELECT * REPLACE (${copy}) FROM ${input}` : `SELECT *, ${copy} FROM ${input}`;
    }
    const value = `CAST("__t".${ident(p.column)} AS VARCHAR)`;
    const list = `(VALUES ${mapping.map((m) => `(${literal(m.from)}, ${literal(m.to)})`).join(', ')})`;
    const lookup =
      p.applyKeys && p.method !== 'edit_distance'
        ? `(${keyedLookup(p, list, ident(p.column), input)}) AS "__m"`
        : `${list} AS "__m"("from", "to")`;
    const edited = `coalesce("__m"."to", ${value})`;
    const columns = exists
      ? `"__t".* EXCLUDE ("__ce_pos") REPLACE (${edited} AS ${target})`
      : `"__t".* EXCLUDE ("__ce_pos"), ${edited} AS ${target}`;
    // A join does not keep row order: number the rows first and sort back.
    return `SELECT ${columns} FROM (SELECT *, row_number() OVER () AS "__ce_pos" FROM ${input}) AS "__t" LEFT JOIN ${lookup} ON ${value} = "__m"."from" ORDER BY "__t"."__ce_pos"`;
  },
});

/**
 * `from` → `to` for every distinct value of the column: the accepted replacement, else the canonical
 * value of the accepted cluster sharing its key. Keys are computed once per distinct value (not per
 * row), and for the accepted values and canonical values themselves. A key claimed by clusters with
 * different canonical values maps nothing rather than guess.
 */
function keyedLookup(p: Params, list: string, column: string, input: string): string {
  const pairs = (alias: string) => `${list} AS ${alias}("from", "to")`;
  const key = (x: string) => keySql(p.method as Exclude<Params['method'], 'edit_distance'>, x, { ngram: p.ngram });
  const accepted = `SELECT "from" AS "v", "to" FROM ${pairs('"__a"')} UNION ALL SELECT "to", "to" FROM ${pairs('"__b"')}`;
  const byKey = `SELECT "key", any_value("to") AS "to" FROM (SELECT ${key('"v"')} AS "key", "to" FROM (${accepted})) WHERE "key" <> '' GROUP BY "key" HAVING count(DISTINCT "to") = 1`;
  const values = `SELECT DISTINCT CAST(${column} AS VARCHAR) AS "v" FROM ${input} WHERE ${column} IS NOT NULL`;
  return `SELECT "__d"."v" AS "from", coalesce("__x"."to", "__k"."to") AS "to" FROM (${values}) AS "__d" LEFT JOIN ${pairs('"__x"')} ON "__d"."v" = "__x"."from" LEFT JOIN (${byKey}) AS "__k" ON ${key('"__d"."v"')} = "__k"."key"`;
}
