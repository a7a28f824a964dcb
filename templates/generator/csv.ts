/** Buffered, synchronous CSV output (UTF-8, LF, header first). Rows are arrays; null/undefined become empty fields. */
import { closeSync, openSync, writeSync } from 'node:fs';

export type Cell = string | number | null | undefined;

const FLUSH_AT = 1 << 20;

export class CsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.line(header.join(','));
  }

  /** Cells must already be escaped (use `text()` for free text); numbers are printed as given. */
  write(cells: readonly Cell[]): void {
    this.line(cells.join(','));
    this.rows++;
  }

  private line(s: string): void {
    this.buffer.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.buffer.push('');
    writeSync(this.fd, this.buffer.join('\n'));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const NEEDS_QUOTES = /[",\n\r]/;

/** Free text: quoted (and inner quotes doubled) only when needed. */
export function text(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

/** Fixed decimals without trailing noise ("12.50" stays "12.50"; determinism matters more than brevity). */
export function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}
