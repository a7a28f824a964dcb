// What a description says the goods are. Korean names the thing after everything said of it: "…을 혼합한 치약",
// "…를 갖춘 자주식 굴삭기로, 신품임", "…를 채워 냉동한 만두임". The words before are mostly what it is made of,
// how, and for what.

/** Standard sentences of published rulings that say nothing about the goods. */
const BOILERPLATE = [
  /※\s*품목분류는[^\n]*?변경될 수 있(음|습니다)\.?/gu,
  /[[(（]?\s*[＊*]?\s*분석\s*결과는 제시된 시료[^\])）\n]*[\])）]?/gu,
];

/** The query text with published-ruling boilerplate removed. */
export function cleanQuery(text: string): string {
  let out = text;
  for (const re of BOILERPLATE) out = out.replace(re, ' ');
  return out;
}

/**
 * The query text without the materials the goods were obtained from: "나프타를 열분해하고 … 공정을 거쳐서 얻은 …
 * 혼합물" is no naphtha, "옥수수에서 추출한 전분" no maize. The noun before 을/를 or 에서 that a verb of obtaining
 * (얻은, 추출한, 분리한, 회수한) follows within the same clause goes; what follows stays.
 */
export function withoutSources(text: string): string {
  return text.replace(
    /[가-힣A-Za-z0-9]{1,20}(?:을|를|에서|으로부터|로부터)(?=\s[^.,;\n]{0,40}?(?:얻은|얻어진|추출한|추출된|분리한|분리된|회수한|회수된))/gu,
    ' ',
  );
}

/** Text without its parentheses (nested ones too) and the spaces before them: "어묵(생선묵)임" → "어묵임". */
const withoutParentheses = (text: string) => {
  let flat = text;
  for (let i = 0; i < 3; i++) flat = flat.replace(/\s*[(（[][^()（）[\]]*[)）\]]/gu, '');
  return flat;
};

/**
 * The head of a description: the last two words of its first clause, unless they end in a verb form or 것
 * ("…을 소매포장한 치약" → 치약); else the thing a ruling's sentence is about (`subjectOf`: "…자주식 굴삭기로, 신품임").
 * Empty when neither names the goods.
 */
export function descriptionHead(description: string): string {
  const clause =
    cleanQuery(description)
      .replace(/^[\sㅇo○\-·*]*(\(?개요\)?|물품\s*개요)?\s*[-:]?/u, '')
      .split(/\s-\s|\s-(?=\s*[(（]?[가-힣]+\s*[)）]?\s*:)|\n|※|\s[ㅇ○]\s|\s\*\s|용도\s*:/u)[0] ?? '';
  const words = withoutPacking(withoutParentheses(clause).replace(/[.,;]+\s*$/u, ''))
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  const last = words.slice(-2);
  // a clause that ends in a verb says how the goods are packed or used (소매 포장됨, 체결에 사용함), not what they are
  if (last.length === 0 || /것$|임$|[을를에]$|[됨함음킴춤님]$|제시$|포장$|^물품$/u.test(last[last.length - 1]!))
    return subjectOf(clause);
  // a modifier that is a verb form ("만든", "갖춘") says how, not what
  if (last.length === 2 && /[한된은는든춘인운]$/u.test(last[0]!)) last.shift();
  return last.join(' ');
}

/** A comma-separated part that says how the goods are packed or how many: "플라스틱 병 120정", "1kg 봉지 포장". */
const PACKING_PART =
  /(?:병|용기|파우치|봉지|봉투|상자|박스|캔|포대|드럼|자루|트레이|튜브)\s*(?:\d[\d,.]*\s*(?:정|개|개입|캡슐|포|매|장|ml|l|g|kg)?)?$|^\d[\d,.]*\s*(?:정|개|개입|캡슐|포|매|장)$|포장(?:됨|함)?$/iu;

/**
 * The clause without the packing parts it ends in, when what is left is one part ending in a noun its modifier
 * describes ("…타정한 건강기능식품, 플라스틱 병 120정" names the tablets; "…주사기로, 10개 포장" is left to
 * `subjectOf`, a list to the rest).
 */
function withoutPacking(clause: string): string {
  const parts = clause.split(/,\s*/u);
  let end = parts.length;
  while (end > 1 && PACKING_PART.test(parts[end - 1]!.trim())) end--;
  const words = parts[0]!.trim().split(/\s+/u);
  const last = words[words.length - 1] ?? '';
  return end === 1 &&
    parts.length > 1 &&
    MODIFIER.test(words[words.length - 2] ?? '') &&
    /^[가-힣]{2,}$/u.test(last) &&
    !/(?:로|서|며|고|[을를에와과의]|[됨함음임])$|것$/u.test(last)
    ? parts.slice(0, end).join(', ')
    : clause;
}

