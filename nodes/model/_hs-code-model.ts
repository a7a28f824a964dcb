// HS code prediction: from an item's name and description to the best HSK 10-digit codes.
//
// Two kinds of evidence, fused into one score per tariff line (each term relative to its best line, 0–1):
//  1. The nomenclature, hierarchically (char 2–4-grams, runtime/text, no Korean morphology needed):
//     - HS4: the heading's Korean text + the WCO English heading,
//     - HS6: the subheading's Korean parent path + the WCO English subheading,
//     - HS10: the tariff line's own Korean and English name,
//     - the whole line (name + path + English at every level), once with the full query and once with what the
//       item is (its name and the head of its description: an item name often repeats the nomenclature's words),
//     - the heading with everything under it (all its subheadings and lines, Korean and English), queried with what
//       the item is,
//     each by TF-IDF cosine (short texts the query covers well) and, for the broad ones, BM25 (texts sharing
//     many n-grams). The best line of a subheading gives the subheading's score (10 → 6 → 4 aggregation).
//     What n-grams miss is added: a line whose distinctive name the query spells out (치약, 보건용 마스크, 김치)
//     gains; the chapter notes on how far goods are worked (_hs-rules.ts) move a prepared food, a mixture or an
//     article away from the chapters of raw materials, compounds and primary forms; and a line of the opposite of
//     what the description says keeps a share (a state, a 비(非)- property, a fabric, wearer or predominant fibre, a
//     negated property, limits no stated value meets, a steel section or kind the stated measures and words rule
//     out: _hs-rules.ts, _hs-textiles.ts, _hs-negation.ts, _hs-quantities.ts, _hs-steel.ts), and so do the base
//     metals' forms for goods named as an article and the chapters of a material the goods are not of
//     (_hs-metal-forms.ts, _hs-materials.ts). What the item is (its name and what its description says it is,
//     _hs-description.ts, _hs-head.ts) is read apart from its whole text.
//  2. What the officer decided before (rulings, earlier declarations; optional): a linear classifier trained on
//     those decisions — one TF-IDF centroid per HS4 and per HS6 (Rocchio) — and the nearest decisions (k-NN) for
//     the exact 10-digit line. An item like one already decided lands on that decision's code: a decision that
//     matches the item better than any tariff text weighs more, and the trained classifier's prior yields to it.
// Inside a subheading, the residual line ("기타", other) stands for everything the specific lines do not name: a
// specific line keeps its score only when its own name matches the query.

import { memoised } from '../../runtime/compute/memoised.ts';
import { Bm25Index, cosine, type SparseVector } from '../../runtime/text/bm25.ts';
import { matchedPhrases, normalizeText } from '../../runtime/text/char-ngrams.ts';
import { fibreWordsFor, tariffWordsFor } from './_hs-aliases.ts';
import type { HsClassifier } from './_hs-classifier.ts';
import { cleanQuery, descriptionHead, withoutSources } from './_hs-description.ts';
import { englishLineIndex, englishTerms, withTariffWords } from './_hs-english.ts';
import {
  beginsAWord,
  type GlossaryName,
  glossaryNames,
  type HsGlossary,
  nameLength,
  spelledNames,
} from './_hs-glossary.ts';
import { headsOf, headWord } from './_hs-head.ts';
import { statedWholes } from './_hs-machine-use.ts';
import {
  chapterMaterial,
  conditionMaterials,
  generalUseHeadings,
  materialsOf,
  otherMaterial,
} from './_hs-materials.ts';
import { isMetalForm, namesArticle } from './_hs-metal-forms.ts';
import { affirms, negatedTerms, negationsOf } from './_hs-negation.ts';
import {
  type Dimension,
  type Limit,
  limitsOf,
  outsideLimits,
  type Quantity,
  quantitiesOf,
  withinLimits,
} from './_hs-quantities.ts';
import {
  contradicts,
  goodsText,
  isCooked,
  isLightOil,
  isPolished,
  isPutUpForRetail,
  isStateChapter,
  polarities,
  propulsionOf,
  propulsionOfLine,
  type Reading,
  readingsOf,
  roughOnly,
  statesOf,
  uncookedOnly,
  workedRulesFor,
} from './_hs-rules.ts';
import {
  barStageOf,
  barStageOfGoods,
  isHighSpeedLine,
  notHighSpeed,
  otherSection,
  otherSteel,
  statedSection,
  steelOf,
} from './_hs-steel.ts';
import {
  fabricOf,
  fibresNamed,
  isClothing,
  isTextileChapter,
  otherFabric,
  otherFibre,
  otherMaterialsFibres,
  otherWearers,
  predominantFibre,
  wearersOf,
} from './_hs-textiles.ts';

/** The shipped nomenclature, compact (see bench/hs-code-asset.ts): lines are [hs10, 품목명, path no., English]. */
export interface HsNomenclature {
  readonly source: string;
  readonly paths: readonly string[];
  readonly lines: ReadonlyArray<readonly [string, string, number, string]>;
  readonly english: Readonly<Record<string, string>>;
}

/** A past decision the model learns from: the item's text and its decided HSK code (10 digits). */
export interface HsDecision {
  readonly text: string;
  readonly hs10: string;
  /** How the decision is named to the officer (e.g. a ruling's reference number). */
  readonly label?: string;
}

/** What is known of one item: its name (품명) and everything else (description, model, specification). */
export interface HsQuery {
  readonly name: string;
  readonly description?: string;
}

export interface HsCandidate {
  readonly hs10: string;
  /** Confidence 0–1: this candidate's share of the evidence among the ten best lines (softmax of fused scores). */
  readonly score: number;
  /** Korean nomenclature path: heading > … > line name. */
  readonly path: string;
  /** Key phrases of the query found in this candidate's nomenclature text, longest first. */
  readonly matched: string[];
  /** Past decisions with this code (or its subheading) that resemble the query: label, similarity. */
  readonly decisions: string[];
}

/**
 * Weights of the fused score. The nomenclature terms count once each (not tuned: the ablation on the 20 rulings moved
 * no figure beyond ±1 ruling). `namedLine`, `decisions` and `minDecisionSimilarity` were chosen by looking at the
 * 20 rulings (leave-one-out) and the 20 questions written from them: see bench/RESULTS.md, section hs-code.
 * `bmHeadingFocus`, `namedInQuery` and `worked` were chosen on the 65 held-out items of bench/data/hs-dev-items.csv
 * (written from the tariff, not from the rulings), before the 20 rulings were measured once.
 */
export const FUSION = {
  /** The nomenclature terms: TF-IDF cosine and BM25 at the heading, subheading, line name and whole line. */
  terms: { cos4: 1, bm4: 1, cos6: 1, bm6: 1, cos10: 1, cosLine: 1, bmLine: 1, cosName: 1, bmHeadingFocus: 1 },
  /**
   * Term weights that replace `terms` for an item given by its name alone (no description): a heading's title
   * words mislead a short name ("냉동 새우" matched the title 냉동 과실 before the crustaceans' heading, whose lines
   * say 새우). Chosen on the names alone of the three held-out sets (bench/RESULTS.md, hs-code, sixth round).
   */
  bareName: { cos4: 0, bm4: 0, bmHeadingFocus: 2 } as Partial<Record<'cos4' | 'bm4' | 'bmHeadingFocus', number>>,
  /**
   * The glossary's weight for a bare name, times `glossary`: a name alone says how the goods are called, which the
   * glossary knows and the tariff's words often do not. Chosen on the names alone of held-out sets 1–3 (1: 65/78/29 %
   * top-1 HS6, 2: 71/85/25 %, 3: 71/88/21 %).
   */
  bareGlossary: 2,
  /** Everyday names get the tariff's words for them (_hs-aliases.ts); off only to measure without (HS_ALIASES=0). */
  aliases: true,
  /** Fibres' trade names get the tariff's words for their kind (울 → 양모, 폴리에스테르 → 합성섬유; _hs-aliases.ts). */
  fibres: true,
  /**
   * The glossary of declared names (_hs-glossary.ts): TF-IDF cosine of what the item is (its name and the head of
   * its description; `text4`: its whole text) against each heading's and subheading's names, counted in full from
   * cosine `full` up, and a bonus when a name is spelled out in what the item is (times min(1, length / 4), a Hangul
   * syllable counting two letters). Chosen on held-out sets 1–3 (bench/RESULTS.md, hs-code, seventh round): cosine
   * rather than relative BM25, so that a weak best match stays weak.
   */
  glossary: { focus4: 1, text4: 0, focus6: 1, named4: 2, named6: 1, full: 0.3 },
  /** Added to a line whose distinctive name the query spells out (times min(1, name length / 4)). */
  namedInQuery: 2,
  /** A line whose distinctive English name (whole stemmed words) the goods are called by goes first in its subheading. */
  englishNames: true,
  /** A line whose condition the goods meet (로봇형, 금으로 만든 것) goes first in its subheading. */
  conditions: true,
  /** So does a line whose glossary name (_hs-data/glossary-lines) is spelled in what the goods are. */
  lineNames: true,
  /**
   * A specific line whose own name is spelled in the item's words (every word of one of its alternatives: 프린터 of
   * 프린터의 것, dish of Bowls and dishes) keeps its line-level evidence; in a description written in Korean, one whose
   * name is not spelled yields to the residual line however close its cosine (삼륜자전거 for a mountain bike, 1-비닐-2-
   * 피롤리돈 for N-메틸-2-피롤리돈). Chosen on the tuning sets and the rulings (bench/RESULTS.md, hs-code, sixteenth
   * round).
   */
  ownNames: true,
  /**
   * And when it is the only specific line of its subheading whose own name is spelled, it goes first there (요소 비료
   * → 비료나 비료제조용, not 기타, whose cosine ties). Chosen on the tuning sets and the rulings (bench/RESULTS.md,
   * hs-code, eighteenth round).
   */
  ownFirst: true,
  /**
   * The other forms declarations use for the words of lines' and branches' names spell those words (LED for
   * 발광다이오드, 벽걸이형 for 벽형; _hs-data/tariff-synonyms). Chosen on the tuning sets and the rulings (bench/RESULTS.md,
   * hs-code, eighteenth round).
   */
  synonyms: true,
  /**
   * In a Korean description, a line under a branch whose name is not spelled in the item's words (the word it ends in:
   * 베이스 of 알코올을 함유하지 않은 음료의 베이스) yields in turn to the residual beside that branch: a vitamin tablet
   * is of 2106.90's 기타 > 기타 > 기타 > 기타, not of 음료의 베이스 > 기타. Chosen on the tuning sets and the rulings
   * (bench/RESULTS.md, hs-code, seventeenth round).
   */
  branches: true,
  /**
   * And a line under a residual branch (기타 > …) yields to the best line under a sibling branch the item names: a
   * laptop adapter is of 8504.40's 어댑터 > 자동자료처리기계…의 것, not of 기타 > 자동자료처리기계의 것, a solar inverter
   * of 인버터 > 기타, not of 기타 > 기타. Chosen on the tuning sets and the rulings, then measured on the independent
   * sets (bench/RESULTS.md, hs-code, eighteenth round).
   */
  namedSiblings: true,
  /** Goods said to be fitted in or part of a machine go to the line for machines of their subheading. */
  machineUse: true,
  /** A Latin head word names goods as a whole word or its plural (mat: mats, not materials). */
  latinWhole: true,
  /** Of the lines whose own names the item spells, the one it spells more words of goes first (볼트ㆍ너트 세트). */
  ownLongest: true,
  /**
   * The top three reach past one subheading (\`diverse\`): a line of another subheading takes a place among them when
   * it has at least this share of the weight of the line it displaces (above 1: off). Chosen among 0.1–0.5 on the tuning
   * sets and the independent sets' aggregates (bench/RESULTS.md, hs-code, nineteenth round); top-1 never moves.
   */
  diverse: 0.5,
  /** The 기타 beside a line whose limits the stated values meet gives that line what it was given. */
  limitGives: true,
  /** Goods the description calls a part of something (…에 쓰는 부분품으로) are read as named a part. */
  partsDescribed: true,
  /**
   * A part of general use (Section XV note 2, Section XVI note 1(g), Section XVII note 2: a spring, clamp, bushing or
   * gasket, _hs-materials.ts) made of a stated material goes to that material's articles (39.26, 40.16, 73.18/20/26,
   * 74.15/19, 76.16) when their best line has at least this share of the best line's score (0 turns it off).
   * Chosen on the tuning sets and the rulings (bench/RESULTS.md, hs-code, seventeenth round).
   */
  generalUse: 0.1,
  /**
   * A subheading whose distinguishing name (_hs-data/glossary-subheadings) is spelled in what the goods are goes first in
   * its heading (those names also count as the subheading's glossary names spelled out, not by n-gram cosine).
   */
  picks: true,
  /**
   * And so does a subheading one of whose national lines' declared names (_hs-data/glossary-lines) is spelled in what
   * the goods are (양문형 냉장고 names 8418.10-1030, so 8418.10 over 8418.21's household refrigerators). Chosen on the
   * tuning sets and the rulings, then measured on the independent sets (bench/RESULTS.md, hs-code, eighteenth round).
   */
  linePicks: true,
  /**
   * Score factor of a raw-food line (Ch. 2, 3, 7, 8) whose wording names only states (fresh, frozen, dried) the
   * item's description does not (_hs-rules.ts); 1 turns it off.
   */
  contradictedState: 0.3,
  /**
   * Score factor of a line requiring the opposite of what the item says: 합금강 vs 비합금강 (_hs-rules.ts), another
   * fabric, wearer or predominant textile material (_hs-textiles.ts), a property the description negates
   * (_hs-negation.ts), limits no stated value meets (_hs-quantities.ts), a flat-rolled heading the stated section
   * rules out, stainless against the other alloy steels, high speed steel not said and a bar's other stage of working
   * (_hs-steel.ts), 2710.19 for a light oil, rough stones for a cut one and the other propulsion of a motor vehicle
   * (_hs-rules.ts).
   */
  contradictedTerm: 0.3,
  /** Score factors from the chapter notes on worked goods (_hs-rules.ts): headings gone beyond, and where to. */
  worked: { beyond: 0.5, towards: 1.5 },
  /** Each decision term (HS4 centroid, HS6 centroid, nearest decision at HS10), times its cosine. */
  decisions: 8,
  /**
   * A close decision outweighs the nomenclature. Closeness = the nearest decision's cosine over the best tariff
   * line's cosine (above 1: the officer's decisions describe the item better than any tariff text does). The
   * decision terms are scaled by the closeness clamped to [lo, hi], and the classifier's prior is scaled by
   * 1 − classifierYield × (closeness − 1), clamped to 0–1 (gone from closeness 1.5): the prior says what such
   * words usually are, a close decision says what this item was. Chosen on the two dev sets with the 20 rulings
   * learned as decisions and on the questions written from the rulings (bench/RESULTS.md, hs-code, fourth round).
   */
  closeDecision: { lo: 0.5, hi: 2, classifierYield: 2 },
  /** A decision below this cosine says nothing about the query. */
  minDecisionSimilarity: 0.2,
  /**
   * A specific line whose own name has less TF-IDF cosine than this with the query, and is not spelled out in it,
   * yields to the residual line. Chosen on the 20 rulings (real rulings land on 기타 more often than goods written
   * from the tariff do: 0.1 gained dev sets 1–8 up to 10 points of top-1 HS10 and cost the rulings 15 points;
   * bench/RESULTS.md, hs-code, tenth round).
   */
  namedLine: 0.2,
  /**
   * The trained classifier (_hs-classifier.ts): added to every line of a heading, weight × its heading's (and
   * chapter's) probability relative to the best one. Chosen on bench/data/hs-dev-items.csv only.
   */
  classifier: { heading: 2, chapter: 0, log: false },
  /**
   * The item's English words matched as whole stemmed words against each line's WCO wording (_hs-english.ts): weight
   * × TF-IDF cosine, counted in full from cosine `full`.
   */
  english: { weight: 1, full: 0.6 },
  /**
   * What the item is called, the head of its name (_hs-head.ts: a "Hairpin stator assembly" is a stator): the
   * glossary's TF-IDF cosine with the heads at heading (`gl4`) and subheading (`gl6`), counted from cosine `floor`
   * (a brand name shares a few n-grams with anything) to `glossary.full`; a glossary name that ends a head (`named4`,
   * `named6`, times min(1, length / 4)); and the score factor `unknown` of headings with no name containing the
   * first head's last word, when at most `maxNaming` headings have one. Chosen on held-out sets 1–3 and 5–8 (the
   * misses of set 8 read), then measured on set 9 (bench/RESULTS.md, hs-code, tenth round).
   */
  head: { gl4: 2, gl6: 1, named4: 3, named6: 1, floor: 0.2, unknown: 0.7, maxNaming: 25 },
  /**
   * What the goods are made of: score factors of the headings of base metals' forms (ingots, bars, wire, plates, foil,
   * tubes) for goods whose name ends in an article (`form`, _hs-metal-forms.ts), and of the chapters of one material
   * (plastics, rubber, wood, paper, ceramics, glass, base metals) for goods whose description names materials, none
   * of that chapter's (`other`, _hs-materials.ts). A half, not tuned: on held-out sets 1–3 and 5–8 `form` gained one
   * item and `other` changed no first suggestion (at 30 % it lost one of set 9; bench/RESULTS.md, hs-code, eleventh
   * round).
   */
  materials: { form: 0.5, other: 0.5 },
  /** Softmax temperature turning fused scores (0–8+) into the 0–1 confidence. */
  temperature: 0.5,
};

