import type { Lang } from '../i18n/lang-store.ts';

export type ParamValue = string | number | boolean;

/** A pipeline's declared parameter, as the document, a template or a schedule form reads it. */
export interface DeclaredParam {
  name: string;
  type?: string;
  default?: unknown;
  label?: string;
  description?: string;
}

/** The values a form starts from: what was given before, else each parameter's default. */
export function initialValues(
  declared: readonly DeclaredParam[],
  given?: Record<string, unknown> | null,
): Record<string, ParamValue | undefined> {
  return Object.fromEntries(
    declared.map((p) => {
      const v = given?.[p.name] ?? p.default;
      return [p.name, typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined];
    }),
  );
}

/** An input's text as the parameter's type: a number stays the text until it is a finite number. */
export function fromInput(type: string | undefined, text: string): ParamValue | undefined {
  if (text === '') return undefined;
  if (type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const MESSAGES = {
  ko: {
    missing: '값을 입력하세요',
    number: '숫자를 입력하세요',
    date: '날짜를 YYYY-MM-DD 형식으로 입력하세요',
    boolean: '예 또는 아니요를 고르세요',
  },
  en: {
    missing: 'Enter a value',
    number: 'Enter a number',
    date: 'Enter a date as YYYY-MM-DD',
    boolean: 'Choose yes or no',
  },
} as const;

/**
 * What is wrong with each value, by parameter name (empty when all are fine): numbers must be numbers, dates
 * real calendar dates, and numbers and dates may not be left empty (the pipeline's filters need them).
 */
export function checkParams(
  declared: readonly DeclaredParam[],
  values: Record<string, ParamValue | undefined>,
  lang: Lang,
): Record<string, string> {
  const m = MESSAGES[lang];
  const errors: Record<string, string> = {};
  for (const p of declared) {
    const v = values[p.name];
    if (p.type === 'number') {
      if (v === undefined) errors[p.name] = m.missing;
      else if (typeof v !== 'number' || !Number.isFinite(v)) errors[p.name] = m.number;
    } else if (p.type === 'date') {
      if (v === undefined) errors[p.name] = m.missing;
      else if (typeof v !== 'string' || !isDate(v)) errors[p.name] = m.date;
    } else if (p.type === 'boolean') {
      if (v !== undefined && typeof v !== 'boolean') errors[p.name] = m.boolean;
    }
  }
  return errors;
}

/** Only the values that are set (the API takes a record of string, number or boolean). */
export function definedValues(values: Record<string, ParamValue | undefined>): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, ParamValue] => e[1] !== undefined));
}
