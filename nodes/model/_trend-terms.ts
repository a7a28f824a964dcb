/**
 * Terms of dated texts for issue/trend detection, without a Korean morphological analyser: words are cut at
 * spaces and punctuation and a particle glued to the end of a Hangul word is dropped (유행에 → 유행), so the
 * same item name counts once per document whatever ending it carries. A dictionary (item names of the HS
 * nomenclature or of the declarations) is matched as substrings instead.
 */

/** Particles and endings that follow a noun; longest first so 에서 wins over 서. */
const PARTICLES = [
  '으로',
  '에서',
  '에게',
  '까지',
  '부터',
  '이나',
  '처럼',
  '에',
  '의',
  '을',
  '를',
  '은',
  '는',
  '로',
  '과',
  '와',
  '도',
  '만',
];
/** Endings that are also the last syllable of many nouns (가격, 국가, 증가 …): dropped only after a long word. */
const WEAK_PARTICLES = ['이', '가'];

/** Words so common in customs news that a burst of them says nothing. */
const STOPWORDS = new Set([
  '수입',
  '수출',
  '관세청',
  '통관',
  '정부',
  '업계',
  '추진',
  '강화',
  '확대',
  '지속',
  '증가',
  '관련',
]);

const HANGUL_END = /[가-힣]$/;

function stripParticle(word: string): string {
  if (!HANGUL_END.test(word)) return word;
  for (const p of PARTICLES) if (word.length >= p.length + 2 && word.endsWith(p)) return word.slice(0, -p.length);
  for (const p of WEAK_PARTICLES) if (word.length >= 4 && word.endsWith(p)) return word.slice(0, -1);
  return word;
}

/** The distinct terms of one text: words of two characters or more, particles dropped, numbers and stopwords left out. */
export function wordTerms(text: string): Set<string> {
  const out = new Set<string>();
  const norm = text.normalize('NFKC').toLowerCase();
  for (const raw of norm.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || /^\p{N}+$/u.test(raw)) continue;
    const w = stripParticle(raw);
    if (w.length >= 2 && !STOPWORDS.has(w)) out.add(w);
  }
  return out;
}

/** Keyword cells such as `감기약;해열진통제` (separated by ; , | or /). */
export function keywordTerms(cell: string): Set<string> {
  const out = new Set<string>();
  for (const k of cell
    .normalize('NFKC')
    .toLowerCase()
    .split(/[;,|/]/)) {
    const t = k.trim();
    if (t.length >= 2 && !/^\p{N}+$/u.test(t)) out.add(t);
  }
  return out;
}

/** An item name as a dictionary entry: the part before a parenthesis or comma (냉동새우(껍질 있는 것) → 냉동새우). */
export function dictionaryEntry(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([].*$/, '')
    .split(/[,;]/)[0]!
    .trim();
}

/** The dictionary entries that occur in the text as substrings. */
export function dictionaryTerms(text: string, entries: readonly string[]): Set<string> {
  const norm = text.normalize('NFKC').toLowerCase();
  const out = new Set<string>();
  for (const e of entries) if (e.length >= 2 && norm.includes(e)) out.add(e);
  return out;
}
