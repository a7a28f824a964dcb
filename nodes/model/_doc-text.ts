/**
 * Reading documents for the text models: an id and one text made of the chosen columns, with the checks an
 * officer needs worded in Korean (no text at all, only numbers and symbols). Long texts are cut so one pasted
 * report cannot stall the run.
 */
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Label } from '../../runtime/nodes/param-meta.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { wordTerms } from './_trend-terms.ts';

/** The longest text kept per document, in characters (a 26,000-character judgment fits). */
export const MAX_DOC_CHARS = 30_000;

export interface Doc {
  id: string;
  text: string;
}

/** Rows of `relation` as documents; the text is the chosen columns joined by a line break. */
export async function readDocs(
  engine: Engine,
  relation: string,
  idColumn: string | undefined,
  textColumns: string[],
  field: Label,
  signal?: AbortSignal,
): Promise<{ docs: Doc[]; cut: number }> {
  const text = textColumns.map((c) => `coalesce(CAST(${ident(c)} AS VARCHAR), '')`).join(` || chr(10) || `);
  const id = idColumn ? `CAST(${ident(idColumn)} AS VARCHAR)` : `CAST(row_number() OVER () AS VARCHAR)`;
  const r = await engine.query(`SELECT ${id} AS id, ${text} AS t FROM ${relation}`, { signal });
  let cut = 0;
  const docs = r.rows.map((row, i) => {
    const t = String(row.t ?? '').trim();
    if (t.length > MAX_DOC_CHARS) cut++;
    return { id: row.id == null ? String(i + 1) : String(row.id), text: t.slice(0, MAX_DOC_CHARS) };
  });
  const column = textColumns.join(', ');
  if (!docs.some((d) => d.text !== ''))
    throw new ParamError(`the text column "${column}" is empty`, 'text', msg('node.text_empty', { column, field }));
  if (!docs.some((d) => /\p{L}/u.test(d.text)))
    throw new ParamError(
      `the text column "${column}" holds only numbers and symbols`,
      'text',
      msg('node.text_only_numbers', { column, field }),
    );
  return { docs, cut };
}

/**
 * Keywords of a group of documents against all: words frequent inside the group and rare outside
 * (share in group × log(N / df)), best first.
 */
export function groupKeywords(members: number[], docWords: Set<string>[], limit = 5): string[] {
  const df = new Map<string, number>();
  for (const ws of docWords) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const inGroup = new Map<string, number>();
  for (const m of members) for (const w of docWords[m]!) inGroup.set(w, (inGroup.get(w) ?? 0) + 1);
  const n = docWords.length;
  return [...inGroup]
    .filter(([, c]) => c >= Math.min(2, members.length))
    .map(([w, c]) => [w, (c / members.length) * Math.log(n / df.get(w)!)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([w]) => w);
}

/** Each document's distinct words (particles dropped), for keywords. */
export function docWordSets(docs: readonly Doc[]): Set<string>[] {
  return docs.map((d) => wordTerms(d.text));
}
