/**
 * Document association quality (issue 17) on the 346 customs court judgments (shared/data, shipped as
 * templates/data/court-judgments.csv): each judgment queries the others by TF-IDF cosine; relevant = a judgment of
 * the same case type (사건명 normalised, below). P@5 and MAP against a random ranking and word TF-IDF; cluster
 * purity of spherical k-means against the case type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeDefinitions } from '../nodes/index.ts';
import { wordTerms } from '../nodes/model/_trend-terms.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { doc, resolve, runtimeFor, values } from '../runtime/testing/harness.ts';
import { Bm25Index, type SparseVector } from '../runtime/text/bm25.ts';
import type { NgramOptions } from '../runtime/text/char-ngrams.ts';
import { type Neighbour, nearestNeighbours, sphericalKMeans } from '../runtime/text/doc-graph.ts';
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
export async function docFigures(options: NgramOptions = {}, numbers = false, maxChars = 3000): Promise<DocFigures> {
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
      purity: purity(js, (await sphericalKMeans(charV, k, 42)).assignment),
      ms,
    },
    word: {
      ...retrieval(js, (d) => cosineAll(wordV, d)),
      purity: purity(js, (await sphericalKMeans(wordV, k, 42)).assignment),
    },
    random: { ...retrieval(js, (d) => randomScores[d]!), purity: purity(js, randomAssign) },
    k,
  };
}

/**
 * The similar-document search before the bounded search (commit cfcfb6b): every pair that shares an n-gram
 * accumulated through the inverted list. Kept here as the exact reference and the "before" time.
 */
function everyPairNeighbours(vectors: readonly SparseVector[], k: number): Neighbour[][] {
  const n = vectors.length;
  let dims = 0;
  for (const v of vectors) for (const id of v.ids) if (id + 1 > dims) dims = id + 1;
  const counts = new Int32Array(dims + 1);
  for (const v of vectors) for (const id of v.ids) counts[id + 1]!++;
  for (let t = 0; t < dims; t++) counts[t + 1]! += counts[t]!;
  const fill = counts.slice(0, dims);
  const docs = new Int32Array(counts[dims]!);
  const weights = new Float64Array(counts[dims]!);
  vectors.forEach((v, d) => {
    for (let i = 0; i < v.ids.length; i++) {
      const at = fill[v.ids[i]!]!++;
      docs[at] = d;
      weights[at] = v.weights[i]!;
    }
  });
  const acc = new Float64Array(n);
  return vectors.map((v, d) => {
    acc.fill(0);
    for (let i = 0; i < v.ids.length; i++) {
      const t = v.ids[i]!;
      for (let p = counts[t]!; p < counts[t + 1]!; p++) acc[docs[p]!]! += v.weights[i]! * weights[p]!;
    }
    const best: Neighbour[] = [];
    for (let e = 0; e < n; e++) {
      if (e === d || acc[e]! <= 0) continue;
      if (best.length < k || acc[e]! > best[best.length - 1]!.score) {
        best.push({ index: e, score: Math.min(1, acc[e]!) });
        best.sort((a, b) => b.score - a.score || a.index - b.index);
        if (best.length > k) best.pop();
      }
    }
    return best;
  });
}

/**
 * 2,000 documents that share boilerplate, like rulings or invoices of one office: each is the first 2,000
 * characters of the longest judgment, then 3–7 sentences drawn from 400 sentences of the other judgments (so
 * documents that drew the same sentences are each other's neighbours), digits left out, cut at 3,000 characters
 * like the node.
 */
function nearIdenticalTexts(n: number): string[] {
  const texts = judgments().map((j) => j.text);
  const sentences = texts
    .flatMap((t) => t.split(/(?<=다\.)\s+/u))
    .map((x) => x.trim())
    .filter((x) => x.length > 30 && x.length < 300)
    .slice(0, 400);
  const boilerplate = [...texts].sort((a, b) => b.length - a.length)[0]!.slice(0, 2000);
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: n }, () => {
    const parts = [boilerplate];
    for (let j = 3 + Math.floor(rand() * 5); j > 0; j--) parts.push(sentences[Math.floor(rand() * sentences.length)]!);
    return parts
      .join(' ')
      .slice(0, 3000)
      .replace(/\p{N}+/gu, ' ');
  });
}

/** 2,000 texts of 200 words from one 18-word vocabulary (the node test's cancel corpus, grown): 18 distinct texts. */
function sharedVocabularyTexts(n: number): string[] {
  const words = '관세 수입 신고 물품 품목 분류 세번 원산지 과세 가격 신고인 세관 처분 취소 판결 청구 이유 증거'.split(
    ' ',
  );
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: 200 }, (_, j) => words[(i * 7 + j * j) % words.length]).join(' '),
  );
}

