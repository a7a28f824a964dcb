// The computing half of model.doc_similarity: documents in, rows out (neighbours, edges, clusters, search). Plain
// data both ways, so the studio can run it in its worker (runtime/compute/offload.ts) and the page stays free while
// thousands of documents are compared; the server and the command line run it in process.

import { Bm25Index, type SparseVector } from '../../runtime/text/bm25.ts';
import { matchedPhrases, normalizeText, words as wordsOf } from '../../runtime/text/char-ngrams.ts';
import { nearestNeighbours, sphericalKMeans } from '../../runtime/text/doc-graph.ts';
import { extractIdentifiers, type IdentifierKind } from '../../runtime/text/identifiers.ts';
import { breather } from '../_shared/breather.ts';
import { type Doc, docWordSets, groupKeywords } from './_doc-text.ts';

/** What the computing reads of the node's parameters. */
export interface SimilarityParams {
  readonly output: 'neighbours' | 'edges' | 'clusters' | 'entities' | 'search';
  readonly maxChars: number;
  readonly numbers: boolean;
  readonly query: string;
  readonly k: number;
  readonly minScore: number;
  readonly clusters: number;
  readonly seed: number;
}

export interface SimilarityArgs {
  readonly docs: Doc[];
  readonly p: SimilarityParams;
}

