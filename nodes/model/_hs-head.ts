// What the goods are called, without what is said of them. A name ends in the thing it names, in English as in
// Korean: a "Hairpin stator assembly" is a stator (its winding is hairpin-shaped), an "Aluminium alloy wheel" a wheel,
// "노트북용 65W 전원 어댑터" an adapter. The words before the head say what it is made of, for or like, and they
// mislead character n-grams: "hairpin" is the whole wording of the hairpins' line, "aluminium alloy" of the ingots'.

import { descriptionHead } from './_hs-description.ts';

/**
 * English words after which the rest of a name says of what, for what, how: "Preparation of edible oil". Not inside a
 * hyphened word: an "On-board charger" is a charger, a "Built-in induction cooktop" a cooktop.
 */
const POST_MODIFIER =
  /(?<![-a-z])(?:of|for|with|without|having|containing|used|made|in|on|from|by|to|put|packed|not)(?![-a-z]).*$/u;
/** Trailing words that say how the goods are put together or where they sit, not what they are. */
const GENERIC_TAIL =
  /^(?:assembly|assy|type|style|grade|series|model|module|unit|system|set|kit|small|large|medium|mini|big|front|rear|left|right|upper|lower|inner|outer|lh|rh|fr|rr)$/u;
/**
 * Words of the shape the goods take (slices, 분말): part of the name, as subheadings split by them (ground or not),
 * but not what the goods are: "Dried mango slices" are mango, "홍삼 농축액 스틱" an extract.
 */
const SHAPE =
  /^(?:slices?|pieces?|chips?|flakes?|granules?|pellets?|sticks?|strips?|powders?|bars?|rolls?|sheets?|슬라이스|조각|분말|가루|스틱|칩|절편|과립|펠릿|시트|롤)$/u;
/** Containers goods are packed in. */
const PACKING =
  /^(?:[가-힣]*병|용기|파우치|봉지|봉투|상자|박스|캔|팩|포대|드럼|자루|케이스|트레이|pouch|bottle|box|can|bag|drum)$/u;
/** Words that are no part of a head: "Other articles", "pork and vegetable dumplings", a label ("SIZE: 150*300MM"). */
const NOT_A_WORD =
  /^(?:other|others|the|a|an|and|or|&|size|spec|specs|specification|color|colour|material|qty|quantity|dimensions?|weight)$/u;
/** A word of a name, not of a model code or size (NV2-1TB, HS-BIOTIN, 500ML): letters, hyphened words of three. */
const NAME_WORD = /^[a-z]+(?:[-'][a-z]+)*$/u;

/** Words that name no goods of their own: "Preparation of edible oil" is named by what follows. */
const GENERIC_HEAD =
  /^(?:other|preparations?|articles?|parts?|accessor(?:y|ies)|and|products?|goods|mixtures?|items?)$/u;

/**
 * The head of one English name part: its last words before a comma or post-modifier, at most three. A trade name
 * after the first part ("…; WILLOW STICKS") counts only when it is all name words.
 */
function englishHead(part: string, first: boolean): string {
  let lower = part
    .toLowerCase()
    .replace(/[(（[].*$/u, '')
    .split(',')[0]!;
  // "Preparation of edible oil", "Other article of vulcanised rubber": a word that names no goods is named by its
  // complement
  const of = /\bof\s/u.exec(lower);
  if (
    of &&
    of.index > 0 &&
    lower
      .slice(0, of.index)
      .trim()
      .split(/\s+/u)
      .every((w) => GENERIC_HEAD.test(w))
  )
    lower = lower.slice(of.index + 3);
  const all = lower
    .replace(POST_MODIFIER, '')
    .split(/[\s/]+/u)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/gu, ''))
    .filter((w) => w !== '' && !NOT_A_WORD.test(w));
  // a trade name's hyphened short word is a code (ZERO-L, HS-BIOTIN); a declared name's is a word (T-shirt, e-bike)
  const named = (w: string) => NAME_WORD.test(w) && w.length > 1 && (first || !/^[a-z]{1,2}-|-[a-z]{1,2}$/u.test(w));
  if (!first && !all.every(named)) return '';
  const words = all.filter(named);
  while (words.length > 1 && GENERIC_TAIL.test(words[words.length - 1]!)) words.pop();
  return words.slice(-3).join(' ');
}

/** A Korean word that only says for what or how (노트북용, 65W, 3kg), not what. */
const KOREAN_MODIFIER = /(?:용|형|식|의|[한된든춘진운킨린친낸인])$|\d/u;

const withoutBrackets = (part: string) => part.replace(/[(（[][^)）\]]*[)）\]]/gu, ' ');

