/** Korean first, English beside it: every user-facing string a node declares. */
export interface Label {
  ko: string;
  en: string;
}

/** How the studio renders a param; the form is generated from the params schema and these hints. */
export type Widget =
  | 'text'
  | 'number'
  | 'boolean'
  | 'select'
  | 'column'
  | 'columns'
  | 'sql-expression'
  | 'sql-query'
  | 'code-js'
  | 'file'
  /** A server dataset, chosen from a searchable list (never typed as an id). */
  | 'dataset'
  | 'type'
  | 'json';

export interface ParamMeta {
  label?: Label;
  help?: Label;
  widget?: Widget;
  /** For column pickers: the input port whose columns are offered. */
  columnOf?: string;
  /** Show the field only when sibling params hold one of these values. */
  showIf?: Record<string, unknown[]>;
  /** The value is DuckDB SQL text: `{{param}}` inside it becomes a typed SQL literal. */
  sql?: boolean;
  /** Names of an enum's choices (value → label); shared names live in runtime/messages/option-labels.ts. */
  options?: Record<string, Label>;
}

declare module 'zod' {
  interface GlobalMeta extends ParamMeta {}
}