export const KIND_KO: Record<IdentifierKind, string> = {
  business_no: '사업자등록번호',
  declaration_no: '신고번호',
  bl_no: 'B/L 번호',
  hs_code: 'HS 부호',
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A document's distinct words as `matchedPhrases` cuts them (first-appearance order) and, for each 2–4-character
 * n-gram of those words (space-marked at their edges, as the index cuts them), the words it is in. Built once per
 * document, so the phrases of each of its k pairs are looked for in the few words that hold a shared n-gram, not in
 * the whole text (10,000 pairs of 3,000-character documents: 15 s before).
 */
interface WordIndex {
  words: string[];
  byNgram: Map<string, number[]>;
}

function wordIndex(text: string): WordIndex {
  const distinct = [...new Set(wordsOf(normalizeText(text)))];
  const byNgram = new Map<string, number[]>();
  distinct.forEach((w, i) => {
    const piece = ` ${w} `;
    // Cut by code point like matchedPhrases; plain substrings when the word has no character outside the BMP.
    const chars = /[\uD800-\uDFFF]/u.test(piece) ? Array.from(piece) : null;
    const length = chars ? chars.length : piece.length;
    for (let n = 2; n <= 4; n++)
      for (let at = 0; at + n <= length; at++) {
        const g = chars ? chars.slice(at, at + n).join('') : piece.substring(at, at + n);
        const list = byNgram.get(g);
        if (!list) byNgram.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
  });
  return { words: distinct, byNgram };
}

/** How many of the heaviest shared n-grams make the phrases. */
const SHARED_NGRAMS = 40;

/** The n-grams two documents share, heaviest first, as the phrases of the first document they cover. */
function sharedPhrases(a: SparseVector, b: SparseVector, index: Bm25Index, text: WordIndex): string {
  const ids: number[] = [];
  const products: number[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] === b.ids[j]) {
      ids.push(a.ids[i]!);
      products.push(a.weights[i++]! * b.weights[j++]!);
    } else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  // The SHARED_NGRAMS heaviest, ties by lower id: above the cut-off weight, then at it while room is left.
  const cut = Float64Array.from(products).sort()[Math.max(0, products.length - SHARED_NGRAMS)] ?? 0;
  const top = new Set<string>();
  products.forEach((w, k) => {
    if (w > cut) top.add(index.ngramOf(ids[k]!));
  });
  products.forEach((w, k) => {
    if (w === cut && top.size < SHARED_NGRAMS) top.add(index.ngramOf(ids[k]!));
  });
  // Words without a shared n-gram yield no phrase: matching only the others gives the same phrases, in the same order.
  const holding = new Set<number>();
  for (const g of top) for (const w of text.byNgram.get(g) ?? []) holding.add(w);
  const some = [...holding].sort((x, y) => x - y).map((w) => text.words[w]!);
  return matchedPhrases(some.join(' '), top, { limit: 5, minLength: 2 }).join(', ');
}

/**
 * The rows of every output but `entities` (which asks the engine for declarations): pure computing on the documents,
 * so the studio runs it in its worker. Progress is the node's own fraction (the documents were read by 0.1).
 */
export async function similarityRows(
  { docs, p }: SimilarityArgs,
  { signal, progress }: { readonly signal?: AbortSignal; progress(fraction: number): void },
): Promise<unknown[][]> {
  // Amounts, dates and case numbers make unrelated documents look alike; identifiers link through `entities`.
  const plain = docs.map((d) => {
    const text = d.text.slice(0, p.maxChars);
    return { id: d.id, text: p.numbers ? text : text.replace(/\p{N}+/gu, ' ') };
  });
  const index = Bm25Index.build(plain);
  progress(0.4);
  if (p.output === 'search') {
    if (p.query.trim() === '') return [];
    return index.query(p.query, p.k).map((h, r) => {
      const text = docs[h.index]!.text;
      const phrases = matchedPhrases(text, new Set(h.matched), { limit: 5 });
      const at = Math.max(0, text.indexOf(phrases[0] ?? ''));
      return [r + 1, h.id, round(h.score), phrases.join(', '), text.slice(Math.max(0, at - 40), at + 160)];
    });
  }
  const vectors = docs.map((_, i) => index.documentVector(i));
  if (p.output === 'clusters') {
    const k = p.clusters || Math.max(2, Math.round(Math.sqrt(docs.length / 2)));
    const { assignment, similarity } = await sphericalKMeans(vectors, k, p.seed, breather(signal));
    progress(0.7);
    const words = docWordSets(docs);
    // Clusters numbered by size, largest first, so cluster 1 is the main body of the documents.
    const members = new Map<number, number[]>();
    assignment.forEach((c, d) => {
      members.set(c, [...(members.get(c) ?? []), d]);
    });
    const order = [...members].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    // The most similar other document beside each, so one run answers "which group, and like which one".
    const nearest = await nearestNeighbours(vectors, 1, 0, breather(signal));
    const out: unknown[][] = [];
    order.forEach(([, m], rank) => {
      const keywords = groupKeywords(m, words).join(', ');
      for (const d of m) {
        const nb = nearest[d]![0];
        out.push([
          docs[d]!.id,
          rank + 1,
          m.length,
          keywords,
          round(similarity[d]!),
          nb ? docs[nb.index]!.id : null,
          nb ? round(nb.score) : null,
        ]);
      }
    });
    return out;
  }
  const breathe = breather(signal);
  const neighbours = await nearestNeighbours(vectors, p.k, p.output === 'edges' ? p.minScore : 0, breathe);
  progress(0.8);
  // The phrases are looked for in the first few thousand characters: enough to show why, cheap on long texts.
  const wordIndexes = new Map<number, WordIndex>();
  const phrases = (a: number, b: number) => {
    const text = wordIndexes.get(a) ?? wordIndex(plain[a]!.text.slice(0, 4000));
    wordIndexes.set(a, text);
    return sharedPhrases(vectors[a]!, vectors[b]!, index, text);
  };
  const out: unknown[][] = [];
  if (p.output === 'neighbours') {
    for (let d = 0; d < neighbours.length; d++) {
      await breathe();
      neighbours[d]!.forEach((nb, r) => {
        out.push([docs[d]!.id, r + 1, docs[nb.index]!.id, round(nb.score), phrases(d, nb.index)]);
      });
    }
    return out;
  }
  // Edges: each similar pair once (k-nearest, above the minimum), then pairs that share an identifier.
  const seen = new Set<string>();
  for (let d = 0; d < neighbours.length; d++) {
    await breathe();
    for (const nb of neighbours[d]!) {
      const [a, b] = d < nb.index ? [d, nb.index] : [nb.index, d];
      if (seen.has(`${a}:${b}`)) continue;
      seen.add(`${a}:${b}`);
      out.push([docs[a]!.id, docs[b]!.id, round(nb.score), '유사도', phrases(a, b)]);
    }
  }
  const byValue = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const id of extractIdentifiers(doc.text)) {
      if (id.kind === 'hs_code' && id.value.length < 6) continue; // a heading (4 digits) is too broad a link
      const key = `${KIND_KO[id.kind]} ${id.value}`;
      byValue.set(key, [...(byValue.get(key) ?? []), d]);
    }
  });
  for (const [key, ds] of byValue) {
    if (ds.length < 2 || ds.length > 50) continue; // one document links nothing; a number in every document says nothing
    for (let i = 0; i < ds.length; i++)
      for (let j = i + 1; j < ds.length; j++) out.push([docs[ds[i]!]!.id, docs[ds[j]!]!.id, 1, '같은 식별자', key]);
  }
  return out;
}
