import { positionInUserText } from '../../../../runtime/messages/duckdb.ts';

export interface ErrorRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Where to underline an error in the officer's `text`. DuckDB's `LINE n:` counts lines of the query the node
 * wraps around the text, so its context line and caret are looked up in the text instead (the word at the
 * caret is underlined; the end of the text when DuckDB stopped at the wrapper); without a position, the whole
 * text.
 */
export function errorRange(text: string, message: string): ErrorRange {
  const lines = text.split('\n');
  const whole = {
    startLineNumber: 1,
    startColumn: 1,
    endLineNumber: lines.length,
    endColumn: (lines[lines.length - 1]?.length ?? 0) + 1,
  };
  const pos = positionInUserText(message, text);
  if (pos === undefined) return whole;
  if (pos === 'end') {
    const trimmed = text.replace(/\s+$/, '').split('\n');
    const last = trimmed[trimmed.length - 1] ?? '';
    const word = /\S+$/.exec(last);
    return {
      startLineNumber: trimmed.length,
      startColumn: word ? word.index + 1 : 1,
      endLineNumber: trimmed.length,
      endColumn: last.length + 1,
    };
  }
  const line = lines[pos.line - 1] ?? '';
  const word = /^[\p{L}\p{N}_$]+|^./u.exec(line.slice(pos.column - 1));
  return {
    startLineNumber: pos.line,
    startColumn: pos.column,
    endLineNumber: pos.line,
    endColumn: pos.column + (word?.[0].length ?? 1),
  };
}
