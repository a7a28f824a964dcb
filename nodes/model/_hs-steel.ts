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

/** Whether goods of section `section` cannot be of heading `hs4` (a flat-rolled heading of another width or shape). */
export function otherSection(hs4: string, section: { width: number; thickness: number } | null): boolean {
  if (!section || !(WIDE.has(hs4) || NARROW.has(hs4))) return false;
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