/** Whether a name part's last word (brackets aside) is Korean. */
const endsKorean = (part: string) => /[가-힣]/u.test(withoutBrackets(part).trim().split(/\s+/u).pop() ?? '');

/** The head of a Korean name part: its last word and the word before when that is part of the name (전원 어댑터). */
function koreanHead(part: string): string {
  const words = withoutBrackets(part)
    .split(/\s+/u)
    .filter((w) => /[가-힣]/u.test(w) && !/\d/u.test(w));
  const last = words[words.length - 1];
  if (!last) return '';
  const before = words[words.length - 2];
  return before && !KOREAN_MODIFIER.test(before) ? `${before} ${last}` : last;
}

/**
 * What the item is called, as separate phrases: the head of each part of its name (a declared name has parts:
 * "Frozen kidney beans, blanched; FROZEN BOILED KIDNEY BEAN") and the goods its description names.
 */
export function headsOf(name: string, description = ''): string[] {
  const parts = name
    .split(/[;:]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const described = descriptionHead(description);
  // a name that is only a brand and a model (DRIVE EYE 2CH, SOUS VIDE STICK 1200) says what the goods are called,
  // not what they are: the description does
  const branded = parts.length === 1 && TRADE_NAME.test(parts[0]!) && described !== '';
  // a part ending in a Korean word is headed by it, whatever Latin words come before (LED 헤드램프, PP 부직포)
  const heads = (branded ? [] : parts).map((part, i) =>
    endsKorean(part)
      ? koreanHead(part)
      : (/[A-Za-z]{3}/u.test(part) && englishHead(part, i === 0)) || (/[가-힣]/u.test(part) ? koreanHead(part) : ''),
  );
  // a description that ends on its packing (…, 250g 유리병) names the container, not the goods
  const packing = heads.some((h) => h !== '') && PACKING.test(described.split(' ').pop() ?? '');
  return [
    ...new Set([...heads, packing ? '' : described].filter((h) => h.trim().length > 1 && !KOREAN_GENERIC.test(h))),
  ];
}

/** A brand and a model: capitals and a number, no lowercase or Hangul ("NOVA X3", "DRIVE EYE 2CH"). */
const TRADE_NAME = /^(?=[^a-z가-힣]*$)(?=.*\d)[A-Z0-9][A-Z0-9 .\-+&/()]*$/u;

/** Korean heads that name no goods of their own: "…를 붙인 전자부품임" is said of a thermistor as of anything. */
const KOREAN_GENERIC = /^(?:전자\s*)?(?:부품|부분품|제품|물품|소재|원료|재료|자재)$/u;

/** Adjectives an English chemical name puts after the compound: "Citric acid anhydrous", "… monohydrate, USP". */
const AFTER_COMPOUND =
  /^(?:anhydrous|(?:mono|di|tri|tetra|penta|hexa|hepta)?hydrate|solution|technical|usp|bp|ep|jp|fcc|refined|purified|crude|pure)$/u;

/** The word a head ends in, before any word of shape or grade: "dried mango slices" → mango, "citric acid anhydrous" → acid. */
export function headWord(head: string): string {
  const words = head.split(' ');
  while (words.length > 1 && (SHAPE.test(words[words.length - 1]!) || AFTER_COMPOUND.test(words[words.length - 1]!)))
    words.pop();
  return words[words.length - 1] ?? '';
}
