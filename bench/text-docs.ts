/**
 * Document association quality (issue 17) on the 346 customs court judgments (shared/data, shipped as
 * templates/data/court-judgments.csv): each judgment queries the others by TF-IDF cosine; relevant = a judgment of
 * the same case type (사건명 normalised, below). P@5 and MAP against a random ranking and word TF-IDF; cluster
 * purity of spherical k-means against the case type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wordTerms } from '../nodes/model/_trend-terms.ts';
import { Bm25Index, type SparseVector } from '../runtime/text/bm25.ts';
import type { NgramOptions } from '../runtime/text/char-ngrams.ts';
import { sphericalKMeans } from '../runtime/text/doc-graph.ts';
import { ROOT } from './data.ts';

/**
 * 사건명 as a case type: spelling (spaces, 청구의 소, 등) removed, then the kind of decision contested. The raw
 * names vary for the same kind (관세등부과처분취소 / 관세 등 부과처분 취소 청구의 소), so they are grouped first.
 */
export function caseType(name: string): string {
  const s = name.replace(/\s|청구의소|의소|청구|등/g, '');
  if (/통관보류|보류/.test(s)) return '통관보류';
  if (/손해배상/.test(s)) return '손해배상';
  if (/정보공개/.test(s)) return '정보공개';
  if (/세금계산서/.test(s)) return '세금계산서';
  if (/과징금/.test(s)) return '과징금';
  if (/특허/.test(s)) return '특허취소';
  if (/경정/.test(s) && /거부/.test(s)) return '경정청구거부';
  if (/부과|경정|추징|과세/.test(s)) return '부과처분';
  return '기타';
}

interface Judgment {
  id: string;
  type: string;
  text: string;
}

function judgments(): Judgment[] {
  const raw = JSON.parse(
    readFileSync(path.join(ROOT, '../shared/data/customs-court-cases-ko/data_kcs.json'), 'utf8'),
  ) as Record<string, string>[];
  return raw.map((x) => ({
    id: x.사건번호!,
    type: caseType(x.사건명 ?? ''),
    text: `${x.청구취지 ?? ''}\n${x.판결주문 ?? ''}\n${x.판결이유 ?? ''}`,
  }));
}

/** Word TF-IDF vectors (particles dropped, sublinear tf, L2-normalised): the baseline without character n-grams. */
function wordVectors(texts: string[]): SparseVector[] {
  const vocab = new Map<string, number>();
  const tfs = texts.map((t) => {
    const m = new Map<number, number>();
    for (const raw of t
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)) {
      const [w] = [...wordTerms(raw)];
      if (!w) continue;
      let id = vocab.get(w);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(w, id);
      }
      m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  });
  const df = new Map<number, number>();
  for (const m of tfs) for (const id of m.keys()) df.set(id, (df.get(id) ?? 0) + 1);
  const n = texts.length;
  return tfs.map((m) => {
    const e = [...m].map(
      ([id, tf]) => [id, (1 + Math.log(tf)) * Math.log(1 + (n - df.get(id)! + 0.5) / (df.get(id)! + 0.5))] as const,
    );
    e.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(e.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return { ids: Int32Array.from(e, ([id]) => id), weights: Float64Array.from(e, ([, w]) => w / norm) };
  });
}

function cosineAll(v: SparseVector[], d: number): Float64Array {
  const out = new Float64Array(v.length);
  const a = v[d]!;
  const dense = new Map<number, number>();
  for (let i = 0; i < a.ids.length; i++) dense.set(a.ids[i]!, a.weights[i]!);
  v.forEach((b, e) => {
    let s = 0;
    for (let i = 0; i < b.ids.length; i++) s += (dense.get(b.ids[i]!) ?? 0) * b.weights[i]!;
    out[e] = s;
  });
  return out;
}

/** P@5 and MAP of ranking the other judgments by a score, relevant = same case type. */
function retrieval(js: Judgment[], score: (d: number) => Float64Array) {
  let p5 = 0;
  let map = 0;
  let queries = 0;
  js.forEach((q, d) => {
    const relevant = js.filter((o, e) => e !== d && o.type === q.type).length;
    if (!relevant) return;
    const s = score(d);
    const order = js.map((_, e) => e).filter((e) => e !== d);
    order.sort((x, y) => s[y]! - s[x]! || x - y);
    let hits = 0;
    let ap = 0;
    order.forEach((e, r) => {
      if (js[e]!.type === q.type) {
        hits++;
        ap += hits / (r + 1);
        if (r < 5) p5 += 0.2;
      }
    });
    map += ap / relevant;
    queries++;
  });
  return { p5: p5 / queries, map: map / queries, queries };
}

function purity(js: Judgment[], assignment: number[]): number {
  const by = new Map<number, Map<string, number>>();
  assignment.forEach((c, d) => {
    const m = by.get(c) ?? new Map<string, number>();
    m.set(js[d]!.type, (m.get(js[d]!.type) ?? 0) + 1);
    by.set(c, m);
  });
  let right = 0;
  for (const m of by.values()) right += Math.max(...m.values());
  return right / js.length;
}

export interface DocFigures {
  docs: number;
  types: Record<string, number>;
  char: { p5: number; map: number; purity: number; ms: number };
  word: { p5: number; map: number; purity: number };
  random: { p5: number; map: number; purity: number };
  k: number;
}

/** The node's defaults: the first 3,000 characters of each judgment, digits left out. */
export function docFigures(options: NgramOptions = {}, numbers = false, maxChars = 3000): DocFigures {
  const js = judgments().map((j) => {
    const text = j.text.slice(0, maxChars);
    return { ...j, text: numbers ? text : text.replace(/\p{N}+/gu, ' ') };
  });
  const types: Record<string, number> = {};
  for (const j of js) types[j.type] = (types[j.type] ?? 0) + 1;
  const k = Object.keys(types).length;
  const t0 = performance.now();
  const index = Bm25Index.build(js, options);
  const charV = js.map((_, i) => index.documentVector(i));
  const ms = performance.now() - t0;
  const wordV = wordVectors(js.map((j) => j.text));
  // Random: a seeded shuffle's scores; purity of a random assignment into k groups.
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const randomScores = js.map(() => Float64Array.from(js, () => rand()));
  const randomAssign = js.map(() => Math.floor(rand() * k));
  return {
    docs: js.length,
    types,
    char: {
      ...retrieval(js, (d) => cosineAll(charV, d)),
      purity: purity(js, sphericalKMeans(charV, k, 42).assignment),
      ms,
    },
    word: {
      ...retrieval(js, (d) => cosineAll(wordV, d)),
      purity: purity(js, sphericalKMeans(wordV, k, 42).assignment),
    },
    random: { ...retrieval(js, (d) => randomScores[d]!), purity: purity(js, randomAssign) },
    k,
  };
}
