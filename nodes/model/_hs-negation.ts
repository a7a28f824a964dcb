// What a description says the goods are not. The tariff splits subheadings by a property and its absence (0904.11
// 부수지도 않고 갈지도 않은 것, 0904.12 부수거나 간 것; 4015.12 의료용ㆍ외과용…, 4015.19 기타), and a description
// says which side the goods are on by negating the property ("부수거나 분쇄하지 않은 것", "외과용이 아닌 것", "백색
// 시멘트가 아님", "not refined"). Character n-grams see the property's word in the description and match the line
// that has it: the negation is what they cannot read. A line whose own wording affirms a property the description
// negates keeps a share (FUSION.contradictedTerm).

/** A negated verb: "(W나 X를) (V거나) Y하지 않은", "Y되지 않고", "Y지도 않은"; the object, if any, is the property. */
const KO_NOT_DONE =
  /(?:(?:([가-힣]{2,12}?)(?:이나|나|와|과|및)\s+)?([가-힣]{2,12}?)(?:을|를)\s+)?(?:([가-힣]{2,12}?)(?:하|되)?거나\s+)?([가-힣]{1,12}?)(?:하|되)?지도?\s*않(?:은|음|고|았|으며)/gu;
/** "X이 아닌", "W나 X가 아님", "W X가 아니며": the property is X, both W and X, or a W that is one (백색 시멘트). */
const KO_NOT_BEING =
  /(?:([가-힣]{2,12}?)(이나|나|와|과|및|\s)\s*)?([가-힣A-Za-z]{2,16}?)(?:이|가)\s*아(?:닌|님|니며|니고|니한)/gu;
/** A word that names a property itself (colour, use, type, nature): 백색 시멘트, 경기용 자전거. */
const PROPERTY_WORD = /(?:색|용|식|성|형|질)$/u;
/** "X이 안 된", "X 안 함": a verb negated with 안 (기록이 안 된 매체). */
const KO_NOT_DONE_AN = /([가-힣]{2,12}?)(?:이|가)?\s+안\s*(?:된|됨|한|함)/gu;
/** "X 없음", "X가 없는": an absent part (렌즈 없음, 뚜껑이 없는). */
const KO_WITHOUT = /([가-힣]{2,12}?)(?:이|가)?\s*없(?:음|는|으며|고|이)/gu;
/** "X 불가", "X이 불가능한": what cannot be done to the goods (외부 충전 불가, 재충전 불가). */
const KO_CANNOT = /([가-힣]{2,12}?)(?:이|가)?\s*불가(?:능(?:한|함|하며|하고)?)?(?![가-힣])/gu;
/** English: not X, non-X, without X, neither X nor Y, not X or Y. */
const EN_NOT = /\b(?:not|non-|without|neither|nor)\s*([a-z]{4,})(?:\s+(?:or|nor)\s+([a-z]{4,}))?/giu;

/** Words too general to carry a negation (없음 of "첨가물 없음" says nothing of a line). */
const VAGUE =
  /^(?:것|물품|제품|상태|경우|기타|사용|포함|함유|첨가|첨가물|그|이|해당|별도|특별|별다른|특이|변화|다른|처리|added|further|other|more|less|being|having|only|more than|exceeding)$/u;

/** What a licence or approval is: "의료용 허가", "의료기기 인증". */
const LICENCE = /^(?:허가|인증|승인|등록|신고|허가증)$/u;
/**
 * The English of uses the Korean tariff words otherwise (4015.12 says 내과용ㆍ외과용…, its English "medical"): a line's
 * wording holds its English too, so a negated 의료용 reaches it there.
 */
const IN_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  의료용: ['medical'],
  외과용: ['surgical'],
  수술용: ['surgical'],
  식용: ['edible'],
  가정용: ['household', 'domestic'],
  산업용: ['industrial'],
};

/** A negation as the description says it ("카페인을 제거하지 않은") and the properties it negates (카페인). */
export interface Negation {
  readonly phrase: string;
  readonly terms: readonly string[];
}

