// The names under which each heading's goods are declared: a glossary of everyday, trade and industry names
// (블라우스, 도마, 밀폐용기, MLCC, SMPS) per HS heading and, where its tariff words say little, per subheading.
// The tariff names goods by category (식탁용품ㆍ주방용품, 기타); declarations name them by what they are, and no
// character n-gram links the two. Written by the team from its knowledge of the HS (the kinds of goods the
// Explanatory Notes list, in our own words), chapter range by chapter range (_hs-data/glossary/*.json); never from
// the classification rulings, the court judgments or the held-out sets it is measured on, with one exception: the
// names of four goods the 20 rulings had missed (TV stick, catnip, boot clamp, sulfide solid electrolyte) were given
// as examples to the writers of the eleventh round (bench/RESULTS.md, hs-code, which states the rulings with and
// without them). The twelfth round added, written from the tariff's lines and subheadings alone, the names that tell a
// national line from its sibling lines (_hs-data/glossary-lines/*.json) and a subheading from its sibling subheadings
// (_hs-data/glossary-subheadings/*.json), and the names of goods often put under another heading, under their own
// (_hs-data/glossary-confusions/*.json). The thirteenth added English names, where the glossary had 27,000 Korean
// names and 15,000 English ones, for goods declared in English (_hs-data/glossary-english/*.json). The eighteenth
// gave national lines the other names their goods are declared under where the tariff words them otherwise (PMIC for
// 모노리식 집적회로, 양문형 냉장고 under 가정형 > 400리터 초과; _hs-data/glossary-lines/*-2.json).

import { normalizeText } from '../../runtime/text/char-ngrams.ts';

/** One chapter range's file: per heading (4 digits) and subheading (6 digits), Korean and English names. */
export interface HsGlossaryFile {
  readonly chapters: string;
  readonly headings: Readonly<Record<string, { readonly ko: readonly string[]; readonly en?: readonly string[] }>>;
  readonly subheadings?: Readonly<Record<string, { readonly ko: readonly string[]; readonly en?: readonly string[] }>>;
}

/**
 * One chapter range's names per national line (10 digits): the names that tell a line of a subheading the HSK splits
 * from its siblings (기초화장용 제품류: 수분크림, 스킨로션), _hs-data/glossary-lines/*.json.
 */
export interface HsLineGlossaryFile {
  readonly chapters: string;
  readonly lines: Readonly<Record<string, { readonly ko?: readonly string[]; readonly en?: readonly string[] }>>;
}

/** The glossary of all chapters: code (4, 6 or 10 digits) → its names, Korean then English. */
export interface HsGlossary {
  readonly headings: ReadonlyMap<string, readonly string[]>;
  readonly subheadings: ReadonlyMap<string, readonly string[]>;
  readonly lines?: ReadonlyMap<string, readonly string[]>;
  /** Names that tell a subheading from its sibling subheadings (_hs-data/glossary-subheadings). */
  readonly picks?: ReadonlyMap<string, readonly string[]>;
  /** Names of goods often put under another heading, under the right one (_hs-data/glossary-confusions). */
  readonly confusions?: ReadonlyMap<string, readonly string[]>;
  /** English names goods are declared under, per heading and subheading (_hs-data/glossary-english). */
  readonly englishHeadings?: ReadonlyMap<string, readonly string[]>;
  readonly englishSubheadings?: ReadonlyMap<string, readonly string[]>;
  /** Other forms declarations use for a word of the tariff's line names (LED for 발광다이오드, _hs-data/tariff-synonyms). */
  readonly synonyms?: ReadonlyMap<string, readonly string[]>;
}

type Names = Readonly<Record<string, { readonly ko?: readonly string[]; readonly en?: readonly string[] }>>;

/**
 * All chapter ranges as one glossary (a code named in two files keeps both lists), with the files of names per national
 * line (`lines`), of names that tell a subheading from its siblings (`picks`), of goods often put under another
 * heading (`confusions`) and of English names per heading and subheading (`english`).
 */
