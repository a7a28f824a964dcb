import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { numbered, POS, readsTwiceInOrder, rowsAt } from '../_shared/added-columns.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';

const params = z
  .object({
    method: z
      .enum(['first', 'random', 'stratified'])
      .default('random')
      .meta({
        label: { ko: '추출 방법', en: 'Method' },
        help: {
          ko: 'first: 앞에서부터 · random: 무작위 · stratified: 그룹(층)마다 무작위',
          en: 'first: from the top · random: at random · stratified: at random within each group',
        },
        widget: 'select',
      }),
    n: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ label: { ko: '행 수 (층별이면 그룹마다)', en: 'Rows (per group when stratified)' }, widget: 'number' }),
    fraction: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .meta({
        label: { ko: '비율 (0~1, 층별이면 그룹마다)', en: 'Fraction (0–1, per group when stratified)' },
        widget: 'number',
      }),
    seed: z
      .number()
      .int()
      .default(42)
      .meta({
        label: { ko: '난수 시드', en: 'Seed' },
        help: {
          ko: '같은 시드, 같은 데이터면 언제나 같은 행이 뽑힙니다',
          en: 'The same seed on the same data always picks the same rows',
        },
        widget: 'number',
        showIf: { method: ['random', 'stratified'] },
      }),
    strata: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '층(그룹) 열', en: 'Strata (group) columns' },
        widget: 'columns',
        columnOf: 'in',
        showIf: { method: ['stratified'] },
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** Exactly one of n and fraction. */
function size(p: Params): { n: number } | { fraction: number } {
  if ((p.n === undefined) === (p.fraction === undefined)) {
    throw new ParamError(
      'give either a number of rows (n) or a fraction, not both',
      p.n === undefined ? 'n' : 'fraction',
      msg('node.sample_n_or_fraction', { n: setting(params, 'n'), fraction: setting(params, 'fraction') }),
    );
  }
  return p.n === undefined ? { fraction: p.fraction! } : { n: p.n };
}

/**
 * First rows, a seeded random sample, or a stratified one. Keeps input order: the picked rows come out in
 * the order they came in. A random pick ranks the rows' positions by a hash of (seed, position), so one
 * seed on the same data always picks the same rows, on native DuckDB and on DuckDB-WASM alike.
 */
export const sample = defineNode({
  type: 'prep.sample',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '표본 추출', en: 'Sample rows' },
  description: {
    ko: '앞의 n행, 무작위 n행 또는 비율, 그룹별(층화) 표본을 뽑습니다. 같은 시드면 결과가 같습니다.',
    en: 'First n rows, random n rows or a fraction, or a stratified sample per group; reproducible with a seed.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    size(p);
    if (p.method === 'stratified' && p.strata.length === 0) {
      throw new ParamError(
        'a stratified sample needs at least one group column',
        'strata',
        msg('node.sample_strata_missing', { field: setting(params, 'strata') }),
      );
    }
    p.strata.forEach((c, i) => {
      requireColumn(schema, c, `strata.${i}`);
    });
    return schema;
  },
  toSql: ({ inputs, params: p }) => {
    const s = size(p);
    const input = relation(inputs);
    // DuckDB keeps scan order under LIMIT, and stops reading early.
    if (p.method === 'first' && 'n' in s) return `SELECT * FROM ${input} LIMIT ${literal(s.n)}`;
    if (p.method === 'first' && 'fraction' in s) {
      const share = (count: string) => `round(${literal(s.fraction)} * ${count})`;
      if (readsTwiceInOrder(input)) {
        return `SELECT * EXCLUDE (${POS}) FROM ${numbered(input)} WHERE ${POS} <= (SELECT ${share('count(*)')} FROM ${input})`;
      }
      // Windows with an empty OVER () keep input order.
      return `SELECT * EXCLUDE (${POS}, "__n") FROM (SELECT *, row_number() OVER () AS ${POS}, count(*) OVER () AS "__n" FROM ${input}) WHERE ${POS} <= ${share('"__n"')}`;
    }
    // A hash of (seed, input position) is a random order that does not depend on threads or scan timing;
    // the position breaks the (unlikely) ties between hashes. Only positions are ranked, never whole rows.
    const order = `hash(${literal(p.seed)}, ${POS}), ${POS}`;
    const strata = p.method === 'stratified' ? p.strata.map(ident) : [];
    const narrow = (rows: string) => `(SELECT ${[...strata, POS].join(', ')} FROM ${rows})`;
    if (!strata.length && 'n' in s) {
      return rowsAt(input, (rows) => `SELECT ${POS} FROM ${narrow(rows)} ORDER BY ${order} LIMIT ${literal(s.n)}`);
    }
    const part = strata.length ? `PARTITION BY ${strata.join(', ')} ` : '';
    const limit = 'n' in s ? literal(s.n) : `round(${literal(s.fraction)} * count(*) OVER (${part.trim()}))`;
    return rowsAt(
      input,
      (rows) => `SELECT ${POS} FROM ${narrow(rows)} QUALIFY row_number() OVER (${part}ORDER BY ${order}) <= ${limit}`,
    );
  },
});