/** The negations `goods` states, each property (Korean stem or lowercase English word) in the first that names it. */
export function negationsOf(goods: string): Negation[] {
  const out: Negation[] = [];
  const seen = new Set<string>();
  const add = (phrase: string, ...candidates: Array<string | undefined>) => {
    const terms = candidates
      .filter((t): t is string => !!t && t.length >= 2 && !VAGUE.test(t))
      .flatMap((t) => [t.toLowerCase(), ...(IN_ENGLISH[t] ?? [])])
      .filter((t) => !seen.has(t));
    for (const t of terms) seen.add(t);
    if (terms.length > 0) out.push({ phrase: phrase.trim(), terms });
  };
  // "의료용 허가를 받지 않은", "의료용 허가 없음": the use a licence not held is for is negated with it
  const licensedUse = (at: number, object: string | undefined) =>
    object && LICENCE.test(object)
      ? /([가-힣]{1,8}용)\s+$/u.exec(goods.slice(Math.max(0, at - 12), at))?.[1]
      : undefined;
  // the phrase quoted with the use it negates: "의료용 허가 없음"
  const addWithUse = (phrase: string, at: number, other: string | undefined, object: string | undefined) => {
    const use = licensedUse(at, object);
    add(use ? `${use} ${phrase}` : phrase, other, object, use);
  };
  // "향미료나 착색료를 첨가하지 않은": what is not added; "부수거나 갈지 않은": both verbs
  for (const m of goods.matchAll(KO_NOT_DONE)) m[2] ? addWithUse(m[0], m.index, m[1], m[2]) : add(m[0], m[3], m[4]);
  for (const m of goods.matchAll(KO_NOT_BEING)) {
    const [phrase, w, joint, x = ''] = m;
    if (w && joint?.trim()) add(phrase, w, x);
    else if (w && PROPERTY_WORD.test(w)) add(phrase, w);
    else add(phrase.slice(phrase.lastIndexOf(x)), x);
  }
  for (const m of goods.matchAll(KO_NOT_DONE_AN)) add(m[0], m[1]);
  for (const m of goods.matchAll(KO_WITHOUT)) addWithUse(m[0], m.index, undefined, m[1]);
  for (const m of goods.matchAll(KO_CANNOT)) add(m[0], m[1]);
  for (const m of goods.matchAll(EN_NOT)) add(m[0], m[1], m[2]);
  return out;
}

/** The properties `goods` negates. */
export const negatedTerms = (goods: string): string[] => negationsOf(goods).flatMap((n) => n.terms);

/** A negation right after a Korean word (부수지도 않고, 외과용이 아닌, 렌즈가 없는, 기록이 안 된) or an exclusion. */
const KO_NEGATED_AFTER =
  /^[가-힣]{0,2}\s*(?:[가-힣]{1,4}?(?:하|되)?(?=지))?(?:하|되)?(?:지도?\s*않|(?:이|가)?\s*아니|(?:이|가)?\s*아닌|(?:이|가)?\s*없|(?:이|가)?\s*안\s*[된한]|는\s*제외|을\s*제외|를\s*제외)/u;
/** Either way, after a Korean word: 기록된 것인지에 상관없다, 첨가 여부, 의료용을 포함한다. */
const KO_EITHER_AFTER = /^[가-힣]{0,6}\s*(?:[가-힣]+\s*)?(?:상관없|여부|포함)/u;
/** A negation right before an English word (neither crushed, not knitted, non-refined, other than, without). */
const EN_NEGATED_BEFORE =
  /(?:\bnot|\bnon-?|\bneither|\bnor|\bwithout|\bother than|\bexcluding|\bexcept)\s*(?:[a-z]+\s+(?:or|and)\s+)?$/iu;
/** Either way, before an English word: whether or not recorded, including medicated products. */
const EN_EITHER_BEFORE = /(?:\bwhether or not|\bor not|\bincluding|\bwith or without)\s*(?:[a-z]+\s+(?:or|and)\s+)?$/iu;
/** A Korean property negated by 비(非) before it. */
const KO_NON_BEFORE = /비\s*(?:[(（]非[)）])?\s*$/u;

/** Whether the English word `term` stands whole at `at` in `text` (an -s, -es or -ed ending allowed). */
const wholeWord = (text: string, at: number, term: string) =>
  !/[a-z]/u.test(text[at - 1] ?? '') &&
  /^(?:s|es|ed)?(?![a-z])/u.test(text.slice(at + term.length, at + term.length + 3));

/**
 * Whether `at` is inside a parenthesis of exclusions, "(유리로 만든 내부용기는 제외한다)": what it names is not of the
 * line (and the negation may come many words after the property).
 */
function inExclusion(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('(', at), text.lastIndexOf('[', at));
  if (open < 0 || /[)\]]/u.test(text.slice(open, at))) return false;
  const end = text.slice(at).search(/[)\]]/u);
  return end >= 0 && /제외/u.test(text.slice(at, at + end));
}

/**
 * Whether a line's own wording (lowercase) names `term` as present: at least once plainly, and never negated (a
 * property it names either way, 기록된 것인지에 상관없다 or "including medicated products", is not required of the
 * goods).
 */
export function affirms(text: string, term: string): boolean {
  const latin = /^[a-z]/u.test(term);
  let affirmed = false;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
    if ((latin && !wholeWord(text, at, term)) || inExclusion(text, at)) continue;
    const before = text.slice(Math.max(0, at - 30), at);
    const after = text.slice(at + term.length, at + term.length + 14);
    if (latin ? EN_NEGATED_BEFORE.test(before) : KO_NEGATED_AFTER.test(after) || KO_NON_BEFORE.test(before))
      return false;
    if (latin ? EN_EITHER_BEFORE.test(before) : KO_EITHER_AFTER.test(after)) continue;
    affirmed = true;
  }
  return affirmed;
}
