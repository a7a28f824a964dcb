import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { readsTwiceInOrder, selectWith, withColumns } from '../_shared/added-columns.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { choice, setting } from '../_shared/said.ts';

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: { ko: '구간을 나눌 숫자 열', en: 'Numeric column' }, widget: 'column', columnOf: 'in' }),
    method: z
      .enum(['equal_width', 'quantile', 'custom'])
      .default('equal_width')
      .meta({
        label: { ko: '나누는 방법', en: 'Method' },
        help: {
          ko: '같은 폭 · 분위수(비슷한 건수) · 직접 정한 경계값',
          en: 'Equal width · quantiles (similar counts) · your own breakpoints',
        },
        widget: 'select',
      }),
    bins: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .meta({
        label: { ko: '구간 수', en: 'Number of bins' },
        widget: 'number',
        showIf: { method: ['equal_width', 'quantile'] },
      }),
    breaks: z
      .array(z.number())
      .min(1)
      .optional()
      .meta({
        label: { ko: '경계값 (오름차순)', en: 'Breakpoints (ascending)' },
        help: {
          ko: '예: [1000000, 10000000] → 3개 구간 (미만 / 사이 / 이상)',
          en: 'E.g. [1000000, 10000000] → 3 bins (below / between / above)',
        },
        widget: 'json',
        showIf: { method: ['custom'] },
      }),
    labels: z
      .array(z.string().min(1))
      .optional()
      .meta({
        label: { ko: '구간 이름 (예: 소액, 중액, 고액)', en: 'Bin labels (e.g. small, medium, large)' },
        help: { ko: '비우면 범위를 글로 씁니다 (예: [0, 100))', en: 'Empty: the range as text (e.g. [0, 100))' },
        widget: 'json',
      }),
    closed: z
      .enum(['left', 'right'])
      .default('left')
      .meta({
        label: { ko: '경계값이 속하는 구간', en: 'A value on a boundary goes to' },
        help: {
          ko: 'left: [a, b) 위 구간 · right: (a, b] 아래 구간',
          en: 'left: [a, b) the upper bin · right: (a, b] the lower bin',
        },
        widget: 'select',
      }),
    output: z
      .enum(['label', 'index'])
      .default('label')
      .meta({
        label: { ko: '결과', en: 'Output' },
        help: {
          ko: 'label: 구간 이름 · index: 1부터 시작하는 구간 번호',
          en: 'label: bin name · index: bin number from 1',
        },
        widget: 'select',
      }),
    as: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: '결과 열 이름 (비우면 <열>_bin)', en: 'Output column (empty: <column>_bin)' } }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** Number of bins, after checking that the params that define them fit together. */
function binCount(p: Params): number {
  let n: number;
  if (p.method === 'custom') {
    if (!p.breaks)
      throw new ParamError(
        'custom bins need breakpoints',
        'breaks',
        msg('node.bin_breaks_missing', { field: setting(params, 'breaks') }),
      );
    p.breaks.forEach((b, i) => {
      if (i > 0 && b <= p.breaks![i - 1]!)
        throw new ParamError(
          'breakpoints must be strictly ascending',
          `breaks.${i}`,
          msg('node.bin_breaks_order', { field: setting(params, `breaks.${i}`) }),
        );
    });
    n = p.breaks.length + 1;
  } else {
    if (p.bins === undefined)
      throw new ParamError(
        `"${p.method}" needs the number of bins`,
        'bins',
        msg('node.bin_count_missing', {
          method: choice('prep.bin', 'method', p.method),
          field: setting(params, 'bins'),
        }),
      );
    n = p.bins;
  }
  if (p.labels && p.labels.length !== n) {
    throw new ParamError(
      `${n} bins need ${n} labels (got ${p.labels.length})`,
      'labels',
      msg('node.bin_labels_count', { count: n, got: p.labels.length, field: setting(params, 'labels') }),
    );
  }
  return n;
}

const outName = (p: Params) => p.as ?? `${p.column}_bin`;

/** A bound as short text: integers without `.0`, others rounded to 4 decimals. */
function fmt(x: string): string {
  const r = `round(${x}, 4)`;
  return `CASE WHEN ${r} = trunc(${r}) AND abs(${r}) < 1e15 THEN CAST(CAST(${r} AS BIGINT) AS VARCHAR) ELSE CAST(${r} AS VARCHAR) END`;
}

/** The n − 1 interior cut points as SQL over the inner query's columns. */
function cuts(p: Params, n: number): string[] {
  const inner = Array.from({ length: n - 1 }, (_, k) => k + 1);
  if (p.method === 'custom') return p.breaks!.map(literal);
  if (p.method === 'quantile') return inner.map((i) => `"__q"[${i}]`);
  return inner.map((i) => `("__lo" + ("__hi" - "__lo") * ${i} / ${n})`);
}

