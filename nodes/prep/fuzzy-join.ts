import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { normalizeSql, similaritySql } from './cluster/similarity-sql.ts';

const key = z
  .object({
    left: z
      .string()
      .min(1)
      .meta({ label: { ko: '왼쪽 열', en: 'Left column' }, widget: 'column', columnOf: 'left' }),
    right: z
      .string()
      .min(1)
      .meta({ label: { ko: '오른쪽 열', en: 'Right column' }, widget: 'column', columnOf: 'right' }),
    method: z
      .enum(['jaro_winkler', 'levenshtein', 'jaccard', 'exact'])
      .default('jaro_winkler')
      .meta({
        label: { ko: '비교 방법', en: 'Comparison' },
        help: {
          ko: 'jaro_winkler: 앞부분이 같을수록 높게 · levenshtein: 1 − 편집 거리/긴 쪽 길이 · jaccard: 두 글자 조각 겹침 · exact: 같아야 함(블로킹에 쓰임)',
          en: 'jaro_winkler: rewards a shared beginning · levenshtein: 1 − edits / longer length · jaccard: shared character bigrams · exact: must be equal (used for blocking)',
        },
        widget: 'select',
      }),
    normalize: z
      .enum(['none', 'basic', 'company'])
      .default('basic')
      .meta({
        label: { ko: '비교 전 정리', en: 'Normalize first' },
        help: {
          ko: 'basic: 대소문자·띄어쓰기·문장부호·전각 문자 무시 · company: basic + (주), ㈜, 주식회사, Co., Ltd. 등 법인 형태 제거',
          en: 'basic: ignore case, spacing, punctuation and full-width forms · company: basic + drop legal forms such as (주), ㈜, 주식회사, Co., Ltd.',
        },
        widget: 'select',
      }),
    weight: z
      .number()
      .positive()
      .default(1)
      .meta({ label: { ko: '가중치', en: 'Weight' }, widget: 'number' }),
  })
  .strict();

