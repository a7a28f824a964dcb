import type { Lang } from '../i18n/lang-store.ts';

/** zod's and the runtime's common English messages, said in the officer's language. */
const PATTERNS: [RegExp, { ko: string; en: string }][] = [
  [/^Invalid input: expected \w+, received undefined$/, { ko: '필수 설정입니다', en: 'Required' }],
  [/^Too small: expected string to have >=1 characters$/, { ko: '비어 있으면 안 됩니다', en: 'Must not be empty' }],
  [
    /^Too small: expected array to have >=1 items$|^add at least one/,
    { ko: '하나 이상 추가하세요', en: 'Add at least one' },
  ],
  [/^Invalid option: expected one of (.*)$/, { ko: '다음 중 하나를 고르세요: $1', en: 'Choose one of: $1' }],
  [
    /^give either "where" \(an expression\) or "rules"/,
    { ko: '조건식 또는 조건 규칙 중 하나만 설정하세요', en: 'Give either a condition or rules, not both' },
  ],
  [/^Unrecognized key/, { ko: '알 수 없는 설정이 있습니다', en: 'Unknown setting' }],
  [/^(?:unknown|no) column "?([^"]+)"?/i, { ko: '입력에 "$1" 열이 없습니다', en: 'The input has no column "$1"' }],
];

/** A validation or run message in `lang`; messages without a translation are shown as they are. */
export function issueText(message: string, lang: Lang): string {
  for (const [re, text] of PATTERNS) {
    const m = re.exec(message);
    if (m) return text[lang].replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return message;
}
