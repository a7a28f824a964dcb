/**
 * Consultation chatbot quality (issue 17), with the retrieval `model.qa_answer` and the chat panel use
 * (runtime/text/qa-retrieval.ts):
 * (a) generated consultations split by date — the earlier 80 % are the knowledge, the later 20 % the questions;
 *     a hit is right when its `intent_id` is the question's (the paraphrase group of the same answer);
 * (b) 20 questions written from the 20 real rulings (templates/data/chatbot-questions.csv), against the
 *     template's whole knowledge table (400 consultations + 20 rulings + 346 judgments); right = that ruling;
 * (c) "I do not know": share of in-domain questions answered and of off-topic questions refused per threshold.
 * Baselines: BM25 over words (particles dropped) and a random ranking.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wordTerms } from '../nodes/model/_trend-terms.ts';
import { type KnowledgeEntry, QaIndex } from '../runtime/text/qa-retrieval.ts';
import { parseCsv } from './csv.ts';
import { ROOT } from './data.ts';

const csv = (file: string) => parseCsv(readFileSync(path.join(ROOT, file), 'utf8'));

/** BM25 over words: the baseline that needs a tokenizer and misses 강낭콩을 vs 강낭콩. */
class WordBm25 {
  private readonly docs: Map<string, number>[];
  private readonly df = new Map<string, number>();
  private readonly avg: number;
  constructor(texts: string[]) {
    this.docs = texts.map((t) => {
      const m = new Map<string, number>();
      for (const raw of t.split(/\s+/)) for (const w of wordTerms(raw)) m.set(w, (m.get(w) ?? 0) + 1);
      return m;
    });
    for (const d of this.docs) for (const w of d.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    this.avg = this.docs.reduce((s, d) => s + [...d.values()].reduce((a, b) => a + b, 0), 0) / this.docs.length;
  }
  rank(q: string): number[] {
    const terms = wordTerms(q);
    const n = this.docs.length;
    const scores = this.docs.map((d) => {
      const len = [...d.values()].reduce((a, b) => a + b, 0);
      let s = 0;
      for (const t of terms) {
        const tf = d.get(t) ?? 0;
        if (!tf) continue;
        const df = this.df.get(t)!;
        s += (Math.log(1 + (n - df + 0.5) / (df + 0.5)) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / this.avg));
      }
      return s;
    });
    return scores
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s > 0)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .map(([, i]) => i);
  }
}

interface Ranking {
  r1: number;
  r3: number;
  r5: number;
  mrr: number;
  n: number;
}

/** Recall@1/3/5 and MRR@10 given each question's rank (1-based) of its first right answer, or 0 if none in 10. */
function summarise(ranks: number[]): Ranking {
  const at = (k: number) => ranks.filter((r) => r > 0 && r <= k).length / ranks.length;
  return {
    r1: at(1),
    r3: at(3),
    r5: at(5),
    mrr: ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / ranks.length,
    n: ranks.length,
  };
}

function firstRight(order: number[], right: (i: number) => boolean): number {
  const at = order.slice(0, 10).findIndex(right);
  return at + 1;
}

function randomRanks(n: number, questions: number, right: (q: number, i: number) => boolean): number[] {
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: questions }, (_, q) => {
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
    return firstRight(order, (i) => right(q, i));
  });
}

/** The knowledge table of the chatbot template, built the same way its SQL node builds it. */
function knowledge(): (KnowledgeEntry & { intent?: string })[] {
  const consultations = csv('templates/data/consultations.csv').map((r) => ({
    id: r.qa_id!,
    question: r.question_ko!,
    answer: r.answer_ko!,
    source: `상담 · ${r.category}`,
    date: r.asked_date,
    intent: r.intent_id,
  }));
  const rulings = csv('templates/data/hs-rulings.csv').map((r) => ({
    id: r.rrdc_no!,
    question: `${r.품명} ${r.물품설명}`,
    answer: `품목분류 HS ${r.결정세번_정규화} (${r.참조번호}). ${r.결정사유}`,
    source: '결정례',
    date: r.시행일자,
  }));
  const judgments = csv('templates/data/court-judgments.csv').map((r) => ({
    id: r.사건번호!,
    question: `${r.사건명} ${(r.청구취지 ?? '').slice(0, 300)}`,
    answer: `${r.판결주문} ${r.판결이유}`.slice(0, 1000),
    source: `판례 · ${r.결과}`,
    date: r.선고일자,
  }));
  return [...consultations, ...rulings, ...judgments];
}

