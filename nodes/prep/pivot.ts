import { z } from 'zod';
import { isIntegerType, isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { numbered, POS } from '../_shared/added-columns.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { choice, setting } from '../_shared/said.ts';

const FNS = ['sum', 'count', 'count_distinct', 'avg', 'min', 'max', 'first'] as const;

const params = z
  .object({
    index: z
      .array(z.string().min(1))
      .default([])
      .meta({ label: { ko: '행 기준 열', en: 'Row keys' }, widget: 'columns', columnOf: 'in' }),
    namesFrom: z
      .string()
      .min(1)
      .meta({
        label: { ko: '새 열 이름이 될 열 (예: 원산지)', en: 'Column whose values become columns (e.g. origin)' },
        widget: 'column',
        columnOf: 'in',
      }),
    valuesFrom: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: '값 열', en: 'Values column' }, widget: 'column', columnOf: 'in' }),
    fn: z
      .enum(FNS)
      .default('sum')
      .meta({ label: { ko: '집계 함수', en: 'Aggregate' }, widget: 'select' }),
    values: z.union([z.array(z.union([z.string(), z.number()])).min(1), z.literal('auto')]).meta({
      label: { ko: '열로 만들 값 목록', en: 'Values that become columns' },
      help: {
        ko: '예: ["CN", "VN", "US"]. "auto" 는 데이터에서 찾지만 실행 전에는 결과 열을 알 수 없고, 서버·명령줄(DuckDB 네이티브)에서만 됩니다.',
        en: 'E.g. ["CN", "VN", "US"]. "auto" finds them in the data, but the output columns are unknown until run, and it works on the server and command line (native DuckDB) only.',
      },
      widget: 'json',
    }),
    prefix: z
      .string()
      .default('')
      .meta({ label: { ko: '새 열 이름 앞에 붙일 글자', en: 'Prefix for the new column names' } }),
  })
  .strict();

type Params = z.infer<typeof params>;

function resultType(p: Params, col: Column | undefined): string {
  switch (p.fn) {
    case 'count':
    case 'count_distinct':
      return 'BIGINT';
    case 'avg':
      return 'DOUBLE';
    case 'min':
    case 'max':
    case 'first':
      return col?.type ?? UNKNOWN;
    case 'sum':
      if (!col) return UNKNOWN;
      if (isIntegerType(col.type)) return 'HUGEINT';
      return col.type.toUpperCase().startsWith('DECIMAL') ? UNKNOWN : 'DOUBLE';
  }
}

function aggSql(p: Params): string {
  const v = p.valuesFrom === undefined ? '*' : ident(p.valuesFrom);
  if (p.fn === 'count_distinct') return `count(DISTINCT ${v})`;
  // first() would take whichever row a thread saw first: the input position makes it the first in the input.
  if (p.fn === 'first') return `arg_min(${v}, ${POS})`;
  return `${p.fn}(${v})`;
}

/** The input, numbered when "first" needs input positions. */
const source = (p: Params, rel: string) => (p.fn === 'first' ? numbered(rel) : rel);

function checkValuesColumn(p: Params): void {
  if (p.valuesFrom === undefined && p.fn !== 'count')
    throw new ParamError(
      `"${p.fn}" needs a values column`,
      'valuesFrom',
      msg('node.pivot_needs_values', {
        fn: choice('prep.pivot', 'fn', p.fn),
        field: setting(params, 'valuesFrom'),
      }),
    );
}

/**
 * One row per index group. Does not keep input order: rows come out sorted by the index columns.
 */
export const pivot = defineNode({
  type: 'prep.pivot',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'prep',
  label: { ko: '피벗 (세로 → 가로)', en: 'Pivot (long → wide)' },
  description: {
    ko: '한 열의 값들을 새 열로 펼쳐 집계합니다 (예: 원산지별 금액을 가로로).',
    en: 'Spread the values of one column into new columns, aggregating (e.g. value per origin across).',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const keys = p.index.map((c, i) => requireColumn(schema, c, `index.${i}`));
    requireColumn(schema, p.namesFrom, 'namesFrom');
    checkValuesColumn(p);
    const vcol = p.valuesFrom === undefined ? undefined : requireColumn(schema, p.valuesFrom, 'valuesFrom');
    if (vcol && (p.fn === 'sum' || p.fn === 'avg') && !isNumericType(vcol.type) && vcol.type !== UNKNOWN) {
      throw new ParamError(
        `"${p.fn}" needs a numeric column; "${vcol.name}" is ${vcol.type}`,
        'valuesFrom',
        msg('node.needs_numeric', {
          what: choice('prep.pivot', 'fn', p.fn),
          field: setting(params, 'valuesFrom'),
          column: vcol.name,
          type: typeLabel(vcol.type),
        }),
      );
    }
    // Documented fallback: the columns depend on the data, so DuckDB's DESCRIBE works them out. DuckDB
    // expands such a PIVOT into several statements, which DuckDB-WASM's prepared DESCRIBE refuses: native only.
    if (p.values === 'auto') {
      if (p.prefix)
        throw new ParamError(
          'a prefix needs the list of values (not "auto")',
          'prefix',
          msg('node.pivot_prefix_needs_values', {
            field: setting(params, 'prefix'),
            values: setting(params, 'values'),
          }),
        );
      return null;
    }
    const type = resultType(p, vcol);
    const cols = [...keys, ...p.values.map((v) => ({ name: `${p.prefix}${v}`, type }))];
    const names = cols.map((c) => c.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined)
      throw new ParamError(
        `the output would have two columns named "${dup}"`,
        'values',
        msg('node.output_would_repeat', { name: dup }),
      );
    return cols;
  },
  toSql: ({ inputs, params: p }) => {
    checkValuesColumn(p);
    const keys = p.index.map(ident);
    const group = keys.length ? ` GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}` : '';
    if (p.values === 'auto') {
      // Only the chosen columns go in: PIVOT would otherwise group by every other column too.
      const used = [
        ...keys,
        ident(p.namesFrom),
        ...(p.valuesFrom === undefined ? [] : [ident(p.valuesFrom)]),
        ...(p.fn === 'first' ? [POS] : []),
      ];
      const by = keys.length ? ` GROUP BY ${keys.join(', ')}` : '';
      const order = keys.length ? ` ORDER BY ${keys.join(', ')}` : '';
      const src = `(SELECT ${[...new Set(used)].join(', ')} FROM ${source(p, relation(inputs))})`;
      return `SELECT * FROM (PIVOT ${src} ON ${ident(p.namesFrom)} USING ${aggSql(p)}${by})${order}`;
    }
    // Values are matched by their text, so 2024 finds both the number 2024 and the text '2024'.
    const name = `CAST(${ident(p.namesFrom)} AS VARCHAR)`;
    const cols = p.values.map(
      (v) => `${aggSql(p)} FILTER (WHERE ${name} = ${literal(String(v))}) AS ${ident(`${p.prefix}${v}`)}`,
    );
    return `SELECT ${[...keys, ...cols].join(', ')} FROM ${source(p, relation(inputs))}${group}`;
  },
});