export function mergeGlossary(
  files: readonly HsGlossaryFile[],
  more: {
    readonly lines?: readonly HsLineGlossaryFile[];
    readonly picks?: readonly { readonly subheadings: Names }[];
    readonly confusions?: readonly { readonly headings: Names }[];
    readonly english?: readonly { readonly headings: Names; readonly subheadings?: Names }[];
    readonly synonyms?: readonly { readonly words: Readonly<Record<string, readonly string[]>> }[];
  } = {},
): HsGlossary {
  const headings = new Map<string, string[]>();
  const subheadings = new Map<string, string[]>();
  const lines = new Map<string, string[]>();
  const picks = new Map<string, string[]>();
  const confusions = new Map<string, string[]>();
  const englishHeadings = new Map<string, string[]>();
  const englishSubheadings = new Map<string, string[]>();
  const add = (into: Map<string, string[]>, code: string, entry: { ko?: readonly string[]; en?: readonly string[] }) =>
    into.set(code, [...(into.get(code) ?? []), ...(entry.ko ?? []), ...(entry.en ?? [])]);
  for (const file of files) {
    for (const [code, entry] of Object.entries(file.headings)) add(headings, code, entry);
    for (const [code, entry] of Object.entries(file.subheadings ?? {})) add(subheadings, code, entry);
  }
  for (const file of more.lines ?? []) for (const [code, entry] of Object.entries(file.lines)) add(lines, code, entry);
  for (const file of more.picks ?? [])
    for (const [code, entry] of Object.entries(file.subheadings)) add(picks, code, entry);
  for (const file of more.confusions ?? [])
    for (const [code, entry] of Object.entries(file.headings)) add(confusions, code, entry);
  for (const file of more.english ?? []) {
    for (const [code, entry] of Object.entries(file.headings)) add(englishHeadings, code, entry);
    for (const [code, entry] of Object.entries(file.subheadings ?? {})) add(englishSubheadings, code, entry);
  }
  const synonyms = new Map<string, string[]>();
  for (const file of more.synonyms ?? [])
    for (const [word, forms] of Object.entries(file.words))
      synonyms.set(word, [...(synonyms.get(word) ?? []), ...forms]);
  return { headings, subheadings, lines, picks, confusions, englishHeadings, englishSubheadings, synonyms };
}

