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
const NOT_A_FIBRE = /(광물성|미네랄|글라스|유리|스틸|강철|암)\s*울|(mineral|glass|rock|steel|slag)\s*wool/giu;
/** A share right after the material ("면 98%", "폴리우레탄(스판덱스) 12%") or right before it ("100% cotton"). */
const SHARE_AFTER = /^\s*(?:[(（][^)）]{0,20}[)）])?\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)\s*%/u;
const SHARE_BEFORE = /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:의\s*)?$/u;

/**
 * The textile material that predominates in `goods` (a FIBRE bit; 0 when unsaid or tied): by the shares stated,
 * each material's shares summed; without shares, the one material named, if only one is.
 */
export function predominantFibre(goods: string): number {
  const text = goods.replace(NOT_A_FIBRE, ' ');
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