const params = z
  .object({
    how: z
      .enum(['inner', 'left'])
      .default('inner')
      .meta({
        label: { ko: '결합 방식', en: 'Join type' },
        help: { ko: 'left: 짝이 없는 왼쪽 행도 남김', en: 'left: keep left rows without a match' },
        widget: 'select',
      }),
    keys: z
      .array(key)
      .min(1, 'add at least one pair of key columns')
      .meta({ label: { ko: '비교할 열', en: 'Compare' } }),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.85)
      .meta({
        label: { ko: '최소 점수 (0–1)', en: 'Minimum score (0–1)' },
        help: {
          ko: '점수 = 열별 유사도의 가중 평균. 이 값 이상인 짝만 남깁니다.',
          en: 'Score = weighted mean of the per-key similarities; only pairs scoring at least this are kept.',
        },
        widget: 'number',
      }),
    bestOnly: z
      .boolean()
      .default(true)
      .meta({
        label: { ko: '가장 비슷한 짝만', en: 'Best match only' },
        help: {
          ko: '왼쪽 행마다 점수가 가장 높은 짝 하나만 남깁니다 (같으면 오른쪽의 앞 행).',
          en: 'Keep one match per left row, the highest score (on a tie the earlier right row).',
        },
        widget: 'boolean',
      }),
    blocking: z
      .enum(['auto', 'first_char', 'none'])
      .default('auto')
      .meta({
        label: { ko: '후보 좁히기 (블로킹)', en: 'Blocking' },
        help: {
          ko: '비교할 짝을 미리 좁혀 큰 표도 빠르게 합니다. exact 열은 늘 같아야 합니다. auto: exact 열이 있으면 그것만, 없으면 첫 비교 열의 첫 글자가 같은 짝만 · first_char: 첫 글자도 같아야 함 · none: 모든 짝 비교(작은 표에만)',
          en: 'Narrows the pairs compared so large tables stay fast. exact keys must always be equal. auto: the exact keys if any, else the same first character of the first compared key · first_char: the first character must match too · none: compare every pair (small tables only)',
        },
        widget: 'select',
      }),
    scoreColumn: z
      .string()
      .min(1)
      .default('match_score')
      .meta({ label: { ko: '점수 열 이름', en: 'Score column' }, widget: 'text' }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** Right-hand columns renamed so no name clashes with the left (`x` → `x_right`, then `x_right_2`…), as `prep.join`. */
function rightNames(left: Schema, right: Schema): string[] {
  const taken = new Set(left.map((c) => c.name));
  return right.map((c) => {
    let name = c.name;
    if (taken.has(name)) {
      name = `${c.name}_right`;
      for (let k = 2; taken.has(name); k++) name = `${c.name}_right_${k}`;
    }
    taken.add(name);
    return name;
  });
}

function output(p: Params, left: Schema, right: Schema): Schema {
  p.keys.forEach((k, i) => {
    requireColumn(left, k.left, `keys.${i}.left`);
    requireColumn(right, k.right, `keys.${i}.right`);
  });
  const names = rightNames(left, right);
  const columns = [...left, ...right.map((c, i) => ({ name: names[i]!, type: c.type }))];
  if (columns.some((c) => c.name === p.scoreColumn)) {
    throw new ParamError(
      `the output already has a column "${p.scoreColumn}"; name the score column differently`,
      'scoreColumn',
      msg('node.fuzzy_score_column', { name: p.scoreColumn, field: setting(params, 'scoreColumn') }),
    );
  }
  return [...columns, { name: p.scoreColumn, type: 'DOUBLE' }];
}

/** Pairs compared: exact keys always; the first character of the first fuzzy key by `blocking`. */
function blockingSql(p: Params): string {
  const conditions: string[] = [];
  p.keys.forEach((k, i) => {
    if (k.method === 'exact') conditions.push(`"__l"."__k${i}" = "__r"."__k${i}" AND "__l"."__k${i}" <> ''`);
  });
  const fuzzy = p.keys.findIndex((k) => k.method !== 'exact');
  const firstChar = p.blocking === 'first_char' || (p.blocking === 'auto' && conditions.length === 0);
  if (firstChar && fuzzy >= 0) conditions.push(`substr("__l"."__k${fuzzy}", 1, 1) = substr("__r"."__k${fuzzy}", 1, 1)`);
  return conditions.length ? conditions.join(' AND ') : 'TRUE';
}

/**
 * Joins on similar values. Keeps the left input order (left rows sorted back by their position, then by
 * score).
 */
export const fuzzyJoin = defineNode({
  type: 'prep.fuzzy_join',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '유사 결합 (퍼지 조인)', en: 'Fuzzy join' },
  description: {
    ko: '철자가 조금 달라도 비슷한 값끼리 두 표를 연결하고, 짝마다 점수(match_score)를 붙입니다. 예: (주)한빛무역 ↔ 한빛 무역 주식회사.',
    en: 'Joins two tables on values that are alike but not equal, with a score per pair (match_score). E.g. (주)한빛무역 ↔ 한빛 무역 주식회사.',
  },
  inputs: [
    { name: 'left', label: { ko: '왼쪽', en: 'Left' } },
    { name: 'right', label: { ko: '오른쪽', en: 'Right' } },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => output(p, single(inputs, 'left'), single(inputs, 'right')),
  toSql: ({ inputs, schemas, params: p }) => {
    const left = single(schemas, 'left');
    const right = single(schemas, 'right');
    output(p, left, right);
    const side = (input: string, pick: 'left' | 'right') => {
      const keys = p.keys.map((k, i) => `${normalizeSql(ident(k[pick]), k.normalize)} AS "__k${i}"`);
      return `SELECT *, row_number() OVER () AS "__pos", ${keys.join(', ')} FROM ${input}`;
    };
    const total = p.keys.reduce((s, k) => s + k.weight, 0);
    const terms = p.keys.map(
      (k, i) => `${literal(k.weight)} * ${similaritySql(k.method, `"__l"."__k${i}"`, `"__r"."__k${i}"`)}`,
    );
    const scored = `SELECT "__l"."__pos" AS "__lpos", "__r"."__pos" AS "__rpos", (${terms.join(' + ')}) / ${literal(total)} AS "__score" FROM "__fl" AS "__l" JOIN "__fr" AS "__r" ON ${blockingSql(p)}`;
    const best = p.bestOnly
      ? ' QUALIFY row_number() OVER (PARTITION BY "__lpos" ORDER BY "__score" DESC, "__rpos") = 1'
      : '';
    const names = rightNames(left, right);
    const columns = [
      ...left.map((c) => `"__l".${ident(c.name)}`),
      ...right.map((c, i) => `"__r".${ident(c.name)} AS ${ident(names[i]!)}`),
      `"__p"."__score" AS ${ident(p.scoreColumn)}`,
    ];
    const join = p.how === 'left' ? 'LEFT JOIN' : 'JOIN';
    // Each side is numbered once (MATERIALIZED) and read twice: the scoring and the final rows must
    // agree on the numbers. The threshold has a hair of slack: a score that prints as 0.85 may be a
    // rounding error under 0.85.
    return `WITH "__fl" AS MATERIALIZED (${side(relation(inputs, 'left'), 'left')}),
"__fr" AS MATERIALIZED (${side(relation(inputs, 'right'), 'right')}),
"__fp" AS (SELECT * FROM (${scored}) WHERE "__score" >= ${literal(p.threshold)} - 1e-9${best})
SELECT ${columns.join(', ')}
FROM "__fl" AS "__l" ${join} "__fp" AS "__p" ON "__p"."__lpos" = "__l"."__pos" LEFT JOIN "__fr" AS "__r" ON "__r"."__pos" = "__p"."__rpos"
ORDER BY "__l"."__pos", "__p"."__score" DESC, "__p"."__rpos"`;
  },
});
