/**
 * Harmonized System chapters, 01–97. Chapter 77 is reserved by the WCO for possible future use and has no
 * headings, so a code in chapter 77 is invalid. Chapters 98 and 99 are national (e.g. special provisions),
 * not part of the HS.
 *
 * Source: WCO, Harmonized System Nomenclature 2022 edition, table of sections and chapters.
 */
export const HS_CHAPTERS: readonly string[] = Array.from({ length: 97 }, (_, i) =>
  String(i + 1).padStart(2, '0'),
).filter((c) => c !== '77');