const NGRAM = { min: 2, max: 4 } as const;

/**
 * Headings of parts only, with the headings whose parts they hold (their titles; Section XVI note 2, Section XVII
 * note 3): never those goods whole.
 */
const PARTS_OF = new Map<string, ReadonlyArray<readonly [string, string]>>([
  ['8409', [['8407', '8408']]],
  ['8431', [['8425', '8430']]],
  ['8466', [['8456', '8465']]],
  ['8473', [['8470', '8472']]],
  ['8503', [['8501', '8502']]],
  ['8522', [['8519', '8521']]],
  ['8529', [['8524', '8528']]],
  ['8538', [['8535', '8537']]],
  ['8607', [['8601', '8606']]],
  ['8708', [['8701', '8705']]],
  ['8714', [['8711', '8713']]],
  [
    '8807',
    [
      ['8801', '8802'],
      ['8806', '8806'],
    ],
  ],
  ['9209', [['9201', '9208']]],
  ['9305', [['9301', '9304']]],
]);
const PARTS_ONLY_HEADINGS = new Set(PARTS_OF.keys());

/** A name saying the goods are a part or an accessory of something (Parts of bicycles, 자전거 부분품). */
const NAMED_A_PART = /부분품|부품|부속품|\bparts?\b|\baccessor(?:y|ies)\b/iu;

/** A head word saying only that the goods are a part. */
const PART_WORD = /^(?:부분품|부품|부속품|parts?|accessor(?:y|ies))$/u;

/** Words that name no goods of a heading of their own: how goods are put together (조립품, module), or any machine. */
const GENERIC_GOODS =
  /^(?:조립품|조립체|어셈블리|모듈|유닛|세트|키트|장치|기기|기계|설비|시스템|assembl(?:y|ies)|assy|modules?|units?|sets?|kits?|devices?|machines?|equipment|systems?)$/u;

/** After a Korean name: its end, a list's separator or conjunction (엔진과, 엔진ㆍ모터, 엔진 또는). */
const KOREAN_HEAD_END = /^\s*(?:$|[,ㆍ·;:/]|(?:와|과|이나|나|및|또는|등)(?:\s|$))/u;
/** After a Latin word (its plural ending may be cut): its end, a list's separator or conjunction. */
const LATIN_HEAD_END = /^(?:e?s)?\s*(?:$|[,;:/]|(?:and|or|etc)\b)/u;
const CONFIDENCE_POOL = 10;
/** A branch or line of goods for machines, in the general-use subheadings and 42.05. */
const MACHINE_USE = /^기계용(?:의 것|의 부분품|이나 그 밖의 공업용에 사용하는)/u;

/** A description saying the goods are a part of something: …의 부분품으로, …에 쓰는 부품임. */
const DESCRIBED_A_PART = /(?:[가-힣]의|용|쓰는|사용되는|사용하는)\s*(?:부분품|부품)(?:으로서|으로|임|이다|이며|이고)/u;

/** The subheadings of other articles where parts of general use go (not 39.26's apparel or 40.16's floor coverings). */
const GENERAL_USE_SUBHEADING = /^(?:392690|40169[1-9]|7318|7320|73262|73269|7415|7419|76169)/u;

/**
 * Puts line `l` first among `lines` (its subheading's or its heading's): it trades scores with the best of them, so
 * the best score there stays what it was; not when it has less than half of it (the name is weak against the rest).
 */
function putFirst(lineScore: Float64Array, l: number, lines: readonly number[]): void {
  let best = l;
  for (const other of lines) if (lineScore[other]! > lineScore[best]!) best = other;
  if (best !== l && lineScore[l]! >= 0.5 * lineScore[best]!)
    [lineScore[l], lineScore[best]] = [lineScore[best]!, lineScore[l]!];
}

/**
 * The names that may end a head, spaces removed: each ending of a Korean compound (전원어댑터, 원어댑터, 어댑터, …, of
 * two letters or more), and of Latin words only those that start a word (stator ends "hairpin stator"; tator does
 * not).
 */
function headEndings(head: string): string[] {
  const compact = head.replace(/ /gu, '');
  const wordStarts = new Set<number>();
  let letters = 0;
  for (const word of head.split(' ')) {
    wordStarts.add(letters);
    letters += word.length;
  }
  const out: string[] = [];
  for (let at = 0; at <= compact.length - 2; at++) {
    const ending = compact.slice(at);
    if (!/[a-z]/u.test(ending) || wordStarts.has(at)) out.push(ending);
  }
  return out;
}

/**
 * Adds `w` × a cosine to each code, counted in full from `full` and not below `floor` (computed only when `w` is set).
 */
function addCosine(into: Float64Array, w: number, scores: () => Float64Array, full: number, floor = 0): void {
  if (w === 0) return;
  const s = scores();
  for (let j = 0; j < into.length; j++)
    into[j] = into[j]! + w * Math.min(1, Math.max(0, s[j]! - floor) / (full - floor));
}

/** Whether `name` (of `codes`) is spelled only inside a longer name, found too, of none of its codes. */
function subsumed(name: string, codes: readonly number[], found: readonly GlossaryName[]): boolean {
  return found.some(
    (f) => f.compact.length > name.length && f.compact.includes(name) && !f.codes.some((c) => codes.includes(c)),
  );
}

/** 기타 (other), but not the line it limits to something (기타(…로 한정한다)) nor the guitar (기타(guitar)). */
const isResidual = (name: string) =>
  /^(기타|그 밖의 것|그 밖의)\s*(\(|$)/u.test(name.trim()) && !/한정한다\)$|^기타\(guitars?\)$/u.test(name.trim());

/** Words of a line's own name that say nothing of what it holds. */
const NAME_FILLER =
  /^(?:과|와|의|나|조제|제조|및|이와|유사한|그|밖의|기타|것|등|또는|이나|것으로|한정한다|제외한다|포함한다|상관없다|형태|모양)$/u;

/**
 * The words of a line's own name that say what it holds, as alternatives each of whose words must be spelled (공기,
 * 대접과 접시 → 공기 | 대접 | 접시; 뱀 가죽으로 만든 것 → 뱀 가죽): compact, particles cut; none for a residual line.
 */
function ownNameWords(name: string): string[][] {
  // a name that sets limits (내경이 100밀리미터 이하인 것) is read by them, not by the word of what is measured
  if (isResidual(name) || limitsOf(name).length > 0) return [];
  // a limit in parentheses every alternative must meet too: 볼트ㆍ너트(세트로 된 것으로 한정한다)
  const required = name.match(LIMITED_TO)?.[1];
  const words = orAfterVowel(withoutParentheses(name))
    .replace(/(?:과|와|및)?\s*이와\s*유사한.*$/u, '')
    // products for a use are named by the use (어린이용 제품류: 어린이)
    .replace(/(?<=[가-힣]용)\s*제품류/gu, '')
    .split(/[,ㆍᆞ·]|(?<=[가-힣])\s*(?:과|와|이나)\s|\s및\s/u)
    // "그 공중합체" (its copolymers) names nothing by itself
    .filter((alternative) => !/^\s*그\s/u.test(alternative))
    .map((alternative) =>
      normalizeText(alternative)
        .split(/[\s-]+/u)
        // a verb's participle names by its stem (적층한 → 적층), other modifiers nothing
        .map((w) => (/^[가-힣]{2,}(?:한|된)$/u.test(w) ? w.slice(0, -1) : w))
        .filter((w) => !/(?:은|는|된|한|진|린|운|인|든)$/u.test(w))
        .map((w) => w.replace(/(?:으로|로|의|용|이|가|을|를|에|나)$/u, ''))
        .filter((w) => /^[가-힣]+$/u.test(w) && !NAME_FILLER.test(w)),
    )
    .filter((words) => words.some((w) => w.length >= 2));
  return required ? words.map((alternative) => [...new Set([...alternative, required])]) : words;
}

/** A parenthesis limiting a line to goods of one kind or use: (세트로 된 것으로 한정한다), (차량용으로 한정한다). */
const LIMITED_TO = /\(([가-힣]{2,})(?:(?:으로|로) 된 것|용|타입)으로 한정한다\)/u;

/**
 * 나 (or) after a syllable with no final consonant made a separator (비료나 비료제조용 → 비료 | 비료제조용), as 이나 is
 * after one; not 거나 of a verb, nor the 나 of 바나나.
 */
const orAfterVowel = (text: string) =>
  text.replace(/([가-힣])나\s/gu, (both, before: string) =>
    (before.charCodeAt(0) - 0xac00) % 28 === 0 && !/[이거나]/u.test(before) ? `${before}ㆍ` : both,
  );

/** The same for a line's English name (Bowls and dishes → bowl | dish), as stemmed words. */
function ownEnglishWords(nameEn: string, name: string): string[][] {
  if (isResidual(name) || /^other\b/iu.test(nameEn.trim())) return [];
  return withoutParentheses(nameEn.replace(/ⓚ/gu, ''))
    .split(/,|;|\band\b|\bor\b/iu)
    .map((alternative) => englishTerms(joinHyphens(alternative)).split(' ').filter(Boolean))
    .filter((words) => words.length > 0 && !words.includes('similar'));
}

/**
 * Per line of `n`: whether every word of one of its own name's alternatives is spelled in `words` (Korean at a word's
 * start, `found` by `ownWordsAtWordStarts`; English as a phrase of stemmed words), false when none is, null when its
 * name has no words to read.
 */
function ownNameSpelled(
  n: HsNomenclatureIndex,
  words: string,
  found: ReadonlySet<string>,
): (line: number) => boolean | null {
  const terms = /[a-z]/iu.test(words) ? englishTerms(joinHyphens(words)) : '';
  const said = new Set(terms.split(' '));
  const english = ` ${terms} `;
  return (l) => {
    const ko = n.lineOwnWords[l]!;
    const en = n.lineOwnEnglish[l]!;
    if (ko.length === 0 && en.length === 0) return null;
    return (
      ko.some((alternative) => alternative.every((w) => found.has(w))) ||
      en.some((alternative) => said.has(alternative[0]!) && english.includes(` ${alternative.join(' ')} `))
    );
  };
}

/**
 * The item's own words (name and description), without the materials the goods were obtained from and what the goods
 * are said not to be (통조림 등 밀폐용기에 넣은 것은 아님), and without the everyday-name lexicon's tariff words (a
 * jacket's aliases name overcoats).
 */
