import type { Warning } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';

/** A row of DuckDB's `reject_errors` table (`store_rejects = true`). */
export interface CsvReject {
  /** 1-based line in the file, the header included. */
  line: number;
  error_type: string;
  column_name: string | null;
  csv_line: string | null;
  error_message: string | null;
}

export interface Retype {
  column: string;
  line: number;
  message: string;
}

/** How many skipped lines a warning spells out; `lines` always lists them all. */
const DETAILED = 5;

/** Columns whose sniffed type failed on some line and that are not text yet: the first failing line each. */
export function castRetypes(rejects: CsvReject[], sniffed: Column[], asText: Set<string>): Retype[] {
  const out = new Map<string, Retype>();
  for (const r of rejects) {
    if (r.error_type !== 'CAST' || !r.column_name || asText.has(r.column_name) || out.has(r.column_name)) continue;
    const { value, type } = parseCast(r.error_message);
    const expected = type ?? sniffed.find((c) => c.name === r.column_name)?.type ?? 'the detected type';
    const what = value === undefined ? 'a value' : `"${value}"`;
    out.set(r.column_name, {
      column: r.column_name,
      line: r.line,
      message: `Column "${r.column_name}" was read as text: line ${r.line} has ${what}, which is not a ${expected}.`,
    });
  }
  return [...out.values()];
}

/** One warning for every skipped line, e.g. `2 lines skipped: line 5 has 4 fields where 3 were expected, …`. */
export function rejectWarning(rejects: CsvReject[]): Warning | undefined {
  const byLine = new Map<number, CsvReject>();
  for (const r of rejects) if (!byLine.has(r.line)) byLine.set(r.line, r);
  if (byLine.size === 0) return undefined;
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  const details = lines.slice(0, DETAILED).map((line) => describe(byLine.get(line)!));
  const more = lines.length > DETAILED ? `, and ${lines.length - DETAILED} more` : '';
  const count = lines.length === 1 ? '1 line' : `${lines.length} lines`;
  return { message: `${count} skipped: ${details.join(', ')}${more}`, lines };
}

function describe(r: CsvReject): string {
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(r.error_message ?? '');
  switch (r.error_type) {
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS':
      return counts
        ? `line ${r.line} has ${counts[2]} ${counts[2] === '1' ? 'field' : 'fields'} where ${counts[1]} were expected`
        : `line ${r.line} has the wrong number of fields`;
    case 'CAST': {
      const { value, type } = parseCast(r.error_message);
      return `line ${r.line}: ${value === undefined ? 'a value' : `"${value}"`} in column "${r.column_name}" is not a ${type ?? 'valid value'}`;
    }
    case 'UNQUOTED VALUE':
      return `line ${r.line} has a quote in the wrong place`;
    case 'INVALID ENCODING':
      return `line ${r.line} is not valid UTF-8 text (is the file CP949? set the encoding to euc-kr)`;
    case 'LINE SIZE OVER MAXIMUM':
      return `line ${r.line} is too long`;
    default:
      return `line ${r.line}: ${r.error_message ?? r.error_type}`;
  }
}

function parseCast(message: string | null): { value?: string; type?: string } {
  const m = /Could not convert string "(.*)" to '([^']+)'/.exec(message ?? '');
  return m ? { value: m[1]!, type: m[2]! } : {};
}