/** The shipped glossary, loaded on first use (separate chunks in the browser, like the nomenclature). */
export async function loadGlossary(): Promise<HsGlossary> {
  // the six folders at once: in the browser each file is a chunk, fetched together rather than folder after folder
  const [files, lineFiles, pickFiles, confusionFiles, englishFiles, synonymFiles] = await Promise.all([
    Promise.all([
      import('./_hs-data/glossary/ch01-24.json'),
      import('./_hs-data/glossary/ch25-38.json'),
      import('./_hs-data/glossary/ch39-49.json'),
      import('./_hs-data/glossary/ch50-67.json'),
      import('./_hs-data/glossary/ch68-83.json'),
      import('./_hs-data/glossary/ch84-85.json'),
      import('./_hs-data/glossary/ch86-97.json'),
    ]),
    Promise.all([
      import('./_hs-data/glossary-lines/ch01-24.json'),
      import('./_hs-data/glossary-lines/ch25-29.json'),
      import('./_hs-data/glossary-lines/ch30-38.json'),
      import('./_hs-data/glossary-lines/ch39-67.json'),
      import('./_hs-data/glossary-lines/ch68-83.json'),
      import('./_hs-data/glossary-lines/ch84.json'),
      import('./_hs-data/glossary-lines/ch85.json'),
      import('./_hs-data/glossary-lines/ch86-97.json'),
      import('./_hs-data/glossary-lines/ch01-24-2.json'),
      import('./_hs-data/glossary-lines/ch25-38-2.json'),
      import('./_hs-data/glossary-lines/ch39-67-2.json'),
      import('./_hs-data/glossary-lines/ch68-83-2.json'),
      import('./_hs-data/glossary-lines/ch84-2.json'),
      import('./_hs-data/glossary-lines/ch85-2.json'),
      import('./_hs-data/glossary-lines/ch86-97-2.json'),
    ]),
    Promise.all([
      import('./_hs-data/glossary-subheadings/ch01-24.json'),
      import('./_hs-data/glossary-subheadings/ch25-38.json'),
      import('./_hs-data/glossary-subheadings/ch39-49.json'),
      import('./_hs-data/glossary-subheadings/ch50-67.json'),
      import('./_hs-data/glossary-subheadings/ch68-83.json'),
      import('./_hs-data/glossary-subheadings/ch84.json'),
      import('./_hs-data/glossary-subheadings/ch85-97.json'),
    ]),
    Promise.all([
      import('./_hs-data/glossary-confusions/ch01-24.json'),
      import('./_hs-data/glossary-confusions/ch25-38.json'),
      import('./_hs-data/glossary-confusions/ch39-49.json'),
      import('./_hs-data/glossary-confusions/ch50-67.json'),
      import('./_hs-data/glossary-confusions/ch68-83.json'),
      import('./_hs-data/glossary-confusions/ch84.json'),
      import('./_hs-data/glossary-confusions/ch85-97.json'),
    ]),
    Promise.all([
      import('./_hs-data/glossary-english/ch01-24.json'),
      import('./_hs-data/glossary-english/ch25-38.json'),
      import('./_hs-data/glossary-english/ch39-49.json'),
      import('./_hs-data/glossary-english/ch50-67.json'),
      import('./_hs-data/glossary-english/ch68-83.json'),
      import('./_hs-data/glossary-english/ch84.json'),
      import('./_hs-data/glossary-english/ch85.json'),
      import('./_hs-data/glossary-english/ch86-97.json'),
    ]),
    Promise.all([
      import('./_hs-data/tariff-synonyms/ch01-24.json'),
      import('./_hs-data/tariff-synonyms/ch25-38.json'),
      import('./_hs-data/tariff-synonyms/ch39-83.json'),
      import('./_hs-data/tariff-synonyms/ch84-85.json'),
      import('./_hs-data/tariff-synonyms/ch86-97.json'),
    ]),
  ]);
  return mergeGlossary(
    files.map((f) => f.default as unknown as HsGlossaryFile),
    {
      lines: lineFiles.map((f) => f.default as unknown as HsLineGlossaryFile),
      picks: pickFiles.map((f) => f.default as unknown as { subheadings: Names }),
      confusions: confusionFiles.map((f) => f.default as unknown as { headings: Names }),
      english: englishFiles.map((f) => f.default as unknown as { headings: Names; subheadings: Names }),
      synonyms: synonymFiles.map((f) => f.default as unknown as { words: Record<string, string[]> }),
    },
  );
}

/**
 * How much a name spelled out says, in letters: a Hangul syllable counts as two, so that 만두 and 라면 weigh as
 * much as "ramen" (a two-syllable Korean word is a whole word; a two-letter Latin one is mostly an abbreviation).
 */
export const nameLength = (name: string): number => name.length + (name.match(/[가-힣]/gu)?.length ?? 0);

/** A glossary name as matched: normalised, and without spaces (declarations write 패딩점퍼 and 패딩 점퍼). */
export interface GlossaryName {
  /** Normalised, spaces removed. */
  readonly compact: string;
  /** Positions (in the caller's code list) of the codes this name belongs to. */
  readonly codes: number[];
}

/**
 * Names of the glossary as exact-match keys, each with the codes it names (a name given under many codes says
 * little and is dropped: more than `maxCodes`).
 */