const itemWordsOf = (query: HsQuery) => withoutNegated(withoutSources(`${query.name}\n${query.description ?? ''}`));

const NEGATING = /아님|아닌|아니며|아니고|않은|않음|않고|않으며|않았|없는|없음|없이/gu;

/** Each clause (between , . ; and brackets) from its last negation on: what precedes it is what the goods are not. */
function withoutNegated(text: string): string {
  return text
    .split(/([,.;\n()[\]])/u)
    .map((clause) => {
      let end = -1;
      for (const m of clause.matchAll(NEGATING)) end = m.index + m[0].length;
      return end < 0 ? clause : ` ${clause.slice(end)}`;
    })
    .join('');
}

/** A value quoted in a note, cut to a glance (a pasted 300-digit number is not shown whole). */
const short = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);

/** Divides every score by the best one (all 0 when nothing matched). */
function relative(scores: Float64Array): Float64Array {
  let max = 0;
  for (const v of scores) max = Math.max(max, v);
  return max > 0 ? scores.map((v) => v / max) : scores;
}

/** A line's path below its heading, its own name last: [subheading's words …, name]. */
const segmentsOf = (lines: HsNomenclature['lines'], paths: HsNomenclature['paths'], i: number) =>
  `${paths[lines[i]![2]] ?? ''} > ${lines[i]![1]}`.split(' > ').slice(1);

/** A path segment limited to goods put up for retail sale (not "소매용인지에 상관없다", not "소매용은 제외한다"). */
const RETAIL_ONLY = (segment: string) => /소매용/u.test(segment) && !/상관없|제외|아닌/u.test(segment);

/** Per line, a line of the retail-only sibling its residual branch stands beside (`lineRetailResidual`), else −1. */
function retailResiduals(segments: readonly (readonly string[])[], linesOf4: readonly number[][]): Int32Array {
  const out = new Int32Array(segments.length).fill(-1);
  for (const own of linesOf4) {
    const segs = own.map((i) => segments[i]!);
    own.forEach((retail, a) => {
      const d = segs[a]!.findIndex(RETAIL_ONLY);
      if (d < 0) return;
      const prefix = segs[a]!.slice(0, d).join(' > ');
      own.forEach((i, b) => {
        const other = segs[b]!;
        if (other.length > d && other.slice(0, d).join(' > ') === prefix && isResidual(other[d]!)) out[i] = retail;
      });
    });
  }
  return out;
}

/**
 * Per residual line, the limits its sibling branches set on a measured value (8482.10: 내경이 100밀리미터 이하인 것
 * beside 기타); goods within one of them are not of the residual line. Only siblings whose own wording is the limit
 * alone (…이하인 것), so that no other condition of theirs goes unread.
 */
function limitResiduals(
  segments: readonly (readonly string[])[],
  linesOf4: readonly number[][],
): Array<Limit[][] | null> {
  const out: Array<Limit[][] | null> = segments.map(() => null);
  for (const own of linesOf4) {
    const segs = own.map((i) => segments[i]!);
    // the branches under each parent (its path of segments), once each
    const branches = new Map<string, Set<string>>();
    for (const seg of segs)
      for (let d = 0; d < seg.length; d++) {
        const key = seg.slice(0, d).join(' > ');
        branches.set(key, (branches.get(key) ?? new Set()).add(seg[d]!));
      }
    own.forEach((i, a) => {
      const d = segs[a]!.length - 1;
      if (!isResidual(segs[a]![d]!)) return;
      const limits: Limit[][] = [];
      for (const branch of branches.get(segs[a]!.slice(0, d).join(' > ')) ?? []) {
        if (!limitAlone(branch)) continue;
        const l = limitsOf(branch);
        if (l.length > 0) limits.push(l);
      }
      if (limits.length > 0) out[i] = limits;
    });
  }
  return out;
}

/**
 * A branch named by a limit alone ("내경이 100밀리미터 이하인 것", "두께가 9밀리미터를 초과하는 것", "수분흡수계수가
 * 100분의 0.5 초과 100분의 3 이하인 것"): without its bounds, at most the two words that say what is measured.
 */
