import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';

const params = z
  .object({
    query: z
      .string()
      .min(1)
      .meta({
        label: { ko: 'SQL 질의', en: 'SQL query' },
        help: {
          ko: 'SELECT 한 문장. 입력은 앞 노드의 id 또는 input 으로 부릅니다.',
          en: "One SELECT. Inputs are named by their source node's id, or `input` for the first.",
        },
        widget: 'sql-query',
        sql: true,
      }),
  })
  .strict();

/**
 * Strips comments and string literals (dollar-quoted `$$…$$` / `$tag$…$tag$` too) so a `;` inside them is
 * not taken for a second statement. A first, conservative check that also works in the browser; the
 * native engine then counts statements with DuckDB's own parser (`DuckDBNodeEngine.describe`).
 */
function codeOnly(sql: string): string {
  return sql.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
}

export const sql = defineNode({
  type: 'sql',
  version: 1,
  kind: 'sql',
  category: 'sql',
  label: { ko: 'SQL', en: 'SQL' },
  description: { ko: 'DuckDB SQL로 자유롭게 질의합니다.', en: 'Query the inputs with DuckDB SQL.' },
  inputs: [{ name: 'in', label: { ko: '입력', en: 'Inputs' }, multiple: true, optional: true }],
  outputs: [OUT],
  params,
  outputSchema: () => null,
  toSql: ({ inputs, params: p, sources }) => {
    const code = codeOnly(p.query).trim().replace(/;\s*$/, '');
    if (code.includes(';'))
      throw new ParamError(
        'SELECT 한 문장만 쓸 수 있습니다. (Write one SELECT statement: found more than one.)',
        'query',
        msg('node.sql_one_statement'),
      );
    if (!/^\(*\s*(select|with|from|values|table|pivot|unpivot|summarize|describe)\b/i.test(code)) {
      throw new ParamError('the query must be a SELECT (or WITH … SELECT)', 'query', msg('node.sql_select_only'));
    }
    const rels = inputs.in ?? [];
    const names = sources?.in ?? [];
    // An input from a node's named port (`check:rejected`) is visible as `check_rejected`.
    const aliases = rels.map((rel, i) => `${ident(names[i]!.replace(':', '_'))} AS (SELECT * FROM ${rel})`);
    if (rels[0] && !names.includes('input')) aliases.push(`"input" AS (SELECT * FROM ${rels[0]})`);
    const body = p.query.trim().replace(/;\s*$/, '');
    return aliases.length ? `WITH ${aliases.join(', ')}\nSELECT * FROM (\n${body}\n)` : `SELECT * FROM (\n${body}\n)`;
  },
});
