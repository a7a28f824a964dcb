export interface ErrorRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Where to underline an error in `text`: DuckDB reports `LINE n:`; without a line, the whole text.
 */
export function errorRange(text: string, message: string): ErrorRange {
  const lines = text.split('\n');
  const m = /LINE (\d+):/i.exec(message);
  const line = m ? Math.min(Math.max(1, Number(m[1])), lines.length) : undefined;
  if (line !== undefined) {
    return {
      startLineNumber: line,
      startColumn: 1,
      endLineNumber: line,
      endColumn: (lines[line - 1]?.length ?? 0) + 1,
    };
  }
  return {
    startLineNumber: 1,
    startColumn: 1,
    endLineNumber: lines.length,
    endColumn: (lines[lines.length - 1]?.length ?? 0) + 1,
  };
}
