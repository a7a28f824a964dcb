// Flat-rolled steel or bars, by the goods' stated width and thickness. Chapter 72 note 1(k): a flat-rolled product
// is of solid rectangular cross-section and, under 4.75 mm thick, at least ten times as wide as it is thick; from
// 4.75 mm, wider than 150 mm and at least twice as wide as thick. Anything narrower is a bar or a shape (72.14–72.16,
// 72.22, 72.28). Among flat-rolled products the headings split at a width of 600 mm, in the heading's own title
// (72.08–72.10, 72.19, 72.25 from 600 mm; 72.11, 72.12, 72.20, 72.26 below), which no line repeats. A "공구강 평강
// 255mm(폭) X 130mm(두께)" shares every word with the flat-rolled alloy steel of 72.25: only its measures say bar.

const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const MM = String.raw`\s*(?:mm|㎜|밀리미터)`;

/** "폭 255mm", "폭: 255 mm", "width 255mm", "255mm(폭)", "255mm(W)". */
const measure = (words: string) =>
  new RegExp(String.raw`(?:${words})\s*[:：=]?\s*${NUMBER}${MM}|${NUMBER}${MM}\s*[(（]\s*(?:${words})\s*[)）]`, 'iu');
const WIDTH = measure('폭|너비|width|(?<![a-z])w(?![a-z])');
const THICKNESS = measure('두께|thickness|(?<![a-z])t(?![a-z])');

const millimetres = (match: RegExpExecArray | null): number | null => {
  const digits = match?.[1] ?? match?.[2];
  return digits === undefined ? null : Number(digits.replace(/,/gu, ''));
};

/** The width and thickness the goods state, in mm (null when either is not stated). */
export function sectionOf(goods: string): { width: number; thickness: number } | null {
  const width = millimetres(WIDTH.exec(goods));
  const thickness = millimetres(THICKNESS.exec(goods));
  return width !== null && thickness !== null && thickness > 0 ? { width, thickness } : null;
}

/** Whether a section meets Chapter 72 note 1(k)'s proportions of a flat-rolled product. */
export function isFlatRolledSection({ width, thickness }: { width: number; thickness: number }): boolean {
  return thickness < 4.75 ? width >= 10 * thickness : width > 150 && width >= 2 * thickness;
}

const WIDE = new Set(['7208', '7209', '7210', '7219', '7225']);
const NARROW = new Set(['7211', '7212', '7220', '7226']);

/** Bars of a round, square or hexagonal section or wire rod: never of a flat-rolled product's rectangular proportions. */
const BAR =
  /환봉|각봉|육각봉|원형\s*(?:단면의\s*)?봉|선재|\b(?:round|square|hexagon(?:al)?)\s+bars?\b|\bwire\s+rods?\b/iu;

/** The section the goods state: their width and thickness, or a bar's (`sectionOf`, or 'bar' when a bar is named). */
export function statedSection(goods: string): { width: number; thickness: number } | 'bar' | null {
  return sectionOf(goods) ?? (BAR.test(goods) ? 'bar' : null);
}

/** Whether goods of section `section` cannot be of heading `hs4` (a flat-rolled heading of another width or shape). */
export function otherSection(hs4: string, section: { width: number; thickness: number } | 'bar' | null): boolean {
  if (!section || !(WIDE.has(hs4) || NARROW.has(hs4))) return false;
  if (section === 'bar') return true;
  if (!isFlatRolledSection(section)) return true;
  return WIDE.has(hs4) ? section.width < 600 : section.width >= 600;
}

// Stainless steel (72.18–72.23) is an alloy steel of its own headings; "그 밖의 합금강" (72.24–72.29) is every other.
// Goods of steel that do not say stainless (합금강 SDT11, tool steel) are of the other alloy steels' headings, and
// stainless goods of no other.
const STAINLESS = /스테인리스|스텐|stainless|\b(?:STS|SUS)\s*\d/iu;
const STEEL = /철강|강철|합금강|탄소강|공구강|고속도강|비합금강|\bsteel\b/iu;
const isStainlessHeading = (hs4: string) => hs4 >= '7218' && hs4 <= '7223';
const isOtherAlloyHeading = (hs4: string) => hs4 >= '7224' && hs4 <= '7229';