const limitAlone = (segment: string) =>
  !/[([]/u.test(segment) &&
  segment
    .replace(/(?:100분의\s*)?[\d.,]+\s*[가-힣%]*?\s*(?:을|를)?\s*(?:이하|미만|초과|이상)(?:하는|인|이고|이며)?/gu, ' ')
    .replace(/전\s*중량의|중량기준으로|것$/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter(Boolean).length <= 2;

/**
 * Per branch point of a subheading (the path of segments above it), the shortest residual path below it (기타,
 * 기타 > 기타 …): the residual line that stands beside whatever branches from there.
 */
function residualsBelow(own: readonly number[], segs: readonly (readonly string[])[]): Map<string, number> {
  const at = new Map<string, { line: number; depth: number }>();
  own.forEach((r, b) => {
    const s = segs[b]!;
    for (let d = s.length - 1; d >= 0 && isResidual(s[d]!); d--) {
      const key = s.slice(0, d).join(' > ');
      const known = at.get(key);
      if (!known || s.length < known.depth) at.set(key, { line: r, depth: s.length });
    }
  });
  return new Map([...at].map(([key, { line }]) => [key, line]));
}

/**
 * Per line, the residual line under the same parent as it: its path with only residual segments (기타, 기타 > 기타)
 * after the line's parent, the shortest such; else −1.
 */
function residualSiblings(segments: readonly (readonly string[])[], linesOf6: readonly number[][]): Int32Array {
  const out = new Int32Array(segments.length).fill(-1);
  for (const own of linesOf6) {
    const segs = own.map((i) => segments[i]!);
    const below = residualsBelow(own, segs);
    own.forEach((l, a) => {
      if (!isResidual(segs[a]!.at(-1)!)) out[l] = below.get(segs[a]!.slice(0, -1).join(' > ')) ?? -1;
    });
  }
  return out;
}

/**
 * Per line, the branches above it within its subheading that name goods (음료의 베이스 above 콜라 베이스 and its 기타;
 * not a residual, not a condition such as 신선ㆍ냉장하거나 건조한 것 or 기계용의 것, which the rules of states and
 * conditions read), outermost first: the word each of its alternatives ends in (what a Korean name names; a class of
 * goods by its goods, 홍삼제품류 → 홍삼), and the residual line beside it (기타, 기타 > 기타), else −1.
 */
function branchesAbove(
  segments: readonly (readonly string[])[],
  linesOf6: readonly number[][],
): Array<Array<{ heads: string[]; residual: number; depth: number }>> {
  const out: Array<Array<{ heads: string[]; residual: number; depth: number }>> = segments.map(() => []);
  // a branch's words, read once (each of its lines repeats it)
  const headsBySegment = new Map<string, string[]>();
  const branchHeads = (segment: string) => {
    let heads = headsBySegment.get(segment);
    if (!heads) {
      heads =
        isResidual(segment) || /것$/u.test(withoutParentheses(segment).trim())
          ? []
          : ownNameWords(segment).map((alternative) => {
              const last = alternative[alternative.length - 1]!;
              return /^[가-힣]{2,}(?:제품류|제품|류)$/u.test(last) ? last.replace(/(?:제품류|제품|류)$/u, '') : last;
            });
      headsBySegment.set(segment, heads);
    }
    return heads;
  };
  for (const own of linesOf6) {
    const segs = own.map((i) => segments[i]!);
    const below = residualsBelow(own, segs);
    own.forEach((l, a) => {
      const path = segs[a]!;
      for (let d = 0; d < path.length - 1; d++) {
        const heads = branchHeads(path[d]!);
        if (heads.length > 0)
          out[l]!.push({ heads, residual: below.get(path.slice(0, d).join(' > ')) ?? -1, depth: d });
      }
    });
  }
  return out;
}

/**
 * Line names that say what the goods are (치약, 보건용 마스크, 김치): without parentheses, not a residual or a
 * "…한 것" condition, at most two lines so named (a name shared by many lines, like 신차 or 부분품, says little).
 */
function distinctiveNames(lines: HsNomenclature['lines']): Array<{ text: string; lines: number[] }> {
  const byName = new Map<string, number[]>();
  lines.forEach(([, name], i) => {
    const text = normalizeText(withoutParentheses(name));
    if (text.length < 2 || /것$|^기타|^그 밖의/u.test(text) || isResidual(name)) return;
    byName.set(text, [...(byName.get(text) ?? []), i]);
  });
  return [...byName].filter(([, l]) => fewSubheadings(lines, l)).map(([text, l]) => ({ text, lines: l }));
}

/**
 * A name says what the goods are when its lines fall in at most two subheadings (티셔츠 under cotton and under other
 * materials); a name in many, like 신차 or 부분품, says little.
 */
const fewSubheadings = (lines: HsNomenclature['lines'], named: readonly number[]) =>
  new Set(named.map((i) => lines[i]![0].slice(0, 6))).size <= 2;

const withoutParentheses = (name: string) => {
  let core = name;
  for (let k = 0; k < 3; k++) core = core.replace(/[(（[][^()（）[\]]*[)）\]]/gu, ' ');
  return core;
};

/**
 * The same for the lines' English names, as stemmed words (Ramen, Kim-chi, T-shirts, Micrometers, Ball screws):
 * items are often declared in English, which no Korean name spells. Names of at most four words that name goods, not
 * a condition (Of gold, For household type, Dried, Other).
 */
function distinctiveEnglishNames(lines: HsNomenclature['lines']): Array<{ terms: string; lines: number[] }> {
  const byName = new Map<string, number[]>();
  lines.forEach(([, name, , nameEn], i) => {
    const plain = withoutParentheses(nameEn.replace(/ⓚ/gu, '')).trim();
    if (isResidual(name) || CONDITION.test(plain)) return;
    const terms = englishTerms(joinHyphens(plain));
    const count = terms ? terms.split(' ').length : 0;
    if (count === 0 || count > 4 || terms.length < 4) return;
    byName.set(terms, [...(byName.get(terms) ?? []), i]);
  });
  return [...byName].filter(([, l]) => fewSubheadings(lines, l)).map(([terms, l]) => ({ terms, lines: l }));
}

/**
 * Line names that are a condition on the goods (금으로 만든 것, 로봇형, 가정형, 액정디스플레이 방식, 항공기용): the word
 * the condition turns on, spaces removed, with its lines. Single syllables only for precious metals (면 begins 면도기).
 */
function conditionNames(
  lines: HsNomenclature['lines'],
): Array<{ core: string; material: boolean; english: boolean; lines: number[] }> {
  const byCore = new Map<string, number[]>();
  lines.forEach(([, name, , nameEn], i) => {
    if (isResidual(name)) return;
    // Of gold, Of robot type, Of carbon: the English words it turns on
    const of = withoutParentheses(nameEn)
      .trim()
      .match(/^of (.+?)(?: type)?$/iu)?.[1];
    const terms = of ? englishTerms(joinHyphens(of)) : '';
    if (terms && terms.split(' ').length <= 2) byCore.set(`${terms}|0|1`, [...(byCore.get(`${terms}|0|1`) ?? []), i]);
    const m = normalizeText(withoutParentheses(name)).match(CONDITION_NAME);
    const core = m?.[1]?.trim();
    if (!core || /^(그 밖의|기타)|제\s?\d|\d/u.test(core) || core.split(' ').length > 2) return;
    const compact = core.replace(/ /gu, '');
    if (compact.length < 2 && !PRECIOUS.has(compact)) return;
    const key = `${compact}|${m![2] ? 1 : 0}|0`;
    byCore.set(key, [...(byCore.get(key) ?? []), i]);
  });
  return [...byCore].map(([key, l]) => {
    const [core, material, english] = key.split('|');
    return { core: core!, material: material === '1', english: english === '1', lines: l };
  });
}

/** T-shirt → Tshirt, Kim-chi → Kimchi: one word, as the tariff's English and declarations write them either way. */
const joinHyphens = (text: string) => text.replace(/\b([a-z]+)-([a-z]+)\b/giu, '$1$2');

const CONDITION_NAME = /^(.+?)(?:((?:으로|로) 만든 것)|형의 것|형|식의 것| 방식의 것| 방식| 구조의 것|용의 것|용)$/u;
const PRECIOUS = new Set(['금', '은']);

/** The glossary's names of national lines (_hs-data/glossary-lines) as compact keys, each of few subheadings. */
function glossaryLineNames(
  glossary: HsGlossary | null,
  lineOf: ReadonlyMap<string, number>,
  lines: HsNomenclature['lines'],
): GlossaryName[] {
  const named = new Map([...lineOf].filter(([, i]) => !isResidual(lines[i]![1])));
  return glossaryNames(glossary?.lines ?? new Map(), named, Number.POSITIVE_INFINITY).filter((g) =>
    fewSubheadings(lines, g.codes),
  );
}

/** Two glossaries' names per code, together. */
function mergeNames(
  a: ReadonlyMap<string, readonly string[]>,
  b: ReadonlyMap<string, readonly string[]> | undefined,
): ReadonlyMap<string, readonly string[]> {
  if (!b) return a;
  const merged = new Map(a);
  for (const [code, names] of b) merged.set(code, [...(merged.get(code) ?? []), ...names]);
  return merged;
}

/** English line names that state a condition on the goods rather than name them. */
const CONDITION =
  /^(other|of|for|in|on|with|without|not|new|used|containing|exceeding|weighing|having|put up|whether|n\.e\.c|dried|fresh|frozen|chilled|live|whole|cut|parts|accessories)\b/iu;

/** The nomenclature's indexes, built once per process (≈ 3 s CPU) and shared by every model and run. */
export class HsNomenclatureIndex {
  readonly hs4: string[];
  readonly hs6: string[];
  readonly index4: Bm25Index;
  readonly index6: Bm25Index;
  readonly index10: Bm25Index;
  readonly indexLine: Bm25Index;
  /** Each heading with everything under it: the union of its lines' whole texts (names, paths, English). */
  readonly index4all: Bm25Index;
  /** Per line: its heading's and subheading's position in hs4 / hs6. */
  readonly line4: Int32Array;
  readonly line6: Int32Array;
  readonly linesOf6: number[][];
  /** Per heading (its position in hs4), its lines. */
  readonly linesOf4: number[][];
  readonly residual: Uint8Array;
  /** Per line, the words of its own name as alternatives (`ownNameWords`), and of its English name. */
  readonly lineOwnWords: string[][][];
  readonly lineOwnEnglish: string[][][];
  /** Per line, the residual line (기타, or 기타 > 기타) under the same parent as it, else −1. */
  readonly residualOf: Int32Array;
  /** Per line, the named branches above it in its subheading, outermost first (`branchesAbove`). */
  readonly lineBranches: Array<Array<{ readonly heads: string[]; readonly residual: number; readonly depth: number }>>;
  /** Per line, its path below the heading, its own name last (`segmentsOf`). */
  readonly lineSegments: readonly (readonly string[])[];
  /**
   * For a line under the residual sibling (기타) of a subheading limited to goods put up for retail sale (3506.10's
   * 소매용으로 한 글루, 1901.10, 2309.10): a line of that retail subheading, whose limits (1 kg) the goods must meet
   * too; −1 otherwise.
   */
  readonly lineRetailResidual: Int32Array;
  /** Per residual line, its sibling branches' limits (`limitResiduals`), else null. */
  readonly lineLimitResidual: Array<Limit[][] | null>;
  /** 1 for a line of a heading's parts (부분품, under the heading's own goods). */
  readonly partsLine: Uint8Array;
  /** 1 for a line of goods for machines (39.26.90-1000 기계용의 부분품, 40.16.99's 기계용의 것). */
  readonly machineLine: Uint8Array;
  readonly lineOf: Map<string, number>;
  /** Distinctive line names (their words, normalised): a line named word for word in the query is strong evidence. */
  readonly names: Array<{ readonly text: string; readonly lines: number[] }>;
  /** Distinctive English line names, as stemmed words (`englishTerms`). */
  readonly englishNames: Array<{ readonly terms: string; readonly lines: number[] }>;
  /** Names that tell a subheading from its siblings, normalised without spaces, with their subheadings (hs6). */
  readonly pickNames: GlossaryName[];
  /** The glossary's names of national lines, normalised without spaces, with their (non-residual) lines. */
  readonly lineNames: GlossaryName[];
  /** Lines whose name is a condition (금으로 만든 것, 로봇형): the word it turns on, spaces removed. */
  readonly conditions: Array<{
    readonly core: string;
    readonly material: boolean;
    readonly english: boolean;
    readonly lines: number[];
  }>;
  /** Per line of Ch. 2, 3, 7, 8: the states of the goods (fresh, frozen, dried) its wording names (0 elsewhere). */
  readonly lineStates: Uint8Array;
  /** Per line: which of the tariff's negatable properties (합금강, 텍스처드…) its wording names or negates. */
  readonly linePolarities: Uint32Array;
  /** Per line of clothing (Ch. 61, 62): who it is for (wearersOf: 1 men, 2 women; 0 elsewhere or unsaid). */
  readonly lineWearers: Uint8Array;
  /** Per line, its own wording, lowercase (name, subheadings, English; not the heading's): what it affirms. */
  readonly lineWording: string[];
  /** Per line: 1 when its own wording holds uncooked goods only (19.02.11 조리하지 않은 파스타). */
  readonly lineUncooked: Uint8Array;
  /** Per line: 1 when its own name is for high speed steel (_hs-steel.ts). */
  readonly lineHighSpeed: Uint8Array;
  /** Per line: 1 when it holds rough stones only (단순히 톱질한 것, _hs-rules.ts). */
  readonly lineRough: Uint8Array;
  /** Per line of a motor vehicle: the propulsion it is for (hybrid or electric only), else null (_hs-rules.ts). */
  readonly linePropulsion: Array<'electric' | 'hybrid' | null>;
  /** Per line: a bar's stage of working, forged (1), hot-rolled (2) or cold-formed (3) only, else 0 (_hs-steel.ts). */
  readonly lineBarStage: Uint8Array;
  /** Per line, the limits its own wording sets on a measured value (출력이 750와트 이하), or null. */
  readonly lineLimits: Array<readonly Limit[] | null>;
  /** Per line named by its limits alone (출력이 100와트 이하인 것), those limits, or null. */
  readonly lineOwnLimits: Array<readonly Limit[] | null>;
  /** Per line of Section XI, the textile materials its wording names (FIBRE bits of _hs-textiles.ts). */
  readonly lineFibres: Uint8Array;
  /** Each line's English wording (heading, subheading, own name) as stemmed whole words. */
  readonly englishLines: Bm25Index;
  /** Per heading of parts only (its index in hs4), the headings whose parts it holds. */
  readonly partsHeadings: ReadonlyArray<readonly [number, readonly number[]]>;

  /** The glossary's names per heading (hs4) and subheading (hs6), for n-gram matching; null without a glossary. */
  readonly glossary4: Bm25Index | null = null;
  readonly glossary6: Bm25Index | null = null;
  /** The glossary's names as exact-match keys, pointing into hs4 and hs6. */
  readonly glossaryNames4: readonly GlossaryName[] = [];
  readonly glossaryNames6: readonly GlossaryName[] = [];
  /** The same names as keys: name → positions of its codes. */
  readonly glossaryNameCodes4: ReadonlyMap<string, number[]> = new Map();
  readonly glossaryNameCodes6: ReadonlyMap<string, number[]> = new Map();

  private vocabulary: { text: string; starts: number[] } | null = null;
  private headNames: string[][] | null = null;
  private glossaryEntries: HsGlossary | null = null;

  /** Per heading of hs4: its position among the classifier's headings (−1 when the classifier does not know it). */
  private readonly classifierHeading: Int32Array;
  private readonly classifierChapter: Int32Array;

  private ownWordIndex: Map<string, string[]> | null = null;
  /** Per first two letters of a form (spaces removed): the forms declarations use for an own word, and that word. */
  private synonymIndex: Map<string, Array<{ form: string; word: string; latin: boolean }>> | null = null;

  /**
   * The words of the lines' own names (`lineOwnWords`) and branches that begin a word of `text` (spaces removed, as
   * beginsAWord), or whose other form does (_hs-data/tariff-synonyms: LED for 발광다이오드; a form in Latin letters as
   * whole words).
   */
  ownWordsAtWordStarts(text: string): Set<string> {
    if (!this.ownWordIndex) {
      const index = new Map<string, string[]>();
      const distinct = new Set([
        ...this.lineOwnWords.flat(2),
        ...this.lineBranches.flatMap((branches) => branches.flatMap((b) => b.heads)),
      ]);
      for (const w of distinct) {
        const key = w.slice(0, 2);
        const list = index.get(key);
        if (list) list.push(w);
        else index.set(key, [w]);
      }
      this.ownWordIndex = index;
      const synonyms = new Map<string, Array<{ form: string; word: string; latin: boolean }>>();
      for (const [word, forms] of this.glossaryEntries?.synonyms ?? []) {
        if (!distinct.has(word)) continue;
        for (const name of forms) {
          const form = normalizeText(name).replace(/ /gu, '');
          if (form.length < 2) continue;
          const key = form.slice(0, 2);
          synonyms.set(key, [...(synonyms.get(key) ?? []), { form, word, latin: /[a-z0-9]$/u.test(form) }]);
        }
      }
      this.synonymIndex = synonyms;
    }
    const words = normalizeText(text).split(' ');
    const compact = words.join('');
    const found = new Set<string>();
    let at = 0;
    // where each word starts in `compact`, so that a Latin form ends where a word does
    const starts = new Set<number>();
    for (const word of words) {
      starts.add(at);
      at += word.length;
    }
    starts.add(compact.length);
    // LED ends a word in "LED 조명" and in "LED조명", not in "ledger"
    const wordEnds = (end: number) => starts.has(end) || !/[a-z0-9]/u.test(compact[end]!);
    for (const at of starts) {
      for (const key of [compact.slice(at, at + 2), compact.slice(at, at + 1)])
        for (const w of this.ownWordIndex.get(key) ?? []) if (compact.startsWith(w, at)) found.add(w);
      if (FUSION.synonyms)
        for (const { form, word, latin } of this.synonymIndex?.get(compact.slice(at, at + 2)) ?? [])
          if (compact.startsWith(form, at) && (!latin || wordEnds(at + form.length))) found.add(word);
    }
    return found;
  }

  constructor(
    readonly nomenclature: HsNomenclature,
    readonly classifier: HsClassifier | null = null,
    glossary: HsGlossary | null = null,
  ) {
    const { lines, paths, english } = nomenclature;
    const heading = new Map<string, string>();
    const sub = new Map<string, Set<string>>();
    for (const [hs10, , p] of lines) {
      const parts = (paths[p] ?? '').split(' > ');
      const h4 = hs10.slice(0, 4);
      if (!heading.has(h4)) heading.set(h4, parts[0] ?? '');
      const s = sub.get(hs10.slice(0, 6)) ?? new Set<string>();
      for (const part of parts.slice(1)) s.add(part);
      sub.set(hs10.slice(0, 6), s);
    }
    this.hs4 = [...heading.keys()];
    this.hs6 = [...sub.keys()];
    const at4 = new Map(this.hs4.map((c, i) => [c, i]));
    const at6 = new Map(this.hs6.map((c, i) => [c, i]));
    this.line4 = Int32Array.from(lines, ([hs10]) => at4.get(hs10.slice(0, 4))!);
    this.line6 = Int32Array.from(lines, ([hs10]) => at6.get(hs10.slice(0, 6))!);
    this.linesOf6 = this.hs6.map(() => []);
    for (let i = 0; i < lines.length; i++) this.linesOf6[this.line6[i]!]!.push(i);
    this.linesOf4 = this.hs4.map(() => []);
    for (let i = 0; i < lines.length; i++) this.linesOf4[this.line4[i]!]!.push(i);
    this.residual = Uint8Array.from(lines, ([, name]) => (isResidual(name) ? 1 : 0));
    this.lineOwnWords = lines.map(([, name]) => ownNameWords(name));
    this.lineOwnEnglish = lines.map(([, name, , nameEn]) => ownEnglishWords(nameEn, name));
    this.lineSegments = lines.map((_, i) => segmentsOf(lines, paths, i));
    this.lineRetailResidual = retailResiduals(this.lineSegments, this.linesOf4);
    this.lineLimitResidual = limitResiduals(this.lineSegments, this.linesOf4);
    this.residualOf = residualSiblings(this.lineSegments, this.linesOf6);
    this.lineBranches = branchesAbove(this.lineSegments, this.linesOf6);
    this.partsLine = Uint8Array.from(this.lineSegments, (segs) =>
      segs.some((part) => part.startsWith('부분품')) ? 1 : 0,
    );
    this.machineLine = Uint8Array.from(this.lineSegments, (segs) =>
      segs.some((part) => MACHINE_USE.test(part)) ? 1 : 0,
    );
    this.lineOf = new Map(lines.map(([hs10], i) => [hs10, i]));
    this.names = distinctiveNames(lines);
    this.englishNames = distinctiveEnglishNames(lines);
    this.conditions = conditionNames(lines);
    this.lineNames = glossaryLineNames(glossary, this.lineOf, lines);
    this.pickNames = glossaryNames(glossary?.picks ?? new Map(), new Map(this.hs6.map((c, i) => [c, i])));
    const en = (code: string) => english[code] ?? '';
    this.index4 = Bm25Index.build(
      this.hs4.map((c) => ({ id: c, text: `${heading.get(c)} ${en(c)}` })),
      NGRAM,
    );
    this.index6 = Bm25Index.build(
      this.hs6.map((c) => ({ id: c, text: `${[...sub.get(c)!].join(' ')} ${en(c)}` })),
      NGRAM,
    );
    this.index10 = Bm25Index.build(
      lines.map(([hs10, name, , nameEn]) => ({ id: hs10, text: `${name} ${nameEn}` })),
      NGRAM,
    );
    this.indexLine = Bm25Index.build(
      lines.map(([hs10, name, p, nameEn]) => ({
        id: hs10,
        text: '',
        parts: [name, paths[p] ?? '', nameEn, en(hs10.slice(0, 6)), en(hs10.slice(0, 4))],
      })),
      NGRAM,
    );
    this.englishLines = englishLineIndex(lines, english);
    this.partsHeadings = [...PARTS_OF].flatMap(([parts, wholes]) => {
      const at = this.hs4.indexOf(parts);
      const of = this.hs4.flatMap((h, j) => (wholes.some(([lo, hi]) => h >= lo && h <= hi) ? [j] : []));
      return at >= 0 ? [[at, of] as const] : [];
    });
    // What each line's wording says, read per part (name, path, English, heading's and subheading's English),
    // memoised (a path is shared by many lines), the parts' bits combined by OR; 0 outside `where`.
    const readLines = (read: (text: string) => number, where: (hs10: string) => boolean = () => true) => {
      const part = memoised(read);
      return lines.map(([hs10, name, p, nameEn]) =>
        where(hs10)
          ? part(name) | part(paths[p] ?? '') | part(nameEn) | part(en(hs10.slice(0, 4))) | part(en(hs10.slice(0, 6)))
          : 0,
      );
    };
    // a line's own wording (its name, the subheadings above it, their English), not its heading's: a heading names
    // what all its lines share, and its exclusions would read as the lines' properties
    this.lineWording = lines.map(([hs10, name, p, nameEn]) =>
      [name, ...(paths[p] ?? '').split(' > ').slice(1), nameEn, en(hs10.slice(0, 6))].join(' | ').toLowerCase(),
    );
    this.linePolarities = Uint32Array.from(readLines(polarities));
    this.lineWearers = Uint8Array.from(readLines(wearersOf, isClothing));
    this.lineStates = Uint8Array.from(readLines(statesOf, isStateChapter));
    this.lineFibres = Uint8Array.from(readLines(fibresNamed, isTextileChapter));
    otherMaterialsFibres(
      this.lineFibres,
      lines.map(([, name, p]) => [name, ...(paths[p] ?? '').split(' > ').slice(1)].join(' | ')),
      this.linesOf4,
    );
    this.lineUncooked = Uint8Array.from(this.lineWording, (w) => (uncookedOnly(w) ? 1 : 0));
    this.lineHighSpeed = Uint8Array.from(lines, ([, name]) => (isHighSpeedLine(name) ? 1 : 0));
    this.lineBarStage = Uint8Array.from(this.lineWording, barStageOf);
    this.lineRough = Uint8Array.from(this.lineWording, (w) => (roughOnly(w) ? 1 : 0));
    this.linePropulsion = lines.map(([hs10], i) => propulsionOfLine(hs10, this.lineWording[i]!));
    this.lineLimits = this.lineWording.map((w) => {
      const limits = limitsOf(w);
      return limits.length > 0 ? limits : null;
    });
    this.lineOwnLimits = this.lineSegments.map((segs) => {
      const own = segs.at(-1)!;
      const limits = limitAlone(own) ? limitsOf(own) : [];
      return limits.length > 0 ? limits : null;
    });
    // Headings as the union of their lines' whole texts, from indexLine's postings (no text cut again).
    this.index4all = this.indexLine.grouped(this.line4, this.hs4);
    const clfHeading = new Map((classifier?.headings ?? []).map((h, i) => [h, i]));
    const clfChapter = new Map((classifier?.chapters ?? []).map((c, i) => [c, i]));
    this.classifierHeading = Int32Array.from(this.hs4, (h) => clfHeading.get(h) ?? -1);
    this.classifierChapter = Int32Array.from(this.hs4, (h) => clfChapter.get(h.slice(0, 2)) ?? -1);
    if (glossary) {
      const namesOf = (entries: ReadonlyMap<string, readonly string[]>, codes: string[]) =>
        Bm25Index.build(
          codes.map((c) => ({ id: c, text: (entries.get(c) ?? []).join(' , ') })),
          NGRAM,
        );
      // English names count as the names a heading gives its goods (headingsNaming) and when spelled out, not by
      // n-gram cosine (in the cosine too they cost dev sets 2, 4 and 9 and probes 2 a heading or a subheading each);
      // a subheading's also name its heading's goods, as their writers did not repeat them at the heading
      const english6 = glossary.englishSubheadings;
      const english4 = new Map<string, readonly string[]>(glossary.englishHeadings ?? []);
      for (const [code, names] of english6 ?? []) {
        const h = code.slice(0, 4);
        english4.set(h, [...(english4.get(h) ?? []), ...names]);
      }
      const headings = mergeNames(glossary.headings, english4);
      const subheadings = mergeNames(glossary.subheadings, english6);
      this.glossaryEntries = { ...glossary, headings, subheadings };
      this.glossary4 = namesOf(glossary.headings, this.hs4);
      this.glossary6 = namesOf(glossary.subheadings, this.hs6);
      // the names of goods often put under another heading count when spelled out, as the picks below
      this.glossaryNames4 = glossaryNames(mergeNames(headings, glossary.confusions), at4);
      // the names that tell a subheading from its siblings count when spelled out, not by n-gram cosine: a
      // "공압식 진공청소기" shares too many n-grams with any 청소기
      this.glossaryNames6 = glossaryNames(mergeNames(subheadings, glossary.picks), at6);
      this.glossaryNameCodes4 = new Map(this.glossaryNames4.map((g) => [g.compact, g.codes]));
      this.glossaryNameCodes6 = new Map(this.glossaryNames6.map((g) => [g.compact, g.codes]));
    }
  }

  /**
   * Whether heading `j` gives its goods `word` as their name, not as what they belong to: in one of its names the
   * word ends the name or a name in a list (엔진과 모터, engines and motors). Names put what the goods serve first
   * (자전거 프레임 is a frame, engine crankshaft a crankshaft), so a bicycle is no goods of 87.14 for naming one.
   */
  namesAsHead(j: number, word: string): boolean {
    this.headNames ??= this.namesOfHeadings();
    const names = this.headNames;
    const ends = /[a-z]/u.test(word) ? LATIN_HEAD_END : KOREAN_HEAD_END;
    for (const name of names[j] ?? []) {
      for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1))
        if (ends.test(name.slice(at + word.length))) return true;
    }
    return false;
  }

  /** Per heading, every name it gives its goods, lowercase, without parentheses: glossary, title and lines' wording. */
  private namesOfHeadings(): string[][] {
    const g = this.glossaryEntries;
    const { lines, paths } = this.nomenclature;
    return this.hs4.map((h, j) => {
      const own = this.linesOf4[j]!;
      const title = (paths[lines[own[0]!]![2]] ?? '').split(' > ')[0]!;
      const sub = [...new Set(own.map((i) => this.hs6[this.line6[i]!]!))];
      const names = g ? [...(g.headings.get(h) ?? []), ...sub.flatMap((c) => g.subheadings.get(c) ?? [])] : [];
      const wording = own.flatMap((i) => this.lineWording[i]!.split(' | '));
      return [...new Set([title, ...names, ...wording])].map((name) =>
        name
          .normalize('NFKC')
          .toLowerCase()
          .replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ')
          .trim(),
      );
    });
  }

  /**
   * Goods named a part of something (Parts of bicycles, 노트북 부품): where a heading holds the parts of the headings
   * the head names (87.14 those of 87.11–87.13), the name counts for that heading, not for the whole goods'.
   */
  partsUnderTheirHeading(heading: Float64Array, unknown: Uint8Array): Float64Array | null {
    let factor: Float64Array | null = null;
    for (const [parts, wholes] of this.partsHeadings) {
      let named = 0;
      let known = false;
      for (const j of wholes) {
        named = Math.max(named, heading[j]!);
        if (unknown.length > 0 && unknown[j] === 0) known = true;
      }
      if (named === 0 && !known) continue;
      factor ??= new Float64Array(this.hs4.length).fill(1);
      for (const j of wholes) {
        heading[j] = 0;
        factor[j] = FUSION.worked.beyond;
      }
      heading[parts] = Math.max(heading[parts]!, named);
      factor[parts] = FUSION.worked.towards;
      if (known) unknown[parts] = 0;
    }
    return factor;
  }

  /**
   * The headings naming what a head word says the goods are (`headingsNaming`), and the form of the word looked up: a
   * Latin plural cut (stators → stator), a compound no heading names read by its endings (양수냄비 → 냄비), at most eight
   * syllables back (a pasted run of thousands is no word, and each look-up reads every heading's names).
   */
  headingsNamingWord(word: string): { named: string; naming: number[] } {
    let named = word.replace(/(?<=[a-z]{3})(?:es|s)$/u, '');
    let naming = this.headingsNaming(named);
    if (naming.length === 0 && /^[가-힣]+$/u.test(word))
      for (let at = Math.max(1, word.length - 8); at <= word.length - 2 && naming.length === 0; at++) {
        named = word.slice(at);
        naming = this.headingsNaming(named);
      }
    return { named, naming };
  }

  /**
   * Whether the description says the goods are fitted in or part of a machine (`_hs-machine-use.ts`): a whole it
   * names that most headings naming it as their goods' head place in Chapters 84 and 85.
   */
  forMachine(description: string): boolean {
    return statedWholes(description).some((word) => {
      const { named, naming } = this.headingsNamingWord(word);
      const asHead = naming.filter((j) => this.namesAsHead(j, named));
      const machines = asHead.filter((j) => /^8[45]/u.test(this.hs4[j]!)).length;
      return asHead.length > 0 && 2 * machines >= asHead.length;
    });
  }

  /** The headings that give their goods a name containing `word` (whole words' start for Latin letters). */
  headingsNaming(word: string): number[] {
    const { text, starts } = this.vocabularyOf();
    const latin = /[a-z]/u.test(word);
    const out: number[] = [];
    // one pass over all headings' names; after a hit, on to the next heading
    for (let at = text.indexOf(word); at >= 0; ) {
      // a Latin word is a whole word, or its plural (mat names mats, not materials)
      if (
        latin &&
        ((at > 0 && /[a-z]/u.test(text[at - 1]!)) ||
          (FUSION.latinWhole && !/^(?:e?s)?(?![a-z])/u.test(text.slice(at + word.length, at + word.length + 3))))
      ) {
        at = text.indexOf(word, at + 1);
        continue;
      }
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      out.push(lo);
      at = lo + 1 < starts.length ? text.indexOf(word, starts[lo + 1]!) : -1;
    }
    return out;
  }

  /**
   * Every name each heading gives its goods, lowercase, all headings in one text (`starts`: where each begins): its
   * title without the parentheses (where its exclusions are), its lines' own wording and the glossary's names for it
   * and its subheadings. Built on first use.
   */
  private vocabularyOf(): { text: string; starts: number[] } {
    if (this.vocabulary) return this.vocabulary;
    const { lines, paths } = this.nomenclature;
    const g = this.glossaryEntries;
    const starts: number[] = [];
    let text = '';
    this.hs4.forEach((h, j) => {
      const own = this.linesOf4[j]!;
      const title = (paths[lines[own[0]!]![2]] ?? '').split(' > ')[0]!.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ');
      const sub = [...new Set(own.map((i) => this.hs6[this.line6[i]!]!))];
      const names = g ? [...(g.headings.get(h) ?? []), ...sub.flatMap((c) => g.subheadings.get(c) ?? [])] : [];
      starts.push(text.length);
      // each distinct part once (the lines of a heading share their subheadings' wording)
      const parts = new Set([title, ...own.flatMap((i) => this.lineWording[i]!.split(' | ')), ...names]);
      text += `${normalizeText([...parts].join(' | '))}\u0000`;
    });
    this.vocabulary = { text, starts };
    return this.vocabulary;
  }

  /**
   * Per heading of hs4: the classifier's evidence, relative to the best heading (0–1; or, with `log`, the log of
   * that ratio floored at −5 and shifted to 0–1), heading and chapter weighted; all 0 without a classifier.
   */
  classifierScores(text: string): Float64Array {
    const out = new Float64Array(this.hs4.length);
    const w = FUSION.classifier;
    if (!this.classifier || (w.heading === 0 && w.chapter === 0)) return out;
    const p = this.classifier.predict(text);
    const maxH = Math.max(...p.heading);
    const maxC = Math.max(...p.chapter);
    const scale = (v: number, max: number) =>
      max <= 0 ? 0 : w.log ? Math.max(0, 1 + Math.log(Math.max(v / max, 1e-9)) / 5) : v / max;
    for (let j = 0; j < this.hs4.length; j++) {
      const h = this.classifierHeading[j]!;
      const c = this.classifierChapter[j]!;
      out[j] =
        (h >= 0 ? w.heading * scale(p.heading[h]!, maxH) : 0) + (c >= 0 ? w.chapter * scale(p.chapter[c]!, maxC) : 0);
    }
    return out;
  }

  /** Korean path of tariff line `i`: heading > … > name. */
  pathOf(i: number): string {
    const [, name, p] = this.nomenclature.lines[i]!;
    return `${this.nomenclature.paths[p] ?? ''} > ${name}`;
  }
}

/** A bar's stage of working as the note names it (1 forged, 2 hot-rolled, 3 cold-finished). */
const BAR_STAGE_WORDS: readonly Reading[] = [
  { ko: '단조', en: 'forged' },
  { ko: '열간압연', en: 'hot-rolled' },
  { ko: '냉간가공', en: 'cold-formed or cold-finished' },
];

/**
 * The `n` lines of highest positive score, best first (ties: the earlier line), in one pass: sorting all 11,327
 * lines for ten of them was a tenth of a prediction.
 */
function bestLines(score: Float64Array, n: number): number[] {
  const best: number[] = [];
  const before = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  for (let i = 0; i < score.length; i++) {
    if (!(score[i]! > 0)) continue;
    if (best.length === n && !before(i, best[n - 1]!)) continue;
    let at = best.length === n ? n - 1 : best.length;
    while (at > 0 && before(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > n) best.pop();
  }
  return best;
}

/**
 * The `k` candidates from `pool` (best first, with their weights): after the first, a line of a subheading not yet
 * given goes before a line of one already given when it has at least `ratio` of its weight. Three lines of one
 * subheading are one answer at HS6; an officer checking the top three is better served by a second subheading the
 * evidence nearly supports.
 */
export function diverse(
  pool: readonly number[],
  weights: readonly number[],
  k: number,
  groupOf: (line: number) => number,
  ratio: number,
): Array<{ line: number; at: number }> {
  const left = pool.map((line, at) => ({ line, at }));
  const out: Array<{ line: number; at: number }> = [];
  const given = new Set<number>();
  while (out.length < k && left.length > 0) {
    let take = 0;
    if (out.length > 0 && given.has(groupOf(left[0]!.line))) {
      const other = left.findIndex((c) => !given.has(groupOf(c.line)));
      if (other > 0 && weights[left[other]!.at]! >= ratio * weights[left[0]!.at]!) take = other;
    }
    const [c] = left.splice(take, 1);
    out.push(c!);
    given.add(groupOf(c!.line));
  }
  // shown best first, as weighed
  return out.sort((a, b) => a.at - b.at);
}

/** A TF-IDF centroid per class: a linear classifier (weights = mean of its examples' unit vectors, renormalised). */
function centroids(vectors: SparseVector[], classes: string[]): Map<string, SparseVector> {
  const sums = new Map<string, Map<number, number>>();
  vectors.forEach((v, i) => {
    const sum = sums.get(classes[i]!) ?? new Map<number, number>();
    v.ids.forEach((t, j) => {
      sum.set(t, (sum.get(t) ?? 0) + v.weights[j]!);
    });
    sums.set(classes[i]!, sum);
  });
  const out = new Map<string, SparseVector>();
  for (const [c, sum] of sums) {
    const entries = [...sum.entries()].sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
    out.set(c, {
      ids: Int32Array.from(entries, ([t]) => t),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
    });
  }
  return out;
}

/** The nomenclature plus what was learned from the officer's decisions. */
export class HsCodeModel {
  private readonly decisionIndex: Bm25Index | null = null;
  private readonly decisionVectors: SparseVector[] = [];
  private readonly centroid4 = new Map<string, SparseVector>();
  private readonly centroid6 = new Map<string, SparseVector>();

  constructor(
    readonly nomenclature: HsNomenclatureIndex,
    readonly decisions: readonly HsDecision[] = [],
  ) {
    if (decisions.length === 0) return;
    this.decisionIndex = Bm25Index.build(
      decisions.map((d, i) => ({ id: String(i), text: cleanQuery(d.text) })),
      NGRAM,
    );
    this.decisionVectors = decisions.map((_, i) => this.decisionIndex!.documentVector(i));
    this.centroid4 = centroids(
      this.decisionVectors,
      decisions.map((d) => d.hs10.slice(0, 4)),
    );
    this.centroid6 = centroids(
      this.decisionVectors,
      decisions.map((d) => d.hs10.slice(0, 6)),
    );
  }

  /** The item's texts as the model reads them: its whole text, and what it is (its name and description head). */
  private queryTexts(query: HsQuery): { text: string; focus: string } {
    // everyday names get the tariff's words for them (노트북 → 휴대용 자동자료처리기계), read from what names the
    // goods: the item's name and the head of its description (not every word of a long description)
    const head = descriptionHead(query.description ?? '');
    const aliases = FUSION.aliases
      ? `${tariffWordsFor(`${query.name} ${head}`)} ${FUSION.fibres ? fibreWordsFor(`${query.name} ${query.description ?? ''}`) : ''}`
      : '';
    const name = cleanQuery(`${query.name} ${aliases}`);
    const text = cleanQuery(`${query.name} ${aliases}\n${query.description ?? ''}`);
    // What the item is: its name and the head of its description (without the materials and processes before it).
    return { text, focus: `${name} ${head}`.trim() };
  }

  /**
   * What the rules read in the item, for the officer to check, where it decides between the suggested lines: the
   * 비(非)- opposites their wording names (합금강, 비텍스처드), the state (냉동, 건조) when a suggestion is raw food, the
   * fabric and wearers (편물, 여성용) when one is clothing, the textile material predominating when one is a textile,
   * a property the description negates (외과용이 아닌) and a stated value (350W) where the lines of a suggested heading
   * turn on it.
   */
  readings(query: HsQuery, suggested: readonly HsCandidate[]): Reading[] {
    const n = this.nomenclature;
    const lines = suggested.map((c) => n.lineOf.get(c.hs10) ?? -1).filter((i) => i >= 0);
    let terms = 0;
    for (const i of lines) terms |= n.linePolarities[i]!;
    const goods = goodsText(this.queryTexts(query).text);
    // the lines of the suggested headings: a negation of a property their wording names (either way) may have set one
    // aside, and so may a stated value of a kind they set limits on (출력 350W against 750와트 이하)
    const near = [...new Set(lines.map((i) => n.line4[i]!))].flatMap((h) => n.linesOf4[h]!);
    const negated = negationsOf(goods)
      .filter((negation) => near.some((i) => negation.terms.some((t) => n.lineWording[i]!.includes(t))))
      .map(({ phrase }) => ({ ko: phrase, en: /^[a-z]/iu.test(phrase) ? phrase : `negated: ${phrase}` }));
    const limited = new Set(near.flatMap((i) => n.lineLimits[i]?.map((l) => l.dim) ?? []));
    const measured = [...quantitiesOf(goods)]
      .filter(([dim]) => limited.has(dim))
      .flatMap(([, qs]) => qs.map((q) => ({ ko: short(q.said), en: short(q.said) })));
    return [
      ...readingsOf(goods, {
        states: suggested.some((c) => isStateChapter(c.hs10)),
        fabric: suggested.some((c) => isClothing(c.hs10)),
        fibre: suggested.some((c) => isTextileChapter(c.hs10)),
        terms,
      }),
      ...negated,
      ...measured,
      ...this.notedReadings(goods, near),
    ];
  }

  /**
   * The readings of Chapters 27, 71, 72 and 87 (a bar's stage of working, high speed steel not said, a light oil's
   * distillation, a stone cut or polished, a vehicle's propulsion) and goods put up for retail sale, each where the
   * lines near the suggestions turn on it.
   */
  private notedReadings(goods: string, near: readonly number[]): Reading[] {
    const n = this.nomenclature;
    const out: Reading[] = [];
    const steel = steelOf(goods);
    const stage = steel ? barStageOfGoods(goods) : 0;
    if (stage !== 0 && near.some((i) => n.lineBarStage[i] !== 0)) out.push(BAR_STAGE_WORDS[stage - 1]!);
    if (notHighSpeed(goods, steel) && near.some((i) => n.lineHighSpeed[i] === 1))
      out.push({ ko: '고속도강 아님', en: 'not high speed steel' });
    if (isLightOil(goods) && near.some((i) => n.hs6[n.line6[i]!]!.startsWith('2710')))
      out.push({ ko: '경질유(210℃에서 90% 증류)', en: 'light oil (90 % distils at 210 °C)' });
    if (isPolished(goods) && near.some((i) => n.lineRough[i] === 1)) out.push({ ko: '연마', en: 'cut or polished' });
    if (isPutUpForRetail(goods) && near.some((i) => n.lineRetailResidual[i] !== -1))
      out.push({ ko: '소매용', en: 'put up for retail sale' });
    const propulsion = propulsionOf(goods);
    if (propulsion && near.some((i) => n.linePropulsion[i] !== null))
      out.push(
        propulsion === 'electric'
          ? { ko: '추진용 전동기만', en: 'electric motor only' }
          : { ko: '내연기관과 전동기(하이브리드)', en: 'engine and electric motor (hybrid)' },
      );
    return out;
  }

  /**
   * A line the goods are named for goes first in its subheading, unless a rule has set it aside: its condition met
   * (로봇형 for a 로봇청소기: the condition's word begins a word of what the goods are, or, for a material, stands before
   * 으로 만든 in the description; "Of carbon" for a carbon rod), its English name the goods' head (T-shirts), or its
   * glossary name spelled in what the goods are (진미채). Only the order within the subheading changes: such a name
   * says which national line, never which subheading (on dev set 11 the English names as a bonus to the score had
   * cost one heading).
   */
  private putNamedLinesFirst(
    lineScore: Float64Array,
    query: HsQuery,
    focus: string,
    text: string,
    heads: readonly string[],
    itemWords: string,
    materials: number,
  ): void {
    const n = this.nomenclature;
    // the condition's word begins a word of what the goods are (로봇 in 로봇청소기), spaces removed
    const beginsWord = beginsAWord(focus);
    const made = [...normalizeText(text).matchAll(/([가-힣]+)\s?(?:\([^)]*\)\s?)?(?:으로|로) 만든/gu)].map(
      (m) => m[1]!,
    );
    const named = ` ${englishTerms(joinHyphens(query.name))} `;
    const met: number[] = [];
    const byMaterial: number[] = [];
    if (FUSION.conditions)
      for (const { core, material, english, lines } of n.conditions) {
        if (
          english
            ? named.includes(` ${core} `)
            : beginsWord(core) || (material && made.some((w) => w === core || w.endsWith(core)))
        )
          met.push(...lines);
        else if (material && (conditionMaterials(core) & materials) !== 0) byMaterial.push(...lines);
      }
    // a class of materials (금속으로 만든 것) the stated materials are of (강관, 스테인리스): only where they meet
    // one such line of a subheading (steel and plastics stated, where a subheading has a line for each: neither)
    const met6 = new Map<number, number>();
    for (const l of byMaterial) met6.set(n.line6[l]!, (met6.get(n.line6[l]!) ?? 0) + 1);
    for (const l of byMaterial) if (met6.get(n.line6[l]!) === 1) met.push(l);
    // the lines' English names (T-shirts, Ramen) the goods are called by: only a name that ends where a head does (a
    // "Hairpin stator assembly" spells Hairpins, but is a stator)
    if (FUSION.englishNames && /[a-z]{3}/iu.test(`${query.name} ${query.description ?? ''}`)) {
      const spelled = ` ${englishTerms(joinHyphens(`${query.name} ${query.description ?? ''}`))} `;
      const ends = heads.map((h) => englishTerms(h).split(' ').pop() ?? '').filter((h) => h.length >= 3);
      for (const { terms, lines } of n.englishNames) {
        if (!spelled.includes(` ${terms} `)) continue;
        const last = terms.split(' ').pop()!;
        if (ends.some((h) => last === h || last.endsWith(h))) met.push(...lines);
      }
    }
    // the glossary's names of national lines (수분크림 for 기초화장용 제품류) spelled in what the goods are
    if (FUSION.lineNames && n.lineNames.length > 0) {
      for (const { codes } of spelledNames(n.lineNames, itemWords)) met.push(...codes);
    }
    for (const l of met) putFirst(lineScore, l, n.linesOf6[n.line6[l]!]!);
  }

  /**
   * A subheading whose distinguishing name (_hs-data/glossary-subheadings), or a declared name of one of its lines
   * (`linePicks`), is spelled in what the goods are goes first
   * in its heading, when it is the only such subheading of that heading: its best line and the heading's best line
   * trade scores, so the heading's best score stays what it was.
   */
  private putNamedSubheadingsFirst(lineScore: Float64Array, focus: string): void {
    const n = this.nomenclature;
    const byHeading = new Map<number, Set<number>>();
    for (const { codes } of spelledNames(n.pickNames, focus)) {
      for (const s6 of codes) {
        const h = n.line4[n.linesOf6[s6]![0]!]!;
        byHeading.set(h, (byHeading.get(h) ?? new Set()).add(s6));
      }
    }
    // a national line's declared name names its subheading too (양문형 냉장고: 8418.10's 4-door line)
    if (FUSION.linePicks)
      for (const { codes } of spelledNames(n.lineNames, focus)) {
        for (const l of codes) {
          const h = n.line4[l]!;
          byHeading.set(h, (byHeading.get(h) ?? new Set()).add(n.line6[l]!));
        }
      }
    for (const [h, subs] of byHeading) {
      if (subs.size !== 1) continue;
      const [s6] = subs;
      let bs = -1;
      for (const l of n.linesOf6[s6!]!) if (bs < 0 || lineScore[l]! > lineScore[bs]!) bs = l;
      putFirst(lineScore, bs, n.linesOf4[h]!);
    }
  }

  /** The `k` best tariff lines for one item, best first (empty when the text has nothing to match). */
  predict(query: HsQuery, k = 3): HsCandidate[] {
    const { text, focus } = this.queryTexts(query);
    const n = this.nomenclature;
    const L = n.nomenclature.lines.length;

    const cos4 = relative(n.index4.cosineScores(text));
    const bm4 = relative(n.index4.scores(text));
    const cos6 = relative(n.index6.cosineScores(text));
    const bm6 = relative(n.index6.scores(text));
    const own = n.index10.cosineScores(text);
    const cos10 = relative(own);
    const lineCosines = n.indexLine.cosineScores(text);
    let bestLineCosine = 0;
    for (const v of lineCosines) bestLineCosine = Math.max(bestLineCosine, v);
    const cosLine = relative(lineCosines);
    const bmLine = relative(n.indexLine.scores(text));
    const cosName = focus ? relative(n.indexLine.cosineScores(focus)) : new Float64Array(L);

    const bmHeadingFocus = focus ? relative(n.index4all.scores(focus)) : new Float64Array(n.hs4.length);
    const learned = n.classifierScores(text);
    const bare = !(query.description ?? '').trim();
    const glossary = this.glossaryScores(focus, text, bare ? FUSION.bareGlossary : 1);
    const head = this.headScores(query);
    const englishWords = FUSION.english.weight > 0 ? withTariffWords(englishTerms(text)) : '';
    const english = englishWords ? n.englishLines.cosineScores(englishWords) : null;
    const votes = this.decisionVotes(text);
    const close = FUSION.closeDecision;
    let nearest = 0;
    for (const v of votes.values()) nearest = Math.max(nearest, v.knn);
    const closeness = nearest === 0 ? 0 : bestLineCosine > 0 ? nearest / bestLineCosine : Number.POSITIVE_INFINITY;
    const priorShare = Math.min(1, Math.max(0, 1 - close.classifierYield * (closeness - 1)));
    if (priorShare < 1) for (let j = 0; j < learned.length; j++) learned[j] = learned[j]! * priorShare;
    const decisionWeight = FUSION.decisions * Math.min(close.hi, Math.max(close.lo, closeness));
    // a bare name (no description) is read by what it is: the heading's whole vocabulary, not its title's words
    const T = bare ? { ...FUSION.terms, ...FUSION.bareName } : FUSION.terms;
    const lineScore = new Float64Array(L);
    let any = false;
    for (let i = 0; i < L; i++) {
      const h4 = n.line4[i]!;
      const h6 = n.line6[i]!;
      const shared =
        T.cos4 * cos4[h4]! +
        T.bm4 * bm4[h4]! +
        T.cos6 * cos6[h6]! +
        T.bm6 * bm6[h6]! +
        T.bmHeadingFocus * bmHeadingFocus[h4]! +
        glossary.heading[h4]! +
        glossary.subheading[h6]! +
        head.heading[h4]! +
        head.subheading[h6]! +
        learned[h4]!;
      const specific = T.cos10 * cos10[i]! + T.cosLine * cosLine[i]! + T.bmLine * bmLine[i]! + T.cosName * cosName[i]!;
      const worded = english ? FUSION.english.weight * Math.min(1, english[i]! / FUSION.english.full) : 0;
      lineScore[i] = shared + specific + worded;
      if (lineScore[i]! > 0) any = true;
    }
    if (!any && votes.size === 0) return [];

    // A line named word for word in the query (a two-letter name only at a word's start: 치약을, not 불치약).
    const q = ` ${normalizeText(withoutSources(text))} `;
    const spelled = new Float64Array(L);
    const compactFocus = normalizeText(focus).replace(/ /gu, '');
    for (const { text: t, lines } of n.names) {
      const compact = t.replace(/ /gu, '');
      // 볼 스크루 is spelled in the goods' name 볼스크루 (declarations space compounds as they please)
      const named =
        q.includes(t.length <= 2 ? ` ${t}` : t) ||
        (compact !== t && compact.length >= 3 && compactFocus.includes(compact));
      if (!named || subsumed(compact, [n.line4[lines[0]!]!], glossary.spelled4)) continue;
      for (const l of lines) spelled[l] = FUSION.namedInQuery * Math.min(1, t.length / 4);
    }
    // Residual lines: a specific line whose own name does not match yields its line-level evidence to the residual
    // line ("기타") beside it under the same parent, which stands for everything not named. A name the query spells out
    // matches however long the query (its cosine with a long description is small: 소주 in "…희석식 소주…").
    // Or its own name is spelled in the item's words (FUSION.ownNames); in a Korean description, a name not spelled
    // yields whatever its cosine.
    const itemWords = itemWordsOf(query);
    // the own-name words (of lines and branches) the item spells, found once
    const ownWords = FUSION.ownNames ? n.ownWordsAtWordStarts(itemWords) : new Set<string>();
    // goods fitted in or part of a machine, as the description says (`_hs-machine-use.ts`)
    const forMachine = FUSION.machineUse && n.forMachine(withoutNegated(query.description ?? ''));
    const ownNamed = FUSION.ownNames ? ownNameSpelled(n, itemWords, ownWords) : () => null;
    const korean = FUSION.ownNames && /[가-힣]{2}/u.test(query.description ?? '');
    // line `l` gives its line-level evidence to `residual` (which keeps the best score given it) and keeps half
    const yieldTo = (given: Map<number, number>, residual: number, l: number) => {
      given.set(residual, Math.max(given.get(residual) ?? lineScore[residual]!, lineScore[l]!));
      lineScore[l] =
        lineScore[l]! -
        0.5 * (T.cos10 * cos10[l]! + T.cosLine * cosLine[l]! + T.bmLine * bmLine[l]! + T.cosName * cosName[l]!);
    };
    for (const lines of n.linesOf6) {
      const first = lines.find((l) => n.residual[l]);
      if (first === undefined) continue;
      const unnamed = new Map<number, number>();
      // the lines under a residual branch beside one the item names (`namedSiblings`)
      const gaveWay = new Set<number>();
      for (const l of lines) {
        if (n.residual[l] || spelled[l]! > 0) continue;
        const named = ownNamed(l);
        if (named === true) continue;
        if (own[l]! >= FUSION.namedLine && !(korean && named === false)) continue;
        // the residual beside it (기타 > 기타 under 2106.90's 기타, not 음료 베이스 > 기타), else the subheading's first
        const residual = n.residualOf[l]! >= 0 ? n.residualOf[l]! : first;
        yieldTo(unnamed, residual, l);
      }
      for (const [residual, score] of unnamed) lineScore[residual] = score;
      // A line under a branch the item does not name (음료의 베이스 for a vitamin tablet) yields in turn to the residual
      // beside that branch (기타 > 기타 …), unless a branch below it is named (홍삼제품류 is of 인삼제품류)
      if (FUSION.branches && korean) {
        const yielded = new Map<number, number>();
        for (const l of lines) {
          if (ownNamed(l) === true || spelled[l]! > 0) continue;
          const branches = n.lineBranches[l]!;
          let deepestNamed = -1;
          branches.forEach((b, d) => {
            if (b.heads.some((w) => ownWords.has(w))) deepestNamed = d;
          });
          const residual = branches.find((b, d) => d > deepestNamed && b.residual >= 0)?.residual;
          if (residual === undefined || residual === l) continue;
          yieldTo(yielded, residual, l);
        }
        for (const [residual, score] of yielded) lineScore[residual] = score;
        // a line under a residual branch (기타 > …) yields to the best line of a sibling branch the item names
        // (어댑터 beside 기타: a laptop adapter is not of 기타 > 자동자료처리기계의 것)
        if (FUSION.namedSiblings) {
          const bestUnder = new Map<string, number>();
          for (const l of lines)
            for (const b of n.lineBranches[l]!) {
              if (!b.heads.some((w) => ownWords.has(w))) continue;
              const key = n.lineSegments[l]!.slice(0, b.depth).join(' > ');
              const best = bestUnder.get(key);
              if (best === undefined || lineScore[l]! > lineScore[best]!) bestUnder.set(key, l);
            }
          if (bestUnder.size > 0) {
            const given = new Map<number, number>();
            for (const m of lines) {
              const segs = n.lineSegments[m]!;
              for (let d = 0; d < segs.length; d++) {
                if (!isResidual(segs[d]!)) continue;
                const target = bestUnder.get(segs.slice(0, d).join(' > '));
                if (target !== undefined && target !== m) {
                  yieldTo(given, target, m);
                  gaveWay.add(m);
                  break;
                }
              }
            }
            for (const [target, score] of given) lineScore[target] = score;
          }
        }
      }
      // the one specific line of the subheading whose own name the item spells goes first
      if (FUSION.ownFirst) {
        let spelledOwn = lines.filter((l) => !n.residual[l] && !gaveWay.has(l) && ownNamed(l) === true);
        // the line whose name the item spells more of (볼트 and 세트 over 볼트 alone)
        if (FUSION.ownLongest && spelledOwn.length > 1) {
          const spelledWords = (l: number) =>
            Math.max(0, ...n.lineOwnWords[l]!.filter((a) => a.every((w) => ownWords.has(w))).map((a) => a.length));
          const most = Math.max(...spelledOwn.map(spelledWords));
          spelledOwn = spelledOwn.filter((l) => spelledWords(l) === most);
        }
        if (spelledOwn.length === 1) putFirst(lineScore, spelledOwn[0]!, lines);
      }
      // goods for a machine: the best of the lines for machines (기계용의 것) takes the place of the best line,
      // unless that one is named by the item (고무밴드, 병마개)
      if (forMachine && lines.some((l) => n.machineLine[l])) {
        let m = -1;
        let b = lines[0]!;
        for (const l of lines) {
          if (n.machineLine[l] && (m < 0 || lineScore[l]! > lineScore[m]!)) m = l;
          if (lineScore[l]! > lineScore[b]!) b = l;
        }
        if (!n.machineLine[b] && ownNamed(b) !== true && spelled[b] === 0)
          [lineScore[m], lineScore[b]] = [lineScore[b]!, lineScore[m]!];
      }
    }
    for (let l = 0; l < L; l++) lineScore[l] = lineScore[l]! + spelled[l]!;

    // Headings that have no name for what the item is called, when a few have: a stator is no hairpin
    if (head.unknown.length > 0)
      for (let i = 0; i < L; i++) if (head.unknown[n.line4[i]!]) lineScore[i] = lineScore[i]! * FUSION.head.unknown;
    // Parts of bicycles are of 87.14, never of 87.12 (Section XVI note 2, Section XVII note 3); parts of seats of
    // 9401's parts lines, not of its seats
    if (head.parts) for (let i = 0; i < L; i++) lineScore[i] = lineScore[i]! * head.parts[n.line4[i]!]!;
    // (only there: a ball bearing named a part of a car is no part of a bearing, Section XVI note 2(a))
    if (head.partsOf)
      n.linesOf4.forEach((own, j) => {
        if (head.partsOf![j] && own.some((i) => n.partsLine[i]))
          for (const i of own) if (!n.partsLine[i]) lineScore[i] = lineScore[i]! * FUSION.worked.beyond;
      });

    // What the goods are made of: an article is no metal's form (an aluminium alloy wheel is no aluminium wire,
    // _hs-metal-forms.ts), and goods of a stated material are of no other material's chapter (_hs-materials.ts)
    const M = FUSION.materials;
    const article = M.form < 1 && namesArticle(head.heads[0]?.split(' ').pop() ?? '');
    const materials = materialsOf(goodsText(text));
    const stated = M.other < 1 ? materials : 0;
    if (article || stated) {
      // per heading (a heading's lines share its chapter and form), then per line
      const factor = n.hs4.map(
        (h) => (article && isMetalForm(h) ? M.form : 1) * (otherMaterial(chapterMaterial(h), stated) ? M.other : 1),
      );
      for (let i = 0; i < L; i++) lineScore[i] = lineScore[i]! * factor[n.line4[i]!]!;
    }

    // How far the goods are worked (chapter notes): lines of headings the description has gone beyond lose a share.
    const rules = workedRulesFor(text);
    if (rules.length > 0) {
      const factor = new Float64Array(n.hs4.length).fill(1);
      n.hs4.forEach((h, j) => {
        // a heading whose own wording excludes such goods keeps what a contradicted line keeps
        if (rules.some((r) => r.headings(h)))
          factor[j] = rules.some((r) => r.excludes && r.headings(h)) ? FUSION.contradictedTerm : FUSION.worked.beyond;
        else if (rules.some((r) => r.towards(h))) factor[j] = FUSION.worked.towards;
      });
      for (let i = 0; i < L; i++) lineScore[i] = lineScore[i]! * factor[n.line4[i]!]!;
    }

    // What the words alone cannot tell, each line of the opposite of what the description says keeping a share: the
    // state of raw food (냉동 강낭콩 vs 건조한 채두류), 비(非)- opposites (합금강 vs 비합금강), clothing's fabric
    // (knitted Ch. 61, woven Ch. 62) and wearers (men's or women's), the textile material predominating (Section XI
    // note 2), a property the description negates (외과용이 아닌 장갑 vs 의료용ㆍ외과용, _hs-negation.ts), limits
    // no stated value of their kind meets (정격출력 350W vs 출력이 750와트 초과인 것, _hs-quantities.ts), and the
    // Chapter 72, 27, 71 and 87 readings: a steel bar's section, kind and stage of working (_hs-steel.ts), a light oil's
    // distillation, a stone cut or polished, a vehicle's propulsion (_hs-rules.ts).
    const goods = goodsText(text);
    const states = FUSION.contradictedState < 1 ? statesOf(goods) : 0;
    const terms = FUSION.contradictedTerm < 1;
    const said = terms ? polarities(goods) : 0;
    const fabric = terms ? fabricOf(goods) : null;
    const wearer = terms ? wearersOf(goods) : 0;
    const fibre = terms ? predominantFibre(goods) : 0;
    const negated = terms ? negatedTerms(goods) : [];
    const quantities = terms ? quantitiesOf(goods) : new Map<Dimension, Quantity[]>();
    const section = terms ? statedSection(goods) : null;
    const steel = terms ? steelOf(goods) : null;
    // the steel rules read the heading only: once per heading
    const otherSteelHeading =
      section || steel
        ? Uint8Array.from(n.hs4, (h) => (otherSection(h, section) || otherSteel(h, steel) ? 1 : 0))
        : null;
    const cooked = terms && isCooked(goods);
    const ordinarySteel = terms && notHighSpeed(goods, steel);
    const barStage = terms && steel ? barStageOfGoods(goods) : 0;
    const light = terms && isLightOil(goods);
    const propulsion = terms ? propulsionOf(goods) : null;
    const polished = terms && isPolished(goods);
    const retail = terms && isPutUpForRetail(goods);
    // the residual beside a sibling whose limits the stated values meet first gives that sibling what it was given
    // (what the lines not named yielded to it: a 60 W motor's 기타 beside 출력이 100와트 이하인 것, `limitGives`)
    // the residual lines beside a sibling whose limits the stated values meet (read once, for here and below)
    const besideMet = new Set<number>();
    if (quantities.size > 0)
      for (let i = 0; i < L; i++)
        if (n.lineLimitResidual[i]?.some((l) => withinLimits(l, quantities))) besideMet.add(i);
    if (FUSION.limitGives)
      for (const i of besideMet)
        for (const l of n.linesOf6[n.line6[i]!]!) {
          // a sibling named by its limits alone (its own name), the stated values within them
          const own = n.lineOwnLimits[l];
          if (l !== i && own && withinLimits(own, quantities)) lineScore[l] = Math.max(lineScore[l]!, lineScore[i]!);
        }
    if (
      states ||
      said ||
      fabric ||
      wearer ||
      fibre ||
      negated.length > 0 ||
      quantities.size > 0 ||
      section ||
      steel ||
      cooked ||
      light ||
      propulsion ||
      polished ||
      retail
    )
      for (let i = 0; i < L; i++) {
        const s = n.lineStates[i]!;
        if (s && states && !(s & states)) lineScore[i] = lineScore[i]! * FUSION.contradictedState;
        if (said && contradicts(n.linePolarities[i]!, said)) lineScore[i] = lineScore[i]! * FUSION.contradictedTerm;
        if (
          otherFabric(n.hs4[n.line4[i]!]!, fabric) ||
          otherWearers(n.lineWearers[i]!, wearer) ||
          otherFibre(n.lineFibres[i]!, fibre) ||
          negated.some((t) => affirms(n.lineWording[i]!, t)) ||
          (n.lineLimits[i] !== null && outsideLimits(n.lineLimits[i]!, quantities)) ||
          // within the limits of a sibling named by them alone: not of the residual line beside it
          besideMet.has(i) ||
          otherSteelHeading?.[n.line4[i]!] === 1 ||
          (cooked && n.lineUncooked[i] === 1) ||
          (ordinarySteel && n.lineHighSpeed[i] === 1) ||
          (barStage !== 0 && n.lineBarStage[i] !== 0 && n.lineBarStage[i] !== barStage) ||
          (light && n.hs6[n.line6[i]!] === '271019') ||
          (polished && n.lineRough[i] === 1) ||
          (propulsion !== null && n.linePropulsion[i] !== null && n.linePropulsion[i] !== propulsion) ||
          // put up for retail within the retail line's limits: not of the residual branch beside it
          (retail &&
            n.lineRetailResidual[i] !== -1 &&
            !outsideLimits(n.lineLimits[n.lineRetailResidual[i]!] ?? [], quantities))
        )
          lineScore[i] = lineScore[i]! * FUSION.contradictedTerm;
      }

    if (FUSION.picks && n.pickNames.length > 0) this.putNamedSubheadingsFirst(lineScore, focus);
    this.putNamedLinesFirst(lineScore, query, focus, text, head.heads, itemWords, materials);

    // A part of general use named so and made of a stated material (a steel clamp, a rubber bushing) goes to its
    // material's articles, whatever heading names such goods for another use (82.05's clamps, 94.04's springs):
    // the best line there trades places with the best line, unless it has less than `generalUse` of its score
    const generalUse = FUSION.generalUse > 0 ? generalUseHeadings(headWord(head.heads[0] ?? ''), materials) : null;
    if (generalUse) {
      let best = -1;
      let top = 0;
      for (let i = 0; i < L; i++) {
        if (lineScore[i]! > lineScore[top]!) top = i;
        const hs6 = n.hs6[n.line6[i]!]!;
        if (
          generalUse.has(hs6.slice(0, 4)) &&
          GENERAL_USE_SUBHEADING.test(hs6) &&
          (best < 0 || lineScore[i]! > lineScore[best]!)
        )
          best = i;
      }
      if (best >= 0 && lineScore[best]! >= FUSION.generalUse * lineScore[top]!)
        [lineScore[best], lineScore[top]] = [lineScore[top]!, lineScore[best]!];
    }

    // Decisions: centroids at HS4 and HS6, nearest decision at HS10 (each times its cosine and the closeness).
    const decided = new Map<number, string[]>();
    for (const [hs10, v] of votes) {
      for (let i = 0; i < L; i++) {
        // only the lines under a decided code's heading can gain
        if (n.nomenclature.lines[i]![0].slice(0, 4) !== hs10.slice(0, 4)) continue;
        const line = n.nomenclature.lines[i]![0];
        let gain = v.c4;
        if (line.slice(0, 6) === hs10.slice(0, 6)) gain += v.c6;
        if (line === hs10) gain += v.knn;
        lineScore[i] = lineScore[i]! + decisionWeight * gain;
        if (line.slice(0, 6) === hs10.slice(0, 6)) decided.set(i, [...(decided.get(i) ?? []), ...v.labels]);
      }
    }

    const pool = bestLines(lineScore, Math.max(k, CONFIDENCE_POOL));
    const top = lineScore[pool[0] ?? 0] ?? 0;
    const exps = pool.map((i) => Math.exp((lineScore[i]! - top) / FUSION.temperature));
    const total = exps.reduce((a, b) => a + b, 0) || 1;
    const picked = diverse(pool, exps, k, (i) => n.line6[i]!, FUSION.diverse);
    return picked.map(({ line: i, at: r }) => {
      const matched = new Set([
        ...n.index4.matchedNgrams(text, n.line4[i]!),
        ...n.index6.matchedNgrams(text, n.line6[i]!),
        ...n.indexLine.matchedNgrams(text, i),
        // the declared names (glossary) that made the heading: 도마 for 44.19, which its tariff text never says
        ...(focus && n.glossary4 ? n.glossary4.matchedNgrams(focus, n.line4[i]!) : []),
        ...(focus && n.glossary6 ? n.glossary6.matchedNgrams(focus, n.line6[i]!) : []),
      ]);
      return {
        hs10: n.nomenclature.lines[i]![0],
        score: exps[r]! / total,
        path: n.pathOf(i),
        matched: matchedPhrases(text, matched, { ...NGRAM, minLength: 2, limit: 5 }),
        decisions: [...new Set(decided.get(i) ?? [])],
      };
    });
  }

  /**
   * The glossary's evidence per heading and per subheading, weighted (all 0 without a glossary): n-gram matches of
   * the declared names, and names spelled out in what the item is (a name at the end of a word: Korean compounds
   * end in what the thing is, 원목도마; a Latin name from a word's start, so "tee" is not in "steel"; a short name only
   * as a whole word's end, so 브라 does not match 브라켓: `spelledIn`).
   */
  private glossaryScores(
    focus: string,
    text: string,
    weight: number,
  ): { heading: Float64Array; subheading: Float64Array; spelled4: GlossaryName[] } {
    const n = this.nomenclature;
    const heading = new Float64Array(n.hs4.length);
    const subheading = new Float64Array(n.hs6.length);
    const spelled4: GlossaryName[] = [];
    const G = FUSION.glossary;
    const { glossary4, glossary6 } = n;
    if (!glossary4 || !glossary6 || !focus) return { heading, subheading, spelled4 };
    // cosine, not relative: a weak best match (an unknown brand name sharing a few n-grams) stays weak
    addCosine(heading, weight * G.focus4, () => glossary4.cosineScores(focus), G.full);
    addCosine(heading, weight * G.text4, () => glossary4.cosineScores(text), G.full);
    addCosine(subheading, weight * G.focus6, () => glossary6.cosineScores(focus), G.full);
    for (const [names, into, w] of [
      [n.glossaryNames4, heading, G.named4],
      [n.glossaryNames6, subheading, G.named6],
    ] as const) {
      if (w === 0) continue;
      // the longest name spelled out counts, once per code; a name inside a longer one of other codes does not
      // (칫솔 in 전동칫솔: the electric toothbrush is no toothbrush of 96.03)
      const found = spelledNames(names, focus);
      if (into === heading) spelled4.push(...found);
      const bonus = new Map<number, number>();
      for (const { compact: name, codes } of found) {
        if (subsumed(name, codes, found)) continue;
        for (const c of codes)
          bonus.set(c, Math.max(bonus.get(c) ?? 0, weight * w * Math.min(1, nameLength(name) / 4)));
      }
      for (const [c, b] of bonus) into[c] = into[c]! + b;
    }
    return { heading, subheading, spelled4 };
  }

  /** What the item is called against each heading and subheading (all 0 when no weight is set). */
  private headScores(query: HsQuery): {
    heads: string[];
    heading: Float64Array;
    subheading: Float64Array;
    unknown: Uint8Array;
    /** Per heading, a factor for goods named a part: the whole goods' headings set aside for their parts heading. */
    parts: Float64Array | null;
    /** For goods named a part: 1 for the headings of the goods they are parts of (Parts of seats: 94.01). */
    partsOf: Uint8Array | null;
  } {
    const n = this.nomenclature;
    const heading = new Float64Array(n.hs4.length);
    const subheading = new Float64Array(n.hs6.length);
    const H = FUSION.head;
    const heads = headsOf(query.name, query.description ?? '').map((h) => normalizeText(h));
    let unknown = new Uint8Array(0);
    if (heads.length === 0) return { heads, heading, subheading, unknown, parts: null, partsOf: null };
    // the last word of the first head, when a few headings name it (a word all name, 제품 or parts, says nothing)
    // 노트북 부품 is named by what it is a part of
    const words = heads[0]!.split(' ');
    const word =
      PART_WORD.test(headWord(heads[0]!)) && words.length > 1 ? words[words.length - 2]! : headWord(heads[0]!);
    if (H.unknown < 1 && word.length >= 2 && !(/[a-z]/u.test(word) && word.length < 3)) {
      let { named, naming } = n.headingsNamingWord(word);
      if (naming.length > 0 && naming.length <= H.maxNaming) {
        // a parts heading names goods not called a part only where the word is what one of its names is, not what
        // it serves: a bicycle is no goods of 87.14 for its 자전거 프레임 (when some heading names such goods at all)
        if (!NAMED_A_PART.test(query.name) && naming.some((j) => n.namesAsHead(j, named)))
          naming = naming.filter((j) => !PARTS_ONLY_HEADINGS.has(n.hs4[j]!) || n.namesAsHead(j, named));
        unknown = new Uint8Array(n.hs4.length).fill(1);
        for (const j of naming) unknown[j] = 0;
      }
    }
    const all = heads.join(' ');
    const { glossary4, glossary6 } = n;
    if (glossary4 && glossary6) {
      const full = FUSION.glossary.full;
      addCosine(heading, H.gl4, () => glossary4.cosineScores(all), full, H.floor);
      addCosine(subheading, H.gl6, () => glossary6.cosineScores(all), full, H.floor);
      // a name that ends a head: a Korean compound's end (전원어댑터 → 어댑터), an English head's last whole words
      const endings = heads.flatMap(headEndings);
      for (const [names, into, w] of [
        [n.glossaryNameCodes4, heading, H.named4],
        [n.glossaryNameCodes6, subheading, H.named6],
      ] as const) {
        if (w === 0) continue;
        // the longest name ending a head, once per code
        const longest = new Map<number, number>();
        const found = endings.flatMap((name) => {
          const codes = names.get(name);
          return codes ? [{ compact: name, codes }] : [];
        });
        for (const { compact: name, codes } of found) {
          if (subsumed(name, codes, found)) continue;
          const length = nameLength(name);
          for (const c of codes) longest.set(c, Math.max(longest.get(c) ?? 0, length));
        }
        for (const [c, length] of longest) into[c] = into[c]! + w * Math.min(1, length / 4);
      }
    }
    // named a part, or described as one (…높이 조절에 쓰는 부분품으로, 노트북 컴퓨터의 부품임)
    const named =
      NAMED_A_PART.test(query.name) || (FUSION.partsDescribed && DESCRIBED_A_PART.test(query.description ?? ''));
    // the headings of the goods the name says these are parts of: the first head's best glossary headings
    let partsOf: Uint8Array | null = null;
    if (named && glossary4) {
      const whole = glossary4.cosineScores(heads[0]!);
      const best = Math.max(...whole);
      if (best > 0) partsOf = Uint8Array.from(whole, (v) => (v >= 0.5 * best ? 1 : 0));
    }
    // Section XVI note 2(a): a part that is itself goods of a heading of Ch. 84 or 85 (a pump, a compressor, a
    // hydraulic cylinder) is of that heading, whatever machine it serves
    const own = named ? this.goodsOfTheirOwn(heads.slice(1), partsOf) : null;
    if (own) return { heads, heading, subheading, unknown, parts: own, partsOf: null };
    const parts = named ? n.partsUnderTheirHeading(heading, unknown) : null;
    return { heads, heading, subheading, unknown, parts, partsOf };
  }

  /**
   * For goods named a part, the headings of Ch. 84 and 85 other than parts headings and the machine served
   * (`partsOf`) that name what the rest of the name or the description says the goods are: a factor per heading (those
   * towards; parts headings and the machine served beyond), or null.
   */
  private goodsOfTheirOwn(heads: readonly string[], partsOf: Uint8Array | null): Float64Array | null {
    const n = this.nomenclature;
    for (const h of heads) {
      const word = headWord(h);
      if (word.length < 2 || PART_WORD.test(word) || GENERIC_GOODS.test(word)) continue;
      const { named, naming } = n.headingsNamingWord(word);
      if (naming.length === 0 || naming.length > FUSION.head.maxNaming) continue;
      // a part the machine served gives a name of its own (냉장고 선반: a shelf, not 84.58's lathe) is its part
      if (naming.some((j) => partsOf?.[j] && n.namesAsHead(j, named))) return null;
      // parts of vehicles leave Section XVII only for 84.01–84.79, 84.81, 84.82 and Ch. 85 (its note 2(e), (f))
      const vehicle = partsOf !== null && n.hs4.some((code, j) => partsOf[j] === 1 && /^8[6-9]/u.test(code));
      const own = vehicle ? /^(?:84[0-7]\d|848[12]|85\d\d)$/u : /^8[45]\d\d$/u;
      const machines = naming.filter(
        (j) => own.test(n.hs4[j]!) && !PARTS_ONLY_HEADINGS.has(n.hs4[j]!) && !partsOf?.[j] && n.namesAsHead(j, named),
      );
      if (machines.length === 0) continue;
      // the machine served and the parts headings step back
      const factor = new Float64Array(n.hs4.length).fill(1);
      n.hs4.forEach((code, j) => {
        if (PARTS_ONLY_HEADINGS.has(code) || partsOf?.[j]) factor[j] = FUSION.worked.beyond;
      });
      for (const j of machines) factor[j] = FUSION.worked.towards;
      return factor;
    }
    return null;
  }

  /** Per decided code: centroid cosines at HS4/HS6, the nearest decision's cosine, and the decisions to cite. */
  private decisionVotes(text: string): Map<string, { c4: number; c6: number; knn: number; labels: string[] }> {
    const out = new Map<string, { c4: number; c6: number; knn: number; labels: string[] }>();
    if (!this.decisionIndex) return out;
    const q = this.decisionIndex.vector(text);
    const min = FUSION.minDecisionSimilarity;
    const keep = (v: number) => (v >= min ? v : 0);
    this.decisions.forEach((d, i) => {
      const c = cosine(q, this.decisionVectors[i]!);
      const v = out.get(d.hs10) ?? {
        c4: keep(cosine(q, this.centroid4.get(d.hs10.slice(0, 4))!)),
        c6: keep(cosine(q, this.centroid6.get(d.hs10.slice(0, 6))!)),
        knn: 0,
        labels: [],
      };
      v.knn = Math.max(v.knn, keep(c));
      if (c >= min) v.labels.push(`${d.label || d.text.slice(0, 30)} (${c.toFixed(2)})`);
      out.set(d.hs10, v);
    });
    for (const [code, v] of out) if (v.c4 === 0 && v.c6 === 0 && v.knn === 0) out.delete(code);
    return out;
  }
}