/** A relative modifier ("만든", "갖춘", "청소하는", "크기의"): what follows it is the thing it describes. */
const MODIFIER =
  /(?:[한된든춘진운킨린친낸힌긴인찐]|(?:하|되|있|없|않|같|넣|담|붙|얇|작|높|낮|깊|넓|좁|짧|굵|삶|볶|섞|녹|깎)[은는]|의|[형식용])$/u;
/** A verb form: "원료로 발효시킨", "배터리로 구동되며", "직물로 만든" use 로 for "by means of", not "being". */
const VERB = /(?:[한된든춘진운킨린친낸]|[하되]며|[하되]고|[하되]어|하여|해|됨|함|[이있없]고|[이있없]음)$/u;
/** Nouns that end in 로 themselves (회로 is a circuit, not "회" being something). */
const NOUNS_IN_RO = /(?:회|도|경|통|선|항|수|전기|용광|필)로$|^[가세]로$/u;
/** Words a sentence puts before 로 or 임 that are not goods: "-18℃ 이하로 냉동한", "칩 형태로". */
const NOT_GOODS =
  /^(?:이하|이상|미만|초과|형태|상태|방식|방법|원료|목적|용도|공정|정도|비율|구조|후|전|사용|기준|단위)$/u;
/** A counter: "이어폰 한 쌍으로", "패드 4개 1세트임" are about the 이어폰 and the 패드. */
const COUNTER = /^(?:\d+|한|두|세|네)?(?:개|쌍|세트|벌|켤레|조|묶음|매|set)$/iu;
const NUMBER = /^(?:\d\S*|한|두|세|네)$/u;
/** A word that carries a particle or a verb ending is not part of the goods' name. */
const PARTICLE = /(?:[을를에와과및이가은는도의만]|에서|으로|로|하여|하고|되어)$/u;

/**
 * The goods a ruling's sentence is about: the first noun that a modifier describes (within four words) and that
 * the sentence then says is the goods, with "(으)로(서)" as an apposition ("…굴삭기로, 신품임") or "임" ("…만두임"),
 * with the noun before it when that is part of its name ("자율주행 청소기"). Empty when there is none.
 */
export function subjectOf(text: string): string {
  const sentence = withoutParentheses(text).split(/(?<=[가-힣])[.。](?:\s|$)/u)[0] ?? '';
  const words = sentence.split(/\s+/u).filter((w) => w !== '');
  // else the goods named first, their particulars after a comma: "…를 도입한 무색 투명 폴리이미드 필름, 두께 50㎛, …"
  return subjectIn(words, false) || subjectIn(words, true);
}

/** A noun closing the first comma-separated part, not a list's item ("시트에 정제수, 글리세린") nor a verb's object. */
const listedGoods = (words: readonly string[], i: number, word: string) =>
  /[가-힣]$/u.test(word) &&
  !/\d/u.test(word) &&
  !PARTICLE.test(word) &&
  !VERB.test(word) &&
  !MODIFIER.test(word) &&
  !/것$|[됨함음]$/u.test(word) &&
  !(i > 0 && PARTICLE.test(words[i - 1]!) && !MODIFIER.test(words[i - 1]!)) &&
  !(i > 0 && /(?:[하되]고|하여|[하되]어|[하되]며)$/u.test(words[i - 1]!));

/** `subjectOf` in `words`: by 로/임 (or, `listed`, by the first comma). */
function subjectIn(words: readonly string[], listed: boolean): string {
  let commas = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/[,;:]+$/u, '');
    const comma = words[i]! !== word;
    const firstComma = comma && commas++ === 0;
    const ending = listed
      ? firstComma && listedGoods(words, i, word)
        ? [word, word]
        : null
      : NOUNS_IN_RO.test(word)
        ? null
        : /^(.+?)(?:으로서|로서|으로|로|임|이며)$/u.exec(word);
    if (!ending || /것$/u.test(ending[1]!) || NOT_GOODS.test(ending[1]!)) continue;
    const next = words[i + 1];
    if (!comma && next !== undefined && VERB.test(next.replace(/[,;:]+$/u, ''))) continue;
    if (!words.slice(Math.max(0, i - 4), i).some((w) => MODIFIER.test(w))) continue;
    let at = i;
    let noun = ending[1]!;
    if (COUNTER.test(noun)) {
      do at--;
      while (at > 0 && (NUMBER.test(words[at]!) || COUNTER.test(words[at]!)));
      noun = words[at] ?? '';
      if (at >= i || PARTICLE.test(noun) || MODIFIER.test(noun)) continue;
    }
    // a word closed by a comma belongs to the list before ("DC 모터, 가로 보강재" is no "모터 가…")
    const previous = /[,;:]$/u.test(words[at - 1] ?? '') ? undefined : words[at - 1];
    // "브레이크용 패드", "왕복동식 압축기": a noun made a modifier is part of the name; a verb form or a particle is not
    const named =
      previous &&
      (!MODIFIER.test(previous) || /[형식용]$/u.test(previous)) &&
      !PARTICLE.test(previous) &&
      !NOT_GOODS.test(previous);
    return named ? `${previous} ${noun}` : noun;
  }
  return '';
}