const OFF_TOPIC = [
  '오늘 서울 날씨는 어때요?',
  '좋아하는 프로야구 팀 경기 일정을 알려줘',
  '김치찌개 맛있게 끓이는 법',
  '주말에 볼 만한 영화 추천해 주세요',
  '비트코인 가격 전망은?',
  '운전면허 갱신은 어디서 하나요?',
  '아이 예방접종 일정이 궁금해요',
  '다이어트에 좋은 운동 알려줘',
  '지하철 2호선 첫차 시간',
  '강아지 산책은 하루에 몇 번 해야 하나요?',
];

export interface QaFigures {
  heldOut: { char: Ranking; word: Ranking; random: Ranking; knowledge: number };
  rulings: { char: Ranking; word: Ranking; random: Ranking; knowledge: number };
  refusal: { threshold: number; inDomainAnswered: number; offTopicRefused: number }[];
  msPerQuestion: number;
}

export function qaFigures(): QaFigures {
  // (a) held-out consultations, split by date.
  const consult = knowledge().filter((e) => e.intent);
  consult.sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.id.localeCompare(b.id));
  const cut = Math.floor(consult.length * 0.8);
  const kb = consult.slice(0, cut);
  const held = consult.slice(cut);
  const qa = QaIndex.build(kb);
  const byId = new Map(kb.map((e, i) => [e.id, i]));
  const t0 = performance.now();
  const charRanks = held.map((q) => {
    const hits = qa.answer(q.question, { k: 10, threshold: 0 }).hits;
    return firstRight(
      hits.map((h) => byId.get(h.entry.id)!),
      (i) => kb[i]!.intent === q.intent,
    );
  });
  const ms = (performance.now() - t0) / held.length;
  const words = new WordBm25(kb.map((e) => `${e.question}\n${e.question}\n${e.answer}`));
  const wordRanks = held.map((q) => firstRight(words.rank(q.question), (i) => kb[i]!.intent === q.intent));
  const heldOut = {
    char: summarise(charRanks),
    word: summarise(wordRanks),
    random: summarise(randomRanks(kb.length, held.length, (q, i) => kb[i]!.intent === held[q]!.intent)),
    knowledge: kb.length,
  };

  // (b) questions written from the rulings, against the template's whole knowledge table.
  const all = knowledge();
  const full = QaIndex.build(all);
  const questions = csv('templates/data/chatbot-questions.csv');
  const rq = questions.filter((q) => q.question_id!.startsWith('R'));
  const pos = new Map(all.map((e, i) => [e.id, i]));
  const allWords = new WordBm25(all.map((e) => `${e.question}\n${e.question}\n${e.answer}`));
  const rulings = {
    char: summarise(
      rq.map((q) =>
        firstRight(
          full.answer(q.question_ko!, { k: 10, threshold: 0 }).hits.map((h) => pos.get(h.entry.id)!),
          (i) => all[i]!.id === q.expected_id,
        ),
      ),
    ),
    word: summarise(rq.map((q) => firstRight(allWords.rank(q.question_ko!), (i) => all[i]!.id === q.expected_id))),
    random: summarise(randomRanks(all.length, rq.length, (q, i) => all[i]!.id === rq[q]!.expected_id)),
    knowledge: all.length,
  };

  // (c) answered vs refused.
  const inDomain = questions.filter((q) => q.expected_source).map((q) => q.question_ko!);
  const refusal = [0.15, 0.2, 0.25, 0.3, 0.35].map((threshold) => ({
    threshold,
    inDomainAnswered: inDomain.filter((q) => full.answer(q, { threshold }).answered).length / inDomain.length,
    offTopicRefused: OFF_TOPIC.filter((q) => !full.answer(q, { threshold }).answered).length / OFF_TOPIC.length,
  }));
  return { heldOut, rulings, refusal, msPerQuestion: ms };
}
