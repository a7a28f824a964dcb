import type { Label } from '../../../runtime/nodes/param-meta.ts';
import { en } from './en.ts';
import { ko, type MessageKey } from './ko.ts';
import type { Lang } from './lang-store.ts';

const dictionaries = { ko, en } as const;

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** `{name}` placeholders in `text` filled from `vars` (a name without a value stays as written). */
export function fill(text: string, vars: Vars): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m));
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text: string = dictionaries[lang][key];
  return vars ? fill(text, vars) : text;
}

/** A node's or an action's bilingual label in `lang`. */
export function pick(label: Label, lang: Lang): string {
  return label[lang];
}

/** Numbers the way the officer reads them: 1,234,567 (ko and en agree). */
export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US');
}

/** Milliseconds as `850 ms` or `1.2 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A message in both languages, for notices kept in the store and shown in whichever language is on. */
export function both(key: MessageKey, vars?: Vars): Label {
  return { ko: translate('ko', key, vars), en: translate('en', key, vars) };
}