/** Label of bin i (1-based) as SQL text. */
function labelSql(p: Params, n: number, cut: string[], i: number): string {
  if (p.labels) return literal(p.labels[i - 1]);
  const left = p.closed === 'left';
  if (p.method === 'custom') {
    const b = p.breaks!;
    if (i === 1) return literal(`${left ? '<' : '<='} ${b[0]}`);
    if (i === n) return literal(`${left ? '>=' : '>'} ${b[n - 2]}`);
    return literal(left ? `[${b[i - 2]}, ${b[i - 1]})` : `(${b[i - 2]}, ${b[i - 1]}]`);
  }
  const lo = i === 1 ? '"__lo"' : cut[i - 2]!;
  const hi = i === n ? '"__hi"' : cut[i - 1]!;
  // The outer bins hold the column's min and max, so they are closed at that end.
  const open = left || i === 1 ? '[' : '(';
  const close = !left || i === n ? ']' : ')';
  return `'${open}' || ${fmt(lo)} || ', ' || ${fmt(hi)} || '${close}'`;
}

/**
 * Bins a numeric column. Keeps input order: bounds (min, max, quantiles) are one row computed once and
 * joined to every row, which streams through in input order.
 */
export const bin = defineNode({
  type: 'prep.bin',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '구간 나누기', en: 'Bin values' },
  description: {
    ko: '숫자 열을 구간(같은 폭, 분위수, 직접 정한 경계)으로 나누어 구간 이름이나 번호를 붙입니다.',
    en: 'Discretize a numeric column into equal-width, quantile or custom bins, as a label or bin number.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const col = requireColumn(schema, p.column, 'column');
    if (!isNumericType(col.type) && col.type !== UNKNOWN) {
      throw new ParamError(
        `binning needs a numeric column; "${col.name}" is ${col.type}`,
        'column',
        msg('node.needs_numeric', {
          what: { ko: '구간 나누기', en: 'binning' },
          field: setting(params, 'column'),
          column: col.name,
          type: typeLabel(col.type),
        }),
      );
    }
    binCount(p);
    return withColumns(schema, [{ name: outName(p), type: p.output === 'index' ? 'INTEGER' : 'VARCHAR' }], 'as');
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const n = binCount(p);
    const x = `CAST(${ident(p.column)} AS DOUBLE)`;
    const cut = cuts(p, n);
    const op = p.closed === 'left' ? '>=' : '>';
    const above = cut.map((c) => ` + CAST(${x} ${op} ${c} AS INTEGER)`).join('');
    const computed = p.method !== 'custom';
    // A constant column has min = max: every value goes to the first bin.
    const flat = computed ? ` WHEN "__hi" = "__lo" THEN 1` : '';
    const index = `CASE WHEN ${x} IS NULL THEN NULL${flat} ELSE 1${above} END`;
    const labels = Array.from({ length: n }, (_, k) => `WHEN ${k + 1} THEN ${labelSql(p, n, cut, k + 1)}`);
    const value = p.output === 'index' ? `CAST("__idx" AS INTEGER)` : `CASE "__idx" ${labels.join(' ')} END`;
    const hasQ = p.method === 'quantile' && n > 1;
    const bounds = computed ? ['"__lo"', '"__hi"', ...(hasQ ? ['"__q"'] : [])] : [];
    const select = selectWith(single(schemas), [{ name: outName(p), sql: value }], ['"__idx"', ...bounds]);
    const input = relation(inputs);
    if (!computed) return `SELECT ${select} FROM (SELECT *, ${index} AS "__idx" FROM ${input})`;
    const fractions = Array.from({ length: n - 1 }, (_, k) => literal((k + 1) / n));
    const aggregates: [string, string][] = [
      [`min(${x})`, '"__lo"'],
      [`max(${x})`, '"__hi"'],
      ...(hasQ ? [[`quantile_cont(${x}, [${fractions.join(', ')}]::DOUBLE[])`, '"__q"'] as [string, string]] : []),
    ];
    // The bounds are one row computed once over the whole column and joined to every row; over a fused
    // step (read once only) they are windows with an empty OVER (), which keep input order.
    const withBounds = readsTwiceInOrder(input)
      ? `SELECT * FROM ${input} CROSS JOIN (SELECT ${aggregates.map(([a, n]) => `${a} AS ${n}`).join(', ')} FROM ${input})`
      : `SELECT *, ${aggregates.map(([a, n]) => `${a} OVER () AS ${n}`).join(', ')} FROM ${input}`;
    return `SELECT ${select} FROM (SELECT *, ${index} AS "__idx" FROM (${withBounds}))`;
  },
});