export interface NeighbourSpeed {
  corpus: string;
  docs: number;
  ngramsPerDoc: number;
  beforeMs: number;
  afterMs: number;
  /** Share of the exact 5 nearest (by the every-pair search) that the bounded search returns. */
  recall: number;
  /** Documents whose 5 nearest differ in order or score (> 1e-9) from the every-pair search. */
  differing: number;
}

export interface ClusteringPauses {
  docs: number;
  k: number;
  ms: number;
  breaths: number;
  /** Longest stretch of clustering between two breaths, ms. */
  longestMs: number;
}

/** The whole `model.doc_similarity` node (defaults: 5 similar documents with their shared phrases) on `texts`, ms. */
async function nodeMs(texts: string[], output: 'neighbours' | 'clusters'): Promise<number> {
  const engine = await DuckDBNodeEngine.create();
  try {
    const rows = texts.map((t, i) => [`d${i}`, t]);
    const p = resolve(
      doc(
        [
          { id: 'docs', type: 'test.values', params: values(['id', 'text'], rows) },
          { id: 'n', type: 'model.doc_similarity', params: { id: 'id', text: ['text'], output } },
        ],
        [{ source: 'docs', target: 'n', targetPort: 'docs' }],
      ),
      nodeDefinitions,
    );
    const t0 = performance.now();
    await runtimeFor(engine, nodeDefinitions).run(p, { targets: ['n'] });
    return performance.now() - t0;
  } finally {
    await engine.close();
  }
}

/** Before/after time of the 5-nearest search and k-means's longest stretch without yielding (the node's defaults). */
export async function neighbourFigures(): Promise<{
  speed: NeighbourSpeed[];
  clustering: ClusteringPauses;
  node: { neighboursMs: number; clustersMs: number };
}> {
  const corpora: [string, string[]][] = [
    ['court judgments (node defaults)', judgments().map((j) => j.text.slice(0, 3000).replace(/\p{N}+/gu, ' '))],
    ['near-identical: shared boilerplate + drawn sentences', nearIdenticalTexts(2000)],
    ['one shared 18-word vocabulary (18 distinct texts)', sharedVocabularyTexts(2000)],
  ];
  const speed: NeighbourSpeed[] = [];
  let nearIdentical: SparseVector[] = [];
  for (const [corpus, texts] of corpora) {
    const index = Bm25Index.build(texts.map((text, i) => ({ id: String(i), text })));
    const vectors = texts.map((_, i) => index.documentVector(i));
    if (corpus.startsWith('near')) nearIdentical = vectors;
    // Median of 3 runs (the first pays for compiling), one run when a search takes more than 5 s.
    const timed = async <T>(search: () => T | Promise<T>): Promise<{ result: T; ms: number }> => {
      const runs: { result: T; ms: number }[] = [];
      do {
        const t0 = performance.now();
        const result = await search();
        runs.push({ result, ms: performance.now() - t0 });
      } while (runs.length < 3 && runs[0]!.ms < 5000);
      return runs.sort((a, b) => a.ms - b.ms)[runs.length >> 1]!;
    };
    const { result: before, ms: beforeMs } = await timed(() => everyPairNeighbours(vectors, 5));
    const { result: after, ms: afterMs } = await timed(() => nearestNeighbours(vectors, 5));
    let found = 0;
    let wanted = 0;
    let differing = 0;
    before.forEach((want, d) => {
      const got = after[d]!;
      const ids = new Set(got.map((nb) => nb.index));
      wanted += want.length;
      found += want.filter((nb) => ids.has(nb.index)).length;
      const same =
        got.length === want.length &&
        got.every((nb, r) => nb.index === want[r]!.index && Math.abs(nb.score - want[r]!.score) <= 1e-9);
      if (!same) differing++;
    });
    const ngrams = vectors.reduce((s, v) => s + v.ids.length, 0) / vectors.length;
    speed.push({
      corpus,
      docs: texts.length,
      ngramsPerDoc: ngrams,
      beforeMs,
      afterMs,
      recall: found / wanted,
      differing,
    });
  }
  const k = Math.max(2, Math.round(Math.sqrt(nearIdentical.length / 2)));
  let last = performance.now();
  let longestMs = 0;
  let breaths = 0;
  const t0 = performance.now();
  await sphericalKMeans(nearIdentical, k, 42, async () => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    breaths++;
    last = now;
  });
  longestMs = Math.max(longestMs, performance.now() - last);
  const clustering = { docs: nearIdentical.length, k, ms: performance.now() - t0, breaths, longestMs };
  const texts = nearIdenticalTexts(2000);
  const node = { neighboursMs: await nodeMs(texts, 'neighbours'), clustersMs: await nodeMs(texts, 'clusters') };
  return { speed, clustering, node };
}
