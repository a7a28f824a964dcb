import type { Lang } from '../i18n/lang-store.ts';

const HANGUL = /[가-힣]/;

/**
 * The part of a shipped text written in the chosen language: titles read "한국어 · English" and descriptions
 * "한국어 단락\n\nEnglish paragraph". A text that is not split that way is shown whole.
 */
export function inLanguage(text: string, lang: Lang, separator: ' · ' | '\n\n'): string {
  const parts = text.split(separator);
  if (parts.length < 2) return text;
  const korean = parts.filter((p) => HANGUL.test(p));
  const other = parts.filter((p) => !HANGUL.test(p));
  if (korean.length === 0 || other.length === 0) return text;
  return (lang === 'ko' ? korean : other).join(separator);
}

export const titleIn = (title: string, lang: Lang) => inLanguage(title, lang, ' · ');
export const descriptionIn = (description: string, lang: Lang) => inLanguage(description, lang, '\n\n');
