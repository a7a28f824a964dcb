// Textiles and clothing: what n-grams cannot weigh. The fabric (knitted or woven), who wears it, and the textile
// material that predominates.
//
// The textile material that predominates by weight (Section XI, note 2 and subheading note 2): goods of two or more
// textile materials are classified as if they consisted wholly of the one that predominates. The tariff splits
// textiles and clothing by it (61.09.10 면으로 만든 것, 61.09.90 그 밖의 방직용 섬유재료: 합성섬유로 만든 것), and
// a description states it as a blend ("폴리에스테르 88%, 폴리우레탄 12%"); n-grams see the garment's name in every
// line and cannot weigh the blend. A line that names only other materials than the predominant one keeps a share.

/** Bits of the textile materials the tariff splits by. */
export const FIBRE = { cotton: 1, wool: 2, silk: 4, flax: 8, synthetic: 16, artificial: 32 } as const;

/** Chapters of textiles and made-up textile articles (Section XI). */
export const isTextileChapter = (hs: string) => /^(5[0-9]|6[0-3])/u.test(hs);

// Declared names of each material. 면 is a material only where a declaration writes it as one (면 100%, 면 직물,
// 면으로 만든): 표면, 라면, 한 면에 are not; 울 not inside a word, nor mineral, glass or steel wool.
const ITEM_FIBRES: ReadonlyArray<readonly [number, RegExp]> = [
  [
    FIBRE.cotton,
    /(?<![가-힣])면(?=\s*\d|\s*(?:직물|사|혼방|섬유|니트|편물|데님|[(（])|(?:으로|의)\s)|순면|면화|\bcotton\b/giu,
  ],
  [
    FIBRE.wool,
    /양모|(?<![가-힣])울(?![가-힣])|캐시미어|메리노|알파카|앙고라|모헤어|\b(?:wool|woollen|cashmere|merino|alpaca|mohair)\b/giu,
  ],
  [FIBRE.silk, /실크|견직물|견사|(?<![가-힣])견(?=\s*\d)|\bsilk\b/giu],
  [FIBRE.flax, /린넨|리넨|(?<![가-힣])아마(?=\s*\d|\s*(?:직물|사|섬유))|\b(?:linen|flax)\b/giu],
  [
    FIBRE.synthetic,
    /폴리에스(?:테르|터)|나일론|폴리아미드|아크릴(?:\s*섬유)?|폴리우레탄|스판덱스|엘라스테인|폴리프로필렌\s*섬유|(?<!반)합성섬유|\b(?:polyester|nylon|polyamide|acrylic|spandex|elastane|polyurethane)\b/giu,
  ],
  [
    FIBRE.artificial,
    /레이온|비스코스|모달|텐셀|라이오셀|큐프라|아세테이트\s*섬유|재생섬유|\b(?:rayon|viscose|modal|lyocell|tencel|cupro)\b/giu,
  ],
];
/** Mineral, glass, rock and steel "wool" are no fibre of an animal. */
export const NOT_A_FIBRE = /(광물성|미네랄|글라스|유리|스틸|강철|암)\s*울|(mineral|glass|rock|steel|slag)\s*wool/iu;
const EVERY_NOT_A_FIBRE = new RegExp(NOT_A_FIBRE.source, 'giu');
/** A share right after the material ("면 98%", "폴리우레탄(스판덱스) 12%") or right before it ("100% cotton"). */
const SHARE_AFTER = /^\s*(?:[(（][^)）]{0,20}[)）])?\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)\s*%/u;
const SHARE_BEFORE = /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:의\s*)?$/u;

/**
 * The textile material that predominates in `goods` (a FIBRE bit; 0 when unsaid or tied): by the shares stated,
 * each material's shares summed; without shares, the one material named, if only one is.
 */
export function predominantFibre(goods: string): number {
  const text = goods.replace(EVERY_NOT_A_FIBRE, ' ');
  const share = new Map<number, number>();
  let named = 0;
  for (const [bit, words] of ITEM_FIBRES)
    for (const m of text.matchAll(words)) {
      named |= bit;
      const after = SHARE_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30));
      const before = SHARE_BEFORE.exec(text.slice(Math.max(0, m.index - 8), m.index));
      const pct = Number(after?.[1] ?? before?.[1] ?? Number.NaN);
      if (pct > 0 && pct <= 100) share.set(bit, (share.get(bit) ?? 0) + pct);
    }
  if (share.size === 0) return named !== 0 && (named & (named - 1)) === 0 ? named : 0;
  const ranked = [...share].sort((a, b) => b[1] - a[1]);
  return ranked.length > 1 && ranked[0]![1] === ranked[1]![1] ? 0 : ranked[0]![0];
}

