// What the goods are fitted in or part of, as the description says it: "압축기(Compressor)에 장착하여", "TACT 스위치의
// 내부 구성요소", "프린터 내부에 장착", "compressor mounting". The tariff's general-use subheadings split their goods by
// whether they serve machines (39.26.90-1000 기계용의 부분품, 40.16.99's 기계용의 것), and a machine is goods of
// Section XVI (Chapters 84 and 85): the whole named here is one when most headings that call their goods by its name
// are of those chapters (압축기 84.14, 스위치 85.36; 자동차, 의자 and 자전거 are not).

import { normalizeText } from '../../runtime/text/char-ngrams.ts';

/** A whole the goods are put in or on (X에 장착, X 내부에 설치, X 하단에 부착), or are a constituent or part of (X의 구성요소). */
const FITTED_IN =
  /([가-힣a-z0-9]+)\s(?:(?:의\s)?(?:내부|안쪽|내|하단|상단|하부|상부|측면|외부|전면|후면|뒷면|앞면|아래|밑|위)\s?)?(?:에|에서)?\s?(?:장착|부착|조립|내장|설치|삽입|체결|결합)/gu;
const PART_OF = /([가-힣a-z0-9]+)\s(?:의\s)?(?:내부\s)?(?:구성\s?요소|구성품|구성\s?부품|부분품|부품|부속품)/gu;
const ENGLISH = /\b(?:for|of|in)\s(?:the\s|a\s|an\s)?([a-z]{3,})\b/gu;

const MAX_WORD = 40;

/** The names of the wholes the goods are said to be fitted in or part of, lower case, at most eight. */
export function statedWholes(description: string): string[] {
  // parentheses off (압축기(Compressor)에 → 압축기에), particles split from their noun where written together; a
  // run of letters longer than any word is dropped (a pasted run would make the patterns below quadratic)
  const text = normalizeText(description.replace(/\([^)]*\)|\[[^\]]*\]/gu, ''))
    .split(' ')
    .filter((word) => word.length <= MAX_WORD)
    .map((word) => word.replace(/^([가-힣]{2,})(의|에서|에)$/u, '$1 $2'))
    .join(' ');
  const out = new Set<string>();
  for (const re of [FITTED_IN, PART_OF])
    for (const m of text.matchAll(re)) {
      const word = m[1]!;
      // not a verb's modifier (조절에 쓰는 부분품) nor a number
      if (word.length >= 2 && !/^\d+$|[는은한된인던]$/u.test(word)) out.add(word);
    }
  if (/\b(?:mount|fit|install|part)/u.test(text)) for (const m of text.matchAll(ENGLISH)) out.add(m[1]!);
  return [...out].slice(0, 8);
}
