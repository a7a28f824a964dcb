import type { Label } from '../nodes/param-meta.ts';
import { type Message, msg } from './render.ts';

/** Where in the officer's own text an engine error points (1-based), or the end of the text. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface EngineErrorExplained {
  /** What went wrong, in words; render with `renderMessage`. */
  message: Message;
  /** In the officer's text, when the engine said where. */
  at?: TextPosition;
  /** DuckDB's own text, for the "원문" toggle. */
  original: string;
}

/** First line of DuckDB's message without its "Binder Error: " prefix. */
function headline(text: string): { kind: string; first: string } {
  const first = text.split('\n')[0] ?? '';
  const m = /^([A-Za-z ]+?) Error: (.*)$/.exec(first);
  return m ? { kind: m[1]!, first: m[2]! } : { kind: '', first };
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to three names close to `name` (case-insensitive edit distance at most a third of its length, ≥ 2). */
export function closestNames(name: string, names: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  return names
    .map((n) => ({ n, d: levenshtein(name.toLowerCase(), n.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((x) => x.n);
}

function candidates(names: string[]): Message | string {
  return names.length ? msg('sql.candidates', { names: names.map((n) => `"${n}"`).join(', ') }) : '';
}

const TYPE_WORDS: Record<string, Label> = {
  INT8: { ko: '정수', en: 'integer' },
  INT16: { ko: '정수', en: 'integer' },
  INT32: { ko: '정수', en: 'integer' },
  INT64: { ko: '정수', en: 'integer' },
  INT128: { ko: '정수', en: 'integer' },
  INTEGER: { ko: '정수', en: 'integer' },
  BIGINT: { ko: '정수', en: 'integer' },
  DOUBLE: { ko: '실수', en: 'decimal number' },
  FLOAT: { ko: '실수', en: 'decimal number' },
  DECIMAL: { ko: '실수', en: 'decimal number' },
  DATE: { ko: '날짜', en: 'date' },
  TIMESTAMP: { ko: '날짜·시각', en: 'date and time' },
  BOOLEAN: { ko: '참/거짓', en: 'true/false' },
  BOOL: { ko: '참/거짓', en: 'true/false' },
};

/**
 * Where the engine's `LINE n:` and caret point inside `userText`. The node wraps the officer's text in a larger
 * query, so DuckDB's line number is not theirs; its context line and caret are: the context (without DuckDB's
 * "..." ellipses) is looked up in the officer's text. A context that is only the wrapper's closing bracket
 * means the text ended too early.
 */
export function positionInUserText(engineText: string, userText: string): TextPosition | 'end' | undefined {
  const lines = engineText.split('\n');
  const i = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (i < 0) return undefined;
  const prefix = /^LINE \d+: /.exec(lines[i]!)![0];
  const context = lines[i]!.slice(prefix.length);
  const caret = (lines[i + 1] ?? '').indexOf('^') - prefix.length;
  if (caret < 0) return undefined;
  let shown = context;
  let offsetInShown = caret;
  if (shown.startsWith('...')) {
    shown = shown.slice(3);
    offsetInShown -= 3;
  }
  if (shown.endsWith('...')) shown = shown.slice(0, -3);
  if (shown.trim() === ')' || shown.trim() === '') return 'end';
  const userLines = userText.split('\n');
  for (let ln = 0; ln < userLines.length; ln++) {
    const at = userLines[ln]!.indexOf(shown);
    if (at >= 0) return { line: ln + 1, column: at + offsetInShown + 1 };
  }
  // The context may span past the officer's last line: try its beginning.
  const head = shown.slice(0, Math.max(0, offsetInShown + 1));
  for (let ln = userLines.length - 1; ln >= 0 && head.length >= 4; ln--) {
    const at = userLines[ln]!.indexOf(head);
    if (at >= 0) return { line: ln + 1, column: at + offsetInShown + 1 };
  }
  return undefined;
}

function endOf(userText: string): TextPosition {
  const lines = userText.replace(/\s+$/, '').split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * A DuckDB error (native or WASM) explained for an officer. `userText` is the SQL the officer typed (for the
 * position); `columns` the input's column names (for close names when DuckDB offers none).
 */
export function explainEngineError(
  engineText: string,
  options: { userText?: string; columns?: readonly string[] } = {},
): EngineErrorExplained {
  const { kind, first } = headline(engineText);
  const pos = options.userText ? positionInUserText(engineText, options.userText) : undefined;
  const at = pos === 'end' ? endOf(options.userText ?? '') : pos;
  const out = (message: Message): EngineErrorExplained => ({ message, ...(at ? { at } : {}), original: engineText });

  const column =
    /Referenced column "?([^"!]+?)"? not found/.exec(first) ??
    /column "?([^"\s]+)"? (?:does not exist|not found)/i.exec(first);
  if (column) {
    const offered = /Candidate bindings: (.*)/.exec(engineText)?.[1];
    const names = offered
      ? [...offered.matchAll(/"([^"]+)"/g)].map((x) => x[1]!.replace(/^.*\./, ''))
      : closestNames(column[1]!, options.columns ?? []);
    return out(msg('sql.unknown_column', { name: column[1]!, candidates: candidates(names) }));
  }
  const table = /Table with name "?([^"\s!]+)"? does not exist/.exec(first);
  // DuckDB's own guess for a table is a catalog table (pg_attribute…), never useful.
  if (table) return out(msg('sql.unknown_table', { name: table[1]!, candidates: '' }));
  const fn = /(?:Scalar |Table |Aggregate )?Function with name "?([^"\s!]+)"? does not exist/.exec(first);
  if (fn) {
    const guess = /Did you mean "([^"]+)"/.exec(engineText)?.[1];
    return out(msg('sql.unknown_function', { name: fn[1]!, candidates: candidates(guess ? [guess] : []) }));
  }
  const grouped = /column "?([^"\s]+)"? must appear in the GROUP BY clause/.exec(first);
  if (grouped) return out(msg('sql.group_by', { name: grouped[1]! }));
  const ambiguous = /Ambiguous reference to column name "?([^"\s]+)"?/.exec(first);
  if (ambiguous) return out(msg('sql.ambiguous', { name: ambiguous[1]! }));
  if (kind === 'Conversion') {
    const conv = /Could not convert (?:string )?('.*?'|\S+) to (\w+)/.exec(first);
    if (conv) {
      const type = TYPE_WORDS[conv[2]!] ?? { ko: conv[2]!, en: conv[2]! };
      return out(msg('sql.conversion', { value: conv[1]!, type }));
    }
    const field = /invalid (date|timestamp)[^:]*: "([^"]*)"/i.exec(first);
    if (field) {
      return out(msg('sql.conversion', { value: `'${field[2]}'`, type: TYPE_WORDS[field[1]!.toUpperCase()]! }));
    }
    return out(msg('sql.type_mismatch', { detail: first }));
  }
  if (
    /No function matches the given name and argument types|Cannot compare values of type|Cannot mix values of type/.test(
      first,
    )
  ) {
    const sig = /'([^']+)'/.exec(first)?.[1] ?? first;
    return out(msg('sql.type_mismatch', { detail: sig }));
  }
  if (kind === 'Parser') {
    const token = /syntax error at or near "(.*)"/.exec(first)?.[1];
    if (pos === 'end' || token === undefined || /syntax error at end of input/.test(first))
      return out(msg('sql.syntax_end'));
    return out(msg('sql.syntax', { token }));
  }
  if (/division by zero/i.test(first)) return out(msg('sql.division_by_zero'));
  if (kind === 'Out of Memory' || /out of memory|failed to allocate/i.test(first)) return out(msg('sql.out_of_memory'));
  if (kind === 'INTERRUPT' || /interrupted/i.test(first)) return out(msg('sql.interrupted'));
  return out(msg('sql.other', { kind: kind || 'SQL' }));
}

/** Whether a text looks like a DuckDB error (so a node's message is worth explaining). */
export function isEngineError(text: string): boolean {
  return /^(Binder|Parser|Catalog|Conversion|Out of Memory|INTERRUPT|Invalid Input|Constraint|Not implemented|Dependency|Invalid|Serialization|IO|Type Mismatch|Syntax)( \w+)? Error: /m.test(
    text,
  );
}