export function glossaryNames(
  entries: ReadonlyMap<string, readonly string[]>,
  positionOf: ReadonlyMap<string, number>,
  maxCodes = 2,
): GlossaryName[] {
  const byName = new Map<string, Set<number>>();
  for (const [code, names] of entries) {
    const at = positionOf.get(code);
    if (at === undefined) continue;
    for (const name of names) {
      const compact = normalizeText(name).replace(/ /gu, '');
      if (compact.length < 2) continue;
      byName.set(compact, (byName.get(compact) ?? new Set()).add(at));
    }
  }
  return [...byName]
    .filter(([, codes]) => codes.size <= maxCodes)
    .map(([compact, codes]) => ({ compact, codes: [...codes] }));
}

/**
 * Whether a glossary name (normalised, spaces removed) is spelled out in `focus`: a Korean name anywhere in a compound
 * (도마 in 원목도마), a Latin one from a word's start only (tee is no golf tee in "steel", sage no herb in "massage"),
 * a name of two letters only as a word's end (브라 is not in 브라켓).
 */
export function spelledIn(focus: string): (name: string) => boolean {
  const words = normalizeText(focus).split(' ');
  const compact = words.join('');
  const fromWordStart = beginsAWord(focus);
  return (name) =>
    name.length <= 2
      ? words.some((w) => w.endsWith(name))
      : compact.includes(name) && (!/^[a-z]/u.test(name) || fromWordStart(name, name.length <= 4));
}

/**
 * Whether a name (normalised, spaces removed) begins a word of `focus` in it, spaces removed (로봇 in 로봇청소기), and,
 * with `endsAWord`, also ends one (a plural's s aside): a short Latin name (an acronym or a short word) does, as TEM
 * is no microscope in "tempered" nor BLU a backlight in "Bluetooth"; a longer one may begin a longer word (requiring
 * it of every Latin name cost 5–8 top-1 subheadings on dev sets 1, 6 and 8–12).
 */
export function beginsAWord(focus: string): (name: string, endsAWord?: boolean) => boolean {
  const words = normalizeText(focus).split(' ');
  const compact = words.join('');
  const wordStarts = new Set<number>();
  let letters = 0;
  for (const word of words) {
    wordStarts.add(letters);
    letters += word.length;
  }
  // where a Latin word ends: at the next word, or at a letter of another script (LED조명)
  const ends = (at: number) => wordStarts.has(at) || at === compact.length || !/[a-z]/u.test(compact[at]!);
  return (name, endsAWord) => {
    for (let at = compact.indexOf(name); at >= 0; at = compact.indexOf(name, at + 1)) {
      if (!wordStarts.has(at)) continue;
      const end = at + name.length;
      // a plural's s or es may follow
      if (
        !endsAWord ||
        ends(end) ||
        (compact[end] === 's' && ends(end + 1)) ||
        (compact.startsWith('es', end) && ends(end + 2))
      )
        return true;
    }
    return false;
  };
}

/** Per list of names, the positions of its names by their first two letters (built on first use). */
const byFirstPair = new WeakMap<readonly GlossaryName[], Map<string, number[]>>();

/**
 * The names of `names` spelled out in `focus` (as `spelledIn` reads them), in their list's order. Only names that
 * begin with a pair of letters the focus has are tried: an item is searched for some 80,000 names, most of which begin
 * with letters it does not have.
 */
export function spelledNames(names: readonly GlossaryName[], focus: string): GlossaryName[] {
  let index = byFirstPair.get(names);
  if (!index) {
    index = new Map();
    names.forEach(({ compact }, at) => {
      const pair = compact.slice(0, 2);
      const list = index!.get(pair);
      if (list) list.push(at);
      else index!.set(pair, [at]);
    });
    byFirstPair.set(names, index);
  }
  const compact = normalizeText(focus).replace(/ /gu, '');
  const named = spelledIn(focus);
  const found: number[] = [];
  const pairs = new Set<string>();
  for (let i = 0; i + 2 <= compact.length; i++) pairs.add(compact.slice(i, i + 2));
  for (const pair of pairs) for (const at of index.get(pair) ?? []) if (named(names[at]!.compact)) found.push(at);
  return found.sort((a, b) => a - b).map((at) => names[at]!);
}
