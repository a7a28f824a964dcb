import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Table } from '../../runtime/ml/features.ts';
import type { Label } from '../../runtime/nodes/param-meta.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';

/** The model nodes' input ports as the canvas names them. */
const PORT_NAMES: Record<string, Label> = {
  history: { ko: '과거 신고', en: 'history' },
  'declarations-to-score': { ko: '채점할 신고', en: 'declarations to score' },
  texts: { ko: '날짜가 있는 글', en: 'dated texts' },
  series: { ko: '내부 시계열', en: 'internal series' },
  docs: { ko: '문서', en: 'documents' },
  declarations: { ko: '수입신고', en: 'declarations' },
  knowledge: { ko: '답변 자료', en: 'knowledge' },
  questions: { ko: '질문', en: 'questions' },
};

/** Shared input/output plumbing of the model nodes: read chosen columns, write scores back beside the rows. */

export function requireColumns(schema: Schema | undefined, columns: string[], param: string, port: string) {
  const names = new Set((schema ?? []).map((c) => c.name));
  for (const c of columns) {
    if (!names.has(c)) {
      throw new ParamError(
        `column "${c}" is not in the ${port} input`,
        param,
        msg('node.model_column_not_in_input', { column: c, port: PORT_NAMES[port] ?? port }),
      );
    }
  }
}

/**
 * Code columns (HS, office, country…) read as numbers in one file and as text in another would never
 * match; digit-only columns of one width are left-padded to that width on both sides.
 */
export async function codeWidths(
  engine: Engine,
  relation: string,
  columns: string[],
  signal?: AbortSignal,
): Promise<Record<string, number>> {
  if (columns.length === 0) return {};
  const parts = columns.map((c, i) => {
    const v = `CAST(${ident(c)} AS VARCHAR)`;
    return `min(length(${v})) AS mn${i}, max(length(${v})) AS mx${i}, bool_and(regexp_full_match(${v}, '[0-9]+')) AS d${i}`;
  });
  const r = await engine.query(`SELECT ${parts.join(', ')} FROM ${relation}`, { signal });
  const row = r.rows[0] ?? {};
  const out: Record<string, number> = {};
  columns.forEach((c, i) => {
    if (row[`d${i}`] === true && row[`mn${i}`] === row[`mx${i}`] && Number(row[`mx${i}`]) > 1)
      out[c] = Number(row[`mx${i}`]);
  });
  return out;
}

/** A code column as text, left-padded to its width when it holds only digits; `qualifier` names the relation. */
export function keyExpr(column: string, width: number | undefined, qualifier = ''): string {
  const v = `CAST(${qualifier ? `${qualifier}.` : ''}${ident(column)} AS VARCHAR)`;
  return width ? `CASE WHEN regexp_full_match(${v}, '[0-9]+') THEN lpad(${v}, ${width}, '0') ELSE ${v} END` : v;
}

/**
 * Reads the columns a model needs, numbered in input order (`__rid`, 1-based) into a temporary table
 * so scores can be joined back to the same rows.
 */
export async function readColumns(
  engine: Engine,
  relation: string,
  numbered: string,
  spec: { categorical: string[]; numeric: string[]; other?: string[]; widths?: Record<string, number> },
  signal?: AbortSignal,
): Promise<{ table: Table; n: number }> {
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(numbered)} AS SELECT row_number() OVER () AS __rid, * FROM ${relation}`,
    { signal },
  );
  const select = [
    ...spec.categorical.map((c) => `${keyExpr(c, spec.widths?.[c])} AS ${ident(c)}`),
    ...spec.numeric.map((c) => `TRY_CAST(${ident(c)} AS DOUBLE) AS ${ident(c)}`),
    ...(spec.other ?? []).map((c) => ident(c)),
  ];
  const unique = [...new Set(select)];
  const r = await engine.query(`SELECT ${unique.join(', ') || '1 AS one'} FROM ${ident(numbered)} ORDER BY __rid`, {
    signal,
  });
  const table: Record<string, unknown[]> = {};
  for (const col of r.columns) table[col.name] = r.rows.map((row) => row[col.name] ?? null);
  return { table, n: r.rows.length };
}

/** Writes `out` = the numbered rows (without `__rid`) plus the new columns, in input order. */
export async function writeWithColumns(
  engine: Engine,
  numbered: string,
  tableName: string,
  added: { name: string; type: string; values: unknown[] }[],
  inputColumns: string[],
  signal?: AbortSignal,
) {
  const scores = `${numbered}__scores`;
  const n = added[0]?.values.length ?? 0;
  await engine.createTable(
    scores,
    [{ name: '__rid', type: 'BIGINT' }, ...added.map(({ name, type }) => ({ name, type }))],
    [Array.from({ length: n }, (_, i) => i + 1), ...added.map((a) => a.values)],
  );
  const cols = added.map((a) => `s.${ident(a.name)}`).join(', ');
  // An input column with a new column's name (a re-scored table) is replaced, not duplicated.
  const replaced = added.filter((a) => inputColumns.includes(a.name)).map((a) => `, ${ident(a.name)}`);
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(tableName)} AS SELECT r.* EXCLUDE (__rid${replaced.join('')}), ${cols} FROM ${ident(numbered)} r JOIN ${ident(scores)} s USING (__rid) ORDER BY r.__rid;
     DROP TABLE IF EXISTS ${ident(scores)}; DROP TABLE IF EXISTS ${ident(numbered)};`,
    { signal },
  );
}
