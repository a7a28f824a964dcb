import { ident } from '../sql/quote.ts';
import type { Carrier } from './create-table.ts';
import { carrierType, type DuckType, printDuckType, widenDecimals } from './duckdb-types.ts';

/** A described result column: its name and parsed DuckDB type. */
export interface TypedColumn {
  name: string;
  type: DuckType;
}

/**
 * `SELECT CAST(#1 AS carrier) AS "a", #2 AS "b" … FROM (<body>)` for the columns Arrow cannot carry exactly
 * (see `carrierType`); undefined when no column needs a cast. Positional references keep duplicate names apart;
 * the newlines keep a trailing line comment inside its own line.
 */
export function castSelect(body: string, columns: TypedColumn[]): string | undefined {
  let needed = false;
  const select = columns.map((c, i) => {
    const [type, wide, carrier] = [c.type, widenDecimals(c.type), carrierType(c.type)].map(printDuckType);
    if (carrier === type) return `#${i + 1} AS ${ident(c.name)}`;
    needed = true;
    const ref = wide === type ? `#${i + 1}` : `CAST(#${i + 1} AS ${wide})`;
    return `CAST(${ref} AS ${carrier}) AS ${ident(c.name)}`;
  });
  return needed ? `SELECT ${select.join(', ')} FROM (\n${body}\n) AS __q` : undefined;
}

/** A statement without its closing semicolons and trailing whitespace, good enough for most texts. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/** The same, using DuckDB's own tokenizer (which skips comments): finds `;` even before a trailing comment. */
export function trimStatementByTokens(sql: string, tokens: { offsets: number[] }): string {
  let end = sql.length;
  for (let i = tokens.offsets.length - 1; i >= 0 && sql[tokens.offsets[i]!] === ';'; i--) end = tokens.offsets[i]!;
  return end === sql.length ? sql : sql.slice(0, end);
}

/** An error of the wrapped statement, its `LINE n:` pointers moved back to the caller's text (one line up). */
export function unwrappedError(e: unknown): unknown {
  if (!(e instanceof Error) || !/^LINE \d+:/m.test(e.message)) return e;
  const moved = new Error(
    e.message.replace(/^LINE (\d+):/gm, (_, n: string) => `LINE ${Math.max(1, Number(n) - 1)}:`),
    { cause: e },
  );
  moved.name = e.name;
  return moved;
}

export function isParserError(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('Parser Error');
}

/**
 * duckdb-wasm hands some errors over in DuckDB's JSON error form (`{"exception_type":"Parser",…}`): turn them
 * into the `Parser Error: …` text that DuckDB itself (and so the native adapter) prints. A cancelled pending
 * query reports `query was canceled`; native reports an interrupt as `INTERRUPT Error: Interrupted!`.
 */
export function duckdbError(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  if (message === 'query was canceled') return new Error('INTERRUPT Error: Interrupted!', { cause: e });
  if (message.startsWith('{')) {
    try {
      const info = JSON.parse(message) as { exception_type?: string; exception_message?: string };
      if (info.exception_type && info.exception_message !== undefined) {
        return new Error(`${info.exception_type} Error: ${info.exception_message}`, { cause: e });
      }
    } catch {
      // not JSON after all: keep the message as it is
    }
  }
  return e instanceof Error ? e : new Error(message);
}

/** The name a registered file gets (same rule as the native adapter's temp files). */
export function fileName(name: string): string {
  return name.replace(/[^\w.-]/g, '_');
}

/**
 * Staging rows as CSV for `read_csv(…, allow_quoted_nulls = false)`: an unquoted empty cell is NULL, text is
 * always quoted (so '' stays ''), numbers are written as JS prints them (DuckDB parses them back exactly).
 * Values are coerced like the native adapter's appender: Number(), Boolean(), strings or JSON text.
 */
export function stagingCsv(data: unknown[][], carriers: Carrier[], rowCount: number): string {
  const lines: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells = carriers.map((carrier, c) => {
      const v = data[c]?.[r];
      if (v === null || v === undefined) return '';
      if (carrier === 'DOUBLE') return Object.is(Number(v), -0) ? '-0' : String(Number(v));
      if (carrier === 'BOOLEAN') return v ? 'true' : 'false';
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      return `"${text.replaceAll('"', '""')}"`;
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The INSERT that moves a registered staging CSV into the staging table, all options explicit (no sniffing). */
export function stagingInsert(staging: string, file: string, carriers: Carrier[]): string {
  const cols = carriers.map((c, i) => `'c${i}': '${c}'`).join(', ');
  return (
    `INSERT INTO ${ident(staging)} SELECT * FROM read_csv('${file}', columns = {${cols}}, header = false, ` +
    `auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false)`
  );
}