/** Which steel the goods are of: stainless, other (steel named, stainless not), or unsaid. */
export function steelOf(goods: string): 'stainless' | 'other' | null {
  if (STAINLESS.test(goods)) return 'stainless';
  return STEEL.test(goods) ? 'other' : null;
}

/** Whether goods of steel `steel` cannot be of heading `hs4` (stainless against the other alloy steels). */
export function otherSteel(hs4: string, steel: 'stainless' | 'other' | null): boolean {
  if (steel === 'stainless') return isOtherAlloyHeading(hs4);
  return steel === 'other' && isStainlessHeading(hs4);
}

// High speed steel (Chapter 72 subheading note 1(d)) is an alloy steel of a stated composition (molybdenum, tungsten,
// vanadium at least 7 %, carbon 0.6 % or more, chromium 3–6 %): goods are of it only when they say so. A tool steel
// such as SKD11 or SDT11 is not, and would otherwise take 72.28.10's "고속도강의 봉" by its words 공구강 and 봉.
const HIGH_SPEED = /고속도강|하이스|high[-\s]?speed\s+(?:tool\s+)?steel|\bHSS\b|\bSKH\s*-?\d/iu;

/** Whether a tariff line's own name is for high speed steel (고속도강의 것, 고속도강의 봉, 고속도강으로 만든 것). */
export const isHighSpeedLine = (name: string): boolean => name.includes('고속도강');

/** Whether goods of steel `steel` cannot be of a high speed steel line: steel is named, high speed steel is not. */
export const notHighSpeed = (goods: string, steel: 'stainless' | 'other' | null): boolean =>
  steel !== null && !HIGH_SPEED.test(goods);

// Bars by how far they are worked: 72.28.40 and 72.14.10 hold bars not further worked than forged, 72.28.30 (72.22.11–19,
// 72.16's shapes) not further than hot-rolled, hot-drawn or extruded, 72.28.50 (72.15, 72.22.20) not further than
// cold-formed or cold-finished. Goods are at the furthest stage they state: a bar forged and then hot-rolled (용해 →
// 단조 → 열간압연) is hot-rolled, one hot-rolled and then cold-drawn is cold-finished.
const FORGED = /단조|forged/iu;
const HOT_WORKED = /열간\s*(?:\([^)]{1,4}\)\s*)?(?:압연|인발|압출)|hot[-\s]?(?:rolled|drawn|extruded)/iu;
const COLD_WORKED =
  /냉간\s*(?:\([^)]{1,4}\)\s*)?(?:인발|압연|성형|마무리|가공|처리)|cold[-\s]?(?:drawn|rolled|formed|finished)/iu;

/** A bar line's stage of working by its wording: forged (1), hot-rolled (2) or cold-formed (3) only, or 0. */
export function barStageOf(wording: string): 0 | 1 | 2 | 3 {
  // the tariff's hanja in parentheses (鍛造, 熱間, 冷間) are partly compatibility ideographs: not spelled out here
  if (/단조\([^)]*\)(?:보다 더 가공하지 않은|한 것(?:$| \|))/u.test(wording)) return 1;
  if (/열간\([^)]*\)압연ㆍ열간인발\([^)]*\)ㆍ(?:열간\([^)]*\))?압출보다 더 가공하지 않은/u.test(wording)) return 2;
  if (/^(?:그 밖의 봉|봉|기타)\[냉간\([^)]*\)성형이나 냉간\([^)]*\)처리보다 더 가공하지 않은/u.test(wording)) return 3;
  return 0;
}

/** The furthest stage of working (as `barStageOf`) the goods state; 0 when they state none. */
export function barStageOfGoods(goods: string): 0 | 1 | 2 | 3 {
  if (COLD_WORKED.test(goods)) return 3;
  if (HOT_WORKED.test(goods)) return 2;
  return FORGED.test(goods) ? 1 : 0;
}
