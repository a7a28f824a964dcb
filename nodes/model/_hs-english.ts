// English words of an item matched as words against the WCO wording of the tariff.
//
// Why a word channel beside the character n-grams: KCS rulings and many declarations name the goods in English in
// the tariff's own words ("Other woven fabrics of non-textured polyester filaments, dyed"). Cut into 2–4-character
// pieces among Korean text, those words drown: "light oil" matched "lighting" (94.05) before "light oils" (27.10).
// Whole stemmed words, with the tariff's filler words dropped and "non-" kept on its word, match what was meant.

import { stemmer } from 'stemmer';
import { memoised } from '../../runtime/compute/memoised.ts';
import { Bm25Index } from '../../runtime/text/bm25.ts';

/** Cuts text into whole words: every word is shorter than this, so it yields itself as its only "n-gram". */
const WHOLE_WORDS = { min: 64, max: 64 } as const;

/** Words of the tariff's English that say nothing about the goods. */
const FILLER = new Set(
  (
    'a an and are as at be been being by etc for from has have in including into is its it n.e.c nec no not of on ' +
    'or other others otherwise such than that the their them these this those to whether which with without ' +
    'chapter chapters heading headings subheading kind kinds used use more less weight '
  )
    .trim()
    .split(/\s+/u),
);

/** British spellings to American before stemming (vulcanised → vulcanized), so both stem alike. */
const britishToAmerican = (w: string) => w.replace(/is(ed|ing|ation|ations)$/u, 'iz$1');

/**
 * The English content words of `text`, stemmed, space-separated: "Other woven fabrics of non-textured polyester" →
 * "woven fabric nontextur polyest". Korean and digits are dropped; "non-" stays on its word, as the tariff's
 * non-textured and the item's NON-AROMATIC mean the opposite of textured and aromatic.
 */
export function englishTerms(text: string, stem: (word: string) => string = stemmer): string {
  const out: string[] = [];
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\bnon[-\s]+(?=[a-z])/gu, 'non');
  for (const word of plain.match(/[a-z]+/gu) ?? []) {
    if (word.length < 2 || FILLER.has(word)) continue;
    out.push(stem(britishToAmerican(word)));
  }
  return out.join(' ');
}

/**
 * The tariff's words for meats traders name otherwise: beef is "of bovine animals", pork "of swine", chicken "of
 * fowls" (0201–0210, 16.02). Added to an item's stemmed words, so "seasoned beef" meets 1602.50's wording.
 */
const TARIFF_WORDS: Readonly<Record<string, string>> = {
  beef: 'bovin',
  veal: 'bovin',
  cattl: 'bovin',
  pork: 'swine',
  pig: 'swine',
  bacon: 'swine',
  chicken: 'fowl',
  hen: 'fowl',
  lamb: 'sheep',
  mutton: 'sheep',
};

/** An item's English words with the tariff's word for each meat it names (`TARIFF_WORDS`). */
export function withTariffWords(terms: string): string {
  const extra = terms
    .split(' ')
    .map((t) => TARIFF_WORDS[t])
    .filter((t): t is string => t !== undefined);
  return extra.length > 0 ? `${terms} ${[...new Set(extra)].join(' ')}` : terms;
}

/** Memoised `englishTerms` for the tariff's texts, which repeat (a heading's wording under each of its lines). */
function termsOfTariff(): (text: string) => string {
  const stem = memoised(stemmer);
  return memoised((text) => englishTerms(text, stem));
}

/**
 * One document per tariff line: its heading's, subheading's and own English wording as stemmed words (a line's own
 * name alone is often "Other" or "Dyed", which needs its parents to mean anything).
 */
export function englishLineIndex(
  lines: ReadonlyArray<readonly [string, string, number, string]>,
  english: Readonly<Record<string, string>>,
): Bm25Index {
  const terms = termsOfTariff();
  return Bm25Index.build(
    lines.map(([hs10, , , nameEn]) => ({
      id: hs10,
      text: '',
      parts: [terms(english[hs10.slice(0, 4)] ?? ''), terms(english[hs10.slice(0, 6)] ?? ''), terms(nameEn)],
    })),
    WHOLE_WORDS,
  );
}