// The tariff's words for each material, Korean and English; 인조섬유 (man-made) is both synthetic and artificial, and
// 재생ㆍ반합성섬유 is not 합성섬유.
const LINE_FIBRES: ReadonlyArray<readonly [number, RegExp]> = [
  [FIBRE.cotton, /(?<![가-힣])면(?:으로|의|직물|사|\s*섬유|\s*린터)|면화|\bcotton\b/iu],
  [FIBRE.wool, /양모|섬수모|\bwool\b|fine animal hair/iu],
  [FIBRE.silk, /(?<![가-힣])견(?:으로|이나|사|직물|웨이스트)|\bsilk\b/iu],
  [FIBRE.flax, /아마(?:로|사|직물|섬유)|\bflax\b/iu],
  [
    FIBRE.synthetic,
    /(?<!반\s*(?:[(（]半[)）])?\s*)합성\s*(?:섬유|필라멘트|스테이플)|인조섬유|\bsynthetic\b|man-made/iu,
  ],
  [FIBRE.artificial, /재생|반\s*(?:[(（]半[)）])?\s*합성|인조섬유|\bartificial\b|man-made/iu],
];

/** The textile materials a tariff text names (FIBRE bits; 0 when it names none, e.g. 그 밖의 방직용 섬유재료). */
export function fibresNamed(text: string): number {
  let mask = 0;
  for (const [bit, words] of LINE_FIBRES) if (words.test(text)) mask |= bit;
  return mask;
}

/** Whether a line naming materials `line` names only others than the item's predominant material `item`. */
export const otherFibre = (line: number, item: number) => item !== 0 && line !== 0 && (line & item) === 0;

/** A line "of other textile materials" (6110.90: 그 밖의 방직용 섬유재료로 만든 것). */
const OTHER_MATERIALS = /(?:그 밖의|기타)\s*방직용\s*섬유/u;
const ALL_FIBRES = Object.values(FIBRE).reduce((a, b) => a | b, 0);

/**
 * The materials of each line of "other textile materials" that names none itself: every one its heading's other
 * lines name not (6110.90 is of silk or flax, not of the cotton of 6110.20; 6109.90's national line of 인조섬유 keeps
 * its own). Its English reads "other than wool, cotton or man-made fibres" and would name them all. `fibres` (per
 * line, as `fibresNamed` reads them) is changed in place; `korean` is each line's name and path below its heading,
 * `headings` the lines of each heading.
 */
export function otherMaterialsFibres(fibres: Uint8Array, korean: readonly string[], headings: readonly number[][]) {
  for (const lines of headings) {
    const own = lines.map((i) => fibresNamed(korean[i]!));
    const other = lines.filter((i, k) => own[k] === 0 && OTHER_MATERIALS.test(korean[i]!));
    if (other.length === 0) continue;
    const named = own.reduce((a, b) => a | b, 0);
    if (named === 0) continue;
    for (const i of other) fibres[i] = ALL_FIBRES & ~named;
  }
}

// Knitted or woven: Ch. 61 is clothing of knitted or crocheted fabric, Ch. 62 the same garments not knitted. The
// garment's name is in both (블라우스, 수영복) and Ch. 62's Korean even says 메리야스 편물 (to exclude it), so only the
// fabric the description states tells them apart. 편직물 is knitted, though it ends in 직물.
const KNITTED = /편물|편직|니트|뜨개|메리야스|\b(knit|knitted|knitting|crochet(ed)?)\b/iu;
const WOVEN = /(?<!편)직물|우븐|직조|\bwoven\b/iu;

/** The fabric of clothing the description states: knitted, woven, or null (neither, or both). */
export function fabricOf(goods: string): 'knitted' | 'woven' | null {
  const knitted = KNITTED.test(goods);
  const woven = WOVEN.test(goods);
  return knitted === woven ? null : knitted ? 'knitted' : 'woven';
}

/** Chapters of clothing, split by fabric (61 knitted, 62 not) and most headings by wearers. */
export const isClothing = (hs: string) => /^6[12]/u.test(hs);

/** Whether a line of heading `hs4` is clothing of the other fabric than `fabric` (Ch. 61 knitted, Ch. 62 not). */
export const otherFabric = (hs4: string, fabric: 'knitted' | 'woven' | null) =>
  (fabric === 'knitted' && hs4.startsWith('62')) || (fabric === 'woven' && hs4.startsWith('61'));

// Men's or women's: Ch. 61 and 62 split most garments by who wears them (61.07 남성용이나 소년용 팬티, 61.08 여성용이나
// 소녀용), and the two headings share every other word. A line only for the other side than the item's keeps a share.
// "man-made fibres" is no man's: a word followed by a hyphen does not count
const FOR_MEN = /남성|남자|신사|소년|(?<![a-z])(men|man|boy|gentleman|gentlemen)'?s?(?![a-z-])/iu;
const FOR_WOMEN = /여성|여자|숙녀|소녀|부인|(?<![a-z])(women|woman|girl|lady|ladies)'?s?(?![a-z])/iu;
/** Both at once: a unisex garment is for neither side alone. */
const UNISEX = /남녀\s*공용|남녀\s*겸용|유니섹스|\bunisex\b/iu;

/** Who the goods are for: 1 men or boys, 2 women or girls, 3 both or unisex, 0 unsaid. */
export function wearersOf(text: string): number {
  if (UNISEX.test(text)) return 3;
  return (FOR_MEN.test(text) ? 1 : 0) | (FOR_WOMEN.test(text) ? 2 : 0);
}

/** Whether a line for `line` wearers is only for the other side than an item for `item` wearers. */
export const otherWearers = (line: number, item: number) => (line === 1 && item === 2) || (line === 2 && item === 1);
