// Retrieval-first question answering over past consultations, rulings and judgments: BM25 over character
// 2–4-grams (bm25.ts) finds the best entries, and an answer is given only when enough of the question is found in
// the best one. Pure TypeScript: the `model.qa_answer` node and the studio's chat panel use the same code.
//
//   const qa = QaIndex.build([{ id: 'QA1', question: '감기약 관세율?', answer: '…', source: '상담', date: '2024-01-02' }]);
//   qa.answer('감기약 세율이 얼마인가요', { k: 3, threshold: 0.25 })
//   // → { answered: true, hits: [{ entry, score: 0.62, bm25: 7.1, matched: ['감기약', '세율'] }, …] }

import { Bm25Index } from './bm25.ts';
import { matchedPhrases, ngramCounts } from './char-ngrams.ts';

export interface KnowledgeEntry {
  id: string;
  /** The past question (or the title of a ruling or judgment); may be empty. */
  question: string;
  /** What is shown as the answer. */
  answer: string;
  /** Where the answer comes from, e.g. 상담, 결정례, 판례. */
  source?: string;
  date?: string;
}

export interface QaHit {
  entry: KnowledgeEntry;
  /**
   * How much of the question the entry covers, 0–1: the question's n-grams found in the entry, weighted by
   * their IDF, over all of the question's n-grams (an n-gram no entry has counts with the highest IDF). Unlike
   * BM25 it can be compared across questions, so one threshold means the same for every question.
   */
  score: number;
  bm25: number;
  /** The phrases of the entry's question (or answer) that matched. */
  matched: string[];
}

export interface QaResult {
  answered: boolean;
  hits: QaHit[];
}

/** Entries of at most this many characters are indexed (a whole judgment would drown its own title). */
const MAX_INDEXED = 6000;

export class QaIndex {
  private constructor(
    private readonly index: Bm25Index,
    readonly entries: readonly KnowledgeEntry[],
    private readonly texts: readonly string[],
  ) {}

  /** Indexes each entry's question and answer together (the question twice: its words matter most). */
  static build(entries: readonly KnowledgeEntry[]): QaIndex {
    const texts = entries.map((e) => `${e.question}\n${e.question}\n${e.answer}`.slice(0, MAX_INDEXED));
    const index = Bm25Index.build(entries.map((e, i) => ({ id: e.id, text: texts[i]! })));
    return new QaIndex(index, entries, texts);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Share of the question's IDF mass found in entry `d` (see `QaHit.score`). */
  coverage(question: string, d: number): number {
    const grams = [...ngramCounts(question).keys()];
    if (grams.length === 0) return 0;
    const matched = new Set(this.index.matchedNgrams(question, d));
    let all = 0;
    let found = 0;
    for (const g of grams) {
      const idf = this.index.idf(g);
      all += idf;
      if (matched.has(g)) found += idf;
    }
    return all > 0 ? found / all : 0;
  }

  /**
   * The `k` best entries for `question` by BM25, each with its coverage score; `answered` when the best
   * coverage reaches `threshold`. A question with no letters or digits finds nothing.
   */
  answer(question: string, options: { k?: number; threshold?: number } = {}): QaResult {
    const k = options.k ?? 3;
    const threshold = options.threshold ?? 0.25;
    // Past consultations repeat answers word for word: show each answer once.
    const seen = new Set<string>();
    const unique = this.index.query(question, k * 4).filter((h) => {
      const answer = this.entries[h.index]!.answer;
      if (seen.has(answer)) return false;
      seen.add(answer);
      return true;
    });
    const hits = unique.slice(0, k).map((h) => {
      const text = this.texts[h.index]!;
      return {
        entry: this.entries[h.index]!,
        score: this.coverage(question, h.index),
        bm25: h.score,
        matched: matchedPhrases(text.slice(0, 2000), new Set(h.matched), { limit: 5 }),
      };
    });
    const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
    return { answered: hits.length > 0 && best >= threshold, hits };
  }
}
